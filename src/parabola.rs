//! The article's second example: gradient descent on `y = x²`, whose slope at `x` is `2x`.
//!
//! At `(1, 1)` the slope is 2; moving by `Δx = −2` lands on `x = −1` and passes the optimum.
//! Multiplying by a learning rate `η ≪ 1` makes the descent approach it step by step:
//! `x_{t+1} = x_t − η·2x_t = (1 − 2η)·x_t`, so `x_t = (1 − 2η)^t·x₀`.

use crate::objective::Objective;

/// The curve: `y = x²`.
pub fn parabola(x: f64) -> f64 {
    x * x
}

/// Its slope: `dy/dx = 2x`.
pub fn parabola_slope(x: f64) -> f64 {
    2.0 * x
}

/// One gradient-descent step: `x ← x − η·2x`.
pub fn parabola_step(x: f64, eta: f64) -> f64 {
    x - eta * parabola_slope(x)
}

/// How the descent behaves, read off the factor `1 − 2η` by which each step multiplies `x`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Regime {
    /// `η < 0`: each step goes uphill, away from the bottom.
    Uphill,
    /// `η = 0`: nothing moves.
    NoMovement,
    /// `0 < η < ½`: `x` shrinks towards 0 without changing sign.
    Smooth,
    /// `η = ½`: the first step lands exactly on the bottom.
    OneStep,
    /// `½ < η < 1`: `x` changes sign each step and shrinks.
    Oscillating,
    /// `η = 1`: `x` bounces between `x₀` and `−x₀` forever.
    Bounce,
    /// `η > 1`: `|x|` grows each step.
    Divergent,
}

impl Regime {
    /// The regime for learning rate `η`, or `None` when `η` is not a finite number.
    pub fn of(eta: f64) -> Option<Regime> {
        if !eta.is_finite() {
            return None;
        }
        Some(if eta < 0.0 {
            Regime::Uphill
        } else if eta == 0.0 {
            Regime::NoMovement
        } else if eta < 0.5 {
            Regime::Smooth
        } else if eta == 0.5 {
            Regime::OneStep
        } else if eta < 1.0 {
            Regime::Oscillating
        } else if eta == 1.0 {
            Regime::Bounce
        } else {
            Regime::Divergent
        })
    }

    /// A short stable name, for attributes and tests.
    pub fn name(self) -> &'static str {
        match self {
            Regime::Uphill => "uphill",
            Regime::NoMovement => "none",
            Regime::Smooth => "smooth",
            Regime::OneStep => "one-step",
            Regime::Oscillating => "oscillating",
            Regime::Bounce => "bounce",
            Regime::Divergent => "divergent",
        }
    }
}

/// The curve `y = x²` as an objective of one parameter.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Parabola;

impl Objective<1> for Parabola {
    /// `x²`.
    fn value(&self, [x]: [f64; 1]) -> f64 {
        parabola(x)
    }
    /// `2x`.
    fn gradient(&self, [x]: [f64; 1]) -> [f64; 1] {
        [parabola_slope(x)]
    }
}

/// `|1 − 2η|^t·|x₀|` for `t = 0 … n−1`: where `|x_t|` must be while η is unchanged.
pub fn predicted_abs(x0: f64, eta: f64, n: usize) -> Vec<f64> {
    let f = (1.0 - 2.0 * eta).abs();
    (0..n).map(|t| f.powi(t.min(i32::MAX as usize) as i32) * x0.abs()).collect()
}
