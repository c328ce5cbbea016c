//! dy/dz of each activation, and the chain rule through it (`backward`).

use super::*;

impl Activation {
    /// dy/dz at z, by the formula in the variant's doc comment; at a kink, the documented
    /// one-sided value. NaN → NaN; ±∞ → the limit of the derivative.
    pub fn derivative(self, z: f64) -> f64 {
        if z.is_nan() {
            return z;
        }
        if z.is_infinite() {
            return self.derivative_limit(z > 0.0);
        }
        let step = |inside: bool, slope: f64| if inside { slope } else { 0.0 };
        match self {
            Activation::Identity => 1.0,
            Activation::Step => 0.0,
            Activation::Sigmoid => {
                let y = sigmoid(z);
                y * (1.0 - y)
            }
            Activation::HardSigmoid => step(z > -3.0 && z < 3.0, 1.0 / 6.0),
            Activation::LogSigmoid => 1.0 / (1.0 + z.exp()),
            Activation::Tanh => sech2(z),
            Activation::TanhShrink => {
                let t = z.tanh();
                t * t
            }
            Activation::HardTanh => step(z > -1.0 && z < 1.0, 1.0),
            Activation::Relu => step(z > 0.0, 1.0),
            Activation::Relu6 => step(z > 0.0 && z < 6.0, 1.0),
            Activation::LeakyRelu => {
                if z > 0.0 {
                    1.0
                } else {
                    LEAKY_SLOPE
                }
            }
            Activation::Elu => {
                if z > 0.0 {
                    1.0
                } else {
                    ELU_ALPHA * z.exp()
                }
            }
            Activation::Selu => {
                if z > 0.0 {
                    SELU_LAMBDA
                } else {
                    SELU_ALPHA_LAMBDA * z.exp()
                }
            }
            Activation::Celu => {
                if z > 0.0 {
                    1.0
                } else {
                    (z / CELU_ALPHA).exp()
                }
            }
            Activation::Softplus => sigmoid(z),
            Activation::Softsign => {
                let d = 1.0 + z.abs();
                1.0 / (d * d)
            }
            Activation::Swish => {
                let s = sigmoid(z);
                s * (1.0 + z * (1.0 - s))
            }
            Activation::Mish => {
                let sp = softplus(z);
                sp.tanh() + z * sigmoid(z) * sech2(sp)
            }
            Activation::TanhExp => {
                let u = z.exp();
                let s = sech2(u);
                // For z > 709, u = ∞ and s = 0: the term z·u·s → 0 (it is < 1e−300 once s < 1e−300).
                let term = if s == 0.0 { 0.0 } else { z * u * s };
                u.tanh() + term
            }
            Activation::HardSwish => {
                if z < -3.0 {
                    0.0
                } else if z < 3.0 {
                    z / 3.0 + 0.5
                } else {
                    1.0
                }
            }
            Activation::BentIdentity => 0.5 * (z / z.hypot(1.0)) + 1.0,
            Activation::HardShrink | Activation::SoftShrink => step(z.abs() > SHRINK_LAMBDA, 1.0),
            Activation::Threshold => step(z > THRESHOLD, 1.0),
        }
    }

    /// ∂L/∂z = ∂L/∂y · dy/dz given `grad_y` = ∂L/∂y (the chain rule through this activation).
    /// Sigmoid evaluates it as `(grad_y * y) * (1.0 - y)` with y = σ(z), the article's order
    /// (`((y - t) * y) * (1.0 - y)` for the square loss), so the result is bit-identical to the
    /// article's δ; every other activation evaluates `grad_y * self.derivative(z)`.
    pub fn backward(self, z: f64, grad_y: f64) -> f64 {
        match self {
            Activation::Sigmoid => {
                let y = sigmoid(z);
                (grad_y * y) * (1.0 - y)
            }
            _ => grad_y * self.derivative(z),
        }
    }
}
