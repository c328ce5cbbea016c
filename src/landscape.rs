//! The loss space of the neuron over a square window of `(w, b)`, as the article's
//! `show_loss_space.py` computes it: `L(w, b) = ½(σ(x₀·w + b) − y*)²` on a grid, its contour
//! levels and contour lines, and the heatmap as an RGBA buffer.

use crate::colormap::ColorMap;
use crate::model::neuron_loss;

/// A closed interval `[lo, hi]` of one axis, with `lo < hi`, both finite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

impl Interval {
    /// `[lo, hi]`, or an error in words when it is empty or not finite.
    pub fn new(lo: f64, hi: f64) -> Result<Interval, String> {
        if !(lo.is_finite() && hi.is_finite()) {
            return Err(format!("range [{lo}, {hi}] is not finite"));
        }
        if lo >= hi {
            return Err(format!("range [{lo}, {hi}] is empty: the low end must be below the high end"));
        }
        Ok(Interval { lo, hi })
    }
    pub fn span(&self) -> f64 {
        self.hi - self.lo
    }
    pub fn contains(&self, v: f64) -> bool {
        v >= self.lo && v <= self.hi
    }
    /// The `i`-th of `n` cell centres: `lo + (i + ½)·span/n`.
    pub fn cell_centre(&self, i: usize, n: usize) -> f64 {
        self.lo + (i as f64 + 0.5) * self.span() / n as f64
    }
    /// The `i`-th of `n` evenly spaced samples from `lo` to `hi` inclusive.
    pub fn sample(&self, i: usize, n: usize) -> f64 {
        if n < 2 {
            return self.lo;
        }
        self.lo + i as f64 * self.span() / (n - 1) as f64
    }
}

/// The problem whose loss space is drawn: input `x₀`, target `y*` and the window of `(w, b)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LossSpace {
    pub x0: f64,
    pub y_star: f64,
    pub w: Interval,
    pub b: Interval,
}

impl Default for LossSpace {
    /// The article's figure: `x₀ = 1`, `y* = 0.5`, `(w, b) ∈ [−2, 2]²`.
    fn default() -> Self {
        let r = Interval { lo: -2.0, hi: 2.0 };
        LossSpace { x0: 1.0, y_star: 0.5, w: r, b: r }
    }
}

impl LossSpace {
    /// `L(w, b) = ½(σ(x₀·w + b) − y*)²`.
    pub fn loss(&self, w: f64, b: f64) -> f64 {
        neuron_loss(self.x0, w, b, self.y_star)
    }

    /// The loss sampled on `cols × rows` points, `w` along a row from `w.lo` to `w.hi` and `b`
    /// down the rows from `b.hi` (top row) to `b.lo`, inclusive, as an image is laid out.
    pub fn grid(&self, cols: usize, rows: usize) -> Grid {
        let mut values = Vec::with_capacity(cols * rows);
        for r in 0..rows {
            let b = self.b.sample(rows - 1 - r, rows);
            for c in 0..cols {
                values.push(self.loss(self.w.sample(c, cols), b));
            }
        }
        Grid::new(cols, rows, values)
    }
}

/// Loss values on a regular grid (row-major, top row first), with their range.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    pub cols: usize,
    pub rows: usize,
    pub values: Vec<f64>,
    pub min: f64,
    pub max: f64,
}

impl Grid {
    pub fn new(cols: usize, rows: usize, values: Vec<f64>) -> Grid {
        let (min, max) = values
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        Grid { cols, rows, values, min, max }
    }

    pub fn at(&self, col: usize, row: usize) -> f64 {
        self.values[row * self.cols + col]
    }

    /// The heatmap: each value mapped through the colour map, scaled from `min` (0) to `max`
    /// (1), written as RGBA bytes into `out` (resized to `4·cols·rows`).
    pub fn heatmap_rgba(&self, map: ColorMap, out: &mut Vec<u8>) {
        out.clear();
        out.reserve(4 * self.values.len());
        let scale = if self.max > self.min { 1.0 / (self.max - self.min) } else { 0.0 };
        for &v in &self.values {
            let [r, g, b] = map.rgb((v - self.min) * scale);
            out.extend_from_slice(&[r, g, b, 255]);
        }
    }

    /// Contour lines of level `level` by marching squares: segments between points given in
    /// grid coordinates `(col, row)` (fractional), interpolated linearly along cell edges.
    pub fn contour_segments(&self, level: f64) -> Vec<[(f64, f64); 2]> {
        let mut segments = Vec::new();
        if self.cols < 2 || self.rows < 2 {
            return segments;
        }
        for r in 0..self.rows - 1 {
            for c in 0..self.cols - 1 {
                // Corners clockwise from top-left, each with its grid position.
                let corners = [
                    ((c as f64, r as f64), self.at(c, r)),
                    (((c + 1) as f64, r as f64), self.at(c + 1, r)),
                    (((c + 1) as f64, (r + 1) as f64), self.at(c + 1, r + 1)),
                    ((c as f64, (r + 1) as f64), self.at(c, r + 1)),
                ];
                let mut crossings: Vec<(f64, f64)> = Vec::with_capacity(4);
                for k in 0..4 {
                    let (p, a) = corners[k];
                    let (q, bv) = corners[(k + 1) % 4];
                    if (a < level) != (bv < level) {
                        let t = (level - a) / (bv - a);
                        crossings.push((p.0 + t * (q.0 - p.0), p.1 + t * (q.1 - p.1)));
                    }
                }
                match crossings.len() {
                    2 => segments.push([crossings[0], crossings[1]]),
                    4 => {
                        segments.push([crossings[0], crossings[1]]);
                        segments.push([crossings[2], crossings[3]]);
                    }
                    _ => {}
                }
            }
        }
        segments
    }
}

/// The article's contour levels, `np.arange(min, max, step)`: `min + i·step` for
/// `i = 0 … ⌈(max − min)/step⌉ − 1` (the article uses `step = 1/2⁸`).
pub fn contour_levels(min: f64, max: f64, step: f64) -> Vec<f64> {
    if !(min.is_finite() && max.is_finite() && step.is_finite()) || step <= 0.0 || max <= min {
        return Vec::new();
    }
    let n = ((max - min) / step).ceil() as usize;
    (0..n).map(|i| min + i as f64 * step).collect()
}

/// The article's level spacing: `1/2⁸`.
pub const ARTICLE_LEVEL_STEP: f64 = 1.0 / 256.0;

/// Level spacing for a loss range: the article's `1/2⁸` while that gives at most `max_levels`
/// lines, else the article's spacing doubled until it does (so lines stay readable when `y*` or
/// the range make the loss span large).
pub fn level_step(min: f64, max: f64, max_levels: usize) -> f64 {
    let mut step = ARTICLE_LEVEL_STEP;
    while max_levels > 0 && (max - min) / step > max_levels as f64 {
        step *= 2.0;
    }
    step
}
