// Which wasm functions a cold load of index.html runs until its first frame and for the 2 s after
// it, for `cargo xtask profile` (which builds the module with a call at every function's entry,
// to the glue's `p.h`, and serves it): prints the functions' numbers, one a line.
import { chromium } from "playwright-core";
import { ARGS } from "./helpers-args.js";
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ARGS });
const seen = new Set();
// Two widths and both pixel ratios: what a phone and a desktop draw first.
for (const [width, dpr] of [[1200, 1], [1200, 2], [380, 2]]) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: dpr });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(new URL("/", process.env.DESCENT_URL).href);
  await page.waitForSelector("html[data-ready=true]");
  await page.waitForTimeout(2500);
  if (errors.length) throw new Error(`the page failed: ${errors.join("; ")}`);
  for (const i of await page.evaluate(() => [...(globalThis.__descentHits ?? [])])) seen.add(i);
  await context.close();
}
await browser.close();
if (seen.size === 0) throw new Error("no function was recorded: is the module instrumented?");
console.log([...seen].sort((a, b) => a - b).join("\n"));
