//! The site's JavaScript minified at build time with oxc (a Rust crate, so no Node at build
//! time): dead code dropped, expressions folded, local names mangled, comments and whitespace
//! gone. `serve` also writes a source map beside each module (with the original text inside), so
//! the browser's devtools show the code as written; `dist` ships none. The stylesheet loses its
//! comments and spare whitespace ([`css`]); `serve` keeps it as written.

use anyhow::{bail, Context, Result};
use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions};
use oxc_minifier::{Minifier, MinifierOptions};
use oxc_parser::Parser;
use oxc_span::SourceType;
use std::path::{Path, PathBuf};

/// The modules nearly all of whose functions run while the page loads (the bundle builds and
/// draws the panels). A file that starts with this comment is compiled whole by V8 (Chrome 136 and
/// later) on a background thread while it streams in, instead of function by function on the main
/// thread as each is first called: ~340 such compilations before the first frame. Other browsers
/// read a comment. BENCHMARKS.md has what it bought.
const EAGER: [&str; 1] = [crate::bundle::ENTRY];
const EAGER_HINT: &str = "//# allFunctionsCalledOnLoad\n";

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
    if !maps {
        let path = dist.join("style.css");
        let source = std::fs::read_to_string(&path).with_context(|| format!("read {}", path.display()))?;
        let code = css(&source);
        before += source.len();
        after += code.len();
        std::fs::write(&path, code)?;
    }
    for path in &files {
        let source = std::fs::read_to_string(path).with_context(|| format!("read {}", path.display()))?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let (mut code, map) = module(&source, &name, maps).with_context(|| format!("minify {}", path.display()))?;
        if EAGER.contains(&name.as_str()) {
            code.insert_str(0, EAGER_HINT);
        }
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

/// A stylesheet without its comments and spare whitespace: runs of whitespace become one space,
/// and none is kept beside `{`, `}`, `;` or `,`, after `:`, nor at either end. Strings are copied as they
/// are. Nothing else changes, so a space that means something (a descendant combinator before
/// `:hover`, the spaces of `calc(a - b)`) stays.
pub fn css(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    let mut space = false;
    let tight = |c: char| matches!(c, '{' | '}' | ';' | ',');
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut last = ' ';
            for d in chars.by_ref() {
                if last == '*' && d == '/' {
                    break;
                }
                last = d;
            }
            // A comment separates what it stands between (`1px/**/solid` is two values).
            space = true;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        // No space after a colon either: in a declaration or a media feature it means nothing,
        // and in a selector a pseudo-class follows its colon at once (the space before a colon,
        // a descendant combinator, stays).
        if space && !out.is_empty() && !tight(c) && !out.ends_with(tight) && !out.ends_with(':') {
            out.push(' ');
        }
        space = false;
        // `0.5` is `.5` where the 0 starts the number (not in `10.5`, `h0.5` or `x0.5`).
        if c == '0' && !out.ends_with(|p: char| p.is_ascii_alphanumeric() || matches!(p, '.' | '_' | '#' | '-' | '\\'))
        {
            let mut ahead = chars.clone();
            if ahead.next() == Some('.') && ahead.next().is_some_and(|d| d.is_ascii_digit()) {
                continue;
            }
        }
        out.push(c);
        if c == '"' || c == '\'' {
            while let Some(d) = chars.next() {
                out.push(d);
                if d == '\\' {
                    if let Some(e) = chars.next() {
                        out.push(e);
                    }
                } else if d == c {
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{css, module, site, EAGER_HINT};

    #[test]
    fn the_bundle_alone_asks_to_be_compiled_whole() {
        let dir = std::env::temp_dir().join(format!("descent-minify-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::write(dir.join("style.css"), "a { color: red; }").unwrap();
        std::fs::write(dir.join(crate::bundle::ENTRY), "export function f(a) { return a + 1; }\n").unwrap();
        std::fs::write(dir.join("tools.js"), "export function g(b) { return b * 2; }\n").unwrap();
        site(&dir, false).unwrap();
        let entry = std::fs::read_to_string(dir.join(crate::bundle::ENTRY)).unwrap();
        let tools = std::fs::read_to_string(dir.join("tools.js")).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(entry.starts_with(EAGER_HINT) && entry.contains("function f"), "{entry}");
        assert!(!tools.contains("allFunctionsCalledOnLoad"), "{tools}");
    }

    #[test]
    fn the_stylesheet_loses_comments_and_spare_space_only() {
        let src = "/* head */\n:host { display: block; }\n.a :hover,\n.b > .c { width: calc(100% - 2px); /* why */ }\n\
                   .q::before { content: \"/* kept */  two  spaces\"; font-family: 'A \\' B', sans-serif; }\n\
                   @media (max-width: 520px) { .f { grid-template-columns: 4.5em minmax(0, 1fr) 6.5em; } }\n";
        assert_eq!(
            css(src),
            ":host{display:block;}.a :hover,.b > .c{width:calc(100% - 2px);}\
             .q::before{content:\"/* kept */  two  spaces\";font-family:'A \\' B',sans-serif;}\
             @media (max-width:520px){.f{grid-template-columns:4.5em minmax(0,1fr) 6.5em;}}"
        );
        assert_eq!(css("a{}/* unclosed"), "a{}");
        assert_eq!(css("b { border: 1px/**/solid; }"), "b{border:1px solid;}");
        assert_eq!(
            css("a { margin: 0.2em 10.5px 0 0.0; opacity: .5; x: h0.5 #0.5 -0.5 0.5s; }"),
            "a{margin:.2em 10.5px 0 .0;opacity:.5;x:h0.5 #0.5 -0.5 .5s;}"
        );
    }

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
