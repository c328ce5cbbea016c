//! What each activation does at ±∞ (the limits [`Activation::forward`] and
//! [`Activation::derivative`] give there), the range of its outputs and its kinks.

use super::*;

impl Activation {
    /// The limit of f(z) as z → +∞ (`positive`) or z → −∞.
    pub(super) fn forward_limit(self, positive: bool) -> f64 {
        use Activation::*;
        let inf = f64::INFINITY;
        match (self, positive) {
            (Identity | TanhShrink | LeakyRelu | BentIdentity | HardShrink | SoftShrink, p) => {
                if p {
                    inf
                } else {
                    -inf
                }
            }
            (Relu | Elu | Selu | Celu | Softplus | Swish | Mish | TanhExp | HardSwish | Threshold, true) => inf,
            (Step | Sigmoid | HardSigmoid | Tanh | HardTanh | Softsign, true) => 1.0,
            (LogSigmoid, true) => 0.0,
            (Relu6, true) => 6.0,
            (Step | Sigmoid | HardSigmoid | Relu | Relu6 | Softplus, false) => 0.0,
            (Swish | Mish | TanhExp | HardSwish, false) => -0.0,
            (LogSigmoid, false) => -inf,
            (Tanh | HardTanh | Softsign | Elu | Celu, false) => -1.0,
            (Selu, false) => -SELU_ALPHA_LAMBDA,
            (Threshold, false) => THRESHOLD_VALUE,
        }
    }

    /// The limit of f′(z) as z → +∞ (`positive`) or z → −∞.
    pub(super) fn derivative_limit(self, positive: bool) -> f64 {
        use Activation::*;
        match (self, positive) {
            (Identity | TanhShrink | HardShrink | SoftShrink, _) => 1.0,
            (Step | Sigmoid | HardSigmoid | Tanh | HardTanh | Relu6 | Softsign, _) => 0.0,
            (LogSigmoid, p) => {
                if p {
                    0.0
                } else {
                    1.0
                }
            }
            (Relu | LeakyRelu | Elu | Celu | Softplus | Swish | Mish | TanhExp | HardSwish | Threshold, true) => 1.0,
            (Selu, true) => SELU_LAMBDA,
            (BentIdentity, true) => 1.5,
            (BentIdentity, false) => 0.5,
            (LeakyRelu, false) => LEAKY_SLOPE,
            (Relu | Elu | Selu | Celu | Softplus | Swish | Mish | TanhExp | HardSwish | Threshold, false) => 0.0,
        }
    }

    /// (inf, sup) of the set of outputs over all real z, i.e. the smallest closed interval
    /// containing every output (±∞ where unbounded). Sigmoid (0, 1) → (0.0, 1.0); ReLU →
    /// (0.0, +∞); tanh → (−1.0, 1.0); hard shrink (outputs (−∞, −λ) ∪ {0} ∪ (λ, ∞)) → (−∞, +∞).
    /// The minima of swish, mish and tanhExp are computed to 50 digits (mpmath) and rounded down.
    pub fn output_range(self) -> (f64, f64) {
        let inf = f64::INFINITY;
        match self {
            Activation::Identity
            | Activation::TanhShrink
            | Activation::LeakyRelu
            | Activation::BentIdentity
            | Activation::HardShrink
            | Activation::SoftShrink => (-inf, inf),
            Activation::Step | Activation::Sigmoid | Activation::HardSigmoid => (0.0, 1.0),
            Activation::LogSigmoid => (-inf, 0.0),
            Activation::Tanh | Activation::HardTanh | Activation::Softsign => (-1.0, 1.0),
            Activation::Relu | Activation::Softplus => (0.0, inf),
            Activation::Relu6 => (0.0, 6.0),
            Activation::Elu => (-ELU_ALPHA, inf),
            Activation::Celu => (-CELU_ALPHA, inf),
            Activation::Selu => (-SELU_ALPHA_LAMBDA, inf),
            Activation::Swish => (SWISH_MIN, inf),
            Activation::Mish => (MISH_MIN, inf),
            Activation::TanhExp => (TANH_EXP_MIN, inf),
            Activation::HardSwish => (-0.375, inf),
            Activation::Threshold => (THRESHOLD_VALUE, inf),
        }
    }

    /// Whether every output lies in [0, 1] (so it can be read as a probability by the
    /// cross-entropy losses): true exactly for step, sigmoid and hard sigmoid.
    pub fn in_unit_interval(self) -> bool {
        let (lo, hi) = self.output_range();
        lo >= 0.0 && hi <= 1.0
    }

    /// The points where the derivative jumps (left and right derivatives differ, or f itself
    /// jumps), in increasing order; there [`Activation::derivative`] returns the documented
    /// one-sided value. Empty for the smooth activations. ELU and CELU (α = 1) are listed at 0:
    /// their first derivative is continuous there but the second is not.
    pub fn kinks(self) -> &'static [f64] {
        match self {
            Activation::Step
            | Activation::Relu
            | Activation::LeakyRelu
            | Activation::Elu
            | Activation::Selu
            | Activation::Celu
            | Activation::Threshold => &[0.0],
            Activation::HardSigmoid | Activation::HardSwish => &[-3.0, 3.0],
            Activation::HardTanh => &[-1.0, 1.0],
            Activation::Relu6 => &[0.0, 6.0],
            Activation::HardShrink | Activation::SoftShrink => &[-SHRINK_LAMBDA, SHRINK_LAMBDA],
            _ => &[],
        }
    }
}
