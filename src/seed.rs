//! Reproducible random starts: a seed picks `(w₀, b₀)` uniformly in the loss space, so a start
//! can be shared as one number. The seed itself comes from `getrandom` in the browser.

use crate::landscape::Interval;

/// SplitMix64 (Steele, Lea, Flood 2014): `z = (s + 0x9E37…)`, then two xor-shift-multiply rounds.
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A uniform number in `[0, 1)` from the top 53 bits.
fn unit(state: &mut u64) -> f64 {
    (splitmix64(state) >> 11) as f64 / (1u64 << 53) as f64
}

/// The start `(w₀, b₀)` for `seed`, uniform in `w × b`.
pub fn start_from_seed(seed: u64, w: Interval, b: Interval) -> (f64, f64) {
    let mut s = seed;
    (w.lo + unit(&mut s) * w.span(), b.lo + unit(&mut s) * b.span())
}
