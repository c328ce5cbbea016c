//! Activation functions y = f(z) of the neuron y = f(x·w + b), with their derivatives dy/dz.
//!
//! Where PyTorch's `torch.nn.functional` has the function, its definition, default parameters and
//! the value its autograd gives at a kink are what we implement; otherwise the paper and the
//! series' code (GitHub `kuroitu/MAIN`, `main/dl/act/`). Each variant's doc comment gives the
//! formula, the defaults, the reference, the one-sided value at a kink, and where the series' code
//! differs.
//!
//! Common rules for every variant:
//! - NaN in → NaN out (`forward` and `derivative`).
//! - z = ±∞ gives the limit of the function (resp. of its derivative) as z → ±∞, e.g.
//!   swish(−∞) = 0, softsign(+∞) = 1, bent-identity′(−∞) = 1/2; never NaN.
//! - Every finite z gives a finite derivative and a finite value, except where the true value
//!   exceeds f64::MAX and overflows to ±∞ (SELU for z > f64::MAX/λ, bent identity for
//!   z > f64::MAX/1.5); in particular never NaN for a non-NaN z.
//!
//! Here: the variants, their names and `forward`; dy/dz and the chain rule in `derivative.rs`; the
//! limits at ±∞, the output ranges and the kinks in `limits.rs`.

mod derivative;
mod limits;

/// SELU's scale λ = 1.0507009873554804934193349852946 (rounded to f64), as torch's `F.selu` and
/// Klambauer et al. 2017 ("Self-Normalizing Neural Networks").
pub const SELU_LAMBDA: f64 = 1.0507009873554805;
/// SELU's α = 1.6732632423543772848170429916717 (rounded to f64), as torch's `F.selu`.
pub const SELU_ALPHA: f64 = 1.6732632423543772;
/// The f64 product α·λ = 1.7580993408473766 (torch's `negcoef` for SELU): the limit −α·λ of
/// SELU as z → −∞ and SELU′(z ≤ 0) = α·λ·e^z.
const SELU_ALPHA_LAMBDA: f64 = SELU_ALPHA * SELU_LAMBDA;
/// Leaky ReLU's negative slope 0.01 (torch `F.leaky_relu` default `negative_slope`; the series'
/// `LReLU(alpha=0.01)` too).
pub const LEAKY_SLOPE: f64 = 0.01;
/// ELU's α = 1 (torch `F.elu` default; the series' `ELU(alpha=1)` too).
pub const ELU_ALPHA: f64 = 1.0;
/// CELU's α = 1 (torch `F.celu` default; the series' `CELU(alpha=1)` too).
pub const CELU_ALPHA: f64 = 1.0;
/// λ of hard shrink and soft shrink: 0.5 (torch `F.hardshrink`/`F.softshrink` default `lambd`;
/// the series' `HardShrink(lambda_=0.5)`, `SoftShrink(lambda_=0.5)` too).
pub const SHRINK_LAMBDA: f64 = 0.5;
/// Threshold's threshold θ = 0. torch's `F.threshold(input, threshold, value)` has no defaults;
/// this is the series' default (`Threshold(threshold=0, value=-1)`).
pub const THRESHOLD: f64 = 0.0;
/// Threshold's replacement value v = −1 (the series' default; torch has none).
pub const THRESHOLD_VALUE: f64 = -1.0;

/// min over z of swish(z) = z·σ(z): −0.27846454276107379510935873… at z = −1.27846454276107…
/// (mpmath, 50 digits; rounded down to f64 so the range contains every true output).
const SWISH_MIN: f64 = -0.2784645427610738;
/// min over z of mish(z): −0.30884341301725040662876… at z = −1.19243121451549… (mpmath;
/// rounded down to f64).
const MISH_MIN: f64 = -0.30884341301725043;
/// min over z of tanhExp(z): −0.35328577784821127098744… at z = −1.07886005846462… (mpmath;
/// rounded down to f64).
const TANH_EXP_MIN: f64 = -0.3532857778482113;

/// An activation function y = f(z). The derivative of each at its kinks (where the left and right
/// derivatives differ) is a documented one-sided value; [`Activation::kinks`] lists those points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activation {
    /// y = z; y′ = 1. Range (−∞, ∞). Same in torch (`nn.Identity`) and the series.
    Identity,
    /// y = 1 for z > 0, 0 for z ≤ 0; y′ = 0 everywhere, including the jump at z = 0 (the series'
    /// `Step`: `np.where(x>0, 1, 0)`, backward `zeros_like`). torch has no step activation
    /// (`torch.heaviside` has no gradient). Range {0, 1}.
    Step,
    /// y = σ(z) = 1/(1 + e^(−z)), computed exactly as `1.0 / (1.0 + (-z).exp())` (bit-compatible
    /// with the article's numpy `1/(1+np.exp(-x))`); y′ = y·(1 − y) with that y. Range (0, 1).
    /// Same in torch and the series.
    Sigmoid,
    /// y = relu6(z + 3)/6 = min(max(z + 3, 0), 6)/6 (torch `F.hardsigmoid`, evaluated in torch's
    /// order); y′ = 1/6 for −3 < z < 3, else 0; at the kinks z = ±3, y′ = 0 (torch's autograd).
    /// torch's f64 kernel multiplies by the f32 constant `1.0f/6.0f` = 0.16666667163…; we use the
    /// f64 1/6. The series differs: `clip(0.2·z + 0.5, 0, 1)` (slope 0.2, kinks ±2.5, derivative
    /// 0.2 at ±2.5). Range [0, 1].
    HardSigmoid,
    /// y = log σ(z), computed stably as min(z, 0) − ln(1 + e^(−|z|)) (torch `F.logsigmoid`);
    /// y′ = σ(−z) = 1/(1 + e^z). Range (−∞, 0). Same math in the series (`-logaddexp(-x, 0)`).
    LogSigmoid,
    /// y = tanh z; y′ = 1 − tanh²z, computed as sech²z = 4e^(−2|z|)/(1 + e^(−2|z|))², which keeps
    /// full relative precision for large |z| (torch and the series compute 1 − y², which loses
    /// digits by cancellation for |z| > 5). Range (−1, 1).
    Tanh,
    /// y = z − tanh z (torch `F.tanhshrink`; for |z| ≪ 1 the subtraction keeps only absolute
    /// precision ≈ ulp(z), as torch's); y′ = tanh²z. Range (−∞, ∞). Same in the series.
    TanhShrink,
    /// y = min(max(z, −1), 1) (torch `F.hardtanh`, min −1, max 1); y′ = 1 for −1 < z < 1, else 0;
    /// at the kinks z = ±1, y′ = 0 (torch's autograd: `x <= min || x >= max → 0`). The series
    /// gives 1 at ±1 (`(-1<=x)&(x<=1)`). Range [−1, 1].
    HardTanh,
    /// y = max(0, z) (torch `F.relu`); y′ = 1 for z > 0, else 0; relu′(0) = 0 (torch's autograd
    /// and the series). Range [0, ∞).
    Relu,
    /// y = min(max(z, 0), 6) (torch `F.relu6`); y′ = 1 for 0 < z < 6, else 0; at the kinks 0 and
    /// 6, y′ = 0 (torch, as hardtanh(0, 6); the series too). Range [0, 6].
    Relu6,
    /// y = z for z > 0, 0.01·z otherwise (torch `F.leaky_relu`, slope [`LEAKY_SLOPE`] = 0.01);
    /// y′ = 1 for z > 0, 0.01 otherwise; at the kink, y′(0) = 0.01 (torch's autograd:
    /// `x > 0 ? 1 : slope`). The series gives 1 at 0 (`np.where(x<0, alpha, 1)`). Range (−∞, ∞).
    LeakyRelu,
    /// y = z for z > 0, α·(e^z − 1) otherwise (computed with `exp_m1`), α = [`ELU_ALPHA`] = 1
    /// (torch `F.elu`); y′ = 1 for z > 0, α·e^z otherwise; y′(0) = α·e⁰ = 1 (torch's autograd uses
    /// the z ≤ 0 branch; the series gives 1 too). Range (−α, ∞) = (−1, ∞).
    Elu,
    /// y = λ·z for z > 0, λ·α·(e^z − 1) otherwise, λ = [`SELU_LAMBDA`], α = [`SELU_ALPHA`] (torch
    /// `F.selu`); y′ = λ for z > 0, λ·α·e^z otherwise; at the kink y′(0) = λ·α ≈ 1.7581 (torch's
    /// autograd uses the z ≤ 0 branch). The series differs: rounded constants λ = 1.0507,
    /// α = 1.67326, and y′(0) = λ. Range (−λ·α, ∞).
    Selu,
    /// y = z for z > 0, α·(e^(z/α) − 1) otherwise, α = [`CELU_ALPHA`] = 1 (torch `F.celu`);
    /// y′ = 1 for z > 0, e^(z/α) otherwise; y′(0) = 1 (torch: z ≤ 0 branch; the series gives 1
    /// too). With α = 1 identical to ELU. Range (−α, ∞) = (−1, ∞).
    Celu,
    /// y = ln(1 + e^z) with β = 1, computed stably as max(z, 0) + ln(1 + e^(−|z|)); y′ = σ(z).
    /// torch `F.softplus` (β = 1) switches to y = z for z > 20 (`threshold = 20`); we do NOT follow
    /// that switch: we keep the exact function, which differs from torch's by at most
    /// ln(1 + e^(−20)) ≈ 2.1e−9 above 20 and has no jump there. The series computes the exact
    /// function too (`np.logaddexp(x, 0)`). Range (0, ∞).
    Softplus,
    /// y = z/(1 + |z|) (torch `F.softsign`); y′ = 1/(1 + |z|)². Range (−1, 1). Same in the series.
    Softsign,
    /// Swish/SiLU: y = z·σ(z), computed as z/(1 + e^(−z)) (torch `F.silu`); y′ =
    /// σ(z)·(1 + z·(1 − σ(z))) (torch's backward). The series has a parameter β (default 1:
    /// identical). Range [−0.278464542761…, ∞) (minimum at z ≈ −1.278464542761).
    Swish,
    /// y = z·tanh(softplus(z)) (torch `F.mish`; Misra 2019), softplus computed stably; y′ =
    /// tanh(sp) + z·σ(z)·sech²(sp), sp = softplus(z) (torch's backward, with 1 − tanh² written as
    /// sech² for precision). The series' derivative is an expanded closed form that overflows to
    /// NaN for z ≳ 236; ours is finite everywhere. Range [−0.308843413017…, ∞).
    Mish,
    /// tanhExp: y = z·tanh(e^z) (Liu & Di 2020, "TanhExp: A Smooth Activation Function with High
    /// Convergence Speed for Lightweight Neural Networks"; not in torch); y′ = tanh(e^z) +
    /// z·e^z·sech²(e^z) (the series' `tanh(e^x) − x·e^x·(tanh²(e^x) − 1)`, same math; the series
    /// gives NaN for z > 709 where e^z = ∞ and ∞·0 appears; we take the vanishing term as 0).
    /// Range [−0.353285777848…, ∞).
    TanhExp,
    /// y = z·relu6(z + 3)/6 (torch `F.hardswish`; Howard et al. 2019, MobileNetV3), evaluated
    /// for −3 < z < 3 as (z·(z + 3))/6 (torch's order); y = z for z ≥ 3 and y = −0 for z ≤ −3
    /// (torch's z·6/6 overflows for z > 3e307). y′ = 0 for z < −3, z/3 + 1/2 for −3 ≤ z < 3, 1 for
    /// z ≥ 3: right-sided at both kinks, y′(−3) = −1/2, y′(3) = 1 (torch's vectorised CPU
    /// kernel; its scalar fallback gives 1.5 at z = 3). Not in the series. Range [−0.375, ∞).
    HardSwish,
    /// y = (√(z² + 1) − 1)/2 + z (the series' `BentIdentity`; not in torch), computed as
    /// z²/(√(z² + 1) + 1)/2 + z for |z| < 1 (no cancellation) and with `hypot` (no overflow of z²);
    /// y′ = z/(2√(z² + 1)) + 1. Range (−∞, ∞).
    BentIdentity,
    /// y = 0 for −λ ≤ z ≤ λ, z otherwise, λ = [`SHRINK_LAMBDA`] = 0.5 (torch `F.hardshrink`);
    /// y′ = 0 for |z| ≤ λ, 1 otherwise; at the kinks z = ±λ, y′ = 0 (torch's autograd; the series
    /// too). Outputs (−∞, −λ) ∪ {0} ∪ (λ, ∞); range hull (−∞, ∞).
    HardShrink,
    /// y = z − λ for z > λ, z + λ for z < −λ, 0 otherwise, λ = [`SHRINK_LAMBDA`] = 0.5 (torch
    /// `F.softshrink`); y′ = 1 for |z| > λ, else 0; at the kinks z = ±λ, y′ = 0 (torch's autograd;
    /// the series too). Range (−∞, ∞).
    SoftShrink,
    /// y = z for z > θ, v otherwise, θ = [`THRESHOLD`] = 0, v = [`THRESHOLD_VALUE`] = −1 (torch
    /// `F.threshold(z, θ, v)` has no defaults: θ and v are the series' `Threshold` defaults);
    /// y′ = 1 for z > θ, 0 otherwise; y′(θ) = 0 (torch's autograd: `x <= threshold → 0`; the series
    /// too). Outputs {−1} ∪ (0, ∞); range hull [−1, ∞).
    Threshold,
}

/// Every activation, in the series' order (the order of the menu).
pub const ACTIVATIONS: [Activation; 24] = [
    Activation::Identity,
    Activation::Step,
    Activation::Sigmoid,
    Activation::HardSigmoid,
    Activation::LogSigmoid,
    Activation::Tanh,
    Activation::TanhShrink,
    Activation::HardTanh,
    Activation::Relu,
    Activation::Relu6,
    Activation::LeakyRelu,
    Activation::Elu,
    Activation::Selu,
    Activation::Celu,
    Activation::Softplus,
    Activation::Softsign,
    Activation::Swish,
    Activation::Mish,
    Activation::TanhExp,
    Activation::HardSwish,
    Activation::BentIdentity,
    Activation::HardShrink,
    Activation::SoftShrink,
    Activation::Threshold,
];

/// Extra spellings accepted by [`Activation::from_name`] besides the canonical names: torch's
/// `silu` for swish and the series' class name `LReLU` for leaky ReLU.
const ALIASES: [(&str, Activation); 2] = [("silu", Activation::Swish), ("lrelu", Activation::LeakyRelu)];

/// σ(z) = 1/(1 + e^(−z)), in the article's order of operations.
fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// softplus(z) = ln(1 + e^z) = max(z, 0) + ln(1 + e^(−|z|)), no overflow for any z.
fn softplus(z: f64) -> f64 {
    z.max(0.0) + (-z.abs()).exp().ln_1p()
}

/// sech²(a) = 1 − tanh²(a) = 4e^(−2|a|)/(1 + e^(−2|a|))², accurate to a few ulps for every a
/// (no cancellation; underflows to 0 for |a| > 372.5).
fn sech2(a: f64) -> f64 {
    let e = (-2.0 * a.abs()).exp();
    4.0 * e / ((1.0 + e) * (1.0 + e))
}

/// Whether `s` equals `canonical` ignoring ASCII case and the separators '-', '_' and ' '.
pub(crate) fn same_name(s: &str, canonical: &str) -> bool {
    let keep = |c: &u8| !matches!(c, b'-' | b'_' | b' ');
    let mut a = s.bytes().filter(keep);
    let mut b = canonical.bytes().filter(keep);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(&y) => {}
            _ => return false,
        }
    }
}

impl Activation {
    /// The canonical kebab-case name ("identity", "hard-sigmoid", "relu6", "tanh-exp", …).
    pub fn name(self) -> &'static str {
        match self {
            Activation::Identity => "identity",
            Activation::Step => "step",
            Activation::Sigmoid => "sigmoid",
            Activation::HardSigmoid => "hard-sigmoid",
            Activation::LogSigmoid => "log-sigmoid",
            Activation::Tanh => "tanh",
            Activation::TanhShrink => "tanh-shrink",
            Activation::HardTanh => "hard-tanh",
            Activation::Relu => "relu",
            Activation::Relu6 => "relu6",
            Activation::LeakyRelu => "leaky-relu",
            Activation::Elu => "elu",
            Activation::Selu => "selu",
            Activation::Celu => "celu",
            Activation::Softplus => "softplus",
            Activation::Softsign => "softsign",
            Activation::Swish => "swish",
            Activation::Mish => "mish",
            Activation::TanhExp => "tanh-exp",
            Activation::HardSwish => "hard-swish",
            Activation::BentIdentity => "bent-identity",
            Activation::HardShrink => "hard-shrink",
            Activation::SoftShrink => "soft-shrink",
            Activation::Threshold => "threshold",
        }
    }

    /// The activation named `s`: ASCII case-insensitive, ignoring '-', '_' and ' ' ("ReLU",
    /// "LeakyReLU", "leaky_relu", "tanhExp", "Hard Sigmoid"); also "silu" (swish) and "lrelu"
    /// (leaky ReLU). `None` if no activation has that name.
    pub fn from_name(s: &str) -> Option<Activation> {
        ACTIVATIONS
            .iter()
            .map(|&a| (a.name(), a))
            .chain(ALIASES.iter().copied())
            .find(|&(name, _)| same_name(s, name))
            .map(|(_, a)| a)
    }

    /// y = f(z), by the formula in the variant's doc comment. NaN → NaN; ±∞ → the limit.
    pub fn forward(self, z: f64) -> f64 {
        if z.is_nan() {
            return z;
        }
        if z.is_infinite() {
            return self.forward_limit(z > 0.0);
        }
        match self {
            Activation::Identity => z,
            Activation::Step => {
                if z > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::Sigmoid => sigmoid(z),
            Activation::HardSigmoid => crate::num::clamp(z + 3.0, 0.0, 6.0) / 6.0,
            Activation::LogSigmoid => z.min(0.0) - (-z.abs()).exp().ln_1p(),
            Activation::Tanh => z.tanh(),
            Activation::TanhShrink => z - z.tanh(),
            Activation::HardTanh => crate::num::clamp(z, -1.0, 1.0),
            Activation::Relu => {
                if z > 0.0 {
                    z
                } else {
                    0.0
                }
            }
            Activation::Relu6 => crate::num::clamp(z, 0.0, 6.0),
            Activation::LeakyRelu => {
                if z > 0.0 {
                    z
                } else {
                    z * LEAKY_SLOPE
                }
            }
            Activation::Elu => {
                if z > 0.0 {
                    z
                } else {
                    z.exp_m1() * ELU_ALPHA
                }
            }
            Activation::Selu => {
                if z > 0.0 {
                    z * SELU_LAMBDA
                } else {
                    z.exp_m1() * SELU_ALPHA_LAMBDA
                }
            }
            Activation::Celu => {
                if z > 0.0 {
                    z
                } else {
                    (z / CELU_ALPHA).exp_m1() * CELU_ALPHA
                }
            }
            Activation::Softplus => softplus(z),
            Activation::Softsign => z / (1.0 + z.abs()),
            Activation::Swish => z / (1.0 + (-z).exp()),
            Activation::Mish => z * softplus(z).tanh(),
            Activation::TanhExp => z * z.exp().tanh(),
            Activation::HardSwish => {
                if z >= 3.0 {
                    z
                } else if z <= -3.0 {
                    -0.0
                } else {
                    z * (z + 3.0) / 6.0
                }
            }
            Activation::BentIdentity => {
                let h = z.hypot(1.0);
                let r = if z.abs() < 1.0 { z * z / (h + 1.0) } else { h - 1.0 };
                r / 2.0 + z
            }
            Activation::HardShrink => {
                if (-SHRINK_LAMBDA..=SHRINK_LAMBDA).contains(&z) {
                    0.0
                } else {
                    z
                }
            }
            Activation::SoftShrink => {
                if z > SHRINK_LAMBDA {
                    z - SHRINK_LAMBDA
                } else if z < -SHRINK_LAMBDA {
                    z + SHRINK_LAMBDA
                } else {
                    0.0
                }
            }
            Activation::Threshold => {
                if z > THRESHOLD {
                    z
                } else {
                    THRESHOLD_VALUE
                }
            }
        }
    }
}
