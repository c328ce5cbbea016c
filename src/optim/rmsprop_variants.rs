//! Two later variants of RMSprop's per-parameter step sizes: RMSpropGraves (Graves 2013, with
//! momentum and a centred second moment) and SMORMS3 (Funk 2015, a memory of the gradients'
//! noise).
//!
//! Every state here starts at 0 (SMORMS3's memory at 1) as the references do; the series'
//! `optimizers.py` starts every state at 1e-8 instead (its `BaseOpt` fills them with ε), which
//! is how it avoids dividing by zero where it has no ε.

use super::adaptive::resized;
use super::{common_methods, debug_without_floats, params_by_field, zero_tail, Optimizer, Probe};

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

debug_without_floats!(RmsPropGraves, t);

debug_without_floats!(Smorms3, t);
