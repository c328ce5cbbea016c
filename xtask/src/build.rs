//! The release build: `cargo build --target wasm32-unknown-unknown --release`, the JS glue from
//! wasm-bindgen (linked as a library), and the static site assembled in `dist/` of cargo's target directory.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use wasm_bindgen_cli_support::Bindgen;

/// Build the wasm module and write the whole static site to `dist/` in cargo's target directory.
pub fn dist() -> Result<PathBuf> {
    let root = crate::root();
    let target = crate::target_dir()?;
    let dist = target.join("dist");
    let wasm = build_wasm(&root, &target)?;
    if dist.exists() {
        std::fs::remove_dir_all(&dist).with_context(|| format!("clear {}", dist.display()))?;
    }
    copy_dir(&root.join("www"), &dist)?;
    let pkg = dist.join("pkg");
    let mut bindgen = Bindgen::new();
    bindgen
        .input_path(&wasm)
        .web(true)?
        .omit_default_module_path(false)
        .typescript(false)
        // DESCENT_KEEP_NAMES=1 keeps function names, for profiling in Chromium's profiler.
        .remove_name_section(std::env::var_os("DESCENT_KEEP_NAMES").is_none())
        .remove_producers_section(true)
        .generate(&pkg)
        .context("wasm-bindgen could not generate the glue")?;
    preload(&dist)?;
    crate::standalone::write(&dist)?;
    Ok(dist)
}

/// rustup does not add the targets of `rust-toolchain.toml` to a toolchain that is already
/// installed, so add the wasm target here when the sysroot lacks it.
pub fn ensure_wasm_target(root: &Path) -> Result<()> {
    let out = Command::new("rustc").current_dir(root).args(["--print", "sysroot"]).output().context("run rustc")?;
    let sysroot = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    if sysroot.join("lib/rustlib/wasm32-unknown-unknown").exists() {
        return Ok(());
    }
    println!("adding the wasm32-unknown-unknown target (rustup target add)");
    let status = Command::new("rustup")
        .current_dir(root)
        .args(["target", "add", "wasm32-unknown-unknown"])
        .status()
        .context("the wasm32-unknown-unknown target is missing and rustup could not be run to add it")?;
    if !status.success() {
        bail!("`rustup target add wasm32-unknown-unknown` failed");
    }
    Ok(())
}

fn build_wasm(root: &Path, target: &Path) -> Result<PathBuf> {
    ensure_wasm_target(root)?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(root)
        .args(["build", "--lib", "--release", "--target", "wasm32-unknown-unknown", "-p", "descent"])
        .status()
        .context("run cargo build for wasm32")?;
    if !status.success() {
        bail!("the wasm build failed (is the wasm32-unknown-unknown target installed? rust-toolchain.toml asks rustup for it)");
    }
    Ok(target.join("wasm32-unknown-unknown/release/descent.wasm"))
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("read {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target).with_context(|| format!("copy to {}", target.display()))?;
        }
    }
    Ok(())
}

/// Modules the first frame does not need: loaded when first used, so not preloaded.
pub const LAZY: [&str; 4] = ["race.js", "export.js", "help.js", "share.js"];

/// Replace the `<!-- preload… -->` line of index.html with `<link rel="modulepreload">` for every
/// module the page imports and a preload of the wasm, so the browser fetches them all at once
/// instead of discovering them level by level of the import graph.
fn preload(dist: &Path) -> Result<()> {
    let index = dist.join("index.html");
    let page = std::fs::read_to_string(&index).context("read index.html")?;
    let Some(line) = page.lines().find(|l| l.trim_start().starts_with("<!-- preload")) else {
        bail!("index.html has no `<!-- preload -->` line for the module preloads");
    };
    let mut modules: Vec<String> = std::fs::read_dir(dist)?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| {
            n.ends_with(".js") && n != "main.js" && !n.starts_with("embed-example") && !LAZY.contains(&n.as_str())
        })
        .collect();
    modules.sort();
    modules.push("pkg/descent.js".into());
    let mut links: Vec<String> = modules.iter().map(|m| format!("<link rel=\"modulepreload\" href=\"{m}\">")).collect();
    links.push(
        "<link rel=\"preload\" href=\"pkg/descent_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>".into(),
    );
    links.push("<link rel=\"preload\" href=\"style.css\" as=\"fetch\" type=\"text/css\" crossorigin>".into());
    std::fs::write(&index, page.replace(line, &links.join("\n"))).context("write index.html")?;
    Ok(())
}
