// Every word of the widget in English, here, and in French (the article's language) and Japanese
// (the series' original language), in i18n-fr.js and i18n-ja.js, fetched only when asked for
// (`loadLang`); every number written for the language (Intl.NumberFormat, the minus sign U+2212).
// A panel asks `words(lang)` and reads its strings from the table; problems and refusals arrive
// as data and are worded here.

const MINUS = "\u2212";
const SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹";
/** `x > 0` rounded to `sig` significant digits as Intl does: its shortest decimal form (the
 * digits `String(x)` shows) rounded half away from zero. (`toPrecision` rounds the exact binary
 * value instead, so −0.06745 would become −0.0674 there and −0.0675 here.) */
function roundDecimal(x, sig) {
  const [m, e] = x.toExponential().split("e");
  let digits = m.replace(".", "");
  let exp = Number(e);
  if (digits.length > sig) {
    const up = digits.charCodeAt(sig) >= 53; // "5"
    digits = digits.slice(0, sig);
    if (up) {
      let i = sig - 1;
      while (i >= 0 && digits[i] === "9") i--;
      if (i < 0) { digits = "1"; exp += 1; } else digits = digits.slice(0, i) + String(Number(digits[i]) + 1);
    }
  }
  return Number(`${digits[0]}.${digits.slice(1) || "0"}e${exp}`);
}

/** The decimal separator of each language (French writes 0,102). */
const DECIMAL = { fr: "," };

/** `v` with at most `sig` significant digits, in the language's style: 0,102 in French, −2
 * with a true minus, 1.2×10⁻⁵ outside 10⁻⁴…10⁶; `∞`, `−∞`, `NaN` as such. The same text as
 * `Intl.NumberFormat(lang, {maximumSignificantDigits: sig, useGrouping: false})` gives
 * (format.test.js checks it), without the 20 ms that building the first Intl formatter costs. */
export function formatNumber(v, lang = "en", sig = 6) {
  if (v === null || v === undefined) return "—";
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : `${MINUS}∞`;
  if (v === 0) return "0";
  const plain = (x) => {
    const s = (x < 0 ? MINUS : "") + String(roundDecimal(Math.abs(x), sig));
    return DECIMAL[lang] ? s.replace(".", DECIMAL[lang]) : s;
  };
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) {
    // The mantissa and exponent as JS rounds them (right down to the subnormals).
    const [m, e] = v.toExponential(sig - 1).split("e");
    const exp = String(Number(e)).replace("-", "⁻").replace(/\d/g, (d) => SUP[d]);
    return `${plain(Number(m))}×10${exp}`;
  }
  return plain(v);
}

/** Each quantity is written with one precision everywhere (readouts, status, formulas). */
export const PRECISION = 6;

const en = {
  code: "en",
  decimal: ".",
  loading: "Loading descent…",
  dismiss: "Dismiss",
  reload: "Reload",
  styleFailed: (why) => `descent's stylesheet did not load (${why}); it works unstyled.`,
  startFailed: (why) => `descent could not start: ${why}`,
  buildFailed: (panel, why) => `descent could not build the ${panel} panel: ${why}. Showing the defaults.`,
  moduleLost: "descent stopped working after an internal error. Reload the page to start again.",
  step: "Step", play: "Play", pause: "Pause", back: "Step back", reset: "Reset", random: "New random start",
  reveal: "Reveal", check: "Check my guess",
  copyLink: "Copy link", copyEmbed: "Copy embed code", copied: (what) => `${what} copied.`,
  selected: (what) => `${what} selected: press Ctrl+C (⌘C) to copy.`, link: "Link", embed: "Embed code",
  shareText: "Link or embed code to copy",
  export: "Export", exportMenu: "Export this panel",
  exportFigure: { map: "Map as PNG", surface: "3-D view as PNG", chart: "Loss chart as PNG", curve: "Figure as PNG", rate: "|xₜ| chart as PNG" },
  exportCSV: "Trajectory as CSV", exportLink: "State as a link", exported: (what) => `${what} saved.`,
  help: "What am I looking at?", close: "Close", helpTitle: "What am I looking at?",
  settings: "Settings", numbers: "Numbers of this step", formulasTitle: "Formulas with the numbers",
  dragHint: "Drag sideways (or use the arrow keys when it has focus) to turn the surface; two fingers or an up–down drag with a mouse tilts it.",
  languages: { en: "English", fr: "Français", ja: "日本語" },
  themes: { auto: "as the system", light: "light", dark: "dark" },
  sliderOf: (label) => `${label} slider`,
  // Loss space
  lossTitle: "Loss space of (w, b) — gradient descent step by step",
  surfaceTitle: (name) => `Test surface: ${name} — optimizers racing`,
  pathLabel: (s) => `Trajectory on the loss map. ${s} Click or tap to set the start.`,
  surfaceLabel: (s) => `3-D loss surface. ${s}`,
  chartLabel: (s) => `Loss over steps. ${s}`,
  labels: { eta: "η", speed: "speed", seed: "seed", w0: "w₀", b0: "b₀", x0: "x₀", ystar: "y*", range: "range ±", cmap: "colour map", view: "view", scale: "loss axis", lang: "language", theme: "theme", surface: "surface", optimizers: "optimizers", activation: "activation", loss: "loss", data: "data", dataseed: "data seed", batch: "batch size", order: "batches drawn", batchseed: "batch seed", predict: "predict, then check", run: "numbers of", curve: "curve", start: "start" },
  startAxes: { neuron: ["w₀", "b₀"], surface: ["x₀", "y₀"] },
  cmap: { autumn: "autumn (article)", viridis: "viridis (colour-blind safe)" },
  view: { "2d": "2-D map", "3d": "3-D surface" },
  scale: { linear: "linear", log: "log" },
  order: { epoch: "shuffled, each sample once an epoch", replacement: "at random, with replacement" },
  batchAll: "all",
  surfaces: { neuron: "the neuron (the article)", saddle: "saddle y² − x²", tanh: "tanh²x + tanh²y", sinc: "−(sinc x + sinc y) + (x² + y²)/10", "tanh-bowl": "0.125(x² + y²) + tanh²(10x)", rosenbrock: "Rosenbrock", beale: "Beale", himmelblau: "Himmelblau" },
  data: { single: "one sample (x₀, y*): the article's", logistic: "noisy logistic curve (12 samples)", threshold: "AND-like threshold (12 samples)", custom: "your samples" },
  dataTable: "Samples (x, t): edit a cell, then press Enter",
  addSample: "Add a sample", removeSample: "Remove",
  axes: { neuron: ["w", "b"], surface: ["x", "y"] },
  lossAxis: "loss L", lossLog: "loss L (log)", stepAxis: "step t", valueAxis: "f(x, y)",
  rows: { step: "step t", w: "wₜ", b: "bₜ", y: "y = act(x·w + b)", loss: "L(wₜ, bₜ)", batchLoss: "L on the batch", gw: "∂L/∂w", gb: "∂L/∂b", dw: "Δwₜ", db: "Δbₜ", wNext: "wₜ₊₁ = wₜ + Δwₜ", bNext: "bₜ₊₁ = bₜ + Δbₜ", eta: "η", epoch: "epoch", batch: "batch (samples)" },
  rowsSurface: { w: "xₜ", b: "yₜ", loss: "f(xₜ, yₜ)", gw: "∂f/∂x", gb: "∂f/∂y", dw: "Δxₜ", db: "Δyₜ", wNext: "xₜ₊₁ = xₜ + Δxₜ", bNext: "yₜ₊₁ = yₜ + Δyₜ" },
  hidden: "?",
  lossStatus: (n, l) => `Step ${n}: L = ${l}`,
  raceStatus: (n, going, all) => `Step ${n}: ${going} of ${all} optimizers still going`,
  batchStatus: (n, l, bl, e) => `Step ${n}: L = ${l} (on this batch ${bl}), epoch ${e}`,
  lossPresets: [
    ["descent", "Quick descent (η = 2 from (−2, 0.5))"],
    ["plateau", "The article's plateau (η = 0.1 from (−1.5, −1.5))"],
    ["overshoot", "Overshooting (η = 30)"],
    ["diverge", "Leaving the map (η = 100)"],
  ],
  raceLegend: "Optimizers racing (colour, name, state)",
  raceEditor: "Optimizers and their hyperparameters",
  addRun: "Add an optimizer", removeRun: (n) => `Remove ${n}`, allRuns: "Race all 19 (on the logistic data, from (−1, 1))", oneRun: "Back to one",
  runState: (step, loss) => `step ${step}, L = ${loss}`,
  defaultsShown: "Defaults are shown greyed; type to change one.",
  // Trends and stops: what happened, then what to try.
  trend: {
    start: "",
    descending: "The loss goes down.",
    converged: "At the bottom: the gradient is almost zero and the steps are tiny.",
    "zero-gradient": "The gradient here is exactly zero, so no step can move: a step activation has zero slope everywhere, and ReLU has none where x·w + b < 0. Try another activation or start.",
    plateau: "A plateau: the gradient is tiny, so each step barely moves. Raise η, or start nearer the valley.",
    oscillating: "The loss goes up and down: each step overshoots the valley. Lower η.",
    noisy: "The loss goes up and down because each step sees only a mini-batch. A bigger batch (or a smaller η) smooths it.",
    rising: "The loss has risen for several steps: η is too large. Lower it.",
  },
  stopShort: { left: "stopped: left the map", "non-finite": "stopped: not a finite number" },
  stop: {
    left: (to, win) => `Stopped: the next step would go to (${to}), outside the map (${win}). η is too large: the step overshoots. Press Reset, then lower η or widen the range.`,
    leftSurface: (to, win) => `Stopped: the next step would go to (${to}), outside the map (${win}). η is too large for this surface, or it falls away without bound (the saddle). Press Reset, then lower η.`,
    "non-finite": (what, v) => `Stopped: the ${what} became ${v}, not a finite number. Press Reset and lower η.`,
  },
  quantity: { loss: "loss", gradient: "gradient", delta: "step Δ", point: "point" },
  predictAsk: (what) => `Where will the next step land? Enter your guess for ${what}, or tap the figure, then check.`,
  predictFeedback: (guess, truth, err) => `Your guess ${guess}; the step lands on ${truth} (off by ${err}).`,
  predictRevealed: (truth) => `The step lands on ${truth}.`,
  guessLabel: (name) => `your guess for ${name}`,
  // y = x²
  parabolaTitle: "y = x²: why the learning rate must be small",
  multiwellTitle: "A curve with two wells: where does descent end?",
  figureLabel: (s) => `The curve with the current point, its tangent and the steps. ${s} Drag the point or use the arrow keys to set the start.`,
  rateLabel: "|xₜ| against t on a log scale, with the predicted |1 − 2η|ᵗ·|x₀| dashed; a zero is marked at the bottom edge.",
  lossRateLabel: "The loss f(xₜ) over steps.",
  presetsLabel: "Learning-rate presets",
  presets: [[1, "η = 1: where does x₀ = 1 land?"], [0.1, "η = 0.1"], [0.5, "η = 0.5"], [0.9, "η = 0.9"], [1.1, "η = 1.1"]],
  presetsRevealing: [[1, "η = 1: bounces between 1 and −1"], [0.1, "η = 0.1: smooth"], [0.5, "η = 0.5: one step to the bottom"], [0.9, "η = 0.9: oscillating convergence"], [1.1, "η = 1.1: divergence"]],
  curves: { parabola: "y = x² (the article)", multiwell: "two wells (the series)" },
  curveRows: { step: "step t", x: "xₜ", y: "yₜ = f(xₜ)", slope: "slope f′(xₜ)", dx: "Δxₜ = −η·f′(xₜ)", next: "xₜ₊₁ = xₜ + Δxₜ", eta: "η" },
  parabolaRows: { slope: "slope 2xₜ", dx: "Δxₜ = −η·2xₜ" },
  caption: (t) => `The step to come, from x${sub(t)} to x${sub(t + 1)}:`,
  parabolaStatus: (n, x) => `Step ${n}: x = ${x}`,
  slopeWord: { parabola: "slope 2x", multiwell: "slope f′(x)" },
  curveAxis: { parabola: "y = x²", multiwell: "y = f(x)" },
  rateAxis: { parabola: "|xₜ|", multiwell: "f(xₜ)" },
  regime: (text) => `Regime: ${text}.`,
  regimes: {
    uphill: "moving uphill: η < 0 turns descent into ascent",
    none: "no movement: η = 0, so Δx = 0",
    smooth: "smooth convergence: 0 < 1 − 2η < 1, x shrinks each step",
    "one-step": "one step to the bottom: 1 − 2η = 0",
    oscillating: "oscillating convergence: −1 < 1 − 2η < 0, x flips sign and shrinks",
    bounce: "endless bounce: 1 − 2η = −1, x jumps between x₀ and −x₀ forever",
    divergent: "divergence: |1 − 2η| > 1, each step lands farther away",
  },
  curveStop: (x, lo, hi) => `Stopped: the next step would go to x = ${x}, outside the figure [${lo}, ${hi}]: each step lands farther from the bottom. Press Reset.`,
  // Notices about settings.
  problem: (p, W) => describeProblem(p, W),
  error: (e, W) => describeError(e, W),
  typed: (label, raw, min, max, kept) => `${label}: "${raw}" is not a number from ${min} to ${max}. Keeping ${kept}.`,
  clamped: (label, old, r, used) => `${label} = ${old} is outside the new range ±${r}: using ${used}.`,
};

/** The English words, which the other languages extend. */
export const english = en;
/** The words of each language loaded so far; English is always here. */
export const LANG_TABLES = { en };
/** The other languages, each in its own module, fetched when first asked for. */
const LOADERS = { fr: () => import("./i18n-fr.js"), ja: () => import("./i18n-ja.js") };

/** The words for `lang` (English when unknown or not loaded yet: see `loadLang`). */
export function words(lang) {
  return LANG_TABLES[lang] ?? en;
}

/** Whether `words(lang)` is ready (true for English and for names of no language). */
export function langReady(lang) {
  return lang in LANG_TABLES || !(lang in LOADERS);
}

/** Fetch the words of `lang` if they are not here yet; resolves once `words(lang)` has them. A
 * failed fetch leaves English in place (the promise still resolves, with false). */
export function loadLang(lang) {
  if (langReady(lang)) return Promise.resolve(true);
  return LOADERS[lang]().then(() => true, () => false);
}

/** Called by a language module: its words, its problems and its refusals. */
export function register(code, table, problems, errors) {
  LANG_TABLES[code] = table;
  PROBLEM[code] = problems;
  ERROR[code] = errors;
}

/** `t` as subscript digits. */
export function sub(t) {
  return String(t).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[d]);
}

const PROBLEM = {
  en: {
    kept: (used) => (used === null || used === undefined || used === "" ? "Using the default." : `Using ${used}.`),
    number: (p) => `${p.name}="${p.raw}" is not valid: it must be a number from ${p.min} to ${p.max}.`,
    integer: (p) => `${p.name}="${p.raw}" is not valid: it must be a whole number from ${p.min} to ${p.max}.`,
    choice: (p) => `${p.name}="${p.raw}" is not valid: it must be one of ${p.values.join(", ")}.`,
    boolean: (p) => `${p.name}="${p.raw}" is not valid: it must be true or false.`,
    list: (p) => `${p.name}="${p.raw}" is not valid: a space-separated list of ${p.values.join(", ")} (unknown: ${(p.unknown ?? []).join(", ")}).`,
    "runs-empty": (p) => `${p.name}="${p.raw}" names no optimizer.`,
    "runs-many": (p) => `${p.name}="${p.raw}" names ${p.count} optimizers; at most ${p.max} race.`,
    "runs-name": (p) => `${p.name}: "${p.given}" is not an optimizer; the known ones are ${p.known.join(", ")}.`,
    "runs-param": (p) => `${p.name}: "${p.given}" is not a hyperparameter written key=value.`,
    "data-syntax": (p) => `${p.name}="${p.raw}" is not valid: it must be ${p.known.join(", ")}, or samples written x:t separated by spaces (at most 64, each within ±10).`,
    panel: (p) => `panel="${p.raw}" is not valid: use ${p.values.join(" or ")}.`,
    outside: (p) => `${p.name}="${p.raw}" is outside the range ±${p.range}.`,
    repeated: (p) => `${p.name} is given ${p.count} times in the link; the first one is used.`,
    case: (p) => `"${p.raw}" is not a setting; did you mean "${p.name}"? It is ignored.`,
    "other-panel": (p) => `${p.name} is not a setting of the ${p.panel} panel; it is ignored.`,
    "unknown-key": (p) => `"${p.name}" is not a setting; it is ignored. The settings are ${p.known.join(", ")}.`,
  },
};

/** A problem of a setting (state.js) in words, naming the value given and the value in effect. */
export function describeProblem(p, W) {
  const T = PROBLEM[W.code] ?? PROBLEM.en;
  const f = T[p.code];
  const q = { ...p };
  for (const k of ["min", "max", "range"]) if (typeof q[k] === "number") q[k] = formatNumber(q[k], W.code);
  const text = f ? f(q) : `${p.name}="${p.raw}"`;
  const kept = "used" in p ? " " + T.kept(typeof p.used === "number" ? formatNumber(p.used, W.code) : Array.isArray(p.used) ? p.used.join(" ") : p.used) : "";
  return text + kept;
}

const ERROR = {
  en: {
    range: (e, n) => `${e.name} = ${n(e.value)} is not valid: it must be a number from ${n(e.min)} to ${n(e.max)}${e.optimizer ? ` (${e.optimizer})` : ""}.`,
    type: (e) => `${e.name} has the wrong type${e.expected ? ` (a ${e.expected} is expected)` : ""}.`,
    unknown: (e) => `"${e.given}" is not a known ${e.kind}; the known ones are ${(e.known ?? []).join(", ")}.`,
    param: (e) => `${e.optimizer} has no hyperparameter "${e.given}"; it has ${(e.known ?? []).join(", ")}.`,
    incompatible: (e, n) => `The ${e.loss} loss needs outputs between 0 and 1, but ${e.activation} gives values from ${n(e.lo)} to ${n(e.hi)}: choose the sigmoid (or hard sigmoid, step) or the square loss.`,
    target: (e, n) => `The cross-entropy losses need targets between 0 and 1; sample ${e.index + 1} has t = ${n(e.value)}.`,
    start: (e, n) => `The start (${n(e.value[0])}, ${n(e.value[1])}) is outside the map [${n(e.lo[0])}, ${n(e.hi[0])}] × [${n(e.lo[1])}, ${n(e.hi[1])}].`,
    runs: (e) => `Between 1 and ${e.max} optimizers race; ${e.value} were asked.`,
    data: (e, n) => (e.what === "count" ? `A data set has 1 to ${e.max} samples; ${e.value} were given.` : e.what === "value" ? `Sample ${e.index + 1}'s ${e.target ? "target" : "input"} ${n(e.value)} must be a number within ±${e.max}.` : "Every sample needs an input x and a target t."),
    nonfinite: (e, n) => `${e.name} gives ${n(e.value)}, not a finite number.`,
    probe: (e) => `${e.optimizer} needs the gradient at a nearby point: give update() a gradAt function.`,
    draw: () => "A figure could not be drawn: its canvas is too small for its axes.",
    random: () => "This browser gives no random numbers for a random start.",
  },
};

/** A refusal from the wasm module (an Error with a `code`) in words; other errors as they are. */
export function describeError(e, W) {
  const T = ERROR[W.code] ?? ERROR.en;
  const n = (v) => formatNumber(v, W.code);
  const f = e && typeof e.code === "string" ? T[e.code] : null;
  return f ? f(e, n) : String(e?.message ?? e);
}
