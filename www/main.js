// The full page: both panels as written in index.html, or, when the URL hash names a panel (a
// shared link or an iframe), that panel alone with the hash's settings, the hash following every
// change. The element module is imported after the page is arranged, so no element is built in
// vain.
import { ALL_NAMES, fromHash } from "./state.js";

const main = document.querySelector("main");

function arrange() {
  const get = fromHash(location.hash);
  if (get("panel") === null) {
    if (!document.getElementById("loss-space")) location.reload();
    return [...main.querySelectorAll("descent-demo")];
  }
  const demo = document.createElement("descent-demo");
  demo.id = "shared";
  for (const name of ALL_NAMES) if (get(name) !== null) demo.setAttribute(name, get(name));
  demo.addEventListener("descent-change", () => history.replaceState(null, "", demo.hash));
  main.replaceChildren(demo);
  return [demo];
}

const demos = arrange();
if (fromHash(location.hash)("lang") === "fr") {
  document.documentElement.lang = "fr";
  const intro = document.querySelector("header p");
  intro.replaceChildren(...new DOMParser().parseFromString(`<p>Comment un neurone ${intro.querySelector("math").outerHTML} apprend : la descente de gradient sur sa perte ${intro.querySelectorAll("math")[1].outerHTML}.</p>`, "text/html").body.firstChild.childNodes);
}
await import("./descent-demo.js");
addEventListener("hashchange", () => {
  const shown = document.querySelector("descent-demo");
  if (location.hash !== shown?.hash) arrange();
});
await Promise.all(demos.map((d) => d.ready));
performance.mark("descent-ready");
document.documentElement.dataset.ready = "true";
