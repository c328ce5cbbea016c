//! Learning rules. As in the article's `optimizers.py`, an optimizer receives the gradients and
//! returns the move `(Δw, Δb)`; the caller applies `w ← w + Δw`, `b ← b + Δb`.
//!
//! An optimizer owns whatever state it needs (velocity, moments, step count), so optimizers with
//! state fit behind the same trait; it is `Clone` through [`Optimizer::boxed`] so a trainer can
//! save it with each step and undo a step by restoring the saved copy.

/// A learning rule: `update(g_w, g_b) → (Δw, Δb)`.
pub trait Optimizer: std::fmt::Debug {
    /// The move for one step, given the gradients `g_w = ∂L/∂w` and `g_b = ∂L/∂b`.
    fn update(&mut self, grad_w: f64, grad_b: f64) -> (f64, f64);
    /// The learning rate `η`.
    fn eta(&self) -> f64;
    /// Use learning rate `η` from now on, keeping any other state.
    fn set_eta(&mut self, eta: f64);
    /// A copy of this optimizer with its state, to save in a history.
    fn boxed(&self) -> Box<dyn Optimizer>;
}

impl Clone for Box<dyn Optimizer> {
    fn clone(&self) -> Self {
        self.boxed()
    }
}

/// Stochastic gradient descent, the article's `SGD`:
///
/// `g_t = ∇L(w_t, b_t)`, `Δw_t = −η·g_t`, `w_{t+1} = w_t + Δw_t` (the same for `b`).
///
/// It has no state; the default `η = 0.01` is the article's `SGD(eta=1e-2)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sgd {
    /// The learning rate `η`.
    pub eta: f64,
}

impl Default for Sgd {
    fn default() -> Self {
        Sgd { eta: 1e-2 }
    }
}

impl Optimizer for Sgd {
    /// `(Δw, Δb) = (−η·g_w, −η·g_b)`.
    fn update(&mut self, grad_w: f64, grad_b: f64) -> (f64, f64) {
        (-self.eta * grad_w, -self.eta * grad_b)
    }
    fn eta(&self) -> f64 {
        self.eta
    }
    fn set_eta(&mut self, eta: f64) {
        self.eta = eta;
    }
    fn boxed(&self) -> Box<dyn Optimizer> {
        Box::new(*self)
    }
}

/// One SGD step on a pair of parameters: `(w − η·g_w, b − η·g_b)`.
pub fn sgd_step(w: f64, b: f64, grad_w: f64, grad_b: f64, eta: f64) -> (f64, f64) {
    let (dw, db) = Sgd { eta }.update(grad_w, grad_b);
    (w + dw, b + db)
}
