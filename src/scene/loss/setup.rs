//! The loss-space panel's settings: what a page may pass ([`LossConfig`]), checked and built
//! into the problem, its window, the start and the batches ([`LossSetup`]).

use crate::activation::{Activation, ACTIVATIONS};
use crate::data::{Dataset, Order, Sampler};
use crate::landscape::{Interval, NeuronLoss};
use crate::loss::{compatible, Loss, LOSSES};
use crate::objective::Objective;
use crate::scene::{build_runs, number, RunSpec, SetupError};
use crate::surface::{Surface, SURFACES};

/// What is minimised: the neuron's loss, or a test surface.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Neuron(NeuronLoss),
    Surface(Surface),
}

impl Objective<2> for Problem {
    fn value(&self, p: [f64; 2]) -> f64 {
        match self {
            Problem::Neuron(n) => n.value(p),
            Problem::Surface(s) => s.value(p),
        }
    }
    fn gradient(&self, p: [f64; 2]) -> [f64; 2] {
        match self {
            Problem::Neuron(n) => n.gradient(p),
            Problem::Surface(s) => s.gradient(p),
        }
    }
    fn value_and_gradient(&self, p: [f64; 2]) -> (f64, [f64; 2]) {
        match self {
            Problem::Neuron(n) => n.value_and_gradient(p),
            Problem::Surface(s) => s.value_and_gradient(p),
        }
    }
    fn samples(&self) -> usize {
        match self {
            Problem::Neuron(n) => n.samples(),
            Problem::Surface(_) => 1,
        }
    }
    fn batch_value_and_gradient(&self, p: [f64; 2], batch: &[usize]) -> (f64, [f64; 2]) {
        match self {
            Problem::Neuron(n) => n.batch_value_and_gradient(p, batch),
            Problem::Surface(s) => s.value_and_gradient(p),
        }
    }
}

/// The panel's settings as the page gives them (see `www/state.js`).
#[derive(Clone, Debug, PartialEq)]
pub struct LossConfig {
    /// `"neuron"` (the article's), or a test surface's name.
    pub surface: String,
    /// The neuron's samples, `x₀, t₀, x₁, t₁, …`.
    pub data: Vec<f64>,
    pub activation: String,
    pub loss: String,
    /// The neuron's window: `w, b ∈ [−range, range]` (a surface has its own window).
    pub range: f64,
    /// The start; `None` for the surface's own start.
    pub start: Option<[f64; 2]>,
    pub runs: Vec<RunSpec>,
    /// Samples a step sees (0 or ≥ N: every sample).
    pub batch: f64,
    pub order: String,
    /// The seed of the batches.
    pub seed: f64,
}

impl Default for LossConfig {
    /// The article's: one sample `(1, 0.5)`, sigmoid, square loss, `[−2, 2]²`, SGD.
    fn default() -> Self {
        LossConfig {
            surface: "neuron".into(),
            data: vec![1.0, 0.5],
            activation: "sigmoid".into(),
            loss: "square".into(),
            range: 2.0,
            start: Some([-2.0, 0.5]),
            runs: vec![RunSpec { name: "sgd".into(), params: vec![("eta".into(), crate::scene::Param::Num(2.0))] }],
            batch: 0.0,
            order: "epoch".into(),
            seed: 0.0,
        }
    }
}

/// The settings, checked and built.
#[derive(Clone, Debug)]
pub struct LossSetup {
    pub config: LossConfig,
    pub problem: Problem,
    pub window: [Interval; 2],
    pub start: [f64; 2],
    pub sampler: Sampler,
}

/// The names the page may use, for its menus and for error messages.
pub fn surface_names() -> Vec<&'static str> {
    std::iter::once("neuron").chain(SURFACES.iter().map(|s| s.name())).collect()
}

impl LossSetup {
    /// Check every setting; the first problem found is the error.
    pub fn check(config: &LossConfig) -> Result<(LossSetup, Vec<Box<dyn crate::optim::Optimizer>>), SetupError> {
        let surface = config.surface.trim();
        let (problem, window) = if surface.eq_ignore_ascii_case("neuron") {
            let act = Activation::from_name(&config.activation).ok_or_else(|| SetupError::Unknown {
                kind: "activation",
                given: config.activation.clone(),
                known: ACTIVATIONS.iter().map(|a| a.name()).collect(),
            })?;
            let loss = Loss::from_name(&config.loss).ok_or_else(|| SetupError::Unknown {
                kind: "loss",
                given: config.loss.clone(),
                known: LOSSES.iter().map(|l| l.name()).collect(),
            })?;
            compatible(act, loss).map_err(SetupError::Incompatible)?;
            if !config.data.len().is_multiple_of(2) {
                return Err(SetupError::Data(crate::data::DataError::Lengths {
                    x: config.data.len().div_ceil(2),
                    t: config.data.len() / 2,
                }));
            }
            let (x, t): (Vec<f64>, Vec<f64>) = config.data.chunks_exact(2).map(|p| (p[0], p[1])).unzip();
            let data = Dataset::new(x, t).map_err(SetupError::Data)?;
            if loss.needs_unit_interval() {
                if let Some((index, &value)) = data.t().iter().enumerate().find(|(_, t)| !(0.0..=1.0).contains(*t)) {
                    return Err(SetupError::Target { index, value });
                }
            }
            let r = number("range", config.range, 0.5, 20.0)?;
            let w = Interval { lo: -r, hi: r };
            (Problem::Neuron(NeuronLoss { data, act, loss }), [w, w])
        } else {
            let s = Surface::from_name(surface).ok_or_else(|| SetupError::Unknown {
                kind: "surface",
                given: config.surface.clone(),
                known: surface_names(),
            })?;
            (Problem::Surface(s), s.window())
        };
        let start = match (config.start, &problem) {
            (Some(p), _) => p,
            (None, Problem::Surface(s)) => s.start(),
            (None, Problem::Neuron(_)) => [-2.0, 0.5],
        };
        if !(window[0].contains(start[0]) && window[1].contains(start[1])) {
            return Err(SetupError::Start { value: start.to_vec(), window: window.to_vec() });
        }
        let n = problem.samples();
        let batch = if config.batch == 0.0 {
            n
        } else {
            number("batch", config.batch, 1.0, crate::data::MAX_SAMPLES as f64)? as usize
        };
        let order = Order::from_name(&config.order).ok_or_else(|| SetupError::Unknown {
            kind: "order",
            given: config.order.clone(),
            known: vec!["replacement", "epoch"],
        })?;
        let seed = number("seed", config.seed, 0.0, 4_294_967_295.0)? as u64;
        let sampler = if batch >= n { Sampler::full(n) } else { Sampler { n, batch, order, seed } };
        let runs = build_runs(&config.runs)?;
        Ok((LossSetup { config: config.clone(), problem, window, start, sampler }, runs))
    }
}
