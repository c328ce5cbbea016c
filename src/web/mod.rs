//! The wasm-bindgen layer: converts between JS and the core's types and turns errors into
//! `JsError`s. No math lives here.

mod loss_panel;
mod parabola_panel;

pub use loss_panel::LossPanel;
pub use parabola_panel::ParabolaPanel;

use crate::{model, optim, parabola};
use js_sys::Float64Array;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// `σ(x·w + b)`.
#[wasm_bindgen]
pub fn neuron(x: f64, w: f64, b: f64) -> f64 {
    model::neuron(x, w, b)
}

/// `½(y − y*)²`.
#[wasm_bindgen]
pub fn loss(y: f64, y_star: f64) -> f64 {
    crate::loss::square_loss(y, y_star)
}

/// `[∂L/∂w, ∂L/∂b]` of `L = ½(σ(x·w + b) − y*)²`.
#[wasm_bindgen]
pub fn gradient(x: f64, w: f64, b: f64, y_star: f64) -> Float64Array {
    let (gw, gb) = model::gradient(x, w, b, y_star);
    Float64Array::from(&[gw, gb][..])
}

/// `[w − η·g_w, b − η·g_b]`.
#[wasm_bindgen(js_name = sgdStep)]
pub fn sgd_step(w: f64, b: f64, grad_w: f64, grad_b: f64, eta: f64) -> Float64Array {
    let (w, b) = optim::sgd_step(w, b, grad_w, grad_b, eta);
    Float64Array::from(&[w, b][..])
}

/// `x − η·2x`.
#[wasm_bindgen(js_name = parabolaStep)]
pub fn parabola_step(x: f64, eta: f64) -> f64 {
    parabola::parabola_step(x, eta)
}

/// `n` SGD steps on `L = ½(σ(x·w + b) − y*)²` from `(w, b)`, no history, no drawing: `[w, b]`.
/// The benchmark's measure of raw speed.
#[wasm_bindgen(js_name = sgdRun)]
pub fn sgd_run(x: f64, y_star: f64, w: f64, b: f64, eta: f64, n: f64) -> Float64Array {
    let space = crate::landscape::LossSpace { x0: x, y_star, ..Default::default() };
    let (w, b) = crate::train::run_sgd(&space, w, b, eta, n.max(0.0) as u64);
    Float64Array::from(&[w, b][..])
}

/// The loss space's heatmap as RGBA bytes, `cols × rows` pixels over `[lo, hi]²`, in the colour
/// map `cmap` (`autumn` or `viridis`).
#[wasm_bindgen(js_name = lossHeatmap)]
#[allow(clippy::too_many_arguments)]
pub fn loss_heatmap(
    x0: f64,
    y_star: f64,
    lo: f64,
    hi: f64,
    cols: u32,
    rows: u32,
    cmap: &str,
) -> Result<Vec<u8>, JsError> {
    let r = crate::landscape::Interval::new(lo, hi).map_err(|e| JsError::new(&e))?;
    let map = crate::colormap::ColorMap::from_name(cmap)
        .ok_or_else(|| JsError::new("unknown colour map: use autumn or viridis"))?;
    if cols == 0 || rows == 0 || cols as u64 * rows as u64 > 16_000_000 {
        return Err(JsError::new("the heatmap must have from 1 to 16 million pixels"));
    }
    let space = crate::landscape::LossSpace { x0, y_star, w: r, b: r };
    let mut out = Vec::new();
    crate::heatmap::heatmap(&space, cols as usize, rows as usize, map, &mut Vec::new(), &mut out);
    Ok(out)
}

/// A fresh random seed (32 bits) from the browser's crypto source.
#[wasm_bindgen(js_name = randomSeed)]
pub fn random_seed() -> Result<u32, JsError> {
    getrandom::u32().map_err(|e| JsError::new(&format!("no random source: {e}")))
}

/// A number the user typed, or an error that names it and its valid range.
pub(crate) fn finite(name: &str, v: f64, lo: f64, hi: f64) -> Result<f64, JsError> {
    if v.is_finite() && v >= lo && v <= hi {
        Ok(v)
    } else {
        Err(JsError::new(&format!("{name} = {v} is not valid: it must be a number from {lo} to {hi}")))
    }
}

pub(crate) fn backend(canvas: &HtmlCanvasElement) -> Result<plotters_canvas::CanvasBackend, JsError> {
    plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| JsError::new("the canvas has no 2-D context"))
}

pub(crate) fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsError> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| JsError::new("the canvas has no 2-D context"))
}

pub(crate) fn drawn(r: Result<(), String>) -> Result<(), JsError> {
    r.map_err(|e| JsError::new(&e))
}
