// Shared set-up for the end-to-end tests: Debian's Chromium through playwright-core, the page
// served by `cargo xtask test` (DESCENT_URL), console errors collected, screenshots saved.
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const BASE = process.env.DESCENT_URL;
if (!BASE) throw new Error("DESCENT_URL is not set: run the browser tests with `cargo xtask test`");

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "../..");
export const SHOTS = process.env.DESCENT_SHOTS ?? path.join(ROOT, "target/screenshots");
mkdirSync(SHOTS, { recursive: true });

import { ARGS } from "./helpers-args.js";
export { ARGS };

export function reference() {
  return JSON.parse(readFileSync(path.join(ROOT, "tests/reference/seed.json"), "utf8"));
}
export function extraReference() {
  return JSON.parse(readFileSync(path.join(ROOT, "tests/reference/extra.json"), "utf8"));
}

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ARGS, headless: true });
}

/**
 * A page at `url` (relative to the served site) with `errors` collecting console errors, page
 * errors and failed requests; waits for the page's `data-ready`.
 */
export async function open(browser, url = "/", { dpr = 1, width = 1200, height = 1000, ready = true } = {}) {
  const context = await browser.newContext({ deviceScaleFactor: dpr, viewport: { width, height } });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => errors.push(`requestfailed: ${r.url()}`));
  page.on("request", (r) => { if (!r.url().startsWith(BASE) && !r.url().startsWith("data:") && !r.url().startsWith("file:")) errors.push(`external request: ${r.url()}`); });
  await page.goto(new URL(url, BASE).href);
  if (ready) await page.waitForSelector("html[data-ready=true]", { timeout: 15000 });
  return { page, errors, context };
}

/** Relative closeness: |a − b| ≤ 1e-12·max(|a|, |b|), or ≤ 1e-15 near zero. */
export function close(a, b) {
  return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)) || Math.abs(a - b) <= 1e-15;
}

/** RGBA of a device pixel of a canvas. */
export async function pixel(page, selector, x, y) {
  return page.$eval(selector, (c, [x, y]) => Array.from(c.getContext("2d").getImageData(Math.round(x), Math.round(y), 1, 1).data), [x, y]);
}

/** How many distinct colours a canvas has (a blank canvas has one). */
export async function colourCount(page, selector) {
  return page.$eval(selector, (c) => {
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4 * 7) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  });
}
