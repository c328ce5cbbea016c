// Chromium driven over its DevTools pipe with no DevTools domain enabled on the page, for the
// benchmark's first-frame loads. Playwright attaches to every page and to the renderer each
// navigation starts, enables the Runtime, Page, Network and Log domains, adds a script world of its
// own and hears every event of the load in its Node process; on this machine its set-up delayed a
// cold load's first frame by ~20–25 ms in alternating loads (BENCHMARKS.md), time a reader's
// browser never spends. The browser is started with Playwright's own command line (read from
// /proc for the process Playwright launches: Linux, as the bench's machine), so both drive the
// same browser, and the page gets the same viewport through the same emulation.
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Playwright's command line for `args`, without its profile folder. */
async function playwrightCommandLine(executablePath, args) {
  const server = await chromium.launchServer({ executablePath, args });
  try {
    const line = readFileSync(`/proc/${server.process().pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    return line.slice(1).filter((a) => !a.startsWith("--user-data-dir="));
  } finally {
    await server.close();
  }
}

export async function launchRaw(executablePath, args) {
  const line = await playwrightCommandLine(executablePath, args);
  if (!line.includes("--remote-debugging-pipe")) throw new Error("Playwright's command line has no --remote-debugging-pipe");
  const profile = mkdtempSync(path.join(os.tmpdir(), "descent-raw-"));
  const proc = spawn(executablePath, [...line, `--user-data-dir=${profile}`], { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] });
  const [toBrowser, fromBrowser] = [proc.stdio[3], proc.stdio[4]];
  const waiting = new Map();
  let id = 0;
  let pending = "";
  fromBrowser.setEncoding("utf8"); // a character split between two chunks stays whole
  // A write after the browser has gone fails its command (below), not the bench.
  toBrowser.on("error", () => {});
  fromBrowser.on("data", (chunk) => {
    pending += chunk;
    for (let end = pending.indexOf("\0"); end >= 0; end = pending.indexOf("\0")) {
      const message = JSON.parse(pending.slice(0, end));
      pending = pending.slice(end + 1);
      const w = waiting.get(message.id);
      if (!w) continue;
      waiting.delete(message.id);
      if (message.error) w.reject(new Error(`${w.method}: ${message.error.message}`));
      else w.resolve(message.result);
    }
  });
  // A browser that exits fails what waits for it, rather than leaving the bench hanging.
  proc.once("exit", (code, signal) => {
    for (const w of waiting.values()) w.reject(new Error(`${w.method}: Chromium exited (${code ?? signal})`));
    waiting.clear();
  });
  const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    if (proc.exitCode !== null) return reject(new Error(`${method}: Chromium has exited`));
    id += 1;
    waiting.set(id, { resolve, reject, method });
    toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + "\0");
  });
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  await send("Browser.getVersion");
  return {
    /** The `name` mark's time in a cold load of `url` (a new browser context), or an error after 30 s. */
    async mark(url, name, { width = 1200, height = 1000 } = {}) {
      const { browserContextId } = await send("Target.createBrowserContext");
      try {
        const { targetId } = await send("Target.createTarget", { url: "about:blank", browserContextId });
        const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
        await send("Emulation.setDeviceMetricsOverride", { width, height, deviceScaleFactor: 1, mobile: false }, sessionId);
        await send("Page.navigate", { url }, sessionId);
        // Asked after half a second (a load here takes 150–300 ms), then ten times a second: each
        // a one-line evaluation in the page, after the mark unless the load is slow.
        const expression = `performance.getEntriesByName(${JSON.stringify(name)})[0]?.startTime ?? null`;
        await sleep(400);
        for (let waited = 400; waited < 30000; waited += 100) {
          await sleep(100);
          const { result } = await send("Runtime.evaluate", { expression, returnByValue: true }, sessionId);
          if (typeof result.value === "number") return result.value;
        }
        throw new Error(`no ${name} mark in ${url} after 30 s`);
      } finally {
        await send("Target.disposeBrowserContext", { browserContextId });
      }
    },
    async close() {
      await send("Browser.close").catch(() => {});
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once("exit", r)));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
