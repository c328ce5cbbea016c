// Embedding: the example course page (two elements and an iframe), events, attributes after load,
// links that restore the state, the single file from file://, and bad input.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launch, open, close, SHOTS } from "./helpers.js";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const data = (loc) => loc.evaluate((el) => ({ ...el.dataset }));

test("the example page: two elements and the iframe step independently; events; attribute changes", async () => {
  const { page, errors } = await open(browser, "/embed-example.html", { ready: false });
  const loss = page.locator("#lesson-loss");
  const parabola = page.locator("#lesson-parabola");
  await page.waitForFunction(() => document.getElementById("lesson-loss").dataset.step === "0" && document.getElementById("lesson-parabola").dataset.step === "0");
  const frame = page.frameLocator("#lesson-frame");
  const framed = frame.locator("descent-demo");
  await framed.waitFor();
  await page.waitForFunction(() => document.getElementById("lesson-frame").contentDocument?.documentElement.dataset.ready === "true");

  await loss.getByRole("button", { name: "Step", exact: true }).click();
  await loss.getByRole("button", { name: "Step", exact: true }).click();
  assert.equal((await data(loss)).step, "2");
  assert.equal((await data(parabola)).step, "0", "the other element did not move");
  assert.equal(await framed.getAttribute("data-step"), "0", "the iframe did not move");

  await parabola.evaluate((el) => { window.events = []; el.addEventListener("descent-step", (e) => window.events.push(e.detail)); });
  // The lesson asks for a prediction first: reveal it, then step.
  await parabola.getByRole("button", { name: "Reveal" }).click();
  await parabola.getByRole("button", { name: "Step", exact: true }).click();
  const events = await page.evaluate(() => window.events);
  assert.equal(events.length, 1);
  assert.deepEqual({ panel: events[0].panel, step: events[0].step, x: events[0].x }, { panel: "parabola", step: 1, x: -1 });
  assert.match(await page.locator("#prediction").innerText(), /Steps taken in the y = x² demo: 1\. The point is at x = -1\./);

  await frame.getByRole("button", { name: "Step", exact: true }).first().click();
  assert.equal(await framed.getAttribute("data-step"), "1");
  assert.equal((await data(loss)).step, "2");

  // Hidden controls: the lesson hides x₀, y*, range, seed; the parabola shows only some.
  assert.equal(await loss.getByRole("spinbutton", { name: "y*", includeHidden: true }).count(), 1);
  assert.equal(await loss.getByRole("spinbutton", { name: "y*" }).isVisible(), false);
  assert.equal(await parabola.getByRole("button", { name: "Play" }).isVisible(), false);
  assert.equal(await loss.getByRole("button", { name: "Play" }).isVisible(), true);

  // Attributes after load take effect, and the controls follow.
  await loss.evaluate((el) => el.setAttribute("eta", "0.5"));
  assert.equal(await loss.getByRole("spinbutton", { name: "η", exact: true }).inputValue(), "0.5");
  const gw = Number(await loss.locator("td[data-name=gw]").getAttribute("data-value"));
  const wBefore = Number((await data(loss)).w);
  await loss.evaluate((el) => el.step());
  assert.ok(close(wBefore - 0.5 * gw, Number((await data(loss)).w)), "the step used η = 0.5");
  await loss.evaluate((el) => el.setAttribute("cmap", "viridis"));
  assert.equal(await loss.getByLabel("colour map").inputValue(), "viridis");
  await parabola.evaluate((el) => el.setAttribute("panel", "loss-space"));
  await page.waitForFunction(() => document.getElementById("lesson-parabola").dataset.w !== undefined);
  assert.equal(await parabola.locator("canvas.map-base").count(), 1, "panel= switched the widget");

  // Methods.
  await loss.evaluate((el) => { el.reset(); });
  assert.equal((await data(loss)).step, "0");
  await loss.evaluate((el) => el.play());
  await page.waitForFunction(() => Number(document.getElementById("lesson-loss").dataset.step) >= 2);
  await loss.evaluate((el) => el.pause());
  // The course stylesheet (pink buttons) does not reach inside the widget.
  const bg = await loss.getByRole("button", { name: "Reset" }).evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.notEqual(bg, "rgb(255, 105, 180)");
  await page.screenshot({ path: path.join(SHOTS, "embed-example.png"), fullPage: true });
  assert.deepEqual(errors, []);
});

test("divergence sends a descent-diverge event", async () => {
  const { page, errors } = await open(browser, "/#panel=loss-space&eta=100&w0=-2&b0=-2");
  const demo = page.locator("descent-demo");
  await demo.evaluate((el) => { window.diverged = null; el.addEventListener("descent-diverge", (e) => (window.diverged = e.detail)); });
  for (let i = 0; i < 10 && !(await page.evaluate(() => window.diverged)); i++) await demo.evaluate((el) => el.step());
  const d = await page.evaluate(() => window.diverged);
  assert.ok(d && /^Stopped: the next step would go to/.test(d.reason) && d.panel === "loss-space", JSON.stringify(d));
  assert.deepEqual(errors, []);
});

test("state → link → new page gives the identical state, for every table entry", async () => {
  const { page, errors } = await open(browser, "/#panel=loss-space");
  const demo = page.locator("descent-demo");
  const setAttrs = { eta: "0.37", x0: "1.5", ystar: "0.2", range: "3", w0: "-2.5", b0: "1.25", cmap: "viridis", view: "3d", scale: "log", speed: "25", lang: "fr", hide: "share seed" };
  for (const [k, v] of Object.entries(setAttrs)) await demo.evaluate((el, [k, v]) => el.setAttribute(k, v), [k, v]);
  await demo.getByRole("button", { name: "Pas", exact: true }).waitFor(); // lang="fr" rebuilt it in French
  for (let i = 0; i < 7; i++) await demo.evaluate((el) => el.step());
  const state = await demo.evaluate((el) => el.state);
  const link = await demo.evaluate((el) => el.snippets().link);
  assert.equal(state.steps, 7);
  const readout = await demo.evaluate((el) => el.core.readout().runs[0]);
  const second = await open(browser, link);
  const again = second.page.locator("descent-demo");
  assert.deepEqual(await again.evaluate((el) => el.state), state);
  assert.deepEqual(await again.evaluate((el) => el.core.readout().runs[0]), readout, "the same point, exactly");
  assert.equal(await again.getByRole("spinbutton", { name: "graine", exact: true, includeHidden: true }).isVisible(), false);
  assert.equal(await again.getByRole("button", { name: "Réinitialiser" }).isVisible(), true, "in French");
  assert.equal(await page.evaluate(() => location.hash), new URL(link).hash, "the page's own hash follows the state");
  // The parabola's entries too, and a seed.
  const third = await open(browser, "/#panel=parabola&eta=0.9&x0=-1.7&range=2&steps=3&speed=7&controls=step+reset+readouts");
  const p = third.page.locator("descent-demo");
  const pState = await p.evaluate((el) => el.state);
  assert.deepEqual({ ...pState }, { panel: "parabola", curve: "parabola", eta: 0.9, x0: -1.7, range: 2, steps: 3, speed: 7, lang: "en", theme: "auto", predict: false, controls: ["step", "reset", "readouts"], hide: null });
  const fourth = await open(browser, await p.evaluate((el) => el.snippets().link));
  assert.deepEqual(await fourth.page.locator("descent-demo").evaluate((el) => el.state), pState);
  const fifth = await open(browser, "/#panel=loss-space&seed=12345&steps=2");
  const s5 = await fifth.page.locator("descent-demo").evaluate((el) => el.state);
  const sixth = await open(browser, await fifth.page.locator("descent-demo").evaluate((el) => el.snippets().link));
  assert.deepEqual(await sixth.page.locator("descent-demo").evaluate((el) => el.state), s5);
  assert.equal(s5.seed, 12345);
  // The seed alone gives the start it draws (the seed wins over w0 and b0).
  const drawn = await fifth.page.evaluate(async () => Array.from((await import("./pkg/descent.js")).startFromSeed(12345, 2)));
  assert.deepEqual([s5.w0, s5.b0], drawn.map((v) => Number(v.toPrecision(4))), "seed=12345 starts where that seed draws");
  // What each restored page shows follows its state: the steps run, the controls listed.
  assert.equal(await again.getAttribute("data-step"), "7");
  for (const o of [third.page, fourth.page]) {
    const shown = o.locator("descent-demo");
    assert.equal(await shown.getAttribute("data-step"), "3");
    assert.equal(await shown.getByRole("button", { name: "Step", exact: true }).isVisible(), true);
    assert.equal(await shown.getByRole("button", { name: "Play" }).isVisible(), false, "controls= hides Play");
  }
  assert.deepEqual([...errors, ...second.errors, ...third.errors, ...fourth.errors, ...fifth.errors, ...sixth.errors], []);
});

test("Copy link and Copy embed code give the link, an iframe and an element", async () => {
  const { page, errors, context } = await open(browser, "/#panel=parabola&eta=0.5");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const demo = page.locator("descent-demo");
  await demo.getByRole("button", { name: "Copy link" }).click();
  await demo.getByText("Link copied.").waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /index\.html#panel=parabola&eta=0\.5$/);
  await demo.getByRole("button", { name: "Copy embed code" }).click();
  await demo.getByText("Embed code copied.").waitFor();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(code, /<script type="module" src="[^"]+descent-demo\.js"><\/script>/);
  assert.match(code, /<descent-demo panel="parabola" eta="0.5"><\/descent-demo>/);
  assert.match(code, /<iframe src="[^"]+#panel=parabola&amp;eta=0.5"/);
  assert.equal(await demo.getByRole("textbox", { name: "Link or embed code to copy" }).inputValue(), code);
  assert.deepEqual(errors, []);
});

test("the single file works from file:// and matches the served page's numbers", async () => {
  const file = pathToFileURL(path.join(process.env.DESCENT_DIST, "descent-standalone.html")).href;
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) errors.push(`request ${r.url()}`); });
  await page.goto(file + "#panel=loss-space&eta=3&w0=-1&b0=-1.5&steps=4");
  await page.waitForSelector("html[data-ready=true]");
  const demo = page.locator("descent-demo");
  await demo.getByRole("button", { name: "Step", exact: true }).click();
  const standalone = await demo.evaluate((el) => ({ ...el.dataset }));
  const served = await open(browser, "/#panel=loss-space&eta=3&w0=-1&b0=-1.5&steps=4");
  await served.page.locator("descent-demo").getByRole("button", { name: "Step", exact: true }).click();
  assert.deepEqual(standalone, await served.page.locator("descent-demo").evaluate((el) => ({ ...el.dataset })));
  assert.equal(standalone.step, "5");
  await page.screenshot({ path: path.join(SHOTS, "standalone.png") });
  // The modules fetched on demand come from the file too: French, the race, the help.
  await demo.getByLabel("language", { exact: true }).selectOption("fr");
  await demo.getByRole("button", { name: "Réinitialiser" }).waitFor();
  await demo.locator("details > summary").filter({ hasText: /^optimiseurs/ }).click();
  await demo.getByRole("button", { name: /^Les 19 en course/ }).click();
  await page.waitForFunction(() => document.querySelector("descent-demo").dataset.runs === "19");
  await demo.getByRole("button", { name: "Que vois-je ?" }).click();
  await demo.getByRole("dialog").waitFor();
  assert.deepEqual([...errors, ...served.errors], []);
  await context.close();
});

test("a damaged single file says so where the demos would be", async () => {
  // The packed site cut in the middle, as a download stopped short or an editor's change would.
  const html = fs.readFileSync(path.join(process.env.DESCENT_DIST, "descent-standalone.html"), "utf8");
  const pack = html.match(/"[A-Za-z0-9+/]{10000,}={0,2}"/)?.[0];
  assert.ok(pack, "the file has its pack");
  const cut = pack.slice(0, pack.length >> 1) + pack.slice((pack.length >> 1) + 4000);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "descent-")), "damaged.html");
  fs.writeFileSync(file, html.replace(pack, cut));
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(pathToFileURL(file).href);
  const alerts = page.getByRole("alert");
  await alerts.first().waitFor();
  assert.equal(await alerts.count(), 2, "both demos say it");
  assert.match(await alerts.first().innerText(), /could not start: this file is damaged \(.+\)\. Download it again\./);
  assert.deepEqual(errors, []);
  await context.close();
  fs.rmSync(path.dirname(file), { recursive: true });
});

test("invalid values are named with their range in a notice, and the defaults are used", async () => {
  const { page, errors } = await open(browser, "/#panel=loss-space&eta=abc&x0=NaN&cmap=rainbow&w0=7&hide=wings");
  const notice = page.locator("descent-demo .notice");
  assert.equal(await notice.isVisible(), true);
  const text = await notice.innerText();
  assert.match(text, /eta="abc" is not valid: it must be a number from 0\.001 to 100\. Using 2\./);
  assert.match(text, /x0="NaN" is not valid: it must be a number from −5 to 5\. Using 1\./);
  assert.match(text, /cmap="rainbow" is not valid: it must be one of autumn, viridis\. Using autumn\./);
  assert.match(text, /w0="7" is outside the range ±2\. Using −2\./);
  assert.match(text, /unknown: wings/);
  const demo = page.locator("descent-demo");
  assert.equal(await demo.getAttribute("data-step"), "0", "the widget works with the defaults");
  await demo.getByRole("button", { name: "Step", exact: true }).click();
  assert.equal(await demo.getAttribute("data-step"), "1");
  const bad = await open(browser, "/#panel=nonsense");
  assert.match(await bad.page.locator("descent-demo .notice").innerText(), /panel="nonsense" is not valid: use loss-space or parabola/);
  assert.equal(await bad.page.locator("descent-demo canvas.map-base").count(), 1, "never blank");
  // An element given a bad attribute after load says so and keeps working.
  await demo.evaluate((el) => el.setAttribute("eta", "-4"));
  assert.match(await notice.innerText(), /eta="-4" is not valid: it must be a number from 0\.001 to 100\. Using 2\./);
  await demo.getByRole("button", { name: "Dismiss" }).click();
  assert.equal(await notice.isVisible(), false);
  // A value typed into a control that is out of range is refused with a message too.
  const eta = demo.getByRole("spinbutton", { name: "η", exact: true });
  await eta.fill("1e9");
  await eta.dispatchEvent("change");
  assert.match(await notice.innerText(), /η: "1e9" is not a number from 0\.001 to 100\. Keeping 2\./);
  await page.screenshot({ path: path.join(SHOTS, "bad-input.png") });
  assert.deepEqual([...errors, ...bad.errors], []);
});
