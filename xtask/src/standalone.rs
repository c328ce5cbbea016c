//! `target/dist/descent-standalone.html`: the whole demo in one file that works when opened from
//! disk (file://), for course systems that take one uploaded file.
//!
//! Each ES module keeps its own scope: it is put in a `data:` URL and named in an import map
//! (`descent/ui.js` → `data:…`), and its relative imports are rewritten to those names, so neither
//! the wasm-bindgen glue's top-level names nor ours can clash with each other or with the page.
//! The modules' text stays as it is in those URLs, percent-encoding only the few characters a URL
//! cannot carry, so the file's own gzip compresses it as text (base64 hid it: 30 KB more).
//! The CSS is inlined by replacing `styles.js` (which otherwise fetches style.css); the wasm
//! module sits once, gzip (made by zopfli) and then base64, in a non-executed
//! `<script id="descent-wasm">` that the replaced `wasm-source.js` decodes and inflates
//! (`DecompressionStream`): base64 of the plain module cost ~60 KB more once the file is gzipped,
//! as its bytes no longer line up.

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
    let mut imports = Vec::new();
    for (name, source) in &modules {
        let source = rewrite_imports(name, source)?;
        imports.push(format!(
            "\"descent/{name}\": {}",
            json_string(&format!("data:text/javascript,{}", url_text(&source)))
        ));
    }
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
    let inlined = format!(
        "<style>\n{css}</style>\n<script type=\"application/wasm;base64\" id=\"descent-wasm\">{}</script>\n<script type=\"importmap\">\n{{\"imports\": {{\n{}\n}}}}\n</script>\n<script type=\"module\">import \"descent/main.js\";</script>",
        base64(&gzip(&wasm)?),
        imports.join(",\n")
    );
    let page: String = page
        .lines()
        .filter(|l| !l.contains("rel=\"modulepreload\"") && !l.contains("rel=\"preload\""))
        .map(|l| format!("{l}\n"))
        .collect();
    let page = page.replace(head_links[0], "").replace(head_links[2], "").replace(head_links[1], &inlined);
    std::fs::write(dist.join("descent-standalone.html"), page).context("write descent-standalone.html")?;
    Ok(())
}

/// The single file's `wasm-source.js`: the module's bytes, inflated from the page (a promise, which
/// wasm-bindgen's `init` awaits), decoded once, from when the module is first imported.
const WASM_SOURCE: &str = r#"let bytes;
export function wasmSource() {
  bytes ??= (async () => {
    const s = atob(document.getElementById("descent-wasm").textContent.trim());
    const gz = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) gz[i] = s.charCodeAt(i);
    return new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  })();
  return bytes;
}
wasmSource().catch(() => {});
"#;

/// `bytes` in the gzip format, compressed by zopfli (its default 15 iterations): 4.8 KB smaller
/// than gzip -9 for the module (BENCHMARKS.md), for ~1.5 s of `dist`. The page inflates it with
/// the browser's own `DecompressionStream("gzip")`, as any gzip.
fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    zopfli::compress(zopfli::Options::default(), zopfli::Format::Gzip, bytes, &mut out)?;
    Ok(out)
}

/// `text` for the body of a `data:` URL: `%` and `#` (a fragment) and the control characters (tab,
/// newlines: the URL parser drops them) percent-encoded, the rest as it is. Leading and trailing
/// spaces, which the parser strips, are trimmed.
fn url_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '%' | '#' | '\u{0}'..='\u{1f}' | '\u{7f}' => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
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

    #[test]
    fn module_text_keeps_all_but_what_a_url_cannot_carry() {
        assert_eq!(url_text(" a%b#c\nd\te σ \r\n"), "a%25b%23c%0Ad%09e σ");
        assert_eq!(url_text("`x ${1}` / \"y\" ? 'z'"), "`x ${1}` / \"y\" ? 'z'");
    }

    #[test]
    fn gzip_round_trips() {
        use std::io::Read;
        let text = b"descent descent descent";
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&gzip(text).expect("gzip")[..]).read_to_end(&mut back).expect("gunzip");
        assert_eq!(back, text);
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
