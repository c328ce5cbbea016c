//! The article's `y = x²` figure, for any curve `y = f(x)`: the curve, the current point with its
//! tangent and slope, and each step as an arrow from `(x_t, f(x_t))` to `(x_{t+1}, f(x_{t+1}))`,
//! earlier steps faded.

use super::{arrow_elements, err, pixel, Axes, DrawResult, Layout, Margins, Style};
use crate::landscape::Interval;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::BackendCoord;

/// Steps drawn as arrows (the most recent).
pub const MAX_ARROWS: usize = 30;

pub const MARGINS: Margins = Margins { top: 12.0, right: 16.0, bottom: 44.0, left: 56.0 };

/// The figure's geometry: `x` over the window, `y` over `lo … hi`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CurveView {
    pub layout: Layout,
    pub window: Interval,
    pub y: Interval,
}

/// The words of the figure, in the page's language.
#[derive(Clone, Copy, Debug)]
pub struct CurveLabels<'a> {
    pub x: &'a str,
    pub y: &'a str,
    /// Written before the slope's value at the current point ("slope 2x").
    pub slope: &'a str,
}

/// The y range for `f` over `window`: for `y = x²` on `[−r, r]`, `[−0.08·r², 1.08·r²]`; in general
/// the curve's range padded by 8% of its height on each side.
pub fn y_range(f: &dyn Fn(f64) -> f64, window: Interval) -> Interval {
    let n = 400;
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for i in 0..=n {
        let v = f(window.sample(i, n + 1));
        if v.is_finite() {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    if lo >= hi || lo.is_infinite() {
        return Interval { lo: -1.0, hi: 1.0 };
    }
    let pad = 0.08 * (hi - lo);
    Interval { lo: lo - pad, hi: hi + pad }
}

impl CurveView {
    pub fn new(width: u32, height: u32, style: Style, window: Interval, y: Interval) -> CurveView {
        CurveView { layout: Layout::new(width, height, style, MARGINS), window, y }
    }

    /// Device pixel of `(x, y)`.
    pub fn to_pixel(&self, x: f64, y: f64) -> (f64, f64) {
        let p = self.layout.plot;
        (
            p.x0 as f64 + (x - self.window.lo) / self.window.span() * p.width() as f64,
            p.y0 as f64 + (self.y.hi - y) / self.y.span() * p.height() as f64,
        )
    }

    /// The `x` under device pixel column `px`.
    pub fn to_x(&self, px: f64) -> f64 {
        let p = self.layout.plot;
        self.window.lo + (px - p.x0 as f64) / p.width() as f64 * self.window.span()
    }

    /// Draw the curve `f`, the tangent (slope `df`) at the last of `xs`, the steps between
    /// successive `xs`, the next move to `next` when given (dashed), and a student's guess.
    #[allow(clippy::too_many_arguments)]
    pub fn draw<DB: DrawingBackend>(
        &self,
        backend: DB,
        f: &dyn Fn(f64) -> f64,
        df: &dyn Fn(f64) -> f64,
        xs: &[f64],
        next: Option<f64>,
        guess: Option<f64>,
        labels: &CurveLabels,
    ) -> DrawResult {
        let l = &self.layout;
        let pal = l.style.palette;
        let root = backend.into_drawing_area();
        root.fill(&pal.background).map_err(err)?;
        let (w, y) = (self.window, self.y);
        let (x_axis, y_axis) = (l.axis(w.lo, w.hi), l.axis(y.lo, y.hi));
        let at = |p: (f64, f64)| l.onto_plot(l.to_px(&x_axis, &y_axis, p));
        l.draw_axes(&root, &Axes { x_ticks: 7, ..l.axes(x_axis, y_axis, labels.x, labels.y) })?;
        let n = 400;
        let curve: Vec<BackendCoord> =
            (0..=n).map(|i| w.sample(i, n + 1)).map(|x| (x, f(x))).filter(|p| p.1.is_finite()).map(at).collect();
        root.draw(&PathElement::new(curve, ShapeStyle::from(&pal.curve).stroke_width(l.px(2.0)))).map_err(err)?;

        let px = |x: f64| {
            let (a, b) = self.to_pixel(x, f(x));
            pixel(a, b)
        };
        let plot = l.plot;
        let area = root
            .clone()
            .shrink((plot.x0 as u32, plot.y0 as u32), (plot.width().max(1) as u32, plot.height().max(1) as u32));
        let local = |(a, b): (i32, i32)| (a - plot.x0, b - plot.y0);
        let visible: Vec<f64> =
            xs[xs.len().saturating_sub(MAX_ARROWS + 1)..].iter().copied().take_while(|x| x.is_finite()).collect();
        let steps = visible.len().saturating_sub(1);
        for (k, pair) in visible.windows(2).enumerate() {
            let age = steps - 1 - k;
            let alpha = if age == 0 { 1.0 } else { (0.55 - 0.08 * age as f64).max(0.15) };
            let style = ShapeStyle::from(&pal.text.mix(alpha)).stroke_width(l.px(if age == 0 { 2.0 } else { 1.5 }));
            for e in arrow_elements(local(px(pair[0])), local(px(pair[1])), l.px(9.0) as f64, style) {
                area.draw(&e).map_err(err)?;
            }
            area.draw(&Circle::new(local(px(pair[0])), l.px(3.0) as i32, super::RUNS[0].mix(alpha).filled()))
                .map_err(err)?;
        }
        let Some(&x) = visible.last() else { return Ok(()) };
        let here = local(px(x));
        if let Some(to) = next.filter(|v| v.is_finite()) {
            // The step to come, dashed, lifted above the curve so it does not hide the last step
            // (at η = 1 both join the same two points).
            let style = ShapeStyle::from(&super::RUNS[0]).stroke_width(l.px(2.0));
            let lift = l.px(14.0) as i32;
            let (from, to) = ((here.0, here.1 - lift), (local(px(to)).0, local(px(to)).1 - lift));
            area.draw_dashed(from, to, l.px(6.0), l.px(4.0), style)?;
            for e in arrow_elements(from, to, l.px(9.0) as f64, style).into_iter().skip(1) {
                area.draw(&e).map_err(err)?;
            }
            area.draw(&PathElement::new(vec![here, from], style)).map_err(err)?;
        }
        // The tangent y = f(x_t) + f'(x_t)·(u − x_t), over a short span around the point.
        let slope = df(x);
        let half = 0.18 * w.span() / (1.0 + slope.abs() * 0.25 * 5.0 / w.span());
        let tangent = [x - half, x + half].map(|u| at((u, f(x) + slope * (u - x))));
        let style = ShapeStyle::from(&pal.tangent).stroke_width(l.px(2.0));
        root.draw(&DashedPathElement::new(tangent, l.px(6.0), l.px(4.0), style)).map_err(err)?;
        // The slope's label below the curve, in the quadrant free of the curve and the tangent:
        // down-right where the curve rises, down-left where it falls (the step arrows run above
        // the curve); on a box of the background colour, drawn over the tangent and under the
        // point (on a narrow figure the label is pushed against the tangent, whose dashes the
        // box hides).
        let text = [labels.slope, " = ", &l.style.number(slope)].concat();
        let font = l.font(13.0).color(&pal.tangent);
        let (tw, th) = root.estimate_text_size(&text, &font).map_err(err)?;
        let gap = l.px(14.0) as i32;
        let (tw, th) = (tw as i32, th as i32);
        let mut tx = if slope > 0.0 { here.0 + gap } else { here.0 - gap - tw };
        tx = crate::num::clamp_i32(tx, l.px(2.0) as i32, (plot.width() - tw - l.px(2.0) as i32).max(0));
        let ty =
            crate::num::clamp_i32(here.1 + gap / 2, l.px(2.0) as i32, (plot.height() - th - l.px(4.0) as i32).max(0));
        let pad = l.px(3.0) as i32;
        area.draw(&Rectangle::new(
            [(tx - pad, ty - pad), (tx + tw + pad, ty + th + pad)],
            pal.background.mix(0.85).filled(),
        ))
        .map_err(err)?;
        area.draw(&Text::new(text, (tx, ty), font.pos(Pos::new(HPos::Left, VPos::Top)))).map_err(err)?;
        area.draw(&Circle::new(here, l.px(8.0) as i32, pal.background.filled())).map_err(err)?;
        area.draw(&Circle::new(here, l.px(6.0) as i32, super::RUNS[0].filled())).map_err(err)?;
        if let Some(g) = guess.filter(|v| v.is_finite()) {
            let at = local(px(g));
            area.draw(&Circle::new(at, l.px(9.0) as i32, ShapeStyle::from(&pal.guess).stroke_width(l.px(2.5))))
                .map_err(err)?;
        }
        Ok(())
    }
}

/// A dashed segment, which plotters draws only through a series.
trait Dashed {
    fn draw_dashed(&self, a: (i32, i32), b: (i32, i32), dash: u32, gap: u32, style: ShapeStyle) -> DrawResult;
}

impl<DB: DrawingBackend> Dashed for DrawingArea<DB, plotters::coord::Shift> {
    fn draw_dashed(&self, a: (i32, i32), b: (i32, i32), dash: u32, gap: u32, style: ShapeStyle) -> DrawResult {
        let (dx, dy) = ((b.0 - a.0) as f64, (b.1 - a.1) as f64);
        let len = (dx * dx + dy * dy).sqrt();
        let period = (dash + gap).max(1) as f64;
        let p = |u: f64| ((a.0 as f64 + dx * u / len).round() as i32, (a.1 as f64 + dy * u / len).round() as i32);
        let mut s = 0.0;
        while s < len {
            self.draw(&PathElement::new(vec![p(s), p((s + dash as f64).min(len))], style)).map_err(err)?;
            s += period;
        }
        Ok(())
    }
}
