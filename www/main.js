// The full page: both panels as written in index.html, or, when the URL hash names a panel (a
// shared link or an iframe), that panel alone with the hash's settings, the hash following every
// change. A hash that changes before the module has loaded is applied once it has. One language
// for the whole page: choosing one in a panel sets it everywhere.
import { ALL_NAMES, fromHash, parseState } from "./state.js";

const main = document.querySelector("main");
const intro = document.querySelector("header p");
const INTRO = {
  fr: "Comment un neurone <math><mi>y</mi><mo>=</mo><mi>σ</mi><mo>(</mo><mi>x</mi><mi>w</mi><mo>+</mo><mi>b</mi><mo>)</mo></math> apprend : la descente de gradient sur sa perte <math><mi>L</mi><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac><msup><mrow><mo>(</mo><mi>y</mi><mo>−</mo><msup><mi>y</mi><mo>⋆</mo></msup><mo>)</mo></mrow><mn>2</mn></msup></math>.",
  ja: "ニューロン <math><mi>y</mi><mo>=</mo><mi>σ</mi><mo>(</mo><mi>x</mi><mi>w</mi><mo>+</mo><mi>b</mi><mo>)</mo></math> が学習するしくみ：損失 <math><mi>L</mi><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac><msup><mrow><mo>(</mo><mi>y</mi><mo>−</mo><msup><mi>y</mi><mo>⋆</mo></msup><mo>)</mo></mrow><mn>2</mn></msup></math> の勾配降下法。",
};
const english = intro.innerHTML;

/** The page's own words (the widgets translate themselves). */
function pageLanguage(lang) {
  document.documentElement.lang = lang;
  const text = INTRO[lang] ?? english;
  if (intro.innerHTML !== text) intro.innerHTML = text;
}

let ready = false;
let pending = false;

function arrange() {
  const get = fromHash(location.hash);
  if (get("panel") === null && !get.keys.some((k) => k.toLowerCase() === "panel")) {
    if (!document.getElementById("loss-space")) location.reload();
    const lang = get("lang");
    if (lang) for (const d of main.querySelectorAll("descent-demo")) d.setAttribute("lang", lang);
    pageLanguage(lang ?? "en");
    return [...main.querySelectorAll("descent-demo")];
  }
  const { panel, problems } = parseState(get, get.keys);
  const demo = document.createElement("descent-demo");
  demo.id = "shared";
  demo.setAttribute("panel", panel);
  for (const name of ALL_NAMES) if (name !== "panel" && get(name) !== null) demo.setAttribute(name, get(name));
  // The hash follows every change and every step (a link restores the steps too).
  // During Play that is a step a frame: the address is written at most every 300 ms (browsers
  // refuse more than a few hundred history writes in 10 s), the last one always.
  let pending = 0;
  let written = 0;
  const write = () => { pending = 0; written = performance.now(); history.replaceState(null, "", demo.hash); };
  const follow = () => {
    if (pending) return;
    const wait = written + 300 - performance.now();
    if (wait <= 0) write(); else pending = setTimeout(write, wait);
  };
  for (const type of ["descent-change", "descent-step", "descent-reset"]) demo.addEventListener(type, follow);
  // In a frame the widget folds its details and fits the frame's height.
  if (window.self !== window.top) document.documentElement.dataset.compact = "true";
  main.replaceChildren(demo);
  pageLanguage(get("lang") ?? "en");
  // Problems the element cannot see in its attributes: keys of no setting, repeated keys.
  const linkOnly = problems.filter((p) => ["repeated", "case", "other-panel", "unknown-key", "panel"].includes(p.code));
  if (linkOnly.length) customElements.whenDefined("descent-demo").then(() => demo.ready).then(() => demo.report(linkOnly));
  return [demo];
}

let demos = arrange();
let rearranged = () => {};
addEventListener("hashchange", () => {
  if (!ready) { pending = true; return; }
  const shown = document.querySelector("descent-demo");
  if (location.hash !== shown?.hash) { demos = arrange(); rearranged(); }
});
main.addEventListener("descent-change", (e) => {
  if (e.detail?.name !== "lang") return;
  pageLanguage(e.detail.value);
  for (const d of main.querySelectorAll("descent-demo")) if (d !== e.target && d.getAttribute("lang") !== e.detail.value) d.setAttribute("lang", e.detail.value);
});
// Awaited through whenDefined, not the import's promise: where dist has joined this module's
// imports with the element, the element is defined already, and the import's promise would
// only settle in a task after the first frame's paint (35–50 ms later).
import("./descent-demo.js");
await customElements.whenDefined("descent-demo");
await Promise.all(demos.map((d) => d.drawn));
ready = true;
if (pending) {
  pending = false;
  const shown = document.querySelector("descent-demo");
  if (location.hash !== shown?.hash) { demos = arrange(); await Promise.all(demos.map((d) => d.drawn)); }
}
// The first full frame: every panel's figures drawn (the benchmark's mark). The formulas are set
// after it has been painted; the page is ready (for tests and scripts) once they are.
performance.mark("descent-ready");
// A hash that changes meanwhile (an iframe whose src changes only its fragment) replaces the panels:
// the page is ready when the panels shown then are, not the ones it replaced.
for (;;) {
  const shown = demos;
  await Promise.race([Promise.all(shown.map((d) => d.ready)), new Promise((r) => (rearranged = r))]);
  if (shown === demos) break;
}
document.documentElement.dataset.ready = "true";
