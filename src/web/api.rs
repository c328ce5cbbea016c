//! The free functions of `pkg/descent.js`: the article's neuron, its losses and learning rule,
//! the names of everything a page can choose, and the benchmark's bare loops.

use super::{
    bounded, fail, finite, finite_array, get, number_or, pixels, setup_error, string, string_or, strings, whole,
};
use crate::activation::{Activation, ACTIVATIONS};
use crate::data::{Preset, PRESETS};
use crate::loss::{Loss, LOSSES};
use crate::neuron::forward_backward;
use crate::optim::{self, Hyper};
use crate::scene::{loss::surface_names, SetupError};
use js_sys::{Float64Array, Object, Uint8ClampedArray};
use wasm_bindgen::prelude::*;

fn activation(v: &JsValue) -> Result<Activation, JsValue> {
    let name = string_or("activation", v, "sigmoid")?;
    Activation::from_name(&name).ok_or_else(|| {
        setup_error(SetupError::Unknown {
            kind: "activation",
            given: name,
            known: ACTIVATIONS.iter().map(|a| a.name()).collect(),
        })
    })
}

fn loss_kind(v: &JsValue) -> Result<Loss, JsValue> {
    let name = string_or("loss", v, "square")?;
    Loss::from_name(&name).ok_or_else(|| {
        setup_error(SetupError::Unknown { kind: "loss", given: name, known: LOSSES.iter().map(|l| l.name()).collect() })
    })
}

/// `act(x·w + b)`, by default `σ(x·w + b)` (a result that is not finite is a `nonfinite`
/// refusal, as for every function below that returns numbers).
#[wasm_bindgen]
pub fn neuron(x: f64, w: f64, b: f64, activation_name: JsValue) -> Result<f64, JsValue> {
    finite("neuron", activation(&activation_name)?.forward(x * w + b))
}

/// The loss of output `y` against target `t`: by default the square `½(y − t)²`.
#[wasm_bindgen]
pub fn loss(y: f64, t: f64, kind: JsValue) -> Result<f64, JsValue> {
    finite("loss", loss_kind(&kind)?.value(y, t))
}

/// `[∂L/∂w, ∂L/∂b]` by back propagation, by default for `L = ½(σ(x·w + b) − t)²`.
#[wasm_bindgen]
pub fn gradient(
    x: f64,
    w: f64,
    b: f64,
    t: f64,
    activation_name: JsValue,
    loss_name: JsValue,
) -> Result<Float64Array, JsValue> {
    let (act, l) = (activation(&activation_name)?, loss_kind(&loss_name)?);
    let p = forward_backward(x, w, b, t, act, l);
    finite_array("gradient", &[p.grad_w, p.grad_b])
}

/// `[w − η·g_w, b − η·g_b]`.
#[wasm_bindgen(js_name = sgdStep)]
pub fn sgd_step(w: f64, b: f64, grad_w: f64, grad_b: f64, eta: f64) -> Result<Float64Array, JsValue> {
    let (w, b) = crate::model::sgd_step(w, b, grad_w, grad_b, eta);
    finite_array("sgdStep", &[w, b])
}

/// `x − η·2x`.
#[wasm_bindgen(js_name = parabolaStep)]
pub fn parabola_step(x: f64, eta: f64) -> Result<f64, JsValue> {
    finite("parabolaStep", crate::parabola::parabola_step(x, eta))
}

#[wasm_bindgen(js_name = activationNames)]
pub fn activation_names() -> JsValue {
    strings(&ACTIVATIONS.iter().map(|a| a.name()).collect::<Vec<_>>())
}

#[wasm_bindgen(js_name = lossNames)]
pub fn loss_names() -> JsValue {
    strings(&LOSSES.iter().map(|l| l.name()).collect::<Vec<_>>())
}

#[wasm_bindgen(js_name = optimizerNames)]
pub fn optimizer_names() -> JsValue {
    strings(&optim::NAMES)
}

/// `"neuron"` and the test surfaces.
#[wasm_bindgen(js_name = surfaceNames)]
pub fn surface_names_js() -> JsValue {
    strings(&surface_names())
}

#[wasm_bindgen(js_name = curveNames)]
pub fn curve_names() -> JsValue {
    strings(&crate::scene::curve::CURVES.iter().map(|c| c.0).collect::<Vec<_>>())
}

#[wasm_bindgen(js_name = dataPresetNames)]
pub fn data_preset_names() -> JsValue {
    strings(&PRESETS.iter().map(|p| p.name()).collect::<Vec<_>>())
}

/// The hyperparameters of an optimizer with their defaults, as `new Optimizer` takes them:
/// `{eta: …, …}` (SAM's `base` a name).
#[wasm_bindgen(js_name = optimizerDefaults)]
pub fn optimizer_defaults(name: JsValue) -> Result<JsValue, JsValue> {
    let name = string("name", &name)?;
    let opt = optim::build(&name, &[]).map_err(|e| setup_error(SetupError::Optim(e)))?;
    Ok(hyper_object(&opt.hyper()))
}

/// The accepted range of each hyperparameter: `{key: [min, max, minOpen, maxOpen]}`.
#[wasm_bindgen(js_name = optimizerRanges)]
pub fn optimizer_ranges(name: JsValue) -> Result<JsValue, JsValue> {
    let name = string("name", &name)?;
    let Some(canon) = optim::canonical(&name) else {
        return Err(setup_error(SetupError::Optim(optim::OptimError::UnknownName { given: name })));
    };
    let o = Object::new();
    for s in optim::spec(canon) {
        let r = js_sys::Array::of4(&s.min.into(), &s.max.into(), &s.min_open.into(), &s.max_open.into());
        super::set(&o, s.key, r);
    }
    Ok(o.into())
}

/// Hyperparameters as a JS object.
pub(crate) fn hyper_object(h: &[(&'static str, Hyper<'static>)]) -> JsValue {
    let o = Object::new();
    for (k, v) in h {
        match v {
            Hyper::Num(x) => super::set(&o, k, *x),
            Hyper::Name(n) => super::set(&o, k, *n),
        }
    }
    o.into()
}

/// A preset data set: `[x₀, t₀, x₁, t₁, …]`, reproducible from `seed`.
#[wasm_bindgen(js_name = dataPreset)]
pub fn data_preset(name: JsValue, seed: f64) -> Result<Float64Array, JsValue> {
    let name = string("name", &name)?;
    let p = Preset::from_name(&name).ok_or_else(|| {
        setup_error(SetupError::Unknown {
            kind: "data",
            given: name,
            known: PRESETS.iter().map(|p| p.name()).collect(),
        })
    })?;
    let seed = bounded("seed", seed, 0.0, 4_294_967_295.0)? as u64;
    let d = p.generate(seed);
    let flat: Vec<f64> = d.x().iter().zip(d.t()).flat_map(|(&x, &t)| [x, t]).collect();
    Ok(Float64Array::from(&flat[..]))
}

/// The start for `seed`, uniform in `[−range, range]²`: `[w₀, b₀]`.
#[wasm_bindgen(js_name = startFromSeed)]
pub fn start_from_seed(seed: f64, range: f64) -> Result<Float64Array, JsValue> {
    let seed = bounded("seed", seed, 0.0, 4_294_967_295.0)? as u64;
    let r = bounded("range", range, 0.5, 20.0)?;
    let w = crate::landscape::Interval { lo: -r, hi: r };
    let (a, b) = crate::seed::start_from_seed(seed, w, w);
    Ok(Float64Array::from(&[a, b][..]))
}

/// A fresh random seed (32 bits) from the browser's crypto source.
#[wasm_bindgen(js_name = randomSeed)]
pub fn random_seed() -> Result<u32, JsValue> {
    getrandom::u32().map_err(|_| fail("random", &[]))
}

/// At most this many steps in one `sgdRun` (about a tenth of a second).
pub const MAX_RUN: f64 = 10_000_000.0;

/// `n` SGD steps on `L = ½(σ(x·w + b) − y*)²` from `(w, b)`, no history, no drawing: `[w, b]`.
/// The benchmark's measure of raw speed; `n` is a whole number up to 10⁷.
#[wasm_bindgen(js_name = sgdRun)]
pub fn sgd_run(x: f64, y_star: f64, w: f64, b: f64, eta: f64, n: f64) -> Result<Float64Array, JsValue> {
    let n = whole("n", n, 0.0, MAX_RUN)?;
    let (w, b) = crate::model::run_sgd(x, y_star, w, b, eta, n as u64);
    finite_array("sgdRun", &[w, b])
}

thread_local! {
    /// `lossHeatmap`'s two buffers, kept from call to call (taken out while in use).
    static GRID: std::cell::Cell<(Vec<f32>, Vec<u8>)> = const { std::cell::Cell::new((Vec::new(), Vec::new())) };
}

/// The sigmoid neuron's loss space as RGBA bytes, `cols × rows` pixels over `[lo, hi]²`, in the
/// colour map `cmap` (`autumn` or `viridis`): the benchmark's grid. With `into`, a
/// `Uint8ClampedArray` of `4·cols·rows` bytes (an `ImageData`'s `data`), the bytes are written
/// there and `into` is returned; without it, into a new `Uint8ClampedArray`.
#[wasm_bindgen(js_name = lossHeatmap)]
#[allow(clippy::too_many_arguments)]
pub fn loss_heatmap(
    x0: f64,
    y_star: f64,
    lo: f64,
    hi: f64,
    cols: f64,
    rows: f64,
    cmap: JsValue,
    into: JsValue,
) -> Result<Uint8ClampedArray, JsValue> {
    let window = crate::landscape::Interval::new(lo, hi)
        .ok_or_else(|| setup_error(SetupError::Range { name: "range", value: hi - lo, min: 0.0, max: f64::MAX }))?;
    let name = string("cmap", &cmap)?;
    let map = crate::colormap::ColorMap::from_name(&name).ok_or_else(|| {
        setup_error(SetupError::Unknown { kind: "colormap", given: name, known: vec!["autumn", "viridis"] })
    })?;
    let cols = bounded("cols", cols, 1.0, 4096.0)? as usize;
    let rows = bounded("rows", rows, 1.0, 4096.0)? as usize;
    let (x0, y_star) = (bounded("x0", x0, -1e6, 1e6)?, bounded("yStar", y_star, -1e6, 1e6)?);
    let (mut values, mut out) = GRID.take();
    let (min, max) = crate::heatmap::sigmoid_square(&[x0], &[y_star], &[window, window], cols, rows, &mut values);
    crate::heatmap::colour(&values, min, max, map, &mut out);
    let result = pixels("into", &out, &into);
    GRID.set((values, out));
    result
}

/// Read a number property, for settings objects.
pub(crate) fn num(obj: &JsValue, key: &str, default: f64) -> Result<f64, JsValue> {
    number_or(key, &get(obj, key)?, default)
}
