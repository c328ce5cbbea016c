//! The 2-D map of a loss over a window: heatmap (an RGBA image put by the caller), contour lines,
//! axes, a colour bar with the loss scale, and the trajectories on a layer above.

use super::{arrow_elements, err, pixel, Axes, DrawResult, Layout, Margins, Rect, Style};
use crate::colormap::ColorMap;
use crate::landscape::{Grid, Interval};
use plotters::prelude::*;

/// Dots drawn on a path: its last steps.
pub const MAX_DOTS: usize = 60;

/// Room around the map, in CSS pixels: tick labels left and below, the colour bar on the right,
/// the colour bar's title above.
pub const MARGINS: Margins = Margins { top: 30.0, right: 96.0, bottom: 46.0, left: 58.0 };

/// The map's geometry: which point each device pixel shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapView {
    pub layout: Layout,
    /// The x and y ranges shown (`w` and `b` for the neuron).
    pub window: [Interval; 2],
}

/// An image for the caller to put on the base layer.
pub enum Layer<'a> {
    /// The heatmap (computed by the caller at [`MapView::heatmap_size`]), stretched over the
    /// plotting area.
    Heatmap,
    /// These RGBA pixels, one a device pixel of the rectangle.
    Pixels(&'a [u8]),
}

/// The contour lines of one level, as polylines of points of the window.
#[derive(Clone, Debug, PartialEq)]
pub struct Contour {
    pub level: f64,
    pub lines: Vec<Vec<(f64, f64)>>,
}

/// The contour lines of `grid` (sampled over `window`, top row first) at `levels`.
pub fn contours(grid: &Grid, window: &[Interval; 2], levels: &[f64]) -> Vec<Contour> {
    let (cols, rows) = (grid.cols.max(2), grid.rows.max(2));
    let [sx, sy] = *window;
    let to_xy =
        |(c, r): (f64, f64)| (sx.lo + c / (cols - 1) as f64 * sx.span(), sy.hi - r / (rows - 1) as f64 * sy.span());
    levels
        .iter()
        .zip(grid.contours(levels))
        .map(|(&level, lines)| Contour {
            level,
            lines: lines.into_iter().map(|l| l.into_iter().map(to_xy).collect()).collect(),
        })
        .collect()
}

/// How the heatmap's colours map to losses: from `lo` (first colour) to `hi` (last), linearly or
/// logarithmically in `L − lo`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Heat {
    pub map: ColorMap,
    pub lo: f64,
    pub hi: f64,
    pub log: bool,
}

/// The words of the map, in the page's language.
#[derive(Clone, Copy, Debug)]
pub struct MapLabels<'a> {
    /// The axis names (`w`, `b`, or `x`, `y`).
    pub x: &'a str,
    pub y: &'a str,
    /// The colour bar's title ("loss L").
    pub bar: &'a str,
}

/// One trajectory to draw: its points in order, the next move's end (an arrow from the last
/// point), its colour; a ghost is drawn thin and dashed, without markers (the full-batch path
/// beside a stochastic one).
#[derive(Clone, Copy, Debug)]
pub struct Path<'a> {
    pub points: &'a [[f64; 2]],
    pub next: Option<[f64; 2]>,
    pub colour: RGBColor,
    pub ghost: bool,
}

impl MapView {
    pub fn new(width: u32, height: u32, style: Style, window: [Interval; 2]) -> MapView {
        MapView { layout: Layout::new(width, height, style, MARGINS), window }
    }

    pub fn plot(&self) -> Rect {
        self.layout.plot
    }

    /// The point under device pixel `(x, y)`, with plotters' mapping (the first and last pixel of
    /// the plotting area show the ends of the range):
    /// `x = x_lo + (px − x₀)/(width − 1)·(x_hi − x_lo)`, `y = y_hi − (py − y₀)/(height − 1)·(y_hi − y_lo)`.
    pub fn to_params(&self, x: f64, y: f64) -> [f64; 2] {
        let p = self.plot();
        let [sx, sy] = self.window;
        [
            sx.lo + (x - p.x0 as f64) / (p.width() - 1).max(1) as f64 * sx.span(),
            sy.hi - (y - p.y0 as f64) / (p.height() - 1).max(1) as f64 * sy.span(),
        ]
    }

    /// The device pixel position of a point (the inverse of [`MapView::to_params`]).
    pub fn to_pixel(&self, [a, b]: [f64; 2]) -> (f64, f64) {
        let p = self.plot();
        let [sx, sy] = self.window;
        (
            p.x0 as f64 + (a - sx.lo) / sx.span() * (p.width() - 1).max(1) as f64,
            p.y0 as f64 + (sy.hi - b) / sy.span() * (p.height() - 1).max(1) as f64,
        )
    }

    fn to_px_i32(self, q: [f64; 2]) -> (i32, i32) {
        let (x, y) = self.to_pixel(q);
        pixel(x, y)
    }

    /// The size of the heatmap image: one value a CSS pixel of the plotting area (the loss is
    /// smooth; lines and text stay at device resolution).
    pub fn heatmap_size(&self) -> (usize, usize) {
        let p = self.plot();
        let d = self.layout.style.dpr.max(1.0);
        (((p.width() as f64 / d).round() as usize).max(2), ((p.height() as f64 / d).round() as usize).max(2))
    }

    /// The base layer: background, axes with ticks, the heatmap, contour lines and the colour
    /// bar. Pixel images go through `put_image(rect, layer)` (on a canvas one `putImageData` or
    /// `drawImage`): [`Layer::Heatmap`] is the caller's cached image, stretched over `rect`.
    pub fn draw_base<DB: DrawingBackend>(
        &self,
        backend: DB,
        heat: &Heat,
        contours: &[Contour],
        labels: &MapLabels,
        mut put_image: impl FnMut(Rect, Layer),
    ) -> DrawResult {
        let l = &self.layout;
        let pal = l.style.palette;
        let root = backend.into_drawing_area();
        root.fill(&pal.background).map_err(err)?;
        let [sx, sy] = self.window;
        let axes = l.axes(l.axis(sx.lo, sx.hi), l.axis(sy.lo, sy.hi), labels.x, labels.y);
        l.draw_axes(&root, &Axes { grid: None, tick: Some(l.px(5.0) as i32), ..axes })?;
        put_image(self.plot(), Layer::Heatmap);
        // In device pixels, each line without the points that move it by less than a third of a
        // pixel: the same picture with far fewer vertices to stroke.
        // One device pixel wide whatever the ratio: a software rasteriser strokes hairlines on a
        // fast path (at DPR 2 a 2-pixel line cost ~5 ms of each recompute), and on a dense screen
        // it is the crisper line. Less ink a line, so more opaque where pixels are small.
        let alpha = if l.style.dpr >= 1.5 { 0.85 } else { 0.55 };
        let line = ShapeStyle::from(&pal.contour.mix(alpha)).stroke_width(1);
        for c in contours {
            for pts in &c.lines {
                let px: Vec<(i32, i32)> = pts.iter().map(|&(x, y)| self.to_px_i32([x, y])).collect();
                root.draw(&PathElement::new(super::simplify(&px, 0.35), line)).map_err(err)?;
            }
        }
        self.draw_colour_bar(&root, heat, labels.bar, put_image)
    }

    fn draw_colour_bar<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, plotters::coord::Shift>,
        heat: &Heat,
        title: &str,
        mut put_image: impl FnMut(Rect, Layer),
    ) -> DrawResult {
        let l = &self.layout;
        let pal = l.style.palette;
        let p = self.plot();
        let x0 = p.x1 + l.px(14.0) as i32;
        let x1 = x0 + l.px(14.0) as i32;
        let h = p.height().max(1);
        let mut bar = Vec::with_capacity(4 * (x1 - x0).max(0) as usize * h as usize);
        for y in 0..h {
            let [r, g, b] = heat.map.rgb(1.0 - (y as f64 + 0.5) / h as f64);
            for _ in x0..x1 {
                bar.extend_from_slice(&[r, g, b, 255]);
            }
        }
        put_image(Rect { x0, y0: p.y0, x1, y1: p.y0 + h }, Layer::Pixels(&bar));
        root.draw(&Rectangle::new([(x0, p.y0), (x1, p.y1)], ShapeStyle::from(&pal.text).stroke_width(l.px(1.0))))
            .map_err(err)?;
        let font = l.font(12.0);
        for k in 0..=4 {
            let t = k as f64 / 4.0;
            let y = p.y1 - (t * h as f64).round() as i32;
            let v = bar_value(heat, t);
            root.draw(&PathElement::new(vec![(x1, y), (x1 + l.px(4.0) as i32, y)], pal.text)).map_err(err)?;
            let pos = (x1 + l.px(7.0) as i32, y - l.px(6.0) as i32);
            root.draw(&Text::new(crate::num::format(v, 3, l.style.num), pos, font.clone())).map_err(err)?;
        }
        let title_at = (x0 - l.px(10.0) as i32, p.y0 - l.px(22.0) as i32);
        root.draw(&Text::new(title.to_string(), title_at, l.font(12.0))).map_err(err)?;
        Ok(())
    }

    /// The trajectory layer on a transparent canvas the caller cleared: each path's points joined
    /// by segments over a halo, its current point marked and an arrow for its next move; and a
    /// student's guess, when given, as a ring.
    pub fn draw_paths<DB: DrawingBackend>(&self, backend: DB, paths: &[Path], guess: Option<[f64; 2]>) -> DrawResult {
        let l = &self.layout;
        let pal = l.style.palette;
        let root = backend.into_drawing_area();
        let p = self.plot();
        let area = root.clone().shrink((p.x0 as u32, p.y0 as u32), (p.width().max(1) as u32, p.height().max(1) as u32));
        let shift = |(x, y): (i32, i32)| (x - p.x0, y - p.y0);
        for path in paths.iter().filter(|p| p.ghost) {
            let pts: Vec<(i32, i32)> = path.points.iter().map(|&q| shift(self.to_px_i32(q))).collect();
            let style = ShapeStyle::from(&path.colour.mix(0.8)).stroke_width(l.px(1.5));
            area.draw(&PathElement::new(pts.clone(), ShapeStyle::from(&pal.halo.mix(0.7)).stroke_width(l.px(3.0))))
                .map_err(err)?;
            area.draw_mesh_dashed(&pts, l.px(5.0), l.px(4.0), style)?;
        }
        let solo = paths.iter().filter(|p| !p.ghost).count() <= 1;
        let runs: Vec<(&Path, Vec<(i32, i32)>)> = paths
            .iter()
            .filter(|p| !p.ghost)
            .map(|path| (path, path.points.iter().map(|&q| shift(self.to_px_i32(q))).collect()))
            .collect();
        for (path, pts) in &runs {
            // Stroked without the points that move the line by less than a third of a pixel: a run
            // that has converged repeats its pixel for hundreds of steps, and the rasteriser pays
            // for every vertex, twice a run, every frame of Play (the dots below keep every step).
            let line = super::simplify(pts, 0.35);
            area.draw(&PathElement::new(line.clone(), ShapeStyle::from(&pal.halo.mix(0.85)).stroke_width(l.px(4.0))))
                .map_err(err)?;
            area.draw(&PathElement::new(line, ShapeStyle::from(&path.colour).stroke_width(l.px(2.0)))).map_err(err)?;
            // A dot at each of the last steps (older ones are the line alone: thousands of dots
            // would cost more to draw than they tell); none in a race, where 19 paths cross.
            let dot = l.px(2.5) as i32;
            let dots = if solo { MAX_DOTS } else { 0 };
            let n = pts.len().saturating_sub(1);
            for &q in &pts[n.saturating_sub(dots)..n] {
                area.draw(&Circle::new(q, dot, path.colour.filled())).map_err(err)?;
            }
        }
        // Every run's current point and next move over all the lines, so a path drawn later never
        // hides where an earlier run is now.
        for (path, pts) in &runs {
            if let Some(&cur) = pts.last() {
                area.draw(&Circle::new(cur, l.px(7.0) as i32, pal.halo.filled())).map_err(err)?;
                area.draw(&Circle::new(cur, l.px(5.0) as i32, path.colour.filled())).map_err(err)?;
                if let Some(to) = path.next {
                    let to = shift(self.to_px_i32(to));
                    // From the dot's edge, so the current point stays visible under a long arrow.
                    let (dx, dy) = ((to.0 - cur.0) as f64, (to.1 - cur.1) as f64);
                    let len = (dx * dx + dy * dy).sqrt();
                    let r = l.px(6.0) as f64;
                    let from = if len > 2.0 * r {
                        ((cur.0 as f64 + dx / len * r).round() as i32, (cur.1 as f64 + dy / len * r).round() as i32)
                    } else {
                        cur
                    };
                    for (colour, width) in [(pal.halo, 4.0), (pal.arrow, 2.0)] {
                        for e in arrow_elements(
                            from,
                            to,
                            l.px(9.0) as f64,
                            ShapeStyle::from(&colour).stroke_width(l.px(width)),
                        ) {
                            area.draw(&e).map_err(err)?;
                        }
                    }
                }
            }
        }
        if let Some(g) = guess {
            let at = shift(self.to_px_i32(g));
            area.draw(&Circle::new(at, l.px(9.0) as i32, ShapeStyle::from(&pal.halo).stroke_width(l.px(4.0))))
                .map_err(err)?;
            area.draw(&Circle::new(at, l.px(9.0) as i32, ShapeStyle::from(&pal.guess).stroke_width(l.px(2.0))))
                .map_err(err)?;
        }
        Ok(())
    }
}

/// The loss at `t ∈ [0, 1]` up the colour bar.
pub fn bar_value(heat: &Heat, t: f64) -> f64 {
    if heat.log {
        let d = crate::surface::LOG_FLOOR * (heat.hi - heat.lo).max(f64::MIN_POSITIVE);
        heat.lo - d + d * ((heat.hi - heat.lo + d) / d).powf(t)
    } else {
        heat.lo + t * (heat.hi - heat.lo)
    }
}

/// Dashed polylines, which plotters draws only through a series.
trait DashedMesh {
    fn draw_mesh_dashed(&self, pts: &[(i32, i32)], dash: u32, gap: u32, style: ShapeStyle) -> DrawResult;
}

impl<DB: DrawingBackend> DashedMesh for DrawingArea<DB, plotters::coord::Shift> {
    fn draw_mesh_dashed(&self, pts: &[(i32, i32)], dash: u32, gap: u32, style: ShapeStyle) -> DrawResult {
        let period = (dash + gap).max(1) as f64;
        let mut phase = 0.0;
        for w in pts.windows(2) {
            let (a, b) = (w[0], w[1]);
            let (dx, dy) = ((b.0 - a.0) as f64, (b.1 - a.1) as f64);
            let len = (dx * dx + dy * dy).sqrt();
            let mut s = 0.0;
            while s < len {
                let local = crate::num::rem(phase + s, period);
                let run = if local < dash as f64 {
                    (dash as f64 - local).min(len - s)
                } else {
                    (period - local).min(len - s)
                };
                if local < dash as f64 {
                    let p = |u: f64| {
                        ((a.0 as f64 + dx * u / len).round() as i32, (a.1 as f64 + dy * u / len).round() as i32)
                    };
                    self.draw(&PathElement::new(vec![p(s), p(s + run)], style)).map_err(err)?;
                }
                s += run.max(0.5);
            }
            phase = crate::num::rem(phase + len, period);
        }
        Ok(())
    }
}
