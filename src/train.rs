//! Training the neuron step by step on its loss space, with a history so a step can be undone.
//!
//! One step is the article's `Layer.update`: back propagation gives `(g_w, g_b)`, the optimizer
//! turns them into `(Δw, Δb)`, and the layer applies `w ← w + Δw`, `b ← b + Δb`.

use crate::history::History;
use crate::landscape::LossSpace;
use crate::lang::Lang;
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
    pub fn describe(&self, space: &LossSpace, eta: f64, lang: Lang) -> String {
        match (self, lang) {
            (Divergence::NonFinite { what, value }, Lang::En) => {
                format!("Diverged: {what} became {value}, which is not a finite number. Press Reset.")
            }
            (Divergence::NonFinite { what, value }, Lang::Fr) => {
                format!("Divergence : {what} vaut {value}, qui n'est pas un nombre fini. Appuyez sur Réinitialiser.")
            }
            (Divergence::LeftSpace { w, b }, lang) => {
                let (sw, sb) = (space.w, space.b);
                let (w, b) = (short(*w), short(*b));
                match lang {
                    Lang::En => format!(
                        "Diverged: the step to (w, b) = ({w}, {b}) leaves the loss space shown \
                         (w ∈ [{}, {}], b ∈ [{}, {}]). η = {eta} is too large: the step overshoots. \
                         Press Reset, then lower η or widen the range.",
                        sw.lo, sw.hi, sb.lo, sb.hi
                    ),
                    Lang::Fr => format!(
                        "Divergence : le pas vers (w, b) = ({w}, {b}) sort de l'espace de perte affiché \
                         (w ∈ [{}, {}], b ∈ [{}, {}]). η = {eta} est trop grand : le pas dépasse le creux. \
                         Appuyez sur Réinitialiser, puis baissez η ou élargissez la plage.",
                        sw.lo, sw.hi, sb.lo, sb.hi
                    ),
                }
            }
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

/// A point of the trajectory with the optimizer (and its state) that will leave it.
#[derive(Clone, Debug)]
struct Point {
    w: f64,
    b: f64,
    opt: Box<dyn Optimizer>,
}

/// Old points drawn at most (the last `history::WINDOW` are always drawn).
pub const MAX_OLD_POINTS: usize = 512;

/// A neuron being trained on one sample `(x₀, y*)`, from a start `(w₀, b₀)`.
#[derive(Clone, Debug)]
pub struct Trainer {
    space: LossSpace,
    eta: f64,
    history: History<Point>,
    divergence: Option<Divergence>,
}

/// One step from `p`: `g = ∇L(w, b)`, `(Δw, Δb) = opt.update(g_w, g_b)`, with the pass and move.
fn advance(space: &LossSpace, p: &Point) -> (Point, Pass, f64, f64) {
    let pass = forward_backward(space.x0, p.w, p.b, space.y_star);
    let mut opt = p.opt.clone();
    let (dw, db) = opt.update(pass.grad_w, pass.grad_b);
    (Point { w: p.w + dw, b: p.b + db, opt }, pass, dw, db)
}

impl Trainer {
    /// A trainer at `(w₀, b₀)` with SGD at learning rate `η`.
    pub fn new(space: LossSpace, w0: f64, b0: f64, eta: f64) -> Trainer {
        let start = Point { w: w0, b: b0, opt: Box::new(Sgd { eta }) };
        Trainer { space, eta, history: History::new(start), divergence: None }
    }

    pub fn space(&self) -> &LossSpace {
        &self.space
    }
    pub fn start(&self) -> (f64, f64) {
        let s = self.history.start();
        (s.w, s.b)
    }
    pub fn params(&self) -> (f64, f64) {
        let p = self.history.current();
        (p.w, p.b)
    }
    pub fn step_count(&self) -> usize {
        self.history.step()
    }
    pub fn eta(&self) -> f64 {
        self.eta
    }
    pub fn divergence(&self) -> Option<&Divergence> {
        self.divergence.as_ref()
    }

    /// The points to draw, `(step, (w, b))`, from the start to the current point: every point of
    /// the last `history::WINDOW` steps, and older ones thinned to `MAX_OLD_POINTS`.
    pub fn trail(&self) -> Vec<(usize, (f64, f64))> {
        self.history.trail(MAX_OLD_POINTS).into_iter().map(|(t, p)| (t, (p.w, p.b))).collect()
    }

    /// The points of [`Trainer::trail`] without their steps.
    pub fn trajectory(&self) -> Vec<(f64, f64)> {
        self.trail().into_iter().map(|(_, p)| p).collect()
    }

    /// `(step, L)` at each point of [`Trainer::trail`].
    pub fn losses(&self) -> Vec<(usize, f64)> {
        self.trail().into_iter().map(|(t, (w, b))| (t, self.space.loss(w, b))).collect()
    }

    /// The article's quantities at the current point and the move the next step would make.
    pub fn readout(&self) -> Readout {
        let p = self.history.current();
        let (_, pass, dw, db) = advance(&self.space, p);
        Readout { step: self.step_count(), x: self.space.x0, w: p.w, b: p.b, pass, eta: self.eta, dw, db }
    }

    /// One step: `g = ∇L(w, b)`, `(Δw, Δb) = opt.update(g_w, g_b)`, `w ← w + Δw`, `b ← b + Δb`.
    ///
    /// If a value is not finite or the new point leaves the loss space, nothing moves and the
    /// trainer stays stopped (until [`Trainer::step_back`] or [`Trainer::reset`]).
    pub fn step(&mut self) -> Result<(), Divergence> {
        if let Some(d) = &self.divergence {
            return Err(d.clone());
        }
        let (next, pass, dw, db) = advance(&self.space, self.history.current());
        let checks = [
            ("y", pass.y),
            ("L", pass.loss),
            ("g_w", pass.grad_w),
            ("g_b", pass.grad_b),
            ("Δw", dw),
            ("Δb", db),
            ("w", next.w),
            ("b", next.b),
        ];
        let problem = checks
            .iter()
            .find(|(_, v)| !v.is_finite())
            .map(|&(what, value)| Divergence::NonFinite { what, value })
            .or_else(|| {
                (!(self.space.w.contains(next.w) && self.space.b.contains(next.b)))
                    .then_some(Divergence::LeftSpace { w: next.w, b: next.b })
            });
        if let Some(d) = problem {
            self.divergence = Some(d.clone());
            return Err(d);
        }
        self.history.push(next);
        Ok(())
    }

    /// Undo the last step (or clear a divergence, which moved nothing). Returns false at the
    /// start. The point and the optimizer's state go back; the learning rate stays as set.
    pub fn step_back(&mut self) -> bool {
        if self.divergence.take().is_some() {
            return true;
        }
        let space = self.space;
        let moved = self.history.back(|p| advance(&space, p).0);
        self.keep_eta();
        moved
    }

    /// Back to the start, with the optimizer's state as it was at the start.
    pub fn reset(&mut self) {
        self.history.reset();
        self.divergence = None;
        self.keep_eta();
    }

    /// Change the learning rate from now on (the history keeps the rates it was made with).
    pub fn set_eta(&mut self, eta: f64) {
        self.eta = eta;
        self.divergence = None;
        self.keep_eta();
    }

    /// Make the optimizer of the current point use the trainer's η, remembering the change.
    fn keep_eta(&mut self) {
        let eta = self.eta;
        self.history.amend(|p| {
            p.opt.eta() != eta && {
                p.opt.set_eta(eta);
                true
            }
        });
    }
}

/// The core step loop without history or drawing: `n` SGD steps from `(w, b)` at rate `η`,
/// `w ← w − η·∂L/∂w`, `b ← b − η·∂L/∂b`. Used to measure raw speed, natively and in wasm.
pub fn run_sgd(space: &LossSpace, w: f64, b: f64, eta: f64, n: u64) -> (f64, f64) {
    let mut opt = Sgd { eta };
    let (mut w, mut b) = (w, b);
    for _ in 0..n {
        let pass = forward_backward(space.x0, w, b, space.y_star);
        let (dw, db) = opt.update(pass.grad_w, pass.grad_b);
        w += dw;
        b += db;
    }
    (w, b)
}
