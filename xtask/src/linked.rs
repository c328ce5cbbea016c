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

/// The function names of a wasm module's `name` section (subsection 1), in index order.
pub fn function_names(wasm: &[u8]) -> Result<Vec<String>> {
    let mut r = Reader { bytes: wasm, at: 8 };
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        bail!("not a wasm module");
    }
    while r.at < wasm.len() {
        let id = r.byte()?;
        let size = r.leb()? as usize;
        let end = r.at.checked_add(size).filter(|&e| e <= wasm.len());
        let Some(end) = end else { bail!("a section runs past the end of the module") };
        if id == 0 && r.string()? == "name" {
            while r.at < end {
                let sub = r.byte()?;
                let len = r.leb()? as usize;
                let sub_end = r.at + len;
                if sub == 1 {
                    let count = r.leb()?;
                    let mut names = Vec::new();
                    for _ in 0..count {
                        r.leb()?;
                        names.push(r.string()?);
                    }
                    return Ok(names);
                }
                r.at = sub_end;
            }
        }
        r.at = end;
    }
    Ok(Vec::new())
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8> {
        let Some(&b) = self.bytes.get(self.at) else { bail!("the module ends too soon") };
        self.at += 1;
        Ok(b)
    }

    fn leb(&mut self) -> Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        bail!("a number in the module is too long")
    }

    fn string(&mut self) -> Result<String> {
        let len = self.leb()? as usize;
        let Some(s) = self.bytes.get(self.at..self.at + len) else { bail!("a name runs past the end") };
        self.at += len;
        Ok(String::from_utf8_lossy(s).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with no code but a name section naming two functions.
    fn module(names: &[&str]) -> Vec<u8> {
        let mut sub = vec![names.len() as u8];
        for (i, n) in names.iter().enumerate() {
            sub.push(i as u8);
            sub.push(n.len() as u8);
            sub.extend_from_slice(n.as_bytes());
        }
        let mut custom = vec![4];
        custom.extend_from_slice(b"name");
        custom.push(1);
        custom.push(sub.len() as u8);
        custom.extend_from_slice(&sub);
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.push(0);
        m.push(custom.len() as u8);
        m.extend_from_slice(&custom);
        m
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
