// Accessibility and what teachers asked for: axe-core finds no serious problem; sliders speak
// their values; the live region is quiet during Play; shortcuts; reduced motion; exports (PNG at
// 2× with the legend, CSV), a print stylesheet, the help in each language.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { launch, open, SHOTS } from "./helpers.js";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`);
  });
}

test("axe-core finds no serious or critical violation: the page, the lesson, the single file; 360 and 1280 px; light and dark", async () => {
  const single = pathToFileURL(path.join(process.env.DESCENT_DIST, "descent-standalone.html")).href;
  for (const scheme of ["light", "dark"]) {
    for (const width of [360, 1280]) {
      for (const url of ["/", "/embed-example.html", "/#panel=loss-space&optimizers=sgd+adam(eta=0.05)&lang=fr", single]) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        const page = await context.newPage();
        await page.goto(url.startsWith("file:") ? url : new URL(url, process.env.DESCENT_URL).href);
        if (url === "/embed-example.html") await page.locator("#lesson-parabola").evaluate((el) => el.ready);
        else await page.waitForSelector("html[data-ready=true]");
        await page.evaluate(() => Promise.all([...document.querySelectorAll("descent-demo")].map((d) => d.ready)));
        const violations = await axe(page);
        assert.deepEqual(violations, [], `${url} at ${width} px, ${scheme}`);
        await context.close();
      }
    }
  }
  const { page } = await open(browser, "/embed-example.html", { ready: false });
  assert.equal(await page.locator("main").count(), 1, "the lesson has a main landmark");
});

test("sliders say their value, the live region speaks on Step and Pause only, figures describe the state", async () => {
  const { page, errors } = await open(browser, "/#panel=loss-space&eta=0.1");
  const demo = page.locator("descent-demo");
  const slider = demo.getByRole("slider", { name: "η slider" });
  assert.equal(await slider.getAttribute("aria-valuetext"), "0.1", "the value, not its logarithm");
  assert.equal(await demo.getByRole("spinbutton", { name: "η", exact: true }).getAttribute("aria-valuetext"), "0.1");
  const live = demo.locator("[role=status][aria-live=polite]").first();
  await demo.getByRole("button", { name: "Step", exact: true }).click();
  assert.match(await live.innerText(), /^Step 1: L = /);
  await demo.evaluate((el) => el.setAttribute("speed", "30"));
  await demo.evaluate((el) => {
    window.spoken = 0;
    const region = el.shadowRoot.querySelector("[role=status][aria-live=polite]");
    new MutationObserver(() => window.spoken++).observe(region, { childList: true, characterData: true, subtree: true });
  });
  await demo.getByRole("button", { name: "Play" }).click();
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => window.spoken), 0, "silent while playing");
  await demo.getByRole("button", { name: "Pause" }).click();
  assert.ok(await page.evaluate(() => window.spoken) >= 1, "it speaks on Pause");
  const step = await demo.getAttribute("data-step");
  assert.match(await demo.locator("canvas.map-path").getAttribute("aria-label"), new RegExp(`t = ${step}, \\(w, b\\) = \\(`));
  const formulas = demo.locator(".formulas");
  assert.equal(await formulas.getAttribute("tabindex"), "0", "the formulas can be reached with the keyboard");
  assert.equal(await formulas.getAttribute("role"), "group");
  assert.ok((await formulas.getAttribute("aria-label")).length > 5);
  assert.deepEqual(errors, []);
});

test("keyboard shortcuts when the widget has focus; the start moves with the arrow keys on the map", async () => {
  const { page, errors } = await open(browser, "/#panel=loss-space");
  const demo = page.locator("descent-demo");
  await demo.locator(".status").click(); // focus inside the widget, on no control
  await demo.evaluate((el) => el.shadowRoot.querySelector(".panel").focus());
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowRight");
  assert.equal(await demo.getAttribute("data-step"), "2");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await demo.getAttribute("data-step"), "1");
  await page.keyboard.press("p");
  assert.equal(await demo.evaluate((el) => el.playing), true);
  await page.keyboard.press("p");
  assert.equal(await demo.evaluate((el) => el.playing), false);
  await page.keyboard.press("r");
  assert.equal(await demo.getAttribute("data-step"), "0");
  await page.keyboard.press("?");
  const dialog = demo.locator("dialog.help");
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /Contour lines/);
  assert.match(await dialog.innerText(), /Space or →/);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  // The map: arrows move the start by 1/40 of the range.
  await demo.locator("canvas.map-path").focus();
  const w = Number(await demo.getAttribute("data-w"));
  await page.keyboard.press("ArrowRight");
  assert.ok(Math.abs(Number(await demo.getAttribute("data-w")) - (w + 0.05)) < 1e-9);
  assert.equal(await demo.getAttribute("data-step"), "0");
  assert.deepEqual(errors, []);
});

test("with reduced motion Play steps on a timer, with nothing in between", async () => {
  const context = await browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(new URL("/#panel=parabola&eta=0.1&speed=10", process.env.DESCENT_URL).href);
  await page.waitForSelector("html[data-ready=true]");
  const demo = page.locator("descent-demo");
  await demo.evaluate((el) => { window.frames_ = 0; const f = () => { window.frames_++; window.raf = requestAnimationFrame(f); }; f(); });
  await demo.getByRole("button", { name: "Play" }).click();
  await page.waitForTimeout(1000);
  await demo.getByRole("button", { name: "Pause" }).click();
  const steps = Number(await demo.getAttribute("data-step"));
  assert.ok(steps >= 5 && steps <= 12, `about 10 steps a second: ${steps}`);
  assert.equal(await page.evaluate(() => matchMedia("(prefers-reduced-motion: reduce)").matches), true);
  await context.close();
});

test("exports: each figure as a PNG at 2× (with the legend in a race), the trajectory as CSV, the state as a link", async () => {
  const { page, errors } = await open(browser, "/#panel=loss-space&optimizers=sgd+adam(eta=0.05)&steps=5", { width: 1280 });
  const demo = page.locator("descent-demo");
  const sizes = await demo.evaluate(async (el) => {
    const out = {};
    for (const fig of ["map", "surface", "chart"]) {
      const blob = await el.toPNG(fig);
      const bmp = await createImageBitmap(blob);
      out[fig] = [blob.type, bmp.width, bmp.height];
    }
    out.css = el.shadowRoot.querySelector("canvas.map-base").getBoundingClientRect().width;
    return out;
  });
  for (const fig of ["map", "surface", "chart"]) {
    assert.equal(sizes[fig][0], "image/png");
    assert.equal(sizes[fig][1], Math.round(sizes.css) * 2, `${fig} at twice the width`);
  }
  assert.ok(sizes.map[2] > Math.round(sizes.css * 0.9 - 10) * 2, "the map has a legend below it in a race");
  const csv = await demo.evaluate((el) => el.toCSV());
  const lines = csv.trim().split("\n");
  assert.equal(lines[0], '"t","w","b","L","g_w","g_b","dw","db"');
  assert.equal(lines.length, 1 + 6, "steps 0 … 5");
  const [t, w] = lines[6].split(",").map(Number);
  assert.equal(t, 5);
  assert.equal(w, await demo.evaluate((el) => el.core.readout().runs[0].w));
  // The menu downloads the same.
  const downloads = [];
  page.on("download", (d) => downloads.push(d.suggestedFilename()));
  await demo.locator("details.export > summary").click();
  await demo.getByRole("button", { name: "Map as PNG" }).click();
  await demo.getByRole("button", { name: "Trajectory as CSV" }).click();
  await page.waitForTimeout(500);
  assert.deepEqual(downloads.sort(), ["descent-map.png", "descent-trajectory.csv"]);
  const p = await open(browser, "/#panel=parabola&eta=0.9&steps=3");
  const parabolaCsv = await p.page.locator("descent-demo").evaluate((el) => el.toCSV());
  assert.equal(parabolaCsv.trim().split("\n")[0], '"t","x"');
  assert.equal(parabolaCsv.trim().split("\n").length, 5);
  assert.deepEqual([...errors, ...p.errors], []);
});

test("printed: the figures and numbers, no controls", async () => {
  const { page, errors } = await open(browser, "/");
  await page.emulateMedia({ media: "print" });
  const demo = page.locator("#loss-space");
  assert.equal(await demo.getByRole("button", { name: "Step", exact: true }).isVisible(), false);
  assert.equal(await demo.getByRole("slider", { name: "η slider" }).isVisible(), false);
  assert.equal(await demo.locator("canvas.map-base").isVisible(), true);
  assert.equal(await demo.locator("table.readouts").isVisible(), true);
  await page.pdf?.({ path: path.join(SHOTS, "print.pdf") }).catch(() => {});
  assert.deepEqual(errors, []);
});

test("the help says what is on the screen in each language; the page in Japanese", async () => {
  for (const [lang, title, text] of [["en", "What am I looking at?", /Each grey line joins points of equal loss/], ["fr", "Que vois-je ?", /Chaque ligne grise relie des points de même perte/], ["ja", "何が表示されている？", /灰色の線は損失の等しい点を結びます/]]) {
    const { page, errors, context } = await open(browser, `/#lang=${lang}`, { width: 1280 });
    const demo = page.locator("#loss-space");
    await demo.getByRole("button", { name: title }).click();
    assert.match(await demo.locator("dialog.help").innerText(), text);
    await demo.locator("dialog.help").screenshot({ path: path.join(SHOTS, `help-${lang}.png`) });
    await demo.locator("dialog.help button.close").click();
    const parabola = page.locator("#parabola");
    await parabola.evaluate((el) => el.help());
    assert.ok((await parabola.locator("dialog.help").innerText()).length > 200);
    if (lang === "ja") await page.screenshot({ path: path.join(SHOTS, "page-ja-1280.png"), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
