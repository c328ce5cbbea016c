// The loss-space panel: the article's loss space of (w, b) (or a test surface), one optimizer or
// a race of several, trained step by step. The wasm `LossPanel` computes and draws (as recorded
// operations); this module builds the controls, shows the numbers and replays the figures.
import { LossPanel, dataPreset, randomSeed, startFromSeed } from "./pkg/descent.js";
import { h, fitCanvas, canvasPoint, numberField, selectField, checkField, player, watchWidth, listeners, ratio, setText, setAttr, setHidden } from "./ui.js";
import { readoutTable } from "./readouts.js";
import { neuronFormulas, surfaceFormulas, formulasSection } from "./math.js";
import { TABLE, ACTIVATIONS, LOSSES, SURFACES, DATA, LANGS, DEFAULT_START, customData, writeRuns, snap } from "./state.js";
import { words, loadLang, formatNumber, PRECISION, describeError } from "./i18n.js";
import { replay, replayBuffered } from "./replay.js";
import { RUN_COLOURS } from "./colours.js";
import { tapOrDrag, turnGestures } from "./gestures.js";

const T = TABLE["loss-space"];
const FIG = { map: 0, paths: 1, surface: 2, chart: 3, legend: 4 };

/** Named starting points a teacher can return to in one click. */
export const LOSS_PRESETS = {
  descent: { surface: "neuron", eta: 2, w0: -2, b0: 0.5, optimizers: [{ name: "sgd", params: {} }] },
  plateau: { surface: "neuron", eta: 0.1, w0: -1.5, b0: -1.5, optimizers: [{ name: "sgd", params: {} }] },
  overshoot: { surface: "neuron", eta: 30, w0: -1, b0: 0.5, optimizers: [{ name: "sgd", params: {} }] },
  diverge: { surface: "neuron", eta: 100, w0: -2, b0: -2, optimizers: [{ name: "sgd", params: {} }] },
};

/**
 * Build the panel in `container` from a parsed `state` (see state.js). Hooks: `change(name, v)`
 * a setting the user changed; `notify(key, text)` a problem in words (one line per key);
 * `event(type, detail)`; `live(data)` the element's data-* attributes; `guard(core)` wraps the
 * wasm object so a lost module is reported once; `theme()` the theme in effect.
 */
export function mountLossPanel(container, state, hooks) {
  const s = { ...state };
  let W = words(s.lang);
  const L = listeners();
  const core = hooks.guard(new LossPanel());
  const angle = { yaw: -0.8, pitch: (60 * Math.PI) / 180 };
  let guess = null;
  let revealed = false;
  let heatVersion = -1;
  let heatImg = null;
  const heat = document.createElement("canvas");
  let laidWidth = null; // the column's width as layout() last read it (the figures take 600 for 0)
  let last = null; // the last readout
  let lastStop = [];
  let destroyed = false;
  const bindings = []; // [fn(W)] to relabel in place on a language change

  const isNeuron = () => s.surface === "neuron";
  const runs = () => s.optimizers.map((r) => ({ name: r.name, params: { eta: s.eta, ...r.params } }));
  const race = () => s.optimizers.length > 1;
  const lang = () => s.lang;
  const n = (v) => formatNumber(v, lang(), PRECISION);

  // ----- DOM -----
  const title = h("h2", {});
  const base = h("canvas", { class: "map-base", "aria-hidden": "true" });
  base.getContext("2d", { willReadFrequently: true });
  const path = h("canvas", { class: "map-path", tabindex: 0, role: "img" });
  const stack = h("div", { class: "stack" }, base, path);
  const surface = h("canvas", { class: "surface", tabindex: 0, role: "img", hidden: true });
  const hint = h("p", { class: "hint", hidden: true });
  const legend = h("ul", { class: "legend", hidden: true });
  const chart = h("canvas", { class: "chart", role: "img", "data-control": "chart" });
  const status = h("p", { class: "status" });
  const announce = h("div", { class: "sr-only", role: "status", "aria-live": "polite" });
  const trend = h("p", { class: "trend" });

  const button = (key, control, onclick, extra = {}) => {
    const b = h("button", { type: "button", onclick, "data-control": control, ...extra });
    bindings.push((W) => (b.textContent = typeof key === "function" ? key(W) : W[key]));
    return b;
  };
  const stepBtn = button("step", "step", () => step(true));
  const playBtn = button((W) => (play.playing ? W.pause : W.play), "play", () => togglePlay(), { "aria-pressed": "false" });
  const backBtn = button("back", "back", () => back());
  const resetBtn = button("reset", "reset", () => reset());
  const randomBtn = button("random", "random", () => newSeed());

  const label = (name) => W.labels[name];
  const field = (name, extra = {}) => {
    const f = numberField({
      name, label: label(name), f: T[name], value: s[name], show: n, sliderLabel: W.sliderOf(label(name)),
      onchange: (v) => set(name, v, true),
      onerror: (raw, kept) => hooks.notify(name, W.typed(label(name), raw, n(T[name].min), n(T[name].max), n(kept))),
      ...extra,
    });
    f.root.dataset.control = extra.control ?? name;
    bindings.push((W) => f.relabel(W.labels[name], W.sliderOf(W.labels[name])));
    return f;
  };
  const fields = {
    eta: field("eta"),
    speed: field("speed"),
    seed: field("seed", { slider: false }),
    w0: field("w0", { slider: false, control: "start" }),
    b0: field("b0", { slider: false, control: "start" }),
    x0: field("x0"),
    ystar: field("ystar"),
    range: field("range"),
    batch: field("batch", { slider: false, zero: () => W.batchAll }),
    dataseed: field("dataseed", { slider: false, control: "data" }),
    batchseed: field("batchseed", { slider: false }),
  };
  const selects = {};
  const select = (name, options) => {
    const f = selectField({ label: label(name), name, options: options(W), value: s[name], onchange: (v) => (name === "lang" ? loadLang(v).then(() => set(name, v, true)) : set(name, v, true)) });
    selects[name] = f.select;
    bindings.push((W) => f.relabel(W.labels[name], options(W)));
    return f.root;
  };
  const surfaceSel = select("surface", (W) => SURFACES.map((k) => [k, W.surfaces[k]]));
  const activationSel = select("activation", () => ACTIVATIONS.map((k) => [k, k]));
  const lossSel = select("loss", () => LOSSES.map((k) => [k, k]));
  const dataSel = select("data", (W) => [...DATA.map((k) => [k, W.data[k]]), ["custom", W.data.custom]]);
  const orderSel = select("order", (W) => Object.entries(W.order));
  const cmapSel = select("cmap", (W) => Object.entries(W.cmap));
  const viewSel = select("view", (W) => Object.entries(W.view));
  const scaleSel = select("scale", (W) => Object.entries(W.scale));
  const langSel = select("lang", (W) => LANGS.map((k) => [k, W.languages[k]]));
  const themeSel = select("theme", (W) => Object.entries(W.themes));
  const predictBox = checkField({ label: label("predict"), name: "predict", value: s.predict, onchange: (v) => set("predict", v, true) });
  bindings.push((W) => predictBox.relabel(W.labels.predict));
  const dataTable = h("table", { class: "data-table", "data-control": "data" });
  const dataCaption = h("caption", {});
  bindings.push((W) => (dataCaption.textContent = W.dataTable));

  // The optimizers: a compact list (the editor for hyperparameters loads on demand).
  const runsBox = h("details", { class: "runs", "data-control": "optimizers" });
  const runsSummary = h("summary", {});
  bindings.push((W) => (runsSummary.textContent = `${W.labels.optimizers}: ${writeRuns(s.optimizers)}`));
  runsBox.append(runsSummary);
  runsBox.addEventListener("toggle", () => {
    if (!runsBox.open || runsBox.dataset.loaded) return;
    runsBox.dataset.loaded = "true";
    import("./race.js").then((m) => {
      if (destroyed) return;
      const editor = m.raceEditor({
        runs: s.optimizers, words: () => W, lang,
        onchange: (v) => set("optimizers", v, true),
        onerror: (e) => hooks.notify("optimizers", describeError(e, W)),
        // All 19 race on the logistic data from (−1, 1), where their paths differ (with the
        // article's one sample every path runs along the same diagonal).
        onall: (v) => applySettings({ surface: "neuron", data: "logistic", dataseed: 1, w0: -1, b0: 1, range: 2, batch: 0, optimizers: v }),
      });
      runsBox.append(editor.root);
      editorApi = editor;
    }, (e) => hooks.notify("optimizers", String(e?.message ?? e)));
  });
  let editorApi = null;
  const runPick = selectField({ label: label("run"), name: "run", options: [["0", "sgd"]], value: "0", onchange: () => update() });
  runPick.root.dataset.control = "readouts";
  bindings.push((W) => runPick.relabel(W.labels.run));

  const presets = h("div", { class: "presets", role: "group", "data-control": "presets" });
  const presetButtons = Object.keys(LOSS_PRESETS).map((key) => h("button", { type: "button", "data-preset": key, onclick: () => applyPreset(key) }));
  presets.append(...presetButtons);
  bindings.push((W) => {
    presets.setAttribute("aria-label", W.presetsLabel);
    for (const b of presetButtons) b.textContent = W.lossPresets.find(([k]) => k === b.dataset.preset)?.[1] ?? b.dataset.preset;
  });

  // Predict mode: a guess of the next point, then the truth beside it.
  const guessW = h("input", { type: "text", inputmode: "decimal", role: "spinbutton", name: "guess-w", autocomplete: "off" });
  const guessB = h("input", { type: "text", inputmode: "decimal", role: "spinbutton", name: "guess-b", autocomplete: "off" });
  const checkBtn = button("check", "predict", () => checkGuess());
  const revealBtn = button("reveal", "predict", () => reveal());
  const predictAsk = h("p", { class: "predict-ask" });
  const feedback = h("p", { class: "feedback", role: "status" });
  const predictBoxUi = h("div", { class: "predict", hidden: true }, predictAsk, h("div", { class: "guess" }, h("label", {}, h("span", { class: "guess-w" }), guessW), h("label", {}, h("span", { class: "guess-b" }), guessB)), h("div", { class: "buttons" }, checkBtn, revealBtn), feedback);

  const readouts = readoutTable("", Object.entries(W.rows));
  readouts.table.dataset.control = "readouts";
  const formulas = formulasSection(() => update());
  const numbersBox = h("details", { class: "numbers", open: true }, h("summary", {}), runPick.root, readouts.table);
  numbersBox.dataset.control = "readouts";
  bindings.push((W) => {
    numbersBox.querySelector("summary").textContent = W.numbers;
    formulas.relabel(W.formulasTitle);
  });
  const settings = h("details", { class: "settings", open: true }, h("summary", {}),
    surfaceSel, runsBox, activationSel, lossSel, dataSel, fields.dataseed.root, dataTable, fields.batch.root, orderSel, fields.batchseed.root,
    fields.x0.root, fields.ystar.root, fields.range.root,
    h("div", { class: "buttons" }, randomBtn), fields.seed.root, fields.w0.root, fields.b0.root,
    cmapSel, viewSel, scaleSel, langSel, themeSel, predictBox.root);
  bindings.push((W) => (settings.querySelector("summary").textContent = W.settings));
  const tools = h("div", { class: "tools" }, hooks.tools ?? "");

  container.replaceChildren(
    title,
    h("div", { class: "layout" },
      h("div", { class: "figures" }, stack, surface, hint, legend, chart),
      h("div", { class: "side" },
        h("div", { class: "buttons" }, stepBtn, playBtn, backBtn, resetBtn),
        status, announce, trend, predictBoxUi, presets, fields.eta.root, fields.speed.root,
        settings, tools, numbersBox, formulas.box)));

  // A tick's readout serves the frame's update too (`fresh`): during Play a race of 19 would
  // otherwise build every run's numbers twice a frame. The player calls `update()` in the same
  // callback as the ticks (through the frame's draw, or through `onstate` when a tick stops
  // Play), so nothing can change the core in between.
  let fresh = null;
  // The run whose numbers are shown: the readout gives it (and the first) in full, the others
  // brief (a race of 19 then sets a third of the numbers a frame).
  const shownRun = (runs = last?.runs.length ?? 1) => Math.max(0, Math.min(Number(runPick.select.value) || 0, runs - 1));
  const play = player(() => {
    if (core.step(1) === 0) return false;
    fresh = core.readout(shownRun());
    return !fresh.runs.every((r) => r.stop);
  }, () => s.speed, (on) => {
    playBtn.textContent = on ? W.pause : W.play;
    playBtn.setAttribute("aria-pressed", String(on));
    if (!on) { update(); say(); }
  }, () => { update(); hooks.event("descent-step", detail()); });

  // ----- settings -----
  function config() {
    const c = { surface: s.surface, activation: s.activation, loss: s.loss, range: s.range, runs: runs(), batch: s.batch, order: s.order, seed: s.batchseed };
    if (isNeuron()) {
      const custom = customData(s.data);
      c.data = custom ? custom.flat() : s.data === "single" ? [s.x0, s.ystar] : Array.from(dataPreset(s.data, s.dataseed));
    }
    c.start = s.w0 === null || s.b0 === null ? null : [s.w0, s.b0];
    return c;
  }
  function view() {
    const axes = isNeuron() ? W.axes.neuron : W.axes.surface;
    return {
      theme: hooks.theme(), decimal: W.decimal, cmap: s.cmap, hideNext: hidden(), guess: s.predict ? guess : null, yaw: angle.yaw, pitch: angle.pitch, log: s.scale === "log",
      words: { x: axes[0], y: axes[1], loss: isNeuron() ? W.lossAxis : W.valueAxis, lossLog: W.lossLog, step: W.stepAxis, runs: s.optimizers.map((r) => writeRuns([r])) },
    };
  }
  const hidden = () => s.predict && !revealed;
  const compact = () => document.documentElement.dataset.compact === "true";
  /** Apply settings to the core; on a refusal the previous ones stay and the notice says why. */
  let paramsCache = null;
  /** The hyperparameters in effect of each run (read once per configuration). */
  const params = () => (paramsCache ??= core.params());
  function configure(key) {
    try {
      core.configure(config());
      paramsCache = null;
      return true;
    } catch (e) {
      hooks.notify(key, describeError(e, W));
      return false;
    }
  }

  /** A setting from a control (`user`) or from outside (an attribute): apply it, keep the state. */
  function set(name, v, user = false) {
    const before = s[name];
    s[name] = v;
    let ok = true;
    let later = null; // a notice to give once the change is reflected (which clears old ones)
    switch (name) {
      case "eta": case "batch": case "order": case "batchseed": case "activation": case "loss": case "x0": case "ystar": case "range": case "data": case "dataseed": case "optimizers": case "surface":
        if (name === "surface") { s.w0 = s.b0 = null; s.seed = null; later = () => relabel(); }
        if (name === "range" && s.w0 !== null && (Math.abs(s.w0) > v || Math.abs(s.b0) > v)) {
          const old = [s.w0, s.b0];
          s.w0 = snap(T.w0, Math.max(-v, Math.min(v, s.w0)));
          s.b0 = snap(T.b0, Math.max(-v, Math.min(v, s.b0)));
          later = () => hooks.notify("w0", W.clamped(W.labels.start, `(${n(old[0])}, ${n(old[1])})`, n(v), `(${n(s.w0)}, ${n(s.b0)})`));
        }
        ok = configure(name);
        break;
      case "w0": case "b0":
        if (s.w0 === null || s.b0 === null) { const st = startOf(); s.w0 ??= st[0]; s.b0 ??= st[1]; }
        ok = configure(name);
        if (ok && user) { s.seed = null; hooks.change("seed", null); }
        break;
      case "seed":
        if (v !== null) {
          const [w, b] = isNeuron() ? Array.from(startFromSeed(v, s.range)) : startOf();
          [s.w0, s.b0] = [snap(T.w0, w), snap(T.b0, b)];
          ok = configure(name);
        }
        break;
      case "steps":
        runSteps(v);
        return;
      case "lang":
        relabel();
        break;
      case "theme": case "cmap": case "scale": case "view":
        break;
      case "predict":
        revealed = false;
        guess = null;
        break;
      default:
        break;
    }
    if (!ok) {
      s[name] = before;
      syncControls();
      return false;
    }
    if (user) hooks.change(name, v);
    if (["surface", "w0", "b0", "seed", "range", "x0", "ystar", "data", "dataseed", "activation", "loss", "optimizers", "batch", "order", "batchseed"].includes(name)) {
      play.stop();
      for (const k of ["w0", "b0", "seed"]) hooks.change(k, s[k]);
      resetPredict();
      changedSteps(0);
    }
    syncControls();
    showView();
    update();
    later?.();
    return true;
  }
  /** Where a start may lie: the neuron's ±range, or the surface's own window. */
  const bounds = () => (isNeuron() ? [-s.range, s.range, -s.range, s.range] : Array.from(core.readout().window));
  const startOf = () => { const r = core.readout().runs[0]; return [r?.w ?? 0, r?.b ?? 0]; };

  function applyPreset(key) { applySettings(LOSS_PRESETS[key]); }
  /** Several settings at once (a preset), reflected one by one, applied together. */
  function applySettings(p) {
    play.stop();
    for (const [k, v] of Object.entries(p)) { s[k] = v; hooks.change(k, v); }
    s.seed = null; hooks.change("seed", null);
    if (configure("presets")) { core.reset(); resetPredict(); changedSteps(0); }
    relabel();
    syncControls();
    showView(); // the problem may have changed: the map is drawn anew
    update();
    say();
  }
  function newSeed() {
    try { set("seed", randomSeed(), true); } catch (e) { hooks.notify("seed", describeError(e, W)); }
  }

  /** Controls show the values in effect. */
  function syncControls() {
    for (const [k, f] of Object.entries(fields)) f.set(s[k]);
    for (const [k, sel] of Object.entries(selects)) sel.value = k === "data" && customData(s.data) ? "custom" : s[k];
    predictBox.input.checked = s.predict;
    const [wlo, whi, blo, bhi] = bounds();
    fields.w0.bounds(wlo, whi);
    fields.b0.bounds(blo, bhi);
    const neuron = isNeuron();
    for (const el of [activationSel, lossSel, dataSel, fields.dataseed.root, dataTable, fields.x0.root, fields.ystar.root, fields.range.root, fields.batch.root, orderSel, fields.batchseed.root, randomBtn, fields.seed.root]) el.classList.toggle("off", !neuron);
    const single = s.data === "single";
    fields.x0.root.classList.toggle("off", !neuron || !single);
    fields.ystar.root.classList.toggle("off", !neuron || !single);
    fields.dataseed.root.classList.toggle("off", !neuron || !DATA.includes(s.data) || single);
    const many = neuron && !single;
    fields.batch.root.classList.toggle("off", !many);
    orderSel.classList.toggle("off", !many || s.batch === 0);
    fields.batchseed.root.classList.toggle("off", !many || s.batch === 0);
    renderData();
    const axes = neuron ? W.startAxes.neuron : W.startAxes.surface;
    fields.w0.relabel(axes[0]);
    fields.b0.relabel(axes[1]);
    runsSummary.textContent = `${W.labels.optimizers}: ${writeRuns(s.optimizers)}`;
    editorApi?.set(s.optimizers);
    runPick.select.replaceChildren(...s.optimizers.map((r, i) => h("option", { value: String(i) }, writeRuns([r]))));
    runPick.root.hidden = !race();
  }

  function renderData() {
    if (!isNeuron() || s.data === "single") { dataTable.replaceChildren(); return; }
    const rows = customData(s.data) ?? pairs(dataPreset(s.data, s.dataseed));
    const cell = (i, j, v) => {
      const input = h("input", { type: "text", inputmode: "decimal", value: n(v), "aria-label": `${j ? "t" : "x"}${i + 1}` });
      input.addEventListener("change", () => {
        const next = rows.map((r) => [...r]);
        const x = Number(String(input.value).replace(",", ".").replace("−", "-"));
        if (!Number.isFinite(x) || Math.abs(x) > 10) { input.value = n(v); hooks.notify("data", W.typed(`${j ? "t" : "x"}${i + 1}`, input.value, n(-10), n(10), n(v))); return; }
        next[i][j] = x;
        set("data", next.map((p) => `${p[0]}:${p[1]}`).join(" "), true);
      });
      return h("td", {}, input);
    };
    const body = rows.map(([x, t], i) => h("tr", {}, h("th", { scope: "row" }, String(i + 1)), cell(i, 0, x), cell(i, 1, t),
      h("td", {}, h("button", { type: "button", class: "small", "aria-label": `${W.removeSample} ${i + 1}`, onclick: () => rows.length > 1 && set("data", rows.filter((_, k) => k !== i).map((p) => `${p[0]}:${p[1]}`).join(" "), true) }, "×"))));
    const add = h("button", { type: "button", class: "small", onclick: () => rows.length < 64 && set("data", [...rows, [0, 0.5]].map((p) => `${p[0]}:${p[1]}`).join(" "), true) }, W.addSample);
    dataTable.replaceChildren(dataCaption, h("thead", {}, h("tr", {}, h("th", {}, "#"), h("th", {}, "x"), h("th", {}, "t"), h("th", {}))), h("tbody", {}, body), h("tfoot", {}, h("tr", {}, h("td", { colspan: 4 }, add))));
  }
  const pairs = (flat) => Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]]);

  // ----- stepping -----
  function step(announceIt = false) {
    if (s.predict && !revealed) { reveal(); return true; }
    const moved = core.step(1) > 0;
    resetPredict();
    update();
    hooks.event("descent-step", detail());
    if (announceIt) say();
    return moved;
  }
  function back() {
    play.stop();
    core.back();
    resetPredict();
    update();
    hooks.event("descent-step", detail());
    say();
  }
  function reset() {
    play.stop();
    core.reset();
    resetPredict();
    update();
    hooks.event("descent-reset", detail());
    say();
  }
  function runSteps(n) {
    core.reset();
    core.step(n);
    resetPredict();
    update();
  }
  function togglePlay() {
    if (s.predict) revealed = true;
    play.toggle();
  }
  function changedSteps(t) { if (t !== s.steps) { s.steps = t; hooks.change("steps", t); } }
  function resetPredict() { revealed = false; guess = null; feedback.textContent = ""; guessW.value = guessB.value = ""; }
  function reveal() {
    revealed = true;
    const r = last.runs[0];
    const truth = `(${n(r.wNext)}, ${n(r.bNext)})`;
    feedback.textContent = guess ? W.predictFeedback(`(${n(guess[0])}, ${n(guess[1])})`, truth, n(Math.hypot(guess[0] - r.wNext, guess[1] - r.bNext))) : W.predictRevealed(truth);
    update();
  }
  function checkGuess() {
    const a = Number(guessW.value.replace(",", ".").replace("−", "-")), b = Number(guessB.value.replace(",", ".").replace("−", "-"));
    if (Number.isFinite(a) && Number.isFinite(b) && guessW.value.trim() && guessB.value.trim()) guess = [a, b];
    reveal();
  }

  function detail() {
    const r = last ?? core.readout();
    const first = r.runs[0];
    // `runs` is built when a listener reads it: during Play this event goes out every frame.
    let runs = null;
    return {
      step: r.t, w: first.w, b: first.b, loss: first.loss,
      get runs() { return (runs ??= r.runs.map((x, i) => ({ optimizer: x.optimizer, params: params()[i], step: x.step, w: x.w, b: x.b, loss: x.loss }))); },
    };
  }

  // ----- numbers -----
  function update() {
    if (destroyed) return;
    let r = fresh ?? core.readout(shownRun());
    fresh = null;
    const pick = shownRun(r.runs.length);
    // The run count changed since the last readout: the shown run may have come brief.
    if (r.runs[pick].gw === undefined) r = core.readout(pick);
    last = r;
    // Draw first: a canvas resolves its fonts against the document's style, which the text
    // changes below would make stale (a style recalculation on every font change).
    draw();
    const run = r.runs[pick];
    const hide = hidden();
    const secret = new Set(hide ? ["dw", "db", "wNext", "bNext"] : []);
    const rowNames = isNeuron() ? W.rows : { ...W.rows, ...W.rowsSurface };
    readouts.relabel(W.numbers, Object.entries(rowNames));
    const many = r.samples > 1;
    readouts.update({
      step: run.step, w: run.w, b: run.b, y: isNeuron() && !many ? run.y : undefined, loss: run.loss, batchLoss: many && r.batchSize < r.samples ? run.batchLoss : undefined,
      gw: run.gw, gb: run.gb, dw: run.dw, db: run.db, wNext: run.wNext, bNext: run.bNext, eta: run.eta,
      epoch: many && r.batchSize < r.samples ? run.epoch : undefined, batch: many && r.batchSize < r.samples ? Array.from(run.batch, (i) => i + 1).join(", ") : undefined,
    }, lang(), secret, W.hidden);
    const sgd = run.optimizer === "sgd";
    formulas.show(r, play.playing, () => isNeuron()
      ? neuronFormulas(run, { lang: lang(), hide, article: s.activation === "sigmoid" && s.loss === "square", batch: many ? r.batchSize : 1, act: s.activation, sgd })
      : surfaceFormulas(run, { lang: lang(), hide, sgd }));
    const stops = r.runs.map((x) => x.stop);
    const stopped = stops.filter(Boolean).length;
    const t = r.t;
    setText(status, stops[0] && !race() ? stopText(stops[0]) : race() ? W.raceStatus(t, r.runs.length - stopped, r.runs.length)
      : many && r.batchSize < r.samples ? W.batchStatus(t, n(run.loss), n(run.batchLoss), run.epoch) : W.lossStatus(t, n(run.loss)));
    status.classList.toggle("bad", Boolean(stops[0]) && !race());
    // The trend of the run whose numbers are shown (in a race, its stop if it stopped).
    setText(trend, hide ? "" : run.stop ? (race() ? `${writeRuns([s.optimizers[pick]])}: ${stopText(run.stop)}` : "") : W.trend[run.trend] ?? "");
    const done = r.runs.every((x) => x.stop);
    if (stepBtn.disabled !== done) stepBtn.disabled = done;
    hooks.live({ step: t, w: run.w, b: run.b, loss: run.loss, diverged: String(Boolean(stops[0])), trend: run.trend, runs: r.runs.length });
    // Each run that stops says so once, with its reason.
    stops.forEach((st, i) => {
      if (st && !lastStop[i]) hooks.event("descent-diverge", { run: i, optimizer: r.runs[i].optimizer, reason: stopText(st), step: r.runs[i].step });
    });
    lastStop = stops;
    changedSteps(t);
    if (stops[0] && !race()) play.stop();
    // Predict mode.
    setHidden(predictBoxUi, !s.predict);
    if (s.predict) {
      const names = isNeuron() ? ["w_{t+1}", "b_{t+1}"] : ["x_{t+1}", "y_{t+1}"];
      predictAsk.textContent = W.predictAsk(`(${names.join(", ")})`);
      predictBoxUi.querySelector(".guess-w").textContent = W.guessLabel(names[0]);
      predictBoxUi.querySelector(".guess-b").textContent = W.guessLabel(names[1]);
      checkBtn.disabled = revealBtn.disabled = revealed;
    }
    // Legend of a race.
    setHidden(legend, !race());
    if (race()) {
      setAttr(legend, "aria-label", W.raceLegend);
      // Built once per race, then only the texts change (this runs every frame of Play).
      if (legend.childElementCount !== r.runs.length) {
        legend.replaceChildren(...r.runs.map((_, i) => {
          const swatch = h("span", { class: "swatch" });
          swatch.style.background = RUN_COLOURS[i % RUN_COLOURS.length]; // a property: a strict CSP allows it
          return h("li", {}, swatch, h("span", { class: "name" }), h("span", { class: "state" }));
        }));
      }
      // Above ten steps a second Play changes the runs' numbers faster than anyone reads them:
      // they are written at most every 90 ms then (each write lays the legend out again, and 19
      // every frame made a full garbage collection every ~2 s, a frame over 20 ms; BENCHMARKS.md).
      // Slower, and paused, every step; Pause writes the last.
      const now = performance.now();
      if (!play.playing || s.speed <= 10 || now - legendAt >= 90) {
        legendAt = now;
        r.runs.forEach((x, i) => {
          const li = legend.children[i];
          li.classList.toggle("stopped", Boolean(x.stop));
          setText(li.children[1], runNames()[i] ?? "");
          setText(li.children[2], x.stop ? `${W.stopShort[x.stop.kind]} — ${W.runState(x.step, n(x.loss))}` : W.runState(x.step, n(x.loss)));
        });
      }
    }
    // Descriptions follow the state.
    const where = isNeuron() ? `(w, b) = (${n(run.w)}, ${n(run.b)})` : `(x, y) = (${n(run.w)}, ${n(run.b)})`;
    const summary = `t = ${t}, ${where}, L = ${n(run.loss)}. ${hide ? "" : W.trend[run.trend] ?? ""}`;
    setAttr(path, "aria-label", W.pathLabel(summary));
    setAttr(surface, "aria-label", W.surfaceLabel(summary));
    setAttr(chart, "aria-label", W.chartLabel(summary));
  }
  let legendAt = -Infinity; // when Play last wrote the legend's numbers
  // The legend's names, written once per list of runs (the page replaces the list on any change).
  let namesFor = null, names = [];
  function runNames() {
    if (namesFor !== s.optimizers) { namesFor = s.optimizers; names = s.optimizers.map((o) => writeRuns([o])); }
    return names;
  }
  function stopText(st) {
    if (st.kind === "left") {
      const [xl, xh, yl, yh] = last?.window ?? [-s.range, s.range, -s.range, s.range];
      const axes = isNeuron() ? ["w", "b"] : ["x", "y"];
      const win = `${axes[0]} ∈ [${n(xl)}, ${n(xh)}], ${axes[1]} ∈ [${n(yl)}, ${n(yh)}]`;
      return (isNeuron() ? W.stop.left : W.stop.leftSurface)(`${n(st.to[0])}, ${n(st.to[1])}`, win);
    }
    return W.stop["non-finite"](W.quantity[st.what] ?? st.what, n(st.value));
  }
  function say() {
    announce.textContent = status.textContent + (trend.textContent ? " " + trend.textContent : "");
  }

  // ----- figures -----
  function layout() {
    laidWidth = stack.parentElement.clientWidth;
    const width = laidWidth || 600;
    let height = Math.max(200, Math.round(width * 0.9) - 10);
    if (compact()) {
      // Framed: the figures shrink so the widget fits the frame's height (details folded).
      const stacked = container.clientWidth < 700;
      height = Math.max(180, Math.min(height, window.innerHeight - (stacked ? 620 : 290)));
    }
    fitCanvas(base, width, height);
    fitCanvas(path, width, height);
    fitCanvas(surface, width, Math.max(220, Math.round(width * 0.8)));
    fitCanvas(chart, width, 190);
    heatVersion = -1;
    mapDirty = true;
  }
  let mapDirty = true;
  let viewKey = "";
  /** Run drawing; a figure that cannot be drawn (a canvas too small for its axes) is said in
   * the notice instead of breaking the panel. */
  function drawing(f) {
    try { f(); } catch (e) { if (e?.code) hooks.notify("draw", describeError(e, W)); else throw e; }
  }
  function draw() {
    if (destroyed) return;
    const d = ratio();
    drawing(() => {
      const v = view();
      const key = JSON.stringify([v.theme, v.decimal, v.cmap, v.words.x, v.words.y, v.words.loss, lang()]);
      core.setView(v);
      if (s.view === "2d") {
        if (mapDirty || key !== viewKey) drawMap(d);
        viewKey = key;
        replay(path.getContext("2d"), core.draw(FIG.paths, path.width, path.height, d));
      } else {
        replayBuffered(surface, core.draw(FIG.surface, surface.width, surface.height, d));
      }
      replay(chart.getContext("2d"), core.draw(FIG.chart, chart.width, chart.height, d));
    });
  }
  function drawMap(d) {
    const fig = core.draw(FIG.map, base.width, base.height, d);
    const version = core.heatmapVersion();
    if (version !== heatVersion) {
      // The image is written into the ImageData kept from the last one of its size: a new
      // 1.4 MB array for every 600 × 600 map cost ~0.9 ms more (BENCHMARKS.md).
      const [w, h] = core.heatmapSize();
      if (w > 0) {
        if (heatImg?.width !== w || heatImg.height !== h) heatImg = new ImageData(w, h);
        core.heatmap(heatImg.data);
        if (heat.width !== w || heat.height !== h) Object.assign(heat, { width: w, height: h });
        heat.getContext("2d", { willReadFrequently: true }).putImageData(heatImg, 0, 0);
      }
      heatVersion = version;
    }
    replay(base.getContext("2d"), fig, heat);
    mapDirty = false;
  }
  function showView() {
    stack.hidden = s.view !== "2d";
    surface.hidden = hint.hidden = s.view !== "3d";
    mapDirty = true;
  }
  function relabel() {
    W = words(s.lang);
    container.lang = s.lang;
    for (const b of bindings) b(W);
    title.textContent = isNeuron() ? W.lossTitle : W.surfaceTitle(W.surfaces[s.surface] ?? s.surface);
    hint.textContent = W.dragHint;
    editorApi?.relabel();
    mapDirty = true;
  }

  // ----- pointer and keys -----
  // The map: a tap (or a click) places the start; a drag that begins on the start moves it; a
  // vertical swipe scrolls the page (touch-action: pan-y). In predict mode a tap places a guess.
  // gestures.js tells the tap from the drag; here: is a press on the start (at step 0)?
  tapOrDrag(L, path, (e) => {
    const [px, py] = canvasPoint(path, e);
    const r = last?.runs[0];
    if (!r || r.step !== 0 || s.predict) return false;
    const [cx, cy] = Array.from(core.place(path.width, path.height, ratio(), r.w, r.b));
    return Math.hypot(px - cx, py - cy) <= 22 * ratio();
  }, placeAt);
  function placeAt(e) {
    const [px, py] = canvasPoint(path, e);
    const [w, b] = Array.from(core.locate(path.width, path.height, ratio(), px, py));
    if (s.predict && !revealed) {
      guess = [snap(T.w0, w), snap(T.b0, b)];
      guessW.value = n(guess[0]);
      guessB.value = n(guess[1]);
      update();
      return;
    }
    const win = isNeuron() ? s.range : null;
    if (win !== null && (Math.abs(w) > win || Math.abs(b) > win)) return;
    play.stop();
    s.w0 = snap(T.w0, w);
    s.b0 = snap(T.b0, b);
    if (configure("start")) {
      for (const k of ["w0", "b0"]) hooks.change(k, s[k]);
      s.seed = null;
      hooks.change("seed", null);
      resetPredict();
      changedSteps(0);
    }
    syncControls();
    update();
  }
  L.on(path, "keydown", (e) => {
    const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[e.key];
    if (!d) return;
    e.preventDefault();
    e.stopPropagation();
    const r = last?.runs[0];
    const stepSize = isNeuron() ? s.range / 40 : 0.1;
    const cur = [s.w0 ?? r?.w ?? 0, s.b0 ?? r?.b ?? 0];
    const [wlo, whi, blo, bhi] = bounds();
    const w = snap(T.w0, Math.max(wlo, Math.min(whi, cur[0] + d[0] * stepSize)));
    const b = snap(T.b0, Math.max(blo, Math.min(bhi, cur[1] + d[1] * stepSize)));
    set("w0", w, true) && set("b0", b, true);
  });
  // The 3-D view turns (gestures.js).
  turnGestures(L, surface, turn);
  function turn(dyaw, dpitch) {
    angle.yaw += dyaw;
    angle.pitch = Math.min((85 * Math.PI) / 180, Math.max(0, angle.pitch + dpitch));
    const d = ratio();
    drawing(() => { core.setView(view()); replayBuffered(surface, core.draw(FIG.surface, surface.width, surface.height, d)); });
  }

  // ----- exports -----
  async function toPNG(which = s.view === "3d" ? "surface" : "map") {
    const m = await import("./export.js");
    return m.figurePNG(core, which, { width: laidWidth || 600, view: view(), heat, replay, words: W, runs: s.optimizers.map((r) => writeRuns([r])) });
  }
  async function toCSV(run = 0) {
    const m = await import("./export.js");
    return m.lossCSV(core, run, isNeuron());
  }

  const unwatch = watchWidth(stack.parentElement, () => { layout(); draw(); }, () => laidWidth);
  L.add(unwatch);
  if (compact()) {
    container.classList.add("compact");
    for (const d of [settings, numbersBox, formulas.box]) d.open = false;
  }
  relabel();
  // A seed draws the start (it wins over w0 and b0, which a link carries as the same numbers).
  if (s.seed !== null && isNeuron()) {
    try {
      const [w, b] = Array.from(startFromSeed(s.seed, s.range));
      [s.w0, s.b0] = [snap(T.w0, w), snap(T.b0, b)];
      for (const k of ["w0", "b0"]) hooks.change(k, s[k]);
    } catch (e) { hooks.notify("seed", describeError(e, W)); }
  }
  // Settings the core refuses (from a link or attributes) fall back to the defaults one group at a
  // time, so the state, the controls and a link say what actually runs; the notice says which.
  // The first group whose defaults alone make the settings work is the one reset; the others keep
  // what was asked. If none does alone, the groups are reset one after another.
  if (!configure("settings")) {
    const groups = [["w0", "b0", "seed"], ["activation", "loss"], ["data", "dataseed", "x0", "ystar"], ["batch", "order", "batchseed"], ["optimizers", "eta"], ["range"], ["surface"]];
    const dflt = (k) => (k === "w0" || k === "b0" ? (isNeuron() ? DEFAULT_START.neuron[k === "w0" ? 0 : 1] : null) : T[k].default ?? null);
    const tryWith = (keys) => {
      const saved = keys.map((k) => s[k]);
      for (const k of keys) s[k] = dflt(k);
      try { core.configure(config()); paramsCache = null; return true; } catch { keys.forEach((k, i) => (s[k] = saved[i])); return false; }
    };
    const alone = groups.find((g) => tryWith(g));
    const reset = alone ? [alone] : [];
    if (!alone) for (const g of groups) { reset.push(g); if (tryWith(groups.flatMap((x, i) => (i < reset.length ? x : [])))) break; }
    for (const k of reset.flat()) hooks.change(k, s[k]);
  }
  syncControls();
  showView();
  layout();
  if (s.steps > 0) runSteps(s.steps); else update();
  say();

  const destroy = () => {
    destroyed = true;
    play.stop();
    L.off();
    core.free();
  };
  return {
    core, state: s, step: () => step(true), back, reset, play: () => play.start(), pause: () => play.stop(), set, destroy, toPNG, toCSV,
    get playing() { return play.playing; }, toggle: togglePlay, focusMap: () => path.focus(), snapshot: () => ({ angle: { ...angle } }),
  };
}
