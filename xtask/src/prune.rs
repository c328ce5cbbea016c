//! Functions that only the function table keeps in the module, and that nothing can call.
//!
//! wasm-bindgen puts an adapter for every closure signature js-sys declares (its typed arrays'
//! `for_each`, `find`, …: 44 of them) and js-sys's future wakers into the function table, whether
//! or not the crate passes such a closure; so they stay in the module, with what they call. Our
//! table is not exported, and no instruction reads it except `call_indirect`, which checks the
//! callee's type: an entry whose type no `call_indirect` names can never be called. Such entries
//! are pointed at one empty function (their slots stay, so the vtables' indices in the data
//! segments keep their meaning), and the functions nothing else refers to are dropped.
//! If the table is exported, or an instruction other than `call_indirect` touches a table of
//! functions (`table.get`, `ref.func`, …), nothing is changed.

use anyhow::{Context, Result};
use std::collections::{HashMap, HashSet};
use walrus::ir::{dfs_in_order, Instr, InstrLocId, Visitor};
use walrus::{ElementItems, ExportItem, FunctionBuilder, FunctionId, FunctionKind, Module, TableId, TypeId};

/// What one function's code does with other functions (also read by xtask/src/split.rs).
#[derive(Default)]
pub struct Uses {
    pub calls: Vec<FunctionId>,
    pub call_indirect: Vec<TypeId>,
    /// Tables read or written by `table.*` instructions (wasm-bindgen's externref table is).
    pub tables: Vec<TableId>,
    /// An instruction that makes or calls a reference to a function.
    pub other: bool,
}

impl<'i> Visitor<'i> for Uses {
    fn visit_instr(&mut self, instr: &'i Instr, _: &'i InstrLocId) {
        match instr {
            Instr::Call(c) => self.calls.push(c.func),
            Instr::ReturnCall(c) => self.calls.push(c.func),
            Instr::CallIndirect(c) => self.call_indirect.push(c.ty),
            Instr::ReturnCallIndirect(c) => self.call_indirect.push(c.ty),
            Instr::TableGet(t) => self.tables.push(t.table),
            Instr::TableSet(t) => self.tables.push(t.table),
            Instr::TableGrow(t) => self.tables.push(t.table),
            Instr::TableFill(t) => self.tables.push(t.table),
            Instr::TableCopy(t) => self.tables.extend([t.src, t.dst]),
            Instr::TableInit(t) => self.tables.push(t.table),
            Instr::RefFunc(_) | Instr::CallRef(_) | Instr::ReturnCallRef(_) => self.other = true,
            _ => {}
        }
    }
}

/// The module with the table entries no `call_indirect` of a reachable function can reach
/// pointed at one empty function and the functions left unused removed; and how many entries
/// that was. Reachable: the exports and the start function, what they call, and the table
/// entries of every type their `call_indirect`s name, and so on (an adapter that nothing reaches
/// does not keep alive the types its own `call_indirect` names).
pub fn dead_table_entries(bytes: &[u8]) -> Result<(Vec<u8>, usize)> {
    let mut module = Module::from_buffer(bytes).context("read the wasm module")?;
    if module.exports.iter().any(
        |e| matches!(e.item, ExportItem::Table(t) if module.tables.get(t).element_ty != walrus::RefType::EXTERNREF),
    ) {
        return Ok((bytes.to_vec(), 0));
    }
    let mut uses: HashMap<FunctionId, Uses> = HashMap::new();
    for f in module.funcs.iter() {
        if let FunctionKind::Local(local) = &f.kind {
            let mut u = Uses::default();
            dfs_in_order(&mut u, local, local.entry_block());
            let funcref_table = u.tables.iter().any(|t| module.tables.get(*t).element_ty != walrus::RefType::EXTERNREF);
            if u.other || funcref_table {
                return Ok((bytes.to_vec(), 0));
            }
            uses.insert(f.id(), u);
        }
    }
    let entries: Vec<FunctionId> = module
        .elements
        .iter()
        .filter_map(|e| match &e.items {
            ElementItems::Functions(fs) => Some(fs),
            ElementItems::Expressions(..) => None,
        })
        .flatten()
        .copied()
        .collect();
    let mut live: HashSet<FunctionId> = HashSet::new();
    let mut types: HashSet<TypeId> = HashSet::new();
    let mut todo: Vec<FunctionId> = module
        .exports
        .iter()
        .filter_map(|e| match e.item {
            ExportItem::Function(f) => Some(f),
            _ => None,
        })
        .chain(module.start)
        .collect();
    loop {
        while let Some(f) = todo.pop() {
            if !live.insert(f) {
                continue;
            }
            if let Some(u) = uses.get(&f) {
                todo.extend(&u.calls);
                types.extend(&u.call_indirect);
            }
        }
        let more: Vec<FunctionId> = entries
            .iter()
            .copied()
            .filter(|f| !live.contains(f) && types.contains(&module.funcs.get(*f).ty()))
            .collect();
        if more.is_empty() {
            break;
        }
        todo = more;
    }
    let dead: HashSet<FunctionId> = entries.into_iter().filter(|f| !live.contains(f)).collect();
    if dead.is_empty() {
        return Ok((bytes.to_vec(), 0));
    }
    let mut empty = FunctionBuilder::new(&mut module.types, &[], &[]);
    empty.func_body().unreachable();
    let empty = empty.finish(vec![], &mut module.funcs);
    let mut count = 0;
    for e in module.elements.iter_mut() {
        if let ElementItems::Functions(fs) = &mut e.items {
            for f in fs.iter_mut().filter(|f| dead.contains(f)) {
                *f = empty;
                count += 1;
            }
        }
    }
    walrus::passes::gc::run(&mut module);
    // walrus would add itself as a producer; wasm-bindgen was told to leave that section out. The
    // target features rustc lists are for linkers, not browsers.
    module.producers.clear();
    module.customs.remove_raw("target_features");
    Ok((module.emit_wasm(), count))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table of five functions: two called through `call_indirect` by their type, one of a type
    /// no `call_indirect` names, and an adapter that nothing reaches with the one function that
    /// only its own `call_indirect` could call.
    fn module(export_table: bool) -> Vec<u8> {
        let mut m = Module::default();
        let table = m.tables.add_local(false, 5, Some(5), walrus::RefType::FUNCREF);
        let unary = m.types.add(&[walrus::ValType::I32], &[walrus::ValType::I32]);
        let add = |m: &mut Module, params: &[walrus::ValType], name: &str| {
            let mut b = FunctionBuilder::new(&mut m.types, params, &[walrus::ValType::I32]);
            b.name(name.into()).func_body().i32_const(7);
            let args = params.iter().map(|t| m.locals.add(*t)).collect();
            b.finish(args, &mut m.funcs)
        };
        let called = add(&mut m, &[walrus::ValType::I32], "called");
        let dead = add(&mut m, &[walrus::ValType::F64], "dead");
        let called2 = add(&mut m, &[walrus::ValType::I32], "called2");
        // An adapter nothing reaches, whose own `call_indirect` names the type of `inner`.
        let binary = m.types.add(&[walrus::ValType::I32, walrus::ValType::I32], &[walrus::ValType::I32]);
        let inner = add(&mut m, &[walrus::ValType::I32, walrus::ValType::I32], "inner");
        let mut adapter = FunctionBuilder::new(&mut m.types, &[walrus::ValType::F32], &[walrus::ValType::I32]);
        adapter.name("adapter".into()).func_body().i32_const(1).i32_const(2).i32_const(3).call_indirect(binary, table);
        let x = m.locals.add(walrus::ValType::F32);
        let adapter = adapter.finish(vec![x], &mut m.funcs);
        let mut caller = FunctionBuilder::new(&mut m.types, &[walrus::ValType::I32], &[walrus::ValType::I32]);
        let i = m.locals.add(walrus::ValType::I32);
        caller.func_body().i32_const(1).local_get(i).call_indirect(unary, table);
        let caller = caller.finish(vec![i], &mut m.funcs);
        m.exports.add("caller", caller);
        if export_table {
            m.exports.add("table", table);
        }
        let offset = walrus::ConstExpr::Value(walrus::ir::Value::I32(0));
        m.elements.add(
            walrus::ElementKind::Active { table, offset },
            ElementItems::Functions(vec![called, dead, called2, adapter, inner]),
        );
        m.emit_wasm()
    }

    fn names(bytes: &[u8]) -> Vec<String> {
        let m = Module::from_buffer(bytes).unwrap();
        let mut n: Vec<String> = m.funcs.iter().filter_map(|f| f.name.clone()).collect();
        n.sort();
        n
    }

    #[test]
    fn an_entry_of_a_type_no_call_indirect_names_goes() {
        let (out, count) = dead_table_entries(&module(false)).unwrap();
        assert_eq!(count, 3, "dead, and the adapter with what only it calls");
        assert_eq!(names(&out), ["called", "called2"]);
        let m = Module::from_buffer(&out).unwrap();
        let slots = m.elements.iter().map(|e| match &e.items {
            ElementItems::Functions(f) => f.len(),
            ElementItems::Expressions(_, x) => x.len(),
        });
        assert_eq!(slots.sum::<usize>(), 5, "the slots stay, so indices keep their meaning");
    }

    #[test]
    fn an_exported_table_is_left_alone() {
        let bytes = module(true);
        let (out, count) = dead_table_entries(&bytes).unwrap();
        assert_eq!(count, 0);
        assert_eq!(names(&out), ["adapter", "called", "called2", "dead", "inner"]);
    }
}
