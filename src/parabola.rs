//! The article's second example: gradient descent on `y = x²`, whose slope at `x` is `2x`.
//!
//! At `(1, 1)` the slope is 2; moving by `Δx = −2` lands on `x = −1` and passes the optimum.
//! Multiplying by a learning rate `η ≪ 1` makes the descent approach it step by step:
//! `x_{t+1} = x_t − η·2x_t = (1 − 2η)·x_t`, so `x_t = (1 − 2η)^t·x₀`.

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

    /// The regime in words, for a student.
    pub fn describe(self) -> &'static str {
        match self {
            Regime::Uphill => "moving uphill: η < 0 turns descent into ascent",
            Regime::NoMovement => "no movement: η = 0, so Δx = 0",
            Regime::Smooth => "smooth convergence: 0 < 1 − 2η < 1, x shrinks each step",
            Regime::OneStep => "one step to the bottom: 1 − 2η = 0",
            Regime::Oscillating => "oscillating convergence: −1 < 1 − 2η < 0, x flips sign and shrinks",
            Regime::Bounce => "endless bounce: 1 − 2η = −1, x jumps between x₀ and −x₀ forever",
            Regime::Divergent => "divergence: |1 − 2η| > 1, each step lands farther away",
        }
    }
}

/// Gradient descent on `y = x²` from `x₀`, step by step, stopping when `x` leaves the figure's
/// range `[−r, r]` or stops being finite.
#[derive(Clone, Debug, PartialEq)]
pub struct Descent {
    xs: Vec<f64>,
    eta: f64,
    range: f64,
    stopped: Option<f64>,
}

impl Descent {
    pub fn new(x0: f64, eta: f64, range: f64) -> Descent {
        Descent { xs: vec![x0], eta, range, stopped: None }
    }
    /// `x₀, x₁, …, x_t`.
    pub fn xs(&self) -> &[f64] {
        &self.xs
    }
    pub fn x(&self) -> f64 {
        self.xs[self.xs.len() - 1]
    }
    pub fn step_count(&self) -> usize {
        self.xs.len() - 1
    }
    pub fn eta(&self) -> f64 {
        self.eta
    }
    pub fn range(&self) -> f64 {
        self.range
    }
    /// The `x` a step refused to go to, when the descent has stopped.
    pub fn stopped_at(&self) -> Option<f64> {
        self.stopped
    }
    /// `x_{t+1} = x_t − η·2x_t`, unless it is not finite or outside `[−r, r]`: then the descent
    /// stops there and `false` is returned.
    pub fn step(&mut self) -> bool {
        if self.stopped.is_some() {
            return false;
        }
        let next = parabola_step(self.x(), self.eta);
        if !next.is_finite() || next.abs() > self.range {
            self.stopped = Some(next);
            return false;
        }
        self.xs.push(next);
        true
    }
    /// Undo a step (or clear a stop). False at the start.
    pub fn step_back(&mut self) -> bool {
        if self.stopped.take().is_some() {
            return true;
        }
        if self.xs.len() > 1 {
            self.xs.pop();
            return true;
        }
        false
    }
    pub fn reset(&mut self) {
        self.xs.truncate(1);
        self.stopped = None;
    }
    /// A new learning rate from the current point on.
    pub fn set_eta(&mut self, eta: f64) {
        self.eta = eta;
        self.stopped = None;
    }
    /// `|1 − 2η|^t·|x₀|` for `t = 0 … n−1`: where `|x_t|` must be.
    pub fn predicted_abs(&self, n: usize) -> Vec<f64> {
        let f = (1.0 - 2.0 * self.eta).abs();
        let x0 = self.xs[0].abs();
        (0..n).map(|t| f.powi(t as i32) * x0).collect()
    }
}
