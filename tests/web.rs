//! The wasm build in headless Chromium (wasm-bindgen-test), through the exported API called from
//! Rust with `JsValue` arguments built here: the article's numbers in wasm, the figures as
//! recorded operations, every refusal as a JS `Error` with its `code`, and "never a dead widget":
//! any numbers, any wrong-typed values (and values whose getters or proxy traps throw) give a
//! result or a coded error, and the module still works afterwards.
#![cfg(target_arch = "wasm32")]

use descent::web::{
    activation_names, curve_names, data_preset, data_preset_names, gradient, loss, loss_heatmap, loss_names, neuron,
    optimizer_defaults, optimizer_names, optimizer_ranges, parabola_step, random_seed, sgd_run, sgd_step,
    start_from_seed, surface_names_js, CurvePanel, LossPanel, Optimizer, Surface,
};
use js_sys::{Array, Float64Array, Function, Object, Reflect};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, RngSeed};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------------------------------------
// Building and reading JS values
// ---------------------------------------------------------------------------------------------

fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

fn n(v: f64) -> JsValue {
    JsValue::from_f64(v)
}

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &s(k), v).expect("set a property");
    }
    o.into()
}

fn arr(items: &[JsValue]) -> JsValue {
    items.iter().collect::<Array>().into()
}

fn prop(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &s(key)).expect("get a property")
}

fn num(v: &JsValue, key: &str) -> f64 {
    prop(v, key).as_f64().unwrap_or(f64::NAN)
}

/// The `code` of a refusal: a JS `Error` whose `code` property is a string.
fn code(e: &JsValue) -> Option<String> {
    if !e.is_instance_of::<js_sys::Error>() {
        return None;
    }
    prop(e, "code").as_string()
}

/// The code of a call that must be refused.
fn refused<T>(r: Result<T, JsValue>) -> String {
    match r {
        Ok(_) => panic!("accepted, expected a refusal"),
        Err(e) => code(&e).unwrap_or_else(|| panic!("an error without a code: {e:?}")),
    }
}

/// A JS function from its parameters and body (the page's kind of value, built here).
fn function(args: &str, body: &str) -> JsValue {
    Function::new_with_args(args, body).into()
}

/// A value made by running `expr` as JS.
fn eval(expr: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expr});")).call0(&JsValue::NULL).expect("the expression runs")
}

// ---------------------------------------------------------------------------------------------
// The article's numbers
// ---------------------------------------------------------------------------------------------

/// `sgd_runs[0]` of `tests/reference/seed.json` (the article's numpy code): from (−2, −2) with
/// η = 0.1, `trajectory_w_b`, 201 points.
fn reference_run() -> (f64, Vec<(f64, f64)>) {
    let seed: serde_json::Value = serde_json::from_str(include_str!("reference/seed.json")).expect("seed.json");
    let run = &seed["sgd_runs"][0];
    assert_eq!((run["w0"].as_f64(), run["b0"].as_f64(), run["eta"].as_f64()), (Some(-2.0), Some(-2.0), Some(0.1)));
    let points = run["trajectory_w_b"]
        .as_array()
        .expect("trajectory")
        .iter()
        .map(|p| (p[0].as_f64().expect("w"), p[1].as_f64().expect("b")))
        .collect();
    (0.1, points)
}

fn close(a: f64, e: f64) -> bool {
    (a - e).abs() <= 1e-12 * e.abs()
}

#[wasm_bindgen_test]
fn the_articles_numbers_in_wasm() {
    let (eta, points) = reference_run();
    assert!(points.len() > 100);
    // The first points as the file writes them, to see it is the run meant (serde_json reads
    // them to within an ulp).
    assert!(close(points[1].0, -1.9991486332035806) && close(points[1].1, -1.9991486332035806));
    assert!(close(points[2].0, -1.9982959210511837) && close(points[2].1, -1.9982959210511837));
    let (mut w, mut b) = points[0];
    for (t, &(ew, eb)) in points.iter().enumerate() {
        assert!(close(w, ew) && close(b, eb), "step {t}: ({w}, {b}) against ({ew}, {eb})");
        let g = gradient(1.0, w, b, 0.5, JsValue::UNDEFINED, JsValue::UNDEFINED).expect("gradient").to_vec();
        let next = sgd_step(w, b, g[0], g[1], eta).expect("sgdStep").to_vec();
        (w, b) = (next[0], next[1]);
    }
    assert_eq!(neuron(1.0, 0.0, 0.0, JsValue::UNDEFINED).expect("neuron"), 0.5);
    assert_eq!(parabola_step(1.0, 1.0).expect("parabolaStep"), -1.0);
    assert_eq!(loss(1.0, 0.5, JsValue::UNDEFINED).expect("loss"), 0.125);
}

#[wasm_bindgen_test]
fn a_loss_panel_stepped_twice_gives_the_references_second_point() {
    let (_, points) = reference_run();
    let mut p = LossPanel::new().expect("the article's panel");
    // The default start is (−2, 0.5) with η = 2: the reference run starts at (−2, −2) with η = 0.1.
    let run = obj(&[("name", s("sgd")), ("params", obj(&[("eta", n(0.1))]))]);
    p.configure(obj(&[("start", arr(&[n(-2.0), n(-2.0)])), ("runs", arr(&[run]))])).expect("the reference's settings");
    assert_eq!(p.step(2.0).expect("two steps"), 2);
    let r = p.readout(JsValue::UNDEFINED).expect("the readout");
    assert_eq!(num(&r, "t"), 2.0);
    let run0 = Array::from(&prop(&r, "runs")).get(0);
    let (w2, b2) = points[2];
    assert!(close(num(&run0, "w"), w2) && close(num(&run0, "b"), b2), "{:?}", run0);
    assert_eq!(prop(&run0, "optimizer").as_string().as_deref(), Some("sgd"));
    assert!(num(&run0, "loss").is_finite());
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

/// `{ops, texts, images}` with ops a non-empty Float64Array without NaN.
fn assert_record(r: &JsValue, what: &str) {
    let ops: Float64Array = prop(r, "ops").dyn_into().unwrap_or_else(|_| panic!("{what}: ops is a Float64Array"));
    assert!(ops.length() > 0, "{what}: no operation");
    assert!(ops.to_vec().iter().all(|v| !v.is_nan()), "{what}: NaN in the ops");
    assert!(Array::is_array(&prop(r, "texts")), "{what}: texts");
    assert!(Array::is_array(&prop(r, "images")), "{what}: images");
}

#[wasm_bindgen_test]
fn every_figure_of_both_panels_is_recorded() {
    let mut p = LossPanel::new().expect("panel");
    p.step(3.0).expect("steps");
    for dark in [false, true] {
        let theme = if dark { "dark" } else { "light" };
        p.set_view(obj(&[("theme", s(theme)), ("decimal", s(",")), ("cmap", s("viridis")), ("log", JsValue::TRUE)]))
            .expect("a view");
        for f in 0..5 {
            let r = p.draw(f, 600.0, 500.0, 2.0).unwrap_or_else(|e| panic!("figure {f}: {e:?}"));
            assert_record(&r, &format!("loss figure {f} ({theme})"));
        }
    }
    let h = p.heatmap(JsValue::UNDEFINED).expect("the image");
    let (w, hh) = (num(&h, "width"), num(&h, "height"));
    assert!(w >= 2.0 && hh >= 2.0);
    assert_eq!(p.heatmap_size(), vec![w, hh]);
    let data = prop(&h, "data").dyn_into::<js_sys::Uint8ClampedArray>().expect("RGBA");
    assert_eq!(data.length() as f64, 4.0 * w * hh);
    // Into an array the page keeps: the same bytes, in that array.
    let kept = js_sys::Uint8ClampedArray::new_with_length(data.length());
    let h2 = p.heatmap(kept.clone().into()).expect("the image into a kept array");
    assert!(js_sys::Object::is(&prop(&h2, "data"), &kept), "the kept array is the image's data");
    assert_eq!(kept.to_vec(), data.to_vec());
    assert!(p.contour_count() > 0);

    let mut c = CurvePanel::new().expect("curve panel");
    c.step(2.0).expect("steps");
    for f in 0..2 {
        assert_record(&c.draw(f, 600.0, 372.0, 1.0).expect("draws"), &format!("curve figure {f}"));
    }
    c.configure(obj(&[("curve", s("multiwell")), ("x0", n(3.5)), ("eta", n(0.1))])).expect("multiwell");
    c.step(5.0).expect("steps");
    for f in 0..2 {
        assert_record(&c.draw(f, 300.0, 200.0, 1.0).expect("draws"), &format!("multiwell figure {f}"));
    }
}

/// `readout(run)`: that run and the first in full, the others brief; no argument, all in full.
#[wasm_bindgen_test]
fn a_readout_gives_one_run_in_full_and_the_others_brief_when_asked() {
    let mut p = LossPanel::new().expect("panel");
    let runs = arr(&[obj(&[("name", s("sgd"))]), obj(&[("name", s("adam"))]), obj(&[("name", s("nag"))])]);
    p.configure(obj(&[("runs", runs)])).expect("a race of three");
    p.step(3.0).expect("steps");
    let runs_of = |r: JsValue| Array::from(&prop(&r, "runs"));
    let all = runs_of(p.readout(JsValue::UNDEFINED).expect("all in full"));
    let brief = runs_of(p.readout(n(2.0)).expect("run 2 in full"));
    let keys = |v: &JsValue| js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>()).length();
    for i in 0..3 {
        let (a, b) = (all.get(i), brief.get(i));
        for k in ["optimizer", "step", "w", "b", "loss", "trend"] {
            assert!(js_sys::Object::is(&prop(&a, k), &prop(&b, k)), "run {i}, {k}");
        }
        assert!(prop(&b, "stop").is_null() && prop(&a, "stop").is_null(), "run {i} has not stopped");
        if i == 1 {
            assert_eq!(keys(&b), 7, "run 1 is brief");
            assert!(prop(&b, "gw").is_undefined());
        } else {
            assert_eq!(keys(&b), keys(&a), "run {i} is in full");
            assert_eq!(num(&b, "gw"), num(&a, "gw"));
        }
    }
    // An index with no run: only the first in full. Not a number: refused.
    let none = runs_of(p.readout(n(99.0)).expect("no such run"));
    assert_eq!((keys(&none.get(0)), keys(&none.get(2))), (keys(&all.get(0)), 7));
    assert_eq!(refused(p.readout(s("2"))), "type");
}

// ---------------------------------------------------------------------------------------------
// Refusals and their codes
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn every_refusal_is_an_error_with_its_code() {
    let mut p = LossPanel::new().expect("panel");
    p.step(2.0).expect("steps");

    // Sizes: refused before anything is allocated, so at once.
    let t0 = js_sys::Date::now();
    assert_eq!(refused(p.draw(0, 1e9, 500.0, 1.0)), "range");
    assert_eq!(refused(p.draw(0, 600.0, 500.0, 1e4)), "range");
    assert_eq!(refused(p.draw(0, 600.0, f64::INFINITY, 1.0)), "range");
    assert_eq!(refused(p.draw(0, 0.0, 500.0, 1.0)), "range");
    assert_eq!(refused(p.draw(5, 600.0, 500.0, 1.0)), "range");
    assert!(js_sys::Date::now() - t0 < 50.0, "a refused size took {} ms", js_sys::Date::now() - t0);
    let e = p.draw(0, 1e9, 500.0, 1.0).expect_err("refused");
    assert_eq!((prop(&e, "name").as_string(), num(&e, "value"), num(&e, "max")), (Some("width".into()), 1e9, 8192.0));
    assert_eq!(refused(p.step(1e6)), "range");
    assert_eq!(refused(p.step(f64::NAN)), "range");
    assert_eq!(refused(p.step(1.5)), "range", "a step count is a whole number");
    assert_eq!(refused(p.locate(600.0, 500.0, 1.0, f64::NAN, 0.0)), "range");
    assert_eq!(refused(p.rows(99.0)), "range");

    // Settings: a number where a string is expected, names, combinations, the start, the runs.
    let settings = |pairs: &[(&str, JsValue)]| obj(pairs);
    assert_eq!(refused(p.configure(settings(&[("activation", n(5.0))]))), "type");
    assert_eq!(refused(p.configure(n(5.0))), "type");
    assert_eq!(refused(p.configure(JsValue::NULL)), "type");
    assert_eq!(refused(p.configure(settings(&[("activation", s("relu")), ("loss", s("bce"))]))), "incompatible");
    assert_eq!(refused(p.configure(settings(&[("activation", s("swish!"))]))), "unknown");
    assert_eq!(refused(p.configure(settings(&[("surface", s("mountain"))]))), "unknown");
    let e = p.configure(settings(&[("surface", s("mountain"))])).expect_err("refused");
    assert_eq!(prop(&e, "kind").as_string().as_deref(), Some("surface"));
    assert!(Array::from(&prop(&e, "known")).includes(&s("rosenbrock"), 0));
    assert_eq!(refused(p.configure(settings(&[("start", arr(&[n(5.0), n(0.0)]))]))), "start");
    assert_eq!(refused(p.configure(settings(&[("start", arr(&[n(f64::NAN), n(0.0)]))]))), "start");
    assert_eq!(refused(p.configure(settings(&[("start", arr(&[n(1.0)]))]))), "type");
    assert_eq!(refused(p.configure(settings(&[("runs", arr(&[]))]))), "runs");
    let many: Vec<JsValue> = (0..25).map(|_| obj(&[("name", s("sgd"))])).collect();
    assert_eq!(refused(p.configure(settings(&[("runs", arr(&many))]))), "runs");
    assert_eq!(refused(p.configure(settings(&[("runs", arr(&[obj(&[("name", s("adamw"))])]))]))), "unknown");
    let bad_param = obj(&[("name", s("adam")), ("params", obj(&[("beta9", n(1.0))]))]);
    assert_eq!(refused(p.configure(settings(&[("runs", arr(&[bad_param]))]))), "param");
    let bad_eta = obj(&[("name", s("sgd")), ("params", obj(&[("eta", n(-1.0))]))]);
    assert_eq!(refused(p.configure(settings(&[("runs", arr(&[bad_eta]))]))), "range");
    // A run's params read as `new Optimizer` reads them: not an object, or more than 32 keys, is
    // refused (the race used to ignore the first, `new Optimizer` to drop the keys past 32).
    let not_object = obj(&[("name", s("sgd")), ("params", n(5.0))]);
    assert_eq!(refused(p.configure(settings(&[("runs", arr(&[not_object]))]))), "type");
    let keys: Vec<(String, JsValue)> = (0..33).map(|i| (format!("k{i}"), n(1.0))).collect();
    let keys: Vec<(&str, JsValue)> = keys.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    assert_eq!(refused(Optimizer::new(s("sgd"), obj(&keys))), "type");
    let too_many = obj(&[("name", s("sgd")), ("params", obj(&keys))]);
    assert_eq!(refused(p.configure(settings(&[("runs", arr(&[too_many]))]))), "type");
    assert_eq!(refused(p.configure(settings(&[("data", arr(&[n(1.0)]))]))), "data");
    assert_eq!(refused(p.configure(settings(&[("data", arr(&[n(1.0), n(11.0)]))]))), "data");
    assert_eq!(refused(p.configure(settings(&[("loss", s("bce")), ("data", arr(&[n(1.0), n(2.0)]))]))), "target");
    assert_eq!(refused(p.configure(settings(&[("range", n(1e9))]))), "range");
    assert_eq!(refused(p.set_view(obj(&[("theme", s("sepia"))]))), "unknown");
    assert_eq!(refused(p.set_view(obj(&[("cmap", s("rainbow"))]))), "unknown");
    // None of those changed the panel.
    assert_eq!(num(&p.readout(JsValue::UNDEFINED).expect("the readout"), "t"), 2.0);
    assert_eq!(p.step(1.0).expect("still steps"), 1);

    let mut c = CurvePanel::new().expect("curve");
    assert_eq!(refused(c.configure(obj(&[("eta", n(2.0))]))), "range");
    assert_eq!(refused(c.configure(obj(&[("curve", s("cubic"))]))), "unknown");
    assert_eq!(refused(c.configure(obj(&[("x0", s("1"))]))), "type");
    assert_eq!(refused(c.draw(2, 600.0, 372.0, 1.0)), "range");
    assert_eq!(refused(c.set_view(obj(&[("guess", s("a"))]))), "range");

    // Optimizers and surfaces.
    assert_eq!(refused(Optimizer::new(s("adamw"), JsValue::UNDEFINED)), "unknown");
    assert_eq!(refused(Optimizer::new(n(1.0), JsValue::UNDEFINED)), "type");
    assert_eq!(refused(Optimizer::new(s("adam"), obj(&[("beta9", n(1.0))]))), "param");
    assert_eq!(refused(Optimizer::new(s("adam"), obj(&[("beta1", n(1.0))]))), "range");
    assert_eq!(refused(Optimizer::new(s("adam"), n(3.0))), "type");
    assert_eq!(refused(Optimizer::new(s("sam"), obj(&[("base", s("sam"))]))), "unknown");
    let mut sam = Optimizer::new(s("sam"), JsValue::UNDEFINED).expect("SAM");
    assert_eq!(refused(sam.update(1.0, 1.0, JsValue::UNDEFINED, JsValue::UNDEFINED)), "probe");
    assert_eq!(refused(sam.update(1.0, 1.0, n(0.5), function("a, b", "throw new Error('page')"))), "type");
    assert_eq!(refused(sam.update(1.0, 1.0, n(0.5), function("a, b", "return 3"))), "type");
    let d = sam.update(1.0, 1.0, n(0.5), function("a, b", "return [1 + a, 1 + b, 0.5]")).expect("SAM with gradAt");
    assert!(d.to_vec().iter().all(|v| v.is_finite()));
    assert_eq!(refused(Surface::new(s("mountain"))), "unknown");
    assert_eq!(refused(optimizer_defaults(s("adamw"))), "unknown");
    assert_eq!(refused(optimizer_ranges(JsValue::NULL)), "type");
    assert_eq!(refused(data_preset(s("spiral"), 0.0)), "unknown");
    assert_eq!(refused(data_preset(s("logistic"), -1.0)), "range");
    assert_eq!(refused(start_from_seed(0.0, 100.0)), "range");

    // Free functions: names, counts, non-finite results.
    assert_eq!(refused(neuron(1.0, 0.0, 0.0, s("swish!"))), "unknown");
    assert_eq!(refused(neuron(1.0, 0.0, 0.0, n(3.0))), "type");
    assert_eq!(refused(loss(0.5, 0.5, s("hinge"))), "unknown");
    assert_eq!(refused(sgd_run(1.0, 0.5, -2.0, -2.0, 0.1, 1e9)), "range");
    assert_eq!(refused(sgd_run(1.0, 0.5, -2.0, -2.0, 0.1, f64::INFINITY)), "range");
    assert_eq!(refused(sgd_run(1.0, 0.5, -2.0, -2.0, 0.1, 2.5)), "range");
    assert_eq!(refused(loss_heatmap(1.0, 0.5, 2.0, -2.0, 8.0, 8.0, s("autumn"), JsValue::UNDEFINED)), "range");
    assert_eq!(refused(loss_heatmap(1.0, 0.5, -2.0, 2.0, 1e5, 8.0, s("autumn"), JsValue::UNDEFINED)), "range");
    assert_eq!(refused(loss_heatmap(1.0, 0.5, -2.0, 2.0, 8.0, 8.0, s("jet"), JsValue::UNDEFINED)), "unknown");
}

#[wasm_bindgen_test]
fn a_result_that_is_not_finite_is_a_nonfinite_refusal() {
    let nonfinite = |r: Result<JsValue, JsValue>, name: &str| {
        let e = r.err().unwrap_or_else(|| panic!("{name}: accepted"));
        assert_eq!(code(&e).as_deref(), Some("nonfinite"), "{name}");
        assert_eq!(prop(&e, "name").as_string().as_deref(), Some(name));
        assert!(!num(&e, "value").is_finite(), "{name}: the value is given");
    };
    nonfinite(neuron(f64::NAN, 1.0, 0.0, JsValue::UNDEFINED).map(n), "neuron");
    nonfinite(neuron(1e308, 1e308, 0.0, s("identity")).map(n), "neuron");
    nonfinite(loss(1e200, -1e200, JsValue::UNDEFINED).map(n), "loss");
    nonfinite(
        gradient(f64::INFINITY, 1.0, 0.0, 0.5, JsValue::UNDEFINED, JsValue::UNDEFINED).map(Into::into),
        "gradient",
    );
    nonfinite(sgd_step(0.0, 0.0, 1e308, 0.0, 1e3).map(Into::into), "sgdStep");
    nonfinite(parabola_step(1e308, 1e3).map(n), "parabolaStep");
    nonfinite(sgd_run(1.0, 0.5, 0.0, 0.0, f64::NAN, 1.0).map(Into::into), "sgdRun");
    let rosenbrock = Surface::new(s("rosenbrock")).expect("rosenbrock");
    nonfinite(rosenbrock.value(1e200, 1e200).map(n), "Surface.value");
    nonfinite(rosenbrock.gradient(1e200, 0.0).map(Into::into), "Surface.gradient");
    assert_eq!(rosenbrock.value(1.0, 1.0).expect("the minimum"), 0.0);

    // A refused move leaves the optimizer as it was: the next update is a fresh Adam's first.
    let mut adam = Optimizer::new(s("adam"), JsValue::UNDEFINED).expect("adam");
    nonfinite(adam.update(f64::NAN, 0.0, JsValue::UNDEFINED, JsValue::UNDEFINED).map(Into::into), "Optimizer.update");
    let after = adam.update(0.3, -0.2, JsValue::UNDEFINED, JsValue::UNDEFINED).expect("a finite move").to_vec();
    let mut fresh = Optimizer::new(s("adam"), JsValue::UNDEFINED).expect("adam");
    let first = fresh.update(0.3, -0.2, JsValue::UNDEFINED, JsValue::UNDEFINED).expect("a finite move").to_vec();
    assert_eq!(after, first);
}

// ---------------------------------------------------------------------------------------------
// Never a dead widget
// ---------------------------------------------------------------------------------------------

/// A JS value as a page might pass it where another is expected.
#[derive(Clone, Debug)]
enum Arg {
    Undefined,
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Typed(Vec<f64>),
    Arr(Vec<Arg>),
    Obj(Vec<(String, Arg)>),
    /// A function (for SAM's `gradAt`): see [`FUNCTIONS`].
    Fun(usize),
    /// A value whose reading throws or lies: see [`HOSTILE`].
    Hostile(usize),
}

/// Bodies of `gradAt(a, b)` a page might give: right, throwing, returning the wrong thing.
const FUNCTIONS: [&str; 7] = [
    "return [a, b, 0.5];",
    "throw new Error('gradAt');",
    "return 7;",
    "return undefined;",
    "return Object.defineProperty([1, 2, 3], 0, { get() { throw new Error('index'); } });",
    "return { length: 3, get 0() { throw new Error('index'); } };",
    "return new Proxy([1, 2, 3], { get() { throw new Error('trap'); } });",
];

/// Values whose every property read, key list, prototype or length throws or lies.
const HOSTILE: [&str; 9] = [
    "new Proxy({}, { get() { throw new Error('get'); }, has() { throw 1; }, ownKeys() { throw 1; }, \
     getOwnPropertyDescriptor() { throw 1; }, getPrototypeOf() { throw 1; } })",
    "new Proxy([1, 2], { get() { throw new Error('get'); }, ownKeys() { throw 1; }, getPrototypeOf() { throw 1; } })",
    "(() => { const r = Proxy.revocable([], {}); r.revoke(); return r.proxy; })()",
    "Object.defineProperty([1, 2], 0, { get() { throw new Error('index'); } })",
    "Object.defineProperty(new Float64Array(2), 'length', { get() { throw new Error('length'); } })",
    "new Array(4294967295)",
    "new Proxy([1, 2], { get(t, k) { return k === 'length' ? 1e9 : t[k]; } })",
    "new Proxy(new Float64Array(2), {})",
    "({ get name() { throw new Error('name'); }, get params() { throw 1; }, get theme() { throw 1; }, \
     get words() { throw 1; }, get start() { throw 1; }, get runs() { throw 1; } })",
];

fn js(a: &Arg) -> JsValue {
    match a {
        Arg::Undefined => JsValue::UNDEFINED,
        Arg::Null => JsValue::NULL,
        Arg::Bool(b) => JsValue::from_bool(*b),
        Arg::Num(x) => n(*x),
        Arg::Str(v) => s(v),
        Arg::Typed(v) => Float64Array::from(&v[..]).into(),
        Arg::Arr(v) => arr(&v.iter().map(js).collect::<Vec<_>>()),
        Arg::Obj(kv) => {
            let o = Object::new();
            for (k, v) in kv {
                // A key like `__proto__` set to a hostile value may make later sets throw: ignored.
                let _ = Reflect::set(&o, &s(k), &js(v));
            }
            o.into()
        }
        Arg::Fun(i) => function("a, b", FUNCTIONS[i % FUNCTIONS.len()]),
        Arg::Hostile(i) => eval(HOSTILE[i % HOSTILE.len()]),
    }
}

/// The numbers that break arithmetic, and two plain ones.
const EDGES: [f64; 11] =
    [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e308, -1e308, 5e-324, 0.0, -0.0, 1e-300, -7.5, 3.0];

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => select(EDGES.to_vec()),
        3 => -25.0..25.0f64,
        2 => (-2i32..40).prop_map(f64::from),
        1 => proptest::num::f64::ANY,
    ]
}

/// Names the API knows, near misses, unicode and the empty string.
fn name() -> impl Strategy<Value = String> {
    let known = vec![
        "sigmoid",
        "relu",
        "tanh",
        "identity",
        "square",
        "bce",
        "cross-entropy",
        "neuron",
        "rosenbrock",
        "beale",
        "saddle",
        "parabola",
        "multiwell",
        "sgd",
        "adam",
        "sam",
        "santae",
        "eve",
        "logistic",
        "threshold",
        "single",
        "autumn",
        "viridis",
        "light",
        "dark",
        "epoch",
        "replacement",
        ",",
        ".",
    ];
    prop_oneof![4 => select(known).prop_map(String::from), 1 => Just(String::new()), 2 => "\\PC{0,8}"]
}

/// Every key a settings object, a view or an optimizer's parameters may hold, and strangers.
const KEYS: [&str; 33] = [
    "surface",
    "data",
    "activation",
    "loss",
    "range",
    "start",
    "runs",
    "batch",
    "order",
    "seed",
    "name",
    "params",
    "theme",
    "decimal",
    "cmap",
    "words",
    "hideNext",
    "guess",
    "yaw",
    "pitch",
    "log",
    "x",
    "y",
    "step",
    "lossLog",
    "curve",
    "x0",
    "eta",
    "beta1",
    "base",
    "rho",
    "N",
    "__proto__",
];

fn arg() -> impl Strategy<Value = Arg> {
    let leaf = prop_oneof![
        1 => Just(Arg::Undefined),
        1 => Just(Arg::Null),
        1 => any::<bool>().prop_map(Arg::Bool),
        4 => number().prop_map(Arg::Num),
        4 => name().prop_map(Arg::Str),
        1 => proptest::collection::vec(number(), 0..4).prop_map(Arg::Typed),
        1 => (0..FUNCTIONS.len()).prop_map(Arg::Fun),
        2 => (0..HOSTILE.len()).prop_map(Arg::Hostile),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Arg::Arr),
            proptest::collection::vec((select(KEYS.to_vec()).prop_map(String::from), inner), 0..6).prop_map(Arg::Obj),
        ]
    })
}

/// Settings a page would send for the loss panel (valid, mostly), as an `Arg`.
fn loss_settings() -> impl Strategy<Value = Arg> {
    let run =
        (select(vec!["sgd", "adam", "msgd", "sam", "santae", "eve", "adabelief"]), 0.0..0.5f64).prop_map(|(o, eta)| {
            Arg::Obj(vec![
                ("name".into(), Arg::Str(o.into())),
                ("params".into(), Arg::Obj(vec![("eta".into(), Arg::Num(eta))])),
            ])
        });
    (
        select(vec!["neuron", "neuron", "rosenbrock", "beale", "saddle", "tanh-bowl", "himmelblau"]),
        select(vec!["sigmoid", "tanh", "relu", "step", "hard-sigmoid"]),
        proptest::collection::vec(run, 1..4),
        (-1.5..1.5f64, -0.9..0.9f64),
        prop_oneof![Just(0.0), 1.0..4.0f64],
    )
        .prop_map(|(surface, act, runs, (w, b), batch)| {
            Arg::Obj(vec![
                ("surface".into(), Arg::Str(surface.into())),
                ("activation".into(), Arg::Str(act.into())),
                ("data".into(), Arg::Arr([1.0, 0.5, -1.0, 0.2, 2.0, 0.9].into_iter().map(Arg::Num).collect())),
                ("start".into(), Arg::Arr(vec![Arg::Num(w), Arg::Num(b)])),
                ("runs".into(), Arg::Arr(runs)),
                ("batch".into(), Arg::Num(batch.floor())),
            ])
        })
}

/// One call of the exported API, with its arguments.
#[derive(Clone, Debug)]
enum Call {
    Neuron(f64, f64, f64, Arg),
    Loss(f64, f64, Arg),
    Gradient(f64, f64, f64, f64, Arg, Arg),
    SgdStep(f64, f64, f64, f64, f64),
    ParabolaStep(f64, f64),
    Names,
    OptimizerDefaults(Arg),
    OptimizerRanges(Arg),
    DataPreset(Arg, f64),
    StartFromSeed(f64, f64),
    RandomSeed,
    SgdRun(f64, f64, f64, f64, f64, f64),
    LossHeatmap(f64, f64, f64, f64, f64, f64, Arg),
    LNew,
    LConfigure(Arg),
    LSetView(Arg),
    LStep(f64),
    LBack,
    LReset,
    LReadout(Arg),
    LDraw(u32, f64, f64, f64),
    LHeatmap,
    LLocate(f64, f64, f64, f64, f64),
    LPlace(f64, f64, f64, f64, f64),
    LRows(f64),
    LTrajectory(f64),
    CNew,
    CConfigure(Arg),
    CSetView(Arg),
    CStep(f64),
    CBack,
    CReset,
    CReadout,
    CDraw(u32, f64, f64, f64),
    CLocate(f64, f64, f64, f64),
    CPlace(f64, f64, f64, f64),
    CRows,
    ONew(Arg, Arg),
    OUpdate(f64, f64, Arg, Arg),
    OReset,
    SNew(Arg),
    SValue(f64, f64),
    SGradient(f64, f64),
}

/// A canvas side: mostly small (debug wasm is slow), sometimes anything.
fn side() -> impl Strategy<Value = f64> {
    prop_oneof![4 => (1u32..300).prop_map(f64::from), 1 => number()]
}

fn call() -> impl Strategy<Value = Call> {
    let f = number;
    prop_oneof![
        (f(), f(), f(), arg()).prop_map(|(a, b, c, d)| Call::Neuron(a, b, c, d)),
        (f(), f(), arg()).prop_map(|(a, b, c)| Call::Loss(a, b, c)),
        (f(), f(), f(), f(), arg(), arg()).prop_map(|(a, b, c, d, e, g)| Call::Gradient(a, b, c, d, e, g)),
        (f(), f(), f(), f(), f()).prop_map(|(a, b, c, d, e)| Call::SgdStep(a, b, c, d, e)),
        (f(), f()).prop_map(|(a, b)| Call::ParabolaStep(a, b)),
        Just(Call::Names),
        arg().prop_map(Call::OptimizerDefaults),
        arg().prop_map(Call::OptimizerRanges),
        (arg(), f()).prop_map(|(a, b)| Call::DataPreset(a, b)),
        (f(), f()).prop_map(|(a, b)| Call::StartFromSeed(a, b)),
        Just(Call::RandomSeed),
        (f(), f(), f(), f(), f(), f()).prop_map(|(a, b, c, d, e, g)| Call::SgdRun(a, b, c, d, e, g)),
        (f(), f(), f(), f(), side(), side(), arg())
            .prop_map(|(a, b, c, d, e, g, h)| Call::LossHeatmap(a, b, c, d, e, g, h)),
        Just(Call::LNew),
        prop_oneof![loss_settings(), arg()].prop_map(Call::LConfigure),
        arg().prop_map(Call::LSetView),
        f().prop_map(Call::LStep),
        Just(Call::LBack),
        Just(Call::LReset),
        arg().prop_map(Call::LReadout),
        (0u32..7, side(), side(), prop_oneof![Just(1.0), f()]).prop_map(|(a, b, c, d)| Call::LDraw(a, b, c, d)),
        Just(Call::LHeatmap),
        (side(), side(), f(), f(), f()).prop_map(|(a, b, c, d, e)| Call::LLocate(a, b, c, d, e)),
        (side(), side(), f(), f(), f()).prop_map(|(a, b, c, d, e)| Call::LPlace(a, b, c, d, e)),
        f().prop_map(Call::LRows),
        f().prop_map(Call::LTrajectory),
        Just(Call::CNew),
        arg().prop_map(Call::CConfigure),
        arg().prop_map(Call::CSetView),
        f().prop_map(Call::CStep),
        Just(Call::CBack),
        Just(Call::CReset),
        Just(Call::CReadout),
        (0u32..3, side(), side(), prop_oneof![Just(1.0), f()]).prop_map(|(a, b, c, d)| Call::CDraw(a, b, c, d)),
        (side(), side(), f(), f()).prop_map(|(a, b, c, d)| Call::CLocate(a, b, c, d)),
        (side(), side(), f(), f()).prop_map(|(a, b, c, d)| Call::CPlace(a, b, c, d)),
        Just(Call::CRows),
        (arg(), arg()).prop_map(|(a, b)| Call::ONew(a, b)),
        (f(), f(), arg(), arg()).prop_map(|(a, b, c, d)| Call::OUpdate(a, b, c, d)),
        Just(Call::OReset),
        arg().prop_map(Call::SNew),
        (f(), f()).prop_map(|(a, b)| Call::SValue(a, b)),
        (f(), f()).prop_map(|(a, b)| Call::SGradient(a, b)),
    ]
}

/// The objects a sequence of calls works on.
struct World {
    loss: LossPanel,
    curve: CurvePanel,
    optimizer: Optimizer,
    surface: Surface,
}

impl World {
    fn new() -> World {
        World {
            loss: LossPanel::new().expect("panel"),
            curve: CurvePanel::new().expect("curve"),
            optimizer: Optimizer::new(s("sam"), obj(&[("base", s("adam"))])).expect("sam"),
            surface: Surface::new(s("beale")).expect("beale"),
        }
    }
}

/// A result, or a refusal with its code: anything else is the failure to report.
fn answer<T>(what: &str, r: Result<T, JsValue>) -> Result<Option<T>, String> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) => match code(&e) {
            Some(_) => Ok(None),
            None => Err(format!("{what}: an error without a code: {e:?}")),
        },
    }
}

fn finite_number(what: &str, r: Result<f64, JsValue>) -> Result<(), String> {
    match answer(what, r)? {
        Some(v) if !v.is_finite() => Err(format!("{what}: returned {v}")),
        _ => Ok(()),
    }
}

fn finite_array(what: &str, r: Result<Float64Array, JsValue>) -> Result<(), String> {
    match answer(what, r)? {
        Some(a) if a.to_vec().iter().any(|v| !v.is_finite()) => Err(format!("{what}: returned {:?}", a.to_vec())),
        _ => Ok(()),
    }
}

/// Make `call` on `w`: every answer must be a result (finite where it is a number) or a coded
/// refusal.
fn run(w: &mut World, call: &Call) -> Result<(), String> {
    let what = format!("{call:?}");
    let what = what.as_str();
    match call {
        Call::Neuron(a, b, c, d) => finite_number(what, neuron(*a, *b, *c, js(d)))?,
        Call::Loss(a, b, c) => finite_number(what, loss(*a, *b, js(c)))?,
        Call::Gradient(a, b, c, d, e, f) => finite_array(what, gradient(*a, *b, *c, *d, js(e), js(f)))?,
        Call::SgdStep(a, b, c, d, e) => finite_array(what, sgd_step(*a, *b, *c, *d, *e))?,
        Call::ParabolaStep(a, b) => finite_number(what, parabola_step(*a, *b))?,
        Call::Names => {
            for names in [
                activation_names(),
                loss_names(),
                optimizer_names(),
                surface_names_js(),
                curve_names(),
                data_preset_names(),
            ] {
                if Array::from(&names).length() == 0 {
                    return Err("an empty list of names".into());
                }
            }
        }
        Call::OptimizerDefaults(a) => {
            answer(what, optimizer_defaults(js(a)))?;
        }
        Call::OptimizerRanges(a) => {
            answer(what, optimizer_ranges(js(a)))?;
        }
        Call::DataPreset(a, b) => finite_array(what, data_preset(js(a), *b))?,
        Call::StartFromSeed(a, b) => finite_array(what, start_from_seed(*a, *b))?,
        Call::RandomSeed => {
            answer(what, random_seed())?;
        }
        Call::SgdRun(a, b, c, d, e, f) => finite_array(what, sgd_run(*a, *b, *c, *d, *e, *f))?,
        Call::LossHeatmap(a, b, c, d, e, f, g) => {
            answer(what, loss_heatmap(*a, *b, *c, *d, *e, *f, js(g), JsValue::UNDEFINED))?;
        }
        Call::LNew => w.loss = LossPanel::new().map_err(|e| format!("LossPanel::new: {e:?}"))?,
        Call::LConfigure(a) => {
            answer(what, w.loss.configure(js(a)))?;
        }
        Call::LSetView(a) => {
            answer(what, w.loss.set_view(js(a)))?;
        }
        Call::LStep(a) => {
            answer(what, w.loss.step(*a))?;
        }
        Call::LBack => {
            w.loss.back();
        }
        Call::LReset => w.loss.reset(),
        Call::LReadout(a) => {
            let runs = answer(what, w.loss.readout(js(a)))?.map(|r| Array::from(&prop(&r, "runs")));
            for run in runs.iter().flat_map(|r| r.iter()) {
                let (x, y, l) = (num(&run, "w"), num(&run, "b"), num(&run, "loss"));
                if !(x.is_finite() && y.is_finite() && l.is_finite()) {
                    return Err(format!("readout: point ({x}, {y}), loss {l}"));
                }
            }
        }
        Call::LDraw(f, a, b, c) => {
            answer(what, w.loss.draw(*f, *a, *b, *c))?;
        }
        Call::LHeatmap => {
            let h = w.loss.heatmap(JsValue::UNDEFINED).map_err(|e| format!("{what}: {e:?}"))?;
            if num(&h, "version") != w.loss.heatmap_version() {
                return Err("two heatmap versions".into());
            }
            w.loss.contour_count();
        }
        Call::LLocate(a, b, c, d, e) => finite_array(what, w.loss.locate(*a, *b, *c, *d, *e))?,
        Call::LPlace(a, b, c, d, e) => finite_array(what, w.loss.place(*a, *b, *c, *d, *e))?,
        Call::LRows(a) => {
            answer(what, w.loss.rows(*a))?;
        }
        Call::LTrajectory(a) => {
            answer(what, w.loss.trajectory(*a))?;
        }
        Call::CNew => w.curve = CurvePanel::new().map_err(|e| format!("CurvePanel::new: {e:?}"))?,
        Call::CConfigure(a) => {
            answer(what, w.curve.configure(js(a)))?;
        }
        Call::CSetView(a) => {
            answer(what, w.curve.set_view(js(a)))?;
        }
        Call::CStep(a) => {
            answer(what, w.curve.step(*a))?;
        }
        Call::CBack => {
            w.curve.back();
        }
        Call::CReset => w.curve.reset(),
        Call::CReadout => {
            let r = w.curve.readout();
            if !(num(&r, "x").is_finite() && num(&r, "y").is_finite()) {
                return Err(format!("curve readout: {r:?}"));
            }
        }
        Call::CDraw(f, a, b, c) => {
            answer(what, w.curve.draw(*f, *a, *b, *c))?;
        }
        Call::CLocate(a, b, c, d) => finite_number(what, w.curve.locate(*a, *b, *c, *d))?,
        Call::CPlace(a, b, c, d) => finite_array(what, w.curve.place(*a, *b, *c, *d))?,
        Call::CRows => {
            w.curve.rows();
            w.curve.xs();
        }
        Call::ONew(a, b) => {
            if let Some(o) = answer(what, Optimizer::new(js(a), js(b)))? {
                o.name();
                o.params();
                w.optimizer = o;
            }
        }
        Call::OUpdate(a, b, c, d) => finite_array(what, w.optimizer.update(*a, *b, js(c), js(d)))?,
        Call::OReset => w.optimizer.reset(),
        Call::SNew(a) => {
            if let Some(v) = answer(what, Surface::new(js(a)))? {
                v.name();
                v.formula();
                v.window();
                v.start();
                w.surface = v;
            }
        }
        Call::SValue(a, b) => finite_number(what, w.surface.value(*a, *b))?,
        Call::SGradient(a, b) => finite_array(what, w.surface.gradient(*a, *b))?,
    }
    Ok(())
}

/// After anything: a fresh panel works (and draws its map, with `draw`) and the article's neuron
/// answers.
fn assert_alive(draw: bool) {
    assert_eq!(neuron(1.0, 0.0, 0.0, JsValue::UNDEFINED).expect("neuron"), 0.5);
    let mut p = LossPanel::new().expect("a fresh panel");
    assert_eq!(p.step(2.0).expect("steps"), 2);
    if draw {
        assert_record(&p.draw(0, 200.0, 150.0, 1.0).expect("the map"), "the map after the storm");
    }
    let mut c = CurvePanel::new().expect("a fresh curve");
    assert_eq!(c.step(1.0).expect("a step"), 1);
    assert_eq!(num(&c.readout(), "x"), -1.0);
}

proptest! {
    #![proptest_config(Config {
        cases: 96,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(0x5EED_DE5C),
        max_shrink_iters: 200,
        ..Config::default()
    })]

    /// Sequences of calls of everything exported, with any numbers and any values.
    #[wasm_bindgen_test]
    fn any_sequence_of_calls_gets_answers(calls in proptest::collection::vec(call(), 1..10)) {
        let mut w = World::new();
        for c in &calls {
            run(&mut w, c).map_err(TestCaseError::fail)?;
        }
        assert_alive(false);
    }
}

/// SplitMix64 (as `descent::seed`), for the deterministic sweep.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The edges, then pseudo-random values from a fixed seed: any bit pattern, numbers in the
/// panels' ranges, whole numbers.
fn sweep_values(count: usize) -> Vec<f64> {
    let mut state = 0x5EED;
    let mut v = EDGES.to_vec();
    for i in 0..count {
        let r = splitmix64(&mut state);
        v.push(match i % 3 {
            0 => f64::from_bits(r),
            1 => (r >> 11) as f64 / (1u64 << 53) as f64 * 50.0 - 25.0,
            _ => (r % 48) as f64 - 4.0,
        });
    }
    v
}

/// Wrong-typed (and hostile) values for every place a string or an object is expected.
fn wrong_values() -> Vec<Arg> {
    let mut v = vec![
        Arg::Undefined,
        Arg::Null,
        Arg::Bool(true),
        Arg::Num(0.0),
        Arg::Num(f64::NAN),
        Arg::Str(String::new()),
        Arg::Str("☃\u{0}".into()),
        Arg::Obj(vec![]),
        Arg::Arr(vec![]),
        Arg::Arr(vec![Arg::Num(1.0), Arg::Num(2.0)]),
        Arg::Typed(vec![1.0, 2.0]),
        Arg::Obj(vec![("name".into(), Arg::Num(3.0)), ("runs".into(), Arg::Str("sgd".into()))]),
    ];
    v.extend((0..FUNCTIONS.len()).map(Arg::Fun));
    v.extend((0..HOSTILE.len()).map(Arg::Hostile));
    v
}

/// Every numeric argument of every call at every value of the sweep (the others kept valid), and
/// every string or object argument at every wrong value; then the module still works.
#[wasm_bindgen_test]
fn every_argument_at_every_edge_value_and_every_wrong_type() {
    let mut w = World::new();
    let values = sweep_values(200);
    let mut calls = 0;
    for (i, &x) in values.iter().enumerate() {
        let ok = Arg::Undefined;
        let numeric = [
            Call::Neuron(x, 1.0, 0.0, ok.clone()),
            Call::Neuron(1.0, x, 0.0, ok.clone()),
            Call::Neuron(1.0, 1.0, x, Arg::Str("relu".into())),
            Call::Loss(x, 0.5, ok.clone()),
            Call::Loss(0.5, x, Arg::Str("bce".into())),
            Call::Gradient(x, -2.0, -2.0, 0.5, ok.clone(), ok.clone()),
            Call::Gradient(1.0, x, -2.0, 0.5, ok.clone(), ok.clone()),
            Call::Gradient(1.0, -2.0, x, 0.5, Arg::Str("tanh".into()), ok.clone()),
            Call::Gradient(1.0, -2.0, -2.0, x, ok.clone(), Arg::Str("bce".into())),
            Call::SgdStep(x, -2.0, 0.1, 0.1, 0.1),
            Call::SgdStep(-2.0, x, 0.1, 0.1, 0.1),
            Call::SgdStep(-2.0, -2.0, x, 0.1, 0.1),
            Call::SgdStep(-2.0, -2.0, 0.1, x, 0.1),
            Call::SgdStep(-2.0, -2.0, 0.1, 0.1, x),
            Call::ParabolaStep(x, 0.1),
            Call::ParabolaStep(1.0, x),
            Call::DataPreset(Arg::Str("logistic".into()), x),
            Call::StartFromSeed(x, 2.0),
            Call::StartFromSeed(7.0, x),
            Call::SgdRun(x, 0.5, -2.0, -2.0, 0.1, 3.0),
            Call::SgdRun(1.0, x, -2.0, -2.0, 0.1, 3.0),
            Call::SgdRun(1.0, 0.5, x, -2.0, 0.1, 3.0),
            Call::SgdRun(1.0, 0.5, -2.0, x, 0.1, 3.0),
            Call::SgdRun(1.0, 0.5, -2.0, -2.0, x, 3.0),
            Call::SgdRun(1.0, 0.5, -2.0, -2.0, 0.1, x),
            Call::LossHeatmap(x, 0.5, -2.0, 2.0, 8.0, 8.0, Arg::Str("autumn".into())),
            Call::LossHeatmap(1.0, x, -2.0, 2.0, 8.0, 8.0, Arg::Str("autumn".into())),
            Call::LossHeatmap(1.0, 0.5, x, 2.0, 8.0, 8.0, Arg::Str("viridis".into())),
            Call::LossHeatmap(1.0, 0.5, -2.0, x, 8.0, 8.0, Arg::Str("viridis".into())),
            Call::LossHeatmap(1.0, 0.5, -2.0, 2.0, x, 8.0, Arg::Str("autumn".into())),
            Call::LossHeatmap(1.0, 0.5, -2.0, 2.0, 8.0, x, Arg::Str("autumn".into())),
            Call::LStep(x),
            Call::LDraw((i % 5) as u32, x, 90.0, 1.0),
            Call::LDraw((i % 5) as u32, 120.0, x, 1.0),
            Call::LDraw((i % 5) as u32, 120.0, 90.0, x),
            Call::LDraw(x as u32, 120.0, 90.0, 1.0),
            Call::LLocate(x, 500.0, 1.0, 100.0, 100.0),
            Call::LLocate(600.0, x, 1.0, 100.0, 100.0),
            Call::LLocate(600.0, 500.0, x, 100.0, 100.0),
            Call::LLocate(600.0, 500.0, 1.0, x, 100.0),
            Call::LLocate(600.0, 500.0, 1.0, 100.0, x),
            Call::LPlace(x, 500.0, 1.0, 0.5, 0.5),
            Call::LPlace(600.0, x, 1.0, 0.5, 0.5),
            Call::LPlace(600.0, 500.0, x, 0.5, 0.5),
            Call::LPlace(600.0, 500.0, 1.0, x, 0.5),
            Call::LPlace(600.0, 500.0, 1.0, 0.5, x),
            Call::LRows(x),
            Call::LTrajectory(x),
            Call::CStep(x),
            Call::CDraw((i % 2) as u32, x, 90.0, 1.0),
            Call::CDraw((i % 2) as u32, 120.0, x, 1.0),
            Call::CDraw((i % 2) as u32, 120.0, 90.0, x),
            Call::CDraw(x as u32, 120.0, 90.0, 1.0),
            Call::CLocate(x, 372.0, 1.0, 50.0),
            Call::CLocate(600.0, x, 1.0, 50.0),
            Call::CLocate(600.0, 372.0, x, 50.0),
            Call::CLocate(600.0, 372.0, 1.0, x),
            Call::CPlace(x, 372.0, 1.0, 0.5),
            Call::CPlace(600.0, x, 1.0, 0.5),
            Call::CPlace(600.0, 372.0, x, 0.5),
            Call::CPlace(600.0, 372.0, 1.0, x),
            Call::OUpdate(x, 0.1, Arg::Num(0.5), Arg::Fun(0)),
            Call::OUpdate(0.1, x, Arg::Num(x), Arg::Fun(0)),
            Call::SValue(x, 0.5),
            Call::SValue(0.5, x),
            Call::SGradient(x, 0.5),
            Call::SGradient(0.5, x),
            Call::LConfigure(Arg::Obj(vec![("range".into(), Arg::Num(x))])),
            Call::LConfigure(Arg::Obj(vec![("start".into(), Arg::Arr(vec![Arg::Num(x), Arg::Num(0.0)]))])),
            Call::LConfigure(Arg::Obj(vec![("batch".into(), Arg::Num(x)), ("seed".into(), Arg::Num(x))])),
            Call::LConfigure(Arg::Obj(vec![("data".into(), Arg::Arr(vec![Arg::Num(x), Arg::Num(0.5)]))])),
            Call::CConfigure(Arg::Obj(vec![("x0".into(), Arg::Num(x))])),
            Call::CConfigure(Arg::Obj(vec![("eta".into(), Arg::Num(x))])),
            Call::LSetView(Arg::Obj(vec![("yaw".into(), Arg::Num(x)), ("guess".into(), Arg::Typed(vec![x, x]))])),
            Call::CSetView(Arg::Obj(vec![("guess".into(), Arg::Num(x))])),
        ];
        for c in &numeric {
            run(&mut w, c).unwrap_or_else(|e| panic!("{e}"));
            calls += 1;
        }
        if i % 16 == 15 {
            // Keep the runs near their start so steps keep being taken.
            w.loss.reset();
            w.curve.reset();
        }
    }
    for a in wrong_values() {
        let valid = Arg::Str("sigmoid".into());
        let typed = [
            Call::Neuron(1.0, 0.0, 0.0, a.clone()),
            Call::Loss(0.5, 0.5, a.clone()),
            Call::Gradient(1.0, 0.0, 0.0, 0.5, a.clone(), Arg::Undefined),
            Call::Gradient(1.0, 0.0, 0.0, 0.5, valid, a.clone()),
            Call::OptimizerDefaults(a.clone()),
            Call::OptimizerRanges(a.clone()),
            Call::DataPreset(a.clone(), 1.0),
            Call::LossHeatmap(1.0, 0.5, -2.0, 2.0, 8.0, 8.0, a.clone()),
            Call::LConfigure(a.clone()),
            Call::LConfigure(Arg::Obj(KEYS.iter().map(|k| (k.to_string(), a.clone())).collect())),
            Call::LConfigure(Arg::Obj(vec![("runs".into(), Arg::Arr(vec![a.clone()]))])),
            Call::LConfigure(Arg::Obj(vec![(
                "runs".into(),
                Arg::Arr(vec![Arg::Obj(vec![("name".into(), Arg::Str("adam".into())), ("params".into(), a.clone())])]),
            )])),
            Call::LSetView(a.clone()),
            Call::LSetView(Arg::Obj(KEYS.iter().map(|k| (k.to_string(), a.clone())).collect())),
            Call::LSetView(Arg::Obj(vec![("words".into(), Arg::Obj(vec![("runs".into(), a.clone())]))])),
            Call::LDraw(0, 200.0, 150.0, 1.0),
            Call::CConfigure(a.clone()),
            Call::CConfigure(Arg::Obj(KEYS.iter().map(|k| (k.to_string(), a.clone())).collect())),
            Call::CSetView(a.clone()),
            Call::CSetView(Arg::Obj(vec![("words".into(), a.clone()), ("guess".into(), a.clone())])),
            Call::CDraw(0, 200.0, 150.0, 1.0),
            Call::ONew(a.clone(), Arg::Undefined),
            Call::ONew(Arg::Str("adam".into()), a.clone()),
            Call::ONew(Arg::Str("sam".into()), Arg::Obj(vec![("base".into(), a.clone())])),
            Call::OUpdate(0.1, 0.2, a.clone(), a.clone()),
            Call::SNew(a.clone()),
        ];
        for c in &typed {
            run(&mut w, c).unwrap_or_else(|e| panic!("{e}"));
            calls += 1;
        }
        // A SAM optimizer again for the next gradAt.
        w.optimizer = Optimizer::new(s("sam"), JsValue::UNDEFINED).expect("sam");
    }
    assert!(calls > 10_000, "{calls} calls");
    assert_alive(true);
}

/// Hundreds of refused calls on one panel (sizes, settings, steps, optimizers), then a fresh panel
/// and the article's neuron still work.
#[wasm_bindgen_test]
fn the_module_is_alive_after_hundreds_of_refusals() {
    let mut p = LossPanel::new().expect("panel");
    for i in 0..300 {
        let x = EDGES[i % EDGES.len()];
        let _ = p.draw((i % 7) as u32, x, x, x);
        let _ = p.configure(obj(&[("start", arr(&[n(x), n(x)])), ("activation", n(x))]));
        let _ = p.step(x);
        let _ = Optimizer::new(n(x), n(x));
        let _ = sgd_step(x, x, x, x, x);
    }
    assert_alive(true);
}

/// The colour pass in wasm (simd128, where the autumn map takes an arithmetic path) gives, byte
/// for byte, the table's colour of `k = ⌊(v − min)·255/(max − min) + ½⌋` clamped to 0…255 (NaN → 0),
/// for every value class and both maps, and at every length (the tail past a multiple of four).
#[wasm_bindgen_test]
fn the_colour_pass_in_wasm_is_the_table_lookup() {
    use descent::colormap::ColorMap;
    let (min, max) = (-0.25f32, 1.75f32);
    let mut values = vec![
        f32::NAN,
        f32::INFINITY,
        f32::NEG_INFINITY,
        min,
        max,
        -1e30,
        1e30,
        min - f32::EPSILON,
        max + 1.0,
        0.0,
        -0.0,
        f32::MIN_POSITIVE,
    ];
    // Every colour index, and values halfway between two indices (ties round up).
    for k in 0..=512 {
        values.push(min + (max - min) * k as f32 / 510.0);
    }
    for map in [ColorMap::Autumn, ColorMap::Viridis] {
        let table = map.table();
        let scale = 255.0 / (max - min);
        for len in [values.len(), values.len() - 1, values.len() - 2, values.len() - 3, 3, 1, 0] {
            let mut out = Vec::new();
            descent::heatmap::colour(&values[..len], min, max, map, &mut out);
            assert_eq!(out.len(), 4 * len);
            for (i, &v) in values[..len].iter().enumerate() {
                let k = (v - min) * scale + 0.5;
                let k = if k >= 1.0 {
                    if k < 255.0 {
                        k as usize
                    } else {
                        255
                    }
                } else {
                    0
                };
                assert_eq!(&out[4 * i..4 * i + 4], &table[k], "{} at {v} (value {i} of {len})", map.name());
            }
        }
    }
}
