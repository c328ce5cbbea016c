//! Axes of the 2-D figures: [`Axis`] (ticks and their labels without Rust's float formatting),
//! how a value maps to a device pixel as plotters' charts map it ([`Layout::to_px`]), and the
//! axes drawn around a plot ([`Layout::draw_axes`]), element for element as plotters' mesh drew
//! them.

use super::{err, DrawResult, Layout};
use crate::num::{self, NumStyle};
use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};
use plotters::coord::Shift;
use plotters::element::{Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendCoord, DrawingErrorKind};
use std::ops::Range;

/// A numeric axis whose tick labels never reach Rust's float formatting: ticks at 1, 2 or 5 × 10ᵏ,
/// written by [`crate::num`] with values within 10⁻⁹ of the span from 0 written as 0. With `log`,
/// the coordinates are `log₁₀` of the values: ticks at whole powers, labelled 0.1, 1, 10.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    pub lo: f64,
    pub hi: f64,
    pub log: bool,
    pub num: NumStyle,
}

impl Ranged for Axis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    /// Plotters' own mapping for `f64`, so pixels agree with its axes.
    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        if self.hi == self.lo {
            return (limit.1 - limit.0) / 2;
        }
        let logic = (v - self.lo) / (self.hi - self.lo);
        let actual = limit.1 - limit.0;
        if actual == 0 {
            return limit.1;
        }
        if logic.is_infinite() {
            return if logic.is_sign_positive() { limit.1 } else { limit.0 };
        }
        if actual > 0 {
            limit.0 + (actual as f64 * logic + 1e-3).floor() as i32
        } else {
            limit.0 + (actual as f64 * logic - 1e-3).ceil() as i32
        }
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        self.ticks(hint.max_num_points())
    }

    fn range(&self) -> Range<f64> {
        self.lo..self.hi
    }
}

impl ValueFormatter<f64> for Axis {
    fn format_ext(&self, v: &f64) -> String {
        self.label(*v)
    }
}

impl Axis {
    /// At most about `max` ticks: [`nice_ticks`], or on a log axis whole powers (every k-th).
    pub fn ticks(&self, max: usize) -> Vec<f64> {
        if self.log {
            let (a, b) = (self.lo.ceil(), self.hi.floor());
            let n = ((b - a) as i64 + 1).max(0) as usize;
            let every = n.div_ceil(max.max(1)).max(1);
            return (0..n).step_by(every).map(|k| a + k as f64).collect();
        }
        nice_ticks(self.lo, self.hi, max)
    }

    /// The label of the tick at `v` (on a log axis, `10^v`).
    pub fn label(&self, v: f64) -> String {
        if self.log {
            return num::format(10f64.powf(v.round()), 4, self.num);
        }
        num::format(num::tick(v, self.hi - self.lo), 4, self.num)
    }
}

/// What [`Layout::draw_axes`] draws around a 2-D plot.
pub struct Axes<'a> {
    pub x: Axis,
    pub y: Axis,
    /// About how many ticks each axis gets.
    pub x_ticks: usize,
    pub y_ticks: usize,
    pub label: TextStyle<'a>,
    pub desc: TextStyle<'a>,
    pub x_desc: &'a str,
    pub y_desc: &'a str,
    /// Lines across the plot at the ticks (the map has none).
    pub grid: Option<ShapeStyle>,
    pub axis: ShapeStyle,
    /// The tick marks' length in device pixels; `None` for plotters' default, 5 % of the plot's
    /// shorter side and at most 5.
    pub tick: Option<i32>,
}

/// A line drawn with the backend's `draw_line`, as plotters draws its mesh lines (the recorder
/// puts a one-pixel line on a pixel row or column).
struct Line(BackendCoord, BackendCoord, ShapeStyle);

impl<'a> PointCollection<'a, BackendCoord> for &'a Line {
    type Point = &'a BackendCoord;
    type IntoIter = [&'a BackendCoord; 2];
    fn point_iter(self) -> Self::IntoIter {
        [&self.0, &self.1]
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Line {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut pos: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        match (pos.next(), pos.next()) {
            (Some(a), Some(b)) => backend.draw_line(a, b, &self.2),
            _ => Ok(()),
        }
    }
}

impl Layout {
    /// A plotters chart on `area` whose plotting area is exactly `self.plot`. The 2-D figures no
    /// longer build one (they map points with [`Layout::to_px`] and draw their axes with
    /// [`Layout::draw_axes`]); `tests/draw.rs` draws through it to check that both give plotters'
    /// picture. Not linked into the wasm module.
    pub fn builder<'a, 'b, DB: DrawingBackend>(
        &self,
        area: &'a DrawingArea<DB, plotters::coord::Shift>,
    ) -> ChartBuilder<'a, 'b, DB> {
        let mut b = ChartBuilder::on(area);
        b.margin_top(self.plot.y0)
            .margin_right(self.width as i32 - self.plot.x1)
            .margin_bottom(0)
            .margin_left(0)
            .x_label_area_size(self.height as i32 - self.plot.y1)
            .y_label_area_size(self.plot.x0);
        b
    }

    /// An axis from `lo` to `hi` whose labels this layout writes.
    pub fn axis(&self, lo: f64, hi: f64) -> Axis {
        Axis { lo, hi, log: false, num: self.style.num }
    }

    /// The figures' usual axes on `x` and `y` with these names: about 5 ticks each, labels at
    /// 13 px and names at 15 px, axis lines in the text colour, lines across the plot in the grid
    /// colour, plotters' default tick marks. A figure changes what differs
    /// (`Axes { x_ticks: 7, ..l.axes(…) }`).
    pub fn axes<'a>(&self, x: Axis, y: Axis, x_desc: &'a str, y_desc: &'a str) -> Axes<'a> {
        let pal = self.style.palette;
        Axes {
            x,
            y,
            x_ticks: 5,
            y_ticks: 5,
            label: self.font(13.0),
            desc: self.font(15.0),
            x_desc,
            y_desc,
            grid: Some(ShapeStyle::from(&pal.grid).stroke_width(self.px(1.0))),
            axis: ShapeStyle::from(&pal.text).stroke_width(self.px(1.0)),
            tick: None,
        }
    }

    /// The device pixel of `(u, v)` on axes `x` and `y`, as plotters' chart built on this layout
    /// maps it: `x` from `x₀` to `x₁ − 1`, `y` from `y₁ − 1` up to `y₀`.
    pub fn to_px(&self, x: &Axis, y: &Axis, (u, v): (f64, f64)) -> BackendCoord {
        let p = self.plot;
        (x.map(&u, (p.x0, p.x1 - 1)), y.map(&v, (p.y1 - 1, p.y0)))
    }

    /// `p` moved onto the plot's edge if outside it (`x₀ ≤ x ≤ x₁`, `y₀ ≤ y ≤ y₁`), as plotters
    /// moves every point drawn on a chart: a line beyond the range runs along the edge.
    pub fn onto_plot(&self, (x, y): BackendCoord) -> BackendCoord {
        let p = self.plot;
        (x.min(p.x1).max(p.x0), y.min(p.y1).max(p.y0))
    }

    /// The axes of a 2-D figure on the left and bottom of the plot: the axis names, lines across
    /// the plot at the ticks (if asked), the axis lines, and each tick's label and mark. Element
    /// for element what plotters' `configure_mesh().draw()` drew on a chart built by
    /// [`Layout::builder`], in the same order (dropping its code took 3.3 KB gzip off the wasm
    /// module; `tests/draw.rs` draws both and compares the SVG):
    /// - a value maps to pixels as plotters' chart maps it, from `x₀` to `x₁ − 1` across and from
    ///   `y₁ − 1` up to `y₀`;
    /// - the y name turned a quarter, centred on the canvas's left edge; the x name centred on
    ///   its bottom edge;
    /// - the y axis one pixel left of the plot, its labels right-aligned two tick lengths left of
    ///   the plot; the x axis on the row below the plot, its labels two tick lengths below it; a
    ///   tick outside the axis's pixels gets no label.
    pub fn draw_axes<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, a: &Axes) -> DrawResult {
        let p = self.plot;
        let (back_x, back_y) = ((p.x0, p.x1 - 1), (p.y1 - 1, p.y0));
        let xs: Vec<(i32, String)> =
            a.x.ticks(a.x_ticks).into_iter().map(|v| (a.x.map(&v, back_x), a.x.label(v))).collect();
        let ys: Vec<(i32, String)> =
            a.y.ticks(a.y_ticks).into_iter().map(|v| (a.y.map(&v, back_y), a.y.label(v))).collect();
        let tick = a.tick.unwrap_or_else(|| default_tick(p.width(), p.height()));
        let pos = |h, v| Pos::new(h, v);
        // Plotters leaves out an axis whose label area is empty.
        let bottom = self.height.min(i32::MAX as u32) as i32;
        let (left_area, bottom_area) = (p.x0 > 0 && p.height() > 0, bottom > p.y1 && p.width() > 0);
        if left_area {
            let rotated = a.desc.transform(FontTransform::Rotate270);
            root.draw_text(a.y_desc, &rotated.pos(pos(HPos::Center, VPos::Top)), (0, p.y0 + p.height() / 2))
                .map_err(err)?;
        }
        if bottom_area {
            root.draw_text(a.x_desc, &a.desc.pos(pos(HPos::Center, VPos::Bottom)), (p.x0 + p.width() / 2, bottom))
                .map_err(err)?;
        }
        if let Some(grid) = a.grid {
            for &(x, _) in &xs {
                root.draw(&Line((x, back_y.0), (x, back_y.1), grid)).map_err(err)?;
            }
            for &(y, _) in &ys {
                root.draw(&Line((back_x.0, y), (back_x.1, y), grid)).map_err(err)?;
            }
        }
        let mark = |from, to| PathElement::new(vec![from, to], a.axis);
        if left_area {
            // The y axis: its pixels run from y₀ to y₁ − 1.
            root.draw(&mark((p.x0 - 1, p.y0), (p.x0 - 1, p.y1 - 1))).map_err(err)?;
            for (y, text) in ys.iter().filter(|(y, _)| (p.y0..p.y1).contains(y)) {
                let at = (p.x0 - 2 * tick, *y);
                root.draw_text(text, &a.label.pos(pos(HPos::Right, VPos::Center)), at).map_err(err)?;
                if tick != 0 {
                    root.draw(&mark((p.x0 - 1 - tick, *y), (p.x0 - 1, *y))).map_err(err)?;
                }
            }
        }
        if bottom_area {
            // The x axis: its pixels run from x₀ to x₁ − 1.
            root.draw(&mark((p.x0, p.y1), (p.x1 - 1, p.y1))).map_err(err)?;
            for (x, text) in xs.iter().filter(|(x, _)| (p.x0..p.x1).contains(x)) {
                let at = (*x, p.y1 + 2 * tick);
                root.draw_text(text, &a.label.pos(pos(HPos::Center, VPos::Top)), at).map_err(err)?;
                if tick != 0 {
                    root.draw(&mark((*x, p.y1), (*x, p.y1 + tick))).map_err(err)?;
                }
            }
        }
        Ok(())
    }
}

/// Plotters' default tick mark on a plot of `width` × `height` pixels, 2-D or 3-D: 5 % of the
/// shorter side, at most 5 px.
pub(super) fn default_tick(width: impl Into<f64>, height: impl Into<f64>) -> i32 {
    ((0.05 * width.into().min(height.into())).round() as i32).min(5)
}

/// At most `max` ticks at multiples of 1, 2 or 5 × 10ᵏ inside `[lo, hi]`.
pub fn nice_ticks(lo: f64, hi: f64, max: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || max == 0 {
        return Vec::new();
    }
    let raw = (hi - lo) / max as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step =
        [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * mag).find(|s| (hi - lo) / s <= max as f64).unwrap_or(10.0 * mag);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).take(max + 1).map(|k| k as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks_are_round_and_inside() {
        assert_eq!(nice_ticks(-2.0, 2.0, 5), vec![-2.0, -1.0, 0.0, 1.0, 2.0]);
        assert_eq!(nice_ticks(0.0, 10.0, 6), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        let t = nice_ticks(-0.7, 0.7, 5);
        assert!(t.iter().all(|v| (-0.7..=0.7).contains(v)) && t.contains(&0.0), "{t:?}");
        assert!(nice_ticks(1.0, 1.0, 5).is_empty());
        assert!(nice_ticks(f64::NAN, 1.0, 5).is_empty());
    }

    #[test]
    fn axis_labels_use_the_language_and_read_zero_at_zero() {
        let fr = NumStyle { decimal: ',', ..NumStyle::default() };
        let a = Axis { lo: -0.5, hi: 0.5, log: false, num: fr };
        assert_eq!(a.format_ext(&0.25), "0,25");
        assert_eq!(a.format_ext(&-5.551115123125783e-17), "0");
        assert_eq!(a.format_ext(&-0.25), "−0,25");
        let l = Axis { lo: -3.0, hi: 1.0, log: true, num: NumStyle::default() };
        assert_eq!(l.key_points(8usize), vec![-3.0, -2.0, -1.0, 0.0, 1.0]);
        assert_eq!(l.format_ext(&-1.0), "0.1");
        assert_eq!(l.format_ext(&1.0), "10");
        assert_eq!(l.format_ext(&-3.0), "0.001");
    }
}
