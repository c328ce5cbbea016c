//! The site's wasm module as it travels: packed with LZMA (~17 % smaller than gzip on it; browsers
//! inflate only gzip and deflate), unpacked in the page by a decoder of its own (the unlzma crate,
//! `pkg/unlzma.wasm`), and the glue's loaders for both parts of the module (xtask/src/split.rs):
//! `compilePacked` for the first part and `init()`'s default, `loadRest` and the synchronous
//! `__restSync` for the second (xtask/src/loader.js).

use anyhow::{bail, Context, Result};

/// The first part, packed, as the page and the glue fetch it.
pub const FIRST: &str = "descent_bg.lzma";
/// The second part, packed, as the glue fetches it beside the first part.
pub const SECOND: &str = "descent_bg2.lzma";

/// The glue's unpacking and the second part's loader (`compilePacked`, `loadRest`, and
/// `__restSync` for import `b.l`).
const LOADER: &str = include_str!("loader.js");

/// The glue's import object, after names.rs.
const IMPORTS: &str = "a: import0,";
/// The glue's default module, which becomes the packed first part.
const DEFAULT_PATH: &str = "module_or_path = new URL('descent_bg.wasm', import.meta.url);";

/// `text` with `what` replaced by `with`, which must be there once.
fn once(text: &str, what: &str, with: &str) -> Result<String> {
    if text.matches(what).count() != 1 {
        bail!("the glue has not `{what}` once: update xtask/src/pack.rs");
    }
    Ok(text.replacen(what, with, 1))
}

/// The decoder module the glue fetches beside itself (the unlzma crate).
pub const DECODER: &str = "unlzma.wasm";

/// The glue with the packed module's loaders (see [`LOADER`]): `init()` with no argument fetches
/// the packed first part, the import object gains `b.l`, and with `profile` also `p.h`, which
/// records each function's number (for [`crate::profile::instrument`]).
pub fn glue(js: &str, profile: bool) -> Result<String> {
    let hit = if profile { "\n        p: { h: (i) => (globalThis.__descentHits ??= new Set()).add(i) }," } else { "" };
    let js = once(js, IMPORTS, &format!("{IMPORTS}\n        b: {{ l: __restSync }},{hit}"))?;
    let js = once(&js, DEFAULT_PATH, &format!("module_or_path = compilePacked(new URL('{FIRST}', import.meta.url));"))?;
    Ok(format!("{js}{LOADER}"))
}

/// `bytes` packed for the glue's `unpack`: their size (u32), the LZMA settings
/// (`lc | lp << 4 | pb << 8`, u16), both little-endian, then the raw LZMA stream.
pub fn pack(bytes: &[u8]) -> Result<Vec<u8>> {
    let (stream, [lc, lp, pb]) = crate::standalone::lzma(bytes)?;
    let mut out = Vec::with_capacity(stream.len() + 6);
    out.extend_from_slice(&u32::try_from(bytes.len()).context("a module of 4 GB")?.to_le_bytes());
    out.extend_from_slice(&((lc | lp << 4 | pb << 8) as u16).to_le_bytes());
    out.extend_from_slice(&stream);
    Ok(out)
}

/// The module without its names (unless `keep_names`), as the single file carries it.
pub fn strip(bytes: &[u8], keep_names: bool) -> Result<Vec<u8>> {
    let mut m = crate::split::config(keep_names).parse(bytes).context("read the wasm module")?;
    m.customs.remove_raw("target_features");
    Ok(m.emit_wasm())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packed_module_unpacks_to_the_same_bytes() {
        let bytes: Vec<u8> = (0..60_000u32).map(|i| (i * i % 251) as u8 ^ (i / 1000) as u8).collect();
        let packed = pack(&bytes).unwrap();
        let size = u32::from_le_bytes(packed[..4].try_into().unwrap()) as usize;
        let settings = u32::from(u16::from_le_bytes(packed[4..6].try_into().unwrap()));
        assert_eq!(size, bytes.len());
        let mut out = vec![0; size];
        let mut probs = vec![0; unlzma::PROBS];
        unlzma::decode(&packed[6..], &mut out, settings & 15, (settings >> 4) & 15, (settings >> 8) & 15, &mut probs)
            .unwrap();
        assert!(out == bytes);
        assert!(packed.len() < bytes.len() / 2, "{} of {}", packed.len(), bytes.len());
    }

    #[test]
    fn the_glue_gains_the_loaders_and_the_packed_default() {
        let js = "function __wbg_get_imports() {\n    return {\n        __proto__: null,\n        a: import0,\n    };\n}\nif (module_or_path === undefined) {\n    module_or_path = new URL('descent_bg.wasm', import.meta.url);\n}\n";
        let out = glue(js, false).unwrap();
        assert!(out.contains("a: import0,\n        b: { l: __restSync },\n"), "{out}");
        assert!(out.contains("module_or_path = compilePacked(new URL('descent_bg.lzma', import.meta.url));"), "{out}");
        assert!(out.contains("new URL(\"unlzma.wasm\", import.meta.url)"), "the decoder beside the glue");
        assert!(!out.contains("__descentHits"));
        assert!(glue(js, true).unwrap().contains("p: { h: (i) => (globalThis.__descentHits"));
        assert!(glue("a: import0,", false).unwrap_err().to_string().contains("module_or_path"));
    }
}
