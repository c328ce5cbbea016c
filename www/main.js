// The full page: both panels, or, when the URL hash names a panel (a shared link or an iframe),
// that panel alone with the hash's settings, the hash following every change.
import "./descent-demo.js";
import { fromHash } from "./state.js";
import { ALL_NAMES } from "./state.js";

const main = document.querySelector("main");

function build() {
  const get = fromHash(location.hash);
  let demos;
  if (get("panel") !== null) {
    const demo = document.createElement("descent-demo");
    demo.id = "shared";
    for (const name of ALL_NAMES) if (get(name) !== null) demo.setAttribute(name, get(name));
    demo.addEventListener("descent-change", () => history.replaceState(null, "", demo.hash));
    demos = [demo];
  } else {
    demos = ["loss-space", "parabola"].map((panel) => {
      const demo = document.createElement("descent-demo");
      demo.id = panel;
      demo.setAttribute("panel", panel);
      return demo;
    });
  }
  main.replaceChildren(...demos);
  return Promise.all(demos.map((d) => d.ready));
}

addEventListener("hashchange", () => { if (!document.querySelector("descent-demo")?.hash || location.hash !== document.querySelector("descent-demo").hash) build(); });
await build();
performance.mark("descent-ready");
document.documentElement.dataset.ready = "true";
