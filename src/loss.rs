//! Loss functions L(y, t) of one output y against its target t, with ∂L/∂y, and the check that
//! an activation's outputs suit a loss (the cross-entropies read y as a probability in [0, 1]).
//!
//! The series' code (GitHub `kuroitu/MAIN`, `main/dl/err/`: `Square`, `Binary`, `Cross`) avoids
//! log 0 by adding ε = 1e−8 inside each log and to each denominator; we follow torch's
//! `BCELoss` instead (each log clamped to ≥ [`LOG_CLAMP`], the derivative's denominator clamped to
//! ≥ [`GRAD_EPS`]), so values differ from the series' by up to ~1e−8 relative in the interior and
//! at y ∈ {0, 1} (series: −ln 1e−8 ≈ 18.42; here 100).

use crate::activation::{same_name, Activation};

/// The floor of every log term of the cross-entropies: ln y is replaced by max(ln y, −100), as
/// torch's `BCELoss` does, so L is finite (≤ 100 per term) for y ∈ {0, 1}.
pub const LOG_CLAMP: f64 = -100.0;

/// The floor of the denominators of the cross-entropies' derivatives: BCE uses
/// (y − t)/max(y·(1 − y), 1e−12) (torch's `binary_cross_entropy_backward`, whose constant is the
/// f32 `1e-12f` = 9.9999999600e−13; we use the f64 1e−12), cross-entropy −t/max(y, 1e−12). So
/// ∂L/∂y is finite (|∂L/∂y| ≤ 1e12) for every y, t ∈ [0, 1].
pub const GRAD_EPS: f64 = 1e-12;

/// A loss function L(y, t) for one output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loss {
    /// L = ½(y − t)², computed exactly as `0.5 * (y - t).powi(2)` (the article's); ∂L/∂y = y − t.
    /// Same in the series (`Square`). Any real y, t.
    Square,
    /// L = −(t·ln y + (1 − t)·ln(1 − y)) with each log clamped to ≥ [`LOG_CLAMP`], evaluated in
    /// torch's `BCELoss` order (t − 1)·max(ln(1 − y), −100) − t·max(ln y, −100), ln(1 − y) as
    /// `ln_1p(-y)` (torch CPU writes `log(1 - y)`: same math, ours keeps precision for small y);
    /// ∂L/∂y = (y − t)/max(y·(1 − y), [`GRAD_EPS`]) (torch's backward). For y, t ∈ [0, 1] both are
    /// finite; y outside [0, 1] (torch refuses it) gives a NaN value. The series' `Binary` uses
    /// −t·ln(y + 1e−8) − (1 − t)·ln(1 − y + 1e−8) and (y − t)/(y(1 − y) + 1e−8).
    BinaryCrossEntropy,
    /// L = −t·ln y for one output (the series' `Cross`), ln y clamped to ≥ [`LOG_CLAMP`];
    /// ∂L/∂y = −t/max(y, [`GRAD_EPS`]). Finite for y, t ∈ [0, 1]; y < 0 gives a NaN value. The
    /// series' `Cross` uses −t·ln(y + 1e−8) and −t/(y + 1e−8). (torch has no one-output form.)
    CrossEntropy,
}

/// Every loss, in the series' order.
pub const LOSSES: [Loss; 3] = [Loss::Square, Loss::BinaryCrossEntropy, Loss::CrossEntropy];

/// Extra spellings accepted by [`Loss::from_name`]: "bce" and "ce".
const ALIASES: [(&str, Loss); 2] = [("bce", Loss::BinaryCrossEntropy), ("ce", Loss::CrossEntropy)];

/// max(v, [`LOG_CLAMP`]), letting NaN through (as C++ `std::max(v, -100)` does in torch).
fn clamp_log(v: f64) -> f64 {
    if v < LOG_CLAMP {
        LOG_CLAMP
    } else {
        v
    }
}

/// max(v, [`GRAD_EPS`]), letting NaN through.
fn clamp_den(v: f64) -> f64 {
    if v < GRAD_EPS {
        GRAD_EPS
    } else {
        v
    }
}

impl Loss {
    /// The canonical name: "square", "binary-cross-entropy", "cross-entropy".
    pub fn name(self) -> &'static str {
        match self {
            Loss::Square => "square",
            Loss::BinaryCrossEntropy => "binary-cross-entropy",
            Loss::CrossEntropy => "cross-entropy",
        }
    }

    /// The loss named `s`: ASCII case-insensitive, ignoring '-', '_' and ' ' ("Square",
    /// "BinaryCrossEntropy", "binary_cross_entropy", "Cross Entropy"); also "bce" and "ce".
    pub fn from_name(s: &str) -> Option<Loss> {
        LOSSES
            .iter()
            .map(|&l| (l.name(), l))
            .chain(ALIASES.iter().copied())
            .find(|&(name, _)| same_name(s, name))
            .map(|(_, l)| l)
    }

    /// L(y, t), by the formula in the variant's doc comment.
    pub fn value(self, y: f64, t: f64) -> f64 {
        match self {
            Loss::Square => 0.5 * (y - t).powi(2),
            Loss::BinaryCrossEntropy => (t - 1.0) * clamp_log((-y).ln_1p()) - t * clamp_log(y.ln()),
            Loss::CrossEntropy => -t * clamp_log(y.ln()),
        }
    }

    /// ∂L/∂y at (y, t), by the formula in the variant's doc comment.
    pub fn derivative(self, y: f64, t: f64) -> f64 {
        match self {
            Loss::Square => y - t,
            Loss::BinaryCrossEntropy => (y - t) / clamp_den((1.0 - y) * y),
            Loss::CrossEntropy => -t / clamp_den(y),
        }
    }

    /// Whether the loss reads y as a probability, so the activation's outputs must lie in [0, 1]:
    /// true for binary cross-entropy and cross-entropy.
    pub fn needs_unit_interval(self) -> bool {
        !matches!(self, Loss::Square)
    }
}

/// Why an activation does not suit a loss: its outputs leave [0, 1] (their hull is `range`, from
/// [`Activation::output_range`]) while the loss takes logs of y (and of 1 − y). Data only; the
/// caller words it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Incompatible {
    /// The activation refused.
    pub activation: Activation,
    /// The loss that needs outputs in [0, 1].
    pub loss: Loss,
    /// The activation's output range (inf, sup).
    pub range: (f64, f64),
}

/// `Ok` if `act`'s outputs suit `loss`: always for the square loss; for the cross-entropies only
/// if every output lies in [0, 1] ([`Activation::in_unit_interval`]: step, sigmoid, hard sigmoid).
/// E.g. ReLU, tanh or identity with binary cross-entropy → `Err(Incompatible { .. })`.
pub fn compatible(act: Activation, loss: Loss) -> Result<(), Incompatible> {
    if loss.needs_unit_interval() && !act.in_unit_interval() {
        Err(Incompatible { activation: act, loss, range: act.output_range() })
    } else {
        Ok(())
    }
}
