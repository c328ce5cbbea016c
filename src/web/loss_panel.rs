//! `LossPanel`: the loss-space panel for the page (see `crate::scene::loss`).

use super::api::hyper_object;
use super::{
    bounded, canvas, draw_error, fail, key, number_or, pixels, record, set, setup_error, style, whole, MAX_STEPS,
};
use crate::colormap::ColorMap;
use crate::descent::{Quantity, Stop, Trend};
use crate::draw::surface::Angle;
use crate::scene::loss::{Figure, LossConfig, LossScene, View, Words};
use crate::scene::MAX_RUNS;
use js_sys::{Array, Float64Array, Object, Uint32Array};
use wasm_bindgen::prelude::*;

mod settings;
use settings::{config, ViewSettings};

#[wasm_bindgen]
pub struct LossPanel {
    scene: LossScene,
    view: ViewSettings,
}

fn trend_name(t: Trend) -> &'static str {
    match t {
        Trend::Start => "start",
        Trend::Descending => "descending",
        Trend::Converged => "converged",
        Trend::ZeroGradient => "zero-gradient",
        Trend::Plateau => "plateau",
        Trend::Oscillating => "oscillating",
        Trend::Noisy => "noisy",
        Trend::Rising => "rising",
    }
}

pub(crate) fn stop_object<const N: usize>(s: &Option<Stop<N>>) -> JsValue {
    match s {
        None => JsValue::NULL,
        Some(Stop::NonFinite { what, value }) => {
            let o = Object::new();
            set(&o, "kind", "non-finite");
            set(
                &o,
                "what",
                match what {
                    Quantity::Loss => "loss",
                    Quantity::Gradient => "gradient",
                    Quantity::Delta => "delta",
                    Quantity::Point => "point",
                },
            );
            set(&o, "value", *value);
            o.into()
        }
        Some(Stop::LeftWindow { to }) => {
            let o = Object::new();
            set(&o, "kind", "left");
            set(&o, "to", Float64Array::from(&to[..]));
            o.into()
        }
    }
}

pub(crate) fn trend_js(t: Trend) -> JsValue {
    key(trend_name(t))
}

#[wasm_bindgen]
impl LossPanel {
    /// The article's panel: one sample `(1, 0.5)`, sigmoid, square loss, `[−2, 2]²`, SGD.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<LossPanel, JsValue> {
        let scene = LossScene::new(&LossConfig::default()).map_err(setup_error)?;
        let view = ViewSettings {
            theme: JsValue::UNDEFINED,
            cmap: ColorMap::Autumn,
            words: Words::default(),
            hide_next: false,
            guess: None,
            angle: Angle::default(),
            log: false,
        };
        Ok(LossPanel { scene, view })
    }

    /// New settings (an object: `surface`, `data`, `activation`, `loss`, `range`, `start`,
    /// `runs: [{name, params}]`, `batch`, `order`, `seed`; missing keys take the article's
    /// values). All or nothing: a refusal changes nothing.
    pub fn configure(&mut self, settings: JsValue) -> Result<(), JsValue> {
        let c = config(&settings)?;
        self.scene.configure(&c).map_err(setup_error)
    }

    /// How the figures look (an object: `theme`, `decimal`, `cmap`, `words`, `hideNext`,
    /// `guess: [w, b] | null`, `yaw`, `pitch`, `log`).
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(&mut self, view: JsValue) -> Result<(), JsValue> {
        self.view = settings::view(&view)?;
        Ok(())
    }

    /// Up to `n` steps of every run (a whole number up to 100 000); returns the steps taken.
    pub fn step(&mut self, n: f64) -> Result<u32, JsValue> {
        let n = whole("steps", n, 0.0, MAX_STEPS)?;
        Ok(self.scene.step(n as usize) as u32)
    }

    /// One step back (or a stop cleared); false at the start.
    pub fn back(&mut self) -> bool {
        self.scene.back()
    }

    pub fn reset(&mut self) {
        self.scene.reset();
    }

    /// Every number shown, by name: `{t, samples, batchSize, order, mapLo, mapHi, window, runs:
    /// [{optimizer, step, w, b, loss, batchLoss, gw, gb, dw, db, wNext, bNext, eta, epoch, batch, stop,
    /// trend, sample, x, target, z, y, dLdy, dydz, delta, gwSample, lossSample}]}`.
    ///
    /// With `run`, a run's index, that run and the first are given in full and every other one
    /// brief, `{optimizer, step, w, b, loss, stop, trend}` (what a legend and the events show):
    /// during Play a race of 19 then sets ~190 numbers a frame instead of ~570, the most garbage
    /// a frame made. A number that is not a run's index leaves only the first run in full.
    pub fn readout(&self, run: JsValue) -> Result<JsValue, JsValue> {
        let full = if run.is_undefined() || run.is_null() {
            None
        } else {
            let i = number_or("run", &run, f64::NAN)?;
            Some(if i >= 0.0 && i.fract() == 0.0 { i as usize } else { 0 })
        };
        let o = Object::new();
        let s = self.scene.race().runs.first().map(|r| *r.sampler());
        set(&o, "t", self.scene.race().step_count() as f64);
        set(&o, "samples", s.map_or(1.0, |s| s.n as f64));
        set(&o, "batchSize", s.map_or(1.0, |s| s.batch.min(s.n) as f64));
        set(&o, "order", s.map_or("epoch", |s| s.order.name()));
        let (lo, hi) = self.scene.map_range();
        set(&o, "mapLo", lo);
        set(&o, "mapHi", hi);
        let [wx, wy] = self.scene.window();
        set(&o, "window", Float64Array::from(&[wx.lo, wx.hi, wy.lo, wy.hi][..]));
        let runs: Array = self
            .scene
            .readouts()
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let x = Object::new();
                let rd = &r.readout;
                set(&x, "optimizer", key(r.optimizer));
                set(&x, "step", rd.step as f64);
                set(&x, "w", rd.point[0]);
                set(&x, "b", rd.point[1]);
                set(&x, "loss", rd.loss);
                if full.is_some_and(|f| i != f && i != 0) {
                    set(&x, "stop", stop_object(&rd.stop));
                    set(&x, "trend", trend_js(rd.trend));
                    return JsValue::from(x);
                }
                set(&x, "batchLoss", rd.next.batch_loss);
                set(&x, "gw", rd.next.grad[0]);
                set(&x, "gb", rd.next.grad[1]);
                set(&x, "dw", rd.next.delta[0]);
                set(&x, "db", rd.next.delta[1]);
                set(&x, "wNext", rd.next.next[0]);
                set(&x, "bNext", rd.next.next[1]);
                set(&x, "eta", rd.eta);
                set(&x, "epoch", rd.next.epoch as f64);
                let batch: Vec<u32> = rd.next.batch.iter().map(|&i| i as u32).collect();
                set(&x, "batch", Uint32Array::from(&batch[..]));
                set(&x, "stop", stop_object(&rd.stop));
                set(&x, "trend", trend_js(rd.trend));
                if let Some((i, xi, ti, p)) = r.pass {
                    set(&x, "sample", i as f64);
                    set(&x, "x", xi);
                    set(&x, "target", ti);
                    set(&x, "z", p.z);
                    set(&x, "y", p.y);
                    set(&x, "dLdy", p.dl_dy);
                    set(&x, "dydz", p.dy_dz);
                    set(&x, "delta", p.delta);
                    set(&x, "gwSample", p.grad_w);
                    set(&x, "lossSample", p.loss);
                }
                JsValue::from(x)
            })
            .collect();
        set(&o, "runs", runs);
        Ok(o.into())
    }

    /// Draw figure `figure` (`0` the map, `1` the trajectories, `2` the 3-D surface, `3` the loss
    /// chart, `4` the legend) on `width × height` device pixels at `dpr`: `{ops, texts, images}`
    /// for `www/replay.js`.
    pub fn draw(&mut self, figure: u32, width: f64, height: f64, dpr: f64) -> Result<JsValue, JsValue> {
        let (w, h, dpr) = canvas(width, height, dpr)?;
        let figure = match figure {
            0 => Figure::Map,
            1 => Figure::Paths,
            2 => Figure::Surface,
            3 => Figure::Chart,
            4 => Figure::Legend,
            _ => {
                return Err(fail(
                    "range",
                    &[("name", "figure".into()), ("value", figure.into()), ("min", 0.into()), ("max", 4.into())],
                ))
            }
        };
        let view = View {
            style: style(&self.view.theme, dpr)?,
            cmap: self.view.cmap,
            words: &self.view.words,
            hide_next: self.view.hide_next,
            guess: self.view.guess,
            angle: self.view.angle,
            log_chart: self.view.log,
        };
        let r = self.scene.draw(figure, w, h, &view).map_err(draw_error)?;
        Ok(record(r))
    }

    /// The hyperparameters in effect of each run (defaults filled in), as `new Optimizer` takes
    /// them: an array of objects. They change only with the settings, so they are not in
    /// `readout()`.
    pub fn params(&self) -> js_sys::Array {
        self.scene.race().runs.iter().map(|r| hyper_object(&r.optimizer().hyper())).collect()
    }

    /// The heatmap image last drawn: `{version, width, height, data}` (RGBA, one pixel a CSS
    /// pixel, stretched over the map by the page). With `into`, a `Uint8ClampedArray` of
    /// `4·width·height` bytes (the `data` of an `ImageData` the page keeps), the bytes are
    /// written there and `data` is `into`; without it, `data` is a new array. `heatmapSize()`
    /// tells the size first.
    pub fn heatmap(&self, into: JsValue) -> Result<JsValue, JsValue> {
        let (version, c, r, rgba) = self.scene.heatmap();
        let data = pixels("into", rgba, &into)?;
        let o = Object::new();
        set(&o, "version", version as f64);
        set(&o, "width", c as f64);
        set(&o, "height", r as f64);
        set(&o, "data", data);
        Ok(o.into())
    }

    /// `[width, height]` of the heatmap image last drawn (`[0, 0]` before the first map).
    #[wasm_bindgen(js_name = heatmapSize)]
    pub fn heatmap_size(&self) -> Vec<f64> {
        let (_, c, r, _) = self.scene.heatmap();
        vec![c as f64, r as f64]
    }

    /// The heatmap's version (the page fetches the image when it changes).
    #[wasm_bindgen(js_name = heatmapVersion)]
    pub fn heatmap_version(&self) -> f64 {
        self.scene.heatmap().0 as f64
    }

    /// `[w, b]` under the device pixel `(x, y)` of a map `width × height` at `dpr`.
    pub fn locate(&self, width: f64, height: f64, dpr: f64, x: f64, y: f64) -> Result<Float64Array, JsValue> {
        let (w, h, dpr) = canvas(width, height, dpr)?;
        let p = self.scene.locate(w, h, dpr, bounded("x", x, -1e6, 1e6)?, bounded("y", y, -1e6, 1e6)?);
        Ok(Float64Array::from(&p[..]))
    }

    /// `[x, y]`, the device pixel of `(w, b)` on a map `width × height` at `dpr`.
    pub fn place(&self, width: f64, height: f64, dpr: f64, w: f64, b: f64) -> Result<Float64Array, JsValue> {
        let (cw, ch, dpr) = canvas(width, height, dpr)?;
        let (x, y) = self.scene.place(cw, ch, dpr, [bounded("w", w, -1e6, 1e6)?, bounded("b", b, -1e6, 1e6)?]);
        Ok(Float64Array::from(&[x, y][..]))
    }

    /// Run `run`'s steps as flat rows `t, w, b, L, g_w, g_b, Δw, Δb` (for CSV).
    pub fn rows(&self, run: f64) -> Result<Float64Array, JsValue> {
        let run = bounded("run", run, 0.0, (MAX_RUNS - 1) as f64)? as usize;
        let flat: Vec<f64> = self.scene.rows(run).into_iter().flatten().collect();
        Ok(Float64Array::from(&flat[..]))
    }

    /// Run `run`'s points as drawn, `[w₀, b₀, w₁, b₁, …]` (older ones thinned after many steps).
    pub fn trajectory(&self, run: f64) -> Result<Float64Array, JsValue> {
        let run = bounded("run", run, 0.0, (MAX_RUNS - 1) as f64)? as usize;
        let flat: Vec<f64> = self
            .scene
            .race()
            .runs
            .get(run)
            .map_or(Vec::new(), |r| r.trail().into_iter().flat_map(|(_, p)| p).collect());
        Ok(Float64Array::from(&flat[..]))
    }

    /// The number of contour levels of the map last drawn.
    #[wasm_bindgen(js_name = contourCount)]
    pub fn contour_count(&self) -> u32 {
        self.scene.contour_count() as u32
    }
}
