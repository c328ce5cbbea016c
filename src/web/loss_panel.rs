//! `LossPanel`: the loss space of `(w, b)` trained step by step, for the page.

use super::{backend, context, drawn, finite};
use crate::colormap::ColorMap;
use crate::draw::chart::StepChart;
use crate::draw::map::{Contour, Layer, MapView};
use crate::draw::surface::{self, Angle};
use crate::landscape::{Interval, LossSpace};
use crate::lang::Lang;
use crate::seed::start_from_seed;
use crate::train::Trainer;
use js_sys::Float64Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{HtmlCanvasElement, ImageData};

/// The heatmap for one geometry, kept until the space, colour map or size change.
struct Cache {
    view: MapView,
    map: ColorMap,
    /// The heatmap at one pixel a CSS pixel, stretched onto the map by `drawImage`.
    image: HtmlCanvasElement,
    range: (f64, f64),
}

/// The contour lines of one loss space (independent of colours and sizes), with the range of
/// the loss on the grid they were traced on.
struct Levels {
    space: LossSpace,
    range: (f64, f64),
    contours: Vec<Contour>,
}

#[wasm_bindgen]
pub struct LossPanel {
    trainer: Trainer,
    map: ColorMap,
    cache: Option<Cache>,
    levels: Option<Levels>,
    scratch: Vec<f32>,
    rgba: Vec<u8>,
    lang: Lang,
}

fn space(x0: f64, y_star: f64, lo: f64, hi: f64) -> Result<LossSpace, JsError> {
    let x0 = finite("x₀", x0, -10.0, 10.0)?;
    let y_star = finite("y*", y_star, 0.0, 1.0)?;
    let lo = finite("range low", lo, -100.0, 100.0)?;
    let hi = finite("range high", hi, -100.0, 100.0)?;
    let r = Interval::new(lo, hi).map_err(|e| JsError::new(&e))?;
    Ok(LossSpace { x0, y_star, w: r, b: r })
}

fn start_in(space: &LossSpace, w0: f64, b0: f64) -> Result<(), JsError> {
    if space.w.contains(w0) && space.b.contains(b0) {
        Ok(())
    } else {
        Err(JsError::new(&format!(
            "the start (w₀, b₀) = ({w0}, {b0}) is outside the loss space [{}, {}]²",
            space.w.lo, space.w.hi
        )))
    }
}

impl LossPanel {
    fn view(&self, canvas: &HtmlCanvasElement, dpr: f64) -> MapView {
        MapView { lang: self.lang, ..MapView::new(canvas.width(), canvas.height(), dpr, *self.trainer.space()) }
    }

    /// Trace the contours of the current loss space, once per space.
    fn refresh_levels(&mut self) {
        let space = *self.trainer.space();
        if self.levels.as_ref().map(|l| l.space) != Some(space) {
            let n = crate::draw::map::CONTOUR_SAMPLES;
            let grid = space.grid(n, n);
            let contours = MapView::new(n as u32, n as u32, 1.0, space).contours();
            self.levels = Some(Levels { space, range: (grid.min, grid.max), contours });
        }
    }

    /// Where the next step goes, unless training has stopped.
    fn next(&self) -> Option<(f64, f64)> {
        let r = self.trainer.readout();
        self.trainer.divergence().is_none().then_some((r.w + r.dw, r.b + r.db))
    }
}

#[wasm_bindgen]
impl LossPanel {
    /// A panel for `L = ½(σ(x₀·w + b) − y*)²` over `[lo, hi]²`, starting at `(w₀, b₀)`.
    #[wasm_bindgen(constructor)]
    pub fn new(x0: f64, y_star: f64, lo: f64, hi: f64, w0: f64, b0: f64, eta: f64) -> Result<LossPanel, JsError> {
        let space = space(x0, y_star, lo, hi)?;
        start_in(&space, w0, b0)?;
        let eta = finite("η", eta, 0.0, 1e3)?;
        Ok(LossPanel {
            trainer: Trainer::new(space, w0, b0, eta),
            map: ColorMap::Autumn,
            cache: None,
            levels: None,
            scratch: Vec::new(),
            rgba: Vec::new(),
            lang: Lang::En,
        })
    }

    /// The start for `seed`, uniform in the loss space: `[w₀, b₀]`.
    #[wasm_bindgen(js_name = startFromSeed)]
    pub fn start_from_seed(&self, seed: u32) -> Float64Array {
        let s = self.trainer.space();
        let (w, b) = start_from_seed(seed as u64, s.w, s.b);
        Float64Array::from(&[w, b][..])
    }

    /// One step; false when training stopped (see `divergence`).
    pub fn step(&mut self) -> bool {
        self.trainer.step().is_ok()
    }

    #[wasm_bindgen(js_name = stepBack)]
    pub fn step_back(&mut self) -> bool {
        self.trainer.step_back()
    }

    pub fn reset(&mut self) {
        self.trainer.reset();
    }

    #[wasm_bindgen(js_name = setEta)]
    pub fn set_eta(&mut self, eta: f64) -> Result<(), JsError> {
        self.trainer.set_eta(finite("η", eta, 0.0, 1e3)?);
        Ok(())
    }

    /// A new start (training restarts there).
    #[wasm_bindgen(js_name = setStart)]
    pub fn set_start(&mut self, w0: f64, b0: f64) -> Result<(), JsError> {
        start_in(self.trainer.space(), w0, b0)?;
        self.trainer = Trainer::new(*self.trainer.space(), w0, b0, self.trainer.eta());
        Ok(())
    }

    /// A new problem or window; training restarts from the start, which must lie inside.
    #[wasm_bindgen(js_name = setSpace)]
    pub fn set_space(&mut self, x0: f64, y_star: f64, lo: f64, hi: f64) -> Result<(), JsError> {
        let space = space(x0, y_star, lo, hi)?;
        let (w0, b0) = self.trainer.start();
        start_in(&space, w0, b0)?;
        self.trainer = Trainer::new(space, w0, b0, self.trainer.eta());
        Ok(())
    }

    /// The language of the words drawn and of `divergence()`: `en` or `fr`.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&mut self, code: &str) -> Result<(), JsError> {
        self.lang =
            Lang::from_code(code).ok_or_else(|| JsError::new(&format!("unknown language `{code}`: use en or fr")))?;
        Ok(())
    }

    #[wasm_bindgen(js_name = setColormap)]
    pub fn set_colormap(&mut self, name: &str) -> Result<(), JsError> {
        self.map = ColorMap::from_name(name)
            .ok_or_else(|| JsError::new(&format!("unknown colour map `{name}`: use autumn or viridis")))?;
        Ok(())
    }

    /// `[step, x, w, b, y, L, g_w, g_b, Δw, Δb, η, w_next, b_next]` at the current point.
    pub fn readout(&self) -> Float64Array {
        let r = self.trainer.readout();
        let p = r.pass;
        Float64Array::from(
            &[r.step as f64, r.x, r.w, r.b, p.y, p.loss, p.grad_w, p.grad_b, r.dw, r.db, r.eta, r.w + r.dw, r.b + r.db]
                [..],
        )
    }

    /// Why training stopped, in words, or undefined.
    pub fn divergence(&self) -> Option<String> {
        self.trainer.divergence().map(|d| d.describe(self.trainer.space(), self.trainer.eta(), self.lang))
    }

    /// `[w₀, b₀, w₁, b₁, …]`.
    pub fn trajectory(&self) -> Float64Array {
        let flat: Vec<f64> = self.trainer.trajectory().iter().flat_map(|&(w, b)| [w, b]).collect();
        Float64Array::from(&flat[..])
    }

    /// The loss at each point of `trajectory()`.
    pub fn losses(&self) -> Float64Array {
        let l: Vec<f64> = self.trainer.losses().into_iter().map(|(_, l)| l).collect();
        Float64Array::from(&l[..])
    }

    /// `[min, max, number of contour levels]` of the map last drawn.
    #[wasm_bindgen(js_name = mapInfo)]
    pub fn map_info(&self) -> Float64Array {
        match &self.cache {
            Some(c) => Float64Array::from(
                &[c.range.0, c.range.1, self.levels.as_ref().map_or(0, |l| l.contours.len()) as f64][..],
            ),
            None => Float64Array::new_with_length(0),
        }
    }

    /// The base layer on `canvas` (device pixels, `dpr` device pixels a CSS pixel): the heatmap,
    /// recomputed only when the space, colour map or size changed, contours, axes, colour bar.
    #[wasm_bindgen(js_name = drawMap)]
    pub fn draw_map(&mut self, canvas: &HtmlCanvasElement, dpr: f64) -> Result<(), JsError> {
        let view = self.view(canvas, dpr);
        let fresh = matches!(&self.cache, Some(c) if c.view == view && c.map == self.map);
        if !fresh {
            let image = match self.cache.take() {
                Some(c) => c.image,
                None => web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.create_element("canvas").ok())
                    .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
                    .ok_or_else(|| JsError::new("could not create a canvas for the heatmap"))?,
            };
            let range = view.heatmap(self.map, &mut self.scratch, &mut self.rgba);
            let (cols, rows) = view.heatmap_size();
            if (image.width(), image.height()) != (cols as u32, rows as u32) {
                image.set_width(cols as u32);
                image.set_height(rows as u32);
            }
            ImageData::new_with_u8_clamped_array_and_sh(Clamped(&self.rgba), cols as u32, rows as u32)
                .and_then(|img| cpu_context(&image)?.put_image_data(&img, 0.0, 0.0))
                .map_err(|e| JsError::new(&format!("could not put the heatmap: {e:?}")))?;
            self.cache = Some(Cache { view, map: self.map, image, range });
        }
        self.refresh_levels();
        let (Some(cache), Some(levels)) = (&self.cache, &self.levels) else { return Ok(()) };
        let ctx = context(canvas)?;
        ctx.set_image_smoothing_enabled(false);
        let mut put = Ok(());
        let result = view.draw_base(backend(canvas)?, cache.map, cache.range, &levels.contours, |rect, layer| {
            if put.is_err() {
                return;
            }
            let (x, y, w, h) = (rect.x0 as f64, rect.y0 as f64, rect.width() as f64, rect.height() as f64);
            put = match layer {
                Layer::Heatmap => ctx.draw_image_with_html_canvas_element_and_dw_and_dh(&cache.image, x, y, w, h),
                Layer::Pixels(rgba) => ImageData::new_with_u8_clamped_array_and_sh(
                    Clamped(rgba),
                    rect.width() as u32,
                    rect.height() as u32,
                )
                .and_then(|img| ctx.put_image_data(&img, x, y)),
            };
        });
        put.map_err(|e| JsError::new(&format!("could not put the heatmap: {e:?}")))?;
        drawn(result)
    }

    /// The trajectory layer on a transparent `canvas` of the same size as the map's.
    #[wasm_bindgen(js_name = drawPath)]
    pub fn draw_path(&self, canvas: &HtmlCanvasElement, dpr: f64) -> Result<(), JsError> {
        let view = self.view(canvas, dpr);
        context(canvas)?.clear_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
        drawn(view.draw_path(backend(canvas)?, &self.trainer.trajectory(), self.next()))
    }

    /// The 3-D view, turned by `yaw` and `pitch` (radians).
    #[wasm_bindgen(js_name = drawSurface)]
    pub fn draw_surface(&mut self, canvas: &HtmlCanvasElement, dpr: f64, yaw: f64, pitch: f64) -> Result<(), JsError> {
        let space = *self.trainer.space();
        self.refresh_levels();
        let Some(levels) = &self.levels else { return Ok(()) };
        let d = Angle::default();
        let angle = Angle {
            yaw: if yaw.is_finite() { yaw } else { d.yaw },
            pitch: if pitch.is_finite() { pitch } else { d.pitch },
        };
        drawn(surface::draw(
            backend(canvas)?,
            dpr,
            &space,
            levels.range,
            self.map,
            &levels.contours,
            &self.trainer.trajectory(),
            self.next(),
            angle,
            self.lang,
        ))
    }

    /// The loss over steps, linear or log.
    #[wasm_bindgen(js_name = drawLossChart)]
    pub fn draw_loss_chart(&self, canvas: &HtmlCanvasElement, dpr: f64, log: bool) -> Result<(), JsError> {
        let losses: Vec<(f64, f64)> = self.trainer.losses().into_iter().map(|(t, l)| (t as f64, l)).collect();
        let chart =
            StepChart { name: self.lang.pick("loss L", "perte L"), values: &losses, log, guide: None, lang: self.lang };
        drawn(chart.draw(backend(canvas)?, canvas.width(), canvas.height(), dpr))
    }

    /// `[w, b]` under the device pixel `(x, y)` of a map drawn `width × height` at `dpr`.
    #[wasm_bindgen(js_name = pixelToParams)]
    pub fn pixel_to_params(&self, width: u32, height: u32, dpr: f64, x: f64, y: f64) -> Float64Array {
        let (w, b) = MapView::new(width, height, dpr, *self.trainer.space()).to_params(x, y);
        Float64Array::from(&[w, b][..])
    }

    /// `[x, y]` device pixel of `(w, b)` on a map drawn `width × height` at `dpr`.
    #[wasm_bindgen(js_name = paramsToPixel)]
    pub fn params_to_pixel(&self, width: u32, height: u32, dpr: f64, w: f64, b: f64) -> Float64Array {
        let (x, y) = MapView::new(width, height, dpr, *self.trainer.space()).to_pixel(w, b);
        Float64Array::from(&[x, y][..])
    }
}

/// A 2-D context kept in CPU memory (`willReadFrequently`): `putImageData` into it is a copy,
/// where a GPU-backed one uploads a texture (13 ms for a large image in software GL).
fn cpu_context(canvas: &HtmlCanvasElement) -> Result<web_sys::CanvasRenderingContext2d, JsValue> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"willReadFrequently".into(), &JsValue::TRUE)?;
    canvas
        .get_context_with_context_options("2d", &options)?
        .ok_or_else(|| JsValue::from_str("the canvas has no 2-D context"))?
        .dyn_into::<web_sys::CanvasRenderingContext2d>()
        .map_err(JsValue::from)
}
