//! The 2-D loss map: heatmap (an RGBA image put by the caller), contour lines at the article's
//! levels, axes `w` and `b`, a colour bar with the loss scale, and the trajectory on a layer above.

use super::{arrow_elements, err, label, DrawResult, Layout, Margins, Rect, ARROW, PATH, TEXT};
use crate::colormap::ColorMap;
use crate::heatmap;
use crate::landscape::{contour_levels, level_step, Grid, LossSpace};
use crate::lang::Lang;
use plotters::prelude::*;

/// Room around the map, in CSS pixels: tick labels left and below, the colour bar on the right.
pub const MARGINS: Margins = Margins { top: 26.0, right: 92.0, bottom: 46.0, left: 58.0 };
/// Contour lines are traced on this many samples a side (the heatmap has one value a pixel).
pub const CONTOUR_SAMPLES: usize = 101;
/// At most this many contour lines (the article's spacing is doubled beyond it).
pub const MAX_LEVELS: usize = 40;

/// The map's geometry: which `(w, b)` each device pixel shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapView {
    pub layout: Layout,
    pub space: LossSpace,
    /// The language of the colour bar's title.
    pub lang: Lang,
}

/// An image for the caller to put on the base layer.
pub enum Layer<'a> {
    /// The heatmap ([`MapView::heatmap`]), stretched over the plotting area.
    Heatmap,
    /// These RGBA pixels, one a device pixel of the rectangle.
    Pixels(&'a [u8]),
}

/// The contour lines of one level, as `(w, b)` polylines.
pub struct Contour {
    pub level: f64,
    pub lines: Vec<Vec<(f64, f64)>>,
}

impl MapView {
    pub fn new(width: u32, height: u32, dpr: f64, space: LossSpace) -> MapView {
        MapView { layout: Layout::new(width, height, dpr, MARGINS), space, lang: Lang::En }
    }

    pub fn plot(&self) -> Rect {
        self.layout.plot
    }

    /// The `(w, b)` under device pixel `(x, y)`, with plotters' mapping (the first and last
    /// pixel of the plotting area show the ends of the range):
    /// `w = w_lo + (x − x₀)/(width − 1)·(w_hi − w_lo)`, `b = b_hi − (y − y₀)/(height − 1)·(b_hi − b_lo)`.
    pub fn to_params(&self, x: f64, y: f64) -> (f64, f64) {
        let p = self.plot();
        let (sw, sb) = (self.space.w, self.space.b);
        (
            sw.lo + (x - p.x0 as f64) / (p.width() - 1).max(1) as f64 * sw.span(),
            sb.hi - (y - p.y0 as f64) / (p.height() - 1).max(1) as f64 * sb.span(),
        )
    }

    /// The device pixel position of `(w, b)` (the inverse of [`MapView::to_params`]).
    pub fn to_pixel(&self, w: f64, b: f64) -> (f64, f64) {
        let p = self.plot();
        let (sw, sb) = (self.space.w, self.space.b);
        (
            p.x0 as f64 + (w - sw.lo) / sw.span() * (p.width() - 1).max(1) as f64,
            p.y0 as f64 + (sb.hi - b) / sb.span() * (p.height() - 1).max(1) as f64,
        )
    }

    fn to_px_i32(self, (w, b): (f64, f64)) -> (i32, i32) {
        let (x, y) = self.to_pixel(w, b);
        (x.round() as i32, y.round() as i32)
    }

    /// The loss at every device pixel of the plotting area (top row first), each pixel showing
    /// the `(w, b)` that [`MapView::to_params`] gives for it.
    pub fn heatmap_grid(&self) -> Grid {
        let p = self.plot();
        self.space.grid(p.width().max(1) as usize, p.height().max(1) as usize)
    }

    /// Contour lines at the article's levels `np.arange(min, max, 1/2⁸)` of the sampled loss.
    pub fn contours(&self) -> Vec<Contour> {
        let n = CONTOUR_SAMPLES;
        let grid = self.space.grid(n, n);
        let step = level_step(grid.min, grid.max, MAX_LEVELS);
        let (sw, sb) = (self.space.w, self.space.b);
        let to_wb =
            |(c, r): (f64, f64)| (sw.lo + c / (n - 1) as f64 * sw.span(), sb.hi - r / (n - 1) as f64 * sb.span());
        let levels = contour_levels(grid.min, grid.max, step);
        let lines = grid.contours(&levels);
        levels
            .into_iter()
            .zip(lines)
            .map(|(level, lines)| Contour {
                level,
                lines: lines.into_iter().map(|l| l.into_iter().map(to_wb).collect()).collect(),
            })
            .collect()
    }

    /// The size of the heatmap image: one value a CSS pixel of the plotting area. The loss is
    /// smooth, so the image is stretched over the device pixels; lines and text stay at device
    /// resolution.
    pub fn heatmap_size(&self) -> (usize, usize) {
        let p = self.plot();
        let d = self.layout.dpr.max(1.0);
        (((p.width() as f64 / d).round() as usize).max(2), ((p.height() as f64 / d).round() as usize).max(2))
    }

    /// The heatmap image ([`MapView::heatmap_size`]): RGBA bytes into `out` (with `scratch` for
    /// the losses), returning the loss range `(min, max)`. See [`crate::heatmap`].
    pub fn heatmap(&self, map: ColorMap, scratch: &mut Vec<f32>, out: &mut Vec<u8>) -> (f64, f64) {
        let (cols, rows) = self.heatmap_size();
        let (min, max) = heatmap::heatmap(&self.space, cols, rows, map, scratch, out);
        (min as f64, max as f64)
    }

    /// The base layer: background, axes with ticks, the heatmap, contour lines and the colour bar
    /// for losses from `lo` to `hi`. Pixel images go through `put_image(rect, layer)` (on a canvas
    /// one `putImageData` or `drawImage`), since a rectangle a pixel through the drawing API would
    /// be far too slow: [`Layer::Heatmap`] is the caller's cached image, stretched over `rect`.
    pub fn draw_base<DB: DrawingBackend>(
        &self,
        backend: DB,
        map: ColorMap,
        (lo, hi): (f64, f64),
        contours: &[Contour],
        mut put_image: impl FnMut(Rect, Layer),
    ) -> DrawResult {
        let l = &self.layout;
        let root = backend.into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let (sw, sb) = (self.space.w, self.space.b);
        let mut chart = l.builder(&root).build_cartesian_2d(sw.lo..sw.hi, sb.lo..sb.hi).map_err(err)?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_labels(5)
            .y_labels(5)
            .x_label_formatter(&|v| label(*v))
            .y_label_formatter(&|v| label(*v))
            .label_style(l.font(13.0))
            .axis_desc_style(l.font(15.0))
            .x_desc("w")
            .y_desc("b")
            .axis_style(ShapeStyle::from(&TEXT).stroke_width(l.px(1.0)))
            .set_all_tick_mark_size(l.px(5.0) as i32)
            .draw()
            .map_err(err)?;
        put_image(self.plot(), Layer::Heatmap);
        let line = ShapeStyle::from(&RGBColor(40, 40, 40).mix(0.55)).stroke_width(l.px(1.0));
        for c in contours {
            chart.draw_series(c.lines.iter().map(|l| PathElement::new(l.clone(), line))).map_err(err)?;
        }
        self.draw_colour_bar(&root, map, lo, hi, put_image)
    }

    fn draw_colour_bar<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, plotters::coord::Shift>,
        map: ColorMap,
        lo: f64,
        hi: f64,
        mut put_image: impl FnMut(Rect, Layer),
    ) -> DrawResult {
        let l = &self.layout;
        let p = self.plot();
        let x0 = p.x1 + l.px(14.0) as i32;
        let x1 = x0 + l.px(14.0) as i32;
        let h = p.height().max(1);
        let mut bar = Vec::with_capacity(4 * (x1 - x0) as usize * h as usize);
        for y in 0..h {
            let [r, g, b] = map.rgb(1.0 - (y as f64 + 0.5) / h as f64);
            for _ in x0..x1 {
                bar.extend_from_slice(&[r, g, b, 255]);
            }
        }
        put_image(Rect { x0, y0: p.y0, x1, y1: p.y0 + h }, Layer::Pixels(&bar));
        root.draw(&Rectangle::new([(x0, p.y0), (x1, p.y1)], ShapeStyle::from(&TEXT).stroke_width(l.px(1.0))))
            .map_err(err)?;
        let font = l.font(12.0);
        for k in 0..=4 {
            let t = k as f64 / 4.0;
            let y = p.y1 - (t * h as f64).round() as i32;
            let v = lo + t * (hi - lo);
            root.draw(&PathElement::new(vec![(x1, y), (x1 + l.px(4.0) as i32, y)], TEXT)).map_err(err)?;
            let text = format!("{:.3}", v);
            let pos = (x1 + l.px(7.0) as i32, y - l.px(6.0) as i32);
            root.draw(&Text::new(text, pos, font.clone())).map_err(err)?;
        }
        let title = (x0 - l.px(4.0) as i32, p.y0 - l.px(20.0) as i32);
        root.draw(&Text::new(self.lang.pick("loss L", "perte L"), title, l.font(12.0))).map_err(err)?;
        Ok(())
    }

    /// The trajectory layer: past points joined by segments, the current point highlighted and
    /// an arrow for the next move `(Δw, Δb)`. Draws on a transparent layer the caller cleared.
    pub fn draw_path<DB: DrawingBackend>(
        &self,
        backend: DB,
        trajectory: &[(f64, f64)],
        next: Option<(f64, f64)>,
    ) -> DrawResult {
        let l = &self.layout;
        let root = backend.into_drawing_area();
        let p = self.plot();
        let plot_area =
            root.clone().shrink((p.x0 as u32, p.y0 as u32), (p.width().max(1) as u32, p.height().max(1) as u32));
        let shift = |(x, y): (i32, i32)| (x - p.x0, y - p.y0);
        let pts: Vec<(i32, i32)> = trajectory.iter().map(|&q| shift(self.to_px_i32(q))).collect();
        let path_style = ShapeStyle::from(&PATH).stroke_width(l.px(2.0));
        plot_area.draw(&PathElement::new(pts.clone(), path_style)).map_err(err)?;
        let dot = l.px(2.5) as i32;
        for &q in pts.iter().take(pts.len().saturating_sub(1)) {
            plot_area.draw(&Circle::new(q, dot, PATH.filled())).map_err(err)?;
        }
        if let Some(&cur) = pts.last() {
            plot_area.draw(&Circle::new(cur, l.px(7.0) as i32, WHITE.filled())).map_err(err)?;
            plot_area.draw(&Circle::new(cur, l.px(5.0) as i32, PATH.filled())).map_err(err)?;
            // The next move on top of the point, so its direction shows even when it is short.
            if let Some(to) = next {
                let to = shift(self.to_px_i32(to));
                for e in arrow_elements(cur, to, l.px(9.0) as f64, ShapeStyle::from(&ARROW).stroke_width(l.px(2.0))) {
                    plot_area.draw(&e).map_err(err)?;
                }
            }
        }
        Ok(())
    }
}
