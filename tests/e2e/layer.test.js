// Activations, losses and mini-batches: the JS API against the chain rule computed here; the
// loss-space panel's "activation" and "loss" selects (ReLU's dead region, tanh, binary
// cross-entropy, the refused ReLU + BCE); data sets with an editable table; mini-batches with
// their full-batch ghost, epochs, orders and seeds.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, open, close, SHOTS } from "./helpers.js";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The site may be rebuilt under the tests: a page that fails to load is opened once more. */
async function openPage(url, opts) {
  try {
    const o = await open(browser, url, opts);
    if (!o.errors.some((e) => e.startsWith("requestfailed"))) return o;
    await o.context.close();
  } catch { /* retried below */ }
  return open(browser, url, opts);
}

/** No console errors, page errors or failed requests; the message lists each distinct one once. */
function noErrors(errors) {
  const seen = new Map();
  for (const e of errors) seen.set(e, (seen.get(e) ?? 0) + 1);
  assert.equal(errors.length, 0, `${errors.length} error(s): ${[...seen].map(([e, n]) => `${n} × ${e}`).join(" || ")}`);
}

const sigma = (z) => 1 / (1 + Math.exp(-z));
const rel = (a, b, tol = 1e-12) => Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b)) || Math.abs(a - b) <= 1e-15;
const stepButton = (demo) => demo.getByRole("button", { name: "Step", exact: true });
const data = (demo) => demo.evaluate((el) => ({ ...el.dataset }));
const select = (demo, label) => demo.getByLabel(label, { exact: true });
const mapImage = (demo) => demo.evaluate((el) => el.shadowRoot.querySelector("canvas.map-base").toDataURL());
const pathImage = (demo) => demo.evaluate((el) => el.shadowRoot.querySelector("canvas.map-path").toDataURL());
/** The readouts shown (rows not hidden): name → {label, text, value}. */
const readouts = (demo) => demo.locator("table.readouts tr:not([hidden])").evaluateAll((trs) => Object.fromEntries(trs.map((tr) => {
  const td = tr.querySelector("td");
  return [td.dataset.name, { label: tr.querySelector("th").textContent, text: td.textContent, value: td.dataset.value }];
})));
async function setNumber(demo, label, value) {
  const input = demo.getByRole("spinbutton", { name: label, exact: true });
  await input.fill(String(value));
  await input.dispatchEvent("change");
}
async function steps(demo, n) { for (let i = 0; i < n; i++) await stepButton(demo).click(); }

test("JS API: 24 activations, ReLU, tanh's chain rule, the clamped BCE, 3 losses, coded errors", async () => {
  const { page, errors } = await openPage("/");
  const r = await page.evaluate(async () => {
    const api = await import("/pkg/descent.js");
    const caught = (f) => { try { f(); return null; } catch (e) { return { isError: e instanceof Error, code: e.code, known: e.known, given: e.given }; } };
    return {
      names: api.activationNames(), losses: api.lossNames(),
      relu1: api.neuron(1, 2, -1, "ReLU"), relu0: api.neuron(1, -2, 1, "relu"), leaky: api.neuron(1, -2, 1, "leaky-relu"),
      tanhGrad: Array.from(api.gradient(1, 0.5, 0, 0.2, "tanh", "square")),
      bce0: api.loss(0, 1, "binary-cross-entropy"), bce: api.loss(0.3, 1, "binary-cross-entropy"), square: api.loss(0.3, 1),
      badAct: caught(() => api.neuron(1, 1, 0, "swishy")), badGradAct: caught(() => api.gradient(1, 1, 0, 0.5, "relu7")), badLoss: caught(() => api.loss(0.5, 1, "hinge")),
    };
  });
  assert.equal(r.names.length, 24);
  for (const n of ["relu", "leaky-relu", "tanh-exp", "hard-swish", "sigmoid", "tanh"]) assert.ok(r.names.includes(n), `${n} in ${r.names}`);
  assert.equal(new Set(r.names).size, 24, "no repeats");
  assert.equal(r.relu1, 1, "relu(1·2 − 1) = 1, name case-insensitive");
  assert.equal(r.relu0, 0, "relu(1·(−2) + 1) = 0");
  assert.ok(r.leaky < 0 && r.leaky > -1, `leaky-relu(−1) is small and negative: ${r.leaky}`);
  // The chain rule: z = x·w + b, y = tanh z, L = ½(y − t)², ∂L/∂w = (y − t)(1 − y²)·x, ∂L/∂b = (y − t)(1 − y²).
  const [x, w, b, t] = [1, 0.5, 0, 0.2];
  const y = Math.tanh(x * w + b);
  const delta = (y - t) * (1 - y * y);
  assert.ok(rel(r.tanhGrad[0], delta * x) && rel(r.tanhGrad[1], delta), `tanh gradient ${r.tanhGrad} vs ${[delta * x, delta]}`);
  assert.ok(Number.isFinite(r.bce0), `BCE at y = 0, t = 1 is finite: ${r.bce0}`);
  assert.equal(r.bce0, 100, "the clamp");
  assert.ok(rel(r.bce, -Math.log(0.3)), `BCE(0.3, 1) = −ln 0.3: ${r.bce}`);
  assert.ok(rel(r.square, 0.5 * 0.7 * 0.7), "the default loss is the square");
  assert.equal(r.losses.length, 3);
  assert.deepEqual(r.losses, ["square", "binary-cross-entropy", "cross-entropy"]);
  for (const [what, e] of [["neuron", r.badAct], ["gradient", r.badGradAct]]) {
    assert.equal(e?.isError, true, `${what}: an unknown activation throws an Error`);
    assert.equal(e.code, "unknown");
    assert.deepEqual(e.known, r.names, `${what}: the error lists the known activations`);
  }
  assert.equal(r.badLoss?.code, "unknown");
  assert.deepEqual(r.badLoss.known, r.losses);
  noErrors(errors);
});

test("activation select: ReLU redraws the map; from its dead region Step has zero gradient and says so", async () => {
  const { page, errors } = await openPage("/#panel=loss-space&w0=-2&b0=-1");
  const demo = page.locator("descent-demo");
  const sigmoidMap = await mapImage(demo);
  await select(demo, "activation").selectOption("relu");
  assert.equal(await demo.evaluate((el) => el.state.activation), "relu");
  assert.notEqual(await mapImage(demo), sigmoidMap, "the heatmap changed");
  // z = 1·(−2) − 1 = −3 < 0: relu gives 0, L = ½(0 − 0.5)², and no slope.
  let d = await data(demo);
  assert.equal(Number(d.loss), 0.125);
  let r = await readouts(demo);
  assert.equal(Number(r.gw.value), 0);
  assert.equal(Number(r.gb.value), 0);
  await stepButton(demo).click();
  d = await data(demo);
  assert.deepEqual([Number(d.w), Number(d.b)], [-2, -1], "the step could not move");
  assert.equal(d.trend, "zero-gradient");
  const trend = await demo.locator("p.trend").innerText();
  assert.match(trend, /gradient here is exactly zero/);
  assert.match(trend, /ReLU/);
  await demo.screenshot({ path: path.join(SHOTS, "layer-relu-map.png") });
  // Out of the dead region ReLU descends: from (1, 0.2), z = 1.2 > 0, ∂L/∂w = (z − 0.5)·1.
  await setNumber(demo, "w₀", 1);
  await setNumber(demo, "b₀", 0.2);
  await stepButton(demo).click();
  d = await data(demo);
  assert.ok(rel(Number(d.w), 1 - 2 * (1.2 - 0.5)), `relu step: w = ${d.w}`);
  noErrors(errors);
});

test("activation select: tanh redraws the map, and Step follows the chain rule", async () => {
  const { page, errors } = await openPage("/#panel=loss-space&w0=-1&b0=0.5&eta=0.5");
  const demo = page.locator("descent-demo");
  const sigmoidMap = await mapImage(demo);
  await select(demo, "activation").selectOption("relu");
  const reluMap = await mapImage(demo);
  await select(demo, "activation").selectOption("tanh");
  const tanhMap = await mapImage(demo);
  assert.notEqual(tanhMap, sigmoidMap);
  assert.notEqual(tanhMap, reluMap);
  const y = Math.tanh(-1 + 0.5);
  assert.ok(rel(Number((await data(demo)).loss), 0.5 * (y - 0.5) ** 2), "L = ½(tanh z − 0.5)²");
  await stepButton(demo).click();
  const g = (y - 0.5) * (1 - y * y);
  const d = await data(demo);
  assert.ok(rel(Number(d.w), -1 - 0.5 * g) && rel(Number(d.b), 0.5 - 0.5 * g), `(${d.w}, ${d.b})`);
  assert.equal(d.trend, "descending");
  await demo.screenshot({ path: path.join(SHOTS, "layer-tanh-map.png") });
  noErrors(errors);
});

test("loss select: binary cross-entropy with the sigmoid steps by (y − t)·x; ReLU + BCE is refused with a notice", async () => {
  const { page, errors } = await openPage("/#panel=loss-space&w0=-2&b0=-1&eta=1");
  const demo = page.locator("descent-demo");
  const squareMap = await mapImage(demo);
  await select(demo, "loss").selectOption("binary-cross-entropy");
  assert.equal(await demo.evaluate((el) => el.state.loss), "binary-cross-entropy");
  assert.notEqual(await mapImage(demo), squareMap);
  const y = sigma(-3);
  assert.ok(rel(Number((await data(demo)).loss), -(0.5 * Math.log(y) + 0.5 * Math.log(1 - y))), "L = −[t ln y + (1 − t) ln(1 − y)]");
  await stepButton(demo).click();
  let d = await data(demo);
  assert.ok(rel(Number(d.w), -2 - (y - 0.5)) && rel(Number(d.b), -1 - (y - 0.5)), `BCE + sigmoid: the gradient is (y − t)·x: (${d.w}, ${d.b})`);
  await demo.screenshot({ path: path.join(SHOTS, "layer-bce.png") });
  assert.equal(await demo.locator(".notice").isVisible(), false, "no notice so far");
  // ReLU with BCE: refused, said, and the panel keeps the sigmoid and keeps working.
  await select(demo, "activation").selectOption("relu");
  const notice = demo.locator(".notice");
  assert.equal(await notice.isVisible(), true);
  const text = await notice.innerText();
  assert.match(text, /between 0 and 1/);
  assert.match(text, /relu/);
  assert.equal(await select(demo, "activation").inputValue(), "sigmoid", "the select shows the activation in effect");
  assert.equal(await demo.evaluate((el) => el.state.activation), "sigmoid");
  const before = await data(demo);
  await stepButton(demo).click();
  d = await data(demo);
  assert.equal(Number(d.step), Number(before.step) + 1, "still stepping");
  assert.notEqual(d.w, before.w);
  await demo.screenshot({ path: path.join(SHOTS, "layer-relu-bce-refused.png") });
  // The other way round: ReLU with the square loss, then BCE: refused too.
  await demo.getByRole("button", { name: "Dismiss" }).click();
  await select(demo, "loss").selectOption("square");
  await select(demo, "activation").selectOption("relu");
  assert.equal(await notice.isVisible(), false);
  await select(demo, "loss").selectOption("binary-cross-entropy");
  assert.equal(await notice.isVisible(), true);
  assert.match(await notice.innerText(), /between 0 and 1/);
  assert.equal(await select(demo, "loss").inputValue(), "square");
  assert.deepEqual([await demo.evaluate((el) => el.state.activation), await demo.evaluate((el) => el.state.loss)], ["relu", "square"]);
  noErrors(errors);
});

test("hash: activation=tanh&loss=square restores; a refused relu + BCE link does not claim what is not in effect", async () => {
  const { page, errors } = await openPage("/#panel=loss-space&activation=tanh&loss=square");
  const demo = page.locator("descent-demo");
  assert.equal(await select(demo, "activation").inputValue(), "tanh");
  assert.equal(await select(demo, "loss").inputValue(), "square");
  const st = await demo.evaluate((el) => el.state);
  assert.deepEqual([st.activation, st.loss], ["tanh", "square"]);
  assert.ok(rel(Number((await data(demo)).loss), 0.5 * (Math.tanh(-2 + 0.5) - 0.5) ** 2), "the tanh loss is in effect");
  // A link that asks for the refused pair.
  const second = await openPage("/#panel=loss-space&activation=relu&loss=binary-cross-entropy");
  const bad = second.page.locator("descent-demo");
  const notice = bad.locator(".notice");
  assert.equal(await notice.isVisible(), true);
  assert.match(await notice.innerText(), /between 0 and 1/);
  const shown = [await select(bad, "activation").inputValue(), await select(bad, "loss").inputValue()];
  const state = await bad.evaluate((el) => [el.state.activation, el.state.loss]);
  const L = Number((await data(bad)).loss);
  const inEffect = rel(L, 0.5 * (sigma(-2 + 0.5) - 0.5) ** 2) ? ["sigmoid", "square"] : null;
  assert.notDeepEqual(shown, ["relu", "binary-cross-entropy"], `the selects show the refused pair while ${JSON.stringify(inEffect)} is in effect (L = ${L})`);
  assert.notDeepEqual(state, ["relu", "binary-cross-entropy"], `el.state (and so its links) keep the refused pair: ${JSON.stringify(state)}`);
  await stepButton(bad).click();
  assert.equal((await data(bad)).step, "1", "the panel works");
  noErrors([...errors, ...second.errors]);
});

test("names are spelled as the core spells them: any case, '-', '_' or spaces, and its aliases", async () => {
  const { page, errors } = await openPage("/#panel=loss-space&activation=SiLU&optimizers=santa_e%20Leaky_ReLU");
  const demo = page.locator("descent-demo");
  // santa_e is an optimizer; Leaky_ReLU is not one: the notice names it and the link falls back.
  assert.match(await demo.locator(".notice").innerText(), /Leaky_ReLU/);
  assert.equal(await demo.evaluate((el) => el.state.activation), "swish", "silu is the core's alias of swish");
  const second = await openPage("/#panel=loss-space&activation=Hard_Sigmoid&loss=BCE&optimizers=Santa_E%20AMS-Grad");
  const d = second.page.locator("descent-demo");
  assert.equal(await d.locator(".notice:visible").count(), 0, "no notice");
  const st = await d.evaluate((el) => ({ a: el.state.activation, l: el.state.loss, o: el.state.optimizers.map((r) => r.name) }));
  assert.deepEqual(st, { a: "hard-sigmoid", l: "binary-cross-entropy", o: ["santae", "amsgrad"] });
  noErrors([...errors, ...second.errors]);
});

test("data=logistic: a table of 12 samples (x, t); editing a cell changes the data and the map", async () => {
  const { page, errors } = await openPage("/#panel=loss-space&data=logistic");
  const demo = page.locator("descent-demo");
  const preset = await page.evaluate(async () => Array.from((await import("/pkg/descent.js")).dataPreset("logistic", 1)));
  assert.equal(preset.length, 24);
  const table = demo.locator("table.data-table");
  assert.equal(await table.isVisible(), true);
  assert.equal(await table.locator("tbody tr").count(), 12);
  const cells = await table.locator("tbody input").evaluateAll((a) => a.map((i) => [i.getAttribute("aria-label"), Number(i.value.replace("−", "-"))]));
  assert.equal(cells.length, 24);
  for (let i = 0; i < 12; i++) {
    assert.equal(cells[2 * i][0], `x${i + 1}`);
    assert.equal(cells[2 * i + 1][0], `t${i + 1}`);
    assert.ok(Math.abs(cells[2 * i][1] - preset[2 * i]) <= 1e-4 * Math.max(1, Math.abs(preset[2 * i])), `x${i + 1}: ${cells[2 * i][1]} vs ${preset[2 * i]}`);
    assert.ok(Math.abs(cells[2 * i + 1][1] - preset[2 * i + 1]) <= 1e-4, `t${i + 1}`);
  }
  // The loss shown is the mean over the 12 samples.
  const mean = (xs, ts, w, b) => xs.reduce((s, x, i) => s + 0.5 * (sigma(x * w + b) - ts[i]) ** 2, 0) / xs.length;
  const xs = preset.filter((_, i) => i % 2 === 0), ts = preset.filter((_, i) => i % 2 === 1);
  assert.ok(rel(Number((await data(demo)).loss), mean(xs, ts, -2, 0.5), 1e-10), "L is the mean over the samples");
  const map = await mapImage(demo);
  const x1 = demo.getByRole("textbox", { name: "x1", exact: true });
  await x1.fill("3");
  await x1.press("Enter");
  assert.notEqual(await mapImage(demo), map, "the map changed");
  const st = await demo.evaluate((el) => el.state.data);
  assert.match(st, /^3:/, `the data is now custom: ${st}`);
  assert.equal(await select(demo, "data").inputValue(), "custom");
  assert.equal(await table.locator("tbody tr").count(), 12);
  xs[0] = 3;
  assert.ok(rel(Number((await data(demo)).loss), mean(xs, ts, -2, 0.5), 1e-10), "the loss follows the edited sample");
  noErrors(errors);
});

/** Device pixels of a trajectory [w0, b0, w1, b1, …] on `demo`'s path canvas. */
function toPixels(demo, flat) {
  return demo.evaluate((el, flat) => {
    const c = el.shadowRoot.querySelector("canvas.map-path");
    const out = [];
    for (let i = 0; i < flat.length; i += 2) out.push(Array.from(el.core.place(c.width, c.height, devicePixelRatio, flat[i], flat[i + 1])));
    return out;
  }, flat);
}

/** Along the polyline `pts`, every pixel farther than `clear` from `avoid`: how many are drawn at
 * all (alpha > 40 within 2 px across the line) and how many in the run's blue (b − r > 50). */
function sampleLine(demo, pts, avoid, clear = 7) {
  return demo.evaluate((el, [pts, avoid, clear]) => {
    const c = el.shadowRoot.querySelector("canvas.map-path");
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    const distSeg = (p, a, b) => {
      const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
      const L = dx * dx + dy * dy;
      const t = L ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / L)) : 0;
      return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
    };
    const far = (p) => avoid.length < 2 ? true : avoid.slice(1).every((q, i) => distSeg(p, avoid[i], q) > clear);
    let n = 0, drawn = 0, blue = 0;
    for (let k = 1; k < pts.length; k++) {
      const [a, b] = [pts[k - 1], pts[k]];
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      for (let s = 0; s < len; s += 1) {
        const p = [a[0] + ((b[0] - a[0]) * s) / len, a[1] + ((b[1] - a[1]) * s) / len];
        if (!far(p)) continue;
        // Across the line only (along it a neighbourhood would bridge the gaps between dashes).
        const [nx, ny] = [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
        let any = false, isBlue = false;
        for (let k = -2; k <= 2; k += 0.5) {
          const i = 4 * (Math.round(p[1] + k * ny) * c.width + Math.round(p[0] + k * nx));
          if (d[i + 3] > 40) any = true;
          if (d[i + 3] > 100 && d[i + 2] - d[i] > 50) isBlue = true;
        }
        n++;
        if (any) drawn++;
        if (isBlue) blue++;
      }
    }
    return { n, drawn, blue };
  }, [pts, avoid, clear]);
}

test("batch size 1: steps are stochastic beside a dashed full-batch ghost; epoch and batch rows; the status shows both losses", async () => {
  const full = await openPage("/#panel=loss-space&data=logistic");
  const fullDemo = full.page.locator("descent-demo");
  await steps(fullDemo, 30);
  const fullTraj = await fullDemo.evaluate((el) => Array.from(el.core.trajectory(0)));
  const fullW = (await data(fullDemo)).w;
  const fullRows = await readouts(fullDemo);
  assert.ok(!("epoch" in fullRows) && !("batch" in fullRows) && !("batchLoss" in fullRows), "full batch: no epoch, batch or batch-loss rows");
  assert.doesNotMatch(await fullDemo.locator("p.status").innerText(), /batch/);
  const fullPath = await pathImage(fullDemo);
  await fullDemo.locator("div.figures").screenshot({ path: path.join(SHOTS, "layer-full-batch.png") });

  const { page, errors } = await openPage("/#panel=loss-space&data=logistic");
  const demo = page.locator("descent-demo");
  await setNumber(demo, "batch size", 1);
  assert.equal(await demo.evaluate((el) => el.state.batch), 1);
  await stepButton(demo).click();
  // The batch of one sample, its loss, and the status with both losses.
  const preset = await page.evaluate(async () => Array.from((await import("/pkg/descent.js")).dataPreset("logistic", 1)));
  const r = await readouts(demo);
  for (const k of ["epoch", "batch", "batchLoss", "loss"]) assert.ok(k in r, `the ${k} row shows: ${Object.keys(r)}`);
  assert.equal(r.epoch.label, "epoch");
  const idx = r.batch.text.split(",").map((s) => Number(s.trim()));
  assert.equal(idx.length, 1, `one sample a batch: ${r.batch.text}`);
  assert.ok(idx[0] >= 1 && idx[0] <= 12);
  const d1 = await data(demo);
  const [xi, ti] = [preset[2 * idx[0] - 2], preset[2 * idx[0] - 1]];
  assert.ok(rel(Number(r.batchLoss.value), 0.5 * (sigma(xi * Number(d1.w) + Number(d1.b)) - ti) ** 2, 1e-10), "the batch loss is the loss on that sample");
  assert.notEqual(r.batchLoss.value, r.loss.value);
  const status = await demo.locator("p.status").innerText();
  assert.ok(status.includes(`L = ${r.loss.text}`) && status.includes(r.batchLoss.text) && /batch/.test(status), `status "${status}" shows L ${r.loss.text} and the batch's ${r.batchLoss.text}`);
  await steps(demo, 29);
  const d = await data(demo);
  assert.equal(d.step, "30");
  assert.notEqual(d.w, fullW, "the stochastic trajectory differs from the full-batch one");
  assert.notEqual(await pathImage(demo), fullPath, "and so does its drawing");
  await demo.locator("div.figures").screenshot({ path: path.join(SHOTS, "layer-batch-1.png") });
  // The dashed ghost: along the full-batch path (away from the batch path) the canvas is drawn,
  // in the run's blue only part of the way (dashes). The full-batch page's own solid path is blue
  // all along: the measure tells the two apart.
  const batchTraj = await demo.evaluate((el) => Array.from(el.core.trajectory(0)));
  const ghost = await sampleLine(demo, await toPixels(demo, fullTraj), await toPixels(demo, batchTraj));
  assert.ok(ghost.n >= 40, `enough of the full-batch path lies away from the batch path: ${JSON.stringify(ghost)}`);
  assert.ok(ghost.drawn / ghost.n > 0.9, `the ghost is drawn along the full-batch path: ${JSON.stringify(ghost)}`);
  assert.ok(ghost.blue / ghost.n > 0.2 && ghost.blue / ghost.n < 0.9, `the ghost is dashed: ${JSON.stringify(ghost)}`);
  const solid = await sampleLine(fullDemo, await toPixels(fullDemo, fullTraj), []);
  assert.ok(solid.blue / solid.n > 0.95, `the full-batch path itself is solid: ${JSON.stringify(solid)}`);
  noErrors([...errors, ...full.errors]);
});

test("batches: order=epoch draws each sample once an epoch, replacement repeats; batchseed reproduces", async () => {
  const after = async (hash, n) => {
    const o = await openPage(`/#panel=loss-space&data=logistic&batch=1&${hash}`);
    const demo = o.page.locator("descent-demo");
    const seen = [];
    for (let i = 0; i < n; i++) {
      seen.push(Number((await readouts(demo)).batch.text));
      await stepButton(demo).click();
    }
    const res = { w: (await data(demo)).w, seen, epoch: Number((await readouts(demo)).epoch.value), errors: o.errors };
    await o.context.close();
    return res;
  };
  const e7 = await after("order=epoch&batchseed=7", 12);
  assert.deepEqual([...e7.seen].sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], `epoch order: each sample once in the first 12 batches: ${e7.seen}`);
  assert.ok(e7.epoch >= 1, `the 13th batch is in a new epoch: ${e7.epoch}`);
  const r7 = await after("order=replacement&batchseed=7", 12);
  assert.ok(new Set(r7.seen).size < 12, `with replacement a sample comes back within 12 draws: ${r7.seen}`);
  for (const order of ["epoch", "replacement"]) {
    const a = await after(`order=${order}&batchseed=7`, 10);
    const b = await after(`order=${order}&batchseed=7`, 10);
    const c = await after(`order=${order}&batchseed=8`, 10);
    assert.equal(a.w, b.w, `${order}: the same seed gives the same w after 10 steps`);
    assert.deepEqual(a.seen, b.seen);
    assert.notEqual(a.w, c.w, `${order}: another seed, another w (${a.w})`);
    noErrors([...a.errors, ...b.errors, ...c.errors]);
  }
  // The "batches drawn" select switches the order in the page.
  const { page, errors } = await openPage("/#panel=loss-space&data=logistic&batch=1&batchseed=7");
  const demo = page.locator("descent-demo");
  const orderSelect = select(demo, "batches drawn");
  assert.equal(await orderSelect.count(), 1);
  assert.equal(await orderSelect.isVisible(), true, "the \"batches drawn\" select is shown with a data set of 12 samples");
  await orderSelect.selectOption("replacement");
  assert.equal(await demo.evaluate((el) => el.state.order), "replacement");
  const seen = [];
  for (let i = 0; i < 12; i++) { seen.push(Number((await readouts(demo)).batch.text)); await stepButton(demo).click(); }
  assert.deepEqual(seen, r7.seen, "the select's order is the hash's");
  noErrors([...errors, ...e7.errors, ...r7.errors]);
});

test("batch size 0 reads as the word for all, in the page's language, and the word is accepted back", async () => {
  const { page, context, errors } = await openPage("/#panel=loss-space&data=logistic");
  const demo = page.locator("descent-demo");
  const box = demo.getByRole("spinbutton", { name: "batch size", exact: true });
  assert.equal(await box.inputValue(), "all", "a full batch is shown as all, not as a size of 0");
  assert.equal(await box.getAttribute("aria-valuetext"), "all");
  await box.fill("3");
  await box.press("Enter");
  assert.equal(await demo.evaluate((el) => el.state.batch), 3);
  assert.equal(await box.inputValue(), "3");
  await box.fill("All");
  await box.press("Enter");
  assert.equal(await demo.evaluate((el) => el.state.batch), 0, "the word sets the full batch again");
  assert.equal(await box.inputValue(), "all");
  await box.fill("0");
  await box.press("Enter");
  assert.equal(await box.inputValue(), "all", "0 is taken too, and shown as the word");
  // The word follows the language.
  await demo.evaluate((el) => el.setAttribute("lang", "fr"));
  const boxFr = demo.getByRole("spinbutton", { name: "taille du lot", exact: true });
  await boxFr.waitFor();
  assert.equal(await boxFr.inputValue(), "tous");
  await boxFr.fill("2");
  await boxFr.press("Enter");
  await boxFr.fill("tous");
  await boxFr.press("Enter");
  assert.equal(await demo.evaluate((el) => el.state.batch), 0);
  assert.equal(await boxFr.inputValue(), "tous");
  assert.equal(await page.evaluate(() => document.querySelector("descent-demo").shadowRoot.querySelector(".notice-list")?.textContent ?? ""), "", "no notice: the word is a valid value");
  noErrors(errors);
  await context.close();
});
