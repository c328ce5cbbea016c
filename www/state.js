// The one declarative table of every setting a user can share. It parses and writes the URL hash
// and the <descent-demo> element's attributes, and the panels build their controls from it, so
// the three can never disagree (TensorFlow Playground's state.ts, made per panel). Problems are
// data ({code, name, raw, ...}); i18n.js words them in the widget's language.

export const PANELS = ["loss-space", "parabola"];

export const OPTIMIZERS = ["sgd", "msgd", "nag", "adagrad", "rmsprop", "adadelta", "adam", "rmspropgraves", "smorms3", "adamax", "nadam", "eve", "santae", "santasss", "amsgrad", "adabound", "amsbound", "adabelief", "sam"];
export const SURFACES = ["neuron", "saddle", "tanh", "sinc", "tanh-bowl", "rosenbrock", "beale", "himmelblau"];
export const ACTIVATIONS = ["identity", "step", "sigmoid", "hard-sigmoid", "log-sigmoid", "tanh", "tanh-shrink", "hard-tanh", "relu", "relu6", "leaky-relu", "elu", "selu", "celu", "softplus", "softsign", "swish", "mish", "tanh-exp", "hard-swish", "bent-identity", "hard-shrink", "soft-shrink", "threshold"];
export const LOSSES = ["square", "binary-cross-entropy", "cross-entropy"];
export const DATA = ["single", "logistic", "threshold"];
export const LANGS = ["en", "fr", "ja"];

/** The controls a panel can show; `controls` picks some, `hide` removes some. */
export const CONTROLS = {
  "loss-space": ["step", "play", "back", "reset", "presets", "random", "eta", "speed", "seed", "start", "surface", "optimizers", "activation", "loss", "data", "batch", "order", "batchseed", "x0", "ystar", "range", "cmap", "view", "scale", "lang", "theme", "predict", "readouts", "formulas", "chart", "share", "export", "help"],
  parabola: ["step", "play", "back", "reset", "presets", "curve", "eta", "x0", "range", "speed", "lang", "theme", "predict", "readouts", "formulas", "chart", "share", "export", "help"],
};

const num = (min, max, dflt, extra = {}) => ({ type: "number", min, max, default: dflt, ...extra });
const int = (min, max, dflt, extra = {}) => ({ type: "integer", min, max, default: dflt, ...extra });
const choice = (values, dflt, extra = {}) => ({ type: "choice", values, default: dflt, ...extra });
const bool = (dflt) => ({ type: "boolean", default: dflt });
const list = (panel) => ({ type: "list", values: CONTROLS[panel], default: null });
const shared = (panel) => ({
  steps: int(0, 10000, 0),
  lang: choice(LANGS, "en"),
  theme: choice(["auto", "light", "dark"], "auto"),
  predict: bool(false),
  controls: list(panel),
  hide: list(panel),
});

/**
 * name → {type, default, range or values, grid}, for each panel. `grid` is the step every control
 * moves by, so any value a control writes is one the table accepts. `within` names the setting
 * whose ± range a value must lie in; `only` says for which `surface`/`curve` a setting counts.
 */
export const TABLE = {
  "loss-space": {
    surface: choice(SURFACES, "neuron"),
    optimizers: { type: "runs", default: [{ name: "sgd", params: {} }] },
    eta: num(1e-3, 100, 2, { log: true, grid: "3 significant digits" }),
    activation: choice(ACTIVATIONS, "sigmoid", { only: "neuron", aliases: { silu: "swish", lrelu: "leaky-relu" } }),
    loss: choice(LOSSES, "square", { only: "neuron", aliases: { bce: "binary-cross-entropy", ce: "cross-entropy" } }),
    data: { type: "data", default: "single", only: "neuron" },
    dataseed: int(0, 4294967295, 1, { only: "neuron" }),
    batch: int(0, 64, 0, { only: "neuron" }),
    order: choice(["epoch", "replacement"], "epoch", { only: "neuron" }),
    batchseed: int(0, 4294967295, 0, { only: "neuron" }),
    x0: num(-5, 5, 1, { grid: 0.05, only: "neuron" }),
    ystar: num(0, 1, 0.5, { grid: 0.01, only: "neuron" }),
    range: num(0.5, 20, 2, { grid: 0.5, only: "neuron" }),
    w0: num(-20, 20, null, { within: "range", precision: 4 }),
    b0: num(-20, 20, null, { within: "range", precision: 4 }),
    seed: int(0, 4294967295, null),
    cmap: choice(["autumn", "viridis"], "autumn"),
    view: choice(["2d", "3d"], "2d"),
    scale: choice(["linear", "log"], "linear"),
    speed: int(1, 60, 10),
    ...shared("loss-space"),
  },
  parabola: {
    curve: choice(["parabola", "multiwell"], "parabola"),
    eta: num(-0.5, 1.5, 1, { grid: 0.01 }),
    x0: num(-10, 10, null, { within: "range", precision: 4 }),
    range: num(0.5, 10, 2.5, { grid: 0.5, only: "parabola" }),
    speed: int(1, 30, 3),
    ...shared("parabola"),
  },
};

/** The start of the loss-space panel when none is given: (−2, 0.5) on the neuron (descent shows
 * within seconds at η = 2), a surface's own start elsewhere. The y = x² start: 1 (the article's),
 * 3.5 on the multi-well curve (the series'). */
export const DEFAULT_START = { neuron: [-2, 0.5], parabola: 1, multiwell: 3.5 };

/** Every name any panel knows (for observedAttributes), plus `panel`. */
export const ALL_NAMES = ["panel", ...new Set(Object.values(TABLE).flatMap((t) => Object.keys(t)))];

/** A number written in plain decimals (no hex, no `Infinity`, no stray text), or NaN. A comma
 * is a decimal point too (French). */
export function parseNumber(text) {
  const t = String(text).trim().replace(",", ".").replace(/^[−–]/, "-");
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : NaN;
}

const RUN = /^([a-z0-9_-]+)(?:\(([^()]*)\))?$/i;

/** `sgd adam(eta=0.01,beta1=0.8) sam(base=adam)` → [{name, params}] or a problem. */
export function parseRuns(text) {
  const runs = [];
  const parts = String(text).trim().match(/[^\s()]+(?:\([^()]*\))?/g) ?? [];
  if (!parts.length) return [undefined, { code: "runs-empty" }];
  if (parts.length > 19) return [undefined, { code: "runs-many", count: parts.length, max: 19 }];
  for (const part of parts) {
    const m = RUN.exec(part);
    const canon = m && OPTIMIZERS.find((o) => o === m[1].toLowerCase().replace(/[-_ ]/g, ""));
    if (!canon) return [undefined, { code: "runs-name", given: m ? m[1] : part, known: OPTIMIZERS }];
    const params = {};
    for (const kv of (m[2] ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
      const [k, v, ...rest] = kv.split("=");
      if (!k || v === undefined || rest.length) return [undefined, { code: "runs-param", given: kv, optimizer: canon }];
      const n = parseNumber(v);
      params[k.trim()] = Number.isFinite(n) ? n : v.trim();
    }
    runs.push({ name: canon, params });
  }
  return [runs];
}

/** [{name, params}] → `sgd adam(eta=0.01)` (parameters in their given order). */
export function writeRuns(runs) {
  return runs.map((r) => {
    const ps = Object.entries(r.params ?? {}).map(([k, v]) => `${k}=${v}`);
    return ps.length ? `${r.name}(${ps.join(",")})` : r.name;
  }).join(" ");
}

/** `single`, a preset name, or samples `x:t x:t …` → the value, or a problem. */
export function parseData(text) {
  const t = String(text).trim();
  if (DATA.includes(t.toLowerCase())) return [t.toLowerCase()];
  const pairs = t.split(/[\s;]+/).filter(Boolean).map((p) => p.split(":").map(parseNumber));
  if (pairs.length >= 1 && pairs.length <= 64 && pairs.every((p) => p.length === 2 && p.every((v) => Number.isFinite(v) && Math.abs(v) <= 10))) {
    return [pairs.map((p) => `${p[0]}:${p[1]}`).join(" ")];
  }
  return [undefined, { code: "data-syntax", known: DATA }];
}

/** Samples `[[x, t], …]` of a custom `data` value, or null for a preset. */
export function customData(value) {
  return DATA.includes(value) ? null : value.split(" ").map((p) => p.split(":").map(Number));
}

/** Parse one raw string for field `f`: `[value]` or `[undefined, problem]`. */
export function parseValue(f, raw) {
  const text = String(raw).trim();
  const bad = (extra = {}) => [undefined, { code: f.type, min: f.min, max: f.max, values: f.values, ...extra }];
  switch (f.type) {
    case "choice": {
      // Case, "-", "_" and spaces do not matter (as in the core's names), nor the core's aliases.
      const key = text.toLowerCase().replace(/[-_ ]/g, "");
      const v = f.values.find((x) => x.replace(/-/g, "") === key) ?? f.aliases?.[key];
      return v ? [v] : bad();
    }
    case "boolean":
      return ["true", "1", "", "yes", "on"].includes(text.toLowerCase()) ? [true] : ["false", "0", "no", "off"].includes(text.toLowerCase()) ? [false] : bad();
    case "list": {
      const items = text.split(/[\s,]+/).filter(Boolean).map((i) => i.toLowerCase());
      const unknown = items.filter((i) => !f.values.includes(i));
      return unknown.length ? bad({ unknown }) : [items];
    }
    case "runs":
      return parseRuns(text);
    case "data":
      return parseData(text);
    default: {
      const v = parseNumber(text);
      const ok = Number.isFinite(v) && v >= f.min && v <= f.max && (f.type !== "integer" || Number.isInteger(v));
      return ok ? [v] : bad();
    }
  }
}

/** The value a setting has when none is given (a start depends on the surface or curve). */
export function defaultOf(panel, name, state = {}) {
  const f = TABLE[panel][name];
  if (name === "w0" || name === "b0") {
    const s = state.surface ?? "neuron";
    return s === "neuron" ? DEFAULT_START.neuron[name === "w0" ? 0 : 1] : null;
  }
  if (panel === "parabola" && name === "x0") return DEFAULT_START[state.curve ?? "parabola"];
  return f.default;
}

/** The keys a getter offers, when it can list them (a hash can; attributes are listed apart). */
function problemsOfKeys(panel, keys) {
  const problems = [];
  const seen = new Map();
  for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  for (const [key, n] of seen) {
    const lower = key.toLowerCase();
    if (key === "panel" || key in TABLE[panel]) {
      if (n > 1) problems.push({ code: "repeated", name: key, count: n });
      continue;
    }
    if (lower === "panel" || lower in TABLE[panel]) problems.push({ code: "case", name: lower, raw: key });
    else if (PANELS.some((p) => p !== panel && key in TABLE[p])) problems.push({ code: "other-panel", name: key, panel });
    else problems.push({ code: "unknown-key", name: key, known: Object.keys(TABLE[panel]) });
  }
  return problems;
}

/**
 * Read a panel's state from `get(name) → string | null` (an element's attributes or a hash) and,
 * when known, every key offered (`keys`, with repeats). Returns `{panel, state, given, problems}`:
 * every field set; an invalid value takes `fallback[name]` (the value in effect, when there is
 * one) or the default, and each problem says which value it named and which value is used.
 */
export function parseState(get, keys = null, fallback = null) {
  const problems = [];
  let panel = get("panel") ?? fallback?.panel ?? "loss-space";
  if (!PANELS.includes(panel)) {
    const lower = String(panel).toLowerCase();
    const used = PANELS.includes(lower) ? lower : fallback?.panel ?? "loss-space";
    problems.push({ code: "panel", name: "panel", raw: panel, used, values: PANELS });
    panel = used;
  }
  const table = TABLE[panel];
  const state = {};
  const given = new Set();
  for (const [name, f] of Object.entries(table)) {
    const raw = get(name);
    const dflt = fallback && name in fallback ? fallback[name] : f.default;
    state[name] = dflt;
    if (raw === null || raw === undefined) continue;
    const [v, why] = parseValue(f, raw);
    if (why) problems.push({ ...why, name, raw, used: dflt });
    else {
      state[name] = v;
      given.add(name);
    }
  }
  if (keys) problems.push(...problemsOfKeys(panel, keys));
  // Starts: given ones must lie in the window; missing ones take the problem's own start.
  const within = (name) => {
    const f = table[name];
    // A test surface has its own window, which the core knows and checks when it configures.
    if (panel === "loss-space" && state.surface !== "neuron") return;
    const r = panel === "parabola" && state.curve === "multiwell" ? 5 : state[f.within];
    if (state[name] === null || state[name] === undefined) {
      state[name] = defaultOf(panel, name, state);
      if (state[name] !== null && Math.abs(state[name]) > r) state[name] = Math.sign(state[name]) * r;
      return;
    }
    if (Math.abs(state[name]) > r) {
      const used = fallback && name in fallback && fallback[name] !== null && Math.abs(fallback[name]) <= r ? fallback[name] : defaultOf(panel, name, state);
      const safe = used !== null && Math.abs(used) <= r ? used : 0;
      problems.push({ code: "outside", name, raw: String(state[name]), range: r, used: safe });
      state[name] = safe;
    }
  };
  for (const name of Object.keys(table)) if (table[name].within) within(name);
  if (panel === "loss-space" && state.surface !== "neuron" && !given.has("w0") && !given.has("b0")) {
    state.w0 = state.b0 = null; // the surface's own start
  }
  return { panel, state, given, problems };
}

/** The fields of `state` that differ from the defaults, as `[name, string]` pairs, `panel` first. */
export function writeState(panel, state) {
  const out = [["panel", panel]];
  for (const [name, f] of Object.entries(TABLE[panel])) {
    const v = state[name];
    if (v === null || v === undefined) continue;
    const text = textOf(f, v);
    const dflt = defaultOf(panel, name, state);
    if (dflt === null || dflt === undefined || text !== textOf(f, dflt)) out.push([name, text]);
  }
  return out;
}

/** A value as its attribute text. */
export function textOf(f, v) {
  if (Array.isArray(v)) return f.type === "runs" ? writeRuns(v) : v.join(" ");
  return String(v);
}

/** A URL hash (`#panel=…&eta=…`) for a state. */
export function toHash(panel, state) {
  return "#" + new URLSearchParams(writeState(panel, state)).toString();
}

/** A getter over a URL hash, and every key it holds (with repeats). */
export function fromHash(hash) {
  const params = new URLSearchParams(String(hash).replace(/^#/, ""));
  const get = (name) => params.get(name);
  get.keys = [...params.keys()];
  return get;
}

/** Which controls show, from `controls` and `hide`. */
export function shownControls(panel, state) {
  const shown = new Set(state.controls ?? CONTROLS[panel]);
  for (const c of state.hide ?? []) shown.delete(c);
  return shown;
}

/** A value snapped to a control's grid and kept in range (what sliders and arrow keys write). */
export function snap(f, v) {
  let x = Math.min(f.max, Math.max(f.min, v));
  if (f.type === "integer") return Math.round(x);
  if (f.grid === "3 significant digits") return Number(x.toPrecision(3));
  if (typeof f.grid === "number") {
    x = Math.round(x / f.grid) * f.grid;
    return Number(Math.min(f.max, Math.max(f.min, x)).toFixed(10));
  }
  if (f.precision) return Number(x.toPrecision(f.precision));
  return x;
}
