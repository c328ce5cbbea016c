//! Training the neuron step by step on its loss space, with a history so a step can be undone.
//!
//! One step is the article's `Layer.update`: back propagation gives `(g_w, g_b)`, the optimizer
//! turns them into `(Δw, Δb)`, and the layer applies `w ← w + Δw`, `b ← b + Δb`.

use crate::landscape::LossSpace;
use crate::model::{forward_backward, Pass};
use crate::optim::{Optimizer, Sgd};

/// Why training stopped on its own.
#[derive(Clone, Debug, PartialEq)]
pub enum Divergence {
    /// A value of the step (named) was NaN or infinite.
    NonFinite { what: &'static str, value: f64 },
    /// The step would put `(w, b)` outside the loss space shown.
    LeftSpace { w: f64, b: f64 },
}

impl Divergence {
    /// The reason in words, for a student.
    pub fn describe(&self, space: &LossSpace, eta: f64) -> String {
        match self {
            Divergence::NonFinite { what, value } => {
                format!("Diverged: {what} became {value}, which is not a finite number. Press Reset.")
            }
            Divergence::LeftSpace { w, b } => format!(
                "Diverged: the step to (w, b) = ({}, {}) leaves the loss space shown \
                 (w ∈ [{}, {}], b ∈ [{}, {}]). η = {} is too large: the step overshoots. \
                 Press Reset, then lower η or widen the range.",
                short(*w),
                short(*b),
                space.w.lo,
                space.w.hi,
                space.b.lo,
                space.b.hi,
                eta
            ),
        }
    }
}

fn short(v: f64) -> String {
    format!("{:.4}", v).trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Everything about the current point: where it is, what the article's formulas give there, and
/// where the next step would go.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Readout {
    pub step: usize,
    pub x: f64,
    pub w: f64,
    pub b: f64,
    pub pass: Pass,
    pub eta: f64,
    /// `(Δw, Δb)` the optimizer would return now (computed on a copy, state untouched).
    pub dw: f64,
    pub db: f64,
}

#[derive(Clone, Debug)]
struct Saved {
    w: f64,
    b: f64,
    opt: Box<dyn Optimizer>,
}

/// A neuron being trained on one sample `(x₀, y*)`, from a start `(w₀, b₀)`.
#[derive(Clone, Debug)]
pub struct Trainer {
    space: LossSpace,
    start: (f64, f64),
    w: f64,
    b: f64,
    opt: Box<dyn Optimizer>,
    initial_opt: Box<dyn Optimizer>,
    history: Vec<Saved>,
    divergence: Option<Divergence>,
}

impl Trainer {
    /// A trainer at `(w₀, b₀)` with SGD at learning rate `η`.
    pub fn new(space: LossSpace, w0: f64, b0: f64, eta: f64) -> Trainer {
        let opt: Box<dyn Optimizer> = Box::new(Sgd { eta });
        Trainer {
            space,
            start: (w0, b0),
            w: w0,
            b: b0,
            initial_opt: opt.clone(),
            opt,
            history: Vec::new(),
            divergence: None,
        }
    }

    pub fn space(&self) -> &LossSpace {
        &self.space
    }
    pub fn start(&self) -> (f64, f64) {
        self.start
    }
    pub fn params(&self) -> (f64, f64) {
        (self.w, self.b)
    }
    pub fn step_count(&self) -> usize {
        self.history.len()
    }
    pub fn eta(&self) -> f64 {
        self.opt.eta()
    }
    pub fn divergence(&self) -> Option<&Divergence> {
        self.divergence.as_ref()
    }

    /// The points visited, from the start to the current point.
    pub fn trajectory(&self) -> Vec<(f64, f64)> {
        let mut points: Vec<(f64, f64)> = self.history.iter().map(|s| (s.w, s.b)).collect();
        points.push((self.w, self.b));
        points
    }

    /// The loss at each point of the trajectory.
    pub fn losses(&self) -> Vec<f64> {
        self.trajectory().iter().map(|&(w, b)| self.space.loss(w, b)).collect()
    }

    /// The article's quantities at the current point and the move the next step would make.
    pub fn readout(&self) -> Readout {
        let pass = forward_backward(self.space.x0, self.w, self.b, self.space.y_star);
        let (dw, db) = self.opt.boxed().update(pass.grad_w, pass.grad_b);
        Readout {
            step: self.step_count(),
            x: self.space.x0,
            w: self.w,
            b: self.b,
            pass,
            eta: self.eta(),
            dw,
            db,
        }
    }

    /// One step: `g = ∇L(w, b)`, `(Δw, Δb) = opt.update(g_w, g_b)`, `w ← w + Δw`, `b ← b + Δb`.
    ///
    /// If a value is not finite or the new point leaves the loss space, nothing moves and the
    /// trainer stays stopped (until [`Trainer::step_back`] or [`Trainer::reset`]).
    pub fn step(&mut self) -> Result<(), Divergence> {
        if let Some(d) = &self.divergence {
            return Err(d.clone());
        }
        let pass = forward_backward(self.space.x0, self.w, self.b, self.space.y_star);
        let mut opt = self.opt.clone();
        let (dw, db) = opt.update(pass.grad_w, pass.grad_b);
        let (w, b) = (self.w + dw, self.b + db);
        let checks = [
            ("y", pass.y),
            ("L", pass.loss),
            ("g_w", pass.grad_w),
            ("g_b", pass.grad_b),
            ("Δw", dw),
            ("Δb", db),
            ("w", w),
            ("b", b),
        ];
        let problem = checks
            .iter()
            .find(|(_, v)| !v.is_finite())
            .map(|&(what, value)| Divergence::NonFinite { what, value })
            .or_else(|| {
                (!(self.space.w.contains(w) && self.space.b.contains(b)))
                    .then_some(Divergence::LeftSpace { w, b })
            });
        if let Some(d) = problem {
            self.divergence = Some(d.clone());
            return Err(d);
        }
        self.history.push(Saved { w: self.w, b: self.b, opt: std::mem::replace(&mut self.opt, opt) });
        self.w = w;
        self.b = b;
        Ok(())
    }

    /// Undo the last step (or clear a divergence, which moved nothing). Returns false at the start.
    pub fn step_back(&mut self) -> bool {
        if self.divergence.take().is_some() {
            return true;
        }
        match self.history.pop() {
            Some(saved) => {
                self.w = saved.w;
                self.b = saved.b;
                self.opt = saved.opt;
                true
            }
            None => false,
        }
    }

    /// Back to the start, with the optimizer's state as it was at the start.
    pub fn reset(&mut self) {
        self.w = self.start.0;
        self.b = self.start.1;
        self.history.clear();
        self.divergence = None;
        self.opt = self.initial_opt.clone();
    }

    /// Change the learning rate from now on (the history keeps the rates it was made with).
    pub fn set_eta(&mut self, eta: f64) {
        self.opt = Box::new(Sgd { eta });
        self.initial_opt = self.opt.clone();
        self.divergence = None;
    }
}
