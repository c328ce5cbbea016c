// Classroom-ready: dark pages, phones, predict-then-check, frames that fit, readouts that agree
// with the figures, defaults that show learning, failures explained, every language, formulas
// that wrap, events that say what happened.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { launch, open, pixel, SHOTS } from "./helpers.js";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const num = (t) => Number(String(t).replace("−", "-").replace(",", "."));
async function readouts(panel) {
  return panel.locator("td[data-name]").evaluateAll((tds) => Object.fromEntries(tds.filter((td) => !td.closest("tr").hidden).map((td) => [td.dataset.name, td.dataset.value === undefined ? td.textContent : Number(td.dataset.value)])));
}
const luminance = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
const rgb = (css) => css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);

test("on a dark course page the widget paints its own background; theme colours the page parts and the figures", async () => {
  for (const scheme of ["dark", "light"]) {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(new URL("/embed-example.html", process.env.DESCENT_URL).href);
    await page.evaluate(() => { document.body.style.background = "#101010"; document.body.style.color = "#f0f0f0"; });
    const demo = page.locator("#lesson-loss");
    await demo.evaluate((el) => el.ready);
    for (const theme of ["auto", "light", "dark"]) {
      await demo.evaluate((el, t) => el.setAttribute("theme", t), theme);
      const effective = theme === "auto" ? scheme : theme;
      const { bg, fg, status } = await demo.evaluate((el) => {
        const panel = el.shadowRoot.querySelector(".panel");
        return { bg: getComputedStyle(panel).backgroundColor, fg: getComputedStyle(panel).color, status: getComputedStyle(el.shadowRoot.querySelector(".status")).color };
      });
      assert.doesNotMatch(bg, /rgba\(0, 0, 0, 0\)/, "an opaque background");
      const contrast = Math.abs(luminance(rgb(bg)) - luminance(rgb(fg)));
      assert.ok(contrast > 150, `${theme} on ${scheme}: text ${fg} on ${bg}`);
      assert.ok(Math.abs(luminance(rgb(bg)) - luminance(rgb(status))) > 150, "the status reads too");
      assert.equal(luminance(rgb(bg)) < 80, effective === "dark", `${theme} → ${effective}`);
      // The figures follow: the map's margin (outside the heatmap) is the theme's background.
      const corner = await pixel(page, "#lesson-loss >> canvas.map-base", 2, 2);
      assert.equal(luminance(corner) < 80, effective === "dark", `figure background ${corner} for ${effective}`);
      const chartCorner = await pixel(page, "#lesson-loss >> canvas.chart", 2, 2);
      assert.equal(luminance(chartCorner) < 80, effective === "dark");
    }
    await demo.evaluate((el) => el.setAttribute("theme", "dark"));
    await demo.screenshot({ path: path.join(SHOTS, `dark-page-${scheme}.png`) });
    await context.close();
  }
});

/** A one-finger swipe through CDP, from (x, y) by (dx, dy), in small moves. */
async function swipe(page, x, y, dx, dy) {
  const cdp = await page.context().newCDPSession(page);
  const point = (px, py) => [{ x: px, y: py, id: 1 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: point(x, y) });
  for (let i = 1; i <= 10; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: point(x + (dx * i) / 10, y + (dy * i) / 10) });
    await page.waitForTimeout(16);
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await page.waitForTimeout(300);
}

test("on a phone a vertical swipe over a figure scrolls the page; a tap places the start; the 3-D view turns sideways", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(new URL("/", process.env.DESCENT_URL).href);
  await page.waitForSelector("html[data-ready=true]");
  const panel = page.locator("#loss-space");
  for (let i = 0; i < 3; i++) await panel.getByRole("button", { name: "Step", exact: true }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await page.locator("#loss-space canvas.map-path").boundingBox();
  const before = { y: await page.evaluate(() => scrollY), w: await panel.getAttribute("data-w"), step: await panel.getAttribute("data-step") };
  await swipe(page, box.x + box.width * 0.6, box.y + box.height * 0.8, 0, -250);
  const afterSwipe = { y: await page.evaluate(() => scrollY), w: await panel.getAttribute("data-w"), step: await panel.getAttribute("data-step") };
  assert.ok(afterSwipe.y > before.y + 100, `the page scrolled: ${before.y} → ${afterSwipe.y}`);
  assert.deepEqual([afterSwipe.w, afterSwipe.step], [before.w, before.step], "the run is untouched");
  // A tap places the start.
  await page.waitForTimeout(1000); // let the scroll's fling end
  await page.locator("#loss-space canvas.map-path").scrollIntoViewIfNeeded();
  const box2 = await page.locator("#loss-space canvas.map-path").boundingBox();
  await page.touchscreen.tap(box2.x + box2.width * 0.5, box2.y + box2.height * 0.4);
  assert.equal(await panel.getAttribute("data-step"), "0");
  assert.notEqual(await panel.getAttribute("data-w"), before.w, "the tap moved the start");
  // The 3-D view: a sideways drag turns it, a vertical swipe scrolls.
  await panel.getByLabel("view").selectOption("3d");
  const surface = page.locator("#loss-space canvas.surface");
  await surface.scrollIntoViewIfNeeded();
  const sbox = await surface.boundingBox();
  const still = await surface.evaluate((c) => c.toDataURL());
  const y0 = await page.evaluate(() => scrollY);
  await swipe(page, sbox.x + sbox.width * 0.5, sbox.y + sbox.height * 0.7, 0, -200);
  assert.ok((await page.evaluate(() => scrollY)) > y0 + 80, "a vertical swipe over the 3-D view scrolls");
  assert.equal(await surface.evaluate((c) => c.toDataURL()), still, "and does not turn it");
  await page.waitForTimeout(1000); // let the scroll's fling end
  await surface.scrollIntoViewIfNeeded();
  const sbox2 = await surface.boundingBox();
  await swipe(page, sbox2.x + sbox2.width * 0.3, sbox2.y + sbox2.height * 0.5, 120, 0);
  assert.notEqual(await surface.evaluate((c) => c.toDataURL()), still, "a sideways drag turns it");
  await page.screenshot({ path: path.join(SHOTS, "phone-360-touch.png"), fullPage: true });
  await context.close();
});

test("predict mode hides the step to come until a guess is checked, then marks the guess beside the truth", async () => {
  const { page, errors } = await open(browser, "/embed-example.html", { ready: false });
  const demo = page.locator("#lesson-parabola");
  await demo.evaluate((el) => el.ready);
  // Nothing in the lesson or the widget gives the answer away before a guess.
  const shown = await page.evaluate(() => document.body.innerText) + (await demo.innerText());
  for (const answer of ["to x + Δx = −1", "bounces between 1 and −1", "x_{t+1} = 1 + (−2) = (−1)"]) assert.ok(!shown.includes(answer), `"${answer}" is not shown`);
  const r = await readouts(demo);
  assert.equal(r.dx, "?");
  assert.equal(r.next, "?");
  assert.equal(r.slope, 2, "the slope is given: it is what the student reasons from");
  assert.equal(await demo.locator(".regime").innerText(), "", "the regime would tell");
  assert.match(await demo.locator(".formulas").innerText(), /\?/);
  const arrowFree = await demo.evaluate((el) => el.core.draw(0, 600, 372, 1).ops.length);
  await demo.getByRole("spinbutton", { name: "your guess for x₁" }).fill("-0.9");
  await demo.getByRole("button", { name: "Check my guess" }).click();
  assert.match(await demo.locator(".feedback").innerText(), /Your guess −0\.9; the step lands on −1 \(off by 0\.1\)\./);
  const revealed = await readouts(demo);
  assert.deepEqual([revealed.dx, revealed.next], [-2, -1]);
  const withArrow = await demo.evaluate((el) => el.core.draw(0, 600, 372, 1).ops.length);
  assert.ok(withArrow > arrowFree, "the step and the guess are drawn after the check");
  await demo.screenshot({ path: path.join(SHOTS, "predict-revealed.png") });
  await demo.getByRole("button", { name: "Step", exact: true }).click();
  assert.equal(await demo.getAttribute("data-step"), "1");
  assert.equal((await readouts(demo)).next, "?", "the next step is hidden again");
  // Reveal without a guess; the loss space has predict mode too, with a guess by tapping the map.
  await demo.getByRole("button", { name: "Reveal" }).click();
  assert.match(await demo.locator(".feedback").innerText(), /The step lands on 1\./);
  const loss = await open(browser, "/#panel=loss-space&predict=true");
  const lp = loss.page.locator("descent-demo");
  assert.equal((await readouts(lp)).wNext, "?");
  const box = await loss.page.locator("descent-demo canvas.map-path").boundingBox();
  await loss.page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.3);
  assert.equal(await lp.getAttribute("data-step"), "0", "in predict mode a tap places a guess, not the start");
  await lp.getByRole("button", { name: "Check my guess" }).click();
  assert.match(await lp.locator(".feedback").innerText(), /^Your guess \(/);
  assert.deepEqual([...errors, ...loss.errors], []);
});

test("an iframe of the snippet's height shows the whole widget without an inner scrollbar", async () => {
  for (const [panel, width] of [["loss-space", 1000], ["parabola", 800], ["loss-space", 800]]) {
    const { page, errors, context } = await open(browser, `/#panel=${panel}`, { width });
    const snippet = await page.locator("descent-demo").evaluate((el) => el.snippets().iframe);
    const height = Number(snippet.match(/height="(\d+)"/)[1]);
    await page.goto(new URL("/embed-example.html", process.env.DESCENT_URL).href);
    const src = snippet.match(/src="([^"]+)"/)[1].replace(/&amp;/g, "&");
    await page.evaluate(([s, h]) => { const f = document.getElementById("lesson-frame"); f.height = h; f.src = s; }, [src, height]);
    const frame = page.frameLocator("#lesson-frame");
    await frame.locator("html[data-ready=true]").waitFor();
    const fit = await page.evaluate(() => {
      const d = document.getElementById("lesson-frame").contentDocument;
      return { scroll: d.documentElement.scrollHeight, view: d.documentElement.clientHeight, overflowX: d.documentElement.scrollWidth - d.documentElement.clientWidth };
    });
    assert.ok(fit.scroll <= fit.view, `${panel} at ${width} px: content ${fit.scroll} px in a frame of ${fit.view} px`);
    assert.ok(fit.overflowX <= 0, "no sideways scrolling");
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("y = x²: the table, the caption, the formulas and the figure say the same step with the same indices", async () => {
  const { page, errors } = await open(browser, "/#panel=parabola");
  const demo = page.locator("descent-demo");
  await demo.getByRole("button", { name: "Step", exact: true }).click();
  const r = await readouts(demo);
  assert.deepEqual([r.step, r.x, r.slope, r.dx, r.next], [1, -1, -2, 2, 1]);
  assert.equal(await demo.locator(".caption").innerText(), "The step to come, from x₁ to x₂:");
  const texts = await demo.evaluate((el) => el.core.draw(0, 600, 372, 1).texts);
  assert.ok(texts.includes("slope 2x = −2"), `the figure's tangent says the table's slope: ${texts}`);
  const formulas = await demo.locator(".formulas").innerText();
  assert.match(formulas, /−2/);
  assert.doesNotMatch(await demo.innerText(), /x_0|x_1|x_\{/, "no raw subscripts");
  // The loss-space panel uses the same words: the step to come from step t.
  const loss = await open(browser, "/#panel=loss-space");
  const rows = await loss.page.locator("descent-demo th[scope=row]").allInnerTexts();
  assert.ok(rows.includes("step t") && rows.includes("wₜ₊₁ = wₜ + Δwₜ"), rows.join(" | "));
  assert.deepEqual([...errors, ...loss.errors], []);
});

test("the default shows learning within seconds; the article's plateau is one click away", async () => {
  const { page, errors } = await open(browser, "/#panel=loss-space");
  const demo = page.locator("descent-demo");
  const start = Number(await demo.getAttribute("data-loss"));
  await demo.getByRole("button", { name: "Play" }).click();
  await page.waitForTimeout(3000);
  await demo.getByRole("button", { name: "Pause" }).click();
  const end = Number(await demo.getAttribute("data-loss"));
  assert.ok(end < start / 5, `3 s of Play at the default speed: L ${start} → ${end}`);
  await demo.getByRole("button", { name: /^The article's plateau/ }).click();
  const state = await demo.evaluate((el) => el.state);
  assert.deepEqual([state.eta, state.w0, state.b0], [0.1, -1.5, -1.5]);
  for (let i = 0; i < 8; i++) await demo.getByRole("button", { name: "Step", exact: true }).click();
  assert.equal(await demo.getAttribute("data-trend"), "plateau");
  assert.match(await demo.locator(".trend").innerText(), /A plateau: the gradient is tiny/);
  assert.deepEqual(errors, []);
});

test("oscillation, plateaus and leaving the map are each named, with what to try", async () => {
  const { page, errors } = await open(browser, "/#panel=loss-space&eta=30&w0=-1&b0=0.5");
  const demo = page.locator("descent-demo");
  for (let i = 0; i < 8; i++) await demo.getByRole("button", { name: "Step", exact: true }).click();
  assert.equal(await demo.getAttribute("data-trend"), "oscillating");
  assert.match(await demo.locator(".trend").innerText(), /goes up and down: each step overshoots the valley\. Lower η\./);
  const wide = await open(browser, "/#panel=loss-space&eta=100&range=20&w0=-15&b0=-15");
  const w = wide.page.locator("descent-demo");
  for (let i = 0; i < 6; i++) await w.getByRole("button", { name: "Step", exact: true }).click();
  assert.equal(await w.getAttribute("data-trend"), "plateau", "far out on the sigmoid's flat side");
  const out = await open(browser, "/#panel=loss-space&eta=100&w0=-2&b0=-2");
  const o = out.page.locator("descent-demo");
  for (let i = 0; i < 10 && (await o.getAttribute("data-diverged")) !== "true"; i++) await o.getByRole("button", { name: "Step", exact: true }).click();
  assert.match(await o.locator(".status").innerText(), /outside the map.*Press Reset, then lower η or widen the range/);
  assert.deepEqual([...errors, ...wide.errors, ...out.errors], []);
});

test("one language for the page, everywhere, keeping state and focus; numbers written for it", async () => {
  const { page, errors } = await open(browser, "/#lang=fr");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");
  assert.match(await page.locator("header p").innerText(), /Comment un neurone/);
  const loss = page.locator("#loss-space");
  const parabola = page.locator("#parabola");
  assert.equal(await parabola.getByRole("button", { name: "Pas", exact: true }).isVisible(), true, "both panels in French");
  await loss.getByRole("button", { name: "Pas", exact: true }).click();
  const text = await loss.locator("td[data-name=loss]").innerText();
  assert.match(text, /^0,\d+$/, `a French decimal comma: ${text}`);
  assert.match(await loss.locator(".formulas").innerText(), /0,\d/);
  assert.match(await loss.locator(".status").innerText(), /^Pas 1 : L = 0,/);
  // Turn the 3-D view and play, then switch the language from a panel's menu.
  await loss.getByLabel("vue").selectOption("3d");
  await loss.locator("canvas.surface").focus();
  await page.keyboard.press("ArrowLeft");
  const turned = await loss.locator("canvas.surface").evaluate((c) => c.toDataURL());
  await loss.getByRole("spinbutton", { name: "vitesse" }).fill("2");
  await loss.getByRole("spinbutton", { name: "vitesse" }).dispatchEvent("change");
  await loss.getByRole("button", { name: "Lecture" }).click();
  const select = loss.locator("select[name=lang]");
  await select.focus();
  await select.selectOption("ja");
  assert.equal(await loss.evaluate((el) => el.playing), true, "Play goes on");
  assert.equal(await loss.evaluate((el) => el.shadowRoot.activeElement?.name), "lang", "focus stays on the menu");
  assert.equal(await parabola.getByRole("button", { name: "1ステップ", exact: true }).isVisible(), true, "the other panel follows");
  assert.match(await page.locator("header p").innerText(), /ニューロン/);
  await loss.evaluate((el) => el.pause());
  await page.waitForTimeout(100);
  const step = Number(await loss.getAttribute("data-step"));
  assert.ok(step >= 1, "the state is kept");
  await loss.evaluate((el) => el.setAttribute("view", "3d"));
  assert.notEqual(await loss.locator("canvas.surface").evaluate((c) => c.toDataURL()), null);
  await page.screenshot({ path: path.join(SHOTS, "page-ja.png"), fullPage: true });
  await select.selectOption("en");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  assert.ok(turned);
  assert.deepEqual(errors, []);
});

test("formulas wrap instead of scrolling, at 360 px and in the example lesson at 1100 px, in every language", async () => {
  for (const [url, width] of [["/", 360], ["/embed-example.html", 1100], ["/#lang=fr", 360], ["/#lang=ja", 360]]) {
    const { page, errors, context } = await open(browser, url, { width, ready: !url.includes("embed") });
    await page.waitForFunction(() => [...document.querySelectorAll("descent-demo")].every((d) => d.dataset.step !== undefined));
    for (const demo of await page.locator("descent-demo").all()) {
      await demo.evaluate((el) => el.step());
      const over = await demo.evaluate((el) => [...el.shadowRoot.querySelectorAll(".formulas")].map((f) => f.scrollWidth - f.clientWidth));
      for (const o of over) assert.ok(o <= 1, `${url} at ${width}: formulas overflow by ${o} px`);
    }
    if (width === 360) await page.screenshot({ path: path.join(SHOTS, `formulas-360-${url.replace(/\W/g, "") || "en"}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("events say what happened: steps, resets and changes", async () => {
  const { page, errors } = await open(browser, "/#panel=parabola");
  const demo = page.locator("descent-demo");
  await demo.evaluate((el) => {
    window.seen = [];
    for (const t of ["descent-step", "descent-reset", "descent-change", "descent-diverge"]) el.addEventListener(t, (e) => window.seen.push([t, e.detail.name ?? e.detail.step]));
  });
  await demo.getByRole("spinbutton", { name: "η", exact: true }).fill("0.2");
  await demo.getByRole("spinbutton", { name: "η", exact: true }).dispatchEvent("change");
  await demo.getByRole("button", { name: "Step", exact: true }).click();
  await demo.getByRole("button", { name: "Reset" }).click();
  const seen = await page.evaluate(() => window.seen);
  assert.deepEqual(seen.map(([t, d]) => `${t}:${d}`), ["descent-change:eta", "descent-step:1", "descent-reset:0"]);
  const loaded = await open(browser, "/#panel=parabola&eta=1.1&steps=6");
  assert.equal(await loaded.page.locator("descent-demo").getAttribute("data-diverged"), "true");
  // Steps taken by Play are steps too: events as they are drawn, and the page's hash follows.
  for (const [url, speed] of [["/#panel=loss-space&eta=2", 20], ["/#panel=parabola&eta=0.1", 20]]) {
    const o = await open(browser, url);
    const d = o.page.locator("descent-demo");
    await d.evaluate((el, speed) => {
      el.setAttribute("speed", String(speed));
      window.steps = [];
      el.addEventListener("descent-step", (e) => window.steps.push(e.detail.step));
    }, speed);
    await d.getByRole("button", { name: "Play" }).click();
    await o.page.waitForFunction(() => window.steps.length >= 3 && window.steps.at(-1) >= 8, null, { timeout: 5000 });
    await d.getByRole("button", { name: "Pause" }).click();
    const steps = await o.page.evaluate(() => window.steps);
    assert.ok(steps.every((t, i) => i === 0 || t > steps[i - 1]), `steps rise: ${steps}`);
    const shown = Number(await d.getAttribute("data-step"));
    assert.equal(steps.at(-1), shown, "the last event has the step shown");
    await o.page.waitForFunction((t) => location.hash.includes(`steps=${t}`), shown, { timeout: 2000 });
    errors.push(...o.errors);
  }
  assert.deepEqual([...errors, ...loaded.errors], []);
});
