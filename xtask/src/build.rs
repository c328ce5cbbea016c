//! The release build: `cargo build --target wasm32-unknown-unknown --release`, the JS glue from
//! wasm-bindgen (linked as a library), and the static site assembled in `dist/` of cargo's target directory.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use wasm_bindgen_cli_support::Bindgen;

/// Build the wasm module and write the whole static site to `dist/` in cargo's target directory,
/// its JavaScript minified (with source maps beside it when `maps`).
pub fn dist(maps: bool) -> Result<PathBuf> {
    dist_as(maps, Mode::Site)
}

/// What `dist` builds: the site, or the site with a module that records which functions run
/// (`cargo xtask profile`).
#[derive(Clone, Copy, PartialEq)]
pub enum Mode {
    Site,
    Profile,
}

/// [`dist`], in either mode.
pub fn dist_as(maps: bool, mode: Mode) -> Result<PathBuf> {
    let root = crate::root();
    let target = crate::target_dir()?;
    let dist = target.join("dist");
    let wasm = build_wasm(&root, &target)?;
    let bytes = std::fs::read(&wasm).with_context(|| format!("read {}", wasm.display()))?;
    crate::linked::check(&bytes, wasm.starts_with(target.join("wasm-small")))?;
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
        // The names go after the split (xtask/src/split.rs), which needs them; DESCENT_KEEP_NAMES=1
        // keeps them, for profiling in Chromium's profiler.
        .remove_name_section(false)
        .remove_producers_section(true)
        // Every browser that runs the module has `TextEncoder.encodeInto`: no fallback for it in the glue.
        .encode_into(wasm_bindgen_cli_support::EncodeInto::Always)
        .generate(&pkg)
        .context("wasm-bindgen could not generate the glue")?;
    // The closure adapters and wakers that only the function table keeps (xtask/src/prune.rs).
    let module = pkg.join("descent_bg.wasm");
    let bytes = std::fs::read(&module).context("read the module wasm-bindgen wrote")?;
    let (pruned, _) = crate::prune::dead_table_entries(&bytes)?;
    let glue = pkg.join("descent.js");
    let js = std::fs::read_to_string(&glue).context("read the generated glue")?;
    // Short import and export names in both (xtask/src/names.rs).
    let (short, js) = crate::names::shorten(&pruned, &js)?;
    // The module in two parts after the first frame's profile (xtask/src/split.rs); the single
    // file keeps it whole. `cargo xtask profile` builds it instrumented instead.
    let keep_names = std::env::var_os("DESCENT_KEEP_NAMES").is_some();
    let unlzma = build_unlzma(&root, &target)?;
    let (first, second) = match mode {
        Mode::Site => {
            let profile = root.join(crate::profile::PROFILE);
            let text = std::fs::read_to_string(&profile).with_context(|| format!("read {}", profile.display()))?;
            let whole = crate::pack::strip(&short, keep_names)?;
            std::fs::write(&module, &whole).context("write the module")?;
            match crate::split::split(&short, &crate::profile::read(&text), keep_names)? {
                Some(parts) => {
                    println!("the module in two parts: {} functions come on the first interaction", parts.moved);
                    (parts.first, Some(parts.second))
                }
                None => (whole, None),
            }
        }
        Mode::Profile => {
            let (instrumented, hashes) = crate::profile::instrument(&short)?;
            std::fs::write(target.join("profile-functions.txt"), hashes.join("\n")).context("write the hashes")?;
            std::fs::write(&module, &instrumented).context("write the module")?;
            (instrumented, None)
        }
    };
    let js = crate::pack::glue(&js, mode == Mode::Profile)?;
    std::fs::write(pkg.join(crate::pack::DECODER), unlzma).context("write the decoder")?;
    std::fs::write(&glue, own_checks(&js)?).context("write the glue")?;
    // The single file starts from a copy of the site as written, with its own wasm-source.js and
    // styles.js, joined and minified the same way.
    let single = target.join("single-file");
    if single.exists() {
        std::fs::remove_dir_all(&single).with_context(|| format!("clear {}", single.display()))?;
    }
    copy_dir(&dist, &single)?;
    crate::standalone::prepare(&single)?;
    crate::bundle::site(&single)?;
    crate::minify::site(&single, false)?;
    crate::bundle::site(&dist)?;
    crate::minify::site(&dist, maps)?;
    no_early_wasm_script(&dist)?;
    preload(&dist)?;
    crate::standalone::write(&single, &dist)?;
    // The site's module: packed, in one or two parts. The first part as it is, outside the site,
    // for the bench's floor (a page that only compiles it).
    std::fs::remove_file(&module).context("remove the whole module from the site")?;
    std::fs::write(pkg.join(crate::pack::FIRST), crate::pack::pack(&first)?).context("write the first part")?;
    if let Some(second) = second {
        std::fs::write(pkg.join(crate::pack::SECOND), crate::pack::pack(&second)?).context("write the second part")?;
    }
    std::fs::write(target.join("first-part.wasm"), &first).context("write the first part for the bench")?;
    Ok(dist)
}

/// rustup does not add the targets of `rust-toolchain.toml` to a toolchain that is already
/// installed, so add the wasm target here when the sysroot lacks it.
pub fn ensure_wasm_target(root: &Path) -> Result<()> {
    if sysroot(root)?.join("lib/rustlib/wasm32-unknown-unknown").exists() {
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

/// The release module, with the standard library built for it (`-Z build-std`) so that a panic
/// aborts at once (`-C panic=immediate-abort`): no panic messages, no code that formats them, no
/// file names and lines. The page never sees a panic message anyway (a trap shows the Reload
/// notice), and the module is 8.5 KB gzip smaller (118.5 against 127.0 KB; BENCHMARKS.md).
/// These are unstable options of the stable toolchain, enabled for this build alone by
/// `RUSTC_BOOTSTRAP=1`, in a target directory of its own so the other builds keep their flags
/// (a `RUSTFLAGS` of the caller's is replaced for this build). They need the standard library's
/// source (rustup's `rust-src`, named in rust-toolchain.toml). If that build cannot be made (no
/// `rust-src` and no way to fetch it, or a toolchain that has renamed an option), the module is
/// built the ordinary way, with a warning: the same page, only heavier.
fn build_wasm(root: &Path, target: &Path) -> Result<PathBuf> {
    ensure_wasm_target(root)?;
    let small = target.join("wasm-small");
    if ensure_rust_src(root) {
        let status = cargo_wasm(root, "descent")
            .args(["-Z", "build-std=std,panic_abort", "--target-dir"])
            .arg(&small)
            .env("RUSTC_BOOTSTRAP", "1")
            // RUSTFLAGS replaces .cargo/config.toml's flags for the target: its flags (simd128, the
            // inlining threshold) are repeated here.
            .env(
                "RUSTFLAGS",
                "-C target-feature=+simd128 -C llvm-args=-inline-threshold=25 -Z unstable-options \
                 -C panic=immediate-abort -Z fmt-debug=none -Z location-detail=none",
            )
            .status()
            .context("run cargo build for wasm32")?;
        if status.success() {
            return Ok(small.join("wasm32-unknown-unknown/release/descent.wasm"));
        }
        eprintln!(
            "warning: the wasm build with its own standard library failed; building it the ordinary \
             way (the page is the same, the module ~8.5 KB gzip heavier)"
        );
    } else {
        eprintln!(
            "warning: rustup's rust-src component is missing and could not be added; the wasm module \
             is built the ordinary way (the page is the same, the module ~8.5 KB gzip heavier)"
        );
    }
    let status = cargo_wasm(root, "descent").status().context("run cargo build for wasm32")?;
    if !status.success() {
        bail!("the wasm build failed (is the wasm32-unknown-unknown target installed? rust-toolchain.toml asks rustup for it)");
    }
    Ok(target.join("wasm32-unknown-unknown/release/descent.wasm"))
}

/// `cargo build` of `package`'s library for wasm32, release.
fn cargo_wasm(root: &Path, package: &str) -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.current_dir(root).args(["build", "--lib", "--release", "--target", "wasm32-unknown-unknown", "-p", package]);
    c
}

/// The LZMA decoder the glue carries (the unlzma crate, built for wasm32), without its custom
/// sections.
fn build_unlzma(root: &Path, target: &Path) -> Result<Vec<u8>> {
    let status = cargo_wasm(root, "unlzma").status().context("run cargo build for unlzma")?;
    if !status.success() {
        bail!("the build of the LZMA decoder (unlzma) failed");
    }
    let bytes = std::fs::read(target.join("wasm32-unknown-unknown/release/unlzma.wasm")).context("read unlzma.wasm")?;
    crate::pack::strip(&bytes, false)
}

/// The toolchain's sysroot (`rustc --print sysroot`, as rust-toolchain.toml picks it).
fn sysroot(root: &Path) -> Result<PathBuf> {
    let out = Command::new("rustc").current_dir(root).args(["--print", "sysroot"]).output().context("run rustc")?;
    Ok(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
}

/// The standard library's source, which `-Z build-std` compiles: there, or added by rustup.
fn ensure_rust_src(root: &Path) -> bool {
    let Ok(sysroot) = sysroot(root) else { return false };
    let src = sysroot.join("lib/rustlib/src/rust/library");
    if src.exists() {
        return true;
    }
    println!("adding the standard library's source (rustup component add rust-src)");
    let added = Command::new("rustup").current_dir(root).args(["component", "add", "rust-src"]).status();
    matches!(added, Ok(s) if s.success()) && src.exists()
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

/// index.html runs wasm-source.js as a module of its own, as written (so `serve`'s modules start
/// the compile before the others load); in `dist` that module is in the bundle, whose evaluation
/// starts it, and the wasm's preload fetches its bytes from the start.
fn no_early_wasm_script(dist: &Path) -> Result<()> {
    let index = dist.join("index.html");
    let page = std::fs::read_to_string(&index).context("read index.html")?;
    let line = "<script type=\"module\" async src=\"wasm-source.js\"></script>\n";
    if !page.contains(line) {
        bail!("index.html no longer has `{}`: update build.rs", line.trim());
    }
    std::fs::write(&index, page.replace(line, "")).context("write index.html")
}

/// Modules the first frame does not need: loaded when first used, so not preloaded.
pub const LAZY: [&str; 2] = [crate::bundle::TOOLS.0, crate::bundle::LANGUAGES.0];

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
    links.push(format!("<link rel=\"preload\" href=\"pkg/{}\" as=\"fetch\" crossorigin>", crate::pack::FIRST));
    links.push(format!(
        "<link rel=\"preload\" href=\"pkg/{}\" as=\"fetch\" type=\"application/wasm\" crossorigin>",
        crate::pack::DECODER
    ));
    std::fs::write(&index, page.replace(line, &links.join("\n"))).context("write index.html")?;
    Ok(())
}

/// wasm-bindgen's glue passes `this.__wbg_ptr` to Rust without checking that `this` is an object
/// of the class: `CurvePanel.prototype.readout.call(lossPanel)` would hand Rust a pointer to the
/// wrong type (and `free.call(other)` would free it as the wrong type). Every read of the pointer
/// inside `export class X { … }` becomes `__own(this, X)`, which throws a `TypeError` unless `this`
/// is a live `X`.
pub fn own_checks(js: &str) -> Result<String> {
    const CHECK: &str = "function __own(o, K) {\n    if (!(o instanceof K)) throw new TypeError(`descent: this method belongs to ${K.name} objects`);\n    if (!o.__wbg_ptr) throw new TypeError(`descent: this ${K.name} was freed`);\n    return o.__wbg_ptr;\n}\n";
    let mut out = String::with_capacity(js.len() + 4096);
    let mut rest = js;
    let mut classes = 0;
    while let Some(i) = rest.find("export class ") {
        out.push_str(&rest[..i]);
        let name_end = rest[i + 13..]
            .find(|c: char| !c.is_alphanumeric() && c != '_')
            .map(|e| i + 13 + e)
            .context("a class name")?;
        let name = &rest[i + 13..name_end];
        // The class ends where the next top-level item starts.
        let body_end = rest[name_end..].find("\n}\n").map(|e| name_end + e + 3).context("the end of a class")?;
        let body = &rest[i..body_end];
        let mut patched = String::with_capacity(body.len());
        let mut b = body;
        while let Some(k) = b.find("this.__wbg_ptr") {
            patched.push_str(&b[..k]);
            let after = &b[k + 14..];
            if after.trim_start().starts_with('=') && !after.trim_start().starts_with("==") {
                patched.push_str("this.__wbg_ptr");
            } else {
                patched.push_str(&format!("__own(this, {name})"));
            }
            b = after;
        }
        patched.push_str(b);
        // `free` calls `this.__destroy_into_raw()`, which on an object of another class is that
        // class's own method: check the class first, or Rust would free it as the wrong type.
        let patched =
            patched.replace("this.__destroy_into_raw()", &format!("(__own(this, {name}), this.__destroy_into_raw())"));
        out.push_str(&patched);
        rest = &rest[body_end..];
        classes += 1;
    }
    out.push_str(rest);
    if classes == 0 {
        bail!("the glue has no `export class`: update own_checks for this wasm-bindgen version");
    }
    Ok(format!("{CHECK}{out}"))
}

#[cfg(test)]
mod tests {
    use super::own_checks;

    #[test]
    fn every_read_of_the_pointer_checks_the_class() {
        let js = "export class A {\n    __destroy_into_raw() {\n        const ptr = this.__wbg_ptr;\n        this.__wbg_ptr = 0;\n        return ptr;\n    }\n    f() {\n        return wasm.a_f(this.__wbg_ptr);\n    }\n}\nexport class B {\n    g() { wasm.b_g(this.__wbg_ptr); }\n}\n";
        let out = own_checks(js).unwrap();
        assert!(out.contains("const ptr = __own(this, A);"));
        assert!(out.contains("this.__wbg_ptr = 0;"), "assignments stay");
        assert!(out.contains("wasm.a_f(__own(this, A))"));
        assert!(out.contains("wasm.b_g(__own(this, B))"));
        let free =
            own_checks("export class C {\n    free() {\n        const ptr = this.__destroy_into_raw();\n    }\n}\n")
                .unwrap();
        assert!(free.contains("const ptr = (__own(this, C), this.__destroy_into_raw());"));
        assert!(out.starts_with("function __own(o, K)"));
    }
}
