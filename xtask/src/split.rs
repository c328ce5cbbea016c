//! The wasm module in two parts: what the first frame runs, and the rest, loaded later.
//!
//! `xtask/first-frame.txt` lists the functions a cold load of index.html runs until its first
//! frame and for the 2 s after it (`cargo xtask profile` records it: every function is given a
//! call at its entry, and the page says which ran). The first part keeps those functions, the
//! memory and its data, the tables, the globals and every export; the second part has the other
//! functions, imports the memory, tables, globals and functions it needs from the first part's
//! exports (module `"c"`) and the glue's imports (module `"a"`), and writes its functions into the
//! first part's function table when it is instantiated.
//!
//! A call from the first part to a function of the second goes through the table:
//! `call f` becomes `i32.const slot; call ensure_T`, where `ensure_T` (one per signature) asks the
//! glue for the second part (import `"b" "l"`, which loads it synchronously) if its flag says it
//! has not come yet, and then calls `slot` through the table. Exports and table entries of
//! functions that moved point at small wrappers in the first part that do the same. The second
//! part's start function sets the flag. So a page that needs a moved function before the second
//! part has come still works; it only waits for it then. The page asks for the second part on
//! its first interaction (`loadRest` in the glue).
//!
//! Functions are matched by their names in the name section, with rustc's crate disambiguators
//! (`descent[a2fcc71316146295]`) left out, and kept in the profile as 64-bit hashes. A function the
//! profile does not know goes to the second part: a stale profile makes the first load wait for
//! the second part, which the bench's payload shows; it never breaks the page.

use anyhow::{bail, Context, Result};
use std::collections::{BTreeMap, HashMap, HashSet};
use walrus::ir::{Call, Const, Instr, InstrSeq, ReturnCall, UnaryOp, Value, VisitorMut};
use walrus::{
    ConstExpr, ElementItems, ElementKind, ExportItem, FunctionBuilder, FunctionId, FunctionKind, GlobalKind,
    ImportKind, ImportedFunction, Module, RefType, TableId, TypeId, ValType,
};

/// The two parts, and how many functions moved.
pub struct Parts {
    pub first: Vec<u8>,
    pub second: Vec<u8>,
    pub moved: usize,
}

/// Every function, local or imported, in the module's order (the same in two parses of one module).
fn all_funcs(m: &Module) -> Vec<FunctionId> {
    m.funcs.iter().map(|f| f.id()).collect()
}

/// The one table of functions (wasm-bindgen's other table holds `externref`s).
fn funcref_table(m: &Module) -> Result<TableId> {
    let mut t = m.tables.iter().filter(|t| t.element_ty == RefType::FUNCREF);
    match (t.next(), t.next()) {
        (Some(t), None) => Ok(t.id()),
        _ => bail!("the module has not exactly one table of functions: update xtask/src/split.rs"),
    }
}

/// Rewrites `call f` of a moved `f` into `i32.const slot; call ensure` (see the module's doc).
struct Redirect<'a> {
    to: &'a HashMap<FunctionId, (i32, FunctionId)>,
}

impl VisitorMut for Redirect<'_> {
    fn start_instr_seq_mut(&mut self, seq: &mut InstrSeq) {
        let old = std::mem::take(&mut seq.instrs);
        for (instr, loc) in old {
            let target = match &instr {
                Instr::Call(Call { func }) | Instr::ReturnCall(ReturnCall { func }) => self.to.get(func).copied(),
                _ => None,
            };
            match target {
                Some((slot, ensure)) => {
                    seq.instrs.push((Instr::Const(Const { value: Value::I32(slot) }), loc));
                    let call = match instr {
                        Instr::ReturnCall(_) => Instr::ReturnCall(ReturnCall { func: ensure }),
                        _ => Instr::Call(Call { func: ensure }),
                    };
                    seq.instrs.push((call, loc));
                }
                None => seq.instrs.push((instr, loc)),
            }
        }
    }
}

/// How both parts are read and written: no producers section (walrus would name itself), and
/// the names only when asked for (`DESCENT_KEEP_NAMES=1`, for profiling).
pub fn config(keep_names: bool) -> walrus::ModuleConfig {
    let mut c = walrus::ModuleConfig::new();
    c.generate_producers_section(false).generate_name_section(keep_names);
    c
}

/// The module in two parts after the profile `hot` (hashes of the functions the first frame
/// runs); `None` when every function is in it.
pub fn split(bytes: &[u8], hot: &HashSet<String>, keep_names: bool) -> Result<Option<Parts>> {
    let mut m1 = config(keep_names).parse(bytes).context("read the wasm module")?;
    let mut m2 = config(keep_names).parse(bytes).context("read the wasm module")?;
    let f1 = all_funcs(&m1);
    let f2 = all_funcs(&m2);
    let table1 = funcref_table(&m1)?;
    let table2 = funcref_table(&m2)?;
    // Which functions move: local, named, and not in the profile; not the start function.
    let mut cold: HashSet<usize> = HashSet::new();
    for (i, id) in f1.iter().enumerate() {
        let f = m1.funcs.get(*id);
        if let (FunctionKind::Local(_), Some(name)) = (&f.kind, &f.name) {
            if !hot.contains(&crate::profile::hash(name)) && m1.start != Some(*id) {
                cold.insert(i);
            }
        }
    }
    if cold.is_empty() {
        return Ok(None);
    }
    let index1: HashMap<FunctionId, usize> = f1.iter().enumerate().map(|(i, f)| (*f, i)).collect();
    let is_cold = |f: FunctionId| index1.get(&f).is_some_and(|i| cold.contains(i));

    // The moved functions the first part reaches: called by its code, exported, or in the table.
    let mut called = HashSet::new();
    for id in &f1 {
        if is_cold(*id) {
            continue;
        }
        if let FunctionKind::Local(local) = &m1.funcs.get(*id).kind {
            let mut uses = crate::prune::Uses::default();
            walrus::ir::dfs_in_order(&mut uses, local, local.entry_block());
            if uses.other {
                bail!("a function takes or calls a reference to a function (`ref.func`): update xtask/src/split.rs");
            }
            called.extend(uses.calls);
        }
    }
    // Slots: a moved function already in the table keeps its slots; the others get new ones.
    let mut slots: BTreeMap<i32, usize> = BTreeMap::new(); // slot → function index
    let mut slot_of: HashMap<usize, i32> = HashMap::new();
    for e in m1.elements.iter() {
        let (ElementKind::Active { table, offset }, ElementItems::Functions(items)) = (&e.kind, &e.items) else {
            continue;
        };
        if *table != table1 {
            continue;
        }
        let ConstExpr::Value(Value::I32(at)) = offset else {
            bail!("an element segment has an offset that is not a constant: update xtask/src/split.rs");
        };
        for (k, f) in items.iter().enumerate() {
            if is_cold(*f) {
                let i = index1[f];
                slots.insert(at + k as i32, i);
                slot_of.entry(i).or_insert(at + k as i32);
            }
        }
    }
    let table_size = m1.tables.get(table1).initial;
    let mut next = i32::try_from(table_size).context("table size")?;
    let exported: Vec<FunctionId> = m1
        .exports
        .iter()
        .filter_map(|e| match e.item {
            ExportItem::Function(f) if is_cold(f) => Some(f),
            _ => None,
        })
        .collect();
    let mut entries: Vec<FunctionId> = called.iter().copied().filter(|f| is_cold(*f)).collect();
    // Exported and table entries need a function of the first part to stand for them.
    let mut needs_wrapper: HashSet<FunctionId> = exported.iter().copied().collect();
    needs_wrapper.extend(slots.values().map(|i| f1[*i]));
    entries.extend(exported);
    entries.sort_by_key(|f| index1[f]);
    for f in entries {
        let i = index1[&f];
        if let std::collections::hash_map::Entry::Vacant(v) = slot_of.entry(i) {
            v.insert(next);
            slots.insert(next, i);
            next += 1;
        }
    }
    let size = u64::try_from(next).context("table size")?;

    // The first part: the flag, the loader import, one `ensure` per signature.
    let flag1 = m1.globals.add_local(ValType::I32, true, false, ConstExpr::Value(Value::I32(0)));
    // The glue's `loadRest` knows the module is in two parts by this export.
    m1.exports.add("__rest", flag1);
    let load_ty = m1.types.add(&[], &[]);
    let (load, _) = m1.add_import_func("b", "l", load_ty);
    let mut ensure: HashMap<TypeId, FunctionId> = HashMap::new();
    let mut to: HashMap<FunctionId, (i32, FunctionId)> = HashMap::new();
    let mut wrapper: HashMap<usize, FunctionId> = HashMap::new();
    let mut slotted: Vec<(usize, i32)> = slot_of.iter().map(|(i, s)| (*i, *s)).collect();
    slotted.sort_unstable();
    for (i, slot) in slotted {
        let f = f1[i];
        let ty = m1.funcs.get(f).ty();
        let (params, results) = {
            let t = m1.types.get(ty);
            (t.params().to_vec(), t.results().to_vec())
        };
        let e = match ensure.get(&ty) {
            Some(e) => *e,
            None => {
                let mut with_slot = params.clone();
                with_slot.push(ValType::I32);
                let mut b = FunctionBuilder::new(&mut m1.types, &with_slot, &results);
                let args: Vec<_> = with_slot.iter().map(|t| m1.locals.add(*t)).collect();
                let mut body = b.func_body();
                body.global_get(flag1).unop(UnaryOp::I32Eqz).if_else(
                    None,
                    |then| {
                        then.call(load);
                    },
                    |_| {},
                );
                for a in &args {
                    body.local_get(*a);
                }
                body.call_indirect(ty, table1);
                b.name(format!("ensure {}", ensure.len()));
                let id = b.finish(args, &mut m1.funcs);
                ensure.insert(ty, id);
                id
            }
        };
        to.insert(f, (slot, e));
        if !needs_wrapper.contains(&f) {
            continue;
        }
        let mut b = FunctionBuilder::new(&mut m1.types, &params, &results);
        let args: Vec<_> = params.iter().map(|t| m1.locals.add(*t)).collect();
        let mut body = b.func_body();
        for a in &args {
            body.local_get(*a);
        }
        body.i32_const(slot).call(e);
        if let Some(name) = &m1.funcs.get(f).name {
            b.name(format!("to second part: {name}"));
        }
        wrapper.insert(i, b.finish(args, &mut m1.funcs));
    }
    // Calls, exports and table entries of moved functions go through the slots.
    let locals: Vec<FunctionId> = f1.iter().copied().filter(|f| !is_cold(*f)).collect();
    let mut redirect = Redirect { to: &to };
    for id in locals {
        if let FunctionKind::Local(local) = &mut m1.funcs.get_mut(id).kind {
            let entry = local.entry_block();
            walrus::ir::dfs_pre_order_mut(&mut redirect, local, entry);
        }
    }

    for e in m1.exports.iter_mut() {
        if let ExportItem::Function(f) = e.item {
            if is_cold(f) {
                e.item = ExportItem::Function(wrapper[&index1[&f]]);
            }
        }
    }
    for e in m1.elements.iter_mut() {
        if let ElementItems::Functions(items) = &mut e.items {
            for f in items.iter_mut().filter(|f| is_cold(**f)) {
                *f = wrapper[&index1[f]];
            }
        }
    }
    {
        let t = m1.tables.get_mut(table1);
        t.initial = t.initial.max(size);
        if let Some(max) = &mut t.maximum {
            *max = (*max).max(size);
        }
    }

    // The second part: the first part's functions, memory, tables and globals as imports.
    let mut from_first: HashMap<String, ExportItem> = HashMap::new(); // import name → item of m1
    let mut count = 0usize;
    let mut name = || {
        count += 1;
        format!("{}", count - 1)
    };
    for (i, id) in f2.iter().enumerate() {
        let f = m2.funcs.get(*id);
        if matches!(f.kind, FunctionKind::Local(_)) && !cold.contains(&i) {
            let ty = f.ty();
            let n = name();
            let import = m2.imports.add("c", &n, ImportKind::Function(*id));
            m2.funcs.get_mut(*id).kind = FunctionKind::Import(ImportedFunction { import, ty });
            from_first.insert(n, ExportItem::Function(f1[i]));
        }
    }
    let mems1: Vec<_> = m1.memories.iter().map(|x| x.id()).collect();
    let mems2: Vec<_> = m2.memories.iter().map(|x| x.id()).collect();
    for (k, id) in mems2.iter().enumerate() {
        let n = name();
        let import = m2.imports.add("c", &n, ImportKind::Memory(*id));
        let mem = m2.memories.get_mut(*id);
        if mem.import.is_some() {
            bail!("the module imports its memory: update xtask/src/split.rs");
        }
        mem.import = Some(import);
        mem.data_segments = Default::default();
        from_first.insert(n, ExportItem::Memory(mems1[k]));
    }
    let data: Vec<_> = m2.data.iter().map(|d| d.id()).collect();
    for d in data {
        m2.data.delete(d);
    }
    let tables1: Vec<_> = m1.tables.iter().map(|x| x.id()).collect();
    let tables2: Vec<_> = m2.tables.iter().map(|x| x.id()).collect();
    for (k, id) in tables2.iter().enumerate() {
        let n = name();
        let import = m2.imports.add("c", &n, ImportKind::Table(*id));
        let t = m2.tables.get_mut(*id);
        if t.import.is_some() {
            bail!("the module imports a table: update xtask/src/split.rs");
        }
        t.import = Some(import);
        t.elem_segments = Default::default();
        t.init = None;
        if *id == table2 {
            t.initial = t.initial.max(size);
            if let Some(max) = &mut t.maximum {
                *max = (*max).max(size);
            }
        }
        from_first.insert(n, ExportItem::Table(tables1[k]));
    }
    let elements: Vec<_> = m2.elements.iter().map(|e| e.id()).collect();
    for e in elements {
        m2.elements.delete(e);
    }
    let globals1: Vec<_> = m1.globals.iter().map(|x| x.id()).filter(|g| *g != flag1).collect();
    let globals2: Vec<_> = m2.globals.iter().map(|x| x.id()).collect();
    for (k, id) in globals2.iter().enumerate() {
        let n = name();
        let import = m2.imports.add("c", &n, ImportKind::Global(*id));
        let g = m2.globals.get_mut(*id);
        if !matches!(g.kind, GlobalKind::Local(_)) {
            bail!("the module imports a global: update xtask/src/split.rs");
        }
        g.kind = GlobalKind::Import(import);
        from_first.insert(n, ExportItem::Global(globals1[k]));
    }
    let flag_name = name();
    let (flag2, _) = m2.add_import_global("c", &flag_name, ValType::I32, true, false);
    from_first.insert(flag_name, ExportItem::Global(flag1));
    let exports: Vec<_> = m2.exports.iter().map(|e| e.id()).collect();
    for e in exports {
        m2.exports.delete(e);
    }
    let mut start = FunctionBuilder::new(&mut m2.types, &[], &[]);
    start.func_body().i32_const(1).global_set(flag2);
    m2.start = Some(start.finish(vec![], &mut m2.funcs));
    // The moved functions into their slots, one segment per run of consecutive slots.
    let mut runs: Vec<(i32, Vec<FunctionId>)> = Vec::new();
    for (slot, i) in &slots {
        match runs.last_mut() {
            Some((at, items)) if *at + items.len() as i32 == *slot => items.push(f2[*i]),
            _ => runs.push((*slot, vec![f2[*i]])),
        }
    }
    for (at, items) in runs {
        let offset = ConstExpr::Value(Value::I32(at));
        m2.elements.add(ElementKind::Active { table: table2, offset }, ElementItems::Functions(items));
    }
    walrus::passes::gc::run(&mut m2);

    // What the second part imports from the first, exported by the first, both under short names.
    for (k, import) in m2.imports.iter_mut().filter(|i| i.module == "c").enumerate() {
        let item = from_first[&import.name];
        import.name = format!("{k}");
        m1.exports.add(&import.name, item);
    }
    walrus::passes::gc::run(&mut m1);
    let moved = cold.len();
    for m in [&mut m1, &mut m2] {
        m.customs.remove_raw("target_features");
    }
    Ok(Some(Parts { first: m1.emit_wasm(), second: m2.emit_wasm(), moved }))
}

#[cfg(test)]
mod tests;
