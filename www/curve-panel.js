// The y = x² panel: why the learning rate must be small (the article's second figure), and the
// series' curve with two wells. Like the loss-space panel it shows the step to come from x_t.
import { CurvePanel } from "./pkg/descent.js";
import { h, fitCanvas, canvasPoint, numberField, selectField, checkField, player, watchWidth, listeners, ratio, setText, setAttr, setHidden } from "./ui.js";
import { readoutTable } from "./readouts.js";
import { curveFormulas, formulasSection } from "./math.js";
import { TABLE, LANGS, snap, DEFAULT_START } from "./state.js";
import { words, loadLang, formatNumber, PRECISION, describeError, sub } from "./i18n.js";
import { replay, replayBuffered } from "./replay.js";

const T = TABLE.parabola;

/** Build the panel in `container` from a parsed `state`; `hooks` as for the loss-space panel. */
export function mountCurvePanel(container, state, hooks) {
  const s = { ...state };
  let W = words(s.lang);
  const L = listeners();
  const core = hooks.guard(new CurvePanel());
  let revealed = false;
  let guess = null;
  let last = null;
  let wasStopped = false;
  let destroyed = false;
  let laidWidth = null; // the column's width as layout() last read it (the figures take 600 for 0)
  const bindings = [];
  const lang = () => s.lang;
  const n = (v) => formatNumber(v, lang(), PRECISION);
  const parabola = () => s.curve === "parabola";
  const compact = () => document.documentElement.dataset.compact === "true";
  const range = () => (parabola() ? s.range : 5);

  const title = h("h2", {});
  const figure = h("canvas", { class: "parabola", tabindex: 0, role: "img" });
  const rate = h("canvas", { class: "chart", role: "img", "data-control": "chart" });
  const status = h("p", { class: "status" });
  const announce = h("div", { class: "sr-only", role: "status", "aria-live": "polite" });
  const trend = h("p", { class: "trend" });
  const regime = h("p", { class: "regime" });
  const button = (key, control, onclick, extra = {}) => {
    const b = h("button", { type: "button", onclick, "data-control": control, ...extra });
    bindings.push((W) => (b.textContent = typeof key === "function" ? key(W) : W[key]));
    return b;
  };
  const stepBtn = button("step", "step", () => step(true));
  const playBtn = button((W) => (play.playing ? W.pause : W.play), "play", () => togglePlay(), { "aria-pressed": "false" });
  const backBtn = button("back", "back", () => back());
  const resetBtn = button("reset", "reset", () => reset());
  const field = (name, extra = {}) => {
    const label = () => (name === "eta" ? "η" : W.labels[name]);
    const f = numberField({
      name, label: label(), f: T[name], value: s[name], show: n, sliderLabel: W.sliderOf(label()),
      onchange: (v) => set(name, v, true),
      onerror: (raw, kept) => hooks.notify(name, W.typed(label(), raw, n(name === "x0" ? -range() : T[name].min), n(name === "x0" ? range() : T[name].max), n(kept))),
      ...extra,
    });
    f.root.dataset.control = name;
    bindings.push(() => f.relabel(label(), W.sliderOf(label())));
    return f;
  };
  const eta = field("eta");
  const x0 = field("x0", { slider: false });
  const rangeField = field("range");
  const speed = field("speed");
  const selects = {};
  const select = (name, options) => {
    const f = selectField({ label: W.labels[name], name, options: options(W), value: s[name], onchange: (v) => (name === "lang" ? loadLang(v).then(() => set(name, v, true)) : set(name, v, true)) });
    selects[name] = f.select;
    bindings.push((W) => f.relabel(W.labels[name], options(W)));
    return f.root;
  };
  const curveSel = select("curve", (W) => Object.entries(W.curves));
  const langSel = select("lang", (W) => LANGS.map((k) => [k, W.languages[k]]));
  const themeSel = select("theme", (W) => Object.entries(W.themes));
  const predictBox = checkField({ label: W.labels.predict, name: "predict", value: s.predict, onchange: (v) => set("predict", v, true) });
  bindings.push((W) => predictBox.relabel(W.labels.predict));
  const presets = h("div", { class: "presets", role: "group", "data-control": "presets" });
  const presetButtons = [1, 0.1, 0.5, 0.9, 1.1].map((v) => h("button", { type: "button", "data-eta": v, onclick: () => { set("eta", v, true); reset(); } }));
  presets.append(...presetButtons);
  const relabelPresets = () => {
    presets.setAttribute("aria-label", W.presetsLabel);
    // In predict mode the captions that give the regime away are not shown.
    const table = s.predict ? W.presets : W.presetsRevealing;
    for (const b of presetButtons) b.textContent = table.find(([v]) => v === Number(b.dataset.eta))?.[1] ?? b.dataset.eta;
  };
  bindings.push(relabelPresets);

  const guessInput = h("input", { type: "text", inputmode: "decimal", role: "spinbutton", name: "guess-x", autocomplete: "off" });
  const guessLabel = h("span", {});
  const checkBtn = button("check", "predict", () => checkGuess());
  const revealBtn = button("reveal", "predict", () => reveal());
  const predictAsk = h("p", { class: "predict-ask" });
  const feedback = h("p", { class: "feedback", role: "status" });
  const predictUi = h("div", { class: "predict", hidden: true }, predictAsk, h("div", { class: "guess" }, h("label", {}, guessLabel, guessInput)), h("div", { class: "buttons" }, checkBtn, revealBtn), feedback);

  const caption = h("p", { class: "caption", "data-control": "readouts" });
  const readouts = readoutTable("", Object.entries(W.curveRows));
  readouts.table.dataset.control = "readouts";
  const formulas = formulasSection(() => update());
  const numbersBox = h("details", { class: "numbers", open: true }, h("summary", {}), caption, readouts.table);
  numbersBox.dataset.control = "readouts";
  const settings = h("details", { class: "settings", open: true }, h("summary", {}), curveSel, x0.root, rangeField.root, langSel, themeSel, predictBox.root);
  bindings.push((W) => {
    numbersBox.querySelector("summary").textContent = W.numbers;
    settings.querySelector("summary").textContent = W.settings;
    formulas.relabel(W.formulasTitle);
  });
  const tools = h("div", { class: "tools" }, hooks.tools ?? "");

  container.replaceChildren(
    title,
    h("div", { class: "layout" },
      h("div", { class: "figures" }, figure, rate),
      h("div", { class: "side" },
        h("div", { class: "buttons" }, stepBtn, playBtn, backBtn, resetBtn),
        status, announce, regime, trend, predictUi, presets, eta.root, speed.root, settings, tools, numbersBox, formulas.box)));

  const play = player(() => core.step(1) > 0, () => s.speed, (on) => {
    playBtn.textContent = on ? W.pause : W.play;
    playBtn.setAttribute("aria-pressed", String(on));
    if (!on) { update(); say(); }
  }, () => { update(); hooks.event("descent-step", detail()); });

  const config = () => ({ curve: s.curve, x0: s.x0, eta: s.eta, range: parabola() ? s.range : 2.5 });
  function configure(key) {
    try { core.configure(config()); return true; } catch (e) { hooks.notify(key, describeError(e, W)); return false; }
  }
  function set(name, v, user = false) {
    const before = s[name];
    let later = null; // a notice to give once the change is reflected (which clears old ones)
    s[name] = v;
    let ok = true;
    if (name === "curve") s.x0 = DEFAULT_START[v] ?? s.x0;
    if (name === "range" && Math.abs(s.x0) > v) {
      const old = s.x0;
      s.x0 = snap(T.x0, Math.sign(s.x0) * v);
      later = () => hooks.notify("x0", W.clamped(W.labels.x0, n(old), n(v), n(s.x0)));
    }
    if (["eta", "x0", "range", "curve"].includes(name)) ok = configure(name);
    else if (name === "steps") { runSteps(v); return true; }
    else if (name === "lang") relabel();
    else if (name === "predict") { revealed = false; guess = null; relabelPresets(); }
    if (!ok) { s[name] = before; sync(); return false; }
    if (user) hooks.change(name, v);
    if (["x0", "range", "curve"].includes(name)) {
      play.stop();
      if (name !== "x0") hooks.change("x0", s.x0);
      resetPredict();
      changedSteps(0);
    }
    if (name === "curve") relabel();
    sync();
    update();
    later?.();
    return true;
  }
  function sync() {
    eta.set(s.eta); x0.set(s.x0); rangeField.set(s.range); speed.set(s.speed);
    for (const [k, sel] of Object.entries(selects)) sel.value = s[k];
    predictBox.input.checked = s.predict;
    x0.bounds(-range(), range());
    rangeField.root.classList.toggle("off", !parabola());
    regime.hidden = !parabola();
    presets.classList.toggle("off", !parabola()); // the presets are y = x²'s regimes
  }

  function step(announceIt = false) {
    if (s.predict && !revealed) { reveal(); return true; }
    const moved = core.step(1) > 0;
    resetPredict();
    update();
    hooks.event("descent-step", detail());
    if (announceIt) say();
    return moved;
  }
  function back() { play.stop(); core.back(); resetPredict(); update(); hooks.event("descent-step", detail()); say(); }
  function reset() { play.stop(); core.reset(); resetPredict(); update(); hooks.event("descent-reset", detail()); say(); }
  function runSteps(k) { core.reset(); core.step(k); resetPredict(); update(); }
  function togglePlay() { if (s.predict) revealed = true; play.toggle(); }
  function changedSteps(t) { if (t !== s.steps) { s.steps = t; hooks.change("steps", t); } }
  function resetPredict() { revealed = false; guess = null; feedback.textContent = ""; guessInput.value = ""; }
  function reveal() {
    revealed = true;
    feedback.textContent = guess !== null ? W.predictFeedback(n(guess), n(last.next), n(Math.abs(guess - last.next))) : W.predictRevealed(n(last.next));
    update();
  }
  function checkGuess() {
    const g = Number(guessInput.value.replace(",", ".").replace("−", "-"));
    if (guessInput.value.trim() && Number.isFinite(g)) guess = g;
    reveal();
  }
  const detail = () => { const r = last ?? core.readout(); return { step: r.t, x: r.x, runs: [{ optimizer: "sgd", params: { eta: r.eta }, step: r.t, x: r.x, loss: r.y }] }; };

  function update() {
    if (destroyed) return;
    const r = core.readout();
    last = r;
    // Draw first: a canvas resolves its fonts against the document's style, which the text
    // changes below would make stale (a style recalculation on every font change).
    draw();
    const hide = s.predict && !revealed;
    const rows = parabola() ? { ...W.curveRows, ...W.parabolaRows } : W.curveRows;
    readouts.relabel(W.numbers, Object.entries(rows));
    readouts.update({ step: r.t, x: r.x, y: r.y, slope: r.slope, dx: r.dx, next: r.next, eta: r.eta }, lang(), new Set(hide ? ["dx", "next"] : []), W.hidden);
    setText(caption, W.caption(r.t));
    formulas.show(r, play.playing, () => curveFormulas(r, { lang: lang(), hide, parabola: parabola() }));
    hooks.live({ step: r.t, x: r.x, regime: r.regime ?? "none", diverged: String(Boolean(r.stop)), trend: r.trend });
    setText(regime, parabola() && r.regime && !hide ? W.regime(W.regimes[r.regime]) : "");
    const stopped = Boolean(r.stop);
    setText(status, stopped ? stopText(r.stop) : W.parabolaStatus(r.t, n(r.x)));
    status.classList.toggle("bad", stopped);
    setText(trend, stopped || hide || parabola() ? "" : W.trend[r.trend] ?? "");
    if (stepBtn.disabled !== stopped) stepBtn.disabled = stopped;
    if (stopped && !wasStopped) hooks.event("descent-diverge", { step: r.t, x: r.x, reason: status.textContent });
    wasStopped = stopped;
    if (stopped) play.stop();
    changedSteps(r.t);
    setHidden(predictUi, !s.predict);
    if (s.predict) {
      predictAsk.textContent = W.predictAsk(`x${sub(r.t + 1)}`);
      guessLabel.textContent = W.guessLabel(`x${sub(r.t + 1)}`);
      checkBtn.disabled = revealBtn.disabled = revealed;
    }
    const summary = `t = ${r.t}, x = ${n(r.x)}, y = ${n(r.y)}.`;
    setAttr(figure, "aria-label", W.figureLabel(summary));
    setAttr(rate, "aria-label", parabola() ? W.rateLabel : W.lossRateLabel);
  }
  function stopText(st) {
    if (st.kind === "left") return W.curveStop(n(st.to[0]), n(-range()), n(range()));
    return W.stop["non-finite"](W.quantity[st.what] ?? st.what, n(st.value));
  }
  function say() { announce.textContent = status.textContent + (regime.textContent ? " " + regime.textContent : ""); }

  function view() {
    return { theme: hooks.theme(), decimal: W.decimal, hideNext: s.predict && !revealed, guess: s.predict ? guess : null, words: { x: "x", y: W.curveAxis[s.curve], slope: W.slopeWord[s.curve], step: W.stepAxis, rate: W.rateAxis[s.curve] } };
  }
  function layout() {
    laidWidth = figure.parentElement.clientWidth;
    const width = laidWidth || 600;
    let height = Math.max(220, Math.round(width * 0.62));
    if (compact()) height = Math.max(180, Math.min(height, window.innerHeight - (container.clientWidth < 700 ? 760 : 260)));
    fitCanvas(figure, width, height);
    fitCanvas(rate, width, 170);
  }
  function draw() {
    if (destroyed) return;
    const d = ratio();
    try {
      core.setView(view());
      replay(figure.getContext("2d"), core.draw(0, figure.width, figure.height, d));
      replay(rate.getContext("2d"), core.draw(1, rate.width, rate.height, d));
    } catch (e) {
      if (e?.code) hooks.notify("draw", describeError(e, W)); else throw e;
    }
  }
  function relabel() {
    W = words(s.lang);
    container.lang = s.lang;
    for (const b of bindings) b(W);
    title.textContent = parabola() ? W.parabolaTitle : W.multiwellTitle;
  }

  // Drag the point (or tap the curve in predict mode to place a guess); arrow keys move x₀.
  let dragging = false;
  const xAt = (e) => {
    const [px] = canvasPoint(figure, e);
    return snap(T.x0, core.locate(figure.width, figure.height, ratio(), px));
  };
  L.on(figure, "pointerdown", (e) => {
    if (s.predict && !revealed) { guess = xAt(e); guessInput.value = n(guess); update(); return; }
    const [px, py] = canvasPoint(figure, e);
    const [cx, cy] = Array.from(core.place(figure.width, figure.height, ratio(), last?.x ?? s.x0));
    if (Math.hypot(px - cx, py - cy) > 24 * ratio()) return;
    dragging = true;
    figure.setPointerCapture(e.pointerId);
  });
  L.on(figure, "pointermove", (e) => { if (dragging) set("x0", xAt(e), true); });
  L.on(figure, "pointerup", (e) => { if (dragging) { set("x0", xAt(e), true); dragging = false; } });
  L.on(figure, "pointercancel", () => (dragging = false));
  L.on(figure, "keydown", (e) => {
    const d = { ArrowLeft: -0.05, ArrowRight: 0.05 }[e.key];
    if (d === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    set("x0", snap(T.x0, Math.min(range(), Math.max(-range(), s.x0 + d))), true);
  });

  async function toPNG(which = "curve") {
    const m = await import("./export.js");
    return m.curvePNG(core, which, { width: laidWidth || 600, view: view(), replay });
  }
  async function toCSV() {
    const m = await import("./export.js");
    return m.curveCSV(core);
  }

  const unwatch = watchWidth(figure.parentElement, () => { layout(); draw(); }, () => laidWidth);
  L.add(unwatch);
  if (compact()) {
    container.classList.add("compact");
    for (const d of [settings, numbersBox, formulas.box]) d.open = false;
  }
  relabel();
  configure("x0");
  sync();
  layout();
  if (s.steps > 0) runSteps(s.steps); else update();
  say();
  const destroy = () => { destroyed = true; play.stop(); L.off(); core.free(); };
  return { core, state: s, step: () => step(true), back, reset, play: () => play.start(), pause: () => play.stop(), set, destroy, toPNG, toCSV, get playing() { return play.playing; }, toggle: togglePlay, focusMap: () => figure.focus() };
}
