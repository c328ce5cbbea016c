//! `cargo xtask test`: every test, failing loudly when a needed program is missing.
//!
//! 1. native: `cargo test --workspace` (the core against the article's numbers, drawing on SVG);
//! 2. wasm: `cargo test --target wasm32-unknown-unknown` in headless Chromium via chromedriver,
//!    with this xtask as the runner (wasm-bindgen's test runner linked as a library);
//! 3. end to end: the release site served from `target/dist/`, driven by `node --test` with
//!    playwright-core and Debian's Chromium.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
];

pub fn all() -> Result<()> {
    let root = crate::root();
    let chromium = need("chromium", "chromium", "CHROMIUM")?;
    let chromedriver = need("chromedriver", "chromium-driver", "CHROMEDRIVER")?;
    need("node", "nodejs", "NODE")?;
    need("npm", "npm", "NPM")?;

    let target = crate::target_dir()?;

    println!("== formatting and lints (native and wasm32)");
    crate::build::ensure_wasm_target(&root)?;
    run(cargo(&root).args(["fmt", "--all", "--check"])).context("code is not formatted: run `cargo fmt --all`")?;
    run(cargo(&root).args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    // The crate and, as built for the page, the LZMA decoder (its tests run natively).
    for (package, targets) in [("descent", "--all-targets"), ("unlzma", "--lib")] {
        run(cargo(&root).args([
            "clippy",
            "-p",
            package,
            targets,
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ]))?;
    }

    println!("== native tests");
    run(cargo(&root).args(["test", "--workspace"]))?;

    println!("== wasm tests in headless Chromium");
    let webdriver_json = target.join("webdriver.json");
    std::fs::create_dir_all(&target)?;
    let args: Vec<&str> = CHROMIUM_ARGS.iter().map(|a| a.trim_start_matches("--")).collect();
    let caps = serde_json::json!({ "goog:chromeOptions": { "binary": chromium, "args": args } });
    std::fs::write(&webdriver_json, serde_json::to_string_pretty(&caps)?)?;
    let me = std::env::current_exe().context("find the xtask binary")?;
    run(cargo(&root)
        .args(["test", "-p", "descent", "--target", "wasm32-unknown-unknown", "--test", "web"])
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", format!("{} wasm-test-runner", me.display()))
        .env("CHROMEDRIVER", &chromedriver)
        .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &webdriver_json)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))?;

    println!("== end-to-end tests in headless Chromium");
    let dist = crate::build::dist(false)?;
    let e2e = root.join("tests/e2e");
    npm_ci_if_needed(&root)?;
    let server = crate::server::Server::start(dist.clone(), 0)?;
    run(Command::new("node")
        .current_dir(&e2e)
        .args(["--test", "--test-concurrency=1"])
        .env("DESCENT_URL", server.url())
        .env("DESCENT_DIST", &dist)
        .env("CHROMIUM", &chromium)
        .env("DESCENT_SHOTS", target.join("screenshots")))?;
    println!("== all tests passed");
    Ok(())
}

/// `npm ci` in tests/e2e when its packages are not installed yet.
pub fn npm_ci_if_needed(root: &Path) -> Result<()> {
    let e2e = root.join("tests/e2e");
    if !["playwright-core", "axe-core"].iter().all(|p| e2e.join("node_modules").join(p).exists()) {
        println!("installing the browser tests' npm packages (npm ci in tests/e2e)");
        run(Command::new("npm").current_dir(&e2e).args(["ci", "--no-audit", "--no-fund"]))?;
    }
    Ok(())
}

/// `node <script>` in tests/e2e with Chromium's path in `CHROMIUM` (the browser halves of `bench`
/// and `profile`); the caller adds the rest of the environment.
pub fn e2e_script(root: &Path, script: &str, chromium: &Path) -> Command {
    let mut c = Command::new("node");
    c.current_dir(root.join("tests/e2e")).arg(script).env("CHROMIUM", chromium);
    c
}

/// `cmd`'s standard output; if it fails, "`what` failed" with what it wrote to standard error.
pub fn stdout_of(cmd: &mut Command, what: &str) -> Result<Vec<u8>> {
    let output = cmd.output().with_context(|| format!("start {cmd:?}"))?;
    if !output.status.success() {
        bail!("{what} failed:\n{}", String::from_utf8_lossy(&output.stderr));
    }
    Ok(output.stdout)
}

fn cargo(root: &Path) -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.current_dir(root);
    c
}

fn run(cmd: &mut Command) -> Result<()> {
    let status = cmd.status().with_context(|| format!("start {cmd:?}"))?;
    if !status.success() {
        bail!("failed: {cmd:?} ({status})");
    }
    Ok(())
}

/// The path of a program, from `$ENV` or `PATH`, or an error naming the Debian package.
pub fn need(program: &str, package: &str, env: &str) -> Result<PathBuf> {
    if let Some(p) = std::env::var_os(env) {
        return Ok(PathBuf::from(p));
    }
    let found = std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).map(|d| d.join(program)).find(|p| p.is_file()))
        .unwrap_or(None);
    found.with_context(|| {
        format!("`{program}` is missing: install it with `apt-get install {package}` (or set {env} to its path)")
    })
}
