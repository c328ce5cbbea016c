//! The loss space of the neuron over a window of `(w, b)`, as the article's `show_loss_space.py`
//! computes it: `L(w, b) = ½(σ(x₀·w + b) − y*)²` (or the mean over a data set, with any
//! activation and loss) on a grid, its contour levels and contour lines.

use crate::activation::Activation;
use crate::data::{Dataset, Preset};
use crate::loss::Loss;
use crate::neuron::{forward_backward, Pass};
use crate::objective::Objective;

/// A closed interval `[lo, hi]` of one axis, with `lo < hi`, both finite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

impl Interval {
    /// `[lo, hi]`, or `None` when it is empty or not finite.
    pub fn new(lo: f64, hi: f64) -> Option<Interval> {
        (lo.is_finite() && hi.is_finite() && lo < hi).then_some(Interval { lo, hi })
    }

    /// `[−r, r]`, or `None` unless `r` is finite and positive.
    pub fn symmetric(r: f64) -> Option<Interval> {
        Interval::new(-r, r)
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

/// The neuron's loss over its parameters `(w, b)`: the mean over the data of
/// `ℓ(act(xᵢ·w + b), tᵢ)`. With the article's one sample `(x₀ = 1, y* = 0.5)`, the sigmoid and
/// the square loss it is `L(w, b) = ½(σ(x₀·w + b) − y*)²`, the article's loss space.
#[derive(Clone, Debug, PartialEq)]
pub struct NeuronLoss {
    pub data: Dataset,
    pub act: Activation,
    pub loss: Loss,
}

impl Default for NeuronLoss {
    /// The article's: `x₀ = 1`, `y* = 0.5`, sigmoid, square loss.
    fn default() -> Self {
        NeuronLoss { data: Preset::Single.generate(0), act: Activation::Sigmoid, loss: Loss::Square }
    }
}

impl NeuronLoss {
    /// The forward and backward pass of sample `i` at `(w, b)` (sample 0 when `i` is out of range).
    pub fn pass(&self, i: usize, w: f64, b: f64) -> Pass {
        let i = if i < self.data.len() { i } else { 0 };
        forward_backward(self.data.x()[i], w, b, self.data.t()[i], self.act, self.loss)
    }

    /// The loss of the sigmoid neuron with the square loss in `f32`, when this is that neuron
    /// (the heatmap's fast kernel): `Some((xs, ts))`.
    pub fn sigmoid_square(&self) -> Option<(&[f64], &[f64])> {
        (self.act == Activation::Sigmoid && self.loss == Loss::Square).then_some((self.data.x(), self.data.t()))
    }
}

impl Objective<2> for NeuronLoss {
    /// `L(w, b) = (1/N)·Σᵢ ℓ(act(xᵢ·w + b), tᵢ)`: the forward pass alone (the contours' grid asks
    /// 10 000 of these per loss space), with the operations of [`NeuronLoss::value_and_gradient`]
    /// in the same order, so the same bits.
    fn value(&self, [w, b]: [f64; 2]) -> f64 {
        let (xs, ts) = (self.data.x(), self.data.t());
        let at = |i: usize| self.loss.value(self.act.forward(xs[i] * w + b), ts[i]);
        let n = self.data.len();
        if n == 1 {
            return at(0);
        }
        let mut l = 0.0;
        for i in 0..n {
            l += at(i);
        }
        l / n.max(1) as f64
    }
    /// `∇L = (1/N)·Σᵢ (δᵢ·xᵢ, δᵢ)` with `δᵢ = ℓ'(yᵢ, tᵢ)·act'(zᵢ)` (back propagation).
    fn gradient(&self, p: [f64; 2]) -> [f64; 2] {
        self.value_and_gradient(p).1
    }
    fn value_and_gradient(&self, [w, b]: [f64; 2]) -> (f64, [f64; 2]) {
        let n = self.data.len();
        if n == 1 {
            let p = self.pass(0, w, b);
            return (p.loss, [p.grad_w, p.grad_b]);
        }
        mean((0..n).map(|i| self.pass(i, w, b)), n)
    }
    fn samples(&self) -> usize {
        self.data.len()
    }
    /// The mean over the samples of `batch` (indices out of range are skipped).
    fn batch_value_and_gradient(&self, [w, b]: [f64; 2], batch: &[usize]) -> (f64, [f64; 2]) {
        let n = self.data.len();
        if batch.len() == n && batch.iter().enumerate().all(|(k, &i)| k == i) {
            return self.value_and_gradient([w, b]);
        }
        let valid = batch.iter().filter(|&&i| i < n).count();
        mean(batch.iter().filter(|&&i| i < n).map(|&i| self.pass(i, w, b)), valid)
    }
}

/// The mean loss and gradient of `passes` (summed in order, then divided by `n`).
fn mean(passes: impl Iterator<Item = Pass>, n: usize) -> (f64, [f64; 2]) {
    let (mut l, mut gw, mut gb) = (0.0, 0.0, 0.0);
    for p in passes {
        l += p.loss;
        gw += p.grad_w;
        gb += p.grad_b;
    }
    let k = n.max(1) as f64;
    (l / k, [gw / k, gb / k])
}

/// The loss sampled on `cols × rows` points of `window`, `x` along a row from `lo` to `hi` and
/// `y` down the rows from `hi` (top row) to `lo`, inclusive, as an image is laid out.
pub fn grid(f: impl Fn(f64, f64) -> f64, window: &[Interval; 2], cols: usize, rows: usize) -> Grid {
    let mut values = Vec::with_capacity(cols * rows);
    for r in 0..rows {
        let y = window[1].sample(rows - 1 - r, rows);
        for c in 0..cols {
            values.push(f(window[0].sample(c, cols), y));
        }
    }
    Grid::new(cols, rows, values)
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
            .filter(|v| v.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        Grid { cols, rows, values, min, max }
    }

    pub fn at(&self, col: usize, row: usize) -> f64 {
        self.values[row * self.cols + col]
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
                // Which edges the level crosses, from the corners' sides of it (what `crossing`
                // tests, without taking each edge's corners apart from its key: two integer
                // divisions an edge, four edges a cell).
                let below = [
                    self.at(c, r) < level,
                    self.at(c + 1, r) < level,
                    self.at(c + 1, r + 1) < level,
                    self.at(c, r + 1) < level,
                ];
                let crossed = [below[0] != below[1], below[1] != below[2], below[3] != below[2], below[0] != below[3]];
                let mut hit = [0usize; 4];
                let mut n = 0;
                // Over slices, not arrays by value: an array's iterator is a call a step in a
                // size-optimised module, and V8 runs the first map's contours in its baseline
                // compiler, where each call costs (BENCHMARKS.md).
                for (&e, &x) in edges.iter().zip(crossed.iter()) {
                    if x {
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
