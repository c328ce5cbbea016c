//! The site's modules joined into three files at `dist` (and `serve`): `descent-demo.js` with
//! every module it imports statically (but [`EXTERNAL`]), `tools.js` ([`TOOLS`]: help, sharing,
//! exports, race mode) and `i18n-more.js` ([`LANGUAGES`]: French and Japanese). gzip compresses
//! one file of ~26 KB better than eleven small ones (each starts with an empty dictionary).
//!
//! Each module keeps its own scope: its body runs inside an arrow function, in the order ES
//! modules evaluate (depth first, imports in source order), and returns the exports someone uses
//! as an array; its imports destructure that array by position (`const [h, , setText] = __ui;`),
//! so no export's name is written out but where a module outside imports it. Nothing is renamed,
//! so no name can clash (a name two modules of one bundle export is refused). A bundle exports
//! what the modules left outside import (and [`KEEP`]); their imports of the joined files are
//! pointed at it. The modules are ours, and written so this holds: no exported `let` that
//! changes later (an import here is a copy), no top-level `await`, no `export default` or
//! `export *`, no cycles; each is refused, not joined wrongly.

use anyhow::{bail, Context, Result};
use oxc_allocator::Allocator;
use oxc_ast::ast::{Declaration, ImportDeclarationSpecifier, ModuleDeclaration};
use oxc_parser::Parser;
use oxc_span::{GetSpan, SourceType};
use std::collections::HashSet;
use std::path::Path;

/// The bundle's entry, and the name of the file it replaces.
pub const ENTRY: &str = "descent-demo.js";

/// The module that stays a file of its own: the wasm-bindgen glue (the JS API that course pages
/// import). styles.js and wasm-source.js are joined too; the single file joins its own versions
/// of them (`standalone::prepare`). main.js, which reads the URL with
/// state.js, imports it from the bundle: the element is then defined before main.js arranges the
/// page, which it handles (an element not yet built ignores attribute changes and reads them
/// when it builds; one removed before it is built is never built).
pub const EXTERNAL: [&str; 1] = ["pkg/descent.js"];

/// A module's imports: `(source, [(imported, local)])`; `imported` is `*` for a namespace,
/// `default` for a default.
type Imports = Vec<(String, Vec<(String, String)>)>;

/// One module, parsed: its imports, its exports and its body with both taken out.
struct Module {
    name: String,
    imports: Imports,
    /// `(exported, local)`.
    exports: Vec<(String, String)>,
    body: String,
}

/// The module's file name for a relative specifier written in `from` (all our modules sit in one
/// folder, the glue in `pkg/`).
fn resolve(specifier: &str) -> Result<String> {
    match specifier.strip_prefix("./") {
        Some(name) if !name.contains("..") => Ok(name.to_string()),
        _ => bail!("import of {specifier:?}: only ./ specifiers are bundled"),
    }
}

fn parse(name: &str, source: &str) -> Result<Module> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, source, SourceType::mjs()).parse();
    if !parsed.diagnostics.is_empty() || parsed.panicked {
        let first = parsed.diagnostics.first().map(|d| d.to_string()).unwrap_or_else(|| "the parser gave up".into());
        bail!("{name} does not parse: {first}");
    }
    let mut imports = Vec::new();
    let mut exports = Vec::new();
    // Text edits: (start, end, replacement), in order.
    let mut edits: Vec<(u32, u32, String)> = Vec::new();
    for stmt in &parsed.program.body {
        let span = stmt.span();
        let Some(decl) = stmt.as_module_declaration() else { continue };
        match decl {
            ModuleDeclaration::ImportDeclaration(d) => {
                let source = resolve(&d.source.value)?;
                let mut names = Vec::new();
                for s in d.specifiers.iter().flatten() {
                    names.push(match s {
                        ImportDeclarationSpecifier::ImportSpecifier(s) => {
                            (s.imported.name().to_string(), s.local.name.to_string())
                        }
                        ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => {
                            ("default".to_string(), s.local.name.to_string())
                        }
                        ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => {
                            ("*".to_string(), s.local.name.to_string())
                        }
                    });
                }
                imports.push((source, names));
                edits.push((span.start, span.end, String::new()));
            }
            ModuleDeclaration::ExportDeclaration(d) => {
                match &d.declaration {
                    Declaration::VariableDeclaration(v) => {
                        if v.kind != oxc_ast::ast::VariableDeclarationKind::Const {
                            bail!("{name}: `export {}` is a live binding an import would copy; export a const or a function", v.kind.as_str());
                        }
                        for decl in &v.declarations {
                            let Some(id) = decl.id.get_binding_identifier() else {
                                bail!("{name}: an exported destructuring is not bundled");
                            };
                            exports.push((id.name.to_string(), id.name.to_string()));
                        }
                    }
                    other => {
                        let Some(id) = other.id() else { bail!("{name}: an export without a name") };
                        exports.push((id.name.to_string(), id.name.to_string()));
                    }
                }
                // `export ` goes; the declaration stays.
                edits.push((span.start, d.declaration.span().start, String::new()));
            }
            ModuleDeclaration::ExportNamedDeclaration(d) => {
                for s in &d.specifiers {
                    exports.push((s.exported.name().to_string(), s.local.name().to_string()));
                }
                edits.push((span.start, span.end, String::new()));
            }
            _ => bail!("{name}: `export default`, `export *` and `export … from` are not bundled"),
        }
    }
    let mut body = String::with_capacity(source.len());
    let mut at = 0;
    for (start, end, with) in edits {
        body.push_str(&source[at..start as usize]);
        body.push_str(&with);
        at = end as usize;
    }
    body.push_str(&source[at..]);
    Ok(Module { name: name.to_string(), imports, exports, body })
}

/// Names the end-to-end tests and the benchmark import from the bundle (the replay of recorded
/// figures; the state table's optimizer list and writer), kept exported though no module outside
/// imports them.
pub const KEEP: [&str; 3] = ["replay", "writeRuns", "OPTIMIZERS"];

/// The lazy modules joined the same way into `tools.js`: the help, sharing, exports and race
/// mode. One file for the four costs the reader of one of them ~2 KB more once, and the site
/// ~0.4 KB less.
pub const TOOLS: (&str, [&str; 4]) = ("tools.js", ["help.js", "share.js", "export.js", "race.js"]);

/// The static imports of a module outside the bundle (which may be another bundle).
fn imports_of(name: &str, source: &str) -> Result<Imports> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, source, SourceType::mjs()).parse();
    if !parsed.diagnostics.is_empty() || parsed.panicked {
        bail!("{name} does not parse");
    }
    let mut imports = Vec::new();
    for stmt in &parsed.program.body {
        if let Some(ModuleDeclaration::ImportDeclaration(d)) = stmt.as_module_declaration() {
            let names = d
                .specifiers
                .iter()
                .flatten()
                .map(|s| match s {
                    ImportDeclarationSpecifier::ImportSpecifier(s) => s.imported.name().to_string(),
                    ImportDeclarationSpecifier::ImportDefaultSpecifier(_) => "default".to_string(),
                    ImportDeclarationSpecifier::ImportNamespaceSpecifier(_) => "*".to_string(),
                })
                .map(|i| (i, String::new()))
                .collect();
            imports.push((resolve(&d.source.value)?, names));
        }
    }
    Ok(imports)
}

/// French and Japanese in one file: gzip finds the two tables' shared shape (the same keys, the
/// same templates), 1.4 KB less for the site; a reader who picks either language fetches both
/// (10 KB instead of 6, once, after the first frame).
pub const LANGUAGES: (&str, [&str; 2]) = ("i18n-more.js", ["i18n-fr.js", "i18n-ja.js"]);

/// Bundle the widget in `dist`: `descent-demo.js` with what it imports, then the lazy tools and
/// the other languages; the
/// files they took in are removed and the other modules' imports point at the bundles.
pub fn site(dist: &Path) -> Result<()> {
    join(dist, ENTRY, &[ENTRY], &EXTERNAL)?;
    let mut outside: Vec<&str> = EXTERNAL.to_vec();
    outside.push(ENTRY);
    join(dist, TOOLS.0, &TOOLS.1, &outside)?;
    join(dist, LANGUAGES.0, &LANGUAGES.1, &outside)
}

/// Join `roots` and the modules they import (not those in `external`) into `out` in `dist`, in
/// the order ES modules run in; the bundle exports every name they export. The files joined are
/// removed (but `out` itself, when it is a root) and every other module of `dist` imports from
/// `out` instead.
fn join(dist: &Path, out_name: &str, roots: &[&str], external: &[&str]) -> Result<()> {
    let read = |name: &str| std::fs::read_to_string(dist.join(name)).with_context(|| format!("read {name} in dist"));
    // Depth first from each root, each module after its imports.
    let mut order: Vec<Module> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for root in roots {
        if seen.iter().any(|s| s == root) {
            continue;
        }
        seen.push(root.to_string());
        let mut stack: Vec<(Module, usize)> = vec![(parse(root, &read(root)?)?, 0)];
        while let Some((module, next)) = stack.pop() {
            let pending = module.imports[next..]
                .iter()
                .position(|(s, _)| !external.contains(&s.as_str()) && !seen.contains(s))
                .map(|i| next + i);
            match pending {
                Some(i) => {
                    let dep = module.imports[i].0.clone();
                    if stack.iter().any(|(m, _)| m.name == dep) {
                        bail!("{} and {dep} import each other: not bundled", module.name);
                    }
                    seen.push(dep.clone());
                    let parsed = parse(&dep, &read(&dep)?)?;
                    stack.push((module, i + 1));
                    stack.push((parsed, 0));
                }
                None => order.push(module),
            }
        }
    }
    // The exports anyone uses: every export of a root (a page or a dynamic import may read any),
    // what the bundled modules import from each other, what the modules outside import from them
    // (all of a module imported dynamically from outside), and [`KEEP`]. The others are left out
    // of the module's returned object, so the minifier drops their code if nothing else uses it.
    let names: Vec<&str> = order.iter().map(|m| m.name.as_str()).collect();
    let mut used: HashSet<(String, String)> = HashSet::new();
    let mut all_of: HashSet<String> = roots.iter().map(|r| r.to_string()).collect();
    // The same, from outside the bundle only: what the bundle itself must export.
    let mut public: HashSet<(String, String)> = HashSet::new();
    let mut public_all: HashSet<String> = all_of.clone();
    for m in &order {
        for (source, imported) in &m.imports {
            for (i, _) in imported {
                if i == "*" {
                    all_of.insert(source.clone());
                } else {
                    used.insert((source.clone(), i.clone()));
                }
            }
        }
    }
    for entry in std::fs::read_dir(dist).context("list dist")? {
        let file = entry?.file_name().to_string_lossy().into_owned();
        if !file.ends_with(".js") || names.contains(&file.as_str()) || file.starts_with("embed-example") {
            continue;
        }
        let text = read(&file)?;
        for (source, imported) in imports_of(&file, &text)? {
            for (i, _) in imported {
                if i == "*" {
                    all_of.insert(source.clone());
                    public_all.insert(source.clone());
                } else {
                    used.insert((source.clone(), i.clone()));
                    public.insert((source.clone(), i));
                }
            }
        }
        for name in &names {
            if text.contains(&format!("import(\"./{name}\")")) {
                all_of.insert(name.to_string());
                public_all.insert(name.to_string());
            }
        }
    }
    let is_used = |module: &str, export: &str| {
        all_of.contains(module) || used.contains(&(module.to_string(), export.to_string())) || KEEP.contains(&export)
    };
    let is_public = |module: &str, export: &str| {
        public_all.contains(module)
            || public.contains(&(module.to_string(), export.to_string()))
            || KEEP.contains(&export)
    };
    let var = |name: &str| -> String {
        let stem: String =
            name.trim_end_matches(".js").chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
        format!("__{stem}")
    };
    let mut out =
        format!("// descent: {} in one file (cargo xtask dist; see xtask/src/bundle.rs).\n", roots.join(", "));
    for ext in external {
        if order.iter().any(|m| m.imports.iter().any(|(s, _)| s == ext)) {
            out.push_str(&format!("import * as {} from \"./{ext}\";\n", var(ext)));
        }
    }
    // A module returns its used exports as an array, and its importers destructure them by
    // position: no export's name is written out but where a module outside imports it.
    let slots: Vec<(String, Vec<(String, String)>)> = order
        .iter()
        .map(|m| (m.name.clone(), m.exports.iter().filter(|(e, _)| is_used(&m.name, e)).cloned().collect()))
        .collect();
    let slots_of = |module: &str| slots.iter().find(|(n, _)| n == module).map(|(_, s)| s);
    // `[a, , c]`: each of `names` (export, bound name) at its export's position in `module`.
    let pattern = |module: &str, names: &[(String, String)]| -> Result<String> {
        let Some(slots) = slots_of(module) else { bail!("{module} is not in the bundle") };
        let mut at = vec![String::new(); slots.len()];
        for (export, bound) in names {
            let Some(i) = slots.iter().position(|(e, _)| e == export) else {
                bail!("{module} does not export `{export}`");
            };
            at[i] = bound.clone();
        }
        while at.last().is_some_and(|s| s.is_empty()) {
            at.pop();
        }
        Ok(format!("[{}]", at.join(", ")))
    };
    let mut exported: Vec<(String, String)> = Vec::new();
    for m in &order {
        out.push_str(&format!("// ----- {} -----\nconst {} = (() => {{\n", m.name, var(&m.name)));
        for (source, names) in &m.imports {
            if external.contains(&source.as_str()) {
                for (imported, local) in names {
                    if imported == "*" {
                        out.push_str(&format!("const {local} = {};\n", var(source)));
                    }
                }
                let named: Vec<String> = names
                    .iter()
                    .filter(|(i, _)| i != "*")
                    .map(|(i, l)| if i == l { l.clone() } else { format!("{i}: {l}") })
                    .collect();
                if !named.is_empty() {
                    out.push_str(&format!("const {{ {} }} = {};\n", named.join(", "), var(source)));
                }
            } else if names.iter().any(|(i, _)| i == "*" || i == "default") {
                bail!("{} imports {source} whole or by default: not bundled", m.name);
            } else if !names.is_empty() {
                out.push_str(&format!("const {} = {};\n", pattern(source, names)?, var(source)));
            }
        }
        out.push_str(&m.body);
        let ret: Vec<&str> = slots_of(&m.name).into_iter().flatten().map(|(_, l)| l.as_str()).collect();
        out.push_str(&format!("\nreturn [{}];\n}})();\n", ret.join(", ")));
        for (e, _) in &m.exports {
            if let Some((_, other)) = exported.iter().find(|(n, _)| n == e) {
                bail!("{} and {other} both export `{e}`: the bundle exports every name once", m.name);
            }
            exported.push((e.clone(), m.name.clone()));
        }
        let public: Vec<(String, String)> =
            m.exports.iter().filter(|(e, _)| is_public(&m.name, e)).map(|(e, _)| (e.clone(), e.clone())).collect();
        if !public.is_empty() {
            out.push_str(&format!("export const {} = {};\n", pattern(&m.name, &public)?, var(&m.name)));
        }
    }
    let bundled: Vec<&str> = order.iter().map(|m| m.name.as_str()).filter(|n| *n != out_name).collect();
    for name in &bundled {
        std::fs::remove_file(dist.join(name)).with_context(|| format!("remove {name}"))?;
    }
    std::fs::write(dist.join(out_name), out).with_context(|| format!("write {out_name}"))?;
    // The modules left import the bundled files from the bundle.
    for entry in std::fs::read_dir(dist).context("list dist")? {
        let file = entry?.file_name().to_string_lossy().into_owned();
        if !file.ends_with(".js") || file == out_name {
            continue;
        }
        let mut text = read(&file)?;
        for name in &bundled {
            for (before, after) in [("from \"./", "\""), ("import(\"./", "\")")] {
                text = text.replace(&format!("{before}{name}{after}"), &format!("{before}{out_name}{after}"));
            }
            if text.contains(&format!("\"./{name}\"")) {
                bail!("{file} names ./{name} other than in an import: it is bundled into {out_name} now");
            }
        }
        std::fs::write(dist.join(&file), text).with_context(|| format!("write {file}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
