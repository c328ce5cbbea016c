//! `cargo xtask profile`: record which wasm functions the first frame runs, for the split of the
//! module into two parts (xtask/src/split.rs). The site is built with a call at every function's
//! entry, served, and loaded cold in headless Chromium (tests/e2e/first-frame.mjs); the hashes of
//! the functions that ran are written to `xtask/first-frame.txt`. Run it again when the code the
//! first frame runs changes: a function the profile does not know goes to the second part, and
//! the bench's payload shows it.

use anyhow::{Context, Result};
use std::collections::HashSet;
use walrus::ir::Value;
use walrus::{FunctionId, Module, ValType};

pub fn run() -> Result<()> {
    let root = crate::root();
    let chromium = crate::testing::need("chromium", "chromium", "CHROMIUM")?;
    crate::testing::need("node", "nodejs", "NODE")?;
    crate::testing::npm_ci_if_needed(&root)?;
    let dist = crate::build::dist_as(false, crate::build::Mode::Profile)?;
    let target = crate::target_dir()?;
    let hashes = std::fs::read_to_string(target.join("profile-functions.txt")).context("read the functions' hashes")?;
    let hashes: Vec<&str> = hashes.lines().collect();
    let server = crate::server::Server::start(dist, 0)?;
    println!("loading the page in headless Chromium…");
    let stdout = crate::testing::stdout_of(
        crate::testing::e2e_script(&root, "first-frame.mjs", &chromium).env("DESCENT_URL", server.url()),
        "recording the first frame",
    )?;
    let mut hot: Vec<&str> = Vec::new();
    for line in String::from_utf8_lossy(&stdout).lines() {
        let i: usize = line.trim().parse().with_context(|| format!("a function number, not `{line}`"))?;
        hot.push(hashes.get(i).with_context(|| format!("function {i} of {}", hashes.len()))?);
    }
    hot.retain(|h| !h.is_empty());
    hot.sort_unstable();
    hot.dedup();
    let text = format!(
        "# The wasm functions a cold load of index.html runs until its first frame and for 2 s after it\n\
         # (hashes of their names: xtask/src/profile.rs), written by `cargo xtask profile`: {} of {}.\n{}\n",
        hot.len(),
        hashes.len(),
        hot.join("\n")
    );
    std::fs::write(root.join(PROFILE), text).context("write the profile")?;
    println!("{} of {} functions run before the first frame: {} written", hot.len(), hashes.len(), PROFILE);
    Ok(())
}

/// The profile, from the workspace root.
pub const PROFILE: &str = "xtask/first-frame.txt";

/// A function's name without rustc's crate disambiguators (`descent[a2fcc71316146295]::x` →
/// `descent::x`): the same function on every machine that builds the same source.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(i) = rest.find('[') {
        let hex =
            rest[i + 1..].find(']').filter(|&n| n > 0 && rest[i + 1..i + 1 + n].bytes().all(|b| b.is_ascii_hexdigit()));
        out.push_str(&rest[..i]);
        match hex {
            Some(n) => rest = &rest[i + n + 2..],
            None => {
                out.push('[');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// FNV-1a of a function's key, as the profile stores it (16 hex digits).
pub fn hash(name: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in key(name).bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// The profile's hashes (one a line; `#` starts a comment).
pub fn read(text: &str) -> HashSet<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string).collect()
}

/// The module with a call of the import `"p" "h"` with the function's number at the entry of
/// every function, for `cargo xtask profile`; and each number's hash.
pub fn instrument(bytes: &[u8]) -> Result<(Vec<u8>, Vec<String>)> {
    let mut m = Module::from_buffer(bytes).context("read the wasm module")?;
    let ty = m.types.add(&[ValType::I32], &[]);
    let (hit, _) = m.add_import_func("p", "h", ty);
    let ids: Vec<FunctionId> = m.funcs.iter_local().map(|(id, _)| id).collect();
    let mut hashes = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        // A function without a name (one the build added) always stays in the first part.
        hashes.push(m.funcs.get(*id).name.as_deref().map(hash).unwrap_or_default());
        let f = m.funcs.get_mut(*id).kind.unwrap_local_mut();
        let mut b = f.builder_mut().func_body();
        b.const_at(0, Value::I32(i as i32));
        b.call_at(1, hit);
    }
    Ok((m.emit_wasm(), hashes))
}
