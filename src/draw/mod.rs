//! Drawing, generic over plotters' `DrawingBackend`: the same code draws on a `<canvas>` in the
//! browser (plotters-canvas) and on an SVG string in native tests.
//!
//! Sizes are in device pixels; every length is `css px × dpr` so lines and text stay crisp on
//! HiDPI screens.

pub mod chart;
pub mod map;
pub mod parabola;
pub mod surface;

use plotters::prelude::*;

/// An error from plotters, in words.
pub type DrawResult = Result<(), String>;

pub(crate) fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("drawing failed: {e:?}")
}

/// A rectangle of device pixels: `x0 ≤ x < x1`, `y0 ≤ y < y1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rect {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl Rect {
    pub fn width(&self) -> i32 {
        self.x1 - self.x0
    }
    pub fn height(&self) -> i32 {
        self.y1 - self.y0
    }
}

/// Margins around a chart's plotting area, in CSS pixels.
#[derive(Clone, Copy, Debug)]
pub struct Margins {
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    pub left: f64,
}

/// Where a chart's plotting area falls on a canvas of `width × height` device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    pub width: u32,
    pub height: u32,
    pub dpr: f64,
    pub plot: Rect,
}

impl Layout {
    pub fn new(width: u32, height: u32, dpr: f64, m: Margins) -> Layout {
        let dpr = if dpr.is_finite() && dpr > 0.0 { dpr } else { 1.0 };
        let px = |v: f64| (v * dpr).round() as i32;
        let (w, h) = (width as i32, height as i32);
        let plot = Rect {
            x0: px(m.left).min(w - 1),
            y0: px(m.top).min(h - 1),
            x1: (w - px(m.right)).max(px(m.left) + 1),
            y1: (h - px(m.bottom)).max(px(m.top) + 1),
        };
        Layout { width, height, dpr, plot }
    }

    /// A length of `css` CSS pixels in device pixels.
    pub fn px(&self, css: f64) -> u32 {
        (css * self.dpr).round().max(1.0) as u32
    }

    /// A font of `css` CSS pixels.
    pub fn font(&self, css: f64) -> TextStyle<'static> {
        ("sans-serif", css * self.dpr).into_font().color(&TEXT)
    }

    /// A chart on `area` whose plotting area is exactly `self.plot`.
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
}

/// Text colour: near-black, readable on white.
pub const TEXT: RGBColor = RGBColor(30, 30, 30);
/// The trajectory's colour: a blue that stands out on both autumn and viridis.
pub const PATH: RGBColor = RGBColor(20, 60, 200);
/// The next move's arrow.
pub const ARROW: RGBColor = RGBColor(0, 0, 0);

/// An arrow from `from` to `to` (device pixels) with a head of `head` pixels.
pub fn arrow_elements(from: (i32, i32), to: (i32, i32), head: f64, style: ShapeStyle) -> Vec<PathElement<(i32, i32)>> {
    let (dx, dy) = ((to.0 - from.0) as f64, (to.1 - from.1) as f64);
    let len = (dx * dx + dy * dy).sqrt();
    let mut out = vec![PathElement::new(vec![from, to], style)];
    if len >= 1.0 {
        let (ux, uy) = (dx / len, dy / len);
        let h = head.min(len * 0.6);
        let wing = |s: f64| {
            let (px, py) = (-uy * s, ux * s);
            ((to.0 as f64 - ux * h + px * h * 0.5).round() as i32, (to.1 as f64 - uy * h + py * h * 0.5).round() as i32)
        };
        out.push(PathElement::new(vec![wing(1.0), to, wing(-1.0)], style));
    }
    out
}

/// A number for a label: at most 4 significant digits, no trailing zeros.
pub fn label(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    if v.abs() >= 1e4 || v.abs() < 1e-3 {
        return format!("{v:.1e}");
    }
    let digits = (3 - v.abs().log10().floor() as i32).clamp(0, 6) as usize;
    let s = format!("{v:.digits$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}
