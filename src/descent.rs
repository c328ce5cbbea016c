//! One gradient descent, whatever it minimises and whatever the learning rule: the article's
//! `Layer.update` generalised. A step draws a mini-batch, computes the loss and the gradient
//! `g = ∇L` there, asks the optimizer for the move `Δp = update(g, L)` and applies
//! `p ← p + Δp`. The neuron's loss space, `y = x²` and the test surfaces all go through here.
//!
//! Each point of the history carries the optimizer with its state and the sampler's state, so
//! Step back restores them exactly and replay from a checkpoint redraws the same batches.

use crate::data::{Draw, Sampler};
use crate::history::History;
use crate::landscape::Interval;
use crate::objective::Objective;
use crate::optim::{Optimizer, Probe};

mod race;
mod trend;
pub use race::Race;
pub use trend::{trend, Evidence, Trend};

/// Old points kept for drawing at most (the last `history::WINDOW` are always there).
pub const MAX_OLD_POINTS: usize = 512;
/// Recent steps the trend looks at.
const TREND_STEPS: usize = 6;

/// A quantity of a step, named when it stops being a finite number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    Loss,
    Gradient,
    Delta,
    Point,
}

/// Why a descent stopped on its own; nothing moves until Step back, Reset or a new η.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Stop<const N: usize> {
    /// A value of the step was NaN or infinite.
    NonFinite { what: Quantity, value: f64 },
    /// The step would leave the window: to `to`.
    LeftWindow { to: [f64; N] },
}

/// One step from a point, in numbers: the batch it sees, the loss and gradient on that batch,
/// the optimizer's move and where it lands.
#[derive(Clone, Debug, PartialEq)]
pub struct Move<const N: usize> {
    /// The sample indices of the mini-batch (every sample for full-batch descent).
    pub batch: Vec<usize>,
    /// The epoch the batch belongs to (0 for the first pass over the data).
    pub epoch: u64,
    /// The mean loss over the batch at the point.
    pub batch_loss: f64,
    /// `g = ∇L_batch(p)`.
    pub grad: [f64; N],
    /// `Δp = update(g, L)`.
    pub delta: [f64; N],
    /// `p + Δp`.
    pub next: [f64; N],
}

/// Every number a panel shows about the current point.
#[derive(Clone, Debug, PartialEq)]
pub struct Readout<const N: usize> {
    /// `t`.
    pub step: usize,
    /// `p_t`.
    pub point: [f64; N],
    /// The loss over the whole objective at `p_t` (every sample).
    pub loss: f64,
    /// The step to come from `p_t` (computed on copies; nothing moves).
    pub next: Move<N>,
    /// The learning rate in effect.
    pub eta: f64,
    pub stop: Option<Stop<N>>,
    pub trend: Trend,
}

/// A point of the trajectory with what the step from it depends on.
#[derive(Clone, Debug)]
struct Point<const N: usize> {
    p: [f64; N],
    /// The loss over the whole objective at `p` (kept, so charts and trends read it).
    loss: f64,
    opt: Box<dyn Optimizer>,
    draw: Draw,
}

/// Gradient descent on `objective` from a start, inside a window, with an optimizer and a way of
/// drawing mini-batches; its history is bounded (see [`History`]).
#[derive(Clone, Debug)]
pub struct Descent<O, const N: usize> {
    objective: O,
    window: [Interval; N],
    sampler: Sampler,
    history: History<Point<N>>,
    stop: Option<Stop<N>>,
    eta: f64,
    /// The lowest and highest loss seen on a coarse grid of the window (for the trend).
    range: (f64, f64),
}

/// The objective at the step's point on the step's batch, for optimizers that look elsewhere.
struct At<'a, O, const N: usize> {
    objective: &'a O,
    p: [f64; N],
    batch: &'a [usize],
}

impl<O: Objective<N>, const N: usize> Probe for At<'_, O, N> {
    fn gradient_at_offset(&mut self, offset: &[f64], grad: &mut [f64]) -> f64 {
        let mut q = self.p;
        for (qi, o) in q.iter_mut().zip(offset) {
            *qi += o;
        }
        let (loss, g) = self.objective.batch_value_and_gradient(q, self.batch);
        for (out, gi) in grad.iter_mut().zip(g) {
            *out = gi;
        }
        loss
    }
}

fn advance<O: Objective<N>, const N: usize>(objective: &O, sampler: &Sampler, pt: &Point<N>) -> (Point<N>, Move<N>) {
    let mut batch = Vec::new();
    let epoch = pt.draw.epoch;
    let draw = sampler.next(&pt.draw, &mut batch);
    let (batch_loss, grad) = objective.batch_value_and_gradient(pt.p, &batch);
    let mut opt = pt.opt.clone();
    let mut delta = [0.0; N];
    opt.update(&grad, batch_loss, &mut At { objective, p: pt.p, batch: &batch }, &mut delta);
    let mut next = pt.p;
    for (n, d) in next.iter_mut().zip(delta) {
        *n += d;
    }
    let loss = objective.value(next);
    (Point { p: next, loss, opt, draw }, Move { batch, epoch, batch_loss, grad, delta, next })
}

impl<O: Objective<N>, const N: usize> Descent<O, N> {
    /// A descent of `objective` from `start` with `optimizer`, batches from `sampler`, stopping
    /// when a step would leave `window`.
    pub fn new(
        objective: O,
        window: [Interval; N],
        start: [f64; N],
        optimizer: Box<dyn Optimizer>,
        sampler: Sampler,
    ) -> Self {
        let eta = optimizer.eta();
        let range = coarse_range(&objective, &window);
        let first = Point { p: start, loss: objective.value(start), opt: optimizer, draw: sampler.start() };
        Descent { objective, window, sampler, history: History::new(first), stop: None, eta, range }
    }

    pub fn objective(&self) -> &O {
        &self.objective
    }
    pub fn window(&self) -> &[Interval; N] {
        &self.window
    }
    pub fn sampler(&self) -> &Sampler {
        &self.sampler
    }
    /// `p₀`.
    pub fn start(&self) -> [f64; N] {
        self.history.start().p
    }
    /// `p_t`.
    pub fn point(&self) -> [f64; N] {
        self.history.current().p
    }
    /// `t`.
    pub fn step_count(&self) -> usize {
        self.history.step()
    }
    pub fn eta(&self) -> f64 {
        self.eta
    }
    pub fn stop(&self) -> Option<&Stop<N>> {
        self.stop.as_ref()
    }
    /// The optimizer as it stands at the current point (its state included).
    pub fn optimizer(&self) -> &dyn Optimizer {
        self.history.current().opt.as_ref()
    }
    /// The epoch and position of the next batch.
    pub fn draw(&self) -> Draw {
        self.history.current().draw
    }

    /// One step: `g = ∇L_batch(p)`, `Δp = update(g, L)`, `p ← p + Δp`. If a value is not finite
    /// or `p + Δp` leaves the window, nothing moves and the descent stays stopped (until
    /// [`Descent::step_back`], [`Descent::reset`] or [`Descent::set_eta`]).
    pub fn step(&mut self) -> Result<(), Stop<N>> {
        if let Some(s) = self.stop {
            return Err(s);
        }
        let (next, m) = advance(&self.objective, &self.sampler, self.history.current());
        let non_finite = [
            (Quantity::Loss, &[m.batch_loss][..]),
            (Quantity::Gradient, &m.grad),
            (Quantity::Delta, &m.delta),
            (Quantity::Point, &m.next),
        ]
        .into_iter()
        .find_map(|(what, vs)| vs.iter().find(|v| !v.is_finite()).map(|&value| Stop::NonFinite { what, value }));
        let outside = !self.window.iter().zip(&m.next).all(|(w, v)| w.contains(*v));
        let stop = non_finite.or(outside.then_some(Stop::LeftWindow { to: m.next }));
        if let Some(s) = stop {
            self.stop = Some(s);
            return Err(s);
        }
        self.history.push(next);
        Ok(())
    }

    /// Undo the last step, or clear a stop (which moved nothing). False at the start. The point,
    /// the optimizer's state and the sampler's state go back; η stays as set.
    pub fn step_back(&mut self) -> bool {
        if self.stop.take().is_some() {
            return true;
        }
        let (objective, sampler) = (&self.objective, &self.sampler);
        let moved = self.history.back(|p| advance(objective, sampler, p).0);
        self.keep_eta();
        moved
    }

    /// Back to the start, with the optimizer's and the sampler's state as they were there.
    pub fn reset(&mut self) {
        self.history.reset();
        self.stop = None;
        self.keep_eta();
    }

    /// Use learning rate `η` from now on (the history keeps the rates it was made with).
    pub fn set_eta(&mut self, eta: f64) {
        self.eta = eta;
        self.stop = None;
        self.keep_eta();
    }

    fn keep_eta(&mut self) {
        let eta = self.eta;
        self.history.amend(|p| {
            p.opt.eta() != eta && {
                p.opt.set_eta(eta);
                true
            }
        });
    }

    /// The step to come from the current point, computed on copies.
    pub fn next_move(&self) -> Move<N> {
        advance(&self.objective, &self.sampler, self.history.current()).1
    }

    /// `(t, p_t)` to draw, from the start to the current point: every point of the last
    /// `history::WINDOW` steps, older ones thinned to [`MAX_OLD_POINTS`].
    pub fn trail(&self) -> Vec<(usize, [f64; N])> {
        self.history.trail(MAX_OLD_POINTS).into_iter().map(|(t, p)| (t, p.p)).collect()
    }

    /// `(t, L(p_t))` over the whole objective at each point of [`Descent::trail`].
    pub fn losses(&self) -> Vec<(usize, f64)> {
        self.history.trail(MAX_OLD_POINTS).into_iter().map(|(t, p)| (t, p.loss)).collect()
    }

    /// Every step from the start to the current one, replayed exactly: `f(t, p_t, move from
    /// p_t)` for `t = 0 … step − 1` (at most `limit` of them, the latest). For export.
    pub fn replay(&self, limit: usize, mut f: impl FnMut(usize, [f64; N], &Move<N>)) {
        let end = self.step_count();
        let first = end.saturating_sub(limit);
        let mut pt = self.history.start().clone();
        for t in 0..end {
            let (next, m) = advance(&self.objective, &self.sampler, &pt);
            if t >= first {
                f(t, pt.p, &m);
            }
            pt = next;
        }
    }

    /// Every number about the current point.
    pub fn readout(&self) -> Readout<N> {
        let point = self.point();
        let next = self.next_move();
        let losses: Vec<f64> = self.history.last(TREND_STEPS + 1).map(|p| p.loss).collect();
        let span = self.window.iter().map(Interval::span).fold(0.0, f64::max);
        let trend = trend(&Evidence {
            losses: &losses,
            grad_zero: next.grad.iter().all(|&g| g == 0.0),
            next_move: distance(&point, &next.next),
            range: self.range,
            span,
            stochastic: !self.sampler.is_full(),
        });
        Readout {
            step: self.step_count(),
            point,
            loss: self.history.current().loss,
            next,
            eta: self.eta,
            stop: self.stop,
            trend,
        }
    }
}

fn distance<const N: usize>(a: &[f64; N], b: &[f64; N]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum::<f64>().sqrt()
}

/// The lowest and highest finite loss on a coarse grid of the window (17 points a side).
fn coarse_range<O: Objective<N>, const N: usize>(objective: &O, window: &[Interval; N]) -> (f64, f64) {
    const K: usize = 17;
    let count = K.pow(N as u32);
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for mut i in 0..count {
        let mut p = [0.0; N];
        for (pi, w) in p.iter_mut().zip(window) {
            *pi = w.sample(i % K, K);
            i /= K;
        }
        let v = objective.value(p);
        if v.is_finite() {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    if lo <= hi {
        (lo, hi)
    } else {
        (0.0, 1.0)
    }
}
