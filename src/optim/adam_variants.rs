//! Adam's later variants, as their authors wrote them: Eve (Hayashi, Koushik & Neubig),
//! AdaBound and AMSBound (the authors' `adabound` 0.0.5), AdaBelief (the authors'
//! `adabelief-pytorch` 0.2.1, `rectify=False`, no weight decay).
//!
//! t counts updates from 1; m, v, s, u start at 0. The series' versions start every moment at
//! 1e-8 and mostly have no ε (each type's doc says what else differs).

use super::adam::{correction, AdamState};
use super::{clip, common_methods, debug_without_floats, params_by_field, zero_tail, Optimizer, Probe};

/// Eve's hyperparameters, the paper's values: η = α₁ = 1e-3, β1 = 0.9, β2 = 0.999,
/// β3 = 0.999, c = 10, f* = 0, ε = 1e-8 (the series' `Eve`: the same, `cutoff` for c).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EveConfig {
    /// The learning rate η (the paper's α₁).
    pub eta: f64,
    /// The decay β1 of m.
    pub beta1: f64,
    /// The decay β2 of v.
    pub beta2: f64,
    /// The decay β3 of the feedback d̃.
    pub beta3: f64,
    /// The clipping threshold c ≥ 1: the feedback is clipped to [1/c, c].
    pub c: f64,
    /// f*, the objective's minimum value (0 for a squared error).
    pub f_star: f64,
    /// ε, added to √v̂.
    pub eps: f64,
}

impl Default for EveConfig {
    fn default() -> Self {
        EveConfig { eta: 1e-3, beta1: 0.9, beta2: 0.999, beta3: 0.999, c: 10.0, f_star: 0.0, eps: 1e-8 }
    }
}
params_by_field!(EveConfig { eta, beta1, beta2, beta3, c, f_star, eps });

/// Eve's state.
#[derive(Clone, Debug, PartialEq)]
pub struct EveState {
    /// Updates so far.
    pub t: u64,
    /// m, the running mean of g.
    pub m: Vec<f64>,
    /// v, the running mean of g².
    pub v: Vec<f64>,
    /// d̃, the smoothed relative change of the objective (1 after the first update).
    pub d: f64,
    /// The loss given at the previous update (unused before the second).
    pub f_prev: f64,
}

impl Default for EveState {
    fn default() -> Self {
        EveState { t: 0, m: Vec::new(), v: Vec::new(), d: 1.0, f_prev: 0.0 }
    }
}

/// Eve (Hayashi, Koushik & Neubig, "Eve: a gradient based optimization method with locally and
/// globally adaptive learning rates", arXiv 1611.01505, Algorithm 1): Adam's m̂, v̂, and for
/// t > 1 `dₜ = clip(|fₜ − fₜ₋₁| / (min(fₜ, fₜ₋₁) − f*), 1/c, c)`, `d̃ ← β3·d̃ + (1 − β3)·dₜ`
/// (d̃ = 1 at t = 1); `Δp = −η/d̃ · m̂/(√v̂ + ε)`, with fₜ the `loss` given to `update`.
///
/// Guards: an unchanged loss gives dₜ = 1/c (its 0/0 when the loss sits at f* is taken as no
/// change); a loss at or below f* with a change clips to c or 1/c; a NaN loss gives NaN.
/// The series' `Eve` takes `|fₜ₋₁ − f*|` as the numerator instead of the change `|fₜ − fₜ₋₁|`
/// (its newest version also never updates fₜ₋₁ after the first step), has no ε, and starts m, v
/// at 1e-8.
#[derive(Clone, Default, PartialEq)]
pub struct Eve {
    /// The hyperparameters.
    pub config: EveConfig,
    /// The moments and the feedback.
    pub state: EveState,
}

impl Eve {
    /// Eve with `config`.
    pub fn new(config: EveConfig) -> Self {
        Eve { config, state: EveState::default() }
    }
}

impl Optimizer for Eve {
    fn name(&self) -> &'static str {
        "eve"
    }
    /// Adam's moments, the feedback `d̃` from the losses, `Δp = −η/d̃·m̂/(√v̂ + ε)`.
    fn update(&mut self, grad: &[f64], loss: f64, _probe: &mut dyn Probe, delta: &mut [f64]) {
        let n = grad.len();
        let st = &mut self.state;
        if st.m.len() != n || st.v.len() != n {
            *st = EveState { m: vec![0.0; n], v: vec![0.0; n], ..EveState::default() };
        }
        st.t = st.t.saturating_add(1);
        let EveConfig { eta, beta1, beta2, beta3, c, f_star, eps } = self.config;
        if st.t > 1 {
            let change = (loss - st.f_prev).abs();
            let lower = if loss < st.f_prev { loss } else { st.f_prev };
            let ratio = if change == 0.0 { 0.0 } else { change / (lower - f_star) };
            let d = clip(ratio, 1.0 / c, c);
            st.d = beta3 * st.d + (1.0 - beta3) * d;
        } else {
            st.d = 1.0;
        }
        st.f_prev = loss;
        let bc1 = correction(beta1, st.t);
        let bc2 = correction(beta2, st.t);
        let step = eta / st.d;
        for ((dp, g), (m, v)) in delta.iter_mut().zip(grad).zip(st.m.iter_mut().zip(st.v.iter_mut())) {
            *m = beta1 * *m + (1.0 - beta1) * g;
            *v = beta2 * *v + (1.0 - beta2) * g * g;
            *dp = -step * (*m / bc1) / ((*v / bc2).sqrt() + eps);
        }
        zero_tail(n, delta);
    }
    common_methods!();
}

/// AdaBound's and AMSBound's hyperparameters. Defaults (`adabound` 0.0.5): η = 1e-3,
/// β1 = 0.9, β2 = 0.999, final η = 0.1, γ = 1e-3, ε = 1e-8.
///
/// `final_eta` is absolute: `adabound` rescales its `final_lr` by lr/initial lr when a scheduler
/// changes lr; here `set_eta` leaves `final_eta` as it is.
/// The series' `AdaBound` has α = 1e-3 and final η = 0.1 but no γ (its bounds use 1 − β2).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdaBoundConfig {
    /// The (Adam) learning rate η.
    pub eta: f64,
    /// The decay β1 of m.
    pub beta1: f64,
    /// The decay β2 of v.
    pub beta2: f64,
    /// η_f, the SGD rate both bounds converge to.
    pub final_eta: f64,
    /// γ, the convergence speed of the bounds.
    pub gamma: f64,
    /// ε, added to √v.
    pub eps: f64,
}

impl Default for AdaBoundConfig {
    fn default() -> Self {
        AdaBoundConfig { eta: 1e-3, beta1: 0.9, beta2: 0.999, final_eta: 0.1, gamma: 1e-3, eps: 1e-8 }
    }
}
params_by_field!(AdaBoundConfig { eta, beta1, beta2, final_eta, gamma, eps });

/// AMSBound takes AdaBound's hyperparameters.
pub type AmsBoundConfig = AdaBoundConfig;

/// AdaBound's and AMSBound's state: the same as Adam's ([`AdamState`]).
pub type AdaBoundState = AdamState;

/// AdaBound (Luo et al. 2019), and AMSBound when built with [`AdaBound::amsbound`], as the
/// authors' `adabound` 0.0.5: `m ← β1·m + (1 − β1)·g`, `v ← β2·v + (1 − β2)·g²`
/// (AMSBound: `v̂ = max(v̂, v)`), `lo = η_f·(1 − 1/(γt + 1))`, `hi = η_f·(1 + 1/(γt))`,
/// `Δp = −clip(η·√(1 − β2ᵗ)/(1 − β1ᵗ) / (√v + ε), lo, hi) · m` (m, v uncorrected; the bias
/// corrections sit inside the clip).
///
/// The series' `AdaBound`/`AMSBound` clip `α/√v` without bias corrections or ε, use 1 − β2
/// instead of γ in the bounds, divide the step by √t, and (AMSBound) clip with v instead of
/// its v̂.
#[derive(Clone, Default, PartialEq)]
pub struct AdaBound {
    /// The hyperparameters.
    pub config: AdaBoundConfig,
    /// The moments.
    pub state: AdaBoundState,
    /// AMSBound's maximum of v instead of v.
    amsbound: bool,
}

impl AdaBound {
    /// AdaBound with `config`.
    pub fn new(config: AdaBoundConfig) -> Self {
        AdaBound { config, state: AdamState::default(), amsbound: false }
    }
    /// AMSBound with `config`.
    pub fn amsbound(config: AmsBoundConfig) -> Self {
        AdaBound { config, state: AdamState::default(), amsbound: true }
    }
}

impl Optimizer for AdaBound {
    fn name(&self) -> &'static str {
        if self.amsbound {
            "amsbound"
        } else {
            "adabound"
        }
    }
    /// `Δp = −clip(η√(1 − β2ᵗ)/(1 − β1ᵗ)/(√v̂ + ε), η_f(1 − 1/(γt + 1)), η_f(1 + 1/(γt)))·m`.
    fn update(&mut self, grad: &[f64], _loss: f64, _probe: &mut dyn Probe, delta: &mut [f64]) {
        let st = &mut self.state;
        st.begin(grad.len());
        let AdaBoundConfig { eta, beta1, beta2, final_eta, gamma, eps } = self.config;
        let t = st.t as f64;
        let step_size = eta * correction(beta2, st.t).sqrt() / correction(beta1, st.t);
        let lo = final_eta * (1.0 - 1.0 / (gamma * t + 1.0));
        let hi = final_eta * (1.0 + 1.0 / (gamma * t));
        let moments = st.m.iter_mut().zip(st.v.iter_mut()).zip(st.vmax.iter_mut());
        for ((d, g), ((m, v), vmax)) in delta.iter_mut().zip(grad).zip(moments) {
            *m = beta1 * *m + (1.0 - beta1) * g;
            *v = beta2 * *v + (1.0 - beta2) * g * g;
            let vhat = if self.amsbound {
                *vmax = vmax.max(*v);
                *vmax
            } else {
                *v
            };
            *d = -clip(step_size / (vhat.sqrt() + eps), lo, hi) * *m;
        }
        zero_tail(grad.len(), delta);
    }
    common_methods!();
}

/// AdaBelief's hyperparameters. Defaults (`adabelief-pytorch` 0.2.1): η = 1e-3, β1 = 0.9,
/// β2 = 0.999, ε = 1e-16 (the series' `AdaBelief`: α = 1e-3, the same betas, no ε).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdaBeliefConfig {
    /// The learning rate η.
    pub eta: f64,
    /// The decay β1 of m.
    pub beta1: f64,
    /// The decay β2 of s.
    pub beta2: f64,
    /// ε, added to s at every step (and kept there) and to the corrected √s.
    pub eps: f64,
}

impl Default for AdaBeliefConfig {
    fn default() -> Self {
        AdaBeliefConfig { eta: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-16 }
    }
}
params_by_field!(AdaBeliefConfig { eta, beta1, beta2, eps });

/// AdaBelief's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AdaBeliefState {
    /// Updates so far.
    pub t: u64,
    /// m, the running mean of g.
    pub m: Vec<f64>,
    /// s, the running mean of (g − m)², ε included.
    pub s: Vec<f64>,
}

/// AdaBelief (Zhuang et al. 2020) as the authors' `adabelief-pytorch` 0.2.1 with
/// `rectify=False`, no weight decay: `m ← β1·m + (1 − β1)·g`, `s ← β2·s + (1 − β2)·(g − m)² + ε`
/// (with the new m; ε stored, so it accumulates), `Δp = −η/(1 − β1ᵗ) · m/(√s/√(1 − β2ᵗ) + ε)`.
///
/// With g = 0 throughout, m = 0 and s ≥ ε > 0: Δp = 0, no NaN.
/// The series' `AdaBelief` has no ε anywhere (`Δp = −α√(1 − β2ᵗ)/(1 − β1ᵗ)·m/√s`) and starts
/// m, s at 1e-8.
#[derive(Clone, Default, PartialEq)]
pub struct AdaBelief {
    /// The hyperparameters.
    pub config: AdaBeliefConfig,
    /// The moments.
    pub state: AdaBeliefState,
}

impl AdaBelief {
    /// AdaBelief with `config`.
    pub fn new(config: AdaBeliefConfig) -> Self {
        AdaBelief { config, state: AdaBeliefState::default() }
    }
}

impl Optimizer for AdaBelief {
    fn name(&self) -> &'static str {
        "adabelief"
    }
    /// `m ← β1m + (1 − β1)g`, `s ← β2s + (1 − β2)(g − m)² + ε`,
    /// `Δp = −η/(1 − β1ᵗ)·m/(√s/√(1 − β2ᵗ) + ε)`.
    fn update(&mut self, grad: &[f64], _loss: f64, _probe: &mut dyn Probe, delta: &mut [f64]) {
        let n = grad.len();
        let st = &mut self.state;
        if st.m.len() != n || st.s.len() != n {
            *st = AdaBeliefState { t: 0, m: vec![0.0; n], s: vec![0.0; n] };
        }
        st.t = st.t.saturating_add(1);
        let AdaBeliefConfig { eta, beta1, beta2, eps } = self.config;
        let step_size = eta / correction(beta1, st.t);
        let sqrt_bc2 = correction(beta2, st.t).sqrt();
        for ((d, g), (m, s)) in delta.iter_mut().zip(grad).zip(st.m.iter_mut().zip(st.s.iter_mut())) {
            *m = beta1 * *m + (1.0 - beta1) * g;
            let r = g - *m;
            *s = beta2 * *s + (1.0 - beta2) * r * r;
            *s += eps;
            *d = -step_size * *m / (s.sqrt() / sqrt_bc2 + eps);
        }
        zero_tail(n, delta);
    }
    common_methods!();
}

debug_without_floats!(Eve, t);

debug_without_floats!(AdaBound, t);

debug_without_floats!(AdaBelief, t);
