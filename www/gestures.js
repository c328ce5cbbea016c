// Pointer and key gestures on a figure's canvas, apart from what they do: the panel passes the
// actions. `L` is the panel's `listeners()` (ui.js), so they go when the panel goes.

/**
 * A tap (or a click) on `el`, or a drag that begins where `grabs(event)` is true: `place(event)`
 * at the tap, and at every move of the drag and where it ends. Anything else (a vertical swipe
 * that scrolls the page with `touch-action: pan-y`, a long press, a slide) places nothing.
 */
export function tapOrDrag(L, el, grabs, place) {
  let press = null;
  L.on(el, "pointerdown", (e) => {
    press = { x: e.clientX, y: e.clientY, t: performance.now(), drag: Boolean(grabs(e)), id: e.pointerId };
    if (press.drag) el.setPointerCapture(e.pointerId);
  });
  L.on(el, "pointermove", (e) => {
    if (!press?.drag || e.pointerId !== press.id) return;
    place(e);
  });
  L.on(el, "pointerup", (e) => {
    if (!press || e.pointerId !== press.id) return;
    const moved = Math.hypot(e.clientX - press.x, e.clientY - press.y);
    if (press.drag) place(e);
    else if (moved < 10 && performance.now() - press.t < 800) place(e);
    press = null;
  });
  L.on(el, "pointercancel", () => (press = null));
}

/**
 * Turning a view on `el`: `turn(dyaw, dpitch)` (radians) for a horizontal drag (a vertical swipe
 * scrolls), a mouse drag in any direction, two fingers, or the arrow keys.
 */
export function turnGestures(L, el, turn) {
  const pointers = new Map();
  L.on(el, "pointerdown", (e) => {
    pointers.set(e.pointerId, [e.clientX, e.clientY]);
    if (e.pointerType === "mouse") el.setPointerCapture(e.pointerId);
  });
  L.on(el, "pointermove", (e) => {
    const prev = pointers.get(e.pointerId);
    if (!prev) return;
    const [dx, dy] = [e.clientX - prev[0], e.clientY - prev[1]];
    pointers.set(e.pointerId, [e.clientX, e.clientY]);
    if (e.pointerType === "mouse" || pointers.size >= 2) turn((dx * 0.01) / Math.max(1, pointers.size), (dy * 0.01) / Math.max(1, pointers.size));
    else turn(dx * 0.01, 0);
  });
  for (const type of ["pointerup", "pointercancel", "pointerleave"]) L.on(el, type, (e) => pointers.delete(e.pointerId));
  L.on(el, "keydown", (e) => {
    const d = { ArrowLeft: [-0.1, 0], ArrowRight: [0.1, 0], ArrowUp: [0, -0.1], ArrowDown: [0, 0.1] }[e.key];
    if (d) { e.preventDefault(); e.stopPropagation(); turn(...d); }
  });
}
