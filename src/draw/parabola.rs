//! The article's `y = x²` figure: the curve, the current point with its tangent and slope, and
//! each step as an arrow from `(x_t, x_t²)` to `(x_{t+1}, x_{t+1}²)`, earlier steps faded.

use super::{arrow_elements, err, label, DrawResult, Layout, Margins, ARROW, PATH, TEXT};
use crate::lang::Lang;
use crate::parabola::{parabola, parabola_slope};
use plotters::prelude::*;

/// Steps drawn as arrows (the most recent).
pub const MAX_ARROWS: usize = 30;

pub const MARGINS: Margins = Margins { top: 12.0, right: 16.0, bottom: 44.0, left: 52.0 };

/// The figure's geometry: `x ∈ [−r, r]`, `y ∈ [−0.08·r², 1.08·r²]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParabolaView {
    pub layout: Layout,
    pub range: f64,
    /// The language of the slope's label.
    pub lang: Lang,
}

impl ParabolaView {
    pub fn new(width: u32, height: u32, dpr: f64, range: f64) -> ParabolaView {
        ParabolaView { layout: Layout::new(width, height, dpr, MARGINS), range, lang: Lang::En }
    }

    pub fn y_range(&self) -> (f64, f64) {
        let top = self.range * self.range;
        (-0.08 * top, 1.08 * top)
    }

    /// Device pixel of `(x, y)`.
    pub fn to_pixel(&self, x: f64, y: f64) -> (f64, f64) {
        let p = self.layout.plot;
        let (lo, hi) = self.y_range();
        (
            p.x0 as f64 + (x + self.range) / (2.0 * self.range) * p.width() as f64,
            p.y0 as f64 + (hi - y) / (hi - lo) * p.height() as f64,
        )
    }

    /// The `x` under device pixel column `px`.
    pub fn to_x(&self, px: f64) -> f64 {
        let p = self.layout.plot;
        -self.range + (px - p.x0 as f64) / p.width() as f64 * 2.0 * self.range
    }

    /// Draw the curve, the tangent at the last of `xs`, and the steps between successive `xs`.
    pub fn draw<DB: DrawingBackend>(&self, backend: DB, xs: &[f64]) -> DrawResult {
        let l = &self.layout;
        let root = backend.into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let r = self.range;
        let (ylo, yhi) = self.y_range();
        let mut chart = l.builder(&root).build_cartesian_2d(-r..r, ylo..yhi).map_err(err)?;
        chart
            .configure_mesh()
            .x_labels(7)
            .y_labels(5)
            .x_label_formatter(&|v| label(*v))
            .y_label_formatter(&|v| label(*v))
            .label_style(l.font(13.0))
            .axis_desc_style(l.font(15.0))
            .x_desc("x")
            .y_desc("y = x²")
            .bold_line_style(ShapeStyle::from(&RGBColor(230, 230, 230)).stroke_width(l.px(1.0)))
            .light_line_style(TRANSPARENT)
            .axis_style(ShapeStyle::from(&TEXT).stroke_width(l.px(1.0)))
            .draw()
            .map_err(err)?;
        let n = 400;
        let curve = (0..=n).map(|i| -r + 2.0 * r * i as f64 / n as f64).map(|x| (x, parabola(x)));
        chart.draw_series(LineSeries::new(curve, ShapeStyle::from(&TEXT).stroke_width(l.px(2.0)))).map_err(err)?;

        let px = |x: f64| {
            let (a, b) = self.to_pixel(x, parabola(x));
            (a.round() as i32, b.round() as i32)
        };
        let plot = l.plot;
        let area = root.clone().shrink((plot.x0 as u32, plot.y0 as u32), (plot.width() as u32, plot.height() as u32));
        let local = |(a, b): (i32, i32)| (a - plot.x0, b - plot.y0);
        // The last steps only: older arrows would be too faint to see.
        let visible: Vec<f64> =
            xs[xs.len().saturating_sub(MAX_ARROWS + 1)..].iter().copied().take_while(|x| x.is_finite()).collect();
        let steps = visible.len().saturating_sub(1);
        for (k, pair) in visible.windows(2).enumerate() {
            let age = steps - 1 - k;
            let alpha = if age == 0 { 1.0 } else { (0.55 - 0.08 * age as f64).max(0.15) };
            let style = ShapeStyle::from(&ARROW.mix(alpha)).stroke_width(l.px(if age == 0 { 2.0 } else { 1.5 }));
            for e in arrow_elements(local(px(pair[0])), local(px(pair[1])), l.px(9.0) as f64, style) {
                area.draw(&e).map_err(err)?;
            }
            area.draw(&Circle::new(local(px(pair[0])), l.px(3.0) as i32, PATH.mix(alpha).filled())).map_err(err)?;
        }
        if let Some(&x) = visible.last() {
            // The tangent y = x_t² + 2x_t·(x − x_t), over a short span around the point.
            let slope = parabola_slope(x);
            let half = 0.45 * r / (1.0 + slope.abs() * 0.25);
            let tangent = [x - half, x + half].map(|u| (u, parabola(x) + slope * (u - x)));
            let style = ShapeStyle::from(&RGBColor(200, 60, 20)).stroke_width(l.px(2.0));
            chart.draw_series(DashedLineSeries::new(tangent, l.px(6.0), l.px(4.0), style)).map_err(err)?;
            let here = local(px(x));
            area.draw(&Circle::new(here, l.px(8.0) as i32, WHITE.filled())).map_err(err)?;
            area.draw(&Circle::new(here, l.px(6.0) as i32, PATH.filled())).map_err(err)?;
            let text = format!("{} 2x = {}", self.lang.pick("slope", "pente"), label(slope));
            let (tx, ty) = (here.0 + l.px(12.0) as i32, here.1 - l.px(24.0) as i32);
            let tx = tx.min(plot.width() - l.px(120.0) as i32);
            area.draw(&Text::new(text, (tx, ty.max(l.px(4.0) as i32)), l.font(13.0).color(&RGBColor(170, 40, 10))))
                .map_err(err)?;
        }
        Ok(())
    }
}
