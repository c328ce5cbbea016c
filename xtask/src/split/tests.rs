use super::*;
use crate::profile::{hash, key};
use walrus::{FunctionBuilder, Module, ModuleConfig, RefType, ValType};

/// A module like the real one in miniature: an import from the glue, memory, a mutable global,
/// a table of functions; hot functions that call cold ones directly and through the table; a
/// cold function that calls a hot one, reads the global and the memory, and calls the glue; an
/// exported cold function. Each export's result is known.
fn module() -> Vec<u8> {
    let mut m = Module::with_config(ModuleConfig::new());
    let unary = m.types.add(&[ValType::I32], &[ValType::I32]);
    let (twice, _) = m.add_import_func("a", "t", unary);
    let mem = m.memories.add_local(false, false, 1, None, None);
    let g = m.globals.add_local(ValType::I32, true, false, ConstExpr::Value(Value::I32(1000)));
    let table = m.tables.add_local(false, 2, Some(2), RefType::FUNCREF);
    let f = |m: &mut Module, name: &str, body: &dyn Fn(&mut walrus::InstrSeqBuilder, walrus::LocalId)| {
        let x = m.locals.add(ValType::I32);
        let mut b = FunctionBuilder::new(&mut m.types, &[ValType::I32], &[ValType::I32]);
        b.name(name.into());
        body(&mut b.func_body(), x);
        b.finish(vec![x], &mut m.funcs)
    };
    // hot_helper(x) = x + 1
    let helper = f(&mut m, "hot_helper", &|b, x| {
        b.local_get(x).i32_const(1).binop(walrus::ir::BinaryOp::I32Add);
    });
    // cold(x) = twice(hot_helper(x)) + global + mem[0]
    let cold = f(&mut m, "cold", &|b, x| {
        b.local_get(x).call(helper).call(twice).global_get(g).binop(walrus::ir::BinaryOp::I32Add);
        b.i32_const(0).load(
            mem,
            walrus::ir::LoadKind::I32 { atomic: false },
            walrus::ir::MemArg { align: 4, offset: 0 },
        );
        b.binop(walrus::ir::BinaryOp::I32Add);
    });
    // cold_in_table(x) = x * 3, only called through the table
    let in_table = f(&mut m, "cold_in_table", &|b, x| {
        b.local_get(x).i32_const(3).binop(walrus::ir::BinaryOp::I32Mul);
    });
    // hot(x) = cold(x) + table[1](x); it also sets the global to 7 first
    let hot = f(&mut m, "hot", &|b, x| {
        b.i32_const(7).global_set(g);
        b.local_get(x).call(cold).local_get(x).i32_const(1).call_indirect(unary, table);
        b.binop(walrus::ir::BinaryOp::I32Add);
    });
    let exported_cold = f(&mut m, "exported_cold", &|b, x| {
        b.local_get(x).i32_const(100).binop(walrus::ir::BinaryOp::I32Sub);
    });
    m.exports.add("hot", hot);
    m.exports.add("exported_cold", exported_cold);
    m.exports.add("helper", helper);
    m.exports.add("memory", mem);
    let offset = ConstExpr::Value(Value::I32(0));
    m.elements.add(ElementKind::Active { table, offset }, ElementItems::Functions(vec![helper, in_table]));
    m.data.add(walrus::DataKind::Active { memory: mem, offset: ConstExpr::Value(Value::I32(0)) }, vec![5, 0, 0, 0]);
    m.emit_wasm()
}

fn profile(names: &[&str]) -> HashSet<String> {
    names.iter().map(|n| hash(n)).collect()
}

/// Run the whole module and the two parts in Node: the same results, and the second part loaded
/// once, when first needed.
fn run_in_node(tag: &str, whole: &[u8], parts: &Parts) -> String {
    let dir = std::env::temp_dir().join(format!("descent-split-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in [("whole.wasm", whole), ("first.wasm", &parts.first), ("second.wasm", &parts.second)] {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let script = r#"
const fs = require("fs");
const read = (f) => new WebAssembly.Module(fs.readFileSync(__dirname + "/" + f));
const glue = { t: (x) => 2 * x };
const whole = new WebAssembly.Instance(read("whole.wasm"), { a: glue }).exports;
let loads = 0, first;
const load = () => { loads++; new WebAssembly.Instance(read("second.wasm"), { a: glue, c: first }); };
first = new WebAssembly.Instance(read("first.wasm"), { a: glue, b: { l: load } }).exports;
const out = [];
out.push(`helper ${first.helper(1) === whole.helper(1)} loads ${loads}`);
out.push(`hot ${first.hot(4)} ${whole.hot(4)} loads ${loads}`);
out.push(`hot ${first.hot(5)} ${whole.hot(5)} loads ${loads}`);
out.push(`exported_cold ${first.exported_cold(1)} ${whole.exported_cold(1)} loads ${loads}`);
console.log(out.join("\n"));
"#;
    std::fs::write(dir.join("t.cjs"), script).unwrap();
    let out = std::process::Command::new("node").arg(dir.join("t.cjs")).output().expect("node runs");
    std::fs::remove_dir_all(&dir).ok();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_parts_compute_what_the_whole_does_and_the_second_comes_when_first_needed() {
    let whole = module();
    let parts = split(&whole, &profile(&["hot", "hot_helper"]), false).unwrap().unwrap();
    assert_eq!(parts.moved, 3, "cold, cold_in_table, exported_cold");
    // hot(4) = cold(4) + 4·3 = (2·5 + 7 + 5) + 12 = 34
    assert_eq!(
        run_in_node("all", &whole, &parts),
        "helper true loads 0\nhot 34 34 loads 1\nhot 39 39 loads 1\nexported_cold -99 -99 loads 1\n"
    );
    let first = Module::from_buffer(&parts.first).unwrap();
    let second = Module::from_buffer(&parts.second).unwrap();
    let names = |m: &Module| m.funcs.iter().filter_map(|f| f.name.clone()).collect::<Vec<_>>();
    assert!(names(&first).is_empty() && names(&second).is_empty(), "no names unless asked for");
    assert!(second.exports.iter().next().is_none(), "the second part exports nothing");
    assert!(second.data.iter().next().is_none(), "the memory's data is the first part's");
}

#[test]
fn an_exported_cold_function_works_before_anything_else_has_loaded_the_second_part() {
    let whole = module();
    let parts = split(&whole, &profile(&["hot", "hot_helper", "cold", "cold_in_table"]), true).unwrap().unwrap();
    assert_eq!(parts.moved, 1);
    let out = run_in_node("one", &whole, &parts);
    assert!(out.contains("exported_cold -99 -99 loads 1"), "{out}");
    assert!(out.contains("hot 34 34 loads 0"), "hot code no longer needs the second part: {out}");
    let names: Vec<String> =
        Module::from_buffer(&parts.second).unwrap().funcs.iter().filter_map(|f| f.name.clone()).collect();
    assert!(names.contains(&"exported_cold".to_string()), "names kept when asked: {names:?}");
}

#[test]
fn a_profile_that_has_every_function_leaves_the_module_whole() {
    let all = profile(&["hot", "hot_helper", "cold", "cold_in_table", "exported_cold"]);
    assert!(split(&module(), &all, false).unwrap().is_none());
}

#[test]
fn keys_leave_out_the_crate_disambiguators_only() {
    assert_eq!(key("descent[a2fcc71316146295]::optim::build"), "descent::optim::build");
    assert_eq!(key("<[f64; 2] as core::Foo>::x"), "<[f64; 2] as core::Foo>::x");
    assert_eq!(key("a[]b[0f]c"), "a[]bc");
    assert_eq!(hash("descent[0123456789abcdef]::x"), hash("descent[fedcba9876543210]::x"));
    assert_ne!(hash("descent::x"), hash("descent::y"));
}
