//! Test surfaces for racing optimizers: the series' four 2-D surfaces, three classics, and the
//! series' 1-D multi-well curve.
//!
//! # Sources
//!
//! - The series' code is GitHub `kuroitu/optimizers`:
//!   - `olds/_sample2.py` (class `_target`, `test_type` 1–4; the README tells to run `_sample2.py`
//!     with `test_type` 1–4, the top-level copy is not in the index, the `olds/` one at commit
//!     `7422c00` is): the formulas of [`Surface::Saddle`], [`Surface::Tanh`], [`Surface::Sinc`],
//!     [`Surface::TanhBowl`], their starts (`self.params`), and the figure's grid
//!     `np.arange(-5, 5, 1e-2)` for both x and y, so the window is [−5, 5]² for all four.
//!   - `_sample.py` (class `_target`): the 1-D curve [`Multiwell`], start 3.5, grid
//!     `np.arange(-5, 5, 1e-2)`, minima ≈ −2.93536 and ≈ 2.22366, maximum ≈ −0.0383009.
//! - The series' comparison page itself could not be found with the search tools; its animated
//!   figures (`gifs/optimizers_3d_*.gif` in the same repository) are drawn by the code above, so
//!   its windows and starts are the ones here.
//! - The classics are not in the series. Their windows and starts follow common conventions:
//!   - Rosenbrock: window x ∈ [−2, 2], y ∈ [−1, 3] as in `jettify/pytorch-optimizer`
//!     `examples/viz_optimizers.py`; start (−1.2, 1), the classic start of Rosenbrock (1960),
//!     Moré–Garbow–Hillstrom (1981) and MATLAB's `fminsearch` banana example (that repository
//!     starts at (−2, 2), on the window's left edge).
//!   - Beale: window [−4.5, 4.5]² and start (3, 4) as in Louis Tiao's "Visualizing and Animating
//!     Optimization Algorithms with Matplotlib" (chosen there because too much momentum
//!     overshoots from it), which also draws it with log-spaced contour levels.
//!   - Himmelblau: window [−5, 5]² (the search domain of Wikipedia's "Test functions for
//!     optimization"); start (0, 0), from which gradient descent and Adam reach (3, 2) but
//!     momentum SGD reaches (3.584…, −1.848…) (checked with a numpy run), so the race shows that
//!     the minimum reached depends on the method.
//!
//! # Deviations from the series' code
//!
//! - `np.sinc` is numpy's normalised sinc, sinc x = sin(πx)/(πx), and the series' gradient
//!   `sin(πx)/(πx²) − cos(πx)/x + 2x/10` is its derivative; we implement the same function, but
//!   the series' gradient is 0/0 = NaN at x = 0 (and loses digits near 0), ours uses a Taylor
//!   series there.
//! - The series' 1-D gradient uses the rounded constant 0.173294 for 4e^(−1/2)/14; we use the exact
//!   derivative.
//! - The series gives the saddle an "exact" point (5, 0) (for Eve's f*, the window's lowest value
//!   −25 on the x-axis); the saddle has no minimiser, so [`Surface::minima`] is empty for it.
//!
//! # Robustness
//!
//! Values and gradients never panic for any input. Non-finite inputs or results too large for an
//! f64 give ±∞ or NaN, which the caller detects with `is_finite`; limits that are finite are
//! returned where they are cheap to get right (tanh² at ±∞ is 1 with slope 0, sinc at ±∞ is 0,
//! the multi-well curve is −0 with slope 0 far out).

use crate::landscape::Interval;
use crate::objective::Objective;
use std::f64::consts::PI;

mod multiwell;
pub use multiwell::Multiwell;

/// One of the 2-D test surfaces the optimizers race on, f(x, y) to minimise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Surface {
    /// f(x, y) = y² − x², the series' test 1: a saddle, unbounded below along x; start
    /// (10⁻⁴, 4), just off the ridge, so methods differ in how fast they leave it.
    Saddle,
    /// f(x, y) = tanh²x + tanh²y, the series' test 2: a well at (0, 0) in a plateau where the
    /// gradient vanishes; start (−1, 2).
    Tanh,
    /// f(x, y) = −(sinc x + sinc y) + (x² + y²)/10 with numpy's normalised
    /// sinc x = sin(πx)/(πx) (sinc 0 = 1), the series' test 3: rings of local minima around the
    /// global one at (0, 0); start (−3, 4).
    Sinc,
    /// f(x, y) = 0.125(x² + y²) + tanh²(10x), the series' test 4: a wide bowl with a narrow trench
    /// along x = 0 leading to the minimum (0, 0); start (−2, 2).
    TanhBowl,
    /// f(x, y) = (1 − x)² + 100(y − x²)² (Rosenbrock 1960): a curved flat valley, minimum (1, 1).
    Rosenbrock,
    /// f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)² (Beale 1958): flat
    /// middle, steep walls, minimum (3, 0.5).
    Beale,
    /// f(x, y) = (x² + y − 11)² + (x + y² − 7)² (Himmelblau 1972): four minima with value 0.
    Himmelblau,
}

/// Every surface, the series' four first (in its `test_type` order), then the classics.
pub const SURFACES: [Surface; 7] = [
    Surface::Saddle,
    Surface::Tanh,
    Surface::Sinc,
    Surface::TanhBowl,
    Surface::Rosenbrock,
    Surface::Beale,
    Surface::Himmelblau,
];

/// How contour levels of a surface should be spaced (see [`levels`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LevelScale {
    /// Evenly spaced values: the value range over the window is narrow.
    Linear,
    /// Log-spaced values: the value range spans decades, and even levels would crowd the walls
    /// and leave the valley floor blank.
    Log,
}

/// The most levels [`levels`] returns; a larger `count` is clamped to it (a contour plot needs
/// far fewer, and a caller's huge count must not exhaust memory).
pub const MAX_LEVELS: usize = 4096;

/// The relative floor of log-spaced levels on a range [min, max] with min ≤ 0 (or min tiny):
/// levels are log-spaced in f − min + δ with δ = `LOG_FLOOR` × (max − min). See [`levels`].
pub const LOG_FLOOR: f64 = 1e-6;

const FIVE: [Interval; 2] = [Interval { lo: -5.0, hi: 5.0 }, Interval { lo: -5.0, hi: 5.0 }];

impl Surface {
    /// The canonical name, kebab-case: "saddle", "tanh", "sinc", "tanh-bowl" (the bowl
    /// 0.125(x² + y²) with the tanh²(10x) trench), "rosenbrock", "beale", "himmelblau".
    pub fn name(self) -> &'static str {
        match self {
            Surface::Saddle => "saddle",
            Surface::Tanh => "tanh",
            Surface::Sinc => "sinc",
            Surface::TanhBowl => "tanh-bowl",
            Surface::Rosenbrock => "rosenbrock",
            Surface::Beale => "beale",
            Surface::Himmelblau => "himmelblau",
        }
    }

    /// The surface with this name: ASCII case-insensitive, '-', '_' and ' ' ignored anywhere
    /// ("Tanh_Bowl", "TANH BOWL", "tanhbowl" all give [`Surface::TanhBowl`]); `None` otherwise.
    pub fn from_name(name: &str) -> Option<Surface> {
        SURFACES.into_iter().find(|s| name_key(name).eq(name_key(s.name())))
    }

    /// The formula in plain Unicode, for a legend ("y² − x²"). For [`Surface::Sinc`],
    /// sinc x = sin(πx)/(πx).
    pub fn formula(self) -> &'static str {
        match self {
            Surface::Saddle => "y² − x²",
            Surface::Tanh => "tanh²x + tanh²y",
            Surface::Sinc => "−(sinc x + sinc y) + (x² + y²)/10",
            Surface::TanhBowl => "0.125(x² + y²) + tanh²(10x)",
            Surface::Rosenbrock => "(1 − x)² + 100(y − x²)²",
            Surface::Beale => "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²",
            Surface::Himmelblau => "(x² + y − 11)² + (x + y² − 7)²",
        }
    }

    /// The x and y ranges of the figure: [−5, 5]² for the series' four (its grid
    /// `np.arange(-5, 5, 1e-2)`) and Himmelblau; [−2, 2] × [−1, 3] for Rosenbrock;
    /// [−4.5, 4.5]² for Beale (sources in the module doc).
    pub fn window(self) -> [Interval; 2] {
        match self {
            Surface::Saddle | Surface::Tanh | Surface::Sinc | Surface::TanhBowl | Surface::Himmelblau => FIVE,
            Surface::Rosenbrock => [Interval { lo: -2.0, hi: 2.0 }, Interval { lo: -1.0, hi: 3.0 }],
            Surface::Beale => [Interval { lo: -4.5, hi: 4.5 }, Interval { lo: -4.5, hi: 4.5 }],
        }
    }

    /// The start of the race (x, y): the series' `self.params` for its four — (10⁻⁴, 4),
    /// (−1, 2), (−3, 4), (−2, 2) — and (−1.2, 1), (3, 4), (0, 0) for Rosenbrock, Beale and
    /// Himmelblau (sources in the module doc). Always inside [`Surface::window`].
    pub fn start(self) -> [f64; 2] {
        match self {
            Surface::Saddle => [1e-4, 4.0],
            Surface::Tanh => [-1.0, 2.0],
            Surface::Sinc => [-3.0, 4.0],
            Surface::TanhBowl => [-2.0, 2.0],
            Surface::Rosenbrock => [-1.2, 1.0],
            Surface::Beale => [3.0, 4.0],
            Surface::Himmelblau => [0.0, 0.0],
        }
    }

    /// The known global minimisers (x, y): none for the saddle (unbounded below); (0, 0) for the
    /// series' other three (values 0, −2, 0); (1, 1) for Rosenbrock, (3, 0.5) for Beale (value 0);
    /// for Himmelblau the four points of value 0, (3, 2) and three irrational ones given to the
    /// nearest f64 (solved with mpmath at 50 digits).
    pub fn minima(self) -> &'static [[f64; 2]] {
        match self {
            Surface::Saddle => &[],
            Surface::Tanh | Surface::Sinc | Surface::TanhBowl => &[[0.0, 0.0]],
            Surface::Rosenbrock => &[[1.0, 1.0]],
            Surface::Beale => &[[3.0, 0.5]],
            Surface::Himmelblau => &[
                [3.0, 2.0],
                [-2.805118086952745, 3.131312518250573],
                [-3.779310253377747, -3.2831859912861696],
                [3.5844283403304917, -1.8481265269644036],
            ],
        }
    }

    /// How the contour levels should be spaced: [`LevelScale::Log`] for the classics, whose
    /// values over the window span 0 to ~10³ (Rosenbrock), ~10⁵ (Beale), ~10³ (Himmelblau);
    /// [`LevelScale::Linear`] for the series' four (ranges [−25, 25], [0, 2), about [−2, 5],
    /// [0, 7.25]).
    pub fn level_scale(self) -> LevelScale {
        match self {
            Surface::Saddle | Surface::Tanh | Surface::Sinc | Surface::TanhBowl => LevelScale::Linear,
            Surface::Rosenbrock | Surface::Beale | Surface::Himmelblau => LevelScale::Log,
        }
    }
}

/// The bytes of a name as compared by [`Surface::from_name`]: ASCII-lowercased, without '-', '_'
/// and ' '.
fn name_key(name: &str) -> impl Iterator<Item = u8> + '_ {
    name.bytes().filter(|b| !matches!(b, b'-' | b'_' | b' ')).map(|b| b.to_ascii_lowercase())
}

impl Objective<2> for Surface {
    /// f(x, y), see each variant's formula.
    fn value(&self, p: [f64; 2]) -> f64 {
        let [x, y] = p;
        match self {
            Surface::Saddle => y * y - x * x,
            Surface::Tanh => {
                let (tx, ty) = (x.tanh(), y.tanh());
                tx * tx + ty * ty
            }
            Surface::Sinc => -(sinc(x).0 + sinc(y).0) + (x * x + y * y) / 10.0,
            Surface::TanhBowl => {
                let t = (10.0 * x).tanh();
                0.125 * (x * x + y * y) + t * t
            }
            Surface::Rosenbrock => {
                let (a, b) = (1.0 - x, y - x * x);
                a * a + 100.0 * b * b
            }
            Surface::Beale => {
                let [a1, a2, a3] = beale_terms(x, y);
                a1 * a1 + a2 * a2 + a3 * a3
            }
            Surface::Himmelblau => {
                let (a, b) = (x * x + y - 11.0, x + y * y - 7.0);
                a * a + b * b
            }
        }
    }

    /// ∇f(x, y), analytic:
    /// saddle (−2x, 2y); tanh (2 tanh x sech²x, 2 tanh y sech²y);
    /// sinc (x/5 − sinc′x, y/5 − sinc′y) with sinc′x = (cos(πx) − sinc x)/x (Taylor series for
    /// |πx| < 1, so sinc′0 = 0); tanh-bowl (x/4 + 20 tanh(10x) sech²(10x), y/4);
    /// Rosenbrock (−2(1 − x) − 400x(y − x²), 200(y − x²));
    /// Beale Σᵢ 2aᵢ (yⁱ − 1, i x yⁱ⁻¹) with aᵢ the three terms;
    /// Himmelblau (4xa + 2b, 2a + 4yb) with a = x² + y − 11, b = x + y² − 7.
    fn gradient(&self, p: [f64; 2]) -> [f64; 2] {
        self.value_and_gradient(p).1
    }

    /// Value and gradient together, sharing tanh, sinc and the squared terms.
    fn value_and_gradient(&self, p: [f64; 2]) -> (f64, [f64; 2]) {
        let [x, y] = p;
        match self {
            Surface::Saddle => (y * y - x * x, [-2.0 * x, 2.0 * y]),
            Surface::Tanh => {
                let ((tx, sx), (ty, sy)) = (tanh_sech2(x), tanh_sech2(y));
                (tx * tx + ty * ty, [2.0 * tx * sx, 2.0 * ty * sy])
            }
            Surface::Sinc => {
                let ((vx, dx), (vy, dy)) = (sinc(x), sinc(y));
                (-(vx + vy) + (x * x + y * y) / 10.0, [x / 5.0 - dx, y / 5.0 - dy])
            }
            Surface::TanhBowl => {
                let (t, s) = tanh_sech2(10.0 * x);
                (0.125 * (x * x + y * y) + t * t, [0.25 * x + 20.0 * t * s, 0.25 * y])
            }
            Surface::Rosenbrock => {
                let (a, b) = (1.0 - x, y - x * x);
                (a * a + 100.0 * b * b, [-2.0 * a - 400.0 * x * b, 200.0 * b])
            }
            Surface::Beale => {
                let [a1, a2, a3] = beale_terms(x, y);
                let y2 = y * y;
                let value = a1 * a1 + a2 * a2 + a3 * a3;
                let gx = 2.0 * (a1 * (y - 1.0) + a2 * (y2 - 1.0) + a3 * (y2 * y - 1.0));
                let gy = 2.0 * x * (a1 + 2.0 * a2 * y + 3.0 * a3 * y2);
                (value, [gx, gy])
            }
            Surface::Himmelblau => {
                let (a, b) = (x * x + y - 11.0, x + y * y - 7.0);
                (a * a + b * b, [4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b])
            }
        }
    }
}

/// Beale's three terms 1.5 − x + xy, 2.25 − x + xy², 2.625 − x + xy³.
fn beale_terms(x: f64, y: f64) -> [f64; 3] {
    let y2 = y * y;
    [1.5 - x + x * y, 2.25 - x + x * y2, 2.625 - x + x * y2 * y]
}

/// (tanh x, sech²x), with sech x = 1/cosh x: exact to rounding even where 1 − tanh²x would
/// cancel (|x| ≳ 1); at |x| ≥ ~710 cosh overflows and sech² is 0, its true value underflowing.
fn tanh_sech2(x: f64) -> (f64, f64) {
    let s = x.cosh().recip();
    (x.tanh(), s * s)
}

/// (sinc x, sinc′x) for numpy's normalised sinc x = sin(πx)/(πx), sinc 0 = 1.
///
/// With u = πx: for |u| < 1 both come from their Taylor series in u (to u¹⁶ and u¹⁷, truncation
/// below 10⁻¹⁶ relative), so sinc 0 = 1 and sinc′0 = 0 without 0/0, and sinc′ keeps its digits
/// where u cos u − sin u would cancel; otherwise sinc x = sin u/u and
/// sinc′x = π(cos u − sin u/u)/u. Where u overflows (|x| ≳ 5.7 × 10³⁰⁷, or ±∞) both are 0,
/// the limits (|sinc x| ≤ 1/(π|x|)). NaN gives NaN.
fn sinc(x: f64) -> (f64, f64) {
    let u = PI * x;
    if u.is_infinite() {
        return (0.0, 0.0);
    }
    if u.abs() < 1.0 {
        let w = u * u;
        // Horner in w: 1 − (w/d₁)(1 − (w/d₂)(1 − …)), d the ratios of successive terms.
        let nest = |divisors: &[f64]| divisors.iter().rev().fold(1.0, |acc, d| 1.0 - w / d * acc);
        // sin u/u = Σₖ (−1)ᵏ u²ᵏ/(2k + 1)!: term ratio −u²/((2k)(2k + 1)), to k = 8.
        let s = nest(&[6.0, 20.0, 42.0, 72.0, 110.0, 156.0, 210.0, 272.0]);
        // d/du (sin u/u) = Σₖ₌₁ (−1)ᵏ 2k u²ᵏ⁻¹/(2k + 1)! = −(u/3)(1 − …): term ratio
        // −u²/((2k − 2)(2k + 1)), to k = 9.
        let g = -u / 3.0 * nest(&[10.0, 28.0, 54.0, 88.0, 130.0, 180.0, 238.0, 304.0]);
        return (s, PI * g);
    }
    let (sin, cos) = u.sin_cos();
    let s = sin / u;
    (s, PI * (cos - s) / u)
}

/// `count` contour levels strictly inside (min, max), increasing.
///
/// - [`LevelScale::Linear`]: lᵢ = min + (max − min)·i/(count + 1), i = 1…count.
/// - [`LevelScale::Log`]: with δ = [`LOG_FLOOR`] × (max − min): if min ≥ δ (so min > 0), the
///   levels are geometric between min and max, lᵢ = min·(max/min)^(i/(count + 1)), a constant
///   ratio; otherwise (the range touches 0 or negative values, or min is tiny) the levels are
///   geometric in the offset value f − min + δ between δ and max − min + δ, i.e.
///   lᵢ = min − δ + δ·((max − min + δ)/δ)^(i/(count + 1)), so the lowest level sits about
///   δ·10^(6/(count + 1)) above min and the rest spread over six decades. The choice is
///   continuous in min (at min = δ both forms agree). If δ underflows to 0 (a range narrower than
///   ~10⁻³¹⁷), the levels are linear.
///
/// Returns an empty vector for count = 0 or a degenerate range (min or max not finite, or
/// min ≥ max). `count` is clamped to [`MAX_LEVELS`]. Levels that rounding would put on or outside
/// an end, or on the previous level (only for ranges a few ulps wide), are dropped, so the result
/// may then hold fewer than `count`. A range wider than f64::MAX/2 (e.g. [−10³⁰⁸, 10³⁰⁸]) is
/// handled by halving it. Never NaN, never panics.
pub fn levels(scale: LevelScale, min: f64, max: f64, count: usize) -> Vec<f64> {
    let count = count.min(MAX_LEVELS);
    if count == 0 || !min.is_finite() || !max.is_finite() || min >= max {
        return Vec::new();
    }
    let span = max - min;
    if !(span * 2.0).is_finite() {
        // Huge ends (span > f64::MAX/2, where max − min + δ could overflow): work on the halved
        // range, exact for such magnitudes (twice at most, as the span is below 2·f64::MAX), and
        // double back, which is exact.
        return levels(scale, min / 2.0, max / 2.0, count)
            .into_iter()
            .map(|l| l * 2.0)
            .filter(|&l| min < l && l < max)
            .collect();
    }
    let fraction = |i: usize| (i + 1) as f64 / (count + 1) as f64;
    let raw: Vec<f64> = match scale {
        LevelScale::Log if span * LOG_FLOOR > 0.0 => {
            let delta = span * LOG_FLOOR;
            let (base, lo, hi) = if min >= delta { (0.0, min, max) } else { (min - delta, delta, span + delta) };
            let (ln_lo, ln_hi) = (lo.ln(), hi.ln());
            (0..count).map(|i| base + (ln_lo + fraction(i) * (ln_hi - ln_lo)).exp()).collect()
        }
        _ => (0..count).map(|i| min + span * fraction(i)).collect(),
    };
    let mut out = Vec::with_capacity(count);
    for l in raw {
        let above_last = match out.last() {
            Some(&last) => l > last,
            None => true,
        };
        if min < l && l < max && above_last {
            out.push(l);
        }
    }
    out
}
