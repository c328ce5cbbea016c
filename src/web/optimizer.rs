//! The `Optimizer` and `Surface` classes of `pkg/descent.js`, for course authors who script their
//! own pages.

use super::api::hyper_object;
use super::{finite, finite_array, hyperparameters, list_items, list_length, setup_error, string, type_error};
use crate::objective::Objective;
use crate::optim::{self, Probe};
use crate::scene::{RunSpec, SetupError};
use js_sys::{Float64Array, Function};
use wasm_bindgen::prelude::*;

/// A learning rule by name: `new Optimizer("adam", {eta: 0.01})`, then `update(gradW, gradB)`
/// → `[dw, db]`.
#[wasm_bindgen]
pub struct Optimizer {
    inner: Box<dyn optim::Optimizer>,
}

/// SAM's probe through a page's function `gradAt(offsetW, offsetB) → [gw, gb, loss]` (an Array
/// or a Float64Array); a function that throws or returns something else gives NaN and marks the
/// probe failed. What it returns is read through `Reflect`, so nothing it holds can throw
/// through Rust.
struct JsProbe<'a> {
    f: &'a Function,
    failed: bool,
}

impl Probe for JsProbe<'_> {
    fn gradient_at_offset(&mut self, offset: &[f64], grad: &mut [f64]) -> f64 {
        let (a, b) = (offset.first().copied().unwrap_or(0.0), offset.get(1).copied().unwrap_or(0.0));
        let got = self.f.call2(&JsValue::NULL, &a.into(), &b.into()).ok();
        let nums: Option<Vec<f64>> = got.and_then(|v| {
            let len = list_length("gradAt", &v, true).ok().flatten().filter(|&n| n >= 2.0)?;
            let items = list_items("gradAt", &v, if len >= 3.0 { 3 } else { 2 }).ok()?;
            Some(items.iter().map(|x| x.as_f64().unwrap_or(f64::NAN)).collect())
        });
        match nums {
            Some(v) => {
                for (g, x) in grad.iter_mut().zip(&v) {
                    *g = *x;
                }
                v.get(2).copied().unwrap_or(f64::NAN)
            }
            None => {
                self.failed = true;
                grad.fill(f64::NAN);
                f64::NAN
            }
        }
    }
}

#[wasm_bindgen]
impl Optimizer {
    /// `name` (case-insensitive: `"Adam"`, `"rmsprop-graves"`, …) and `params`, an object of
    /// hyperparameters (missing ones take their defaults; SAM's `base` is a name).
    #[wasm_bindgen(constructor)]
    pub fn new(name: JsValue, params: JsValue) -> Result<Optimizer, JsValue> {
        let name = string("name", &name)?;
        let list = hyperparameters(&params)?;
        let inner = RunSpec { name, params: list }.build().map_err(setup_error)?;
        Ok(Optimizer { inner })
    }

    /// The canonical name.
    #[wasm_bindgen(getter)]
    pub fn name(&self) -> String {
        self.inner.name().into()
    }

    /// The hyperparameters in effect.
    pub fn params(&self) -> JsValue {
        hyper_object(&self.inner.hyper())
    }

    /// The move `[dw, db]` for gradients `(g_w, g_b)`; `loss` is the loss there (Eve uses it);
    /// SAM also needs `gradAt(ow, ob) → [g_w, g_b, loss]`, the gradient at the point moved by
    /// `(ow, ob)`. A move that is not finite is a `nonfinite` refusal; a refusal leaves the
    /// optimizer's state as it was.
    pub fn update(
        &mut self,
        grad_w: f64,
        grad_b: f64,
        loss: JsValue,
        grad_at: JsValue,
    ) -> Result<Float64Array, JsValue> {
        let loss = loss.as_f64().unwrap_or(f64::NAN);
        let mut delta = [0.0; 2];
        let before = self.inner.boxed();
        if self.inner.needs_probe() {
            let f = grad_at
                .dyn_ref::<Function>()
                .ok_or_else(|| setup_error(SetupError::NeedsObjective { optimizer: self.inner.name() }))?;
            let mut probe = JsProbe { f, failed: false };
            self.inner.update(&[grad_w, grad_b], loss, &mut probe, &mut delta);
            if probe.failed {
                self.inner = before;
                return Err(type_error("gradAt", "numbers"));
            }
        } else {
            struct None_;
            impl Probe for None_ {
                fn gradient_at_offset(&mut self, _: &[f64], grad: &mut [f64]) -> f64 {
                    grad.fill(f64::NAN);
                    f64::NAN
                }
            }
            self.inner.update(&[grad_w, grad_b], loss, &mut None_, &mut delta);
        }
        finite_array("Optimizer.update", &delta).inspect_err(|_| self.inner = before)
    }

    /// Back to the state before the first update.
    pub fn reset(&mut self) {
        self.inner.reset();
    }
}

/// A test surface by name: `new Surface("rosenbrock")`, `value(x, y)`, `gradient(x, y)`.
#[wasm_bindgen]
pub struct Surface {
    inner: crate::surface::Surface,
}

#[wasm_bindgen]
impl Surface {
    #[wasm_bindgen(constructor)]
    pub fn new(name: JsValue) -> Result<Surface, JsValue> {
        let name = string("name", &name)?;
        let inner = crate::surface::Surface::from_name(&name).ok_or_else(|| {
            setup_error(SetupError::Unknown {
                kind: "surface",
                given: name,
                known: crate::surface::SURFACES.iter().map(|s| s.name()).collect(),
            })
        })?;
        Ok(Surface { inner })
    }

    #[wasm_bindgen(getter)]
    pub fn name(&self) -> String {
        self.inner.name().into()
    }

    /// The formula in plain Unicode.
    #[wasm_bindgen(getter)]
    pub fn formula(&self) -> String {
        self.inner.formula().into()
    }

    /// `f(x, y)` (a `nonfinite` refusal when it is not finite).
    pub fn value(&self, x: f64, y: f64) -> Result<f64, JsValue> {
        finite("Surface.value", self.inner.value([x, y]))
    }

    /// `[∂f/∂x, ∂f/∂y]` (a `nonfinite` refusal when one is not finite).
    pub fn gradient(&self, x: f64, y: f64) -> Result<Float64Array, JsValue> {
        finite_array("Surface.gradient", &self.inner.gradient([x, y]))
    }

    /// The figure's window, `[x_lo, x_hi, y_lo, y_hi]`.
    pub fn window(&self) -> Float64Array {
        let [a, b] = self.inner.window();
        Float64Array::from(&[a.lo, a.hi, b.lo, b.hi][..])
    }

    /// The series' start, `[x, y]`.
    pub fn start(&self) -> Float64Array {
        Float64Array::from(&self.inner.start()[..])
    }
}
