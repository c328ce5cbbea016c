// Small DOM helpers shared by the panels: elements, labelled inputs that step on the state
// table's grid, HiDPI canvases, the Play loop.
import { parseNumber, snap } from "./state.js";

/** Create an element with attributes and children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === undefined || v === null) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** `f` in a task after the next frame has been painted, or after 200 ms (a hidden page paints
 * no frame). Calls keep their order. */
export function afterPaint(f) {
  let t = setTimeout(() => {
    t = null;
    f();
  }, 200);
  requestAnimationFrame(() => {
    if (t === null) return;
    clearTimeout(t);
    setTimeout(f, 0);
  });
}

/** Device pixels per CSS pixel, kept within what the module draws (0.25 … 8). */
export function ratio() {
  const d = window.devicePixelRatio || 1;
  return Math.min(8, Math.max(0.25, d));
}

/**
 * Size a canvas to its CSS box in device pixels, so lines and text are crisp on HiDPI screens.
 * Returns true when the backing store changed.
 */
export function fitCanvas(canvas, cssWidth, cssHeight) {
  const d = ratio();
  const w = Math.min(8192, Math.max(1, Math.round(cssWidth * d)));
  const hgt = Math.min(8192, Math.max(1, Math.round(cssHeight * d)));
  canvas.style.height = `${cssHeight}px`;
  if (canvas.width === w && canvas.height === hgt) return false;
  canvas.width = w;
  canvas.height = hgt;
  return true;
}

/** A device-pixel position inside a canvas for a pointer event. */
export function canvasPoint(canvas, event) {
  const r = canvas.getBoundingClientRect();
  return [((event.clientX - r.left) * canvas.width) / (r.width || 1), ((event.clientY - r.top) * canvas.height) / (r.height || 1)];
}

let ids = 0;
/** A unique id with a prefix. */
export const uid = (p) => `${p}-${++ids}`;

/**
 * A labelled number: an optional slider and a text box that acts as a spin button (arrow keys
 * step on the grid; it reads decimals with a point or a comma). `f` is the state table's field
 * (min, max, grid, log). Every value it passes to `onchange` is one the table accepts; text that
 * is not is reported to `onerror(raw)` and the box shows the value still in effect.
 * Returns `{root, input, slider, set(v), relabel(label)}`.
 */
export function numberField({ name, label, f, value, slider = true, show, onchange, onerror, sliderLabel, zero = null }) {
  // `zero()`: the word shown for 0 where 0 means something else than a size (a batch of 0 is
  // the whole set); the word, in any case, is taken back as 0.
  const id = uid(name);
  const lab = h("label", { for: id }, label);
  const input = h("input", { type: "text", id, name, role: "spinbutton", inputmode: "decimal", autocomplete: "off", spellcheck: "false", "aria-valuemin": f.min, "aria-valuemax": f.max });
  const range = slider
    ? h("input", { type: "range", "aria-label": sliderLabel ?? label, min: f.log ? Math.log10(f.min) : f.min, max: f.log ? Math.log10(f.max) : f.max, step: f.log ? 0.01 : f.type === "integer" ? 1 : (f.grid ?? (f.max - f.min) / 200) })
    : null;
  let current = value;
  const text = (v) => (v === null || v === undefined ? "" : v === 0 && zero ? zero() : f.type === "integer" ? String(v) : show(v));
  const set = (v) => {
    current = v;
    input.value = text(v);
    if (v !== null && v !== undefined) {
      input.setAttribute("aria-valuenow", String(v));
      input.setAttribute("aria-valuetext", text(v));
    }
    if (range && v !== null && v !== undefined) {
      range.value = String(f.log ? Math.log10(Math.max(v, f.min)) : v);
      range.setAttribute("aria-valuetext", text(v));
    }
  };
  const commit = (v) => {
    if (v === current) return set(v);
    set(v);
    onchange(v);
  };
  range?.addEventListener("input", () => {
    const raw = Number(range.value);
    commit(snap(f, f.log ? 10 ** raw : raw));
  });
  input.addEventListener("change", () => {
    const raw = input.value;
    const v = zero && raw.trim().toLowerCase() === zero().toLowerCase() ? 0 : parseNumber(raw);
    const ok = Number.isFinite(v) && v >= Number(input.getAttribute("aria-valuemin")) && v <= Number(input.getAttribute("aria-valuemax")) && (f.type !== "integer" || Number.isInteger(v));
    if (!ok) {
      set(current); // the value still in effect; the notice says why
      onerror?.(raw, current);
      return;
    }
    commit(f.precision ? Number(v.toPrecision(f.precision)) : v);
  });
  input.addEventListener("keydown", (e) => {
    const dir = { ArrowUp: 1, ArrowDown: -1, PageUp: 10, PageDown: -10 }[e.key];
    if (!dir) return;
    e.preventDefault();
    e.stopPropagation();
    const base = current ?? (f.min + f.max) / 2;
    const v = f.log ? 10 ** (Math.log10(Math.max(base, f.min)) + 0.05 * dir) : base + dir * (f.type === "integer" ? 1 : typeof f.grid === "number" ? f.grid : (f.max - f.min) / 100);
    commit(snap(f, v));
  });
  set(value);
  const root = h("div", { class: "field" + (range ? "" : " wide") }, lab, range, input);
  return { root, input, slider: range, set, get: () => current, bounds(min, max) { input.setAttribute("aria-valuemin", min); input.setAttribute("aria-valuemax", max); }, relabel(l, s) { lab.textContent = l; range?.setAttribute("aria-label", s ?? l); if (zero) set(current); } };
}

/** A labelled `<select>`: `options` as `[value, text]` pairs. Returns `{root, select, relabel}`. */
export function selectField({ label, name, options, value, onchange }) {
  const id = uid(name);
  const lab = h("label", { for: id }, label);
  const select = h("select", { id, name, onchange: () => onchange(select.value) }, options.map(([v, t]) => h("option", { value: v }, t)));
  select.value = value;
  const root = h("div", { class: "field wide", "data-control": name }, lab, select);
  const relabel = (l, opts) => {
    lab.textContent = l;
    if (opts) for (const o of select.options) o.textContent = opts.find(([v]) => v === o.value)?.[1] ?? o.textContent;
  };
  return { root, select, relabel };
}

/** A labelled checkbox. Returns `{root, input, relabel}`. */
export function checkField({ label, name, value, onchange }) {
  const id = uid(name);
  const input = h("input", { type: "checkbox", id, name, onchange: () => onchange(input.checked) });
  input.checked = Boolean(value);
  const lab = h("label", { for: id }, label);
  return { root: h("div", { class: "field check", "data-control": name }, input, lab), input, relabel: (l) => (lab.textContent = l) };
}

/** Whether the reader asked for less motion. */
export const reducedMotion = () => window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

/**
 * A Play/Pause loop calling `tick()` `rate()` times a second (several ticks in one frame when
 * needed); stops when `tick` returns false. With reduced motion it steps on a timer, one step at
 * a time, with nothing in between. `onstate(playing)` is told each change.
 */
export function player(tick, rate, onstate, draw = () => {}) {
  let raf = 0;
  let timer = 0;
  let last = 0;
  let carry = 0;
  const frame = (t) => {
    if (!raf) return;
    const dt = last ? Math.min(t - last, 250) : 0;
    last = t;
    carry += (dt / 1000) * rate();
    let go = true;
    let moved = false;
    while (carry >= 1 && go) {
      carry -= 1;
      go = tick();
      moved = true;
    }
    if (moved) draw();
    if (!go) return stop();
    raf = requestAnimationFrame(frame);
  };
  const slow = () => {
    if (!timer) return;
    if (!tick()) return stop();
    draw();
    timer = setTimeout(slow, 1000 / Math.max(1, rate()));
  };
  const start = () => {
    if (raf || timer) return;
    if (reducedMotion()) {
      timer = setTimeout(slow, 0);
    } else {
      last = 0;
      carry = 1;
      raf = requestAnimationFrame(frame);
    }
    onstate(true);
  };
  const stop = () => {
    const was = raf !== 0 || timer !== 0;
    if (raf) cancelAnimationFrame(raf);
    if (timer) clearTimeout(timer);
    raf = timer = 0;
    if (was) onstate(false);
  };
  return { start, stop, get playing() { return raf !== 0 || timer !== 0; }, toggle: () => (raf || timer ? stop() : start()) };
}

/**
 * Writes for what changes every frame of Play, done only when the value changes and in place:
 * `textContent =` replaces the text node (a removal and an insertion, each invalidating style
 * and layout: ~64 a frame with a race of 19), and setting an attribute or `hidden` to the value
 * it already has still invalidates the element's style.
 */
export function setText(el, text) {
  const t = el.firstChild;
  if (t !== null && t.nodeType === Node.TEXT_NODE && t.nextSibling === null) {
    if (t.data !== text) t.data = text;
  } else if (el.textContent !== text || (t !== null && t.nextSibling !== null)) {
    el.textContent = text;
  }
}
export function setAttr(el, name, value) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
export function setHidden(el, hidden) {
  if (el.hidden !== hidden) el.hidden = hidden;
}

/**
 * Call `onresize()` when `el`'s width is no longer `laidOut()`, the width its figures were last laid
 * out for (not on a height change, which the caller's own drawing causes). Nothing is read here
 * until the browser has laid the page out itself: reading `clientWidth` at once would force a
 * layout of the half-built page (one more style and layout pass per panel before the first frame).
 * Returns a function that stops watching.
 */
export function watchWidth(el, onresize, laidOut) {
  const observer = new ResizeObserver(() => {
    if (el.clientWidth !== laidOut()) onresize();
  });
  observer.observe(el);
  return () => observer.disconnect();
}

/**
 * Listeners added through this are all removed by `off()`: what a panel registers on `window`,
 * `document` or media queries lets go when it is torn down.
 */
export function listeners() {
  const undo = [];
  return {
    on(target, type, fn, opts) { target.addEventListener(type, fn, opts); undo.push(() => target.removeEventListener(type, fn, opts)); },
    add(fn) { undo.push(fn); },
    off() { while (undo.length) undo.pop()(); },
  };
}
