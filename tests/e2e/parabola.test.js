// The y = x² panel, end to end in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, open, close, pixel, SHOTS } from "./helpers.js";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const MARGIN = { left: 56, right: 16, top: 12, bottom: 44 };

async function readouts(panel) {
  return panel.locator("td[data-name]").evaluateAll((tds) => Object.fromEntries(tds.map((td) => [td.dataset.name, Number(td.dataset.value)])));
}

async function setNumber(panel, label, value) {
  const input = panel.getByRole("spinbutton", { name: label, exact: true });
  await input.fill(String(value));
  await input.dispatchEvent("change");
}

/** Device pixel of (x, x²) on the figure, computed here from the layout. */
async function curvePixel(page, x, r = 2.5) {
  const { width, height, dpr } = await page.$eval("#parabola canvas.parabola", (c) => ({ width: c.width, height: c.height, dpr: devicePixelRatio }));
  const x0 = Math.round(MARGIN.left * dpr), y0 = Math.round(MARGIN.top * dpr);
  const pw = width - Math.round(MARGIN.right * dpr) - x0, ph = height - Math.round(MARGIN.bottom * dpr) - y0;
  const [lo, hi] = [-0.08 * r * r, 1.08 * r * r];
  return { x: x0 + ((x + r) / (2 * r)) * pw, y: y0 + ((hi - x * x) / (hi - lo)) * ph, dpr };
}

test("x₀ = 1, η = 1: one Step shows slope 2, Δx = −2, x = −1, then 1, −1, 1…", async () => {
  const { page, errors } = await open(browser);
  const panel = page.locator("#parabola");
  await panel.getByRole("button", { name: /^η = 1:/ }).click();
  const step = panel.getByRole("button", { name: "Step", exact: true });
  // Before any step the panel shows the step to come, in the article's numbers: at x₀ = 1 the
  // slope is 2, Δx = −2, and the step lands on x₁ = −1.
  const r0 = await readouts(panel);
  assert.deepEqual([r0.step, r0.x, r0.y, r0.slope, r0.dx, r0.next, r0.eta], [0, 1, 1, 2, -2, -1, 1]);
  assert.match(await panel.locator(".caption").innerText(), /from x₀ to x₁/);
  assert.match(await panel.locator(".formulas").innerText(), /−2/);
  await step.click();
  const r = await readouts(panel);
  assert.deepEqual([r.step, r.x, r.slope, r.dx, r.next], [1, -1, -2, 2, 1], "then the step from x₁ = −1");
  assert.match(await panel.locator(".caption").innerText(), /from x₁ to x₂/);
  assert.equal(await panel.getAttribute("data-x"), "-1");
  for (const expected of [1, -1, 1, -1]) {
    await step.click();
    assert.equal(Number(await panel.getAttribute("data-x")), expected);
  }
  assert.equal(await panel.getAttribute("data-regime"), "bounce");
  assert.deepEqual(errors, []);
});

test("every preset names its regime, and x_t = (1 − 2η)^t·x₀ to 1e-12", async () => {
  const { page, errors } = await open(browser);
  const panel = page.locator("#parabola");
  const cases = [[1, "bounce", /endless bounce/], [0.1, "smooth", /smooth convergence/], [0.5, "one-step", /one step to the bottom/], [0.9, "oscillating", /oscillating convergence/], [1.1, "divergent", /divergence/]];
  for (const [eta, name, words] of cases) {
    await panel.getByRole("button", { name: new RegExp(`^η = ${eta}:`) }).click();
    assert.equal(await panel.getAttribute("data-regime"), name);
    assert.match(await panel.locator(".regime").innerText(), words);
    assert.equal(await panel.getAttribute("data-step"), "0", "a preset starts again from x₀");
    for (let n = 1; n <= 4; n++) {
      await panel.getByRole("button", { name: "Step", exact: true }).click();
      const x = Number(await panel.getAttribute("data-x"));
      assert.ok(close(x, (1 - 2 * eta) ** n), `η = ${eta}, n = ${n}: ${x} vs ${(1 - 2 * eta) ** n}`);
    }
  }
  // η = 1.1 keeps growing: the fifth step lands on −2.48832, the sixth would leave the figure.
  const step = panel.getByRole("button", { name: "Step", exact: true });
  await step.click();
  await step.click();
  assert.equal(await panel.getAttribute("data-diverged"), "true");
  assert.match(await panel.locator("p.status").innerText(), /Stopped/);
  assert.equal(await step.isDisabled(), true);
  await panel.getByRole("button", { name: "Reset" }).click();
  assert.equal(await panel.getAttribute("data-diverged"), "false");
  assert.equal(await panel.getAttribute("data-x"), "1");
  // The regimes that no preset shows.
  for (const [eta, name] of [[0, "none"], [-0.1, "uphill"], [0.3, "smooth"]]) {
    await setNumber(panel, "η", eta);
    assert.equal(await panel.getAttribute("data-regime"), name);
  }
  assert.deepEqual(errors, []);
});

test("dragging the point sets x₀; the step's arrow ends at the right pixel", async () => {
  const { page, errors } = await open(browser, "/", { dpr: 2 });
  const panel = page.locator("#parabola");
  const canvas = page.locator("#parabola canvas.parabola");
  const from = await curvePixel(page, 1);
  const to = await curvePixel(page, -1.5);
  await canvas.hover({ position: { x: from.x / from.dpr, y: from.y / from.dpr } });
  await page.mouse.down();
  await canvas.hover({ position: { x: to.x / to.dpr, y: to.y / to.dpr } });
  await page.mouse.up();
  const x0 = Number((await panel.getByRole("spinbutton", { name: "x₀" }).inputValue()).replace("−", "-"));
  assert.ok(Math.abs(x0 + 1.5) < 0.02, `x₀ = ${x0} after dragging to −1.5`);
  assert.equal(Number(await panel.getAttribute("data-x")), x0);
  await panel.getByRole("button", { name: /^η = 0.1:/ }).click();
  await panel.getByRole("button", { name: "Step", exact: true }).click();
  const x1 = Number(await panel.getAttribute("data-x"));
  assert.ok(close(x1, 0.8 * x0));
  // The arrow from (x₀, x₀²) to (x₁, x₁²): its ends are drawn (black arrow or blue point), and
  // halfway along the straight arrow, off the curve, the arrow's black shows.
  const drawn = ([r, g, b]) => Math.max(r, g, b) < 120 || (b > 150 && r < 90);
  for (const x of [x0, x1]) {
    const p = await curvePixel(page, x);
    assert.ok(drawn(await pixel(page, "#parabola canvas.parabola", p.x, p.y)), `the step's end at (${x}, ${x * x}) is drawn`);
  }
  const [a, b] = [await curvePixel(page, x0), await curvePixel(page, x1)];
  const mid = await pixel(page, "#parabola canvas.parabola", (a.x + b.x) / 2, (a.y + b.y) / 2);
  assert.ok(Math.max(...mid.slice(0, 3)) < 120, `the arrow's middle is drawn: ${mid}`);
  const off = await pixel(page, "#parabola canvas.parabola", (a.x + b.x) / 2, (a.y + b.y) / 2 - 30);
  assert.ok(Math.min(...off.slice(0, 3)) > 200, `and nothing beside it: ${off}`);
  assert.deepEqual(errors, []);
});

test("Play runs the descent and stops by itself on divergence; screenshots", async () => {
  for (const [dpr, width, name] of [[1, 1200, "parabola-dpr1"], [2, 1200, "parabola-dpr2"], [2, 360, "parabola-phone-360"]]) {
    const { page, errors, context } = await open(browser, "/", { dpr, width });
    const panel = page.locator("#parabola");
    await panel.getByRole("button", { name: /^η = 1.1:/ }).click();
    await setNumber(panel, "speed", 30);
    await panel.getByRole("button", { name: "Play" }).click();
    await page.waitForFunction(() => document.querySelector("#parabola").dataset.diverged === "true", null, { timeout: 5000 });
    assert.equal(await panel.getByRole("button", { name: "Play" }).getAttribute("aria-pressed"), "false", "divergence stopped Play");
    await panel.getByRole("button", { name: "Reset" }).click();
    await panel.getByRole("button", { name: /^η = 0.9:/ }).click();
    for (let i = 0; i < 5; i++) await panel.getByRole("button", { name: "Step", exact: true }).click();
    await panel.screenshot({ path: path.join(SHOTS, `${name}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("the range can be changed; x₀ must stay inside it", async () => {
  const { page, errors } = await open(browser);
  const panel = page.locator("#parabola");
  await setNumber(panel, "range ±", 1.5);
  assert.equal(await panel.getAttribute("range"), "1.5", "the attribute follows the control");
  await setNumber(panel, "x₀", 1.4);
  assert.equal(Number(await panel.getAttribute("data-x")), 1.4);
  await setNumber(panel, "x₀", 2);
  assert.match(await panel.locator(".notice").innerText(), /x₀: "2" is not a number from −1\.5 to 1\.5\. Keeping 1\.4\./);
  assert.equal(Number(await panel.getAttribute("data-x")), 1.4, "a refused value changes nothing");
  assert.equal(await panel.getByRole("spinbutton", { name: "x₀" }).inputValue(), "1.4", "the field shows the value in effect");
  // A narrower range moves x₀ inside it, and says so with the value now used.
  await panel.evaluate((el) => el.setAttribute("range", "1"));
  assert.match(await panel.locator(".notice").innerText(), /x₀ = 1\.4 is outside the new range ±1: using 1\./);
  assert.equal(Number(await panel.getAttribute("data-x")), 1);
  await panel.getByRole("button", { name: /^η = 0.1:/ }).click();
  await panel.getByRole("button", { name: "Step", exact: true }).click();
  const x1 = Number(await panel.getAttribute("data-x"));
  assert.ok(close(x1, 0.8), `x₁ = ${x1}`);
  assert.deepEqual(errors, []);
});

test("in French: words, regime and the stop message, from lang=fr", async () => {
  const { page, errors } = await open(browser, "/#panel=parabola&lang=fr&eta=1.1");
  const panel = page.locator("descent-demo");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");
  assert.match(await panel.locator(".regime").innerText(), /Régime : divergence : \|1 − 2η\| > 1/);
  const step = panel.getByRole("button", { name: "Pas", exact: true });
  for (let i = 0; i < 6 && (await step.isEnabled()); i++) await step.click();
  assert.match(await panel.locator("p.status").innerText(), /^Arrêt : le pas suivant irait en x = 2,98598, hors de la figure \[−2,5 ; 2,5\]/);
  await panel.getByRole("button", { name: "Réinitialiser" }).click();
  assert.equal(await panel.getAttribute("data-step"), "0");
  // The language is a control too, and the choice follows into the link.
  await panel.getByLabel("langue").selectOption("en");
  await panel.getByRole("button", { name: "Step", exact: true }).waitFor();
  assert.equal(await panel.getAttribute("lang"), null, "English is the default: no attribute");
  assert.deepEqual(errors, []);
});
