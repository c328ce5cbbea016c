//! Learning rules (the article's `optimizers.py`): an optimizer receives the gradient and
//! returns the move; the caller applies `p ← p + Δp`. Each optimizer is split as candle/burn do:
//! a config (hyperparameters, `Default` from the reference) and a state (moments, step count),
//! so a history can save a copy and Step back restores it exactly.
//!
//! THIS IS THE FIXED INTERFACE. Signatures below must not change; add private helpers freely.
//!
//! One file per family: `sgd.rs` (SGD, MSGD, NAG), `adaptive.rs` (AdaGrad, RMSprop, AdaDelta),
//! `rmsprop_variants.rs` (RMSpropGraves, SMORMS3), `adam.rs` (Adam, AMSGrad, AdaMax, Nadam),
//! `adam_variants.rs` (Eve, AdaBound, AMSBound, AdaBelief), `santa.rs` (Santa-E, Santa-SSS and
//! their seeded generator), `sam.rs` (SAM around any base); all re-exported here, with `spec.rs`, every optimizer's
//! hyperparameters (keys, defaults, ranges), and `build.rs`, an optimizer from its name and
//! hyperparameters, checked against its spec. Every optimizer is a `XxxConfig` (hyperparameters,
//! `Default` = the reference's defaults) plus a `XxxState` (step count t, per-parameter moments
//! as `Vec<f64>`), combined in a struct that implements [`Optimizer`]. The state is sized to the
//! gradient's length on the first update; when that length changes, the state starts over as
//! after [`Optimizer::reset`].
//!
//! Robustness: no input value makes `update` or `build` panic. A zero gradient gives a finite
//! move for every optimizer (ε, or an explicit 0/0 guard where the reference has none); NaN or
//! ±∞ in the gradient or the loss may give NaN in the move (the caller detects it). A `delta`
//! of another length than `grad` (a caller's slip) panics neither: only the common prefix is
//! computed, state included, and moves past the gradient's length are set to 0.

/// What an update may ask of the objective besides the gradient at the current point.
pub trait Probe {
    /// The gradient at the current point moved by `offset` (same length as the gradient),
    /// written into `grad`; returns the loss there. SAM's ascent step uses it.
    fn gradient_at_offset(&mut self, offset: &[f64], grad: &mut [f64]) -> f64;
}

/// A hyperparameter's value: a number, or a name (SAM's `base`).
#[derive(Clone, Debug, PartialEq)]
pub enum Hyper<'a> {
    /// A number (every hyperparameter but SAM's `base`).
    Num(f64),
    /// A name (SAM's `base`: one of [`NAMES`] but `sam`).
    Name(&'a str),
}

/// One learning rule over any number of parameters (2 for the neuron's (w, b), 1 for y = x²,
/// `prev × n + n` for a layer): `update(g, loss) → Δp`.
///
/// Not `Debug` as a supertrait: that would put each optimizer's `fmt` in every
/// `Box<dyn Optimizer>`'s vtable, and so link `core::fmt`'s struct builders into the wasm module
/// though nothing calls them. `dyn Optimizer` prints its name instead (below).
pub trait Optimizer {
    /// The canonical name, as listed in [`NAMES`].
    fn name(&self) -> &'static str;
    /// The hyperparameters in effect, named as `build` takes them (`eta`, `mu`, `rho`, `beta1`, …).
    fn hyper(&self) -> Vec<(&'static str, Hyper<'static>)>;
    /// The move for one step into `delta` (same length as `grad`), given the gradient `grad` at
    /// the current point and the loss there (Eve uses it); `probe` gives gradients at other
    /// points (SAM). The state (t, moments) advances.
    fn update(&mut self, grad: &[f64], loss: f64, probe: &mut dyn Probe, delta: &mut [f64]);
    /// Back to the state before the first update (t = 0, moments at their start values).
    fn reset(&mut self);
    /// The learning rate η.
    fn eta(&self) -> f64;
    /// Use η from now on, keeping the rest of the state.
    fn set_eta(&mut self, eta: f64);
    /// Whether `update` calls `probe` (SAM): a caller without an objective must refuse these.
    fn needs_probe(&self) -> bool {
        false
    }
    /// A copy with its state, to save in a history.
    fn boxed(&self) -> Box<dyn Optimizer>;
}

impl std::fmt::Debug for dyn Optimizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Clone for Box<dyn Optimizer> {
    fn clone(&self) -> Self {
        self.boxed()
    }
}

/// Why `build` refused: data only (no text, no float formatting: the caller words it in the
/// user's language).
#[derive(Clone, Debug, PartialEq)]
pub enum OptimError {
    /// No optimizer has this name.
    UnknownName {
        /// The name as given.
        given: String,
    },
    /// This optimizer has no hyperparameter `key`; `valid` lists the ones it has.
    UnknownParam {
        /// The canonical name of the optimizer.
        optimizer: &'static str,
        /// The key as given.
        key: String,
        /// Every key the optimizer takes, in `hyper()` order.
        valid: Vec<&'static str>,
    },
    /// `key` must be a number in `[min, max]` (`min_open`/`max_open`: the end is excluded).
    BadValue {
        /// The canonical name of the optimizer.
        optimizer: &'static str,
        /// The key (SAM: as SAM names it, e.g. `base_rho`).
        key: &'static str,
        /// The value refused (NaN and ±∞ included).
        value: f64,
        /// The lower end of the range.
        min: f64,
        /// The upper end of the range.
        max: f64,
        /// Whether `min` itself is excluded.
        min_open: bool,
        /// Whether `max` itself is excluded.
        max_open: bool,
    },
    /// `key` takes a name (SAM's `base`) and got a number, or a number and got a name.
    WrongKind {
        /// The canonical name of the optimizer.
        optimizer: &'static str,
        /// The key.
        key: &'static str,
    },
    /// SAM's base is unknown, or is SAM itself.
    BadBase {
        /// The base's name as given.
        given: String,
    },
}

/// One hyperparameter of one optimizer: its key, default, and accepted range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamSpec {
    /// The key, as `build` takes it and `hyper()` gives it.
    pub key: &'static str,
    /// The default (the reference's).
    pub default: f64,
    /// The lower end of the accepted range.
    pub min: f64,
    /// The upper end of the accepted range.
    pub max: f64,
    /// Whether `min` itself is refused.
    pub min_open: bool,
    /// Whether `max` itself is refused.
    pub max_open: bool,
}

/// Every optimizer, canonical names, in the series' order.
pub const NAMES: [&str; 19] = [
    "sgd",
    "msgd",
    "nag",
    "adagrad",
    "rmsprop",
    "adadelta",
    "adam",
    "rmspropgraves",
    "smorms3",
    "adamax",
    "nadam",
    "eve",
    "santae",
    "santasss",
    "amsgrad",
    "adabound",
    "amsbound",
    "adabelief",
    "sam",
];

mod adam;
mod adam_variants;
mod adaptive;
mod build;
mod rmsprop_variants;
mod sam;
mod santa;
mod sgd;
mod spec;

pub use adam::{
    AdaMax, AdaMaxConfig, AdaMaxState, Adam, AdamConfig, AdamState, AmsGradConfig, Nadam, NadamConfig, NadamState,
};
pub use adam_variants::{
    AdaBelief, AdaBeliefConfig, AdaBeliefState, AdaBound, AdaBoundConfig, AdaBoundState, AmsBoundConfig, Eve,
    EveConfig, EveState,
};
pub use adaptive::{
    AdaDelta, AdaDeltaConfig, AdaDeltaState, AdaGrad, AdaGradConfig, AdaGradState, RmsProp, RmsPropConfig, RmsPropState,
};
pub use build::build;
pub(crate) use build::{checked, find_spec, hyper_of, params_by_field, Params};
pub use rmsprop_variants::{
    RmsPropGraves, RmsPropGravesConfig, RmsPropGravesState, Smorms3, Smorms3Config, Smorms3State,
};
pub use sam::{Sam, SamConfig};
pub use santa::{SantaConfig, SantaE, SantaSss, SantaState, SplitMix64};
pub use sgd::{Msgd, MsgdConfig, MsgdState, Nag, Sgd, SgdConfig};
pub use spec::spec;

/// The canonical name for `name`: ASCII case-insensitive, ignoring '-', '_' and ' '
/// ("Adam", "RMSprop-Graves", "santa_e", "Santa-SSS" all work).
pub fn canonical(name: &str) -> Option<&'static str> {
    NAMES.iter().copied().find(|canon| same_name(name, canon))
}

/// Whether `given` spells `canon` (lower-case ASCII) up to ASCII case and the separators '-', '_', ' '.
fn same_name(given: &str, canon: &str) -> bool {
    let mut a = given.bytes().filter(|b| !matches!(b, b'-' | b'_' | b' '));
    let mut c = canon.bytes();
    loop {
        match (a.next(), c.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.to_ascii_lowercase() == y => {}
            _ => return false,
        }
    }
}

/// `x` limited to `[lo, hi]` without panicking on NaN bounds (a NaN bound is ignored, a NaN `x`
/// stays NaN), as torch's `clamp`.
fn clip(x: f64, lo: f64, hi: f64) -> f64 {
    let y = if x < lo { lo } else { x };
    if y > hi {
        hi
    } else {
        y
    }
}

/// Zero every move past the gradient's length (a `delta` longer than `grad` gets no move there).
fn zero_tail(n: usize, delta: &mut [f64]) {
    for d in delta.iter_mut().skip(n) {
        *d = 0.0;
    }
}

/// The methods every optimizer with a `config: XxxConfig` (with `eta`) and a `state:
/// XxxState` (whose `Default` is the state before the first update) writes the same way.
macro_rules! common_methods {
    () => {
        fn hyper(&self) -> Vec<(&'static str, $crate::optim::Hyper<'static>)> {
            $crate::optim::hyper_of(self.name(), &self.config)
        }
        fn reset(&mut self) {
            self.state = Default::default();
        }
        fn eta(&self) -> f64 {
            self.config.eta
        }
        fn set_eta(&mut self, eta: f64) {
            self.config.eta = eta;
        }
        fn boxed(&self) -> Box<dyn $crate::optim::Optimizer> {
            Box::new(self.clone())
        }
    };
}
use common_methods;

/// `Debug` for an optimizer without its floats: the type's name (and its step count t), for
/// tests and native callers. Linked into the wasm module only if something calls it (nothing
/// does: see [`Optimizer`] on why `Debug` is not its supertrait). Configs and states keep their
/// derived `Debug`.
macro_rules! debug_without_floats {
    ($ty:ident) => {
        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($ty)).finish_non_exhaustive()
            }
        }
    };
    ($ty:ident, t) => {
        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($ty)).field("t", &self.state.t).finish_non_exhaustive()
            }
        }
    };
}
use debug_without_floats;
