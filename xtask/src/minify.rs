//! The site's JavaScript minified at build time with oxc (a Rust crate, so no Node at build
//! time): dead code dropped, expressions folded, local names mangled, comments and whitespace
//! gone. `serve` also writes a source map beside each module (with the original text inside), so
//! the browser's devtools show the code as written; `dist` ships none.

use anyhow::{bail, Context, Result};
use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions};
use oxc_minifier::{Minifier, MinifierOptions};
use oxc_parser::Parser;
use oxc_span::SourceType;
use std::path::{Path, PathBuf};

/// Minify every module of the site in `dist` (and `dist/pkg`), in place. The example lesson's
/// script stays as written: teachers read it to learn the element's API.
pub fn site(dist: &Path, maps: bool) -> Result<(usize, usize)> {
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in [dist.to_path_buf(), dist.join("pkg")] {
        for entry in std::fs::read_dir(&dir).with_context(|| format!("read {}", dir.display()))? {
            let path = entry?.path();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if name.ends_with(".js") && !name.starts_with("embed-example") {
                files.push(path);
            }
        }
    }
    files.sort();
    let (mut before, mut after) = (0, 0);
    for path in &files {
        let source = std::fs::read_to_string(path).with_context(|| format!("read {}", path.display()))?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let (code, map) = module(&source, &name, maps).with_context(|| format!("minify {}", path.display()))?;
        before += source.len();
        after += code.len();
        match map {
            Some(map) => {
                std::fs::write(path, format!("{code}\n//# sourceMappingURL={name}.map\n"))?;
                std::fs::write(path.with_file_name(format!("{name}.map")), map)?;
            }
            None => std::fs::write(path, code)?,
        }
    }
    Ok((before, after))
}

/// One ES module minified; with `map`, its source map as JSON (the original text included).
pub fn module(source: &str, name: &str, map: bool) -> Result<(String, Option<String>)> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, source, SourceType::mjs()).parse();
    if !parsed.diagnostics.is_empty() || parsed.panicked {
        let first = parsed.diagnostics.first().map(|d| d.to_string()).unwrap_or_else(|| "the parser gave up".into());
        bail!("{name} does not parse: {first}");
    }
    let mut program = parsed.program;
    let minified = Minifier::new(MinifierOptions::default()).minify(&allocator, &mut program);
    let options = CodegenOptions { source_map_path: map.then(|| PathBuf::from(name)), ..CodegenOptions::minify() };
    let out = Codegen::new().with_options(options).with_scoping(minified.scoping).build(&program);
    let json = out.map.map(|mut m| {
        m.set_file(name);
        m.set_sources([name]);
        m.set_source_contents(vec![Some(source)]);
        m.to_json_string()
    });
    Ok((out.code, json))
}

#[cfg(test)]
mod tests {
    use super::module;

    #[test]
    fn minifies_and_keeps_what_the_page_relies_on() {
        let src = "// a comment\nexport class LossPanel { #x = 1; get x() { return this.#x ?? 2; } }\nexport function longName(argument) { const local = argument?.value; return local + 1; }\nconst lazy = () => import(\"./race.js\");\nexport { lazy };\n";
        let (code, map) = module(src, "m.js", false).unwrap();
        assert!(code.len() < src.len(), "{code}");
        assert!(!code.contains("a comment"));
        assert!(code.contains("class LossPanel"), "exported names stay: {code}");
        assert!(code.contains("longName"), "exported names stay: {code}");
        assert!(!code.contains("local"), "local names are mangled: {code}");
        // The minifier writes the specifier in backticks; the single file's rewrite reads both.
        assert!(
            code.contains("import(`./race.js`)") || code.contains("import(\"./race.js\")"),
            "a literal dynamic import: {code}"
        );
        assert!(map.is_none());
        let (_, map) = module(src, "m.js", true).unwrap();
        let map = map.unwrap();
        assert!(map.contains("\"sources\":[\"m.js\"]") && map.contains("a comment"), "{map}");
    }

    #[test]
    fn a_syntax_error_stops_the_build() {
        assert!(module("export const = 1;", "bad.js", false).is_err());
    }
}
