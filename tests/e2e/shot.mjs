// Ad-hoc screenshots for looking at the page: node shot.mjs URL OUT.png [dpr] [width] [js]
import { chromium } from "playwright-core";
import { ARGS } from "./helpers-args.js";
const [url, out, dpr = "1", width = "1200", js = ""] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
const p = await (await b.newContext({ deviceScaleFactor: Number(dpr), viewport: { width: Number(width), height: 900 } })).newPage();
p.on("console", (m) => console.log("console", m.type(), m.text()));
await p.goto(url);
await p.waitForSelector("html[data-ready=true]");
if (js) await p.evaluate(js);
await p.waitForTimeout(300);
await p.screenshot({ path: out, fullPage: true });
await b.close();
