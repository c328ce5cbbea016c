//! What each panel shows, without web types: the settings a page can pass, checked; the descents
//! they set up; the figures drawn as [`Record`](crate::draw::record::Record)s; every number of
//! the readouts. The wasm-bindgen layer only converts JS values to these types and back, so all of
//! this is tested natively.

pub mod curve;
pub mod loss;

use crate::data::DataError;
use crate::landscape::Interval;
use crate::loss::Incompatible;
use crate::optim::{self, Hyper, OptimError, Optimizer};

/// Why settings were refused: data only, for the page to word in its language.
#[derive(Clone, Debug, PartialEq)]
pub enum SetupError {
    /// `name` must be a number in `[min, max]`; `value` is what was given (NaN when it was not a
    /// number).
    Range { name: &'static str, value: f64, min: f64, max: f64 },
    /// `given` is not a known `kind` (activation, loss, surface, colour map, order, curve,
    /// optimizer…); `known` lists the names.
    Unknown { kind: &'static str, given: String, known: Vec<&'static str> },
    /// An optimizer or one of its hyperparameters was refused.
    Optim(OptimError),
    /// The data set was refused.
    Data(DataError),
    /// The loss needs outputs in (0, 1) and the activation leaves that range.
    Incompatible(Incompatible),
    /// A cross-entropy loss needs targets in [0, 1]; sample `index` has `value`.
    Target { index: usize, value: f64 },
    /// The start lies outside the window.
    Start { value: Vec<f64>, window: Vec<Interval> },
    /// Between 1 and `max` optimizers race; `given` were asked.
    Runs { given: usize, max: usize },
    /// This optimizer needs the gradient at another point (SAM), which a bare optimizer object
    /// has no objective for.
    NeedsObjective { optimizer: &'static str },
}

/// At most this many optimizers race at once.
pub const MAX_RUNS: usize = 24;

/// A number, checked: finite and within `[min, max]`.
pub fn number(name: &'static str, value: f64, min: f64, max: f64) -> Result<f64, SetupError> {
    if value.is_finite() && value >= min && value <= max {
        Ok(value)
    } else {
        Err(SetupError::Range { name, value, min, max })
    }
}

/// A hyperparameter's value as the page gives it.
#[derive(Clone, Debug, PartialEq)]
pub enum Param {
    Num(f64),
    Name(String),
}

/// One optimizer of a race as the page gives it: a name and hyperparameters.
#[derive(Clone, Debug, PartialEq)]
pub struct RunSpec {
    pub name: String,
    pub params: Vec<(String, Param)>,
}

impl RunSpec {
    /// The optimizer, built and checked.
    pub fn build(&self) -> Result<Box<dyn Optimizer>, SetupError> {
        let params: Vec<(&str, Hyper<'_>)> = self
            .params
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str(),
                    match v {
                        Param::Num(x) => Hyper::Num(*x),
                        Param::Name(s) => Hyper::Name(s.as_str()),
                    },
                )
            })
            .collect();
        optim::build(&self.name, &params).map_err(SetupError::Optim)
    }
}

/// The optimizers of a race, built; between 1 and [`MAX_RUNS`].
pub fn build_runs(specs: &[RunSpec]) -> Result<Vec<Box<dyn Optimizer>>, SetupError> {
    if specs.is_empty() || specs.len() > MAX_RUNS {
        return Err(SetupError::Runs { given: specs.len(), max: MAX_RUNS });
    }
    specs.iter().map(RunSpec::build).collect()
}
