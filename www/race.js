// The optimizers of a race and their hyperparameters, in a compact editor: loaded the first time
// the "optimizers" control is opened. Defaults come from the wasm module (optimizerDefaults);
// a value typed is checked there when the race is configured, and a refusal names the key.
import { optimizerDefaults } from "./pkg/descent.js";
import { h } from "./ui.js";
import { OPTIMIZERS, parseNumber, writeRuns } from "./state.js";
import { formatNumber } from "./i18n.js";
import { RUN_COLOURS } from "./colours.js";

/** Hyperparameters for "Race all 19": for each optimizer the largest learning rate (of a log
 * grid) with which the neuron on the logistic data, from (−1, 1), stays on the map for 200 steps
 * and its loss never rises; Santa, which adds noise on purpose, with its λ raised. Chosen by
 * `cargo run --release --example race_eta` (see README). */
export const RACE_PARAMS = {
  sgd: { eta: 10 }, msgd: { eta: 0.1 }, nag: { eta: 0.1 }, adagrad: { eta: 1 }, rmsprop: { eta: 0.1 }, adadelta: { eta: 30 },
  adam: { eta: 0.05 }, rmspropgraves: { eta: 0.005 }, smorms3: { eta: 100 }, adamax: { eta: 0.1 }, nadam: { eta: 0.15 }, eve: { eta: 0.05 },
  santae: { eta: 1e-4, eps: 1 }, santasss: { eta: 1e-4, eps: 1 }, amsgrad: { eta: 0.05 }, adabound: { eta: 0.1 }, amsbound: { eta: 0.1 },
  adabelief: { eta: 0.03 }, sam: { eta: 1.5 },
};

export function raceEditor({ runs, words, lang, onchange, onerror, onall }) {
  let list = runs.map((r) => ({ name: r.name, params: { ...r.params } }));
  const root = h("div", { class: "race-editor" });
  const defaults = new Map();
  const defaultsOf = (name) => {
    if (!defaults.has(name)) {
      try { defaults.set(name, optimizerDefaults(name)); } catch (e) { onerror(e); defaults.set(name, {}); }
    }
    return defaults.get(name);
  };
  const commit = () => onchange(list.map((r) => ({ name: r.name, params: { ...r.params } })));
  function render() {
    const W = words();
    const rows = list.map((r, i) => {
      const d = defaultsOf(r.name);
      const inputs = Object.entries(d).map(([k, v]) => {
        const given = r.params[k];
        const input = h("input", { type: "text", class: "param", name: `${r.name}-${k}`, "aria-label": `${r.name} ${k}`, placeholder: typeof v === "number" ? formatNumber(v, lang(), 4) : String(v), value: given === undefined ? "" : typeof given === "number" ? formatNumber(given, lang(), 6) : given });
        input.addEventListener("change", () => {
          const raw = input.value.trim();
          if (raw === "") delete r.params[k];
          else {
            const x = parseNumber(raw);
            r.params[k] = Number.isFinite(x) ? x : raw;
          }
          commit();
        });
        return h("label", { class: "param-field" }, h("span", {}, k), input);
      });
      const remove = h("button", { type: "button", class: "small", "aria-label": W.removeRun(r.name), disabled: list.length <= 1, onclick: () => { list.splice(i, 1); commit(); render(); } }, "×");
      const swatch = h("span", { class: "swatch" });
      swatch.style.background = RUN_COLOURS[i % RUN_COLOURS.length]; // a property, which a strict CSP allows (a style attribute it does not)
      return h("li", {}, swatch, h("strong", {}, r.name), remove, h("div", { class: "params" }, inputs));
    });
    const add = h("select", { "aria-label": W.addRun }, h("option", { value: "" }, W.addRun), OPTIMIZERS.map((o) => h("option", { value: o }, o)));
    add.addEventListener("change", () => {
      if (!add.value || list.length >= 19) return;
      list.push({ name: add.value, params: { ...RACE_PARAMS[add.value] } });
      commit();
      render();
    });
    const all = h("button", { type: "button", onclick: () => { list = OPTIMIZERS.map((o) => ({ name: o, params: { ...RACE_PARAMS[o] } })); onall(list); render(); } }, W.allRuns);
    const one = h("button", { type: "button", onclick: () => { list = [list[0]]; commit(); render(); } }, W.oneRun);
    root.replaceChildren(h("p", { class: "hint" }, W.defaultsShown), h("ol", { class: "runs-list" }, rows), h("div", { class: "buttons" }, add, all, one));
  }
  render();
  return {
    root,
    set(runs2) { if (writeRuns(runs2) !== writeRuns(list)) { list = runs2.map((r) => ({ name: r.name, params: { ...r.params } })); render(); } },
    relabel: render,
  };
}
