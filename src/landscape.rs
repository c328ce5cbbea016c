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
        let (min, max) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)));
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

    /// Contour lines at each of `levels` by marching squares: for each level, polylines of points
    /// in grid coordinates `(col, row)` (fractional), each crossing interpolated linearly along
    /// its cell edge (always from the edge's first corner, so neighbouring cells agree).
    /// Segments of neighbouring cells are joined through the edge they share, so a line is one
    /// polyline (cheap to draw) rather than one piece a cell.
    pub fn contours(&self, levels: &[f64]) -> Vec<Vec<Vec<(f64, f64)>>> {
        let (cols, rows) = (self.cols, self.rows);
        if cols < 2 || rows < 2 {
            return levels.iter().map(|_| Vec::new()).collect();
        }
        // Each cell's lowest and highest corner: a level crosses the cell iff lo < level ≤ hi.
        let mut range = Vec::with_capacity((cols - 1) * (rows - 1));
        for r in 0..rows - 1 {
            for c in 0..cols - 1 {
                let v = [self.at(c, r), self.at(c + 1, r), self.at(c + 1, r + 1), self.at(c, r + 1)];
                range.push(v.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| (lo.min(x), hi.max(x))));
            }
        }
        // Edge keys: 2·(r·cols + c) for the edge (c, r)–(c+1, r), +1 for (c, r)–(c, r+1).
        const NONE: u32 = u32::MAX;
        let mut by_edge = vec![[NONE; 2]; 2 * cols * rows];
        let mut segments: Vec<[usize; 2]> = Vec::new();
        let mut out = Vec::with_capacity(levels.len());
        for &level in levels {
            let crossing = |key: usize| -> Option<(f64, f64)> {
                let (cell, vertical) = (key / 2, key % 2 == 1);
                let (c, r) = (cell % cols, cell / cols);
                let (c2, r2) = if vertical { (c, r + 1) } else { (c + 1, r) };
                let (a, b) = (self.at(c, r), self.at(c2, r2));
                if (a < level) == (b < level) {
                    return None;
                }
                let t = (level - a) / (b - a);
                Some(if vertical { (c as f64, r as f64 + t) } else { (c as f64 + t, r as f64) })
            };
            segments.clear();
            for (i, &(lo, hi)) in range.iter().enumerate() {
                if !(lo < level && level <= hi) {
                    continue;
                }
                let (c, r) = (i % (cols - 1), i / (cols - 1));
                let edges =
                    [2 * (r * cols + c), 2 * (r * cols + c + 1) + 1, 2 * ((r + 1) * cols + c), 2 * (r * cols + c) + 1];
                let mut hit = [0usize; 4];
                let mut n = 0;
                for e in edges {
                    if crossing(e).is_some() {
                        hit[n] = e;
                        n += 1;
                    }
                }
                if n >= 2 {
                    segments.push([hit[0], hit[1]]);
                }
                if n == 4 {
                    segments.push([hit[2], hit[3]]);
                }
            }
            for (i, s) in segments.iter().enumerate() {
                for &e in s {
                    let slot = &mut by_edge[e];
                    if slot[0] == NONE {
                        slot[0] = i as u32;
                    } else {
                        slot[1] = i as u32;
                    }
                }
            }
            let mut used = vec![false; segments.len()];
            let mut lines = Vec::new();
            for first in 0..segments.len() {
                if used[first] {
                    continue;
                }
                used[first] = true;
                let mut keys: std::collections::VecDeque<usize> = segments[first].iter().copied().collect();
                for forward in [true, false] {
                    loop {
                        let end = if forward { keys[keys.len() - 1] } else { keys[0] };
                        let next = by_edge[end].iter().map(|&j| j as usize).find(|&j| j != NONE as usize && !used[j]);
                        let Some(j) = next else { break };
                        used[j] = true;
                        let other = if segments[j][0] == end { segments[j][1] } else { segments[j][0] };
                        if forward {
                            keys.push_back(other);
                        } else {
                            keys.push_front(other);
                        }
                    }
                }
                lines.push(keys.into_iter().filter_map(crossing).collect());
            }
            for s in &segments {
                for &e in s {
                    by_edge[e] = [NONE; 2];
                }
            }
            out.push(lines);
        }
        out
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
