//! Per-parameter step sizes from the gradients' squares, as `torch.optim` has them: AdaGrad,
//! RMSprop, AdaDelta (RMSpropGraves and SMORMS3, the later variants, are in `rmsprop_variants.rs`).
//!
//! Every state here starts at 0 (SMORMS3's memory at 1) as the references do; the series'
//! `optimizers.py` starts every state at 1e-8 instead (its `BaseOpt` fills them with ε), which
//! is how it avoids dividing by zero where it has no ε.

use super::{common_methods, debug_without_floats, params_by_field, zero_tail, Optimizer, Probe};

/// Resize-or-keep for states made of equally long vectors: `true` when the state must start over.
pub(super) fn resized(len: usize, n: usize) -> bool {
    len != n
}

/// AdaGrad's hyperparameters. Defaults: η = 1e-3 (the series' `AdaGrad(eta=1e-3)`; torch's is
/// 1e-2), ε = 1e-10 (`torch.optim.Adagrad`; the series has no ε).
/// The series' `AdaGrad` uses η = 1e-3 and no ε.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdaGradConfig {
    /// The learning rate η.
    pub eta: f64,
    /// ε, added to √G (outside the root).
    pub eps: f64,
}

impl Default for AdaGradConfig {
    fn default() -> Self {
        AdaGradConfig { eta: 1e-3, eps: 1e-10 }
    }
}
params_by_field!(AdaGradConfig { eta, eps });

/// AdaGrad's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AdaGradState {
    /// Updates so far.
    pub t: u64,
    /// G = Σ g², the sum of the squared gradients so far.
    pub sum: Vec<f64>,
}

/// AdaGrad (Duchi et al. 2011): `G ← G + g²`, `Δp = −η·g/(√G + ε)`.
///
/// Reference: `torch.optim.Adagrad` (lr_decay 0, initial accumulator 0).
/// The series' `AdaGrad` starts G at 1e-8 and has no ε: `Δp = −η·g/√G`.
#[derive(Clone, Default, PartialEq)]
pub struct AdaGrad {
    /// The hyperparameters.
    pub config: AdaGradConfig,
    /// The accumulated squares.
    pub state: AdaGradState,
}

impl AdaGrad {
    /// AdaGrad with `config`.
    pub fn new(config: AdaGradConfig) -> Self {
        AdaGrad { config, state: AdaGradState::default() }
    }
}

impl Optimizer for AdaGrad {
    fn name(&self) -> &'static str {
        "adagrad"
    }
    /// `G ← G + g²`, `Δp = −η·g/(√G + ε)`.
    fn update(&mut self, grad: &[f64], _loss: f64, _probe: &mut dyn Probe, delta: &mut [f64]) {
        let n = grad.len();
        if resized(self.state.sum.len(), n) {
            self.state = AdaGradState { t: 0, sum: vec![0.0; n] };
        }
        self.state.t = self.state.t.saturating_add(1);
        let AdaGradConfig { eta, eps } = self.config;
        for ((d, g), s) in delta.iter_mut().zip(grad).zip(self.state.sum.iter_mut()) {
            *s += g * g;
            *d = -eta * g / (s.sqrt() + eps);
        }
        zero_tail(n, delta);
    }
    common_methods!();
}

/// RMSprop's hyperparameters. Defaults (`torch.optim.RMSprop`): η = 1e-2, ρ = 0.99 (torch's
/// `alpha`), ε = 1e-8. The series' `RMSprop` has the same η and ρ, no ε.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RmsPropConfig {
    /// The learning rate η.
    pub eta: f64,
    /// The decay ρ of the mean square (torch's `alpha`).
    pub rho: f64,
    /// ε, added to √v (outside the root).
    pub eps: f64,
}

impl Default for RmsPropConfig {
    fn default() -> Self {
        RmsPropConfig { eta: 1e-2, rho: 0.99, eps: 1e-8 }
    }
}
params_by_field!(RmsPropConfig { eta, rho, eps });

/// RMSprop's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RmsPropState {
    /// Updates so far.
    pub t: u64,
    /// v, the running mean of g².
    pub v: Vec<f64>,
}

/// RMSprop (Tieleman & Hinton 2012): `v ← ρ·v + (1 − ρ)·g²`, `Δp = −η·g/(√v + ε)`; no bias
/// correction.
///
/// Reference: `torch.optim.RMSprop` (not centered, no momentum).
/// The series' `RMSprop` starts v at 1e-8 and divides by √v (no ε).
#[derive(Clone, Default, PartialEq)]
pub struct RmsProp {
    /// The hyperparameters.
    pub config: RmsPropConfig,
    /// The mean square.
    pub state: RmsPropState,
}

impl RmsProp {
    /// RMSprop with `config`.
    pub fn new(config: RmsPropConfig) -> Self {
        RmsProp { config, state: RmsPropState::default() }
    }
}

impl Optimizer for RmsProp {
    fn name(&self) -> &'static str {
        "rmsprop"
    }
    /// `v ← ρ·v + (1 − ρ)·g²`, `Δp = −η·g/(√v + ε)`.
    fn update(&mut self, grad: &[f64], _loss: f64, _probe: &mut dyn Probe, delta: &mut [f64]) {
        let n = grad.len();
        if resized(self.state.v.len(), n) {
            self.state = RmsPropState { t: 0, v: vec![0.0; n] };
        }
        self.state.t = self.state.t.saturating_add(1);
        let RmsPropConfig { eta, rho, eps } = self.config;
        for ((d, g), v) in delta.iter_mut().zip(grad).zip(self.state.v.iter_mut()) {
            *v = rho * *v + (1.0 - rho) * g * g;
            *d = -eta * g / (v.sqrt() + eps);
        }
        zero_tail(n, delta);
    }
    common_methods!();
}

/// AdaDelta's hyperparameters. Defaults: η = 1 and ε = 1e-6 (`torch.optim.Adadelta`; the series has
/// neither), ρ = 0.95 (the series' `AdaDelta(rho=0.95)`; torch's is 0.9).
/// The series' `AdaDelta` has no η (η = 1), ρ = 0.95 and no ε.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdaDeltaConfig {
    /// The learning rate η (torch's `lr`; Zeiler's method has none, i.e. η = 1).
    pub eta: f64,
    /// The decay ρ of both running means.
    pub rho: f64,
    /// ε, inside both roots.
    pub eps: f64,
}

impl Default for AdaDeltaConfig {
    fn default() -> Self {
        AdaDeltaConfig { eta: 1.0, rho: 0.95, eps: 1e-6 }
    }
}
params_by_field!(AdaDeltaConfig { eta, rho, eps });

/// AdaDelta's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AdaDeltaState {
    /// Updates so far.
    pub t: u64,
    /// v, the running mean of g².
    pub v: Vec<f64>,
    /// u, the running mean of the squared steps d².
    pub u: Vec<f64>,
}

/// AdaDelta (Zeiler 2012): `v ← ρ·v + (1 − ρ)·g²`, `d = √(u + ε)/√(v + ε)·g`,
/// `u ← ρ·u + (1 − ρ)·d²` (d before η), `Δp = −η·d`.
///
/// Reference: `torch.optim.Adadelta`. With g = 0, d = 0: no NaN (ε inside both roots).
/// The series' `AdaDelta` starts u and v at 1e-8 and has no ε (`d = √u/√v·g`) and no η.
#[derive(Clone, Default, PartialEq)]
pub struct AdaDelta {
    /// The hyperparameters.
    pub config: AdaDeltaConfig,
    /// The two running means.
    pub state: AdaDeltaState,
}

impl AdaDelta {
    /// AdaDelta with `config`.
    pub fn new(config: AdaDeltaConfig) -> Self {
        AdaDelta { config, state: AdaDeltaState::default() }
    }
}

impl Optimizer for AdaDelta {
    fn name(&self) -> &'static str {
        "adadelta"
    }
    /// `v ← ρv + (1 − ρ)g²`, `d = √(u + ε)/√(v + ε)·g`, `u ← ρu + (1 − ρ)d²`, `Δp = −η·d`.
    fn update(&mut self, grad: &[f64], _loss: f64, _probe: &mut dyn Probe, delta: &mut [f64]) {
        let n = grad.len();
        if resized(self.state.v.len(), n) || resized(self.state.u.len(), n) {
            self.state = AdaDeltaState { t: 0, v: vec![0.0; n], u: vec![0.0; n] };
        }
        self.state.t = self.state.t.saturating_add(1);
        let AdaDeltaConfig { eta, rho, eps } = self.config;
        let moments = self.state.v.iter_mut().zip(self.state.u.iter_mut());
        for ((d, g), (v, u)) in delta.iter_mut().zip(grad).zip(moments) {
            *v = rho * *v + (1.0 - rho) * g * g;
            let step = (*u + eps).sqrt() / (*v + eps).sqrt() * g;
            *u = rho * *u + (1.0 - rho) * step * step;
            *d = -eta * step;
        }
        zero_tail(n, delta);
    }
    common_methods!();
}

debug_without_floats!(AdaGrad, t);

debug_without_floats!(RmsProp, t);

debug_without_floats!(AdaDelta, t);
