//! The series' 1-D curve with two wells, raced on the y = x² panel (see the sources in
//! `surface.rs`).

use crate::landscape::Interval;
use crate::objective::Objective;

/// The series' 1-D multi-well curve (`_sample.py` in `kuroitu/optimizers`):
/// f(x) = −exp(−((x + 4)(x + 1)(x − 1)(x − 3)/14 + 0.5)),
/// f′(x) = e^(−1/2) (4x³ + 3x² − 26x − 1)/14 · exp(−(x + 4)(x + 1)(x − 1)(x − 3)/14).
///
/// Two wells: the global minimum f ≈ −18.8724 at x ≈ −2.93536 and a local one f ≈ −2.36643 at
/// x ≈ 2.22366, separated by a maximum f ≈ −0.257043 at x ≈ −0.0383009; the race starts at
/// x = 3.5, on the local well's side, so a method must climb the bump to find the deep well (the
/// series plots the error to both wells). The series' docstring lists the global minimum's value
/// as "−2.93536", a slip (that is its x). The series' gradient uses the rounded constant 0.173294
/// for 4e^(−1/2)/14; this one is exact. Far out (|x| ≳ 11) the exponential underflows: f = −0
/// and f′ = 0 (also at ±∞); NaN gives NaN.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Multiwell;

impl Multiwell {
    /// The formula in plain Unicode, for a legend.
    pub fn formula(self) -> &'static str {
        "−exp(−((x + 4)(x + 1)(x − 1)(x − 3)/14 + 0.5))"
    }

    /// The x range of the figure: [−5, 5], the series' grid `np.arange(-5, 5, 1e-2)`; f goes
    /// from about −7 × 10⁻⁷ (at −5) through both wells (down to −18.87) to about −2 × 10⁻¹⁴
    /// (at 5), so the whole curve is in view.
    pub fn window(self) -> Interval {
        Interval { lo: -5.0, hi: 5.0 }
    }

    /// The start of the race: x = 3.5, as in the series.
    pub fn start(self) -> [f64; 1] {
        [3.5]
    }

    /// The minimisers, global first: x ≈ −2.9353626 (f ≈ −18.8724), then the local one
    /// x ≈ 2.2236635 (f ≈ −2.36643, the series' "semi-minimum"), the roots of
    /// x³ + 0.75x² − 6.5x − 0.25 to the nearest f64 (mpmath, 50 digits). The series gives them
    /// to 6 digits (−2.93536, 2.22366).
    pub fn minima(self) -> &'static [[f64; 1]] {
        &[[-2.9353626005644258], [2.2236635183640883]]
    }
}

impl Objective<1> for Multiwell {
    /// f(x), see [`Multiwell`].
    fn value(&self, p: [f64; 1]) -> f64 {
        let [x] = p;
        -(-(quartic(x) / 14.0 + 0.5)).exp()
    }

    /// f′(x), see [`Multiwell`].
    fn gradient(&self, p: [f64; 1]) -> [f64; 1] {
        self.value_and_gradient(p).1
    }

    /// Value and derivative sharing the exponential.
    fn value_and_gradient(&self, p: [f64; 1]) -> (f64, [f64; 1]) {
        let [x] = p;
        let e = (-(quartic(x) / 14.0 + 0.5)).exp();
        // Where e underflows to 0 the true slope is below every f64: return 0, not 0 × ∞ = NaN.
        let slope = if e == 0.0 { 0.0 } else { e * (((4.0 * x + 3.0) * x - 26.0) * x - 1.0) / 14.0 };
        (-e, [slope])
    }
}

/// (x + 4)(x + 1)(x − 1)(x − 3), as the series computes it.
fn quartic(x: f64) -> f64 {
    (x + 4.0) * (x + 1.0) * (x - 1.0) * (x - 3.0)
}
