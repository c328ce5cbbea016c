//! Plain and momentum gradient descent: SGD, MSGD (heavy-ball momentum), NAG (Nesterov), as
//! `torch.optim.SGD` with `momentum = μ`, `dampening = 0`, `nesterov = false / true`.

use super::{common_methods, debug_without_floats, params_by_field, zero_tail, Optimizer, Probe};

/// SGD's hyperparameters.
///
/// Default η = 1e-2, the series' (and the article's) `SGD(eta=1e-2)`; `torch.optim.SGD` defaults
/// to 1e-3.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SgdConfig {
    /// The learning rate η.
    pub eta: f64,
}

impl Default for SgdConfig {
    fn default() -> Self {
        SgdConfig { eta: 1e-2 }
    }
}
params_by_field!(SgdConfig { eta });

/// Stochastic gradient descent (the article's rule): `Δp = −η·g`. No state (`state` is `()`).
///
/// Reference: `torch.optim.SGD` (momentum 0); the series' `SGD` is the same.
#[derive(Clone, Default, PartialEq)]
pub struct Sgd {
    /// The hyperparameters.
    pub config: SgdConfig,
    /// No state: SGD remembers nothing between steps.
    pub state: (),
}

impl Sgd {
    /// SGD with `config`.
    pub fn new(config: SgdConfig) -> Self {
        Sgd { config, state: () }
    }
}

impl Optimizer for Sgd {
    fn name(&self) -> &'static str {
        "sgd"
    }
    /// `Δp = −η·g`.
    fn update(&mut self, grad: &[f64], _loss: f64, _probe: &mut dyn Probe, delta: &mut [f64]) {
        let eta = self.config.eta;
        for (d, g) in delta.iter_mut().zip(grad) {
            *d = -eta * g;
        }
        zero_tail(grad.len(), delta);
    }
    common_methods!();
}

/// MSGD's and NAG's hyperparameters.
///
/// Defaults: η = 1e-3 (`torch.optim.SGD`), μ = 0.9 (the series' `MSGD`/`NAG`; torch's momentum
/// default is 0, which would make these SGD). The series uses η = 1e-2.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MsgdConfig {
    /// The learning rate η.
    pub eta: f64,
    /// The momentum μ ∈ [0, 1).
    pub mu: f64,
}

impl Default for MsgdConfig {
    fn default() -> Self {
        MsgdConfig { eta: 1e-3, mu: 0.9 }
    }
}
params_by_field!(MsgdConfig { eta, mu });

/// The momentum buffer of MSGD and NAG.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MsgdState {
    /// Updates so far.
    pub t: u64,
    /// The buffer b (b₀ = 0, so b₁ = g₁ as torch's first step).
    pub buf: Vec<f64>,
}

impl MsgdState {
    /// Start over (as after `reset`) when the number of parameters changes, and count the step.
    fn begin(&mut self, n: usize) {
        if self.buf.len() != n {
            *self = MsgdState { t: 0, buf: vec![0.0; n] };
        }
        self.t = self.t.saturating_add(1);
    }
}

/// Momentum SGD (heavy ball): `b ← μ·b + g` (b₁ = g₁), `Δp = −η·b`.
///
/// Reference: `torch.optim.SGD(momentum=μ, dampening=0, nesterov=False)`.
/// The series' `MSGD` differs: `Δp ← μ·Δp − (1 − μ)·η·g`, i.e. the gradient scaled by `1 − μ`
/// (a move 10× smaller at μ = 0.9), and its previous move starts at 1e-8 instead of 0.
#[derive(Clone, Default, PartialEq)]
pub struct Msgd {
    /// The hyperparameters.
    pub config: MsgdConfig,
    /// The momentum buffer.
    pub state: MsgdState,
}

impl Msgd {
    /// MSGD with `config`.
    pub fn new(config: MsgdConfig) -> Self {
        Msgd { config, state: MsgdState::default() }
    }
}

impl Optimizer for Msgd {
    fn name(&self) -> &'static str {
        "msgd"
    }
    /// `b ← μ·b + g`, `Δp = −η·b`.
    fn update(&mut self, grad: &[f64], _loss: f64, _probe: &mut dyn Probe, delta: &mut [f64]) {
        self.state.begin(grad.len());
        let MsgdConfig { eta, mu } = self.config;
        for ((d, g), b) in delta.iter_mut().zip(grad).zip(self.state.buf.iter_mut()) {
            *b = mu * *b + g;
            *d = -eta * *b;
        }
        zero_tail(grad.len(), delta);
    }
    common_methods!();
}

/// Nesterov's accelerated gradient in torch's form: `b ← μ·b + g` (b₁ = g₁),
/// `Δp = −η·(g + μ·b)`, with g the gradient at the current point (no look-ahead evaluation).
///
/// Reference: `torch.optim.SGD(momentum=μ, dampening=0, nesterov=True)` (Sutskever et al. 2013
/// rewritten at the look-ahead point). Hyperparameters: [`MsgdConfig`].
/// The series' `NAG` differs: it re-evaluates the gradient at the look-ahead point `p + μ·Δp`
/// through the layer, then `Δp ← μ·Δp − (1 − μ)·η·g(p + μ·Δp)` (scaled by `1 − μ`, Δp starts at
/// 1e-8).
#[derive(Clone, Default, PartialEq)]
pub struct Nag {
    /// The hyperparameters.
    pub config: MsgdConfig,
    /// The momentum buffer.
    pub state: MsgdState,
}

impl Nag {
    /// NAG with `config`.
    pub fn new(config: MsgdConfig) -> Self {
        Nag { config, state: MsgdState::default() }
    }
}

impl Optimizer for Nag {
    fn name(&self) -> &'static str {
        "nag"
    }
    /// `b ← μ·b + g`, `Δp = −η·(g + μ·b)`.
    fn update(&mut self, grad: &[f64], _loss: f64, _probe: &mut dyn Probe, delta: &mut [f64]) {
        self.state.begin(grad.len());
        let MsgdConfig { eta, mu } = self.config;
        for ((d, g), b) in delta.iter_mut().zip(grad).zip(self.state.buf.iter_mut()) {
            *b = mu * *b + g;
            *d = -eta * (g + mu * *b);
        }
        zero_tail(grad.len(), delta);
    }
    common_methods!();
}

debug_without_floats!(Sgd);

debug_without_floats!(Msgd, t);

debug_without_floats!(Nag, t);
