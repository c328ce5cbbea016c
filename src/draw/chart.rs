//! A small line chart of quantities over steps (the loss of each run, or `|x_t|`), on a linear or
//! a log scale, with an optional guide curve (for `|x_t|`, the predicted `|1 − 2η|^t·|x₀|`).
//! On a log scale a value of exactly zero cannot be drawn: it is drawn reaching the bottom edge
//! and marked with a down-pointing triangle ("reached 0, off the axis").

use super::{err, Axes, DrawResult, Layout, Margins, Style};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters_backend::BackendCoord;

pub const MARGINS: Margins = Margins { top: 10.0, right: 14.0, bottom: 40.0, left: 64.0 };

/// One quantity over steps: `(step, value)` in order of steps (steps may skip, as in a thinned
/// history), in a colour.
#[derive(Clone, Copy, Debug)]
pub struct Series<'a> {
    pub values: &'a [(f64, f64)],
    pub colour: RGBColor,
}

/// What to draw.
#[derive(Clone, Copy, Debug)]
pub struct StepChart<'a> {
    /// The axis names, in the page's language.
    pub x_name: &'a str,
    pub y_name: &'a str,
    pub series: &'a [Series<'a>],
    /// Log scale (base 10) instead of linear.
    pub log: bool,
    /// A guide `(step, value)` drawn dashed under the values.
    pub guide: Option<&'a [(f64, f64)]>,
}

/// Values below this share of the largest count as zero on a log chart.
const LOG_FLOOR: f64 = 1e-300;

impl StepChart<'_> {
    fn finite(&self) -> impl Iterator<Item = f64> + '_ {
        self.series
            .iter()
            .flat_map(|s| s.values.iter())
            .chain(self.guide.unwrap_or(&[]))
            .map(|p| p.1.abs())
            .filter(|v| v.is_finite())
    }

    /// The y range drawn: linear, from 0 (or the lowest value, when negative) to the highest
    /// (or 0), padded by 5%; log, whole powers of ten around the non-zero |values| (as `log₁₀`
    /// values). Never empty.
    pub fn y_range(&self) -> (f64, f64) {
        let max = self.finite().fold(0.0f64, f64::max);
        if !self.log {
            let signed = || {
                self.series
                    .iter()
                    .flat_map(|s| s.values.iter())
                    .chain(self.guide.unwrap_or(&[]))
                    .map(|p| p.1)
                    .filter(|v| v.is_finite())
            };
            let lo = signed().fold(0.0f64, f64::min);
            let hi = signed().fold(0.0f64, f64::max);
            let pad = 0.05 * (hi - lo);
            return if hi > lo {
                (if lo < 0.0 { lo - pad } else { 0.0 }, if hi > 0.0 { hi + pad } else { 0.0 })
            } else {
                (0.0, 1.0)
            };
        }
        if self.log {
            let min = self.finite().filter(|&v| v > LOG_FLOOR).fold(f64::INFINITY, f64::min);
            let (lo, hi) =
                if max > 0.0 && min.is_finite() { (min.log10().floor(), max.log10().ceil()) } else { (-1.0, 0.0) };
            if hi > lo {
                (lo, hi)
            } else {
                (hi - 1.0, hi)
            }
        } else {
            (0.0, 1.0)
        }
    }

    /// The y coordinate of `v`, or `None` for a zero on a log chart (drawn at the edge, marked).
    fn y(&self, v: f64, lo: f64) -> Option<f64> {
        if !self.log {
            return Some(v);
        }
        let a = v.abs();
        (a > LOG_FLOOR).then(|| a.log10().max(lo))
    }

    pub fn draw<DB: DrawingBackend>(&self, backend: DB, style: Style) -> DrawResult {
        let (width, height) = backend.get_size();
        let l = Layout::new(width, height, style, MARGINS);
        let pal = style.palette;
        let root = backend.into_drawing_area();
        root.fill(&pal.background).map_err(err)?;
        let last = |v: &[(f64, f64)]| v.last().map_or(0.0, |p| p.0);
        let xmax = self.series.iter().map(|s| last(s.values)).fold(self.guide.map_or(0.0, last), f64::max).max(10.0);
        let (lo, hi) = self.y_range();
        let mut y_axis = l.axis(lo, hi);
        y_axis.log = self.log;
        let x_axis = l.axis(0.0, xmax);
        let at = |p: (f64, f64)| l.onto_plot(l.to_px(&x_axis, &y_axis, p));
        let axes = l.axes(x_axis, y_axis, self.x_name, self.y_name);
        let y_ticks = if self.log { ((hi - lo) as usize + 1).min(8) } else { 5 };
        l.draw_axes(&root, &Axes { x_ticks: 6, y_ticks, label: l.font(12.0), desc: l.font(13.0), ..axes })?;
        if let Some(g) = self.guide {
            let style = ShapeStyle::from(&pal.tangent).stroke_width(l.px(1.5));
            let pts: Vec<BackendCoord> =
                g.iter().filter(|p| p.1.is_finite()).map(|&(t, v)| at((t, self.y(v, lo).unwrap_or(lo)))).collect();
            root.draw(&DashedPathElement::new(pts, l.px(5.0), l.px(4.0), style)).map_err(err)?;
        }
        for s in self.series {
            let pts: Vec<(f64, Option<f64>)> =
                s.values.iter().filter(|p| p.1.is_finite()).map(|&(t, v)| (t, self.y(v, lo))).collect();
            let line: Vec<BackendCoord> = pts.iter().map(|&(t, y)| at((t, y.unwrap_or(lo)))).collect();
            // A lone run of at most 60 points gets a dot on each (drawn over its line).
            let dots = if pts.len() <= 60 && self.series.len() == 1 { line.clone() } else { Vec::new() };
            // Stroked without the points that move it by less than a third of a pixel (steps
            // outnumber pixels in a long run, and Play strokes every line again each frame).
            let stroke = super::simplify(&line, 0.35);
            root.draw(&PathElement::new(stroke, ShapeStyle::from(&s.colour).stroke_width(l.px(2.0)))).map_err(err)?;
            for p in dots {
                root.draw(&Circle::new(p, l.px(2.5), s.colour.filled())).map_err(err)?;
            }
            // Zeros on a log axis: a triangle pointing down at the bottom edge.
            let size = l.px(6.0) as i32;
            for &(t, _) in pts.iter().filter(|p| p.1.is_none()) {
                let (x, y) = l.to_px(&x_axis, &y_axis, (t, lo));
                root.draw(&Polygon::new(
                    vec![(x - size, y - 2 * size), (x + size, y - 2 * size), (x, y)],
                    s.colour.filled(),
                ))
                .map_err(err)?;
            }
        }
        Ok(())
    }
}
