//! Santa (Chen, Carlson, Gan, Li & Carin, "Bridging the gap between stochastic gradient MCMC
//! and stochastic optimization", AISTATS 2016): stochastic-gradient thermostat sampling with an
//! RMSprop preconditioner and simulated annealing, which turns into an optimizer as the inverse
//! temperature βₜ grows. Santa-E integrates with the Euler scheme (the paper's Algorithm 1),
//! Santa-SSS with the symmetric splitting scheme (the SSS algorithm of its appendix).
//!
//! The injected noise comes from a seeded [`SplitMix64`] (Box–Muller normals), so a run is
//! reproducible and `reset()` restores the generator with the rest of the state.
//!
//! Common to both (element-wise, f̃ = g the gradient, h = η/βₜ, βₜ = t^anne_rate):
//! `v ← σ·v + (1 − σ)·g²/N²`, `Gₜ = 1/√(λ + √v)` (λ = `eps`);
//! initial state `u₀ = √η·ζ₀`, `α₀ = √η·C`, `v₀ = 0`, drawn at the first update (when the
//! number of parameters is known), ζ standard normal; exploration while `t < burnin`, then
//! refinement (no noise, α frozen).
//!
//! Two guards the paper does not need to state: the term `h·(1 − Gₜ₋₁/Gₜ)/uₜ₋₁` uses Gₜ₋₁ = Gₜ
//! at t = 1 (there is no G₀; the authors' Caffe solver likewise skips the term at t = 1), and is
//! taken as 0 where `uₜ₋₁ = 0` (an exact zero, e.g. after underflow, would give 0/0).
//!
//! Santa is a sampler at heart: while exploring, its noise `√(2h·Gₜ₋₁)·ζ` is large where the
//! gradient is small (Gₜ ≈ 1/√λ = 1e4 at g = 0), and Santa-E's Euler thermostat `(1 − α)·u`
//! amplifies it once α > 2, so exploration on a flat region moves far (finite for the first
//! steps, overflowing after about seven steps of exactly zero gradient with the defaults). The
//! paper's f̃ is the gradient of the whole data set's loss (N times the mean), while here (as in
//! the series) g is the mean loss's gradient, so the noise outweighs the drift: on the article's
//! neuron the series' defaults make moves of order 10 (Santa-E overflows within ~15 steps);
//! η = 1e-3 with λ = `eps` = 0.1 kept every move below 1 (200 steps, 20 seeds).
//!
//! The series' `SantaE`/`SantaSSS` (the article's `optimizers.py`) start v and G at 1e-8
//! (here v₀ = 0 and G₀ := G₁), draw the noise from NumPy's global generator, take β with
//! `anne_func(t, rate) = t^rate`; the article's `SantaE` starts α at η·C instead of √η·C, and
//! the newest `SantaSSS` drops λ (`G = 1/√√v`).

use super::{debug_without_floats, zero_tail, Hyper, Optimizer, Probe};

/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference code): a 64-bit state advanced by
/// 0x9E3779B97F4A7C15 and mixed, with standard normals by Box–Muller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    /// The state (the seed before the first draw).
    pub state: u64,
}

impl SplitMix64 {
    /// The generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }
    /// The next 64 random bits: `s ← s + 0x9E3779B97F4A7C15`, `z = s`,
    /// `z ← (z ⊕ z≫30)·0xBF58476D1CE4E5B9`, `z ← (z ⊕ z≫27)·0x94D049BB133111EB`, `z ⊕ z≫31`
    /// (wrapping arithmetic).
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A uniform number in [0, 1): the top 53 bits times 2^−53.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }
    /// A standard normal number by Box–Muller from two uniforms: `u₁ = 1 − U₁ ∈ (0, 1]`,
    /// `U₂ ∈ [0, 1)`, `ζ = √(−2 ln u₁)·cos(2π·U₂)` (the sine half is not used).
    pub fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.next_f64();
        let u2 = self.next_f64();
        (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }
}

/// Santa's hyperparameters (Santa-E and Santa-SSS), the series' defaults: η = 1e-2 (Santa-E; the
/// series' Santa-SSS uses 0.1, see [`SantaConfig::sss`]), σ = 0.95, anne_rate = 0.5
/// (βₜ = t^0.5), burnin = 100, C = 5, N = 16, λ = `eps` = 1e-8, seed = 0.
#[allow(non_snake_case)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SantaConfig {
    /// The learning rate η.
    pub eta: f64,
    /// σ, the decay of the preconditioner's mean square v.
    pub sigma: f64,
    /// The annealing exponent: the inverse temperature is βₜ = t^anne_rate.
    pub anne_rate: f64,
    /// Explore (noise, thermostat) while t < burnin, then refine.
    pub burnin: f64,
    /// C, the initial thermostat α₀ = √η·C.
    pub C: f64,
    /// N, the data-set size the gradient is scaled by in v (the series: the number of
    /// mini-batches).
    pub N: f64,
    /// λ, the preconditioner's ε: G = 1/√(λ + √v).
    pub eps: f64,
    /// The generator's seed.
    pub seed: u64,
}

impl Default for SantaConfig {
    fn default() -> Self {
        SantaConfig { eta: 1e-2, sigma: 0.95, anne_rate: 0.5, burnin: 100.0, C: 5.0, N: 16.0, eps: 1e-8, seed: 0 }
    }
}

impl SantaConfig {
    /// Santa-SSS's defaults: as [`Default`] with η = 0.1 (the series' `SantaSSS`).
    pub fn sss() -> Self {
        SantaConfig { eta: 0.1, ..SantaConfig::default() }
    }
}

/// Keys and fields in spec order (`C`, `N` upper-case); `seed` is read and written as a number.
impl super::Params for SantaConfig {
    #[cfg(test)]
    const KEYS: &'static [&'static str] = &["eta", "sigma", "anne_rate", "burnin", "C", "N", "eps", "seed"];
    fn values(&self) -> Vec<f64> {
        vec![self.eta, self.sigma, self.anne_rate, self.burnin, self.C, self.N, self.eps, self.seed as f64]
    }
    fn from_values(values: &[f64]) -> Self {
        let mut c = SantaConfig::default();
        let fields = [&mut c.eta, &mut c.sigma, &mut c.anne_rate, &mut c.burnin, &mut c.C, &mut c.N, &mut c.eps];
        for (field, &v) in fields.into_iter().zip(values) {
            *field = v;
        }
        if let Some(&seed) = values.get(7) {
            // In range [0, 2^53] (checked by `build`): the cast drops the fraction only.
            c.seed = seed as u64;
        }
        c
    }
}

/// Santa's state (both schemes).
#[derive(Clone, Debug, PartialEq)]
pub struct SantaState {
    /// Updates so far.
    pub t: u64,
    /// α, the thermostat (per parameter).
    pub alpha: Vec<f64>,
    /// u, the momentum (per parameter; u₀ = √η·ζ₀).
    pub u: Vec<f64>,
    /// v, the mean square of g/N.
    pub v: Vec<f64>,
    /// G of the previous update (the preconditioner).
    pub g: Vec<f64>,
    /// The noise generator.
    pub rng: SplitMix64,
}

impl SantaState {
    /// The state before the first update, the generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        SantaState { t: 0, alpha: Vec::new(), u: Vec::new(), v: Vec::new(), g: Vec::new(), rng: SplitMix64::new(seed) }
    }

    /// Start over when the number of parameters changes; at the first update draw u₀ = √η·ζ₀
    /// (parameter by parameter) and set α₀ = √η·C, v₀ = 0; count the step.
    fn begin(&mut self, n: usize, config: &SantaConfig) {
        let sizes_ok = self.alpha.len() == n && self.u.len() == n && self.v.len() == n && self.g.len() == n;
        if !sizes_ok || self.t == 0 {
            let mut rng = SplitMix64::new(config.seed);
            let root = config.eta.sqrt();
            let u = (0..n).map(|_| root * rng.normal()).collect();
            *self = SantaState { t: 0, alpha: vec![root * config.C; n], u, v: vec![0.0; n], g: vec![0.0; n], rng };
        }
        self.t = self.t.saturating_add(1);
    }
}

/// Per-step quantities shared by the two schemes.
struct Step {
    /// η.
    eta: f64,
    /// h = η/βₜ.
    h: f64,
    /// t < burnin.
    explore: bool,
    /// t = 1 (no previous G).
    first: bool,
}

impl Step {
    fn new(t: u64, c: &SantaConfig) -> Step {
        let tf = t as f64;
        Step { eta: c.eta, h: c.eta / tf.powf(c.anne_rate), explore: tf < c.burnin, first: t == 1 }
    }
}

/// `v ← σv + (1 − σ)g²/N²` and `Gₜ = 1/√(λ + √v)`; returns (Gₜ, Gₜ₋₁) with Gₜ₋₁ = Gₜ at t = 1.
fn precondition(v: &mut f64, g_prev: f64, grad: f64, c: &SantaConfig, first: bool) -> (f64, f64) {
    let n2 = c.N * c.N;
    // N below ~1e-162 squares to 0: then divide g by N first, so a zero gradient adds 0, not 0/0.
    let g2 = if n2 > 0.0 { (1.0 - c.sigma) * grad * grad / n2 } else { (1.0 - c.sigma) * (grad / c.N) * (grad / c.N) };
    *v = c.sigma * *v + g2;
    let gt = 1.0 / (c.eps + v.sqrt()).sqrt();
    (gt, if first { gt } else { g_prev })
}

/// `h·(1 − Gₜ₋₁/Gₜ)/uₜ₋₁`, 0 where uₜ₋₁ = 0.
fn correction(h: f64, g_prev: f64, gt: f64, u_prev: f64) -> f64 {
    if u_prev == 0.0 {
        0.0
    } else {
        h * (1.0 - g_prev / gt) / u_prev
    }
}

/// The methods Santa-E and Santa-SSS share (`reset` restores the seeded generator).
macro_rules! santa_methods {
    () => {
        fn hyper(&self) -> Vec<(&'static str, Hyper<'static>)> {
            super::hyper_of(self.name(), &self.config)
        }
        fn reset(&mut self) {
            self.state = SantaState::new(self.config.seed);
        }
        fn eta(&self) -> f64 {
            self.config.eta
        }
        fn set_eta(&mut self, eta: f64) {
            self.config.eta = eta;
        }
        fn boxed(&self) -> Box<dyn Optimizer> {
            Box::new(self.clone())
        }
    };
}

/// Santa with the Euler scheme (Santa-E), per parameter, g = f̃ₜ the gradient:
/// `v`, `Gₜ` as the module doc; exploring (t < burnin):
/// `α ← α + u² − h`, `u' = h·(1 − Gₜ₋₁/Gₜ)/u + √(2h·Gₜ₋₁)·ζₜ`; refining: `u' = 0`;
/// then `u ← u' + (1 − α)·u − η·Gₜ·g`, `Δp = Gₜ·u`.
///
/// Reference: Chen et al. 2016, Algorithm 1 (Euler). Defaults: [`SantaConfig::default`].
#[derive(Clone, PartialEq)]
pub struct SantaE {
    /// The hyperparameters.
    pub config: SantaConfig,
    /// The thermostat, momentum, preconditioner and generator.
    pub state: SantaState,
}

impl Default for SantaE {
    fn default() -> Self {
        SantaE::new(SantaConfig::default())
    }
}

impl SantaE {
    /// Santa-E with `config`.
    pub fn new(config: SantaConfig) -> Self {
        SantaE { config, state: SantaState::new(config.seed) }
    }
}

impl Optimizer for SantaE {
    fn name(&self) -> &'static str {
        "santae"
    }
    /// One Euler step of Santa (see the type's doc).
    fn update(&mut self, grad: &[f64], _loss: f64, _probe: &mut dyn Probe, delta: &mut [f64]) {
        let n = grad.len();
        let c = self.config;
        let st = &mut self.state;
        st.begin(n, &c);
        let s = Step::new(st.t, &c);
        let rng = &mut st.rng;
        let per = st.alpha.iter_mut().zip(st.u.iter_mut()).zip(st.v.iter_mut().zip(st.g.iter_mut()));
        for ((d, &gr), ((alpha, u), (v, g))) in delta.iter_mut().zip(grad).zip(per) {
            let (gt, gp) = precondition(v, *g, gr, &c, s.first);
            let mut un = if s.explore {
                *alpha += *u * *u - s.h;
                correction(s.h, gp, gt, *u) + (2.0 * s.h * gp).sqrt() * rng.normal()
            } else {
                0.0
            };
            un += (1.0 - *alpha) * *u - s.eta * gt * gr;
            *u = un;
            *g = gt;
            *d = gt * un;
        }
        zero_tail(n, delta);
    }
    santa_methods!();
}

/// Santa with the symmetric splitting scheme (Santa-SSS), per parameter, g = f̃ₜ the gradient
/// (taken at the start of the step, as the paper's algorithm):
/// `v`, `Gₜ` as the module doc; exploring (t < burnin):
/// `α ← α + (u² − h)/2`, `u' = e^(−α/2)·u`, `u' ← u' − η·Gₜ·g + √(2h·Gₜ₋₁)·ζₜ +
/// h·(1 − Gₜ₋₁/Gₜ)/u`, `u' ← e^(−α/2)·u'`, `α ← α + (u'² − h)/2`;
/// refining: `u' = e^(−α/2)·(e^(−α/2)·u − η·Gₜ·g)`; then
/// `Δp = Gₜ·u/2 + Gₜ·u'/2` (the two half steps of θ), `u ← u'`.
///
/// Reference: Chen et al. 2016, appendix algorithm "Santa with SSS". Defaults:
/// [`SantaConfig::sss`] (η = 0.1).
#[derive(Clone, PartialEq)]
pub struct SantaSss {
    /// The hyperparameters.
    pub config: SantaConfig,
    /// The thermostat, momentum, preconditioner and generator.
    pub state: SantaState,
}

impl Default for SantaSss {
    fn default() -> Self {
        SantaSss::new(SantaConfig::sss())
    }
}

impl SantaSss {
    /// Santa-SSS with `config`.
    pub fn new(config: SantaConfig) -> Self {
        SantaSss { config, state: SantaState::new(config.seed) }
    }
}

impl Optimizer for SantaSss {
    fn name(&self) -> &'static str {
        "santasss"
    }
    /// One symmetric-splitting step of Santa (see the type's doc).
    fn update(&mut self, grad: &[f64], _loss: f64, _probe: &mut dyn Probe, delta: &mut [f64]) {
        let n = grad.len();
        let c = self.config;
        let st = &mut self.state;
        st.begin(n, &c);
        let s = Step::new(st.t, &c);
        let rng = &mut st.rng;
        let per = st.alpha.iter_mut().zip(st.u.iter_mut()).zip(st.v.iter_mut().zip(st.g.iter_mut()));
        for ((d, &gr), ((alpha, u), (v, g))) in delta.iter_mut().zip(grad).zip(per) {
            let (gt, gp) = precondition(v, *g, gr, &c, s.first);
            let half = 0.5 * gt * *u;
            let un = if s.explore {
                *alpha += 0.5 * (*u * *u - s.h);
                let decay = (-0.5 * *alpha).exp();
                let mut un = decay * *u;
                un -= s.eta * gt * gr;
                un += (2.0 * s.h * gp).sqrt() * rng.normal();
                un += correction(s.h, gp, gt, *u);
                un *= decay;
                *alpha += 0.5 * (un * un - s.h);
                un
            } else {
                let decay = (-0.5 * *alpha).exp();
                let mut un = decay * *u;
                un -= s.eta * gt * gr;
                un * decay
            };
            *u = un;
            *g = gt;
            *d = half + 0.5 * gt * un;
        }
        zero_tail(n, delta);
    }
    santa_methods!();
}

debug_without_floats!(SantaE, t);

debug_without_floats!(SantaSss, t);
