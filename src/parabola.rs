//! The article's second example: gradient descent on `y = x²`, whose slope at `x` is `2x`.
//!
//! At `(1, 1)` the slope is 2; moving by `Δx = −2` lands on `x = −1` and passes the optimum.
//! Multiplying by a learning rate `η ≪ 1` makes the descent approach it step by step:
//! `x_{t+1} = x_t − η·2x_t = (1 − 2η)·x_t`, so `x_t = (1 − 2η)^t·x₀`.

use crate::history::History;
use crate::lang::Lang;

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
    pub fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Regime::Uphill, Lang::En) => "moving uphill: η < 0 turns descent into ascent",
            (Regime::NoMovement, Lang::En) => "no movement: η = 0, so Δx = 0",
            (Regime::Smooth, Lang::En) => "smooth convergence: 0 < 1 − 2η < 1, x shrinks each step",
            (Regime::OneStep, Lang::En) => "one step to the bottom: 1 − 2η = 0",
            (Regime::Oscillating, Lang::En) => "oscillating convergence: −1 < 1 − 2η < 0, x flips sign and shrinks",
            (Regime::Bounce, Lang::En) => "endless bounce: 1 − 2η = −1, x jumps between x₀ and −x₀ forever",
            (Regime::Divergent, Lang::En) => "divergence: |1 − 2η| > 1, each step lands farther away",
            (Regime::Uphill, Lang::Fr) => "montée : η < 0 change la descente en montée",
            (Regime::NoMovement, Lang::Fr) => "immobile : η = 0, donc Δx = 0",
            (Regime::Smooth, Lang::Fr) => "convergence régulière : 0 < 1 − 2η < 1, x diminue à chaque pas",
            (Regime::OneStep, Lang::Fr) => "le fond en un pas : 1 − 2η = 0",
            (Regime::Oscillating, Lang::Fr) => {
                "convergence en oscillant : −1 < 1 − 2η < 0, x change de signe et diminue"
            }
            (Regime::Bounce, Lang::Fr) => "rebond sans fin : 1 − 2η = −1, x saute entre x₀ et −x₀ pour toujours",
            (Regime::Divergent, Lang::Fr) => "divergence : |1 − 2η| > 1, chaque pas atterrit plus loin",
        }
    }
}

/// A point of the descent with the learning rate that will leave it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct State {
    x: f64,
    eta: f64,
}

/// Old points drawn at most (the last `history::WINDOW` are always drawn).
pub const MAX_OLD_POINTS: usize = 512;

/// Gradient descent on `y = x²` from `x₀`, step by step, stopping when `x` leaves the figure's
/// range `[−r, r]` or stops being finite. Its history is bounded (see [`History`]).
#[derive(Clone, Debug)]
pub struct Descent {
    history: History<State>,
    eta: f64,
    range: f64,
    stopped: Option<f64>,
}

fn advance(s: &State) -> State {
    State { x: parabola_step(s.x, s.eta), eta: s.eta }
}

impl Descent {
    pub fn new(x0: f64, eta: f64, range: f64) -> Descent {
        Descent { history: History::new(State { x: x0, eta }), eta, range, stopped: None }
    }
    /// `(t, x_t)` to draw: every step of the recent window, older ones thinned.
    pub fn trail(&self) -> Vec<(usize, f64)> {
        self.history.trail(MAX_OLD_POINTS).into_iter().map(|(t, s)| (t, s.x)).collect()
    }
    /// The `x` of [`Descent::trail`], `x₀ … x_t` when the history is short.
    pub fn xs(&self) -> Vec<f64> {
        self.trail().into_iter().map(|(_, x)| x).collect()
    }
    pub fn x0(&self) -> f64 {
        self.history.start().x
    }
    pub fn x(&self) -> f64 {
        self.history.current().x
    }
    /// The `x` one step before the current one (the current one at step 0).
    pub fn previous(&self) -> f64 {
        let trail = self.trail();
        match trail.len() {
            n if n >= 2 => trail[n - 2].1,
            _ => self.x(),
        }
    }
    pub fn step_count(&self) -> usize {
        self.history.step()
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
        let next = advance(self.history.current());
        if !next.x.is_finite() || next.x.abs() > self.range {
            self.stopped = Some(next.x);
            return false;
        }
        self.history.push(next);
        true
    }
    /// Undo a step (or clear a stop). False at the start. η stays as set.
    pub fn step_back(&mut self) -> bool {
        if self.stopped.take().is_some() {
            return true;
        }
        let moved = self.history.back(advance);
        self.keep_eta();
        moved
    }
    pub fn reset(&mut self) {
        self.history.reset();
        self.stopped = None;
        self.keep_eta();
    }
    /// A new learning rate from the current point on.
    pub fn set_eta(&mut self, eta: f64) {
        self.eta = eta;
        self.stopped = None;
        self.keep_eta();
    }
    fn keep_eta(&mut self) {
        let eta = self.eta;
        self.history.amend(|s| {
            s.eta != eta && {
                s.eta = eta;
                true
            }
        });
    }
    /// Why the descent stopped, in words, when it has.
    pub fn describe_stop(&self, lang: Lang) -> Option<String> {
        let (x, r, eta) = (self.stopped?, self.range, self.eta);
        Some(match lang {
            Lang::En => format!(
                "Stopped: the next step would go to x = {x:.6}, outside the figure [−{r}, {r}]: with η = {eta} each step lands farther from the bottom. Press Reset."
            ),
            Lang::Fr => format!(
                "Arrêt : le pas suivant irait en x = {x:.6}, hors de la figure [−{r}, {r}] : avec η = {eta}, chaque pas atterrit plus loin du fond. Appuyez sur Réinitialiser."
            ),
        })
    }

    /// `|1 − 2η|^t·|x₀|` for `t = 0 … n−1`: where `|x_t|` must be while η is unchanged.
    pub fn predicted_abs(&self, n: usize) -> Vec<f64> {
        let f = (1.0 - 2.0 * self.eta).abs();
        let x0 = self.x0().abs();
        (0..n).map(|t| f.powi(t as i32) * x0).collect()
    }
}
