// The y = x² panel: why the learning rate must be small (the article's second figure).
import { ParabolaPanel } from "./pkg/descent.js";
import { h, fmt, fitCanvas, canvasPoint, numberField, player, watchWidth, selectField } from "./ui.js";
import { readoutTable } from "./readouts.js";
import { parabolaFormulas } from "./math.js";
import { TABLE } from "./state.js";
import { words } from "./i18n.js";

const T = TABLE.parabola;

/** The article's learning rates to try; what each shows is in i18n.js (`presets`). */
export const PRESETS = [1, 0.1, 0.5, 0.9, 1.1];

/** Build the panel in `container` from a parsed `state`; `hooks` as for the loss-space panel. */
export function mountParabolaPanel(container, state, hooks) {
  const s = { ...state };
  const W = words(s.lang);
  const core = new ParabolaPanel(s.x0, s.eta, s.range);
  core.setLang(s.lang);
  const notify = hooks.notify;

  const figure = h("canvas", { class: "parabola", tabindex: 0, role: "img", "aria-label": W.figureLabel });
  const rate = h("canvas", { class: "chart", role: "img", "aria-label": W.rateLabel, "data-control": "chart" });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const regime = h("p", { class: "regime" });
  const button = (label, control, onclick, extra = {}) => h("button", { type: "button", onclick, "data-control": control, ...extra }, label);
  const stepBtn = button(W.step, "step", () => step());
  const playBtn = button(W.play, "play", () => play.toggle(), { "aria-pressed": "false" });
  const backBtn = button(W.back, "back", () => { play.stop(); core.stepBack(); update(); });
  const resetBtn = button(W.reset, "reset", () => reset());
  const eta = numberField({ W, label: "η", name: "eta", min: T.eta.min, max: T.eta.max, value: s.eta, onchange: (v) => setEta(v), onerror: notify });
  const x0 = numberField({ W, label: W.labels.x0, name: "x0", min: -s.range, max: s.range, value: s.x0, slider: false, onchange: (v) => setStart(v), onerror: notify });
  const range = numberField({ W, label: W.labels.range, name: "range", min: T.range.min, max: T.range.max, value: s.range, onchange: (v) => setRange(v), onerror: notify });
  range.root.dataset.control = "range";
  const speed = numberField({ W, label: W.labels.speed, name: "speed", min: T.speed.min, max: T.speed.max, step: 1, value: s.speed, onchange: (v) => changed("speed", v), onerror: notify });
  eta.root.dataset.control = "eta";
  x0.root.dataset.control = "x0";
  speed.root.dataset.control = "speed";
  const presets = h("div", { class: "presets", role: "group", "aria-label": W.presetsLabel, "data-control": "presets" },
    PRESETS.map((v, i) => h("button", { type: "button", onclick: () => { setEta(v); reset(); } }, W.presets[i])));
  const langField = selectField({ label: W.labels.lang, name: "lang", options: Object.entries(W.languages), value: s.lang, onchange: (v) => changed("lang", v) }).root;
  const caption = h("p", { class: "caption", "data-control": "readouts" });
  const readouts = readoutTable(W.parabolaReadouts, Object.entries(W.parabolaRows));
  readouts.table.dataset.control = "readouts";
  const formulas = h("div", { class: "formulas", "aria-label": W.parabolaFormulas, "data-control": "formulas" });

  container.replaceChildren(
    h("h2", {}, W.parabolaTitle),
    h("div", { class: "layout" },
      h("div", { class: "figures" }, figure, rate),
      h("div", { class: "side" },
        h("div", { class: "buttons" }, stepBtn, playBtn, backBtn, resetBtn),
        status, regime, presets, eta.root, x0.root, range.root, speed.root, langField, hooks.share ?? "", caption, readouts.table, formulas)));

  const play = player(() => step(), () => s.speed, (on) => { playBtn.textContent = on ? W.pause : W.play; playBtn.setAttribute("aria-pressed", String(on)); });

  function changed(name, v) { s[name] = v; hooks.changed?.(name, v); }
  function guard(f) {
    try { f(); return true; } catch (e) { notify(String(e.message || e)); return false; } finally { update(); }
  }
  function setEta(v) { eta.set(v); if (guard(() => core.setEta(v))) changed("eta", v); }
  function setStart(v) {
    play.stop();
    if (guard(() => core.setStart(v))) { changed("x0", v); x0.set(v); changed("steps", 0); } else x0.set(s.x0);
  }
  function setRange(v) {
    play.stop();
    if (guard(() => core.setRange(v))) {
      changed("range", v);
      range.set(v);
      x0.number.min = String(-v);
      x0.number.max = String(v);
      changed("steps", 0);
    } else range.set(s.range);
  }
  function step() { const moved = core.step(); update(); return moved; }
  function reset() { play.stop(); core.reset(); update(); }
  function runSteps(n) { core.reset(); for (let i = 0; i < n && core.step(); i++); update(); }

  function layout() {
    const width = figure.parentElement.clientWidth || 600;
    fitCanvas(figure, width, Math.max(220, Math.round(width * 0.62)));
    fitCanvas(rate, width, 170);
  }
  function draw() {
    const dpr = window.devicePixelRatio || 1;
    try {
      core.draw(figure, dpr);
      core.drawRate(rate, dpr);
    } catch (e) {
      notify(String(e.message || e)); // a canvas too small for its axes: said, not thrown
    }
  }
  function update() {
    const [stepN, from, slope, dx, to, etaV, last] = core.readout();
    const x = core.x();
    const stopped = core.divergence();
    caption.textContent = last ? W.lastStep(stepN - 1, stepN) : W.firstStep;
    readouts.update({ step: stepN, from, slope, dx, to, eta: etaV });
    formulas.innerHTML = parabolaFormulas({ x: from, slope, dx, next: to, eta: etaV });
    hooks.live({ step: stepN, x, regime: core.regime(), diverged: String(Boolean(stopped)) });
    regime.textContent = W.regime(core.regimeText());
    status.textContent = stopped ?? W.parabolaStatus(stepN, fmt(x));
    status.classList.toggle("bad", Boolean(stopped));
    stepBtn.disabled = Boolean(stopped);
    if (stopped) play.stop();
    if (stepN !== s.steps) changed("steps", stepN);
    hooks.event(stopped ? "descent-diverge" : "descent-step", { step: stepN, x, ...(stopped ? { reason: stopped } : {}) });
    draw();
  }

  let dragging = false;
  const dragTo = (e) => {
    const [px] = canvasPoint(figure, e);
    setStart(Number(core.pixelToX(figure.width, figure.height, window.devicePixelRatio || 1, px).toPrecision(4)));
  };
  figure.addEventListener("pointerdown", (e) => {
    const [px, py] = canvasPoint(figure, e);
    const [cx, cy] = core.pointToPixel(figure.width, figure.height, window.devicePixelRatio || 1, core.x());
    if (Math.hypot(px - cx, py - cy) > 24 * (window.devicePixelRatio || 1)) return;
    dragging = true;
    figure.setPointerCapture(e.pointerId);
  });
  figure.addEventListener("pointermove", (e) => { if (dragging) dragTo(e); });
  figure.addEventListener("pointerup", (e) => { if (dragging) { dragTo(e); dragging = false; } });
  figure.addEventListener("keydown", (e) => {
    const d = { ArrowLeft: -0.05, ArrowRight: 0.05 }[e.key];
    if (d === undefined) return;
    e.preventDefault();
    setStart(Math.min(s.range, Math.max(-s.range, Number((s.x0 + d).toFixed(4)))));
  });

  function set(name, v) {
    if (name === "eta") setEta(v);
    else if (name === "x0") setStart(v);
    else if (name === "speed") { speed.set(v); s.speed = v; }
    else if (name === "steps") runSteps(v);
    else if (name === "range") setRange(v);
  }

  const unwatch = watchWidth(figure.parentElement, () => { layout(); draw(); });
  layout();
  if (s.steps > 0) runSteps(s.steps); else update();
  const destroy = () => { play.stop(); unwatch(); };
  return { core, step, play: play.start, pause: play.stop, reset, set, destroy, state: s };
}
