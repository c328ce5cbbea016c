//! `cargo xtask`: build, serve, package and test descent.
//!
//! - `cargo xtask serve [--port N]`: release build + glue into `target/dist/`, served at
//!   http://127.0.0.1:8000 (or port N).
//! - `cargo xtask dist`: the static site in `target/dist/`.
//! - `cargo xtask test`: fmt and clippy, native tests, wasm tests in headless Chromium, end-to-end
//!   browser tests.
//! - `cargo xtask bench`: size, speed and memory budgets measured in headless Chromium.
//! - `cargo xtask profile`: record which wasm functions the first frame runs (`xtask/first-frame.txt`),
//!   for the module's split into two parts.
//! - `cargo xtask wasm-test-runner FILE …`: the runner cargo calls for the wasm target (internal).

mod bench;
mod build;
mod bundle;
mod linked;
mod minify;
mod names;
mod pack;
mod profile;
mod prune;
mod server;
mod split;
mod standalone;
mod testing;

use anyhow::{bail, Context, Result};
use std::path::PathBuf;

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let cmd = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();
    match cmd.as_str() {
        "dist" => {
            let dist = build::dist(false)?;
            println!("static site written to {}", dist.display());
            Ok(())
        }
        "serve" => {
            let port = parse_port(&rest)?;
            let dist = build::dist(true)?;
            let server = server::Server::start(dist, port)?;
            println!("descent is served at {}/  (Ctrl-C to stop)", server.url());
            server.wait();
            Ok(())
        }
        "test" => testing::all(),
        "bench" => bench::run(),
        "profile" => profile::run(),
        "wasm-test-runner" => {
            let mut runner_args = vec![std::ffi::OsString::from("wasm-bindgen-test-runner")];
            runner_args.extend(rest.into_iter().map(Into::into));
            wasm_bindgen_cli::wasm_bindgen_test_runner::run_cli_with_args(runner_args)
        }
        _ => {
            eprintln!(
                "usage: cargo xtask <command>\n\n  serve [--port N]  build and serve the demo (default port 8000)\n  dist              write the static site to target/dist/\n  test              run every test (native, wasm in Chromium, end to end)\n  bench             measure size, speed and memory in headless Chromium\n  profile           record which wasm functions the first frame runs (xtask/first-frame.txt)"
            );
            if cmd.is_empty() || cmd == "help" || cmd == "--help" {
                Ok(())
            } else {
                bail!("unknown command `{cmd}`")
            }
        }
    }
}

fn parse_port(args: &[String]) -> Result<u16> {
    match args {
        [] => Ok(8000),
        [flag, n] if flag == "--port" => {
            n.parse().with_context(|| format!("--port takes a number from 0 to 65535, not `{n}`"))
        }
        _ => bail!("serve takes only `--port N`, got {args:?}"),
    }
}

/// The workspace root (the parent of this crate's folder).
pub fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(PathBuf::from).unwrap_or(here)
}

/// Cargo's target directory, as cargo itself reports it (`CARGO_TARGET_DIR`, `build.target-dir`
/// in a config file, or `target/` in the workspace): never assumed.
pub fn target_dir() -> Result<PathBuf> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .current_dir(root())
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .output()
        .context("run cargo metadata")?;
    if !out.status.success() {
        bail!("cargo metadata failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).context("read cargo metadata's JSON")?;
    meta["target_directory"].as_str().map(PathBuf::from).context("cargo metadata names no target_directory")
}
