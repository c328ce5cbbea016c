//! What the release module must not link: code the page never needs that a single line of Rust can
//! bring back (issue 13's bytes). The check reads the function names that cargo's module carries
//! in its `name` section (wasm-bindgen removes the section later), demangled.

use anyhow::{bail, Result};

/// Each entry: a part of a demangled function name, and why it must not be in the module.
const UNWANTED: &[(&str, &str)] = &[
    (
        "core::fmt::",
        "Rust's formatting (`format!`, `to_string`, a `Debug` in a vtable): write text with \
         `num::format` and `concat`",
    ),
    ("flt2dec", "Rust's float formatting (~20 KB): numbers are written by `num::format`"),
    ("float_to_decimal", "Rust's float formatting (~20 KB): numbers are written by `num::format`"),
    ("unicode_data::conversions", "Unicode case tables (`to_lowercase`): fold ASCII instead"),
    ("fmod", "libm's `fmod` (`f64 %`, with 128-bit division): use `num::rem`"),
];

/// An error naming the unwanted functions linked into `wasm` (the module as cargo built it), each
/// with the reason. `own_std` is false for the fallback build (no `-Z build-std`), whose standard
/// library formats panic messages: there `core::fmt` is expected and only the rest counts.
pub fn check(wasm: &[u8], own_std: bool) -> Result<()> {
    let names = function_names(wasm)?;
    if names.is_empty() {
        bail!("the module has no function names to check (was its name section stripped?)");
    }
    let names: Vec<String> = names.iter().map(|n| format!("{:#}", rustc_demangle::demangle(n))).collect();
    let mut found = Vec::new();
    for &(part, why) in UNWANTED {
        if !own_std && part == "core::fmt::" {
            continue;
        }
        let hits: Vec<&String> = names.iter().filter(|n| n.contains(part)).collect();
        if !hits.is_empty() {
            found.push(format!("- {why}; {} functions, among them:", hits.len()));
            found.extend(hits.iter().take(4).map(|n| format!("    {n}")));
        }
    }
    if !found.is_empty() {
        bail!("the wasm module links code it should not (see BENCHMARKS.md, issue 13):\n{}", found.join("\n"));
    }
    Ok(())
}

/// The function names of a wasm module's `name` section, read by walrus (what wasm-bindgen reads
/// modules with); functions without a name are left out.
pub fn function_names(wasm: &[u8]) -> Result<Vec<String>> {
    let module = walrus::Module::from_buffer(wasm)?;
    Ok(module.funcs.iter().filter_map(|f| f.name.clone()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module of empty functions with these names.
    fn module(names: &[&str]) -> Vec<u8> {
        let mut m = walrus::Module::default();
        for n in names {
            let mut f = walrus::FunctionBuilder::new(&mut m.types, &[], &[]);
            f.name((*n).to_string());
            let id = f.finish(vec![], &mut m.funcs);
            m.exports.add(n, id);
        }
        m.emit_wasm()
    }

    #[test]
    fn reads_the_names_and_finds_the_unwanted() {
        let clean = module(&["_ZN7descent3num6format17h0123456789abcdefE", "main"]);
        assert_eq!(function_names(&clean).unwrap()[1], "main");
        check(&clean, true).unwrap();
        let fmt = module(&["_ZN4core3fmt5write17h0123456789abcdefE"]);
        let e = check(&fmt, true).unwrap_err().to_string();
        assert!(e.contains("core::fmt::write"), "{e}");
        // The fallback build formats its panics: only the float formatting counts there.
        check(&fmt, false).unwrap();
        let float = module(&["_ZN4core3num7flt2dec8strategy5grisu17h0123456789abcdefE"]);
        assert!(check(&float, false).is_err());
        assert!(check(&module(&[]), true).is_err());
    }
}
