//! The scalar neuron y = act(x·w + b) with any activation and loss: one forward pass and its
//! back propagation, and the mean over samples.

use crate::activation::Activation;
use crate::loss::Loss;

/// Everything one forward and backward pass through the neuron computes, for one sample (x, t).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pass {
    /// Pre-activation z = x·w + b.
    pub z: f64,
    /// Output y = act(z).
    pub y: f64,
    /// Loss L = loss(y, t).
    pub loss: f64,
    /// ∂L/∂y = loss′(y, t).
    pub dl_dy: f64,
    /// dy/dz = act′(z) (at a kink, the activation's documented one-sided value).
    pub dy_dz: f64,
    /// δ = ∂L/∂z = ∂L/∂y · dy/dz, evaluated by [`Activation::backward`]: for sigmoid as
    /// `(dl_dy * y) * (1.0 - y)` (the article's order, so sigmoid + square gives exactly the
    /// article's `((y - t) * y) * (1.0 - y)`; this can differ from `dl_dy * dy_dz` in the last
    /// bit), for every other activation as `dl_dy * dy_dz`.
    pub delta: f64,
    /// ∂L/∂w = δ·x, computed as `delta * x`.
    pub grad_w: f64,
    /// ∂L/∂b = δ.
    pub grad_b: f64,
}

/// One forward and backward pass: z = x·w + b (computed as `x * w + b`, no fused multiply-add),
/// y = act(z), L = loss(y, t), δ = ∂L/∂z = loss′(y, t)·act′(z), ∂L/∂w = δ·x, ∂L/∂b = δ (back
/// propagation). NaN or ±∞ inputs propagate as the formulas give; no panic.
pub fn forward_backward(x: f64, w: f64, b: f64, t: f64, act: Activation, loss: Loss) -> Pass {
    let z = x * w + b;
    let y = act.forward(z);
    let dl_dy = loss.derivative(y, t);
    let delta = act.backward(z, dl_dy);
    Pass { z, y, loss: loss.value(y, t), dl_dy, dy_dz: act.derivative(z), delta, grad_w: delta * x, grad_b: delta }
}

/// Adds the items in order, starting from the first item itself (not from 0.0, so a single item
/// keeps its bits, −0.0 included); `None` for no items.
pub(crate) fn sum_in_order(items: impl Iterator<Item = f64>) -> Option<f64> {
    items.fold(None, |acc, v| Some(acc.map_or(v, |a| a + v)))
}

/// The mean over samples (`xs[k]`, `ts[k]`) of the loss and of the gradient:
/// (mean L, mean ∂L/∂w, mean ∂L/∂b), each as the sum of the per-sample [`forward_backward`]
/// values in index order divided by N. If the slices differ in length only the first
/// N = min(xs.len(), ts.len()) pairs are used; N = 0 gives (0.0, 0.0, 0.0) (no data: no loss, no
/// gradient).
pub fn mean_forward_backward(xs: &[f64], ts: &[f64], w: f64, b: f64, act: Activation, loss: Loss) -> (f64, f64, f64) {
    let n = xs.len().min(ts.len());
    if n == 0 {
        return (0.0, 0.0, 0.0);
    }
    let mut sums: Option<(f64, f64, f64)> = None;
    for (&x, &t) in xs.iter().zip(ts) {
        let p = forward_backward(x, w, b, t, act, loss);
        sums = Some(match sums {
            None => (p.loss, p.grad_w, p.grad_b),
            Some((l, gw, gb)) => (l + p.loss, gw + p.grad_w, gb + p.grad_b),
        });
    }
    let (l, gw, gb) = sums.unwrap_or((0.0, 0.0, 0.0));
    let nf = n as f64;
    (l / nf, gw / nf, gb / nf)
}
