//! `ParabolaPanel`: gradient descent on `y = x²`, for the page.

use super::{backend, drawn, finite};
use crate::draw::chart::StepChart;
use crate::draw::parabola::ParabolaView;
use crate::lang::Lang;
use crate::parabola::{parabola_slope, Descent, Regime};
use js_sys::Float64Array;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

#[wasm_bindgen]
pub struct ParabolaPanel {
    descent: Descent,
    lang: Lang,
}

#[wasm_bindgen]
impl ParabolaPanel {
    /// Descent from `x₀` with learning rate `η`, on the figure `x ∈ [−range, range]`.
    #[wasm_bindgen(constructor)]
    pub fn new(x0: f64, eta: f64, range: f64) -> Result<ParabolaPanel, JsError> {
        let range = finite("range", range, 0.1, 1e3)?;
        let x0 = finite("x₀", x0, -range, range)?;
        let eta = finite("η", eta, -10.0, 10.0)?;
        Ok(ParabolaPanel { descent: Descent::new(x0, eta, range), lang: Lang::En })
    }

    pub fn step(&mut self) -> bool {
        self.descent.step()
    }
    #[wasm_bindgen(js_name = stepBack)]
    pub fn step_back(&mut self) -> bool {
        self.descent.step_back()
    }
    pub fn reset(&mut self) {
        self.descent.reset();
    }
    #[wasm_bindgen(js_name = setEta)]
    pub fn set_eta(&mut self, eta: f64) -> Result<(), JsError> {
        self.descent.set_eta(finite("η", eta, -10.0, 10.0)?);
        Ok(())
    }
    /// A new start `x₀` (the descent restarts there).
    #[wasm_bindgen(js_name = setStart)]
    pub fn set_start(&mut self, x0: f64) -> Result<(), JsError> {
        let r = self.descent.range();
        self.descent = Descent::new(finite("x₀", x0, -r, r)?, self.descent.eta(), r);
        Ok(())
    }

    /// The language of the words drawn and of `regimeText()`, `divergence()`: `en` or `fr`.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&mut self, code: &str) -> Result<(), JsError> {
        self.lang =
            Lang::from_code(code).ok_or_else(|| JsError::new(&format!("unknown language `{code}`: use en or fr")))?;
        Ok(())
    }

    /// A new figure range `x ∈ [−r, r]` (the descent restarts from `x₀`, which must lie inside).
    #[wasm_bindgen(js_name = setRange)]
    pub fn set_range(&mut self, range: f64) -> Result<(), JsError> {
        let range = finite("range", range, 0.1, 1e3)?;
        let x0 = self.descent.x0();
        if x0.abs() > range {
            return Err(JsError::new(&format!("x₀ = {x0} is outside the range ±{range}: move x₀ first")));
        }
        self.descent = Descent::new(x0, self.descent.eta(), range);
        Ok(())
    }

    /// One step in numbers, `[t, x_from, slope 2·x_from, Δx = −η·2·x_from, x_to, η, last]`: the
    /// step just taken (`x_{t−1} → x_t`, `last = 1`), or at `t = 0` the first step to come
    /// (`x₀ → x₁`, `last = 0`).
    pub fn readout(&self) -> Float64Array {
        let t = self.descent.step_count();
        let eta = self.descent.eta();
        let (from, last) = if t >= 1 { (self.descent.previous(), 1.0) } else { (self.descent.x(), 0.0) };
        let slope = parabola_slope(from);
        let dx = -eta * slope;
        let to = if t >= 1 { self.descent.x() } else { from + dx };
        Float64Array::from(&[t as f64, from, slope, dx, to, eta, last][..])
    }

    /// The current `x_t`.
    pub fn x(&self) -> f64 {
        self.descent.x()
    }

    /// `x₀ … x_t` (older steps thinned after many steps).
    pub fn xs(&self) -> Float64Array {
        Float64Array::from(&self.descent.xs()[..])
    }

    /// The regime's short name (`smooth`, `bounce`, …).
    pub fn regime(&self) -> String {
        Regime::of(self.descent.eta()).map_or("invalid", Regime::name).into()
    }

    /// The regime in words.
    #[wasm_bindgen(js_name = regimeText)]
    pub fn regime_text(&self) -> String {
        Regime::of(self.descent.eta())
            .map_or(self.lang.pick("η is not a number", "η n'est pas un nombre"), |r| r.describe(self.lang))
            .into()
    }

    /// Why the descent stopped, in words, or undefined.
    pub fn divergence(&self) -> Option<String> {
        self.descent.describe_stop(self.lang)
    }

    pub fn draw(&self, canvas: &HtmlCanvasElement, dpr: f64) -> Result<(), JsError> {
        let view = ParabolaView {
            lang: self.lang,
            ..ParabolaView::new(canvas.width(), canvas.height(), dpr, self.descent.range())
        };
        drawn(view.draw(backend(canvas)?, &self.descent.xs()))
    }

    /// `|x_t|` on a log scale with the predicted `|1 − 2η|^t·|x₀|` dashed.
    #[wasm_bindgen(js_name = drawRate)]
    pub fn draw_rate(&self, canvas: &HtmlCanvasElement, dpr: f64) -> Result<(), JsError> {
        let abs: Vec<(f64, f64)> = self.descent.trail().into_iter().map(|(t, x)| (t as f64, x.abs())).collect();
        let n = (self.descent.step_count() + 1).max(11);
        let every = n.div_ceil(400);
        let guide: Vec<(f64, f64)> =
            self.descent.predicted_abs(n).into_iter().enumerate().step_by(every).map(|(t, v)| (t as f64, v)).collect();
        let chart = StepChart { name: "|x_t|", values: &abs, log: true, guide: Some(&guide), lang: self.lang };
        drawn(chart.draw(backend(canvas)?, canvas.width(), canvas.height(), dpr))
    }

    /// `[x, y]` device pixel of the point `(x, x²)`.
    #[wasm_bindgen(js_name = pointToPixel)]
    pub fn point_to_pixel(&self, width: u32, height: u32, dpr: f64, x: f64) -> Float64Array {
        let (px, py) = ParabolaView::new(width, height, dpr, self.descent.range()).to_pixel(x, x * x);
        Float64Array::from(&[px, py][..])
    }

    /// The `x` under device pixel column `px`, clamped to the figure.
    #[wasm_bindgen(js_name = pixelToX)]
    pub fn pixel_to_x(&self, width: u32, height: u32, dpr: f64, px: f64) -> f64 {
        let r = self.descent.range();
        ParabolaView::new(width, height, dpr, r).to_x(px).clamp(-r, r)
    }
}
