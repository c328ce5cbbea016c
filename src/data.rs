//! Data for the neuron: pairs `(x, t)` of an input and its target, the presets a student starts
//! from, and how a step of stochastic gradient descent draws its mini-batch.
//!
//! The article trains on one sample (`x₀ = 1`, `y* = 0.5`). With several samples the loss is the
//! mean over them, `L(w, b) = (1/N)·Σᵢ ℓ(σ(xᵢ·w + bᵢ), tᵢ)`, and a step of SGD follows the gradient
//! of the mean over a mini-batch of `B ≤ N` samples only: the "stochastic" in SGD.

use crate::seed::splitmix64;

/// At most this many samples: a table a student can read and edit.
pub const MAX_SAMPLES: usize = 64;
/// Inputs and targets lie in `[−LIMIT, LIMIT]`.
pub const LIMIT: f64 = 10.0;

/// Samples `(xᵢ, tᵢ)`, at least one, at most [`MAX_SAMPLES`], all finite within `±LIMIT`.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    x: Vec<f64>,
    t: Vec<f64>,
}

/// Why a data set was refused (data, for the caller to word).
#[derive(Clone, Debug, PartialEq)]
pub enum DataError {
    /// No sample, or more than [`MAX_SAMPLES`].
    Count { given: usize },
    /// `x` and `t` have different lengths.
    Lengths { x: usize, t: usize },
    /// Sample `index`'s input (`target = false`) or target is not finite or outside `±LIMIT`.
    Value { index: usize, target: bool, value: f64 },
}

impl Dataset {
    /// The samples `(x[i], t[i])`, checked.
    pub fn new(x: Vec<f64>, t: Vec<f64>) -> Result<Dataset, DataError> {
        if x.len() != t.len() {
            return Err(DataError::Lengths { x: x.len(), t: t.len() });
        }
        if x.is_empty() || x.len() > MAX_SAMPLES {
            return Err(DataError::Count { given: x.len() });
        }
        for (index, (&xi, &ti)) in x.iter().zip(&t).enumerate() {
            for (target, value) in [(false, xi), (true, ti)] {
                if !(value.is_finite() && value.abs() <= LIMIT) {
                    return Err(DataError::Value { index, target, value });
                }
            }
        }
        Ok(Dataset { x, t })
    }

    /// The article's single sample `(x₀, y*)`.
    pub fn single(x0: f64, y_star: f64) -> Result<Dataset, DataError> {
        Dataset::new(vec![x0], vec![y_star])
    }

    pub fn len(&self) -> usize {
        self.x.len()
    }
    /// Never true (a data set has at least one sample); for clippy's `len` convention.
    pub fn is_empty(&self) -> bool {
        self.x.is_empty()
    }
    pub fn x(&self) -> &[f64] {
        &self.x
    }
    pub fn t(&self) -> &[f64] {
        &self.t
    }
    /// Whether every target lies in `[0, 1]` (what the cross-entropy losses need).
    pub fn targets_in_unit_interval(&self) -> bool {
        self.t.iter().all(|t| (0.0..=1.0).contains(t))
    }
}

/// The data sets a student can start from (then edit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// The article's one sample, `x₀ = 1`, `y* = 0.5`.
    Single,
    /// 12 inputs evenly spread over `[−3, 3]`, targets `σ(1.5x − 0.5)` plus Gaussian noise of
    /// standard deviation 0.05, clamped to `[0, 1]`: a neuron can fit it almost exactly.
    Logistic,
    /// 12 inputs drawn uniformly from `[−2, 2]`, targets 1 where `x > 0.3`, else 0: an AND-like
    /// threshold that a sigmoid neuron can only approach (its loss never reaches 0).
    Threshold,
}

/// Every preset, in menu order.
pub const PRESETS: [Preset; 3] = [Preset::Single, Preset::Logistic, Preset::Threshold];

impl Preset {
    pub fn name(self) -> &'static str {
        match self {
            Preset::Single => "single",
            Preset::Logistic => "logistic",
            Preset::Threshold => "threshold",
        }
    }

    /// From a name, ASCII case-insensitive.
    pub fn from_name(name: &str) -> Option<Preset> {
        PRESETS.into_iter().find(|p| p.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The samples, reproducible from `seed` (the single sample ignores it).
    pub fn generate(self, seed: u64) -> Dataset {
        let mut s = seed;
        let (x, t): (Vec<f64>, Vec<f64>) = match self {
            Preset::Single => (vec![1.0], vec![0.5]),
            Preset::Logistic => (0..12)
                .map(|i| {
                    let x = -3.0 + 6.0 * i as f64 / 11.0;
                    let t = crate::model::sigmoid(1.5 * x - 0.5) + 0.05 * gaussian(&mut s);
                    (round4(x), round4(crate::num::clamp(t, 0.0, 1.0)))
                })
                .unzip(),
            Preset::Threshold => (0..12)
                .map(|_| {
                    let x = round4(-2.0 + 4.0 * unit(&mut s));
                    (x, if x > 0.3 { 1.0 } else { 0.0 })
                })
                .unzip(),
        };
        Dataset { x, t }
    }
}

/// Rounded to 4 decimals, so the table shows the exact values used.
fn round4(v: f64) -> f64 {
    (v * 1e4).round() / 1e4
}

/// A uniform number in `[0, 1)` from the top 53 bits of SplitMix64.
pub fn unit(state: &mut u64) -> f64 {
    (splitmix64(state) >> 11) as f64 / (1u64 << 53) as f64
}

/// A standard normal number (Box–Muller on two uniform numbers).
pub fn gaussian(state: &mut u64) -> f64 {
    let u1 = 1.0 - unit(state); // in (0, 1]: ln is finite
    let u2 = unit(state);
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// How a step draws its samples.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// Each sample of a batch drawn uniformly from all `N`, independently (with replacement).
    Replacement,
    /// A shuffled pass over all `N` samples per epoch, cut into batches of `B` (the last batch of
    /// an epoch holds what is left); every sample is seen once an epoch.
    Epoch,
}

impl Order {
    pub fn name(self) -> &'static str {
        match self {
            Order::Replacement => "replacement",
            Order::Epoch => "epoch",
        }
    }
    pub fn from_name(name: &str) -> Option<Order> {
        [Order::Replacement, Order::Epoch].into_iter().find(|o| o.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// How mini-batches of `batch` samples are drawn from `n`, reproducibly from `seed`.
/// With `batch ≥ n` every step sees every sample, in order: full-batch gradient descent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sampler {
    pub n: usize,
    pub batch: usize,
    pub order: Order,
    pub seed: u64,
}

/// Where the sampler is: the epoch, the position in it, and the random state. It is part of each
/// point of a descent's history, so Step back and replay draw the same batches again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Draw {
    pub epoch: u64,
    pub pos: usize,
    pub rng: u64,
}

impl Sampler {
    /// Every sample at every step.
    pub fn full(n: usize) -> Sampler {
        Sampler { n, batch: n, order: Order::Epoch, seed: 0 }
    }

    /// Whether every step sees every sample.
    pub fn is_full(&self) -> bool {
        self.batch >= self.n
    }

    /// The state before the first batch.
    pub fn start(&self) -> Draw {
        Draw { epoch: 0, pos: 0, rng: self.seed }
    }

    /// The next batch after `draw`, into `out` (cleared first); returns the state after it.
    pub fn next(&self, draw: &Draw, out: &mut Vec<usize>) -> Draw {
        out.clear();
        let n = self.n.max(1);
        let b = self.batch.clamp(1, n); // n ≥ 1
        let mut d = *draw;
        if b == n {
            out.extend(0..n);
            d.epoch += 1;
            return d;
        }
        match self.order {
            Order::Replacement => {
                for _ in 0..b {
                    let r = splitmix64(&mut d.rng);
                    out.push(((r as u128 * n as u128) >> 64) as usize);
                }
                d.pos += b;
                d.epoch += (d.pos / n) as u64;
                d.pos %= n;
            }
            Order::Epoch => {
                let perm = permutation(n, self.seed, d.epoch);
                let end = (d.pos + b).min(n);
                out.extend_from_slice(&perm[d.pos..end]);
                d.pos = end;
                if d.pos >= n {
                    d.pos = 0;
                    d.epoch += 1;
                }
            }
        }
        d
    }
}

/// The shuffle of `0 … n−1` for one epoch (Fisher–Yates driven by SplitMix64).
fn permutation(n: usize, seed: u64, epoch: u64) -> Vec<usize> {
    let mut s = seed ^ epoch.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut p: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = ((splitmix64(&mut s) as u128 * (i as u128 + 1)) >> 64) as usize;
        p.swap(i, j);
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_epoch_sees_every_sample_once() {
        let s = Sampler { n: 10, batch: 3, order: Order::Epoch, seed: 7 };
        let mut d = s.start();
        let mut seen = Vec::new();
        let mut batch = Vec::new();
        let mut sizes = Vec::new();
        while d.epoch == 0 {
            d = s.next(&d, &mut batch);
            sizes.push(batch.len());
            seen.extend_from_slice(&batch);
        }
        assert_eq!(sizes, [3, 3, 3, 1]);
        seen.sort();
        assert_eq!(seen, (0..10).collect::<Vec<_>>());
        // The next epoch is another shuffle.
        let first = permutation(10, 7, 0);
        assert_ne!(first, permutation(10, 7, 1));
    }

    #[test]
    fn with_replacement_is_reproducible_and_in_range() {
        let s = Sampler { n: 5, batch: 2, order: Order::Replacement, seed: 99 };
        let (mut a, mut b) = (s.start(), s.start());
        let (mut ba, mut bb) = (Vec::new(), Vec::new());
        let mut counts = [0usize; 5];
        for _ in 0..1000 {
            a = s.next(&a, &mut ba);
            b = s.next(&b, &mut bb);
            assert_eq!(ba, bb);
            for &i in &ba {
                counts[i] += 1;
            }
        }
        assert_eq!(a.epoch, 400, "2000 draws of 5 samples: 400 epochs");
        assert!(counts.iter().all(|&c| (300..500).contains(&c)), "roughly uniform: {counts:?}");
    }

    #[test]
    fn the_full_batch_is_every_sample_in_order() {
        let s = Sampler::full(4);
        let mut batch = Vec::new();
        let d = s.next(&s.start(), &mut batch);
        assert_eq!(batch, [0, 1, 2, 3]);
        assert_eq!(d.epoch, 1);
    }

    #[test]
    fn presets_are_reproducible_and_valid() {
        for p in PRESETS {
            let d = p.generate(3);
            assert_eq!(d, p.generate(3));
            assert!(Dataset::new(d.x().to_vec(), d.t().to_vec()).is_ok());
            assert!(d.targets_in_unit_interval());
            assert_eq!(Preset::from_name(&p.name().to_ascii_uppercase()), Some(p));
        }
        assert_ne!(Preset::Logistic.generate(1), Preset::Logistic.generate(2));
        assert_eq!(Preset::Single.generate(5).x(), &[1.0]);
    }

    #[test]
    fn bad_data_is_refused_with_what_is_wrong() {
        assert_eq!(Dataset::new(vec![], vec![]), Err(DataError::Count { given: 0 }));
        assert_eq!(Dataset::new(vec![1.0], vec![]), Err(DataError::Lengths { x: 1, t: 0 }));
        assert!(matches!(
            Dataset::new(vec![1.0, f64::NAN], vec![0.0, 0.0]),
            Err(DataError::Value { index: 1, target: false, .. })
        ));
        assert!(matches!(Dataset::new(vec![1.0], vec![11.0]), Err(DataError::Value { index: 0, target: true, .. })));
    }
}
