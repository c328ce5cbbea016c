//! `target/dist/descent-standalone.html`: the whole demo in one file that works when opened from
//! disk (file://), for course systems that take one uploaded file.
//!
//! Each ES module keeps its own scope: it is put in a `data:` URL and named in an import map
//! (`descent/ui.js` → `data:…`), and its relative imports are rewritten to those names, so neither
//! the wasm-bindgen glue's top-level names nor ours can clash with each other or with the page.
//!
//! The stylesheet, the modules and the wasm module travel as one LZMA stream, base64 in the
//! file's one classic script (`standalone_boot.js`, minified), which decodes it while the page is
//! parsed, puts the stylesheet in the page, writes the import map and imports main.js; the
//! single file's `wasm-source.js` takes the module's bytes from that script. LZMA, not gzip, because
//! its dictionary spans the whole site (the stylesheet, also a string in `styles.js`, is then
//! almost free) and its coder beats deflate's: the file is ~20 KB smaller once gzipped than with
//! the module zopfli-gzipped and the modules as text (BENCHMARKS.md). Browsers inflate only gzip
//! and deflate, so the file carries its decoder (~2 KB); the file opens ~15 ms later for it.

use anyhow::{bail, Context, Result};
use std::path::Path;

/// Put the single file's own `wasm-source.js` (the module's bytes from the page) and `styles.js`
/// (the rules as text) in `src`, a copy of the site made before `dist` joins the modules, so the
/// bundler joins these instead.
pub fn prepare(src: &Path) -> Result<()> {
    let css = crate::minify::css(&std::fs::read_to_string(src.join("style.css")).context("read style.css")?);
    std::fs::write(src.join("wasm-source.js"), WASM_SOURCE).context("write the single file's wasm-source.js")?;
    let styles = format!(
        "let sheet;\nexport function stylesheet() {{\n  if (!sheet) {{\n    sheet = new CSSStyleSheet();\n    sheet.replaceSync({});\n  }}\n  return Promise.resolve(sheet);\n}}\n",
        json_string(&css)
    );
    std::fs::write(src.join("styles.js"), styles).context("write the single file's styles.js")
}

/// Write `descent-standalone.html` into `dist` from `src`: the copy [`prepare`]d, then bundled and
/// minified like the site.
pub fn write(src: &Path, dist: &Path) -> Result<()> {
    let read = |p: &str| std::fs::read_to_string(src.join(p)).with_context(|| format!("read {p} for the single file"));
    let css = read("style.css")?;
    let wasm = std::fs::read(src.join("pkg/descent_bg.wasm")).context("read the wasm module")?;
    let mut modules: Vec<(String, String)> = Vec::new();
    for entry in std::fs::read_dir(src).context("list the single file's modules")? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with(".js") && !name.starts_with("embed-example") {
            modules.push((name.clone(), read(&name)?));
        }
    }
    modules.push(("pkg/descent.js".into(), read("pkg/descent.js")?));
    // The stylesheet first (the page's own rules), the modules, the wasm module last.
    let mut files = vec![("style.css".to_string(), css.into_bytes())];
    for (name, source) in &modules {
        files.push((name.clone(), rewrite_imports(name, source)?.into_bytes()));
    }
    files.push(("pkg/descent_bg.wasm".to_string(), wasm));
    let page = read("index.html")?;
    let head_links = [
        "<link rel=\"stylesheet\" href=\"style.css\">",
        "<script type=\"module\" src=\"main.js\"></script>",
        "<script type=\"module\" async src=\"wasm-source.js\"></script>",
    ];
    for l in head_links {
        if !page.contains(l) {
            bail!("index.html no longer has `{l}`: update the standalone build");
        }
    }
    let inlined = format!("<script id=\"descent-boot\">{}</script>", boot_script(&files)?);
    let page: String = page
        .lines()
        .filter(|l| !l.contains("rel=\"modulepreload\"") && !l.contains("rel=\"preload\""))
        .map(|l| format!("{l}\n"))
        .collect();
    let page = page.replace(head_links[0], "").replace(head_links[2], "").replace(head_links[1], &inlined);
    std::fs::write(dist.join("descent-standalone.html"), page).context("write descent-standalone.html")?;
    Ok(())
}

/// The single file's `wasm-source.js`: the module's bytes, which the single file's start script
/// (`standalone_boot.js`) decoded and left on itself.
const WASM_SOURCE: &str = r#"export function wasmSource() {
  return Promise.resolve(document.getElementById("descent-boot").wasm);
}
"#;

/// The script that starts the single file; `PACK`, `FILES` and `PROPS` are filled in by [`write`].
const BOOT: &str = include_str!("standalone_boot.js");

/// `bytes` as raw LZMA (no header, no end marker) with the literal context, literal position
/// and position bits `[lc, lp, pb]` that make it smallest among a few (wasm favours other
/// settings than text): the stream and those settings. Preset 9 otherwise, 1 MiB dictionary.
pub fn lzma(bytes: &[u8]) -> Result<(Vec<u8>, [u32; 3])> {
    let mut best: Option<(Vec<u8>, [u32; 3])> = None;
    for props in [[3, 0, 2], [4, 0, 0], [3, 0, 0], [2, 0, 0]] {
        let packed = lzma_with(bytes, props)?;
        if best.as_ref().is_none_or(|(b, _)| packed.len() < b.len()) {
            best = Some((packed, props));
        }
    }
    best.context("no LZMA settings tried")
}

/// `bytes` as raw LZMA with `[lc, lp, pb]`, preset 9, a 1 MiB dictionary.
fn lzma_with(bytes: &[u8], [lc, lp, pb]: [u32; 3]) -> Result<Vec<u8>> {
    use std::io::Write;
    let mut o = lzma_rust2::LzmaOptions::with_preset(9);
    (o.lc, o.lp, o.pb, o.nice_len, o.dict_size) = (lc, lp, pb, 273, 1 << 20);
    let mut w = lzma_rust2::LzmaWriter::new_no_header(Vec::new(), &o, false).context("start LZMA")?;
    w.write_all(bytes).context("LZMA")?;
    w.finish().context("finish LZMA")
}

/// The start script with the packed site in it: `files` (names and contents, in pack order).
fn boot_script(files: &[(String, Vec<u8>)]) -> Result<String> {
    let all: Vec<u8> = files.iter().flat_map(|(_, b)| b.iter().copied()).collect();
    let (packed, [lc, lp, pb]) = lzma(&all)?;
    let (min, _) = crate::minify::module(BOOT, "standalone_boot.js", false)?;
    let list: Vec<String> = files.iter().map(|(n, b)| format!("[{},{}]", json_string(n), b.len())).collect();
    let mut out = min;
    // The pack last: its base64 could hold the other two names by chance.
    for (name, value) in [
        ("FILES", format!("[{}]", list.join(","))),
        ("PROPS", format!("[{lc},{lp},{pb},{}]", all.len())),
        ("PACK", format!("\"{}\"", base64(&packed))),
    ] {
        if out.matches(name).count() != 1 {
            bail!("standalone_boot.js minified names `{name}` other than once: update the single file's build");
        }
        out = out.replacen(name, &value, 1);
    }
    Ok(out)
}

/// `from "./x.js"` / `import "./x.js"` → `"descent/x.js"`, relative to the module's folder.
fn rewrite_imports(name: &str, source: &str) -> Result<String> {
    let dir = name.rsplit_once('/').map_or("", |(d, _)| d);
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    // A specifier in double quotes, or in backticks (the minifier writes `import(`./x.js`)`).
    let next = |s: &str| [s.find("\"./"), s.find("`./")].into_iter().flatten().min();
    while let Some(i) = next(rest) {
        let quote = rest.as_bytes()[i] as char;
        let before = &rest[..i];
        let keyword = before.trim_end();
        let is_import = keyword.ends_with("from") || keyword.ends_with("import") || keyword.ends_with("import(");
        let end = rest[i + 1..].find(quote).map(|e| i + 1 + e).context("unterminated string")?;
        out.push_str(before);
        let target = &rest[i + 3..end];
        if is_import {
            let path = if dir.is_empty() { target.to_string() } else { format!("{dir}/{target}") };
            out.push_str(&format!("\"descent/{path}\""));
        } else {
            out.push_str(&rest[i..=end]);
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Standard base64 with padding (RFC 4648).
pub fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The start script's decoder gives back what the encoder packed: text, the wasm module's kind
    /// of bytes (here: pseudo-random with repeats), long matches and short ones, under several
    /// literal and position settings. Run by Node (the tests need it: `cargo xtask test` installs
    /// the e2e packages with it).
    #[test]
    fn the_start_scripts_decoder_inverts_the_encoder() {
        let mut data = BOOT.as_bytes().to_vec();
        let mut x: u32 = 2463534242;
        for i in 0..200_000u32 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            // Runs of one byte, copies from far back, and noise.
            data.push(match i % 7 {
                0 | 1 => (x % 4) as u8,
                2 => data[data.len() - 1 - (x as usize % data.len().min(70_000))],
                _ => x as u8,
            });
        }
        data.extend(std::iter::repeat_n(b'a', 5000));
        let dir = std::env::temp_dir().join(format!("descent-lzma-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("want.bin"), &data).unwrap();
        let body = &BOOT[BOOT.find("  function lzma(").unwrap()..BOOT.rfind("})();").unwrap()];
        for props in [[3, 0, 2], [4, 0, 0], [0, 2, 1], [8, 0, 4]] {
            std::fs::write(dir.join("packed.bin"), lzma_with(&data, props).unwrap()).unwrap();
            let [lc, lp, pb] = props;
            let js = format!(
                "const fs = require('fs');\n{body}\nconst want = fs.readFileSync({want:?});\nconst got = lzma(new Uint8Array(fs.readFileSync({packed:?})), {lc}, {lp}, {pb}, want.length);\nconsole.log(Buffer.compare(Buffer.from(got), want) === 0 ? 'same' : 'different');\n",
                want = dir.join("want.bin").to_string_lossy(),
                packed = dir.join("packed.bin").to_string_lossy(),
            );
            std::fs::write(dir.join("t.cjs"), js).unwrap();
            let out = std::process::Command::new("node").arg(dir.join("t.cjs")).output().expect("node runs");
            assert_eq!(
                String::from_utf8_lossy(&out.stdout).trim(),
                "same",
                "{props:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_start_script_takes_the_pack_once() {
        let files = vec![("style.css".to_string(), b"p{}".to_vec()), ("main.js".to_string(), b"1".to_vec())];
        let boot = boot_script(&files).unwrap();
        assert!(!boot.contains("PACK") && !boot.contains("FILES") && !boot.contains("PROPS"), "{boot}");
        assert!(boot.contains(r#"[["style.css",3],["main.js",1]]"#), "{boot}");
    }

    #[test]
    fn base64_matches_rfc4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn imports_become_names_in_the_map() {
        let src = "import init from \"./pkg/descent.js\";\nimport { h } from \"./ui.js\";\nimport \"./descent-demo.js\";\nconst u = new URL(\"./style.css\", import.meta.url);";
        let out = rewrite_imports("main.js", src).unwrap();
        assert!(out.contains("from \"descent/pkg/descent.js\""));
        assert!(out.contains("from \"descent/ui.js\""));
        assert!(out.contains("import \"descent/descent-demo.js\""));
        assert!(out.contains("new URL(\"./style.css\""), "a URL string is not an import");
        // As the minifier writes them: no spaces, dynamic imports in backticks.
        let out = rewrite_imports("m.js", "import{h as e}from\"./ui.js\";const t=()=>import(`./race.js`),n=`./x.js`;")
            .unwrap();
        assert!(out.contains("from\"descent/ui.js\"") && out.contains("import(\"descent/race.js\")"), "{out}");
        assert!(out.contains("n=`./x.js`"), "a template string is not an import: {out}");
    }
}
