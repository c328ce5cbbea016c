//! The joining's tests: parsing a module, refusals, and three modules joined and run by Node.

use super::*;

#[test]
fn imports_and_exports_are_taken_out() {
    let m = parse(
        "a.js",
        "import { x, y as z } from \"./b.js\";\nimport init from \"./pkg/descent.js\";\nexport function f() { return x + z; }\nexport const K = 1, L = 2;\nconst q = 3;\nexport { q as Q };\n",
    )
    .unwrap();
    assert_eq!(
        m.imports,
        vec![
            ("b.js".to_string(), vec![("x".into(), "x".into()), ("y".into(), "z".into())]),
            ("pkg/descent.js".to_string(), vec![("default".into(), "init".into())]),
        ]
    );
    assert_eq!(
        m.exports,
        vec![("f".into(), "f".into()), ("K".into(), "K".into()), ("L".into(), "L".into()), ("Q".into(), "q".into())]
    );
    assert!(!m.body.contains("import") && !m.body.contains("export"), "{}", m.body);
    assert!(m.body.contains("function f() { return x + z; }") && m.body.contains("const K = 1, L = 2;"));
}

#[test]
fn what_would_be_bundled_wrongly_is_refused() {
    for source in [
        "export let n = 0;",
        "export default 1;",
        "export * from \"./b.js\";",
        "export { a } from \"./b.js\";",
        "import x from \"../b.js\";",
        "export const { a } = {};",
    ] {
        assert!(parse("a.js", source).is_err(), "{source}");
    }
}

/// Three modules joined: positions, exports for the module left outside, the files removed,
/// the outside import pointed at the bundle; and, where Node is installed, the bundle run.
#[test]
fn modules_join_into_one_that_runs_as_they_did() {
    let dir = std::env::temp_dir().join(format!("descent-bundle-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    write("a.js", "import { twice, unused } from \"./b.js\";\nimport { c as see } from \"./c.js\";\nexport const A = twice(see);\n");
    write("b.js", "import { c } from \"./c.js\";\nexport function unused() { return 0; }\nexport function twice(x) { return 2 * x + c - c; }\nexport const B = 7;\n");
    write("c.js", "export const c = 21;\n");
    write("package.json", "{\"type\": \"module\"}\n");
    write("outside.js", "import { B } from \"./b.js\";\nimport { A } from \"./a.js\";\nconsole.log(A, B);\n");
    join(&dir, "a.js", &["a.js"], &[]).unwrap();
    assert!(!dir.join("b.js").exists() && !dir.join("c.js").exists(), "the joined files go");
    let bundle = std::fs::read_to_string(dir.join("a.js")).unwrap();
    assert!(bundle.contains("return [c];") && bundle.contains("const [c] = __c;"), "{bundle}");
    // b's used exports in its order: unused (a imports it), twice, B (outside imports it).
    assert!(bundle.contains("return [unused, twice, B];"), "{bundle}");
    assert!(bundle.contains("const [unused, twice] = __b;"), "{bundle}");
    assert!(bundle.contains("export const [, , B] = __b;"), "{bundle}");
    let outside = std::fs::read_to_string(dir.join("outside.js")).unwrap();
    assert!(outside.contains("import { B } from \"./a.js\";"), "{outside}");
    if let Ok(out) = std::process::Command::new("node").arg(dir.join("outside.js")).output() {
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "42 7", "{}", String::from_utf8_lossy(&out.stderr));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
