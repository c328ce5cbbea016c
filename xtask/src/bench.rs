//! `cargo xtask bench`: size, speed and memory of the release build in headless Chromium, with the
//! core's step loop timed natively (benches/sgd_native.rs) in the same run for the wasm/native
//! ratio. Prints a table with
//! each budget's PASS/FAIL (the command does not fail on them) and writes
//! `target/bench/results.json` and `target/bench/table.md`.

use anyhow::{Context, Result};
use serde_json::{json, Value};
use std::process::Command;

pub fn run() -> Result<()> {
    let root = crate::root();
    let chromium = crate::testing::need("chromium", "chromium", "CHROMIUM")?;
    crate::testing::need("node", "nodejs", "NODE")?;
    crate::testing::npm_ci_if_needed(&root)?;

    // The native step loop first, with nothing else running.
    let native = native_sgd_per_second(&root)?;
    let dist = crate::build::dist(false)?;
    let server = crate::server::Server::start(dist.clone(), 0)?;
    let floor = crate::server::Server::start(floor_pages()?, 0)?;
    println!("measuring in headless Chromium (about a minute)…");
    let stdout = crate::testing::stdout_of(
        crate::testing::e2e_script(&root, "bench.mjs", &chromium)
            .env("DESCENT_URL", server.url())
            .env("DESCENT_DIST", &dist)
            .env("DESCENT_FLOOR_URL", floor.url()),
        "the browser benchmark",
    )?;
    let mut r: Value = serde_json::from_slice(&stdout).context("read the benchmark's JSON")?;
    r["native"] = json!({ "sgdPerSecond": native });
    r["machine"] = json!(machine());
    let table = table(&r);
    println!("{table}");
    let dir = crate::target_dir()?.join("bench");
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("results.json"), serde_json::to_string_pretty(&r)?)?;
    std::fs::write(dir.join("table.md"), &table)?;
    println!("written to {} and {}", dir.join("results.json").display(), dir.join("table.md").display());
    Ok(())
}

/// Two pages that give the first frame's floor on this machine, served like the site: one that
/// runs one empty module, and one that only fetches and compiles the first part of the site's
/// wasm module, unpacked (the site fetches it packed and unpacks it first: xtask/src/split.rs).
fn floor_pages() -> Result<std::path::PathBuf> {
    let dir = crate::target_dir()?.join("bench/floor");
    std::fs::create_dir_all(&dir)?;
    let page = |script: &str| {
        format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>floor</title>\
             <script type=\"module\" src=\"{script}\"></script></head><body><p>floor</p></body></html>\n"
        )
    };
    const READY: &str = "performance.mark(\"descent-ready\"); document.documentElement.dataset.ready = \"true\";\n";
    std::fs::write(dir.join("empty.html"), page("empty.js"))?;
    std::fs::write(dir.join("empty.js"), READY)?;
    std::fs::write(dir.join("wasm.html"), page("wasm.js"))?;
    std::fs::write(
        dir.join("wasm.js"),
        format!("await WebAssembly.compileStreaming(fetch(\"descent_bg.wasm\"));\n{READY}"),
    )?;
    let first = crate::target_dir()?.join("first-part.wasm");
    std::fs::copy(&first, dir.join("descent_bg.wasm")).context("copy the wasm module's first part")?;
    Ok(dir)
}

/// SGD steps a second natively: `cargo bench --bench sgd_native` (release profile, as the wasm).
fn native_sgd_per_second(root: &std::path::Path) -> Result<f64> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(root)
        .args(["bench", "-q", "-p", "descent", "--bench", "sgd_native"])
        .output()
        .context("run cargo bench")?;
    if !out.status.success() {
        anyhow::bail!("cargo bench failed:\n{}", String::from_utf8_lossy(&out.stderr));
    }
    let v: Value = serde_json::from_slice(&out.stdout).context("read sgd_native's JSON")?;
    Ok(f(&v["sgdPerSecond"]))
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    let chromium = Command::new("chromium")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    format!("{cpu}, {cores} cores; {chromium}")
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "PASS"
    } else {
        "FAIL"
    }
}

/// The results as a markdown table, each figure beside its budget.
pub fn table(r: &Value) -> String {
    let kb = |b: f64| format!("{:.1} KB", b / 1000.0);
    let ms = |s: &Value| format!("{:.2} ms (p95 {:.2}, max {:.2})", f(&s["median"]), f(&s["p95"]), f(&s["max"]));
    let mut rows: Vec<[String; 3]> = Vec::new();
    let mut row = |what: &str, figure: String, budget: String| rows.push([what.into(), figure, budget]);
    if let Some(files) = r["payload"]["files"].as_array() {
        for file in files {
            row(
                &format!("payload {}", file["file"].as_str().unwrap_or("?")),
                format!(
                    "{} raw, {} gzip, {} brotli",
                    kb(f(&file["raw"])),
                    kb(f(&file["gzip"])),
                    kb(f(&file["brotli"]))
                ),
                String::new(),
            );
        }
    }
    let p = &r["payload"];
    let gz = f(&p["total"]["gzip"]);
    row(
        "payload of index.html (to the first frame + 2 s)",
        format!("{} raw, {} gzip, {} brotli", kb(f(&p["total"]["raw"])), kb(gz), kb(f(&p["total"]["brotli"]))),
        format!("≤ 90 KB gzip: {}", verdict(gz <= 90_000.0)),
    );
    let site = f(&p["site"]["gzip"]);
    row(
        "everything the site ships (lazy modules too; not the single file, not the lesson)",
        format!("{} gzip in {} files", kb(site), p["site"]["files"]),
        format!("≤ 150 KB gzip: {}", verdict(site <= 150_000.0)),
    );
    let single = f(&p["single"]["gzip"]);
    row(
        "single file",
        format!("{} raw, {} gzip, {} brotli", kb(f(&p["single"]["raw"])), kb(single), kb(f(&p["single"]["brotli"]))),
        format!("≤ 130 KB gzip: {}", verdict(single <= 130_000.0)),
    );
    let ff = f(&r["firstFrame"]["median"]);
    row(
        "first full frame (9 cold loads; no DevTools domain enabled on the page)",
        ms(&r["firstFrame"]),
        format!("≤ 150 ms median: {}", verdict(ff <= 150.0)),
    );
    row(
        "its floor here: a page running one empty module / a page only compiling the wasm module's first part, unpacked (9 cold loads each)",
        format!("{} / {}", ms(&r["floor"]["empty"]), ms(&r["floor"]["wasm"])),
        String::new(),
    );
    row(
        "the same first frame, each load driven by Playwright, as the tests are (its set-up of each page included)",
        ms(&r["firstFramePlaywright"]),
        String::new(),
    );
    for (key, name) in [("lossSpace", "step + redraw, loss space"), ("parabola", "step + redraw, y = x²")] {
        let m = f(&r["step"][key]["median"]);
        row(name, ms(&r["step"][key]), format!("≤ 2 ms median: {}", verdict(m <= 2.0)));
    }
    let race = f(&r["step"]["race19"]["median"]);
    row(
        "step + redraw, a race of 19 optimizers",
        ms(&r["step"]["race19"]),
        format!("≤ 4 ms median: {}", verdict(race <= 4.0)),
    );
    for dpr in [1, 2] {
        let s = &r[format!("recompute_dpr{dpr}")];
        let budget =
            if dpr == 2 { format!("≤ 8 ms median: {}", verdict(f(&s["median"]) <= 8.0)) } else { String::new() };
        row(&format!("map recompute + redraw 600×600, DPR {dpr}"), ms(s), budget);
    }
    let pl = &r["play"];
    row(
        &format!("Play (5 s, speed 60, {} runs)", pl["runs"]),
        format!("{:.1} fps, {} frames > 16.7 ms, {} > 20 ms", f(&pl["fps"]), pl["over16_7ms"], pl["over20ms"]),
        format!("≥ 59 fps, no frame over 20 ms: {}", verdict(f(&pl["fps"]) >= 59.0 && f(&pl["over20ms"]) == 0.0)),
    );
    let long = &r["playLong"];
    row(
        &format!("Play from step {} (3 s, the same 19 runs: long trails)", long["from"]),
        format!(
            "{} frames, {} > 20 ms (the longest {:.1} and {:.1} ms), {:.1} fps, to step {}",
            long["frames"],
            long["over20ms"],
            f(&long["longest"]),
            f(&long["second"]),
            f(&long["fps"]),
            long["steps"]
        ),
        String::new(),
    );
    row(
        "JS heap after 5 s of Play (live, after a full GC)",
        format!(
            "{:.1} MB ({:.1} MB before Play; {:.1} MB before the GC, uncollected garbage included; {:.1} MB/s of garbage made)",
            f(&pl["liveHeapMB"]),
            f(&pl["liveHeapBeforeMB"]),
            f(&pl["jsHeapMB"]),
            f(&pl["garbageMBps"])
        ),
        format!("≤ 8 MB: {}", verdict(f(&pl["liveHeapMB"]) <= 8.0)),
    );
    let g = &r["grid"];
    let grid_ratio = f(&g["jsMs"]) / f(&g["wasmMs"]);
    row(
        "600×600 loss grid + colours: wasm vs plain JS (into kept arrays, as the page)",
        format!(
            "{:.2} ms vs {:.2} ms: {:.2}× (a new array per call: {:.2} vs {:.2} ms, {:.2}×; max byte difference {})",
            f(&g["wasmMs"]),
            f(&g["jsMs"]),
            grid_ratio,
            f(&g["wasmFreshMs"]),
            f(&g["jsFreshMs"]),
            f(&g["jsFreshMs"]) / f(&g["wasmFreshMs"]),
            g["maxByteDifference"]
        ),
        format!("≥ 3×: {}", verdict(grid_ratio >= 3.0)),
    );
    let (wasm, native) = (f(&r["sgdPerSecond"]), f(&r["native"]["sgdPerSecond"]));
    row(
        "SGD steps a second, no drawing: wasm vs native",
        format!("{:.1} M/s vs {:.1} M/s: {:.2}×", wasm / 1e6, native / 1e6, wasm / native),
        format!("≥ 0.5×: {}", verdict(wasm / native >= 0.5)),
    );
    let m = &r["memory"];
    let growth = f(&m["wasmBytesAfter"]) - f(&m["wasmBytesBefore"]);
    let heap = f(&m["jsHeapAfter"]) - f(&m["jsHeapBefore"]);
    row(
        "memory growth over 10⁶ panel steps",
        format!(
            "wasm {:.0} KiB ({:.1} → {:.1} MiB), JS heap {:+.0} KiB; {:.2} M steps/s",
            growth / 1024.0,
            f(&m["wasmBytesBefore"]) / 1048576.0,
            f(&m["wasmBytesAfter"]) / 1048576.0,
            heap / 1024.0,
            f(&m["panelStepsPerSecond"]) / 1e6
        ),
        format!("≤ 1 MiB: {}", verdict(growth <= 1048576.0 && heap <= 1048576.0)),
    );
    let mut s =
        format!("Machine: {}\n\n| measure | figure | budget |\n|---|---|---|\n", r["machine"].as_str().unwrap_or("?"));
    for [a, b, c] in rows {
        s.push_str(&format!("| {a} | {b} | {c} |\n"));
    }
    s
}
