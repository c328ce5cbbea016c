// The one declarative table of every setting a user can share. It parses and writes the URL hash
// and the <descent-demo> element's attributes, and the panels build their controls from it, so
// the three can never disagree (TensorFlow Playground's state.ts, made per panel).

export const PANELS = ["loss-space", "parabola"];

/** The controls a panel can show; `controls` picks some, `hide` removes some. */
export const CONTROLS = {
  "loss-space": ["step", "play", "back", "reset", "random", "eta", "speed", "seed", "start", "x0", "ystar", "range", "cmap", "view", "scale", "lang", "readouts", "formulas", "chart", "share"],
  parabola: ["step", "play", "back", "reset", "presets", "eta", "x0", "range", "speed", "lang", "readouts", "formulas", "chart", "share"],
};

const num = (label, min, max, dflt, extra = {}) => ({ type: "number", label, min, max, default: dflt, ...extra });
const int = (label, min, max, dflt, extra = {}) => ({ type: "integer", label, min, max, default: dflt, ...extra });
const choice = (label, values, dflt) => ({ type: "choice", label, values, default: dflt });
const list = (label, panel) => ({ type: "list", label, values: CONTROLS[panel], default: null });

/** name → {type, label, default, range or values}, for each panel. */
export const TABLE = {
  "loss-space": {
    eta: num("η (learning rate)", 1e-3, 100, 0.1, { log: true }),
    x0: num("x₀ (input)", -5, 5, 1),
    ystar: num("y* (target)", 0, 1, 0.5),
    range: num("range ± of w and b", 0.5, 20, 2),
    w0: num("w₀ (start)", -20, 20, -1.5, { within: "range" }),
    b0: num("b₀ (start)", -20, 20, -1.5, { within: "range" }),
    seed: int("seed", 0, 4294967295, null),
    steps: int("steps to pre-run", 0, 10000, 0),
    cmap: choice("colour map", ["autumn", "viridis"], "autumn"),
    view: choice("view", ["2d", "3d"], "2d"),
    scale: choice("loss axis", ["linear", "log"], "linear"),
    speed: int("speed (steps a second)", 1, 60, 10),
    lang: choice("language", ["en", "fr"], "en"),
    controls: list("controls shown", "loss-space"),
    hide: list("controls hidden", "loss-space"),
  },
  parabola: {
    eta: num("η (learning rate)", -0.5, 1.5, 1),
    x0: num("x₀ (start)", -10, 10, 1, { within: "range" }),
    range: num("range ± of x", 0.5, 10, 2.5),
    steps: int("steps to pre-run", 0, 1000, 0),
    speed: int("speed (steps a second)", 1, 30, 3),
    lang: choice("language", ["en", "fr"], "en"),
    controls: list("controls shown", "parabola"),
    hide: list("controls hidden", "parabola"),
  },
};

/** Every name any panel knows (for observedAttributes), plus `panel`. */
export const ALL_NAMES = ["panel", ...new Set(Object.values(TABLE).flatMap((t) => Object.keys(t)))];

function rangeText(f) {
  if (f.type === "choice") return `one of ${f.values.join(", ")}`;
  if (f.type === "list") return `a space-separated list of ${f.values.join(", ")}`;
  return `${f.type === "integer" ? "a whole number" : "a number"} from ${f.min} to ${f.max}`;
}

function defaultText(name, f) {
  if (f.default !== null) return String(f.default);
  return name === "controls" ? "all controls" : "none";
}

/** Parse one raw string for field `f`: `[value]` or `[undefined, reason]`. */
function parseValue(f, raw) {
  const text = raw.trim();
  if (f.type === "choice") return f.values.includes(text) ? [text] : [undefined, rangeText(f)];
  if (f.type === "list") {
    const items = text.split(/[\s,]+/).filter(Boolean);
    const bad = items.filter((i) => !f.values.includes(i));
    return bad.length ? [undefined, `${rangeText(f)} (unknown: ${bad.join(", ")})`] : [items];
  }
  const v = text === "" ? NaN : Number(text);
  const ok = Number.isFinite(v) && v >= f.min && v <= f.max && (f.type !== "integer" || Number.isInteger(v));
  return ok ? [v] : [undefined, rangeText(f)];
}

/**
 * Read a panel's state from `get(name) → string | null` (an element's attributes or a hash).
 * Returns `{panel, state, problems}`: every field set, invalid ones at their default with a
 * problem in words that names the value and the accepted range.
 */
export function parseState(get) {
  const problems = [];
  let panel = get("panel") ?? "loss-space";
  if (!PANELS.includes(panel)) {
    problems.push(`panel="${panel}" is not valid: use ${PANELS.join(" or ")}. Showing loss-space.`);
    panel = "loss-space";
  }
  const table = TABLE[panel];
  const state = {};
  for (const [name, f] of Object.entries(table)) {
    const raw = get(name);
    state[name] = f.default;
    if (raw === null || raw === undefined) continue;
    const [v, why] = parseValue(f, String(raw));
    if (why) problems.push(`${name}="${raw}" is not valid: ${f.label} must be ${why}. Using ${defaultText(name, f)}.`);
    else state[name] = v;
  }
  for (const [name, f] of Object.entries(table)) {
    if (f.within && state[name] !== null && Math.abs(state[name]) > state[f.within]) {
      problems.push(`${name}="${state[name]}" is outside the range ±${state[f.within]}: ${f.label} must lie in it. Using ${f.default}.`);
      state[name] = Math.abs(f.default) <= state[f.within] ? f.default : 0;
    }
  }
  return { panel, state, problems };
}

/** The fields of `state` that differ from the defaults, as `[name, string]` pairs, `panel` first. */
export function writeState(panel, state) {
  const out = [["panel", panel]];
  for (const [name, f] of Object.entries(TABLE[panel])) {
    const v = state[name];
    if (v === null || v === undefined) continue;
    const text = Array.isArray(v) ? v.join(" ") : String(v);
    const dflt = Array.isArray(f.default) ? f.default.join(" ") : String(f.default);
    if (text !== dflt) out.push([name, text]);
  }
  return out;
}

/** A URL hash (`#panel=…&eta=…`) for a state. */
export function toHash(panel, state) {
  return "#" + new URLSearchParams(writeState(panel, state)).toString();
}

/** A getter over a URL hash. */
export function fromHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  return (name) => params.get(name);
}

/** Which controls show, from `controls` and `hide`. */
export function shownControls(panel, state) {
  const all = CONTROLS[panel];
  const shown = new Set(state.controls ?? all);
  for (const c of state.hide ?? []) shown.delete(c);
  return shown;
}
