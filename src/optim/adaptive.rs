//! Per-parameter step sizes from the gradients' squares: AdaGrad, RMSprop, AdaDelta (as
//! `torch.optim`), RMSpropGraves (Graves 2013) and SMORMS3 (Funk 2015).
//!
//! Every state here starts at 0 (SMORMS3's memory at 1) as the references do; the series'
//! `optimizers.py` starts every state at 1e-8 instead (its `BaseOpt` fills them with ε), which
//! is how it avoids dividing by zero where it has no ε.

use super::{common_methods, debug_without_floats, params_by_field, zero_tail, Optimizer, Probe};

/// Resize-or-keep for states made of equally long vectors: `true` when the state must start over.
fn resized(len: usize, n: usize) -> bool {
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

/// RMSpropGraves' hyperparameters, Graves' values (2013, §4): η = ג = 1e-4, ρ = ℵ = 0.95,
/// μ = ℶ = 0.9, ε = ℸ = 1e-4. The series' `RMSpropGraves` has η = 1e-4 and ρ = 0.95, no μ, no ε.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RmsPropGravesConfig {
    /// The learning rate η (Graves' ג).
    pub eta: f64,
    /// The decay ρ of the running means of g and g² (Graves' ℵ).
    pub rho: f64,
    /// The momentum μ of the move (Graves' ℶ).
    pub mu: f64,
    /// ε inside the root (Graves' ℸ).
    pub eps: f64,
}

impl Default for RmsPropGravesConfig {
    fn default() -> Self {
        RmsPropGravesConfig { eta: 1e-4, rho: 0.95, mu: 0.9, eps: 1e-4 }
    }
}
params_by_field!(RmsPropGravesConfig { eta, rho, mu, eps });

/// RMSpropGraves' state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RmsPropGravesState {
    /// Updates so far.
    pub t: u64,
    /// n, the running mean of g² (eq. 38).
    pub n: Vec<f64>,
    /// ḡ, the running mean of g (eq. 39).
    pub gbar: Vec<f64>,
    /// The previous move Δ (eq. 40).
    pub delta: Vec<f64>,
}

/// Graves' RMSprop with momentum ("Generating sequences with recurrent neural networks", 2013,
/// eq. 38–41): `n ← ρ·n + (1 − ρ)·g²`, `ḡ ← ρ·ḡ + (1 − ρ)·g`,
/// `Δ ← μ·Δ − η·g/√(n − ḡ² + ε)`, `Δp = Δ`.
///
/// `n − ḡ²` (a variance, ≥ 0 in exact arithmetic) is floored at 0 before adding ε, so rounding
/// can never make the root NaN.
/// The series' `RMSpropGraves` drops the momentum term (`Δp = −η·g/√(n − ḡ²)`, no ε in the
/// newest version, `+ ε` in the article's) and starts n, ḡ at 1e-8.
#[derive(Clone, Default, PartialEq)]
pub struct RmsPropGraves {
    /// The hyperparameters.
    pub config: RmsPropGravesConfig,
    /// The running means and the previous move.
    pub state: RmsPropGravesState,
}

impl RmsPropGraves {
    /// RMSpropGraves with `config`.
    pub fn new(config: RmsPropGravesConfig) -> Self {
        RmsPropGraves { config, state: RmsPropGravesState::default() }
    }
}

impl Optimizer for RmsPropGraves {
    fn name(&self) -> &'static str {
        "rmspropgraves"
    }
    /// `n ← ρn + (1 − ρ)g²`, `ḡ ← ρḡ + (1 − ρ)g`, `Δ ← μΔ − η·g/√(max(n − ḡ², 0) + ε)`.
    fn update(&mut self, grad: &[f64], _loss: f64, _probe: &mut dyn Probe, delta: &mut [f64]) {
        let len = grad.len();
        let s = &mut self.state;
        if resized(s.n.len(), len) || resized(s.gbar.len(), len) || resized(s.delta.len(), len) {
            *s = RmsPropGravesState { t: 0, n: vec![0.0; len], gbar: vec![0.0; len], delta: vec![0.0; len] };
        }
        s.t = s.t.saturating_add(1);
        let RmsPropGravesConfig { eta, rho, mu, eps } = self.config;
        let moments = s.n.iter_mut().zip(s.gbar.iter_mut()).zip(s.delta.iter_mut());
        for ((d, g), ((n, gbar), prev)) in delta.iter_mut().zip(grad).zip(moments) {
            *n = rho * *n + (1.0 - rho) * g * g;
            *gbar = rho * *gbar + (1.0 - rho) * g;
            let var = (*n - *gbar * *gbar).max(0.0);
            *prev = mu * *prev - eta * g / (var + eps).sqrt();
            *d = *prev;
        }
        zero_tail(len, delta);
    }
    common_methods!();
}

/// SMORMS3's hyperparameters, Funk's values: η = 1e-3, ε = 1e-16.
/// The series' `SMORMS3` has η = 1e-3 and no ε (the article's version: ε = 1e-8 inside).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Smorms3Config {
    /// The learning rate η (the largest step factor).
    pub eta: f64,
    /// ε, added to v in ζ and to √v in the step.
    pub eps: f64,
}

impl Default for Smorms3Config {
    fn default() -> Self {
        Smorms3Config { eta: 1e-3, eps: 1e-16 }
    }
}
params_by_field!(Smorms3Config { eta, eps });

/// SMORMS3's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Smorms3State {
    /// Updates so far.
    pub t: u64,
    /// s, the memory length (starts at 1).
    pub mem: Vec<f64>,
    /// m, the running mean of g (starts at 0).
    pub m: Vec<f64>,
    /// v, the running mean of g² (starts at 0).
    pub v: Vec<f64>,
}

impl Default for Smorms3State {
    /// Empty: the vectors are sized (s = 1, m = v = 0) at the first update.
    fn default() -> Self {
        Smorms3State { t: 0, mem: Vec::new(), m: Vec::new(), v: Vec::new() }
    }
}

/// SMORMS3 (Simon Funk, "RMSprop loses to SMORMS3 – beware the epsilon!", 2015):
/// `r = 1/(s + 1)`, `m ← (1 − r)·m + r·g`, `v ← (1 − r)·v + r·g²`, `ζ = m²/(v + ε)`,
/// `Δp = −g·min(η, ζ)/(√v + ε)`, `s ← 1 + s·(1 − ζ)`; s starts at 1, m and v at 0.
///
/// With g = 0 throughout, ζ = 0 and Δp = 0 (no NaN: ε in both denominators).
/// The series' `SMORMS3` weights the new gradient by `1 − r` instead of r
/// (`m ← m + (1 − r)(g − m)`), updates s with the previous ζ before computing the new one, has
/// no ε and starts m, v at 1e-8.
#[derive(Clone, Default, PartialEq)]
pub struct Smorms3 {
    /// The hyperparameters.
    pub config: Smorms3Config,
    /// The memory and the running means.
    pub state: Smorms3State,
}

impl Smorms3 {
    /// SMORMS3 with `config`.
    pub fn new(config: Smorms3Config) -> Self {
        Smorms3 { config, state: Smorms3State::default() }
    }
}

impl Optimizer for Smorms3 {
    fn name(&self) -> &'static str {
        "smorms3"
    }
    /// `r = 1/(s + 1)`, `m ← (1 − r)m + rg`, `v ← (1 − r)v + rg²`, `ζ = m²/(v + ε)`,
    /// `Δp = −g·min(η, ζ)/(√v + ε)`, `s ← 1 + s(1 − ζ)`.
    fn update(&mut self, grad: &[f64], _loss: f64, _probe: &mut dyn Probe, delta: &mut [f64]) {
        let n = grad.len();
        let st = &mut self.state;
        if resized(st.mem.len(), n) || resized(st.m.len(), n) || resized(st.v.len(), n) {
            *st = Smorms3State { t: 0, mem: vec![1.0; n], m: vec![0.0; n], v: vec![0.0; n] };
        }
        st.t = st.t.saturating_add(1);
        let Smorms3Config { eta, eps } = self.config;
        let moments = st.mem.iter_mut().zip(st.m.iter_mut()).zip(st.v.iter_mut());
        for ((d, g), ((mem, m), v)) in delta.iter_mut().zip(grad).zip(moments) {
            let r = 1.0 / (*mem + 1.0);
            *m = (1.0 - r) * *m + r * g;
            *v = (1.0 - r) * *v + r * g * g;
            let zeta = *m * *m / (*v + eps);
            *d = -g * eta.min(zeta) / (v.sqrt() + eps);
            *mem = 1.0 + *mem * (1.0 - zeta);
        }
        zero_tail(n, delta);
    }
    common_methods!();
}

debug_without_floats!(AdaGrad, t);

debug_without_floats!(RmsProp, t);

debug_without_floats!(AdaDelta, t);

debug_without_floats!(RmsPropGraves, t);

debug_without_floats!(Smorms3, t);
