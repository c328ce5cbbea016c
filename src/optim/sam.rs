//! SAM, sharpness-aware minimization (Foret, Kleiner, Mobahi & Neyshabur, "Sharpness-aware
//! minimization for efficiently improving generalization", ICLR 2021), around any base
//! optimizer.

use super::{build, canonical, checked, find_spec, params_by_field, spec, Hyper, OptimError, Optimizer, Probe, Sgd};

/// SAM's own hyperparameter: the radius ρ = 0.05 (the paper's and the series' default).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SamConfig {
    /// The radius ρ of the neighbourhood in which SAM looks for the worst loss.
    pub rho: f64,
}

impl Default for SamConfig {
    fn default() -> Self {
        SamConfig { rho: 0.05 }
    }
}
params_by_field!(SamConfig { rho });

/// SAM around a base optimizer: `ε̂ = ρ·g/‖g‖₂` with the norm over all the parameters,
/// `g' = ∇L(p + ε̂)` (from `probe.gradient_at_offset`), and the base's update with g' (and the
/// loss L(p + ε̂) there, which only Eve reads). When ‖g‖ = 0, ε̂ = 0: the probe is not called
/// and the base gets g and the loss as given (no 0/0). The state is the base's.
///
/// ‖g‖₂ is computed scaled by max|gᵢ|, so gradients near ±1e308 do not overflow it; a NaN or
/// infinite gradient gives a NaN ε̂ (passed to the probe, no panic).
/// Reference: Foret et al. 2021, Algorithm 1 (p = 2). Default base: SGD.
/// The series' `SAM` takes the norm per layer (each layer's own gradient), uses the general
/// `ε̂ = ρ·sign(g)|g|^(q−1)/‖g‖_q^(q−1)` (q = 2 by default, the same), defaults to Adam as base,
/// and re-evaluates the gradient through the layer's forward and backward passes.
#[derive(Clone)]
pub struct Sam {
    /// The radius ρ.
    pub config: SamConfig,
    /// The base optimizer, whose update gets the gradient at p + ε̂.
    pub base: Box<dyn Optimizer>,
    /// Scratch: ε̂.
    offset: Vec<f64>,
    /// Scratch: g' = ∇L(p + ε̂).
    grad_at: Vec<f64>,
}

impl Default for Sam {
    /// ρ = 0.05 around SGD with its defaults.
    fn default() -> Self {
        Sam::new(SamConfig::default(), Box::new(Sgd::default()))
    }
}

impl Sam {
    /// SAM with radius `config.rho` around `base` (`build` refuses SAM itself as a base; a SAM
    /// built here around another SAM would nest the ascent steps).
    pub fn new(config: SamConfig, base: Box<dyn Optimizer>) -> Self {
        Sam { config, base, offset: Vec::new(), grad_at: Vec::new() }
    }
}

/// ‖g‖₂ = s·√(Σ (gᵢ/s)²) with s = max|gᵢ| (0 for an all-zero or empty gradient).
fn l2_norm(grad: &[f64]) -> f64 {
    let scale = grad.iter().fold(0.0f64, |acc, g| acc.max(g.abs()));
    if scale == 0.0 {
        return 0.0;
    }
    let sum: f64 = grad.iter().map(|g| (g / scale) * (g / scale)).sum();
    scale * sum.sqrt()
}

/// The key SAM uses for a base's key: the base's own `rho` is `base_rho`.
fn sam_key(key: &'static str) -> &'static str {
    if key == "rho" {
        "base_rho"
    } else {
        key
    }
}

impl Optimizer for Sam {
    fn name(&self) -> &'static str {
        "sam"
    }
    /// `base`, `rho`, then the base's hyperparameters (its `rho` as `base_rho`).
    fn hyper(&self) -> Vec<(&'static str, Hyper<'static>)> {
        let mut h = vec![("base", Hyper::Name(self.base.name())), ("rho", Hyper::Num(self.config.rho))];
        h.extend(self.base.hyper().into_iter().map(|(k, v)| (sam_key(k), v)));
        h
    }
    /// `ε̂ = ρ·g/‖g‖₂` (0 when ‖g‖ = 0), `g' = ∇L(p + ε̂)`, then the base's update with g'.
    fn update(&mut self, grad: &[f64], loss: f64, probe: &mut dyn Probe, delta: &mut [f64]) {
        let norm = l2_norm(grad);
        if norm == 0.0 {
            self.base.update(grad, loss, probe, delta);
            return;
        }
        let n = grad.len();
        self.offset.clear();
        self.offset.extend(grad.iter().map(|g| self.config.rho * g / norm));
        self.grad_at.clear();
        self.grad_at.resize(n, 0.0);
        let loss_at = probe.gradient_at_offset(&self.offset, &mut self.grad_at);
        self.base.update(&self.grad_at, loss_at, probe, delta);
    }
    fn reset(&mut self) {
        self.base.reset();
    }
    fn eta(&self) -> f64 {
        self.base.eta()
    }
    fn set_eta(&mut self, eta: f64) {
        self.base.set_eta(eta);
    }
    fn needs_probe(&self) -> bool {
        true
    }
    fn boxed(&self) -> Box<dyn Optimizer> {
        Box::new(self.clone())
    }
}

/// `build("sam", params)`: `base` (a name, default "sgd"; unknown or "sam" → `BadBase`), `rho`
/// (SAM's radius), the base's keys (its `rho` as `base_rho`); every error names optimizer "sam"
/// and SAM's key.
pub(super) fn build_sam(params: &[(&str, Hyper<'_>)]) -> Result<Box<dyn Optimizer>, OptimError> {
    let mut base_given = "sgd";
    for (key, value) in params {
        if *key == "base" {
            match value {
                Hyper::Name(name) => base_given = name,
                Hyper::Num(_) => return Err(OptimError::WrongKind { optimizer: "sam", key: "base" }),
            }
        }
    }
    let base = match canonical(base_given) {
        Some(b) if b != "sam" => b,
        _ => return Err(OptimError::BadBase { given: base_given.to_string() }),
    };
    let base_specs = spec(base);
    let mut config = SamConfig::default();
    let mut base_params: Vec<(&str, Hyper<'_>)> = Vec::new();
    for (key, value) in params {
        match *key {
            "base" => {}
            "rho" => config.rho = checked("sam", find_spec("sam", spec("sam"), "rho")?, "rho", value)?,
            other => match base_specs.iter().find(|s| sam_key(s.key) == other) {
                Some(s) => base_params.push((s.key, Hyper::Num(checked("sam", s, sam_key(s.key), value)?))),
                None => {
                    let mut valid = vec!["base", "rho"];
                    valid.extend(base_specs.iter().map(|s| sam_key(s.key)));
                    return Err(OptimError::UnknownParam { optimizer: "sam", key: other.to_string(), valid });
                }
            },
        }
    }
    Ok(Box::new(Sam::new(config, build(base, &base_params)?)))
}

/// `Debug` without floats (see `debug_without_floats!`): the base only.
impl std::fmt::Debug for Sam {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sam").field("base", &self.base).finish_non_exhaustive()
    }
}
