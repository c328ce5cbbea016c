// The loss-space panel: the article's loss space of (w, b) with SGD trained step by step.
import { LossPanel, randomSeed } from "./pkg/descent.js";
import { h, fitCanvas, canvasPoint, numberField, player, uid } from "./ui.js";
import { readoutTable } from "./readouts.js";
import { sgdFormulas } from "./math.js";

export const LOSS_DEFAULTS = { x0: 1, ystar: 0.5, range: 2, w0: -1.5, b0: -1.5, seed: null, eta: 0.1, cmap: "autumn", view: "2d", scale: "linear", speed: 10 };

/** Build the panel inside `section`; `settings` as LOSS_DEFAULTS; `notify(msg)` shows an error. */
export function mountLossPanel(section, settings, notify) {
  const s = { ...LOSS_DEFAULTS, ...settings };
  const core = new LossPanel(s.x0, s.ystar, -s.range, s.range, s.w0, s.b0, s.eta);
  core.setColormap(s.cmap);
  const angle = { yaw: -0.8, pitch: 1.0 };
  let mapDirty = true;

  const base = h("canvas", { class: "map-base", role: "img", "aria-label": "Loss space heatmap with contour lines; axes w and b" });
  const path = h("canvas", { class: "map-path", tabindex: 0, role: "img", "aria-label": "Trajectory on the loss space. Click or tap to set the start (w₀, b₀)." });
  const stack = h("div", { class: "stack" }, base, path);
  const surface = h("canvas", { class: "surface", tabindex: 0, role: "img", hidden: true, "aria-label": "3-D loss surface. Drag or use the arrow keys to turn it." });
  const chart = h("canvas", { class: "chart", role: "img", "aria-label": "Loss over steps" });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });

  const button = (label, onclick, extra = {}) => h("button", { type: "button", onclick, ...extra }, label);
  const stepBtn = button("Step", () => step());
  const playBtn = button("Play", () => play.toggle(), { "aria-pressed": "false" });
  const backBtn = button("Step back", () => { play.stop(); core.stepBack(); update(); });
  const resetBtn = button("Reset", () => { play.stop(); core.reset(); update(); });
  const randomBtn = button("New random start", () => newSeed());

  const fields = {
    eta: numberField({ label: "η", name: "eta", min: 1e-3, max: 100, log: true, value: s.eta, onchange: (v) => guard(() => core.setEta(v)), onerror: notify }),
    x0: numberField({ label: "x₀", name: "x0", min: -5, max: 5, value: s.x0, onchange: (v) => { s.x0 = v; setSpace(); }, onerror: notify }),
    ystar: numberField({ label: "y*", name: "ystar", min: 0, max: 1, value: s.ystar, onchange: (v) => { s.ystar = v; setSpace(); }, onerror: notify }),
    range: numberField({ label: "range ±", name: "range", min: 0.5, max: 20, value: s.range, onchange: (v) => { s.range = v; setSpace(); }, onerror: notify }),
    speed: numberField({ label: "speed", name: "speed", min: 1, max: 60, step: 1, value: s.speed, onchange: (v) => (s.speed = v), onerror: notify }),
    w0: numberField({ label: "w₀", name: "w0", min: -100, max: 100, value: s.w0, slider: false, onchange: (v) => setStart(v, s.b0), onerror: notify }),
    b0: numberField({ label: "b₀", name: "b0", min: -100, max: 100, value: s.b0, slider: false, onchange: (v) => setStart(s.w0, v), onerror: notify }),
    seed: numberField({ label: "seed", name: "seed", min: 0, max: 4294967295, step: 1, value: s.seed ?? "", slider: false, onchange: (v) => useSeed(v), onerror: notify }),
  };
  const select = (label, name, options, value, onchange) => {
    const id = uid(name);
    const el = h("select", { id, name, onchange: () => onchange(el.value) }, options.map(([v, t]) => h("option", { value: v, selected: v === value }, t)));
    return h("div", { class: "field wide" }, h("label", { for: id }, label), el);
  };
  const cmapSel = select("colours", "cmap", [["autumn", "autumn (article)"], ["viridis", "viridis (colour-blind safe)"]], s.cmap, (v) => { core.setColormap(v); s.cmap = v; mapDirty = true; draw(); });
  const viewSel = select("view", "view", [["2d", "2-D map"], ["3d", "3-D surface"]], s.view, (v) => { s.view = v; showView(); });
  const scaleSel = select("loss axis", "scale", [["linear", "linear"], ["log", "log"]], s.scale, (v) => { s.scale = v; drawChart(); });

  const readouts = readoutTable("Values at the current step", [
    ["step", "step t"], ["x", "x"], ["w", "w"], ["b", "b"], ["y", "y = σ(xw + b)"], ["loss", "L = ½(y − y*)²"],
    ["gw", "g_w = ∂L/∂w"], ["gb", "g_b = ∂L/∂b"], ["dw", "Δw = −η g_w"], ["db", "Δb = −η g_b"], ["eta", "η"], ["wNext", "next w"], ["bNext", "next b"],
  ]);
  const formulas = h("div", { class: "formulas", "aria-label": "SGD formulas with the current numbers" });

  section.replaceChildren(
    h("h2", { id: "ls-title" }, "Loss space of (w, b) — SGD step by step"),
    h("div", { class: "layout" },
      h("div", { class: "figures" }, stack, surface, chart),
      h("div", { class: "side" },
        h("div", { class: "buttons" }, stepBtn, playBtn, backBtn, resetBtn),
        status,
        fields.eta.root, fields.speed.root,
        h("div", { class: "buttons" }, randomBtn), fields.seed.root, fields.w0.root, fields.b0.root,
        fields.x0.root, fields.ystar.root, fields.range.root, cmapSel, viewSel, scaleSel,
        readouts.table, formulas)));

  const play = player(() => step(), () => s.speed, (on) => { playBtn.textContent = on ? "Pause" : "Play"; playBtn.setAttribute("aria-pressed", String(on)); });

  function guard(f) {
    try { f(); return true; } catch (e) { notify(String(e.message || e)); return false; } finally { update(); }
  }
  function setSpace() {
    if (guard(() => core.setSpace(s.x0, s.ystar, -s.range, s.range))) { mapDirty = true; draw(); }
  }
  function setStart(w, b) {
    play.stop();
    if (guard(() => core.setStart(w, b))) {
      s.w0 = w; s.b0 = b;
      fields.w0.set(w); fields.b0.set(b);
    }
  }
  function useSeed(seed) {
    const [w, b] = core.startFromSeed(seed);
    s.seed = seed;
    setStart(w, b);
    fields.seed.set(seed);
  }
  function newSeed() {
    try { useSeed(randomSeed()); } catch (e) { notify(String(e.message || e)); }
  }
  function step() {
    const moved = core.step();
    update();
    return moved;
  }

  function layout() {
    const width = stack.parentElement.clientWidth || 600;
    const dpr = fitCanvas(base, width, Math.max(200, width - 78));
    fitCanvas(path, width, Math.max(200, width - 78));
    fitCanvas(surface, width, Math.max(220, Math.round(width * 0.8)));
    fitCanvas(chart, width, 190);
    mapDirty = true;
    return dpr;
  }
  function draw() {
    const dpr = window.devicePixelRatio || 1;
    if (s.view === "2d") {
      if (mapDirty) { core.drawMap(base, dpr); mapDirty = false; }
      core.drawPath(path, dpr);
    } else {
      core.drawSurface(surface, dpr, angle.yaw, angle.pitch);
    }
    drawChart();
  }
  function drawChart() { core.drawLossChart(chart, window.devicePixelRatio || 1, s.scale === "log"); }
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
    Object.assign(section.dataset, { step: stepN, w, b, loss, diverged: String(Boolean(diverged)) });
    status.textContent = diverged ?? `Step ${stepN}: L = ${loss.toPrecision(6)}`;
    status.classList.toggle("bad", Boolean(diverged));
    stepBtn.disabled = Boolean(diverged);
    if (diverged) play.stop();
    section.dispatchEvent(new CustomEvent(diverged ? "descent-diverge" : "descent-step", { bubbles: true, detail: { step: stepN, w, b, loss, diverged } }));
    draw();
  }

  path.addEventListener("pointerdown", (e) => {
    const [px, py] = canvasPoint(path, e);
    const [w, b] = core.pixelToParams(path.width, path.height, window.devicePixelRatio || 1, px, py);
    if (Math.abs(w) <= s.range && Math.abs(b) <= s.range) {
      s.seed = null; fields.seed.number.value = "";
      setStart(w, b);
    }
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
    core.drawSurface(surface, window.devicePixelRatio || 1, angle.yaw, angle.pitch);
  }

  new ResizeObserver(() => { layout(); draw(); }).observe(stack.parentElement);
  layout();
  showView();
  update();
  return { core, step, play, reset: () => resetBtn.click(), section };
}
