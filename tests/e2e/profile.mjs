// Where the time of one job goes, by function (self time), from Chromium's CPU profiler:
//   DESCENT_KEEP_NAMES=1 cargo xtask dist && cargo xtask serve --port 8123 &
//   DESCENT_URL=http://127.0.0.1:8123 node profile.mjs recompute|step|load
import { chromium } from "playwright-core";
import { ARGS } from "./helpers-args.js";
const job = process.argv[2] ?? "recompute";
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ARGS });
const page = await (await browser.newContext({ deviceScaleFactor: 2 })).newPage();
await page.goto(new URL("/", process.env.DESCENT_URL).href);
await page.waitForSelector("html[data-ready=true]");
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
await cdp.send("Profiler.start");
const ms = await page.evaluate(async (job) => {
  const api = await import("/pkg/descent.js");
  const t0 = performance.now();
  if (job === "recompute") {
    const canvas = document.createElement("canvas");
    canvas.width = 1200; canvas.height = 1200;
    canvas.getContext("2d", { willReadFrequently: true });
    const panel = new api.LossPanel(1, 0.5, -2, 2, -1.5, -1.5, 0.1);
    for (let i = 0; i < 30; i++) { panel.setColormap(i % 2 ? "autumn" : "viridis"); panel.drawMap(canvas, 2); }
  } else if (job === "redraw") {
    const canvas = document.createElement("canvas");
    canvas.width = 1200; canvas.height = 1200;
    canvas.getContext("2d", { willReadFrequently: true });
    const panel = new api.LossPanel(1, 0.5, -2, 2, -1.5, -1.5, 0.1);
    for (let i = 0; i < 30; i++) panel.drawMap(canvas, 2);
  } else if (job === "step") {
    const el = document.getElementById("loss-space");
    for (let i = 0; i < 300; i++) el.step();
  }
  return performance.now() - t0;
}, job);
const { profile } = await cdp.send("Profiler.stop");
const self = new Map();
const dt = profile.timeDeltas;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const name = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`;
  self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`${job}: ${ms.toFixed(1)} ms in page, ${total.toFixed(1)} ms sampled`);
for (const [name, t] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${t.toFixed(1).padStart(8)} ms  ${name}`);
await browser.close();
