// The loss-space panel, end to end in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, open, reference, close, pixel, colourCount, SHOTS } from "./helpers.js";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const sigma = (z) => 1 / (1 + Math.exp(-z));
const MARGIN = { left: 58, right: 96, top: 30, bottom: 46 };

/** Set a labelled number input and commit it, as a user typing and leaving the field. */
async function setNumber(panel, label, value) {
  const input = panel.getByRole("spinbutton", { name: label, exact: true });
  await input.fill(String(value));
  await input.dispatchEvent("change");
}

async function readouts(panel) {
  return panel.locator("td[data-name]").evaluateAll((tds) => Object.fromEntries(tds.map((td) => [td.dataset.name, Number(td.dataset.value)])));
}

/** The device pixel of (w, b), computed here from the layout (not by the page). */
async function mapPixel(page, w, b, lo = -2, hi = 2) {
  const { width, height, dpr } = await page.$eval("#loss-space canvas.map-base", (c) => ({ width: c.width, height: c.height, dpr: devicePixelRatio }));
  const x0 = Math.round(MARGIN.left * dpr), y0 = Math.round(MARGIN.top * dpr);
  const pw = width - Math.round(MARGIN.right * dpr) - x0, ph = height - Math.round(MARGIN.bottom * dpr) - y0;
  return { x: x0 + ((w - lo) / (hi - lo)) * (pw - 1), y: y0 + ((hi - b) / (hi - lo)) * (ph - 1), dpr, pw, ph };
}

test("10 Steps from the article's start reproduce its SGD run; Step back and Reset are exact", async () => {
  const { page, errors } = await open(browser);
  const panel = page.locator("#loss-space");
  const run = reference().sgd_runs[0];
  await setNumber(panel, "η", run.eta);
  await setNumber(panel, "w₀", run.w0);
  await setNumber(panel, "b₀", run.b0);
  const seen = [];
  const step = panel.getByRole("button", { name: "Step", exact: true });
  for (let t = 0; t <= 10; t++) {
    const r = await readouts(panel);
    const [ew, eb] = run.trajectory_w_b[t];
    assert.equal(r.step, t);
    assert.ok(close(r.w, ew) && close(r.b, eb), `step ${t}: (${r.w}, ${r.b}) vs (${ew}, ${eb})`);
    const y = sigma(ew + eb);
    assert.ok(Math.abs(r.y - y) <= 1e-12 * y && Math.abs(r.loss - 0.5 * (y - 0.5) ** 2) <= 1e-12 * r.loss);
    const [nw, nb] = run.trajectory_w_b[t + 1];
    assert.ok(close(r.wNext, nw) && close(r.bNext, nb), "the next point shown is the next point reached");
    assert.ok(close(r.dw, nw - ew) || Math.abs(r.dw - (nw - ew)) < 1e-15);
    assert.equal(Number(await panel.getAttribute("data-step")), t);
    seen.push(await panel.getAttribute("data-w"));
    if (t < 10) await step.click();
  }
  const back = panel.getByRole("button", { name: "Step back" });
  for (let t = 9; t >= 7; t--) {
    await back.click();
    assert.equal(await panel.getAttribute("data-w"), seen[t], `Step back returns to step ${t} exactly`);
    assert.equal(await panel.getAttribute("data-step"), String(t));
  }
  await panel.getByRole("button", { name: "Reset" }).click();
  assert.equal(await panel.getAttribute("data-step"), "0");
  assert.equal(Number(await panel.getAttribute("data-w")), -2);
  assert.equal(Number(await panel.getAttribute("data-b")), -2);
  await panel.getByRole("math").first().waitFor();
  assert.match(await panel.locator(".formulas").innerText(), /0\.1/);
  assert.deepEqual(errors, []);
});

test("a click on the map sets the start to the (w, b) under it, within one pixel", async () => {
  const { page, errors } = await open(browser);
  const panel = page.locator("#loss-space");
  const target = { w: 0.5, b: -1.0 };
  const { x, y, dpr, pw } = await mapPixel(page, target.w, target.b);
  await page.locator("#loss-space canvas.map-path").click({ position: { x: x / dpr, y: y / dpr } });
  const w = Number(await panel.getAttribute("data-w")), b = Number(await panel.getAttribute("data-b"));
  // Within a pixel, then rounded to the 4 significant digits the field shows.
  const onePixel = 4 / (pw - 1) + 5e-4;
  assert.ok(Math.abs(w - target.w) <= onePixel && Math.abs(b - target.b) <= onePixel, `(${w}, ${b}) vs (0.5, −1)`);
  assert.equal(String(w), Number(w.toPrecision(4)).toString(), "the start is rounded to what the field shows");
  assert.equal(await panel.getAttribute("data-step"), "0");
  assert.equal(Number(await panel.getByRole("spinbutton", { name: "w₀" }).inputValue()), w);
  assert.deepEqual(errors, []);
});

test("pixels: the trajectory lies where its points map to; the heatmap's colours follow the loss", async () => {
  const { page, errors } = await open(browser, "/", { dpr: 2 });
  const panel = page.locator("#loss-space");
  await setNumber(panel, "η", 8);
  await setNumber(panel, "w₀", -1.8);
  await setNumber(panel, "b₀", -1.2);
  for (let i = 0; i < 5; i++) await panel.getByRole("button", { name: "Step", exact: true }).click();
  const traj = await page.evaluate(() => Array.from(document.getElementById("loss-space").core.trajectory(0)));
  for (let i = 0; i < traj.length; i += 2) {
    const { x, y } = await mapPixel(page, traj[i], traj[i + 1]);
    const [r, g, b, a] = await pixel(page, "#loss-space canvas.map-path", x, y);
    assert.ok(a > 200 && b > r && b > g, `trajectory point ${i / 2} is drawn at its pixel: rgba ${[r, g, b, a]}`);
  }
  const [lo, hi] = await page.evaluate(() => { const r = document.getElementById("loss-space").core.readout(); return [r.mapLo, r.mapHi]; });
  for (const [w, b] of [[-1.5, 1.2], [0.3, 0.9], [1.7, 1.6], [-0.4, -1.9], [1.0, -1.0]]) {
    const L = 0.5 * (sigma(w + b) - 0.5) ** 2;
    const { x, y } = await mapPixel(page, w, b);
    const [r, g, bl] = await pixel(page, "#loss-space canvas.map-base", x, y);
    const expected = Math.round((255 * (L - lo)) / (hi - lo));
    assert.equal(r, 255, "autumn is red at every loss");
    assert.ok(Math.abs(g - expected) <= 3 && bl <= 2, `L(${w}, ${b}) = ${L}: green ${g} vs ${expected}`);
  }
  await page.getByLabel("colour map").selectOption("viridis");
  const { x, y } = await mapPixel(page, 1.7, 1.6);
  const [r, g, b] = await pixel(page, "#loss-space canvas.map-base", x, y);
  assert.ok(r > 150 && g > 150 && b < 120, `viridis is yellow near the maximum: ${[r, g, b]}`);
  assert.deepEqual(errors, []);
});

test("η = 100 from a far start: the panel reports divergence, Reset recovers", async () => {
  const { page, errors } = await open(browser);
  const panel = page.locator("#loss-space");
  await setNumber(panel, "η", 100);
  await setNumber(panel, "w₀", -2);
  await setNumber(panel, "b₀", -2);
  const step = panel.getByRole("button", { name: "Step", exact: true });
  for (let i = 0; i < 10 && (await step.isEnabled()); i++) await step.click();
  assert.equal(await panel.getAttribute("data-diverged"), "true");
  const status = await panel.locator("p.status").innerText();
  assert.match(status, /^Stopped: the next step would go to \(/);
  assert.match(status, /outside the map \(w ∈ \[−2, 2\], b ∈ \[−2, 2\]\)\. η is too large/);
  assert.equal(await step.isDisabled(), true);
  for (const v of ["data-w", "data-b", "data-loss"]) assert.ok(Number.isFinite(Number(await panel.getAttribute(v))), `${v} stays finite`);
  await panel.getByRole("button", { name: "Reset" }).click();
  assert.equal(await panel.getAttribute("data-diverged"), "false");
  assert.equal(await panel.getAttribute("data-step"), "0");
  assert.equal(await step.isEnabled(), true);
  assert.deepEqual(errors, []);
});

test("Play steps on its own and Pause stops it; keyboard works", async () => {
  const { page, errors } = await open(browser);
  const panel = page.locator("#loss-space");
  await setNumber(panel, "speed", 60);
  const play = panel.getByRole("button", { name: "Play" });
  await play.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => Number(document.querySelector("#loss-space").dataset.step) >= 5);
  await panel.getByRole("button", { name: "Pause" }).click();
  const stopped = await panel.getAttribute("data-step");
  await page.waitForTimeout(300);
  assert.equal(await panel.getAttribute("data-step"), stopped, "paused");
  assert.equal(await panel.getByRole("button", { name: "Play" }).getAttribute("aria-pressed"), "false");
  assert.deepEqual(errors, []);
});

test("a random start shows its seed, and the seed reproduces the start", async () => {
  const { page, errors } = await open(browser);
  const panel = page.locator("#loss-space");
  await panel.getByRole("button", { name: "New random start" }).click();
  const seed = await panel.getByRole("spinbutton", { name: "seed" }).inputValue();
  assert.match(seed, /^\d+$/);
  const start = [await panel.getAttribute("data-w"), await panel.getAttribute("data-b")];
  assert.ok(start.every((v) => Math.abs(Number(v)) <= 2));
  await setNumber(panel, "w₀", 0);
  await setNumber(panel, "seed", seed);
  assert.deepEqual([await panel.getAttribute("data-w"), await panel.getAttribute("data-b")], start);
  assert.deepEqual(errors, []);
});

test("the 3-D view draws the surface and turns with the arrow keys; the loss chart has a log scale", async () => {
  const { page, errors } = await open(browser);
  const panel = page.locator("#loss-space");
  for (let i = 0; i < 3; i++) await panel.getByRole("button", { name: "Step", exact: true }).click();
  await page.getByLabel("view").selectOption("3d");
  const surface = page.locator("#loss-space canvas.surface");
  assert.equal(await surface.isVisible(), true);
  assert.equal(await page.locator("#loss-space .stack").isVisible(), false);
  assert.ok(await colourCount(page, "#loss-space canvas.surface") > 50);
  const before = await surface.evaluate((c) => c.toDataURL());
  await surface.focus();
  await page.keyboard.press("ArrowLeft");
  assert.notEqual(await surface.evaluate((c) => c.toDataURL()), before, "the arrow key turned the surface");
  const chart = page.locator("#loss-space canvas.chart");
  const linear = await chart.evaluate((c) => c.toDataURL());
  await page.getByLabel("loss axis").selectOption("log");
  assert.notEqual(await chart.evaluate((c) => c.toDataURL()), linear);
  assert.deepEqual(errors, []);
});

test("screenshots at DPR 1 and 2 and on a 360 px phone; canvases are sized in device pixels", async () => {
  for (const [dpr, width, name] of [[1, 1200, "loss-space-dpr1"], [2, 1200, "loss-space-dpr2"], [2, 360, "phone-360"]]) {
    const { page, errors, context } = await open(browser, "/", { dpr, width, height: 900 });
    const panel = page.locator("#loss-space");
    await setNumber(panel, "η", 5);
    await setNumber(panel, "w₀", -1.9);
    await setNumber(panel, "b₀", -0.5);
    for (let i = 0; i < 6; i++) await panel.getByRole("button", { name: "Step", exact: true }).click();
    const size = await page.$eval("#loss-space canvas.map-base", (c) => ({ w: c.width, css: c.getBoundingClientRect().width }));
    assert.equal(size.w, Math.round(size.css * dpr), "the canvas backing store is css × dpr");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at ${width} px (${overflow})`);
    await panel.screenshot({ path: path.join(SHOTS, `${name}.png`) });
    if (width > 400) {
      await page.getByLabel("view").selectOption("3d");
      await panel.screenshot({ path: path.join(SHOTS, `${name}-3d.png`) });
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("formulas opened after steps taken while they were closed show the current step", async () => {
  const { page, errors } = await open(browser);
  const { page: open3 } = await open(browser);
  for (const id of ["#loss-space", "#parabola"]) {
    // The same three steps with the formulas open, for the expected text.
    for (let i = 0; i < 3; i++) await open3.locator(id).getByRole("button", { name: "Step", exact: true }).click();
    const expected = await open3.locator(`${id} .formulas`).innerText();
    const panel = page.locator(id);
    const summary = panel.locator(".formulas-box > summary");
    await summary.click();
    assert.equal(await panel.locator(".formulas-box").evaluate((d) => d.open), false);
    for (let i = 0; i < 3; i++) await panel.getByRole("button", { name: "Step", exact: true }).click();
    await summary.click();
    // The box tells it opened with a toggle event, a task after the click: wait for the text.
    const shown = panel.locator(".formulas");
    for (let i = 0; i < 40 && (await shown.innerText()) !== expected; i++) await page.waitForTimeout(50);
    assert.equal(await shown.innerText(), expected, `${id}: the formulas of step 3`);
    assert.notEqual(expected, "", "formulas were written");
  }
  assert.deepEqual(errors, []);
});
