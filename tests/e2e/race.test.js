// Learning rules: the optimizer and surface API of pkg/descent.js against torch's trajectories
// and the formulas computed here; races of several optimizers in the page (legend, events,
// stopping alone, links); all 19 at once; the test surfaces; the y = x² panel's multi-well curve.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readFileSync } from "node:fs";
import { launch, open, close, colourCount, ROOT, SHOTS } from "./helpers.js";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const NAMES = ["sgd", "msgd", "nag", "adagrad", "rmsprop", "adadelta", "adam", "rmspropgraves", "smorms3", "adamax", "nadam", "eve", "santae", "santasss", "amsgrad", "adabound", "amsbound", "adabelief", "sam"];
const SURFACES = ["saddle", "tanh", "sinc", "tanh-bowl", "rosenbrock", "beale", "himmelblau"];
/** The run colours, read from the page's own source (www/colours.js) as [r, g, b]. */
const RUN_RGB = [...readFileSync(path.join(ROOT, "www/colours.js"), "utf8").matchAll(/rgb\((\d+), (\d+), (\d+)\)/g)].map((m) => m.slice(1).map(Number));

/** The site may be rebuilt under the tests: a page that fails to load is opened once more. */
async function openPage(url, opts) {
  try {
    const o = await open(browser, url, opts);
    if (!o.errors.some((e) => e.startsWith("requestfailed"))) return o;
    await o.context.close();
  } catch { /* retried below */ }
  return open(browser, url, opts);
}

/** Relative closeness to 1e-9 (the reference trajectories' tolerance). */
const near = (a, b, rel = 1e-9) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) || Math.abs(a - b) <= 1e-300;

const stepButton = (demo) => demo.getByRole("button", { name: "Step", exact: true });
const data = (demo) => demo.evaluate((el) => ({ ...el.dataset }));
/** Collect the element's events of `types` in window.got. */
async function record(demo, types) {
  await demo.evaluate((el, types) => {
    window.got = [];
    for (const t of types) el.addEventListener(t, (e) => window.got.push({ type: t, detail: JSON.parse(JSON.stringify(e.detail)) }));
  }, types);
}
const recorded = (page) => page.evaluate(() => window.got);

/** No console errors, page errors or failed requests; the message lists each distinct one once. */
function noErrors(errors, what = "no console errors") {
  const seen = new Map();
  for (const e of errors) seen.set(e, (seen.get(e) ?? 0) + 1);
  assert.equal(errors.length, 0, `${what}: ${errors.length} error(s): ${[...seen].map(([e, n]) => `${n} × ${e}`).join(" || ")}`);
}

test("JS API: optimizerNames, Adam's first move from its formula, reset, coded errors, defaults", async () => {
  const { page, errors } = await openPage("/");
  const r = await page.evaluate(async () => {
    const api = await import("/pkg/descent.js");
    const out = { names: api.optimizerNames(), defaults: api.optimizerDefaults("adam") };
    const adam = new api.Optimizer("Adam", { eta: 0.01 });
    out.canonical = adam.name;
    out.first = Array.from(adam.update(0.3, -0.2));
    out.second = Array.from(adam.update(0.3, -0.2));
    adam.reset();
    out.again = Array.from(adam.update(0.3, -0.2));
    const caught = (f) => { try { f(); return null; } catch (e) { return { isError: e instanceof Error, code: e.code, message: e.message, known: e.known, given: e.given }; } };
    out.badName = caught(() => new api.Optimizer("adamw", { eta: 0.01 }));
    out.badKey = caught(() => new api.Optimizer("adam", { lr: 0.01 }));
    out.badDefaults = caught(() => api.optimizerDefaults("nope"));
    return out;
  });
  assert.deepEqual(r.names, NAMES, "the 19 optimizers, in order");
  assert.equal(r.canonical, "adam", "the name is case-insensitive");
  assert.deepEqual(Object.keys(r.defaults).sort(), ["beta1", "beta2", "eps", "eta"]);
  const { beta1, beta2, eps } = r.defaults;
  assert.ok(beta1 === 0.9 && beta2 === 0.999 && eps === 1e-8, JSON.stringify(r.defaults));
  // Adam's first step: m = (1−β1)g, v = (1−β2)g², m̂ = g, v̂ = g², Δ = −η·m̂/(√v̂ + ε).
  const eta = 0.01;
  const expected = [0.3, -0.2].map((g) => {
    const mHat = ((1 - beta1) * g) / (1 - beta1);
    const vHat = ((1 - beta2) * g * g) / (1 - beta2);
    return (-eta * mHat) / (Math.sqrt(vHat) + eps);
  });
  for (let i = 0; i < 2; i++) {
    assert.ok(near(r.first[i], expected[i], 1e-12), `Adam's first move ${r.first[i]} vs ${expected[i]}`);
    const g = [0.3, -0.2][i];
    assert.equal(Math.sign(r.first[i]), -Math.sign(g), "against the gradient");
    assert.ok(Math.abs(r.first[i]) < eta && Math.abs(r.first[i]) > eta * (1 - 1e-6), "η·(1 − ε-ish)");
  }
  assert.notDeepEqual(r.second, r.first, "the second update uses the moments (not a fresh start)");
  assert.deepEqual(r.again, r.first, "reset() gives the first move again");
  assert.equal(r.badName?.isError, true, "an unknown optimizer throws an Error");
  assert.equal(r.badName.code, "unknown");
  assert.deepEqual(r.badName.known, NAMES);
  assert.equal(r.badKey?.isError, true, "an unknown hyperparameter throws an Error");
  assert.equal(r.badKey.code, "param");
  assert.equal(r.badKey.given, "lr");
  assert.deepEqual([...r.badKey.known].sort(), ["beta1", "beta2", "eps", "eta"]);
  assert.equal(r.badDefaults?.code, "unknown");
  noErrors(errors);
});

test("JS API: every reference trajectory of torch/adabound/adabelief to 1e-9 through new Optimizer", async () => {
  const ref = JSON.parse(readFileSync(path.join(ROOT, "tests/reference/optimizers.json"), "utf8"));
  assert.ok(ref.runs.length >= 14);
  const { page, errors } = await openPage("/");
  const got = await page.evaluate(async (ref) => {
    const api = await import("/pkg/descent.js");
    const out = [];
    for (const run of ref.runs) {
      const res = { name: run.name, points: [], error: null };
      try {
        const opt = new api.Optimizer(run.optimizer, run.params);
        let w = ref.w0, b = ref.b0;
        for (let t = 0; t < run.trajectory_w_b.length; t++) {
          res.points.push([w, b]);
          const [gw, gb] = api.gradient(ref.x, w, b, ref.t);
          const L = api.loss(api.neuron(ref.x, w, b), ref.t);
          const [dw, db] = opt.update(gw, gb, L);
          w += dw;
          b += db;
        }
      } catch (e) {
        res.error = `${e.message} ${JSON.stringify({ ...e })}`;
      }
      out.push(res);
    }
    return out;
  }, ref);
  let compared = 0;
  for (const [i, run] of ref.runs.entries()) {
    const g = got[i];
    assert.equal(g.error, null, `${run.name}: new Optimizer(${run.optimizer}, ${JSON.stringify(run.params)}) failed: ${g.error}`);
    assert.equal(g.points.length, run.trajectory_w_b.length);
    for (const [t, [ew, eb]] of run.trajectory_w_b.entries()) {
      const [w, b] = g.points[t];
      assert.ok(near(w, ew) && near(b, eb), `${run.name} step ${t}: (${w}, ${b}) vs torch (${ew}, ${eb})`);
      compared++;
    }
  }
  assert.equal(compared, ref.runs.length * (ref.steps + 1));
  noErrors(errors);
});

test("JS API: surfaceNames; Rosenbrock's minimum (1, 1), Beale's (3, 0.5)", async () => {
  const { page, errors } = await openPage("/");
  const r = await page.evaluate(async () => {
    const api = await import("/pkg/descent.js");
    const ros = new api.Surface("rosenbrock");
    const beale = new api.Surface("beale");
    const caught = (() => { try { new api.Surface("ackley"); return null; } catch (e) { return { code: e.code, known: e.known }; } })();
    return {
      names: api.surfaceNames(), value: ros.value(1, 1), grad: Array.from(ros.gradient(1, 1)), away: ros.value(-1.2, 1),
      gradAway: Array.from(ros.gradient(-1.2, 1)), beale: beale.value(3, 0.5), bealeGrad: Array.from(beale.gradient(3, 0.5)), caught,
    };
  });
  assert.deepEqual(r.names, ["neuron", ...SURFACES]);
  assert.equal(r.value, 0);
  assert.ok(r.grad.length === 2 && r.grad.every((g) => g === 0), `∇f(1, 1) = ${r.grad}`);
  // Away from the minimum, the formula computed here: f = (1 − x)² + 100(y − x²)².
  const [x, y] = [-1.2, 1];
  assert.ok(near(r.away, (1 - x) ** 2 + 100 * (y - x * x) ** 2, 1e-12), `f(−1.2, 1) = ${r.away}`);
  assert.ok(near(r.gradAway[0], -2 * (1 - x) - 400 * x * (y - x * x), 1e-12) && near(r.gradAway[1], 200 * (y - x * x), 1e-12), String(r.gradAway));
  assert.ok(Math.abs(r.beale) < 1e-12, `Beale at (3, 0.5): ${r.beale}`);
  assert.ok(r.bealeGrad.every((g) => Math.abs(g) < 1e-12), String(r.bealeGrad));
  assert.equal(r.caught?.code, "unknown");
  noErrors(errors);
});

const RACE3 = "/#panel=loss-space&optimizers=sgd+adam(eta=0.05)+nag(eta=0.5)";

test("race of 3: the legend has 3 entries with distinct swatch colours (the run colours)", async () => {
  const { page, errors } = await openPage(RACE3);
  const demo = page.locator("descent-demo");
  const legend = demo.locator("ul.legend");
  assert.equal(await legend.isVisible(), true);
  const items = legend.locator("li");
  assert.equal(await items.count(), 3);
  assert.deepEqual(await items.locator(".name").allInnerTexts(), ["sgd", "adam(eta=0.05)", "nag(eta=0.5)"]);
  const swatches = await items.locator(".swatch").evaluateAll((s) => s.map((x) => getComputedStyle(x).backgroundColor));
  await demo.screenshot({ path: path.join(SHOTS, "race-3.png") });
  assert.equal(new Set(swatches).size, 3, `three distinct swatch colours on screen, got ${JSON.stringify(swatches)}`);
  swatches.forEach((c, i) => assert.equal(c, `rgb(${RUN_RGB[i].join(", ")})`, `swatch ${i} shows run colour ${i}`));
  noErrors(errors);
});

test("race of 3: Step moves all three (each by its own rule), Step back and Reset move all together", async () => {
  const { page, errors } = await openPage(RACE3);
  const demo = page.locator("descent-demo");
  assert.equal((await data(demo)).runs, "3");
  await record(demo, ["descent-step", "descent-reset"]);
  await stepButton(demo).click();
  let ev = await recorded(page);
  assert.equal(ev.length, 1);
  const runs = ev[0].detail.runs;
  assert.equal(runs.length, 3);
  assert.deepEqual(runs.map((r) => r.optimizer), ["sgd", "adam", "nag"]);
  assert.equal(runs[1].params.eta, 0.05, "adam's η as given");
  assert.equal(runs[2].params.eta, 0.5, "nag's η as given");
  assert.equal(runs[0].params.eta, 2, "sgd takes the panel's η");
  for (const r of runs) {
    assert.equal(r.step, 1);
    assert.ok([r.w, r.b, r.loss].every(Number.isFinite), JSON.stringify(r));
    assert.ok(r.w !== -2 && r.b !== 0.5, `${r.optimizer} moved: ${JSON.stringify(r)}`);
  }
  // Each first move from the formulas, with the gradient at the start (−2, 0.5), x = 1, y* = 0.5.
  const [gw, gb] = await page.evaluate(async () => Array.from((await import("/pkg/descent.js")).gradient(1, -2, 0.5, 0.5)));
  const sgd = [-2 - 2 * gw, 0.5 - 2 * gb];
  const adam = [-2 - (0.05 * gw) / (Math.abs(gw) + 1e-8), 0.5 - (0.05 * gb) / (Math.abs(gb) + 1e-8)];
  const nag = [-2 - 0.5 * (gw + 0.9 * gw), 0.5 - 0.5 * (gb + 0.9 * gb)]; // torch: buf = g, p −= η(g + μ·buf)
  for (const [r, [w, b]] of [[runs[0], sgd], [runs[1], adam], [runs[2], nag]]) {
    assert.ok(near(r.w, w, 1e-12) && near(r.b, b, 1e-12), `${r.optimizer}: (${r.w}, ${r.b}) vs (${w}, ${b})`);
  }
  // The three paths are distinct.
  assert.equal(new Set(runs.map((r) => r.w)).size, 3);
  await stepButton(demo).click();
  await stepButton(demo).click();
  ev = await recorded(page);
  const at2 = ev[1].detail.runs;
  assert.deepEqual(ev[2].detail.runs.map((r) => r.step), [3, 3, 3]);
  await demo.getByRole("button", { name: "Step back" }).click();
  ev = await recorded(page);
  const back = ev[3].detail.runs;
  assert.deepEqual(back.map((r) => r.step), [2, 2, 2], "Step back moved every run back");
  assert.deepEqual(back.map((r) => [r.w, r.b]), at2.map((r) => [r.w, r.b]), "exactly to step 2");
  assert.equal((await data(demo)).step, "2");
  await demo.getByRole("button", { name: "Reset" }).click();
  ev = await recorded(page);
  const reset = ev[4];
  assert.equal(reset.type, "descent-reset");
  assert.deepEqual(reset.detail.runs.map((r) => [r.step, r.w, r.b]), [[0, -2, 0.5], [0, -2, 0.5], [0, -2, 0.5]]);
  assert.match(await demo.locator("p.status").innerText(), /3 of 3 optimizers still going/);
  noErrors(errors);
});

test("race: a run that leaves the map stops alone, says so and sends descent-diverge; the others go on", async () => {
  const { page, errors } = await openPage("/#panel=loss-space&w0=-2&b0=-2&optimizers=sgd(eta=100)+adam(eta=0.05)+nag(eta=0.5)");
  const demo = page.locator("descent-demo");
  await record(demo, ["descent-step", "descent-diverge"]);
  for (let i = 0; i < 6; i++) await stepButton(demo).click();
  const ev = await recorded(page);
  const diverged = ev.filter((e) => e.type === "descent-diverge");
  assert.equal(diverged.length, 1, "one descent-diverge event, once");
  assert.equal(diverged[0].detail.run, 0);
  assert.equal(diverged[0].detail.optimizer, "sgd");
  assert.match(diverged[0].detail.reason, /outside the map/);
  const last = ev.filter((e) => e.type === "descent-step").at(-1).detail.runs;
  assert.equal(last[0].step, 1, "the sgd run stopped after its first step");
  assert.deepEqual(last.slice(1).map((r) => r.step), [6, 6], "adam and nag kept stepping");
  assert.ok(last.every((r) => Math.abs(r.w) <= 2 && Math.abs(r.b) <= 2), "every shown point is on the map");
  const items = demo.locator("ul.legend li");
  assert.match(await items.nth(0).innerText(), /stopped/);
  assert.equal(await items.nth(0).getAttribute("class"), "stopped");
  for (const i of [1, 2]) {
    assert.doesNotMatch(await items.nth(i).innerText(), /stopped/);
    assert.match(await items.nth(i).innerText(), /step 6/);
  }
  assert.match(await demo.locator("p.status").innerText(), /2 of 3 optimizers still going/);
  assert.equal(await stepButton(demo).isEnabled(), true);
  await demo.screenshot({ path: path.join(SHOTS, "race-one-stopped.png") });
  noErrors(errors);
});

test("race: the link from snippets() reopens with the same optimizers, hyperparameters and point", async () => {
  const { page, errors } = await openPage("/#panel=loss-space&optimizers=sgd+adam(eta=0.05,beta1=0.8)+nag(eta=0.5,mu=0.7)");
  const demo = page.locator("descent-demo");
  for (let i = 0; i < 4; i++) await stepButton(demo).click();
  const state = await demo.evaluate((el) => el.state);
  assert.deepEqual(state.optimizers, [{ name: "sgd", params: {} }, { name: "adam", params: { eta: 0.05, beta1: 0.8 } }, { name: "nag", params: { eta: 0.5, mu: 0.7 } }]);
  const runs = await demo.evaluate((el) => el.core.readout().runs.map((r, i) => ({ o: r.optimizer, p: el.core.params()[i], w: r.w, b: r.b, step: r.step })));
  const link = await demo.evaluate((el) => el.snippets().link);
  const second = await openPage(link);
  const again = second.page.locator("descent-demo");
  assert.deepEqual(await again.evaluate((el) => el.state), state);
  assert.deepEqual(await again.evaluate((el) => el.core.readout().runs.map((r, i) => ({ o: r.optimizer, p: el.core.params()[i], w: r.w, b: r.b, step: r.step }))), runs);
  assert.equal(await again.locator("ul.legend li").count(), 3);
  noErrors([...errors, ...second.errors]);
});

/** Open the page at `width`, open the "optimizers" details and press "Race all 19". */
async function raceAll(width = 1200) {
  const o = await openPage("/", { width, height: 1000 });
  const demo = o.page.locator("#loss-space");
  const summary = demo.locator("details > summary").filter({ hasText: /^optimizers/ });
  assert.equal(await summary.count(), 1);
  await summary.click();
  const map = () => demo.locator("canvas.map-base").evaluate((c) => c.toDataURL());
  const before = await map();
  await demo.getByRole("button", { name: /^Race all 19/ }).click();
  // The race runs on the logistic data: the map shows that loss, not the article's.
  assert.notEqual(await map(), before, "the map is drawn anew for the race's data");
  assert.equal((await demo.evaluate((el) => el.state)).data, "logistic");
  return { ...o, demo };
}

test("all 19: one press gives 19 legend entries and 19 runs that each take 20 Steps", async () => {
  const { page, errors, demo } = await raceAll();
  const items = demo.locator("ul.legend li");
  assert.equal(await items.count(), 19);
  assert.deepEqual((await items.locator(".name").allInnerTexts()).map((n) => n.replace(/\(.*$/, "")), NAMES);
  assert.equal((await data(demo)).runs, "19");
  for (let i = 0; i < 20; i++) await stepButton(demo).click();
  const runs = await demo.evaluate((el) => el.core.readout().runs.map((r) => ({ o: r.optimizer, step: r.step, stop: r.stop, w: r.w, b: r.b })));
  assert.equal(runs.length, 19);
  const stopped = runs.filter((r) => r.step !== 20).map((r) => `${r.o} stopped at step ${r.step} (${JSON.stringify(r.stop)})`);
  assert.deepEqual(stopped, [], "19 trajectories of 20 steps with the race's learning rates");
  noErrors(errors);
});

test("all 19: after 20 Steps every run's current point shows in its colour, unless a later run sits on it", async () => {
  const { page, errors, demo } = await raceAll();
  for (let i = 0; i < 20; i++) await stepButton(demo).click();
  const counts = await page.$eval("#loss-space canvas.map-path", (c, rgb) => {
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    const n = rgb.map(() => 0);
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] < 64) continue;
      rgb.forEach(([r, g, b], k) => { if (Math.abs(d[i] - r) <= 6 && Math.abs(d[i + 1] - g) <= 6 && Math.abs(d[i + 2] - b) <= 6) n[k]++; });
    }
    return n;
  }, RUN_RGB);
  // Heads are drawn over every line, in run order: a head is hidden only by a later run's head
  // within a dot's width (0.1 in w and b is about 12 CSS px on this map; a dot is 10 px across).
  const heads = await demo.evaluate((el) => el.core.readout().runs.map((r) => [r.w, r.b]));
  const covered = heads.map(([w, b], k) => heads.slice(k + 1).some(([v, c]) => Math.hypot(v - w, c - b) < 0.1));
  const missing = NAMES.filter((_, k) => !covered[k] && counts[k] < 4);
  await demo.locator("div.figures").screenshot({ path: path.join(SHOTS, "race-19-paths.png") });
  assert.deepEqual(missing, [], `pixels per run ${JSON.stringify(counts)}; covered ${JSON.stringify(covered)}`);
  // The data and rates are chosen so the runs spread out: most heads stand apart.
  assert.ok(covered.filter((c) => !c).length >= 12, `only ${covered.filter((c) => !c).length} heads stand apart`);
  noErrors(errors);
});

test("all 19: Play for about a second keeps stepping, with no console errors; screenshot at 1280 px", async () => {
  const { page, errors, demo } = await raceAll(1280);
  const t0 = Number((await data(demo)).step);
  await demo.getByRole("button", { name: "Play" }).click();
  await page.waitForTimeout(1000);
  const mid = Number((await data(demo)).step);
  await page.waitForTimeout(300);
  await demo.getByRole("button", { name: "Pause" }).click();
  const t1 = Number((await data(demo)).step);
  assert.ok(mid >= t0 + 3, `Play stepped: ${t0} → ${mid}`);
  assert.ok(t1 > mid, `still stepping after a second: ${mid} → ${t1}`);
  await demo.screenshot({ path: path.join(SHOTS, "race-19-1280.png") });
  noErrors(errors, "no console errors while racing");
});

test("all 19 at 1280 px: the legend stays readable at every step from 1 to 40 (no entry overflows its box)", async () => {
  const { page, errors, demo } = await raceAll(1280);
  const overflows = [];
  for (let t = 1; t <= 40; t++) {
    await stepButton(demo).click();
    const bad = await demo.locator("ul.legend li").evaluateAll((li) => li.map((x) => {
      const right = Math.max(...[...x.children].map((c) => c.getBoundingClientRect().right));
      return { text: x.innerText.replace(/\n/g, " "), over: right - x.getBoundingClientRect().right, font: parseFloat(getComputedStyle(x).fontSize) };
    }).filter((e) => e.over > 0.5 || e.font < 12));
    for (const b of bad) overflows.push(`step ${t}: "${b.text}" ${b.over.toFixed(1)} px past its box (font ${b.font} px)`);
    if (t === 40) await demo.locator("ul.legend").screenshot({ path: path.join(SHOTS, "race-19-legend-1280.png") });
  }
  assert.deepEqual(overflows, [], "every legend entry fits");
  noErrors(errors);
});

test("surfaces: each redraws the map, uses x and y, starts at its own start; hash surface=beale; 3-D", async () => {
  const { page, errors } = await openPage("/");
  const demo = page.locator("#loss-space");
  const map = () => page.$eval("#loss-space canvas.map-base", (c) => c.toDataURL());
  const heads = () => demo.locator("table.readouts tr:not([hidden]) th").allInnerTexts();
  assert.ok((await heads()).includes("wₜ"), "the neuron's rows say w");
  let previous = await map();
  const titles = [];
  for (const s of SURFACES) {
    await demo.getByLabel("surface", { exact: true }).selectOption(s);
    const now = await map();
    assert.notEqual(now, previous, `${s}: the map was redrawn`);
    previous = now;
    const h = await heads();
    assert.ok(h.includes("xₜ") && h.includes("yₜ") && !h.includes("wₜ") && !h.includes("bₜ"), `${s}: rows ${h.join(" | ")}`);
    const axes = await demo.evaluate((el) => { const c = el.shadowRoot.querySelector("canvas.map-base"); return el.core.draw(0, c.width, c.height, 1).texts; });
    assert.ok(axes.includes("x") && axes.includes("y") && !axes.includes("w") && !axes.includes("b"), `${s}: the map's axis names ${JSON.stringify(axes)}`);
    const api = await page.evaluate(async (s) => { const S = new (await import("/pkg/descent.js")).Surface(s); const st = Array.from(S.start()); return { start: st, value: S.value(...st) }; }, s);
    const d = await data(demo);
    assert.deepEqual([Number(d.w), Number(d.b)], api.start, `${s}: the surface's start`);
    assert.ok(near(Number(d.loss), api.value, 1e-12), `${s}: f at the start ${d.loss} vs ${api.value}`);
    if (s === "rosenbrock") assert.deepEqual([Number(d.w), Number(d.b)], [-1.2, 1]);
    const shownName = await demo.getByLabel("surface", { exact: true }).evaluate((sel) => sel.selectedOptions[0].textContent);
    titles.push([shownName, await demo.locator("h2").first().innerText()]);
  }
  // The 3-D view draws a surface (and a different one for another surface).
  await demo.getByLabel("surface", { exact: true }).selectOption("rosenbrock");
  await demo.getByLabel("view", { exact: true }).selectOption("3d");
  assert.equal(await demo.locator("canvas.surface").isVisible(), true);
  assert.ok(await colourCount(page, "#loss-space canvas.surface") > 50, "the 3-D view has a shaded surface");
  const ros3d = await page.$eval("#loss-space canvas.surface", (c) => c.toDataURL());
  await demo.screenshot({ path: path.join(SHOTS, "surface-rosenbrock-3d.png") });
  await demo.getByLabel("surface", { exact: true }).selectOption("himmelblau");
  assert.notEqual(await page.$eval("#loss-space canvas.surface", (c) => c.toDataURL()), ros3d, "another surface, another drawing");
  // The panel's title follows: it names the surface, not the neuron's "(w, b)".
  const wrong = titles.filter(([name, title]) => !title.includes(name) || title.includes("(w, b)"));
  assert.deepEqual(wrong, [], "each surface's title names it");
  noErrors(errors);
});

test("surfaces: a start is checked against the surface's own window, not the neuron's range", async () => {
  // (3, 3) lies in Himmelblau's [−5, 5]² (it is one of its minima) though outside the neuron's ±2.
  const { page, errors } = await openPage("/#panel=loss-space&surface=himmelblau&w0=3&b0=3");
  const demo = page.locator("descent-demo");
  assert.equal(await demo.locator(".notice:visible").count(), 0, "no notice");
  assert.deepEqual([Number(await demo.getAttribute("data-w")), Number(await demo.getAttribute("data-b"))], [3, 3]);
  assert.deepEqual(await demo.evaluate((el) => [el.state.w0, el.state.b0]), [3, 3]);
  // The start fields accept the window's values; the attribute too.
  const w0 = demo.locator("input[name=w0]");
  assert.equal(await w0.getAttribute("aria-valuemin"), "-5");
  assert.equal(await w0.getAttribute("aria-valuemax"), "5");
  await demo.evaluate((el) => el.setAttribute("w0", "-4"));
  assert.equal(await demo.getAttribute("data-w"), "-4");
  // Outside the window: named in a notice, the surface's own start used.
  const far = await openPage("/#panel=loss-space&surface=rosenbrock&w0=0&b0=4");
  const r = far.page.locator("descent-demo");
  assert.match(await r.locator(".notice").innerText(), /outside|window|map/i);
  assert.deepEqual([Number(await r.getAttribute("data-w")), Number(await r.getAttribute("data-b"))], [-1.2, 1]);
  assert.equal(await r.evaluate((el) => el.state.surface), "rosenbrock", "the surface stays; only the start falls back");
  noErrors([...errors, ...far.errors]);
});

test("surfaces: the hash surface=beale restores Beale with its start; a race steps on it; a stop names the map", async () => {
  const { page, errors } = await openPage("/#panel=loss-space&surface=beale");
  const beale = page.locator("descent-demo");
  const f = (x, y) => page.evaluate(async ([x, y]) => new (await import("/pkg/descent.js")).Surface("beale").value(x, y), [x, y]);
  assert.equal(await beale.getByLabel("surface", { exact: true }).inputValue(), "beale");
  assert.equal(await beale.evaluate((el) => el.state.surface), "beale");
  assert.deepEqual([Number(await beale.getAttribute("data-w")), Number(await beale.getAttribute("data-b"))], [3, 4]);
  const f0 = await f(3, 4);
  assert.ok(near(Number(await beale.getAttribute("data-loss")), f0, 1e-12), "the loss shown is Beale's f(3, 4)");
  await beale.screenshot({ path: path.join(SHOTS, "surface-beale.png") });
  // Adam steps down from (3, 4); what is shown is f at the point reached.
  const second = await openPage("/#panel=loss-space&surface=beale&optimizers=adam(eta=0.05)");
  const adam = second.page.locator("descent-demo");
  let before = f0;
  for (let i = 1; i <= 3; i++) {
    await stepButton(adam).click();
    const d = await data(adam);
    assert.equal(d.step, String(i));
    assert.ok(near(Number(d.loss), await f(Number(d.w), Number(d.b)), 1e-12), `step ${i}: L = f(x, y)`);
    assert.ok(Number(d.loss) < before, `step ${i}: ${before} → ${d.loss}`);
    before = Number(d.loss);
  }
  // SGD from (3, 4), where ∇f ≈ (25625, 57519): even the smallest η the panel takes (0.001) leaves
  // the map at once. The stop is said, naming the map it left.
  const eta = beale.getByRole("spinbutton", { name: "η", exact: true });
  await eta.fill("0.001");
  await eta.dispatchEvent("change");
  await stepButton(beale).click();
  assert.equal(await beale.getAttribute("data-diverged"), "true");
  const status = await beale.locator("p.status").innerText();
  assert.match(status, /outside the map/);
  assert.doesNotMatch(status, /\(\)/, `the stop names the map's window: "${status}"`);
  noErrors([...errors, ...second.errors]);
});

test("y = x² panel: curve=multiwell starts at x = 3.5 and Step descends", async () => {
  const { page, errors } = await openPage("/#panel=parabola&curve=multiwell");
  const demo = page.locator("descent-demo");
  assert.equal(await demo.getByLabel("curve", { exact: true }).inputValue(), "multiwell");
  const y = async () => Number(await demo.locator("td[data-name=y]").getAttribute("data-value"));
  assert.equal(Number(await demo.getAttribute("data-x")), 3.5);
  const y0 = await y();
  await stepButton(demo).click();
  assert.equal(await demo.getAttribute("data-step"), "1");
  assert.notEqual(Number(await demo.getAttribute("data-x")), 3.5);
  const y1 = await y();
  assert.ok(y1 < y0, `y decreased: ${y0} → ${y1}`);
  await demo.screenshot({ path: path.join(SHOTS, "multiwell.png") });
  noErrors(errors);
});

test("Play changes the numbers' text in place: no text node replaced, no attribute rewritten with its own value", async () => {
  const { page, errors, context } = await openPage("/#panel=loss-space&speed=60");
  const counts = await page.evaluate(async () => {
    const el = document.querySelector("descent-demo");
    const { RACE_PARAMS } = await import("/tools.js");
    const { writeRuns, OPTIMIZERS } = await import("/descent-demo.js");
    el.setAttribute("optimizers", writeRuns(OPTIMIZERS.map((o) => ({ name: o, params: RACE_PARAMS[o] }))));
    el.step();
    // Every frame of Play runs the same update as Step; from the second step on, nothing is built.
    el.step();
    const seen = { childList: 0, characterData: 0, attributes: 0, sameAttribute: 0, replaced: [] };
    const watch = (root) => new MutationObserver((list) => {
      for (const m of list) {
        // The live region is rewritten on each Step on purpose (a screen reader says it then;
        // during Play it stays quiet).
        if (m.type === "childList" && m.target.closest?.("[aria-live]")) continue;
        seen[m.type]++;
        if (m.type === "childList") seen.replaced.push(`${m.target.localName}.${m.target.className}`);
        if (m.type === "attributes" && m.oldValue === m.target.getAttribute(m.attributeName)) seen.sameAttribute++;
      }
    }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeOldValue: true });
    watch(el.shadowRoot);
    watch(el);
    for (let i = 0; i < 5; i++) el.step();
    await new Promise((r) => setTimeout(r, 0));
    return seen;
  });
  assert.deepEqual(counts.replaced, [], "no node added or removed by a step");
  assert.equal(counts.sameAttribute, 0, "no attribute set to the value it had");
  assert.ok(counts.characterData >= 5 * 19, `the numbers and the legend's states change in place (${counts.characterData})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("during Play of 19 the legend's numbers are rewritten a few times a second, not every frame; paused, it shows every run's last step", async () => {
  // Each rewrite lays the legend out again; 19 of them every frame made a full garbage
  // collection every ~2 s, in a frame of its own (the frames over 20 ms of the benchmark's Play).
  const { page, errors, context } = await openPage("/#panel=loss-space&speed=60");
  const { steps, most } = await page.evaluate(async () => {
    const el = document.querySelector("descent-demo");
    const { RACE_PARAMS } = await import("/tools.js");
    const { writeRuns, OPTIMIZERS } = await import("/descent-demo.js");
    el.setAttribute("optimizers", writeRuns(OPTIMIZERS.map((o) => ({ name: o, params: RACE_PARAMS[o] }))));
    el.step();
    const items = [...el.shadowRoot.querySelectorAll("ul.legend li")];
    const writes = new Map(items.map((li) => [li, 0]));
    const watch = new MutationObserver((list) => {
      for (const m of list) {
        const li = m.target.parentElement?.closest("li");
        if (writes.has(li)) writes.set(li, writes.get(li) + 1);
      }
    });
    watch.observe(el.shadowRoot.querySelector("ul.legend"), { subtree: true, characterData: true, childList: true });
    const t0 = Number(el.dataset.step);
    el.play();
    await new Promise((r) => setTimeout(r, 1200));
    el.pause();
    await new Promise((r) => setTimeout(r, 0));
    watch.disconnect();
    return { steps: Number(el.dataset.step) - t0, most: Math.max(...writes.values()) };
  });
  assert.ok(steps >= 20, `Play stepped (${steps} steps)`);
  assert.ok(most * 4 <= steps, `a legend entry was rewritten ${most} times in ${steps} steps`);
  // Paused: every entry says its run's own last step (a run stops alone when it leaves the map).
  const { texts, stepsOf } = await page.evaluate(() => {
    const el = document.querySelector("descent-demo");
    const texts = [...el.shadowRoot.querySelectorAll("ul.legend li .state")].map((s) => s.textContent);
    return { texts, stepsOf: el.core.readout(0).runs.map((r) => r.step) };
  });
  assert.equal(texts.length, 19);
  texts.forEach((t, i) => assert.match(t, new RegExp(`step ${stepsOf[i]}, L = `), `entry ${i + 1}: ${t}`));
  // At speed 10 (ten steps a second) each step still shows in the legend.
  const { shown, events } = await page.evaluate(async () => {
    const el = document.querySelector("descent-demo");
    el.setAttribute("speed", "10");
    el.reset();
    let shown = 0, events = 0;
    const first = el.shadowRoot.querySelector("ul.legend li .state");
    const check = () => { events++; if (first.textContent.startsWith(`step ${el.dataset.step},`)) shown++; };
    el.addEventListener("descent-step", check);
    el.play();
    await new Promise((r) => setTimeout(r, 1500));
    el.pause();
    el.removeEventListener("descent-step", check);
    return { shown, events };
  });
  assert.ok(events >= 8, `Play stepped at speed 10 (${events} steps)`);
  assert.ok(shown >= 0.9 * events, `the legend showed ${shown} of ${events} steps`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the numbers of the run picked in a race stay whole during Play (the other runs come brief)", async () => {
  // SGD third: its numbers can be checked against the article's free functions.
  const { page, errors, context } = await openPage("/#panel=loss-space&optimizers=adam%20nag%20sgd&eta=0.5&steps=3");
  const demo = page.locator("descent-demo");
  await demo.getByLabel("numbers of").selectOption("2");
  await demo.getByRole("button", { name: "Play" }).click();
  await page.waitForFunction(() => Number(document.querySelector("descent-demo").dataset.step) >= 8);
  await demo.getByRole("button", { name: "Pause" }).click();
  const { shown, gradient } = await demo.evaluate(async (el) => {
    const api = await import("/pkg/descent.js");
    const shown = Object.fromEntries([...el.shadowRoot.querySelectorAll("table.readouts td[data-value]")].map((td) => [td.dataset.name, Number(td.dataset.value)]));
    return { shown, gradient: Array.from(api.gradient(1, shown.w, shown.b, 0.5)) };
  });
  assert.ok(shown.step >= 8, `step ${shown.step}`);
  assert.ok(close(shown.gw, gradient[0]) && close(shown.gb, gradient[1]), `g = (${shown.gw}, ${shown.gb}) vs ${gradient}`);
  assert.ok(close(shown.dw, -shown.eta * shown.gw) && close(shown.wNext, shown.w + shown.dw), "SGD's move");
  assert.ok(close(shown.db, -shown.eta * shown.gb) && close(shown.bNext, shown.b + shown.db), "SGD's move");
  assert.deepEqual(errors, []);
  await context.close();
});
