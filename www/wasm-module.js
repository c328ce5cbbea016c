// The wasm module every <descent-demo> on a page shares: loaded once (its first part, with what the
// first frame runs: xtask/src/split.rs), its second part asked for on a widget's first interaction,
// and the guard that turns a trap into the "module lost" notice on every widget instead of a
// frozen page.
import init, { loadRest } from "./pkg/descent.js";
import { wasmSource } from "./wasm-source.js";

let loaded;
/** The wasm module, loaded once for every element. */
export function loadWasm() {
  loaded ??= init({ module_or_path: wasmSource() }).then((w) => {
    performance.mark("descent-wasm");
    return w;
  });
  return loaded;
}

/** The rest of the module (what the first frame does not run) is fetched on a widget's first
 * interaction, so the first load carries only what it draws; a call that needs it sooner loads it
 * then. */
const INTERACTIONS = ["pointerover", "pointerdown", "focusin", "keydown"];
function wantRest() {
  loadRest();
}
export function askForRest(widget) {
  for (const type of INTERACTIONS) widget.addEventListener(type, wantRest, { passive: true });
}

// ----- the module lost -----
const widgets = new Set();
let lost = null;
/** Widgets told when the module is lost (each has a `lost()` method). */
export function watch(widget) {
  widgets.add(widget);
}
export function unwatch(widget) {
  widgets.delete(widget);
}
export function isLost() {
  return lost !== null;
}
/** Called once when a wasm call traps: every widget shows the notice; the cause is logged once. */
function moduleLost(e) {
  if (lost) return;
  lost = e;
  console.error("descent: the wasm module stopped:", e?.message ?? e);
  for (const w of widgets) w.lost();
}
/** Wrap a wasm object so a trap (WebAssembly.RuntimeError) is reported, not propagated as a freeze. */
export function guard(obj) {
  return new Proxy(obj, {
    get(target, key) {
      const v = target[key];
      if (typeof v !== "function") return v;
      return (...args) => {
        if (lost) throw new DescentLost();
        try {
          return v.apply(target, args);
        } catch (e) {
          if (e instanceof WebAssembly.RuntimeError) { moduleLost(e); throw new DescentLost(); }
          throw e;
        }
      };
    },
  });
}
class DescentLost extends Error {
  constructor() { super("descent: the wasm module is lost"); this.lost = true; }
}
