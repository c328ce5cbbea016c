// The y = x² panel: why the learning rate must be small (the article's second figure).
import { ParabolaPanel } from "./pkg/descent.js";
import { h, fmt, fitCanvas, canvasPoint, numberField, player } from "./ui.js";
import { readoutTable } from "./readouts.js";
import { parabolaFormulas } from "./math.js";

export const PARABOLA_DEFAULTS = { x0: 1, eta: 1, range: 2.5, speed: 3 };

/** The article's presets and what each shows. */
export const PRESETS = [
  [1, "η = 1: bounces between 1 and −1 forever"],
  [0.1, "η = 0.1: smooth"],
  [0.5, "η = 0.5: one step to the bottom"],
  [0.9, "η = 0.9: oscillating convergence"],
  [1.1, "η = 1.1: divergence"],
];

export function mountParabolaPanel(section, settings, notify) {
  const s = { ...PARABOLA_DEFAULTS, ...settings };
  const core = new ParabolaPanel(s.x0, s.eta, s.range);

  const figure = h("canvas", { class: "parabola", tabindex: 0, role: "img", "aria-label": "y = x² with the current point, its tangent and the steps. Drag the point to set x₀; arrow keys move it." });
  const rate = h("canvas", { class: "chart", role: "img", "aria-label": "|x_t| against t on a log scale, with the predicted |1 − 2η|^t dashed" });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const regime = h("p", { class: "regime" });
  const button = (label, onclick, extra = {}) => h("button", { type: "button", onclick, ...extra }, label);
  const stepBtn = button("Step", () => step());
  const playBtn = button("Play", () => play.toggle(), { "aria-pressed": "false" });
  const backBtn = button("Step back", () => { play.stop(); core.stepBack(); update(); });
  const resetBtn = button("Reset", () => { play.stop(); core.reset(); update(); });
  const eta = numberField({ label: "η", name: "eta", min: -0.5, max: 1.5, value: s.eta, onchange: (v) => setEta(v), onerror: notify });
  const x0 = numberField({ label: "x₀", name: "x0", min: -s.range, max: s.range, value: s.x0, slider: false, onchange: (v) => setStart(v), onerror: notify });
  const speed = numberField({ label: "speed", name: "speed", min: 1, max: 30, step: 1, value: s.speed, onchange: (v) => (s.speed = v), onerror: notify });
  const presets = h("div", { class: "presets", role: "group", "aria-label": "Learning-rate presets" },
    PRESETS.map(([v, text]) => button(text, () => { eta.set(v); setEta(v); core.reset(); update(); })));
  const caption = h("p", { class: "caption" });
  const readouts = readoutTable("One step of gradient descent in numbers", [
    ["step", "step t"], ["from", "from x"], ["slope", "slope 2x"], ["dx", "Δx = −η·2x"], ["to", "to x + Δx"], ["eta", "η"],
  ]);
  const formulas = h("div", { class: "formulas", "aria-label": "The step's formulas with the current numbers" });

  section.replaceChildren(
    h("h2", { id: "pb-title" }, "y = x²: why the learning rate must be small"),
    h("div", { class: "layout" },
      h("div", { class: "figures" }, figure, rate),
      h("div", { class: "side" },
        h("div", { class: "buttons" }, stepBtn, playBtn, backBtn, resetBtn),
        status, regime, presets, eta.root, x0.root, speed.root, caption, readouts.table, formulas)));

  const play = player(() => step(), () => s.speed, (on) => { playBtn.textContent = on ? "Pause" : "Play"; playBtn.setAttribute("aria-pressed", String(on)); });

  function guard(f) {
    try { f(); return true; } catch (e) { notify(String(e.message || e)); return false; } finally { update(); }
  }
  function setEta(v) { s.eta = v; guard(() => core.setEta(v)); }
  function setStart(v) { play.stop(); if (guard(() => core.setStart(v))) { s.x0 = v; x0.set(v); } }
  function step() { const moved = core.step(); update(); return moved; }

  function layout() {
    const width = figure.parentElement.clientWidth || 600;
    fitCanvas(figure, width, Math.max(220, Math.round(width * 0.62)));
    fitCanvas(rate, width, 170);
  }
  function draw() {
    const dpr = window.devicePixelRatio || 1;
    core.draw(figure, dpr);
    core.drawRate(rate, dpr);
  }
  function update() {
    const [stepN, from, slope, dx, to, etaV, last] = core.readout();
    const x = core.x();
    const stopped = core.divergence();
    caption.textContent = last ? `The last step, from x_${stepN - 1} to x_${stepN}:` : "The first step, from x₀ to x₁ (press Step):";
    readouts.update({ step: stepN, from, slope, dx, to, eta: etaV });
    formulas.innerHTML = parabolaFormulas({ x: from, slope, dx, next: to, eta: etaV });
    Object.assign(section.dataset, { step: stepN, x, regime: core.regime(), diverged: String(Boolean(stopped)) });
    regime.textContent = `Regime: ${core.regimeText()}.`;
    status.textContent = stopped ?? `Step ${stepN}: x = ${fmt(x)}`;
    status.classList.toggle("bad", Boolean(stopped));
    stepBtn.disabled = Boolean(stopped);
    if (stopped) play.stop();
    section.dispatchEvent(new CustomEvent(stopped ? "descent-diverge" : "descent-step", { bubbles: true, detail: { step: stepN, x, diverged: stopped } }));
    draw();
  }

  let dragging = false;
  const dragTo = (e) => {
    const [px] = canvasPoint(figure, e);
    const v = Number(core.pixelToX(figure.width, figure.height, window.devicePixelRatio || 1, px).toPrecision(4));
    setStart(v);
  };
  figure.addEventListener("pointerdown", (e) => {
    const [px, py] = canvasPoint(figure, e);
    const [cx, cy] = core.pointToPixel(figure.width, figure.height, window.devicePixelRatio || 1, core.x());
    const near = Math.hypot(px - cx, py - cy) < 24 * (window.devicePixelRatio || 1);
    if (!near) return;
    dragging = true;
    figure.setPointerCapture(e.pointerId);
  });
  figure.addEventListener("pointermove", (e) => { if (dragging) dragTo(e); });
  figure.addEventListener("pointerup", (e) => { if (dragging) { dragTo(e); dragging = false; } });
  figure.addEventListener("keydown", (e) => {
    const d = { ArrowLeft: -0.05, ArrowRight: 0.05 }[e.key];
    if (d === undefined) return;
    e.preventDefault();
    const v = Math.min(s.range, Math.max(-s.range, Number((s.x0 + d).toFixed(4))));
    setStart(v);
  });

  new ResizeObserver(() => { layout(); draw(); }).observe(figure.parentElement);
  layout();
  update();
  return { core, step, play, reset: () => resetBtn.click(), section };
}
