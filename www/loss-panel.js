// The loss-space panel: the article's loss space of (w, b) with SGD trained step by step.
import { LossPanel, randomSeed } from "./pkg/descent.js";
import { h, fitCanvas, canvasPoint, numberField, player, watchWidth, selectField } from "./ui.js";
import { readoutTable } from "./readouts.js";
import { sgdFormulas } from "./math.js";
import { TABLE } from "./state.js";
import { words } from "./i18n.js";

const T = TABLE["loss-space"];

/**
 * Build the panel in `container` from a parsed `state` (see state.js). `hooks.notify(msg)` shows a
 * problem; `hooks.changed(name, value)` reports a setting the user changed; `hooks.event(type,
 * detail)` reports steps and divergence; `hooks.share` is an optional share control element.
 */
export function mountLossPanel(container, state, hooks) {
  const s = { ...state };
  const W = words(s.lang);
  const field = (name, extra = {}) => ({ W, name, label: W.labels[name], min: T[name].min, max: T[name].max, log: T[name].log, step: T[name].type === "integer" ? 1 : "any", ...extra });
  const core = new LossPanel(s.x0, s.ystar, -s.range, s.range, s.w0, s.b0, s.eta);
  core.setLang(s.lang);
  if (s.seed !== null) {
    [s.w0, s.b0] = core.startFromSeed(s.seed);
    core.setStart(s.w0, s.b0);
  }
  core.setColormap(s.cmap);
  const angle = { yaw: -0.8, pitch: 1.0 };
  let mapDirty = true;
  const notify = hooks.notify;

  const base = h("canvas", { class: "map-base", role: "img", "aria-label": W.mapLabel });
  // A CPU-backed context for the heatmap layer: putImageData into it is a copy, where a
  // GPU-backed one uploads a texture (13 ms for 900×900 px in software GL). It is drawn only when
  // the map is recomputed.
  base.getContext("2d", { willReadFrequently: true });
  const path = h("canvas", { class: "map-path", role: "img", "aria-label": W.pathLabel });
  const stack = h("div", { class: "stack" }, base, path);
  const surface = h("canvas", { class: "surface", tabindex: 0, role: "img", hidden: true, "aria-label": W.surfaceLabel });
  const chart = h("canvas", { class: "chart", role: "img", "aria-label": W.lossChartLabel, "data-control": "chart" });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });

  const button = (label, control, onclick, extra = {}) => h("button", { type: "button", onclick, "data-control": control, ...extra }, label);
  const stepBtn = button(W.step, "step", () => step());
  const playBtn = button(W.play, "play", () => play.toggle(), { "aria-pressed": "false" });
  const backBtn = button(W.back, "back", () => { play.stop(); core.stepBack(); update(); });
  const resetBtn = button(W.reset, "reset", () => reset());
  const randomBtn = button(W.random, "random", () => newSeed());

  const fields = {
    eta: numberField({ ...field("eta"), value: s.eta, onchange: (v) => { if (guard(() => core.setEta(v))) changed("eta", v); }, onerror: notify }),
    speed: numberField({ ...field("speed"), value: s.speed, onchange: (v) => { s.speed = v; changed("speed", v); }, onerror: notify }),
    seed: numberField({ ...field("seed"), value: s.seed ?? "", slider: false, onchange: (v) => useSeed(v), onerror: notify }),
    w0: numberField({ ...field("w0"), value: s.w0, slider: false, onchange: (v) => setStart(v, s.b0, true), onerror: notify }),
    b0: numberField({ ...field("b0"), value: s.b0, slider: false, onchange: (v) => setStart(s.w0, v, true), onerror: notify }),
    x0: numberField({ ...field("x0"), value: s.x0, onchange: (v) => setSpace({ x0: v }), onerror: notify }),
    ystar: numberField({ ...field("ystar"), value: s.ystar, onchange: (v) => setSpace({ ystar: v }), onerror: notify }),
    range: numberField({ ...field("range"), value: s.range, onchange: (v) => setSpace({ range: v }), onerror: notify }),
  };
  const selects = {};
  const select = (name, options, onchange) => {
    const field = selectField({ label: W.labels[name], name, options, value: s[name], onchange });
    selects[name] = field.select;
    return field.root;
  };
  const cmapSel = select("cmap", Object.entries(W.cmap), (v) => setChoice("cmap", v));
  const viewSel = select("view", Object.entries(W.view), (v) => setChoice("view", v));
  const scaleSel = select("scale", Object.entries(W.scale), (v) => setChoice("scale", v));
  const langSel = select("lang", Object.entries(W.languages), (v) => changed("lang", v));
  for (const name of ["eta", "speed", "seed", "x0", "ystar", "range"]) fields[name].root.dataset.control = name;
  fields.w0.root.dataset.control = fields.b0.root.dataset.control = "start";

  const readouts = readoutTable(W.lossReadouts, Object.entries(W.lossRows));
  readouts.table.dataset.control = "readouts";
  const formulas = h("div", { class: "formulas", "aria-label": W.lossFormulas, "data-control": "formulas" });

  container.replaceChildren(
    h("h2", {}, W.lossTitle),
    h("div", { class: "layout" },
      h("div", { class: "figures" }, stack, surface, chart),
      h("div", { class: "side" },
        h("div", { class: "buttons" }, stepBtn, playBtn, backBtn, resetBtn),
        status,
        fields.eta.root, fields.speed.root,
        h("div", { class: "buttons" }, randomBtn), fields.seed.root, fields.w0.root, fields.b0.root,
        fields.x0.root, fields.ystar.root, fields.range.root, cmapSel, viewSel, scaleSel, langSel,
        hooks.share ?? "", readouts.table, formulas)));

  const play = player(() => step(), () => s.speed, (on) => { playBtn.textContent = on ? W.pause : W.play; playBtn.setAttribute("aria-pressed", String(on)); });

  function changed(name, v) { s[name] = v; hooks.changed?.(name, v); }
  function guard(f) {
    try { f(); return true; } catch (e) { notify(String(e.message || e)); return false; } finally { update(); }
  }
  function setSpace(next) {
    const t = { ...s, ...next };
    if (guard(() => core.setSpace(t.x0, t.ystar, -t.range, t.range))) {
      for (const [k, v] of Object.entries(next)) { changed(k, v); fields[k].set(v); }
      changed("steps", 0);
      mapDirty = true;
      draw();
    } else {
      for (const k of Object.keys(next)) fields[k].set(s[k]);
    }
  }
  function setStart(w, b, typed) {
    play.stop();
    if (guard(() => core.setStart(w, b))) {
      if (typed) { s.seed = null; fields.seed.number.value = ""; changed("seed", null); }
      changed("w0", w); changed("b0", b); changed("steps", 0);
      fields.w0.set(w); fields.b0.set(b);
    } else {
      fields.w0.set(s.w0); fields.b0.set(s.b0);
    }
  }
  function useSeed(seed) {
    const [w, b] = core.startFromSeed(seed);
    setStart(w, b, false);
    changed("seed", seed);
    fields.seed.set(seed);
  }
  function newSeed() {
    try { useSeed(randomSeed()); } catch (e) { notify(String(e.message || e)); }
  }
  function setChoice(name, v) {
    changed(name, v);
    selects[name].value = v;
    if (name === "cmap") { core.setColormap(v); mapDirty = true; draw(); }
    if (name === "view") showView();
    if (name === "scale") drawChart();
  }
  function step() {
    const moved = core.step();
    update();
    return moved;
  }
  function reset() { play.stop(); core.reset(); update(); }
  function runSteps(n) {
    core.reset();
    for (let i = 0; i < n && core.step(); i++);
    update();
  }

  function layout() {
    const width = stack.parentElement.clientWidth || 600;
    const height = Math.max(200, width - 78);
    fitCanvas(base, width, height);
    fitCanvas(path, width, height);
    fitCanvas(surface, width, Math.max(220, Math.round(width * 0.8)));
    fitCanvas(chart, width, 190);
    mapDirty = true;
  }
  /** Run drawing calls; a figure that cannot be drawn (a canvas too small for its axes) is said
   * in the notice instead of breaking the panel. */
  function drawing(f) {
    try { f(); } catch (e) { notify(String(e.message || e)); }
  }
  function draw() {
    const dpr = window.devicePixelRatio || 1;
    drawing(() => {
      if (s.view === "2d") {
        if (mapDirty) { core.drawMap(base, dpr); mapDirty = false; }
        core.drawPath(path, dpr);
      } else {
        core.drawSurface(surface, dpr, angle.yaw, angle.pitch);
      }
    });
    drawChart();
  }
  function drawChart() { drawing(() => core.drawLossChart(chart, window.devicePixelRatio || 1, s.scale === "log")); }
  function showView() {
    stack.hidden = s.view !== "2d";
    surface.hidden = s.view !== "3d";
    draw();
  }

  function update() {
    const [stepN, x, w, b, y, loss, gw, gb, dw, db, eta, wNext, bNext] = core.readout();
    const diverged = core.divergence();
    readouts.update({ step: stepN, x, w, b, y, loss, gw, gb, dw, db, eta, wNext, bNext });
    formulas.innerHTML = sgdFormulas({ x, y, yStar: s.ystar, w, b, gw, gb, dw, db, eta, wNext, bNext });
    hooks.live({ step: stepN, w, b, loss, diverged: String(Boolean(diverged)) });
    status.textContent = diverged ?? W.lossStatus(stepN, loss.toPrecision(6));
    status.classList.toggle("bad", Boolean(diverged));
    stepBtn.disabled = Boolean(diverged);
    if (diverged) play.stop();
    if (stepN !== s.steps) changed("steps", stepN);
    hooks.event(diverged ? "descent-diverge" : "descent-step", { step: stepN, w, b, loss, ...(diverged ? { reason: diverged } : {}) });
    draw();
  }

  path.addEventListener("pointerdown", (e) => {
    const [px, py] = canvasPoint(path, e);
    const [w, b] = core.pixelToParams(path.width, path.height, window.devicePixelRatio || 1, px, py);
    if (Math.abs(w) <= s.range && Math.abs(b) <= s.range) setStart(w, b, true);
  });
  let drag = null;
  surface.addEventListener("pointerdown", (e) => { drag = [e.clientX, e.clientY]; surface.setPointerCapture(e.pointerId); });
  surface.addEventListener("pointermove", (e) => {
    if (!drag) return;
    turn((e.clientX - drag[0]) * 0.01, (e.clientY - drag[1]) * 0.01);
    drag = [e.clientX, e.clientY];
  });
  surface.addEventListener("pointerup", () => (drag = null));
  surface.addEventListener("keydown", (e) => {
    const d = { ArrowLeft: [-0.1, 0], ArrowRight: [0.1, 0], ArrowUp: [0, -0.1], ArrowDown: [0, 0.1] }[e.key];
    if (d) { e.preventDefault(); turn(...d); }
  });
  function turn(dyaw, dpitch) {
    angle.yaw += dyaw;
    angle.pitch = Math.min(1.5, Math.max(0, angle.pitch + dpitch));
    drawing(() => core.drawSurface(surface, window.devicePixelRatio || 1, angle.yaw, angle.pitch));
  }

  /** Apply one setting from outside (an attribute changed), as if the user had set it. */
  function set(name, v) {
    if (name === "eta") { fields.eta.set(v); if (guard(() => core.setEta(v))) s.eta = v; }
    else if (name === "speed") { s.speed = v; fields.speed.set(v); }
    else if (["x0", "ystar", "range"].includes(name)) setSpace({ [name]: v });
    else if (name === "w0") setStart(v, s.b0, true);
    else if (name === "b0") setStart(s.w0, v, true);
    else if (name === "seed") { if (v !== null) useSeed(v); }
    else if (name === "steps") runSteps(v);
    else if (["cmap", "view", "scale"].includes(name)) setChoice(name, v);
  }

  const unwatch = watchWidth(stack.parentElement, () => { layout(); draw(); });
  layout();
  showView();
  if (s.steps > 0) runSteps(s.steps); else update();
  const destroy = () => { play.stop(); unwatch(); };
  return { core, step, play: play.start, pause: play.stop, reset, set, destroy, state: s };
}
