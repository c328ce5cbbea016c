//! The Adam family as `torch.optim` has it: Adam and AMSGrad, AdaMax, Nadam. Its later variants,
//! from their authors, are in `adam_variants.rs`.
//!
//! t counts updates from 1; m, v, s, u start at 0. The series' versions start every moment at
//! 1e-8 and mostly have no ε (each type's doc says what else differs).

use super::{common_methods, debug_without_floats, params_by_field, zero_tail, Optimizer, Probe};

/// `1 − βᵗ`, the bias correction after t updates.
pub(super) fn correction(beta: f64, t: u64) -> f64 {
    1.0 - beta.powf(t as f64)
}

/// Adam's and AMSGrad's hyperparameters. Defaults (`torch.optim.Adam`): η = 1e-3, β1 = 0.9,
/// β2 = 0.999, ε = 1e-8 (the series' `Adam`/`AMSGrad`: α = 1e-3, the same betas, no ε).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdamConfig {
    /// The learning rate η (Kingma & Ba's α).
    pub eta: f64,
    /// The decay β1 of the first moment m.
    pub beta1: f64,
    /// The decay β2 of the second moment v.
    pub beta2: f64,
    /// ε, added after the bias correction of √v.
    pub eps: f64,
}

impl Default for AdamConfig {
    fn default() -> Self {
        AdamConfig { eta: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 }
    }
}
params_by_field!(AdamConfig { eta, beta1, beta2, eps });

/// AMSGrad takes Adam's hyperparameters.
pub type AmsGradConfig = AdamConfig;

/// Adam's and AMSGrad's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AdamState {
    /// Updates so far.
    pub t: u64,
    /// m, the running mean of g.
    pub m: Vec<f64>,
    /// v, the running mean of g².
    pub v: Vec<f64>,
    /// v_max = max over steps of v (AMSGrad only; stays 0 for Adam).
    pub vmax: Vec<f64>,
}

impl AdamState {
    /// Start over (as after `reset`) when the number of parameters changes, and count the step.
    pub(super) fn begin(&mut self, n: usize) {
        if self.m.len() != n || self.v.len() != n || self.vmax.len() != n {
            *self = AdamState { t: 0, m: vec![0.0; n], v: vec![0.0; n], vmax: vec![0.0; n] };
        }
        self.t = self.t.saturating_add(1);
    }
}

/// Adam (Kingma & Ba 2015), and AMSGrad (Reddi et al. 2018) when built with [`Adam::amsgrad`]:
/// `m ← β1·m + (1 − β1)·g`, `v ← β2·v + (1 − β2)·g²`,
/// `Δp = −η/(1 − β1ᵗ) · m/(√v̂/√(1 − β2ᵗ) + ε)` with v̂ = v (Adam) or
/// v̂ = v_max = max(v_max, v) on the raw v (AMSGrad).
///
/// Reference: `torch.optim.Adam` (`amsgrad=False/True`).
/// The series' `Adam` divides by √v with no ε (m, v start at 1e-8); its `AMSGrad` has no bias
/// correction at all (`Δp = −α·m/√v_max`) and no ε.
#[derive(Clone, Default, PartialEq)]
pub struct Adam {
    /// The hyperparameters.
    pub config: AdamConfig,
    /// The moments.
    pub state: AdamState,
    /// AMSGrad's maximum of v instead of v.
    amsgrad: bool,
}

impl Adam {
    /// Adam with `config`.
    pub fn new(config: AdamConfig) -> Self {
        Adam { config, state: AdamState::default(), amsgrad: false }
    }
    /// AMSGrad with `config`.
    pub fn amsgrad(config: AmsGradConfig) -> Self {
        Adam { config, state: AdamState::default(), amsgrad: true }
    }
}

impl Optimizer for Adam {
    fn name(&self) -> &'static str {
        if self.amsgrad {
            "amsgrad"
        } else {
            "adam"
        }
    }
    /// `m ← β1m + (1 − β1)g`, `v ← β2v + (1 − β2)g²`, (AMSGrad: `v_max ← max(v_max, v)`),
    /// `Δp = −η/(1 − β1ᵗ)·m/(√v̂/√(1 − β2ᵗ) + ε)`.
    fn update(&mut self, grad: &[f64], _loss: f64, _probe: &mut dyn Probe, delta: &mut [f64]) {
        let st = &mut self.state;
        st.begin(grad.len());
        let AdamConfig { eta, beta1, beta2, eps } = self.config;
        let step_size = eta / correction(beta1, st.t);
        let sqrt_bc2 = correction(beta2, st.t).sqrt();
        let moments = st.m.iter_mut().zip(st.v.iter_mut()).zip(st.vmax.iter_mut());
        for ((d, g), ((m, v), vmax)) in delta.iter_mut().zip(grad).zip(moments) {
            *m = beta1 * *m + (1.0 - beta1) * g;
            *v = beta2 * *v + (1.0 - beta2) * g * g;
            let vhat = if self.amsgrad {
                *vmax = vmax.max(*v);
                *vmax
            } else {
                *v
            };
            *d = -step_size * *m / (vhat.sqrt() / sqrt_bc2 + eps);
        }
        zero_tail(grad.len(), delta);
    }
    common_methods!();
}

/// AdaMax's and Nadam's hyperparameters. Defaults (`torch.optim.Adamax`, `torch.optim.NAdam`):
/// η = 2e-3, β1 = 0.9, β2 = 0.999, ε = 1e-8. The series' `AdaMax` has α = 2e-3 and the same
/// betas; its `Nadam` has α = 2e-3, μ = 0.975 (β1), ν = 0.999 (β2).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdaMaxConfig {
    /// The learning rate η.
    pub eta: f64,
    /// The decay β1 of the first moment m.
    pub beta1: f64,
    /// The decay β2 (AdaMax: of the infinity norm u; Nadam: of v).
    pub beta2: f64,
    /// ε (AdaMax: inside the max, `|g| + ε`; Nadam: added to √v̂).
    pub eps: f64,
}

impl Default for AdaMaxConfig {
    fn default() -> Self {
        AdaMaxConfig { eta: 2e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 }
    }
}
params_by_field!(AdaMaxConfig { eta, beta1, beta2, eps });

/// AdaMax's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AdaMaxState {
    /// Updates so far.
    pub t: u64,
    /// m, the running mean of g.
    pub m: Vec<f64>,
    /// u, the decayed infinity norm of the gradients.
    pub u: Vec<f64>,
}

/// AdaMax (Kingma & Ba 2015, §7.1): `m ← β1·m + (1 − β1)·g`, `u ← max(β2·u, |g| + ε)`,
/// `Δp = −η/(1 − β1ᵗ) · m/u`.
///
/// Reference: `torch.optim.Adamax` (ε inside the max, so u > 0 and g = 0 gives Δp = 0).
/// The series' `AdaMax` takes `u ← max(β2·u, |g|)` with no ε (u starts at 1e-8).
#[derive(Clone, Default, PartialEq)]
pub struct AdaMax {
    /// The hyperparameters.
    pub config: AdaMaxConfig,
    /// The moments.
    pub state: AdaMaxState,
}

impl AdaMax {
    /// AdaMax with `config`.
    pub fn new(config: AdaMaxConfig) -> Self {
        AdaMax { config, state: AdaMaxState::default() }
    }
}

impl Optimizer for AdaMax {
    fn name(&self) -> &'static str {
        "adamax"
    }
    /// `m ← β1m + (1 − β1)g`, `u ← max(β2u, |g| + ε)`, `Δp = −η/(1 − β1ᵗ)·m/u`.
    fn update(&mut self, grad: &[f64], _loss: f64, _probe: &mut dyn Probe, delta: &mut [f64]) {
        let n = grad.len();
        let st = &mut self.state;
        if st.m.len() != n || st.u.len() != n {
            *st = AdaMaxState { t: 0, m: vec![0.0; n], u: vec![0.0; n] };
        }
        st.t = st.t.saturating_add(1);
        let AdaMaxConfig { eta, beta1, beta2, eps } = self.config;
        let clr = eta / correction(beta1, st.t);
        for ((d, g), (m, u)) in delta.iter_mut().zip(grad).zip(st.m.iter_mut().zip(st.u.iter_mut())) {
            *m = beta1 * *m + (1.0 - beta1) * g;
            *u = (beta2 * *u).max(g.abs() + eps);
            *d = -clr * *m / *u;
        }
        zero_tail(n, delta);
    }
    common_methods!();
}

/// Nadam takes AdaMax's hyperparameters (the same keys and torch defaults).
pub type NadamConfig = AdaMaxConfig;

/// Nadam's momentum-decay constant ψ (torch's `momentum_decay`, Dozat's schedule).
const PSI: f64 = 0.004;

/// Nadam's state.
#[derive(Clone, Debug, PartialEq)]
pub struct NadamState {
    /// Updates so far.
    pub t: u64,
    /// The product P = μ₁·…·μₜ of the momentum schedule (1 before the first update).
    pub mu_product: f64,
    /// m, the running mean of g.
    pub m: Vec<f64>,
    /// v, the running mean of g².
    pub v: Vec<f64>,
}

impl Default for NadamState {
    fn default() -> Self {
        NadamState { t: 0, mu_product: 1.0, m: Vec::new(), v: Vec::new() }
    }
}

/// Nadam (Dozat 2016) as `torch.optim.NAdam` with momentum decay ψ = 0.004:
/// `μₜ = β1·(1 − ½·0.96^(ψt))`, `Pₜ = Pₜ₋₁·μₜ`, `m ← β1·m + (1 − β1)·g`,
/// `v ← β2·v + (1 − β2)·g²`, `d = √(v/(1 − β2ᵗ)) + ε`,
/// `Δp = −η(1 − μₜ)/(1 − Pₜ) · g/d − η·μₜ₊₁/(1 − Pₜ·μₜ₊₁) · m/d`.
///
/// Reference: `torch.optim.NAdam` (no decoupled weight decay).
/// The series' `Nadam` has a constant μ (no ψ schedule), an extra factor ν in
/// `v̂ = ν·v/(1 − νᵗ)`, no ε, and m, v starting at 1e-8.
#[derive(Clone, Default, PartialEq)]
pub struct Nadam {
    /// The hyperparameters.
    pub config: NadamConfig,
    /// The moments and the momentum product.
    pub state: NadamState,
}

impl Nadam {
    /// Nadam with `config`.
    pub fn new(config: NadamConfig) -> Self {
        Nadam { config, state: NadamState::default() }
    }
}

impl Optimizer for Nadam {
    fn name(&self) -> &'static str {
        "nadam"
    }
    /// `μₜ = β1(1 − ½·0.96^(ψt))`, `Pₜ = Pₜ₋₁μₜ`, m and v as Adam,
    /// `Δp = −η(1 − μₜ)/(1 − Pₜ)·g/d − ημₜ₊₁/(1 − Pₜμₜ₊₁)·m/d`, `d = √(v/(1 − β2ᵗ)) + ε`.
    fn update(&mut self, grad: &[f64], _loss: f64, _probe: &mut dyn Probe, delta: &mut [f64]) {
        let n = grad.len();
        let st = &mut self.state;
        if st.m.len() != n || st.v.len() != n {
            *st = NadamState { t: 0, mu_product: 1.0, m: vec![0.0; n], v: vec![0.0; n] };
        }
        st.t = st.t.saturating_add(1);
        let AdaMaxConfig { eta, beta1, beta2, eps } = self.config;
        let t = st.t as f64;
        let mu = beta1 * (1.0 - 0.5 * 0.96f64.powf(t * PSI));
        let mu_next = beta1 * (1.0 - 0.5 * 0.96f64.powf((t + 1.0) * PSI));
        st.mu_product *= mu;
        let bc2 = correction(beta2, st.t);
        let coef_g = -eta * (1.0 - mu) / (1.0 - st.mu_product);
        let coef_m = -eta * mu_next / (1.0 - st.mu_product * mu_next);
        for ((d, g), (m, v)) in delta.iter_mut().zip(grad).zip(st.m.iter_mut().zip(st.v.iter_mut())) {
            *m = beta1 * *m + (1.0 - beta1) * g;
            *v = beta2 * *v + (1.0 - beta2) * g * g;
            let denom = (*v / bc2).sqrt() + eps;
            *d = coef_g * g / denom + coef_m * *m / denom;
        }
        zero_tail(n, delta);
    }
    common_methods!();
}

debug_without_floats!(Adam, t);

debug_without_floats!(AdaMax, t);

debug_without_floats!(Nadam, t);
