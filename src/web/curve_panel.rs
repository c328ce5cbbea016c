//! `CurvePanel`: gradient descent on `y = x²` (or the series' multi-well curve) for the page
//! (see `crate::scene::curve`).

use super::api::num;
use super::loss_panel::{stop_object, trend_js};
use super::{
    bounded, canvas, draw_error, fail, get, record, set, setup_error, strings_into, type_error, whole, MAX_STEPS,
};
use crate::scene::curve::{CurveConfig, CurveFigure, CurveScene, CurveWords};
use js_sys::{Float64Array, Object};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct CurvePanel {
    scene: CurveScene,
    theme: JsValue,
    words: CurveWords,
    hide_next: bool,
    guess: Option<f64>,
}

fn config(obj: &JsValue) -> Result<CurveConfig, JsValue> {
    if !obj.is_object() {
        return Err(type_error("settings", "object"));
    }
    // Built first and read into, so a refusal drops one value (see the loss panel's `config`).
    let mut c = CurveConfig::default();
    strings_into(obj, &mut [("curve", &mut c.curve)])?;
    for (key, field) in [("x0", &mut c.x0), ("eta", &mut c.eta), ("range", &mut c.range)] {
        *field = num(obj, key, *field)?;
    }
    Ok(c)
}

#[wasm_bindgen]
impl CurvePanel {
    /// The article's `y = x²` from `x₀ = 1` with `η = 1` on `[−2.5, 2.5]`.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<CurvePanel, JsValue> {
        let scene = CurveScene::new(&CurveConfig::default()).map_err(setup_error)?;
        Ok(CurvePanel { scene, theme: JsValue::UNDEFINED, words: CurveWords::default(), hide_next: false, guess: None })
    }

    /// New settings (`curve`, `x0`, `eta`, `range`), all or nothing.
    pub fn configure(&mut self, settings: JsValue) -> Result<(), JsValue> {
        let c = config(&settings)?;
        self.scene.configure(&c).map_err(setup_error)
    }

    /// How the figures look: `theme`, `decimal`, `words: {x, y, slope, step, rate}`, `hideNext`,
    /// `guess` (an x, or null).
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(&mut self, view: JsValue) -> Result<(), JsValue> {
        super::style(&view, 1.0)?;
        let g = get(&view, "guess")?;
        let guess = if g.is_undefined() || g.is_null() {
            None
        } else {
            Some(bounded("guess", g.as_f64().unwrap_or(f64::NAN), -1e6, 1e6)?)
        };
        let hide_next = get(&view, "hideNext")?.is_truthy();
        let mut words = CurveWords {
            x: "x".into(),
            y: "y = x²".into(),
            slope: "slope 2x".into(),
            step: "step t".into(),
            rate: "|x_t|".into(),
        };
        let w = get(&view, "words")?;
        strings_into(
            &w,
            &mut [
                ("x", &mut words.x),
                ("y", &mut words.y),
                ("slope", &mut words.slope),
                ("step", &mut words.step),
                ("rate", &mut words.rate),
            ],
        )?;
        // Nothing changes until every value is read: all or nothing.
        self.theme = view.clone();
        self.words = words;
        self.hide_next = hide_next;
        self.guess = guess;
        Ok(())
    }

    /// Up to `n` steps; returns the steps taken (fewer when the descent stopped).
    pub fn step(&mut self, n: f64) -> Result<u32, JsValue> {
        let n = whole("steps", n, 0.0, MAX_STEPS)?;
        Ok(self.scene.step(n as usize) as u32)
    }

    pub fn back(&mut self) -> bool {
        self.scene.back()
    }

    pub fn reset(&mut self) {
        self.scene.reset();
    }

    /// The step to come from `x_t`, by name: `{t, x, y, slope, dx, next, eta, regime, stop,
    /// trend}` (`regime`: `smooth`, `bounce`, … on y = x², else null).
    pub fn readout(&self) -> JsValue {
        let r = self.scene.readout();
        let rd = &r.readout;
        let o = Object::new();
        set(&o, "t", rd.step as f64);
        set(&o, "x", rd.point[0]);
        set(&o, "y", r.y);
        set(&o, "slope", rd.next.grad[0]);
        set(&o, "dx", rd.next.delta[0]);
        set(&o, "next", rd.next.next[0]);
        set(&o, "eta", rd.eta);
        set(&o, "x0", self.scene.descent().start()[0]);
        set(&o, "regime", r.regime.map_or(JsValue::NULL, |g| g.name().into()));
        set(&o, "stop", stop_object(&rd.stop));
        set(&o, "trend", trend_js(rd.trend));
        o.into()
    }

    /// Draw figure `figure` (`0` the curve, `1` the rate chart): `{ops, texts, images}`.
    pub fn draw(&self, figure: u32, width: f64, height: f64, dpr: f64) -> Result<JsValue, JsValue> {
        let (w, h, dpr) = canvas(width, height, dpr)?;
        let fig = match figure {
            0 => CurveFigure::Curve,
            1 => CurveFigure::Rate,
            _ => {
                return Err(fail(
                    "range",
                    &[("name", "figure".into()), ("value", figure.into()), ("min", 0.into()), ("max", 1.into())],
                ))
            }
        };
        let style = super::style(&self.theme, dpr)?;
        let r = self.scene.draw(fig, w, h, style, &self.words, self.hide_next, self.guess).map_err(draw_error)?;
        Ok(record(r))
    }

    /// The `x` under device pixel column `px` of a figure `width × height` at `dpr`.
    pub fn locate(&self, width: f64, height: f64, dpr: f64, px: f64) -> Result<f64, JsValue> {
        let (w, h, dpr) = canvas(width, height, dpr)?;
        Ok(self.scene.locate(w, h, dpr, bounded("x", px, -1e6, 1e6)?))
    }

    /// `[x, y]`: the device pixel of `(x, f(x))`.
    pub fn place(&self, width: f64, height: f64, dpr: f64, x: f64) -> Result<Float64Array, JsValue> {
        let (w, h, dpr) = canvas(width, height, dpr)?;
        let (a, b) = self.scene.place(w, h, dpr, bounded("x", x, -1e6, 1e6)?);
        Ok(Float64Array::from(&[a, b][..]))
    }

    /// The steps as flat rows `t, x_t` (for CSV).
    pub fn rows(&self) -> Float64Array {
        let flat: Vec<f64> = self.scene.rows().into_iter().flatten().collect();
        Float64Array::from(&flat[..])
    }

    /// `x₀ … x_t` (older ones thinned after many steps).
    pub fn xs(&self) -> Float64Array {
        let xs: Vec<f64> = self.scene.descent().trail().into_iter().map(|(_, p)| p[0]).collect();
        Float64Array::from(&xs[..])
    }
}
