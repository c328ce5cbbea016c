// Foundation: the page loads clean, both figures are drawn, Step trains, and the JS API of
// pkg/descent.js reproduces the article's numpy numbers in the browser.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, open, reference, extraReference, close, colourCount, SHOTS, BASE } from "./helpers.js";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("the browser runs as the helpers launch it: one effective --disable-features with Playwright's list and ours", async () => {
  // Chromium keeps only the last --disable-features switch; Playwright passes its own list first,
  // so ours must carry that list too, or the browser would run without it.
  const page = await browser.newPage();
  await page.goto("chrome://version");
  const switches = (await page.locator("#command_line").innerText()).split(/\s+/).filter((a) => a.startsWith("--disable-features="));
  await page.close();
  assert.ok(switches.length >= 1, "a --disable-features switch");
  const names = (a) => a.slice("--disable-features=".length).split(",");
  const effective = new Set(names(switches.at(-1)));
  const dropped = switches.slice(0, -1).flatMap(names).filter((n) => !effective.has(n));
  assert.deepEqual(dropped, [], "features an earlier switch disables that the last one drops");
  for (const f of ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"]) assert.ok(effective.has(f), `${f} disabled`);
});

test("the first load fetches what the first frame needs, not the tools nor the other languages; the help fetches its code when opened", async () => {
  const { page, errors, context } = await open(browser);
  await page.waitForTimeout(500);
  const fetched = () => page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
  // The lazy code under either name: the modules as written, or the files dist joins them into.
  const LAZY = /\/(tools|i18n-more|help|race|export|share|i18n-fr|i18n-ja)\.js$/;
  assert.deepEqual((await fetched()).filter((f) => LAZY.test(f)), [], "nothing lazy in the first load");
  await page.locator("#loss-space").getByRole("button", { name: "What am I looking at?" }).click();
  await page.locator("#loss-space").getByRole("dialog").waitFor();
  assert.ok((await fetched()).some((f) => LAZY.test(f)), "the help's code is fetched when it is opened");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the module's second part is not in the first load; it comes on the first interaction, and the demo goes on with it", async () => {
  const { page, errors, context } = await open(browser);
  await page.waitForTimeout(2500);
  const fetched = () => page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
  const first = await fetched();
  assert.ok(first.includes("/pkg/descent_bg.lzma"), `the first part: ${first}`);
  // If this fails after a change to what the first frame runs, the profile is stale: run
  // `cargo xtask profile` (it rewrites xtask/first-frame.txt).
  assert.ok(!first.some((f) => f.endsWith("/descent_bg2.lzma")), `no second part 2.5 s after the first frame (a stale xtask/first-frame.txt? run \`cargo xtask profile\`): ${first}`);
  const demo = page.locator("#loss-space");
  await demo.getByRole("button", { name: "Step", exact: true }).hover();
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/descent_bg2.lzma")));
  // Code only the second part has: another optimizer (a race of two), then a step of each run.
  await page.goto(new URL("/#panel=loss-space&optimizers=sgd+adam(eta=0.05)", BASE).href);
  const single = page.locator("descent-demo");
  await single.locator("ul.legend li").nth(1).waitFor();
  await single.getByRole("button", { name: "Step", exact: true }).click();
  await page.waitForFunction(() => document.querySelector("descent-demo").dataset.step === "1");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a first frame that needs the module's second part loads it at once", async () => {
  const { page, errors, context } = await open(browser, "/#panel=loss-space&activation=tanh&optimizers=adam(eta=0.05)+nag(eta=0.5)", { ready: false });
  await page.waitForSelector("html[data-ready=true]", { timeout: 15000 });
  const demo = page.locator("descent-demo");
  assert.equal(await demo.getByRole("combobox", { name: "activation" }).inputValue(), "tanh");
  assert.ok(await page.evaluate(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/descent_bg2.lzma"))));
  await demo.getByRole("button", { name: "Step", exact: true }).click();
  await page.waitForFunction(() => document.querySelector("descent-demo").dataset.step === "1");
  assert.deepEqual(errors.filter((e) => !/Synchronous XMLHttpRequest/.test(e)), []);
  await context.close();
});

test("the first frame is marked once both panels' figures are drawn, before any frame is painted; the formulas follow it, and the page is ready when they are there", async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    // Frames counted as they are rendered; at each mark, the frame count and each widget's formulas.
    let frames = 0;
    const tick = () => { frames++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const mark = performance.mark.bind(performance);
    window.__marks = {};
    performance.mark = (name, ...rest) => {
      const formulas = [...document.querySelectorAll("descent-demo")].map((d) => d.shadowRoot?.querySelector(".formulas")?.childElementCount ?? -1);
      window.__marks[name] = { frames, formulas };
      return mark(name, ...rest);
    };
  });
  await page.goto(new URL("/", BASE).href);
  await page.waitForSelector("html[data-ready=true]");
  const { marks, formulas } = await page.evaluate(() => ({
    marks: window.__marks,
    formulas: [...document.querySelectorAll("descent-demo")].map((d) => d.shadowRoot.querySelector(".formulas").childElementCount),
  }));
  assert.equal(marks["descent-ready"].frames, marks["descent-built-parabola"].frames, "no frame painted between the panels' build and the mark");
  assert.deepEqual(marks["descent-ready"].formulas, [0, 0], "the formulas are written after the first frame");
  assert.ok(formulas.every((n) => n > 3), `the formulas are there once the page is ready: ${formulas}`);
  await context.close();
});

test("the page loads with zero console errors and draws both figures", async () => {
  const { page, errors } = await open(browser);
  assert.ok(await colourCount(page, "#loss-space canvas.map-base") > 50, "the loss map has a heatmap");
  assert.ok(await colourCount(page, "#parabola canvas.parabola") > 3, "the parabola is drawn");
  assert.equal(await page.locator(".notice:visible").count(), 0, "no notice shows");
  await page.screenshot({ path: path.join(SHOTS, "page-dpr1.png"), fullPage: true });
  // Each file once: the widgets take the page's copy of the stylesheet instead of fetching it.
  const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
  const twice = fetched.filter((f, i) => fetched.indexOf(f) !== i);
  assert.deepEqual(twice, [], `fetched more than once: ${twice}`);
  assert.ok(fetched.includes("/style.css"));
  // The widget is styled all the same (its shadow root adopted the rules).
  const adopted = await page.$eval("#loss-space", (el) => el.shadowRoot.adoptedStyleSheets[0]?.cssRules.length ?? 0);
  assert.ok(adopted > 50, `${adopted} rules adopted`);
  assert.deepEqual(errors, []);
});

test("the first frame draws each figure once", async () => {
  // Every figure the panels ask the core for, counted from the first one: the prototype is
  // wrapped as soon as the page's module exists (the widgets build only after it has loaded).
  const context = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.descentDraws = [];
    import("/pkg/descent.js").then((api) => {
      for (const K of [api.LossPanel, api.CurvePanel]) {
        const draw = K.prototype.draw;
        K.prototype.draw = function (figure, ...rest) {
          window.descentDraws.push(`${K.name} ${figure}`);
          return draw.call(this, figure, ...rest);
        };
      }
    });
  });
  await page.goto(new URL("/", BASE).href);
  await page.waitForSelector("html[data-ready=true]");
  // The <details> built open announce it with a toggle event a task later.
  await page.waitForTimeout(500);
  const draws = await page.evaluate(() => window.descentDraws);
  assert.ok(draws.length >= 5, `the figures were counted: ${draws}`);
  const twice = draws.filter((d, i) => draws.indexOf(d) !== i);
  assert.deepEqual(twice, [], `drawn more than once: ${draws}`);
  await context.close();
});

test("the figures follow their column's width when the window is resized", async () => {
  const { page, errors, context } = await open(browser);
  const sizes = () => page.evaluate(() => ["#loss-space canvas.map-base", "#loss-space canvas.chart", "#parabola canvas.parabola"].map((sel) => {
    const [host, inner] = sel.split(" ");
    const c = document.querySelector(host).shadowRoot.querySelector(inner);
    return [c.width, c.parentElement.clientWidth];
  }));
  const wide = await sizes();
  for (const [w, column] of wide) assert.equal(w, column, `drawn for its column at 1200 px: ${wide}`);
  for (const width of [480, 1200]) {
    await page.setViewportSize({ width, height: 1000 });
    await page.waitForFunction((before) => {
      const c = document.querySelector("#parabola").shadowRoot.querySelector("canvas.parabola");
      return c.width === c.parentElement.clientWidth && c.width !== before;
    }, width === 480 ? wide[2][0] : null);
    const now = await sizes();
    for (const [w, column] of now) assert.equal(w, column, `drawn for its column at ${width} px: ${now}`);
    assert.ok(await colourCount(page, "#loss-space canvas.map-base") > 50, "the map is drawn again");
    assert.ok(await colourCount(page, "#parabola canvas.parabola") > 3, "the parabola is drawn again");
  }
  assert.notEqual((await sizes())[0][0], 0);
  assert.deepEqual(errors, []);
  await context?.close();
});

test("the formulas are set in one math font, with no letter taken from another font", async () => {
  // Chromium's own choice on Linux (Latin Modern Math, else the serif body font) set the formulas
  // in Liberation Serif, with brackets that cannot stretch and the italic letters looked up one by
  // one in other fonts at load. Every token of every formula (the page's and both panels') is
  // asked which fonts drew it.
  const { page, errors } = await open(browser);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { nodes } = await cdp.send("DOM.getFlattenedDocument", { depth: -1, pierce: true });
  const tokens = nodes.filter((n) => ["mi", "mo", "mn"].includes(n.nodeName.toLowerCase()));
  assert.ok(tokens.length > 100, `${tokens.length} tokens`);
  const glyphs = new Map();
  for (const n of tokens) {
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId: n.nodeId });
    for (const f of fonts) glyphs.set(f.familyName, (glyphs.get(f.familyName) ?? 0) + f.glyphCount);
  }
  const families = [...glyphs.keys()];
  assert.equal(families.length, 1, `fonts of the formulas: ${JSON.stringify([...glyphs])} (on Debian the page expects fonts-dejavu-extra)`);
  assert.match(families[0], /Math/, `a math font: ${families[0]}`);
  assert.deepEqual(errors, []);
});

test("Step moves (w, b) and lowers the loss", async () => {
  const { page, errors } = await open(browser);
  const panel = page.locator("#loss-space");
  const before = { w: Number(await panel.getAttribute("data-w")), b: Number(await panel.getAttribute("data-b")), loss: Number(await panel.getAttribute("data-loss")) };
  const pathBefore = await page.$eval("#loss-space canvas.map-path", (c) => c.toDataURL());
  await page.getByRole("button", { name: "Step", exact: true }).first().click();
  assert.equal(await panel.getAttribute("data-step"), "1");
  const after = { w: Number(await panel.getAttribute("data-w")), b: Number(await panel.getAttribute("data-b")), loss: Number(await panel.getAttribute("data-loss")) };
  assert.notEqual(after.w, before.w);
  assert.notEqual(after.b, before.b);
  assert.ok(after.loss < before.loss, `loss ${after.loss} < ${before.loss}`);
  assert.notEqual(await page.$eval("#loss-space canvas.map-path", (c) => c.toDataURL()), pathBefore, "the point moved on the map");
  assert.deepEqual(errors, []);
});

test("the JS API reproduces the article's numpy numbers to 1e-12", async () => {
  const { page, errors } = await open(browser);
  const ref = reference();
  const extra = extraReference();
  const results = await page.evaluate(async ({ ref, extra }) => {
    const api = await import("/pkg/descent.js");
    const out = { loss: [], sgd: [], parabola: [], points: [] };
    for (const [w, b, L] of ref.loss_samples_w_b_loss) out.loss.push([api.loss(api.neuron(ref.x0, w, b), ref.y_star), L]);
    const runs = [...ref.sgd_runs.map((r) => ({ ...r, x0: ref.x0, y_star: ref.y_star })), ...extra.sgd_runs];
    for (const r of runs) {
      let w = r.w0, b = r.b0;
      for (const [ew, eb] of r.trajectory_w_b) {
        out.sgd.push([w, ew], [b, eb]);
        const [gw, gb] = api.gradient(r.x0, w, b, r.y_star);
        [w, b] = api.sgdStep(w, b, gw, gb, r.eta);
      }
    }
    for (const r of [...ref.parabola_runs, ...extra.parabola_runs]) {
      let x = r.x0;
      for (const e of r.xs) { out.parabola.push([x, e]); x = api.parabolaStep(x, r.eta); }
    }
    for (const p of extra.points) {
      const [gw, gb] = api.gradient(p.x0, p.w, p.b, p.y_star);
      out.points.push([api.neuron(p.x0, p.w, p.b), p.y], [api.loss(api.neuron(p.x0, p.w, p.b), p.y_star), p.loss], [gw, p.grad_w], [gb, p.grad_b]);
    }
    out.exports = ["neuron", "loss", "gradient", "sgdStep", "parabolaStep"].filter((n) => typeof api[n] === "function");
    return out;
  }, { ref, extra });
  assert.deepEqual(results.exports, ["neuron", "loss", "gradient", "sgdStep", "parabolaStep"]);
  assert.equal(results.loss.length, 400);
  for (const kind of ["loss", "sgd", "parabola", "points"]) {
    assert.ok(results[kind].length > 0, kind);
    for (const [got, want] of results[kind]) assert.ok(close(got, want), `${kind}: ${got} vs ${want}`);
  }
  assert.deepEqual(errors, []);
});

test("replay sets the font again after the canvas was resized, which resets its context", async () => {
  const { page, errors } = await open(browser);
  const fonts = await page.evaluate(async () => {
    const { replay } = await import("/descent-demo.js");
    const canvas = document.createElement("canvas");
    canvas.width = 100; canvas.height = 40;
    const ctx = canvas.getContext("2d");
    // One text of 17 px, in opaque black: opcode 6 (colour, size, align, baseline, turns, x, y, text).
    const fig = { ops: new Float64Array([6, 255, 17, 0, 0, 0, 2, 2, 0]), texts: ["Ag"], images: [] };
    replay(ctx, fig);
    const first = ctx.font;
    canvas.width = 100; // the same size: the context's state is reset all the same
    replay(ctx, fig);
    return [first, ctx.font];
  });
  assert.deepEqual(fonts, ["17px system-ui, sans-serif", "17px system-ui, sans-serif"]);
  assert.deepEqual(errors, []);
});
