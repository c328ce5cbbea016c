import { chromium } from "playwright-core";
import { ARGS } from "./helpers-args.js";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
const p = await (await b.newContext({ deviceScaleFactor: 2 })).newPage();
await p.goto("http://127.0.0.1:8123/");
await p.waitForSelector("html[data-ready=true]");
console.log(await p.evaluate(async () => {
  const api = await import("/pkg/descent.js");
  const c = document.createElement("canvas"); c.width = 1200; c.height = 1200;
  const x = c.getContext("2d", { willReadFrequently: true });
  const panel = new api.LossPanel(1, 0.5, -2, 2, -1.5, -1.5, 0.1);
  const t = (f, n = 15) => { const r = []; for (let i = 0; i < n; i++) { const t0 = performance.now(); f(i); r.push(performance.now() - t0); } r.sort((a, b) => a - b); return r[n >> 1].toFixed(2); };
  panel.drawMap(c, 2);
  return {
    redrawOnly: t(() => panel.drawMap(c, 2)),
    redrawFlushed: t(() => { panel.drawMap(c, 2); x.getImageData(0, 0, 1, 1); }),
    recomputeFlushed: t((i) => { panel.setColormap(i % 2 ? "autumn" : "viridis"); panel.drawMap(c, 2); x.getImageData(0, 0, 1, 1); }),
  };
}));
await b.close();
