//! A small line chart of one quantity over steps (the loss, or `|x_t|`), on a linear or a log
//! scale, with an optional guide curve (for `|x_t|`, the predicted `|1 − 2η|^t·|x₀|`).

use super::{err, label, DrawResult, Layout, Margins, PATH, TEXT};
use crate::lang::Lang;
use plotters::prelude::*;

pub const MARGINS: Margins = Margins { top: 10.0, right: 14.0, bottom: 40.0, left: 64.0 };

/// What to draw.
pub struct StepChart<'a> {
    /// The axis name of the quantity.
    pub name: &'a str,
    /// `(step, value)` in order of steps (steps may skip, as in a thinned history).
    pub values: &'a [(f64, f64)],
    /// Log scale (base 10) instead of linear.
    pub log: bool,
    /// A guide `(step, value)` drawn dashed under the values.
    pub guide: Option<&'a [(f64, f64)]>,
    /// The language of the axis names.
    pub lang: Lang,
}

/// Values below this share of the largest are drawn at the floor of a log chart.
const LOG_FLOOR: f64 = 1e-16;

impl StepChart<'_> {
    /// The y range drawn: `[0, 1.05·max]` linear, or powers of ten around the values in log
    /// (as `log10` values), never empty.
    pub fn y_range(&self) -> (f64, f64) {
        let finite = || self.values.iter().chain(self.guide.unwrap_or(&[])).map(|p| p.1).filter(|v| v.is_finite());
        let max = finite().fold(0.0f64, |a, v| a.max(v.abs()));
        if self.log {
            let floor = (max * LOG_FLOOR).max(f64::MIN_POSITIVE);
            let min = finite().map(f64::abs).filter(|&v| v >= floor).fold(f64::INFINITY, f64::min);
            let (lo, hi) =
                if max > 0.0 && min.is_finite() { (min.log10().floor(), max.log10().ceil()) } else { (-1.0, 0.0) };
            (lo, if hi > lo { hi } else { lo + 1.0 })
        } else {
            (0.0, if max > 0.0 { max * 1.05 } else { 1.0 })
        }
    }

    fn y(&self, v: f64, lo: f64) -> f64 {
        if self.log {
            if v.abs() > 0.0 {
                v.abs().log10().max(lo)
            } else {
                lo
            }
        } else {
            v
        }
    }

    pub fn draw<DB: DrawingBackend>(&self, backend: DB, width: u32, height: u32, dpr: f64) -> DrawResult {
        let l = Layout::new(width, height, dpr, MARGINS);
        let root = backend.into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let last = |v: &[(f64, f64)]| v.last().map_or(0.0, |p| p.0);
        let xmax = last(self.values).max(self.guide.map_or(0.0, last)).max(10.0);
        let (lo, hi) = self.y_range();
        let mut chart = l.builder(&root).build_cartesian_2d(0f64..xmax, lo..hi).map_err(err)?;
        let log = self.log;
        let fmt_y = move |v: &f64| if log { format!("1e{}", v.round()) } else { label(*v) };
        let grid = ShapeStyle::from(&RGBColor(225, 225, 225)).stroke_width(l.px(1.0));
        chart
            .configure_mesh()
            .x_labels(6)
            .y_labels(if log { ((hi - lo) as usize + 1).min(8) } else { 5 })
            .x_label_formatter(&|v| format!("{}", v.round()))
            .y_label_formatter(&fmt_y)
            .label_style(l.font(12.0))
            .axis_desc_style(l.font(13.0))
            .x_desc(self.lang.pick("step t", "pas t"))
            .y_desc(if log {
                format!("{} ({})", self.name, self.lang.pick("log", "log."))
            } else {
                self.name.to_string()
            })
            .bold_line_style(grid)
            .light_line_style(TRANSPARENT)
            .axis_style(ShapeStyle::from(&TEXT).stroke_width(l.px(1.0)))
            .draw()
            .map_err(err)?;
        if let Some(g) = self.guide {
            let style = ShapeStyle::from(&RGBColor(200, 80, 40)).stroke_width(l.px(1.5));
            let pts: Vec<(f64, f64)> = g.iter().filter(|p| p.1.is_finite()).map(|&(t, v)| (t, self.y(v, lo))).collect();
            chart.draw_series(DashedLineSeries::new(pts, l.px(5.0), l.px(4.0), style)).map_err(err)?;
        }
        let pts: Vec<(f64, f64)> =
            self.values.iter().filter(|p| p.1.is_finite()).map(|&(t, v)| (t, self.y(v, lo))).collect();
        let style = ShapeStyle::from(&PATH).stroke_width(l.px(2.0));
        chart.draw_series(LineSeries::new(pts.iter().copied(), style)).map_err(err)?;
        if pts.len() <= 60 {
            chart.draw_series(pts.iter().map(|&p| Circle::new(p, l.px(2.5), PATH.filled()))).map_err(err)?;
        }
        Ok(())
    }
}
