// The optimizers of a race and their hyperparameters, in a compact editor: loaded the first time
// the "optimizers" control is opened. Defaults come from the wasm module (optimizerDefaults);
// a value typed is checked there when the race is configured, and a refusal names the key.
import { optimizerDefaults } from "./pkg/descent.js";
import { h } from "./ui.js";
import { OPTIMIZERS, parseNumber, writeRuns } from "./state.js";
import { formatNumber } from "./i18n.js";
import { RUN_COLOURS } from "./colours.js";

/** Learning rates that make each optimizer move visibly on the article's neuron within a few
 * seconds without leaving the map (chosen by racing each on it; see README). */
export const RACE_ETA = {
  sgd: 2, msgd: 0.5, nag: 0.5, adagrad: 0.3, rmsprop: 0.03, adadelta: 1, adam: 0.05, rmspropgraves: 0.01, smorms3: 0.05,
  adamax: 0.05, nadam: 0.05, eve: 0.05, santae: 0.001, santasss: 0.01, amsgrad: 0.05, adabound: 0.05, amsbound: 0.05, adabelief: 0.05, sam: 2,
};

export function raceEditor({ runs, words, lang, onchange, onerror }) {
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
      return h("li", {}, h("span", { class: "swatch", style: `background:${RUN_COLOURS[i % RUN_COLOURS.length]}` }), h("strong", {}, r.name), remove, h("div", { class: "params" }, inputs));
    });
    const add = h("select", { "aria-label": W.addRun }, h("option", { value: "" }, W.addRun), OPTIMIZERS.map((o) => h("option", { value: o }, o)));
    add.addEventListener("change", () => {
      if (!add.value || list.length >= 19) return;
      list.push({ name: add.value, params: { eta: RACE_ETA[add.value] } });
      commit();
      render();
    });
    const all = h("button", { type: "button", onclick: () => { list = OPTIMIZERS.map((o) => ({ name: o, params: { eta: RACE_ETA[o] } })); commit(); render(); } }, W.allRuns);
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
