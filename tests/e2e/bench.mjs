// The benchmark's browser half, run by `cargo xtask bench`: drives headless Chromium against the
// served release build and prints one JSON object of measurements. Times are medians and p95s
// over many runs taken in this one run; nothing here asserts a time.
import { chromium } from "playwright-core";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ARGS } from "./helpers-args.js";
import { launchRaw } from "./raw-chromium.mjs";

const BASE = process.env.DESCENT_URL;
const DIST = process.env.DESCENT_DIST;
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const BROWSER_ARGS = [...ARGS, "--enable-precise-memory-info", "--js-flags=--expose-gc"];
const out = {};
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1], n: s.length };
};
const gz = (b) => gzipSync(b, { level: 9 }).length;
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
async function page(url = "/", { dpr = 1, width = 1200 } = {}) {
  const context = await browser.newContext({ deviceScaleFactor: dpr, viewport: { width, height: 1000 } });
  const p = await context.newPage();
  await p.goto(new URL(url, BASE).href);
  await p.waitForSelector("html[data-ready=true]");
  return { p, context };
}

// First full frame: navigation start → both panels built and drawn, cold, 9 loads, in a browser
// with no DevTools domain enabled on the page (raw-chromium.mjs: Playwright's set-up of each
// page is not the page's work). Beside each, the floor of this machine: a page that runs one
// empty module, and one that only fetches and compiles the wasm module (served by a second server
// like the first); and the same load driven by Playwright, as the tests are. The four alternate,
// so that the machine's load, which moves over minutes, weighs on each alike; both browsers first
// load a page once and rest a second (a browser just started is still busy starting).
const raw = await launchRaw(CHROMIUM, BROWSER_ARGS);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
{
  const times = [], empty = [], wasm = [], driven = [];
  const FLOOR = process.env.DESCENT_FLOOR_URL;
  // Waited for in the page's own world: Playwright's selector and function waits first inject
  // its script into the page (~10 ms of the main thread, inside the interval measured here).
  const playwright = async (url) => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
    const p = await context.newPage();
    await p.goto(url, { waitUntil: "commit" });
    const t = await p.evaluate(() => new Promise((resolve) => {
      const mark = () => performance.getEntriesByName("descent-ready")[0]?.startTime;
      if (mark() !== undefined) return resolve(mark());
      new PerformanceObserver((_, o) => { if (mark() !== undefined) { o.disconnect(); resolve(mark()); } }).observe({ type: "mark" });
    }));
    await context.close();
    return t;
  };
  const home = new URL("/", BASE).href;
  await raw.mark(new URL("/empty.html", FLOOR).href, "descent-ready");
  await playwright(new URL("/empty.html", FLOOR).href);
  await new Promise((r) => setTimeout(r, 1000));
  for (let i = 0; i < 9; i++) {
    times.push(await raw.mark(home, "descent-ready"));
    empty.push(await raw.mark(new URL("/empty.html", FLOOR).href, "descent-ready"));
    wasm.push(await raw.mark(new URL("/wasm.html", FLOOR).href, "descent-ready"));
    driven.push(await playwright(home));
  }
  await raw.close();
  out.firstFrame = stats(times);
  out.floor = { empty: stats(empty), wasm: stats(wasm) };
  out.firstFramePlaywright = stats(driven);
}

// Payload: every response the page loads until the first full frame and 2 s after, raw, gzip -9
// and brotli 11; and everything the site ships (lazy modules too, not the single file nor the
// example lesson).
{
  const context = await browser.newContext();
  const p = await context.newPage();
  const files = [];
  p.on("response", (r) => { if (r.url().startsWith(BASE)) files.push(r); });
  await p.goto(new URL("/", BASE).href);
  await p.waitForSelector("html[data-ready=true]");
  await p.waitForTimeout(2000);
  const rows = [];
  for (const r of files) {
    const body = await r.body();
    rows.push({ file: new URL(r.url()).pathname, raw: body.length, gzip: gz(body), brotli: br(body) });
  }
  const sum = (k) => rows.reduce((a, r) => a + r[k], 0);
  const shipped = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!name.startsWith("descent-standalone") && !name.startsWith("embed-example") && !name.endsWith(".map")) shipped.push(full);
    }
  };
  walk(DIST);
  const single = readFileSync(path.join(DIST, "descent-standalone.html"));
  out.payload = {
    files: rows,
    total: { raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") },
    site: { files: shipped.length, gzip: shipped.reduce((a, f) => a + gz(readFileSync(f)), 0) },
    single: { raw: single.length, gzip: gz(single), brotli: br(single) },
  };
  await context.close();
}

// Step + redraw on each panel (≥ 250 steps), a race of all 19, and Play.
{
  const { p, context } = await page();
  out.step = await p.evaluate(async () => {
    const time = (el, n) => {
      const t = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        el.step();
        t.push(performance.now() - t0);
        if (el.dataset.diverged === "true" || Number(el.dataset.step) > 900) el.reset();
      }
      return t;
    };
    const loss = document.getElementById("loss-space");
    const parabola = document.getElementById("parabola");
    parabola.setAttribute("eta", "0.1");
    loss.setAttribute("eta", "0.1");
    time(loss, 20); time(parabola, 20);
    loss.reset(); parabola.reset();
    const single = { loss: time(loss, 250), parabola: time(parabola, 250) };
    // All 19 optimizers at once, on the race's data (as "Race all 19" sets it).
    const { RACE_PARAMS } = await import("/tools.js");
    const { writeRuns, OPTIMIZERS } = await import("/descent-demo.js");
    loss.setAttribute("data", "logistic");
    loss.setAttribute("w0", "-1");
    loss.setAttribute("b0", "1");
    loss.setAttribute("optimizers", writeRuns(OPTIMIZERS.map((o) => ({ name: o, params: RACE_PARAMS[o] }))));
    time(loss, 20);
    loss.reset();
    return { ...single, race: time(loss, 250) };
  });
  out.step = { lossSpace: stats(out.step.loss), parabola: stats(out.step.parabola), race19: stats(out.step.race) };
  // Play of the 19 runs from step 0, then again from step 900 (long trails: a converged run
  // repeats its pixel for hundreds of steps, stroked every frame).
  ({ play: out.play, playLong: out.playLong } = await p.evaluate(async () => {
    const el = document.getElementById("loss-space");
    // The intervals between frames over `ms` of Play, less the first `skip`; `each` runs every frame.
    const playFrames = async (ms, skip, each = () => {}) => {
      const frames = [];
      let last = performance.now();
      let run = true;
      const tick = (t) => {
        frames.push(t - last); last = t;
        each();
        if (run) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      el.play();
      await new Promise((r) => setTimeout(r, ms));
      run = false;
      el.pause();
      return frames.slice(skip);
    };
    el.setAttribute("speed", "60");
    el.reset();
    // Garbage: the heap's rises from frame to frame, summed (a lower bound: a collection inside
    // a frame hides what was made before it). The live heap: after two full collections 50 ms
    // apart (what the last frame and its tasks still held is let go in between).
    const live = async () => { gc(); await new Promise((r) => setTimeout(r, 50)); gc(); return performance.memory.usedJSHeapSize; };
    const liveBefore = await live();
    let heap = liveBefore;
    let made = 0;
    const dts = await playFrames(5000, 1, () => {
      const h = performance.memory.usedJSHeapSize;
      if (h > heap) made += h - heap;
      heap = h;
    });
    const total = dts.reduce((a, b) => a + b, 0);
    const play = {
      runs: Number(el.dataset.runs),
      fps: (dts.length / total) * 1000,
      frames: dts.length,
      over16_7ms: dts.filter((d) => d > 16.7).length,
      over20ms: dts.filter((d) => d > 20).length,
      steps: Number(el.dataset.step),
      jsHeapMB: performance.memory.usedJSHeapSize / 2 ** 20,
      // What Play keeps: the live heap after it, against the same before Play.
      liveHeapMB: (await live()) / 2 ** 20,
      liveHeapBeforeMB: liveBefore / 2 ** 20,
      garbageMBps: made / 2 ** 20 / (total / 1000),
    };
    el.reset();
    for (let i = 0; i < 900; i++) el.step();
    // The steps above block the page for ~2 s; a frame's timestamp taken meanwhile would read as
    // one long frame. Measured from a few frames later.
    await new Promise((r) => setTimeout(r, 300));
    const long = await playFrames(3000, 2);
    const longTotal = long.reduce((a, b) => a + b, 0);
    const sorted = [...long].sort((a, b) => a - b);
    const playLong = { from: 900, frames: long.length, over20ms: long.filter((d) => d > 20).length, longest: sorted.at(-1), second: sorted.at(-2), fps: (long.length / longTotal) * 1000, steps: Number(el.dataset.step) };
    return { play, playLong };
  }));
  await context.close();
}

// Full recompute + redraw of a 600×600 CSS px loss map at DPR 1 and 2, as the panel does it:
// the wasm module computes the heatmap and records the figure, the page puts the image and
// replays the figure; a new y* each time, so the heatmap and the contours are both computed
// anew. The grid in wasm vs plain JS; SGD throughput; memory over 10⁶ steps.
for (const dpr of [1, 2]) {
  const { p, context } = await page("/", { dpr });
  const r = await p.evaluate(async (dpr) => {
    const api = await import("/pkg/descent.js");
    const { replay } = await import("/descent-demo.js");
    const canvas = document.createElement("canvas");
    canvas.width = 600 * dpr;
    canvas.height = 600 * dpr;
    const ctx = canvas.getContext("2d", { willReadFrequently: true }); // as the panel's map layer
    const heat = document.createElement("canvas");
    document.body.append(canvas);
    const panel = new api.LossPanel();
    panel.setView({ theme: "light", decimal: ".", cmap: "autumn", words: { x: "w", y: "b", loss: "loss L" } });
    const t = [];
    let kept = null; // the ImageData the panel keeps for its size (loss-panel.js, drawMap)
    for (let i = 0; i < 30; i++) {
      panel.configure({ data: [1, i % 2 ? 0.5 : 0.4], start: [-1.5, -1.5] }); // a new y*
      const t0 = performance.now();
      const fig = panel.draw(0, canvas.width, canvas.height, dpr);
      const [w, h] = panel.heatmapSize();
      if (kept?.width !== w || kept.height !== h) kept = new ImageData(w, h);
      panel.heatmap(kept.data);
      if (heat.width !== w || heat.height !== h) Object.assign(heat, { width: w, height: h });
      heat.getContext("2d", { willReadFrequently: true }).putImageData(kept, 0, 0);
      replay(ctx, fig, heat);
      ctx.getImageData(0, 0, 1, 1); // wait for the pixels: the raster counts, not just the calls
      t.push(performance.now() - t0);
    }
    panel.free();
    return t;
  }, dpr);
  out[`recompute_dpr${dpr}`] = stats(r);
  if (dpr === 1) {
    const more = await p.evaluate(async () => {
      const api = await import("/pkg/descent.js");
      const wasm = await api.default();
      const N = 600;
      // Plain JS: the same grid, the same autumn colour map, one exp per pixel. Both sides
      // write into arrays kept from call to call, as the page does (`kept`), and are also
      // timed with a new array per call (`fresh`: 1.4 MB of RGBA, and 2.9 MB of losses in JS).
      const keptLosses = new Float64Array(N * N), keptOut = new Uint8ClampedArray(4 * N * N);
      const jsGrid = (kept) => {
        const out = kept ? keptOut : new Uint8ClampedArray(4 * N * N);
        const L = kept ? keptLosses : new Float64Array(N * N);
        let min = Infinity, max = -Infinity;
        for (let r = 0; r < N; r++) {
          const b = -2 + ((N - 1 - r) * 4) / (N - 1);
          for (let c = 0; c < N; c++) {
            const w = -2 + (c * 4) / (N - 1);
            const y = 1 / (1 + Math.exp(-(w + b)));
            const l = 0.5 * (y - 0.5) ** 2;
            L[r * N + c] = l;
            if (l < min) min = l;
            if (l > max) max = l;
          }
        }
        const k = 1 / (max - min);
        for (let i = 0; i < N * N; i++) {
          out[4 * i] = 255; out[4 * i + 1] = Math.round((L[i] - min) * k * 255); out[4 * i + 2] = 0; out[4 * i + 3] = 255;
        }
        return out;
      };
      const wasmOut = new Uint8ClampedArray(4 * N * N);
      const wasmGrid = (kept) => api.lossHeatmap(1, 0.5, -2, 2, N, N, "autumn", kept ? wasmOut : undefined);
      const a = wasmGrid(false), b = jsGrid(false);
      let diff = 0;
      for (let i = 0; i < a.length; i++) diff = Math.max(diff, Math.abs(a[i] - b[i]));
      const time = (f) => { const t = []; for (let i = 0; i < 31; i++) { const t0 = performance.now(); f(); t.push(performance.now() - t0); } t.sort((x, y) => x - y); return t[15]; };
      for (const kept of [true, false]) { time(() => wasmGrid(kept)); time(() => jsGrid(kept)); }
      const grid = {
        wasmMs: time(() => wasmGrid(true)), jsMs: time(() => jsGrid(true)),
        wasmFreshMs: time(() => wasmGrid(false)), jsFreshMs: time(() => jsGrid(false)),
        maxByteDifference: diff,
      };
      const n = 2e6;
      api.sgdRun(1, 0.5, -2, -2, 0.1, 1e5);
      const t0 = performance.now();
      api.sgdRun(1, 0.5, -2, -2, 0.1, n);
      const sgdPerSecond = n / ((performance.now() - t0) / 1000);
      const panel = new api.LossPanel();
      panel.configure({ start: [-1.5, -1.5], runs: [{ name: "sgd", params: { eta: 0.1 } }] });
      panel.step(2000);
      const wasmBefore = wasm.memory.buffer.byteLength;
      const heapBefore = performance.memory.usedJSHeapSize;
      let t1 = performance.now();
      for (let i = 0; i < 1e6; i++) panel.step(1);
      t1 = performance.now() - t1;
      panel.free();
      return { grid, sgdPerSecond, memory: { steps: 1e6, wasmBytesBefore: wasmBefore, wasmBytesAfter: wasm.memory.buffer.byteLength, jsHeapBefore: heapBefore, jsHeapAfter: performance.memory.usedJSHeapSize, panelStepsPerSecond: 1e6 / (t1 / 1000) } };
    });
    Object.assign(out, more);
  }
  await context.close();
}
await browser.close();
console.log(JSON.stringify(out));
