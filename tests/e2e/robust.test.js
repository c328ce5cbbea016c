// Never a dead widget: nothing a page can call kills the wasm module; a widget that leaves the
// page stops and lets go of its memory; a notice names the value given and the value in effect;
// links with keys of no setting say so.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, BASE } from "./helpers.js";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("bad calls from JavaScript are errors with a code, never a dead module", async () => {
  const { page, errors } = await open(browser);
  const result = await page.evaluate(async () => {
    const api = await import("/pkg/descent.js");
    const codes = new Map();
    const attempt = (label, f) => {
      try { f(); codes.set(label, "no error"); } catch (e) { codes.set(label, e instanceof TypeError && !e.code ? "TypeError" : e.code ?? `uncoded: ${e.message}`); }
    };
    const loss = new api.LossPanel();
    const curve = new api.CurvePanel();
    for (let i = 0; i < 1500; i++) {
      attempt("huge dpr", () => loss.draw(0, 600, 500, 1e4));
      attempt("dpr 1000", () => loss.draw(0, 600, 500, 1000));
      attempt("huge canvas", () => loss.draw(0, 1e9, 500, 1));
      attempt("null size", () => loss.draw(0, null, undefined, 1));
      attempt("figure 9", () => loss.draw(9, 600, 500, 1));
      attempt("number for a name", () => loss.configure({ activation: 5 }));
      attempt("object for a name", () => loss.setView({ cmap: {} }));
      attempt("settings null", () => loss.configure(null));
      attempt("a getter that throws", () => loss.configure({ get surface() { throw new Error("boom"); } }));
      attempt("start outside", () => loss.configure({ start: [9, 9] }));
      attempt("curve's method on a loss panel", () => api.CurvePanel.prototype.readout.call(loss));
      attempt("free as the wrong class", () => api.CurvePanel.prototype.free.call(loss));
      attempt("steps 1e9", () => loss.step(1e9));
      attempt("sgdRun 1e9", () => api.sgdRun(1, 0.5, 0, 0, 0.1, 1e9));
      attempt("sgdRun Infinity", () => api.sgdRun(1, 0.5, 0, 0, 0.1, Infinity));
      attempt("lossHeatmap name 5", () => api.lossHeatmap(1, 0.5, -2, 2, 10, 10, 5));
      attempt("optimizer 5", () => new api.Optimizer(5, {}));
      attempt("curve x0 NaN", () => curve.configure({ x0: NaN }));
      attempt("grid x0 NaN", () => api.lossHeatmap(NaN, 0.5, -2, 2, 10, 10, "autumn"));
      attempt("grid into a plain array", () => api.lossHeatmap(1, 0.5, -2, 2, 10, 10, "autumn", [0, 0, 0, 0]));
      attempt("grid into a proxy", () => api.lossHeatmap(1, 0.5, -2, 2, 10, 10, "autumn", new Proxy(new Uint8ClampedArray(400), {})));
      attempt("grid into a short array", () => api.lossHeatmap(1, 0.5, -2, 2, 10, 10, "autumn", new Uint8ClampedArray(399)));
      const hostile = new Uint8ClampedArray(400);
      hostile.set = () => { throw new Error("boom"); };
      attempt("grid into an array whose set throws", () => api.lossHeatmap(1, 0.5, -2, 2, 10, 10, "autumn", hostile));
      attempt("map image into a Float64Array", () => loss.heatmap(new Float64Array(4)));
    }
    // An array of the right size is written and given back, with the bytes of a new one.
    const kept = new Uint8ClampedArray(400);
    const back = api.lossHeatmap(1, 0.5, -2, 2, 10, 10, "autumn", kept);
    const into = back === kept && kept.join() === api.lossHeatmap(1, 0.5, -2, 2, 10, 10, "autumn").join() && kept.some((v) => v !== 0);
    // Still alive: a fresh panel works and the article's numbers come out.
    const fresh = new api.LossPanel();
    fresh.step(2);
    const w2 = fresh.readout().runs[0].w;
    // The same two steps composed from the article's free functions.
    let [w, b] = [-2, 0.5];
    for (let i = 0; i < 2; i++) { const [gw, gb] = api.gradient(1, w, b, 0.5); [w, b] = api.sgdStep(w, b, gw, gb, 2); }
    const ok = api.neuron(1, 0, 0) === 0.5 && loss.readout().t === 0;
    fresh.free();
    return { codes: Object.fromEntries(codes), w2, expected: w, ok, into };
  });
  assert.deepEqual(result.codes, {
    "huge dpr": "range", "dpr 1000": "range", "huge canvas": "range", "null size": "range", "figure 9": "range",
    "number for a name": "type", "object for a name": "type", "settings null": "type", "a getter that throws": "type",
    "start outside": "start", "curve's method on a loss panel": "TypeError", "free as the wrong class": "TypeError",
    "steps 1e9": "range", "sgdRun 1e9": "range", "sgdRun Infinity": "range", "lossHeatmap name 5": "type", "optimizer 5": "type", "curve x0 NaN": "range",
    "grid x0 NaN": "range", "grid into a plain array": "type", "grid into a proxy": "type", "grid into a short array": "range",
    "grid into an array whose set throws": "type", "map image into a Float64Array": "type",
  });
  assert.ok(result.into, "lossHeatmap writes into the array it is given, the same bytes as a new one");
  assert.ok(result.ok, "the module answers after thousands of refusals");
  assert.equal(result.w2, result.expected, "two steps of the default panel, exactly as the free functions compose them");
  assert.deepEqual(errors, []);
});

test("if the module is lost anyway, every widget says so once and offers to reload", async () => {
  const { page, errors } = await open(browser);
  await page.evaluate(async () => {
    const api = await import("/pkg/descent.js");
    // A trap, as a panic in wasm would raise.
    api.LossPanel.prototype.step = () => { throw new WebAssembly.RuntimeError("unreachable"); };
  });
  await page.locator("#loss-space").getByRole("button", { name: "Step", exact: true }).click();
  for (const id of ["#loss-space", "#parabola"]) {
    const notice = page.locator(`${id} .notice`);
    await notice.waitFor();
    assert.match(await notice.innerText(), /descent stopped working after an internal error\. Reload the page/);
    assert.equal(await page.locator(id).getByRole("button", { name: "Reload" }).isVisible(), true);
  }
  assert.equal(errors.filter((e) => /wasm module stopped/.test(e)).length, 1, "logged once");
  // Pressing buttons of the dead widget does nothing and throws nothing.
  await page.locator("#parabola").evaluate((el) => el.step());
  await page.locator("#parabola").getByRole("button", { name: "Reload" }).click();
  await page.waitForSelector("html[data-ready=true]");
  assert.equal(await page.locator("#loss-space .notice").isVisible(), false, "a reload starts afresh");
});

test("a widget removed while playing stops, and is built again when put back", async () => {
  const { page, errors } = await open(browser, "/#panel=loss-space&speed=60");
  const counts = await page.evaluate(async () => {
    const el = document.querySelector("descent-demo");
    let after = 0;
    el.play();
    await new Promise((r) => setTimeout(r, 300));
    el.remove();
    el.addEventListener("descent-step", () => after++);
    const step = Number(el.dataset.step);
    await new Promise((r) => setTimeout(r, 1000));
    const stillStep = Number(el.dataset.step);
    document.querySelector("main").append(el);
    await new Promise((r) => setTimeout(r, 300));
    el.step();
    return { step, stillStep, after, rebuilt: el.dataset.step };
  });
  assert.ok(counts.step > 0, "it was playing");
  assert.equal(counts.stillStep, counts.step, "no step after removal");
  assert.equal(counts.after, 1, "only the step after it came back");
  assert.equal(counts.rebuilt, String(counts.step + 1), "rebuilt from its attributes, steps kept");
  // On index.html, Play then a hash naming the other panel: the removed one stops.
  const second = await open(browser, "/");
  const moved = await second.page.evaluate(async () => {
    const loss = document.getElementById("loss-space");
    loss.setAttribute("speed", "60");
    loss.play();
    await new Promise((r) => setTimeout(r, 300));
    let steps = 0;
    // Play sends a step a frame: count only those after the element left the page.
    loss.addEventListener("descent-step", () => { if (!loss.isConnected) steps++; });
    location.hash = "#panel=parabola";
    await new Promise((r) => setTimeout(r, 1000));
    return { steps, connected: loss.isConnected };
  });
  assert.deepEqual(moved, { steps: 0, connected: false });
  assert.deepEqual([...errors, ...second.errors], []);
});

test("wasm memory stays flat over hundreds of rebuilds and removals", async () => {
  const { page, errors } = await open(browser, "/#panel=loss-space");
  const mb = await page.evaluate(async () => {
    const api = await import("/pkg/descent.js");
    const wasm = await api.default();
    const size = () => wasm.memory.buffer.byteLength / 1048576;
    const el = document.querySelector("descent-demo");
    const tick = () => new Promise((r) => setTimeout(r, 0));
    // Warm up once, then measure.
    for (let i = 0; i < 20; i++) { el.setAttribute("lang", i % 2 ? "fr" : "en"); el.setAttribute("hide", i % 2 ? "seed" : "share"); await tick(); }
    const before = size();
    for (let i = 0; i < 600; i++) { el.setAttribute("lang", ["fr", "ja", "en"][i % 3]); el.setAttribute("hide", i % 2 ? "seed chart" : "share"); if (i % 50 === 0) await tick(); }
    const afterChanges = size();
    const main = document.querySelector("main");
    for (let i = 0; i < 300; i++) {
      const d = document.createElement("descent-demo");
      d.setAttribute("panel", i % 2 ? "parabola" : "loss-space");
      main.append(d);
      await d.ready;
      d.remove();
    }
    return { before, afterChanges, afterCycles: size() };
  });
  assert.ok(mb.afterChanges - mb.before < 3, `600 language and hide changes: ${mb.before} → ${mb.afterChanges} MB`);
  assert.ok(mb.afterCycles - mb.before < 4, `300 create/remove cycles: ${mb.before} → ${mb.afterCycles} MB`);
  assert.deepEqual(errors, []);
});

test("a hash set before the module has loaded is applied once it has", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.route("**/pkg/descent_bg.lzma", async (route) => { await new Promise((r) => setTimeout(r, 600)); await route.continue(); });
  await page.goto(new URL("/", BASE).href, { waitUntil: "commit" });
  await page.waitForFunction(() => document.querySelector("main"));
  await page.evaluate(() => { location.hash = "#panel=parabola&eta=0.5"; });
  await page.waitForSelector("html[data-ready=true]", { timeout: 15000 });
  await page.waitForFunction(() => document.querySelector("descent-demo")?.getAttribute("panel") === "parabola");
  const demo = page.locator("descent-demo");
  await demo.evaluate((el) => el.ready);
  assert.equal(await demo.evaluate((el) => el.state.eta), 0.5);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a hash that changes after the first frame, before the formulas are written, still ends with a ready page", async () => {
  // An iframe whose src changes only its fragment gets a hashchange, not a new page: if it came
  // between the first frame and the formulas, the page waited for a panel already replaced.
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => {
      if (name === "descent-ready" && location.hash === "#panel=loss-space") location.hash = "#panel=parabola&eta=0.5";
      return mark(name, ...rest);
    };
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(new URL("/#panel=loss-space", BASE).href);
  await page.waitForSelector("html[data-ready=true]", { timeout: 15000 });
  assert.equal(await page.locator("descent-demo").getAttribute("panel"), "parabola");
  assert.deepEqual(errors, []);
  await context.close();
});

test("controls write only values the link reads back without a notice", async () => {
  const { page, errors } = await open(browser, "/#panel=loss-space");
  const demo = page.locator("descent-demo");
  const speed = demo.getByRole("slider", { name: "speed slider" });
  await speed.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  const range = demo.getByRole("slider", { name: "range ± slider" });
  await range.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  const eta = demo.getByRole("slider", { name: "η slider" });
  await eta.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
  const state = await demo.evaluate((el) => el.state);
  assert.equal(state.speed, 13, "speed steps by whole steps");
  assert.equal(state.range, 4.5, "range steps by 0.5");
  assert.equal(Number(state.eta.toPrecision(3)), state.eta, "η on three significant digits");
  const link = await demo.evaluate((el) => el.snippets().link);
  const again = await open(browser, link);
  assert.equal(await again.page.locator("descent-demo .notice").isVisible(), false, "the link reopens without a notice");
  assert.deepEqual(await again.page.locator("descent-demo").evaluate((el) => el.state), state);
  // A fraction where a whole number is needed is refused, with what was typed.
  for (const [label, raw] of [["speed", "2.5"], ["seed", "1.5"], ["η", "1e999"]]) {
    const input = demo.getByRole("spinbutton", { name: label, exact: true });
    await input.fill(raw);
    await input.dispatchEvent("change");
    assert.match(await demo.locator(".notice").innerText(), new RegExp(`"${raw.replace(".", "\\.")}" is not a number`));
  }
  assert.equal((await demo.evaluate((el) => el.state)).speed, 13, "the value in effect stays");
  assert.deepEqual([...errors, ...again.errors], []);
});

test("a notice names the value given and the value in effect, one line per setting", async () => {
  const { page, errors } = await open(browser, "/#panel=loss-space");
  const demo = page.locator("descent-demo");
  const notice = demo.locator(".notice");
  await demo.evaluate((el) => el.setAttribute("eta", "100"));
  await demo.evaluate((el) => el.setAttribute("eta", "abc"));
  assert.match(await notice.innerText(), /eta="abc" is not valid: it must be a number from 0\.001 to 100\. Using 100\./);
  assert.equal((await demo.evaluate((el) => el.state)).eta, 100);
  await demo.evaluate((el) => el.setAttribute("eta", "xyz"));
  assert.equal((await notice.innerText()).match(/eta=/g).length, 1, "a new notice about η replaces the old one");
  // A range that excludes the default start moves the start without a false warning.
  const r = await open(browser, "/#panel=loss-space&range=1");
  assert.equal(await r.page.locator("descent-demo .notice").isVisible(), false);
  assert.equal(await r.page.locator("descent-demo").getAttribute("data-w"), "-1");
  const p = await open(browser, "/#panel=parabola&range=0.5");
  assert.equal(await p.page.locator("descent-demo .notice").isVisible(), false);
  assert.equal(await p.page.locator("descent-demo").getAttribute("data-x"), "0.5", "x₀ = 1 moved to the edge of ±0.5");
  assert.deepEqual([...errors, ...r.errors, ...p.errors], []);
});

test("a link's keys of no setting, of the other panel, repeated or in capitals, and hex numbers are named", async () => {
  const { page, errors } = await open(browser, "/#panel=loss-space&etaa=5&curve=multiwell&eta=0.5&eta=999&PANEL=parabola&ystar=0x10");
  const text = await page.locator("descent-demo .notice").innerText();
  assert.match(text, /"etaa" is not a setting; it is ignored/);
  assert.match(text, /curve is not a setting of the loss-space panel; it is ignored/);
  assert.match(text, /eta is given 2 times in the link; the first one is used/);
  assert.match(text, /"PANEL" is not a setting; did you mean "panel"\?/);
  assert.match(text, /ystar="0x10" is not valid: it must be a number from 0 to 1\. Using 0\.5\./);
  const state = await page.locator("descent-demo").evaluate((el) => el.state);
  assert.equal(state.eta, 0.5);
  assert.equal(state.ystar, 0.5);
  assert.deepEqual(errors, []);
});

test("a module that cannot be fetched, or arrives damaged, is named in the widget; a decoder sent with the wrong type still runs; a second part that cannot be fetched stops it with the Reload notice", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route("**/descent_bg.lzma", (r) => r.fulfill({ status: 404, body: "not found" }));
  await page.goto(new URL("/", BASE).href);
  const notice = page.locator("#loss-space .notice");
  await notice.waitFor();
  assert.match(await notice.innerText(), /descent could not start: .*descent_bg\.lzma: HTTP 404/);
  await context.close();

  // Bytes changed on the way: the decoder refuses them.
  const c2 = await browser.newContext();
  const p2 = await c2.newPage();
  await p2.route("**/descent_bg.lzma", async (r) => {
    const body = Buffer.from(await (await r.fetch()).body());
    body.fill(0, 4000, 4100);
    await r.fulfill({ status: 200, body });
  });
  await p2.goto(new URL("/", BASE).href);
  await p2.locator("#loss-space .notice").waitFor();
  assert.match(await p2.locator("#loss-space .notice").innerText(), /descent could not start: .*damaged/);
  // A header that claims a size no module has.
  await p2.unroute("**/descent_bg.lzma");
  await p2.route("**/descent_bg.lzma", async (r) => {
    const body = Buffer.from(await (await r.fetch()).body());
    body.fill(0xff, 0, 4);
    await r.fulfill({ status: 200, body });
  });
  await p2.reload();
  await p2.locator("#loss-space .notice").waitFor();
  assert.match(await p2.locator("#loss-space .notice").innerText(), /descent could not start: the module is damaged \(its size\)/);
  await c2.close();

  // A host that serves .wasm as application/octet-stream (streaming compilation refuses it): the
  // decoder is instantiated from its bytes.
  const { page: p4, errors, context: c4 } = await open(browser, "/", { ready: false });
  await c4.route("**/unlzma.wasm", async (r) => {
    const response = await r.fetch();
    await r.fulfill({ response, headers: { ...response.headers(), "content-type": "application/octet-stream" } });
  });
  await p4.reload();
  await p4.waitForSelector("html[data-ready=true]");
  await p4.locator("#loss-space").getByRole("button", { name: "Step", exact: true }).click();
  await p4.waitForFunction(() => document.getElementById("loss-space").dataset.step === "1");
  assert.deepEqual(errors, []);
  await c4.close();

  // The second part missing: the first frame is drawn; code that needs the rest stops the demo
  // with the notice that offers to reload, instead of freezing it.
  const { page: p3, context: c3 } = await open(browser, "/");
  await c3.route("**/descent_bg2.lzma", (r) => r.fulfill({ status: 404, body: "not found" }));
  await p3.locator("#loss-space").getByRole("combobox", { name: "activation" }).selectOption("tanh");
  await p3.locator("#loss-space .notice").waitFor();
  assert.match(await p3.locator("#loss-space .notice").innerText(), /Reload/);
  await c3.close();
});
