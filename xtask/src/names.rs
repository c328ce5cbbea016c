//! Short names for what the module imports and exports, in the module and in wasm-bindgen's glue.
//!
//! wasm-bindgen names each import after its Rust binding with a 16-digit hash
//! (`__wbg_instanceof_Float64Array_4acace5b49aaf791`, in a module `"./descent_bg.js"`) and each
//! export after its Rust path (`losspanel_heatmapVersion`). Each name is written twice, in the
//! module and in the glue, and the hashes do not compress: ~1 KB of the module's gzip. Here every
//! import becomes `a.a`, `a.b`, … and every export but `memory` (which `init()`'s result hands to
//! scripts) `a`, `b`, …, in both files. The glue names an import once, as a key of its import
//! object, and an export only as `wasm.name`; anything else (a name missing, or found twice) stops
//! the build, so a new wasm-bindgen that writes its glue differently is noticed, not broken.

use anyhow::{bail, Context, Result};

/// The module the glue's import object names.
const GLUE_MODULE: &str = "./descent_bg.js";

/// `i` as a short identifier: `a` … `z`, `A` … `Z`, `ba`, `bb`, …
fn short(mut i: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut s = Vec::new();
    loop {
        s.push(LETTERS[i % 52]);
        i /= 52;
        if i == 0 {
            break;
        }
    }
    s.reverse();
    String::from_utf8(s).expect("ASCII letters")
}

fn ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// `text` with every `before + old` that is a whole word (no identifier character after it, and
/// none before `before`) replaced by `before + new`; and how many there were.
fn replace_word(text: &str, before: &str, old: &str, new: &str) -> (String, usize) {
    let pattern = format!("{before}{old}");
    let mut out = String::with_capacity(text.len());
    let (mut rest, mut count) = (text, 0);
    while let Some(i) = rest.find(&pattern) {
        let end = i + pattern.len();
        let starts = !rest[..i].chars().next_back().is_some_and(ident);
        let ends = !rest[end..].chars().next().is_some_and(ident);
        out.push_str(&rest[..i]);
        if starts && ends {
            out.push_str(before);
            out.push_str(new);
            count += 1;
        } else {
            out.push_str(&pattern);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    (out, count)
}

/// The module and its glue with short import and export names (see the module's doc).
pub fn shorten(module: &[u8], glue: &str) -> Result<(Vec<u8>, String)> {
    // No `producers` section: walrus would write one naming itself (39 bytes no one reads).
    let mut m =
        walrus::ModuleConfig::new().generate_producers_section(false).parse(module).context("read the wasm module")?;
    let mut js = glue.to_string();
    let key = format!("\"{GLUE_MODULE}\":");
    if js.matches(&key).count() != 1 {
        bail!("the glue names `{GLUE_MODULE}` other than once as a key: update xtask/src/names.rs");
    }
    js = js.replacen(&key, "a:", 1);
    for (i, import) in m.imports.iter_mut().enumerate() {
        if import.module != GLUE_MODULE {
            bail!(
                "the module imports `{}` from `{}`, not from the glue: update xtask/src/names.rs",
                import.name,
                import.module
            );
        }
        let name = short(i);
        let (out, n) = replace_word(&js, "", &format!("{}:", import.name), &format!("{name}:"));
        if n != 1 {
            bail!("the glue's import object has `{}` {n} times, not once: update xtask/src/names.rs", import.name);
        }
        js = out;
        import.module = "a".into();
        import.name = name;
    }
    let mut next = 0;
    for export in m.exports.iter_mut() {
        if export.name == "memory" {
            continue;
        }
        let name = short(next);
        next += 1;
        js = replace_word(&js, "wasm.", &export.name, &name).0;
        export.name = name;
    }
    Ok((m.emit_wasm(), js))
}

#[cfg(test)]
mod tests {
    use super::*;
    use walrus::{FunctionBuilder, Module, ModuleConfig, ValType};

    fn module() -> Vec<u8> {
        let mut m = Module::with_config(ModuleConfig::new());
        let ty = m.types.add(&[ValType::I32], &[ValType::I32]);
        let (get, _) = m.add_import_func(GLUE_MODULE, "__wbg_get_0123456789abcdef", ty);
        let (set, _) = m.add_import_func(GLUE_MODULE, "__wbg_getter_fedcba9876543210", ty);
        let mut f = FunctionBuilder::new(&mut m.types, &[ValType::I32], &[ValType::I32]);
        let x = m.locals.add(ValType::I32);
        f.func_body().local_get(x).call(get).call(set);
        let id = f.finish(vec![x], &mut m.funcs);
        m.exports.add("losspanel_step", id);
        m.exports.add("losspanel_step_back", id);
        let mem = m.memories.add_local(false, false, 1, None, None);
        m.exports.add("memory", mem);
        m.emit_wasm()
    }

    const GLUE: &str = "function imports() {\n  const import0 = {\n    __wbg_get_0123456789abcdef: function(a) { return a; },\n    __wbg_getter_fedcba9876543210: function(a) { return a; },\n  };\n  return { \"./descent_bg.js\": import0 };\n}\nwasm.losspanel_step(1); wasm.losspanel_step_back(2); wasm.memory.buffer; mywasm.losspanel_step;\n";

    #[test]
    fn imports_and_exports_get_short_names_in_both_files() {
        let (bytes, js) = shorten(&module(), GLUE).unwrap();
        let m = Module::from_buffer(&bytes).unwrap();
        let imports: Vec<(String, String)> = m.imports.iter().map(|i| (i.module.clone(), i.name.clone())).collect();
        assert_eq!(imports, [("a".into(), "a".into()), ("a".into(), "b".into())]);
        let mut exports: Vec<String> = m.exports.iter().map(|e| e.name.clone()).collect();
        exports.sort();
        assert_eq!(exports, ["a", "b", "memory"]);
        assert!(!bytes.windows(9).any(|w| w == b"producers"), "no producers section");
        assert!(js.contains("    a: function(a)") && js.contains("    b: function(a)"), "{js}");
        assert!(js.contains("return { a: import0 }"), "{js}");
        // Each export by its whole name only: `losspanel_step` is not a prefix of the other.
        let step = m.exports.iter().find(|e| e.name != "memory").unwrap().name.clone();
        assert!(js.contains(&format!("wasm.{step}(1)")), "{js}");
        assert!(!js.contains("losspanel_step(") && !js.contains("losspanel_step_back"), "{js}");
        assert!(js.contains("wasm.memory.buffer") && js.contains("mywasm.losspanel_step;"), "{js}");
    }

    #[test]
    fn a_glue_it_does_not_understand_stops_the_build() {
        let missing = GLUE.replace("__wbg_getter_fedcba9876543210: function", "other: function");
        let e = shorten(&module(), &missing).unwrap_err().to_string();
        assert!(e.contains("__wbg_getter_fedcba9876543210") && e.contains("0 times"), "{e}");
        let twice = GLUE.replace("mywasm", "\"./descent_bg.js\": 1, x");
        assert!(shorten(&module(), &twice).unwrap_err().to_string().contains("other than once"));
    }

    #[test]
    fn short_names_count_in_letters() {
        assert_eq!([short(0), short(25), short(26), short(51), short(52), short(53)], ["a", "z", "A", "Z", "ba", "bb"]);
    }
}
