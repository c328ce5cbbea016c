//! Drawing, generic over plotters' `DrawingBackend`: the same code draws on a `<canvas>` in the
//! browser and on an SVG string in native tests.
//!
//! Sizes are in device pixels; every length is `css px × dpr` so lines and text stay crisp on
//! HiDPI screens. Colours come from a [`Palette`] (light or dark theme); numbers on the axes are
//! written by [`crate::num`] in the language's style; the words (axis names) come from the
//! caller, in the page's language.

mod axes;
pub mod axes3d;
pub mod chart;
pub mod curve;
pub mod map;
pub mod record;
mod style;
pub mod surface;

pub use axes::{nice_ticks, Axes, Axis};
pub use style::{run_colour, Palette, Style, RUNS};

use plotters::prelude::*;

/// An error from plotters (its kind only: the caller says "could not draw" in words).
pub type DrawResult = Result<(), DrawError>;

/// Drawing failed in the backend (a canvas call threw) or the area was too small to lay out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DrawError;

pub(crate) fn err<E>(_: E) -> DrawError {
    DrawError
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
        self.x1.saturating_sub(self.x0)
    }
    pub fn height(&self) -> i32 {
        self.y1.saturating_sub(self.y0)
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
    pub style: Style,
    pub plot: Rect,
}

impl Layout {
    pub fn new(width: u32, height: u32, style: Style, m: Margins) -> Layout {
        let dpr = if style.dpr.is_finite() && style.dpr > 0.0 { style.dpr } else { 1.0 };
        let style = Style { dpr, ..style };
        let px = |v: f64| (v * dpr).round() as i32;
        let (w, h) = (width.min(i32::MAX as u32) as i32, height.min(i32::MAX as u32) as i32);
        let plot = Rect {
            x0: px(m.left).min(w - 1),
            y0: px(m.top).min(h - 1),
            x1: (w - px(m.right)).max(px(m.left).saturating_add(1)),
            y1: (h - px(m.bottom)).max(px(m.top).saturating_add(1)),
        };
        Layout { width, height, style, plot }
    }

    pub fn px(&self, css: f64) -> u32 {
        self.style.px(css)
    }
    pub fn font(&self, css: f64) -> TextStyle<'static> {
        self.style.font(css)
    }
}

/// A polyline with the points that change it by less than `tol` pixels dropped
/// (Douglas–Peucker): each kept run of points lies within `tol` of the segment that replaces it.
/// Repeated points go first. A software rasteriser's cost grows with the vertices it strokes (a
/// contour map's 30 levels at DPR 2 cost 18 ms with 400 points a line, 7 ms with 40).
pub fn simplify(pts: &[(i32, i32)], tol: f64) -> Vec<(i32, i32)> {
    let mut p: Vec<(i32, i32)> = Vec::with_capacity(pts.len());
    for &q in pts {
        if p.last() != Some(&q) {
            p.push(q);
        }
    }
    if p.len() < 3 {
        return p;
    }
    let mut keep = vec![false; p.len()];
    keep[0] = true;
    keep[p.len() - 1] = true;
    let mut stack = vec![(0, p.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (ax, ay) = (p[a].0 as f64, p[a].1 as f64);
        let (dx, dy) = (p[b].0 as f64 - ax, p[b].1 as f64 - ay);
        let len = (dx * dx + dy * dy).sqrt();
        // The farthest point from the segment's line (from the point a, for a closed loop where
        // a = b), found by |cross product| (squared distance for the loop): whole numbers, exact in
        // f64 for any canvas, so the same point as by distance, without a division or a root per
        // point.
        let (mut far, mut at) = (0.0, 0);
        for (k, q) in p.iter().enumerate().take(b).skip(a + 1) {
            let (qx, qy) = (q.0 as f64 - ax, q.1 as f64 - ay);
            let d = if len > 0.0 { (qx * dy - qy * dx).abs() } else { qx * qx + qy * qy };
            if d > far {
                (far, at) = (d, k);
            }
        }
        let far = if len > 0.0 { far / len } else { far.sqrt() };
        if far > tol {
            keep[at] = true;
            stack.push((a, at));
            stack.push((at, b));
        }
    }
    p.iter().zip(keep).filter(|(_, k)| *k).map(|(q, _)| *q).collect()
}

/// An arrow from `from` to `to` (device pixels) with a head of `head` pixels: the shaft and the
/// two wings meeting at `to`.
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

/// A point in device pixels, clamped far outside any canvas so huge values cannot overflow.
pub fn pixel(x: f64, y: f64) -> (i32, i32) {
    let c = |v: f64| if v.is_nan() { 0 } else { crate::num::clamp(v, -1e6, 1e6).round() as i32 };
    (c(x), c(y))
}

/// A legend: a swatch and a name per entry, in rows, on `area` (for exported images; the page
/// shows the legend as HTML).
pub fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    style: &Style,
    entries: &[(RGBColor, String)],
) -> DrawResult {
    let (w, _) = area.dim_in_pixel();
    let font = style.font(13.0);
    let (pad, row, swatch) = (style.px(8.0) as i32, style.px(20.0) as i32, style.px(22.0) as i32);
    let col = style.px(170.0) as i32;
    let per_row = ((w as i32 - pad) / col).max(1);
    for (i, (colour, name)) in entries.iter().enumerate() {
        let (cx, cy) = (pad + (i as i32 % per_row) * col, pad + (i as i32 / per_row) * row);
        let mid = cy + row / 2;
        area.draw(&PathElement::new(
            vec![(cx, mid), (cx + swatch, mid)],
            ShapeStyle::from(colour).stroke_width(style.px(3.0)),
        ))
        .map_err(err)?;
        area.draw(&Text::new(
            name.clone(),
            (cx + swatch + style.px(6.0) as i32, mid - style.px(7.0) as i32),
            font.clone(),
        ))
        .map_err(err)?;
    }
    Ok(())
}

/// The height in CSS pixels a legend of `n` entries needs on a canvas `css_width` wide.
pub fn legend_height(n: usize, css_width: f64) -> f64 {
    let per_row = ((css_width - 8.0) / 170.0).floor().max(1.0) as usize;
    16.0 + 20.0 * n.div_ceil(per_row) as f64
}
