//! Each optimizer's numeric hyperparameters: key, default (the reference's) and range, as
//! [`ParamSpec`]s, which `build` checks the values given against and the page shows.

use super::{canonical, ParamSpec};

/// A [`ParamSpec`] in one line.
const fn ps(key: &'static str, default: f64, min: f64, max: f64, min_open: bool, max_open: bool) -> ParamSpec {
    ParamSpec { key, default, min, max, min_open, max_open }
}

/// The largest learning rate accepted: η ∈ [0, 1e3].
const ETA_MAX: f64 = 1e3;
/// η ∈ [0, 1e3] with the given default.
const fn eta(default: f64) -> ParamSpec {
    ps("eta", default, 0.0, ETA_MAX, false, false)
}
/// A decay rate (`mu`, `rho`, `beta1`, `beta2`, `beta3`, `sigma`) ∈ [0, 1).
const fn rate(key: &'static str, default: f64) -> ParamSpec {
    ps(key, default, 0.0, 1.0, false, true)
}
/// ε ∈ (0, 1].
const fn eps(default: f64) -> ParamSpec {
    ps("eps", default, 0.0, 1.0, true, false)
}

const SPEC_SGD: [ParamSpec; 1] = [eta(1e-2)];
const SPEC_MSGD: [ParamSpec; 2] = [eta(1e-3), rate("mu", 0.9)];
const SPEC_ADAGRAD: [ParamSpec; 2] = [eta(1e-3), eps(1e-10)];
const SPEC_RMSPROP: [ParamSpec; 3] = [eta(1e-2), rate("rho", 0.99), eps(1e-8)];
const SPEC_ADADELTA: [ParamSpec; 3] = [eta(1.0), rate("rho", 0.95), eps(1e-6)];
const SPEC_ADAM: [ParamSpec; 4] = [eta(1e-3), rate("beta1", 0.9), rate("beta2", 0.999), eps(1e-8)];
const SPEC_GRAVES: [ParamSpec; 4] = [eta(1e-4), rate("rho", 0.95), rate("mu", 0.9), eps(1e-4)];
const SPEC_SMORMS3: [ParamSpec; 2] = [eta(1e-3), eps(1e-16)];
const SPEC_ADAMAX: [ParamSpec; 4] = [eta(2e-3), rate("beta1", 0.9), rate("beta2", 0.999), eps(1e-8)];
const SPEC_EVE: [ParamSpec; 7] = [
    eta(1e-3),
    rate("beta1", 0.9),
    rate("beta2", 0.999),
    rate("beta3", 0.999),
    ps("c", 10.0, 1.0, 1e3, false, false),
    ps("f_star", 0.0, -f64::MAX, f64::MAX, false, false),
    eps(1e-8),
];
/// The largest seed accepted (2^53: every integer up to it is exact in f64).
const SEED_MAX: f64 = 9_007_199_254_740_992.0;
/// Santa's keys after `eta` (the same for Santa-E and Santa-SSS).
macro_rules! santa_spec {
    ($eta:expr) => {
        [
            eta($eta),
            rate("sigma", 0.95),
            ps("anne_rate", 0.5, 0.0, 10.0, false, false),
            ps("burnin", 100.0, 0.0, 1e9, false, false),
            ps("C", 5.0, 0.0, 1e3, false, false),
            ps("N", 16.0, 0.0, 1e9, true, false),
            eps(1e-8),
            ps("seed", 0.0, 0.0, SEED_MAX, false, false),
        ]
    };
}
const SPEC_SANTAE: [ParamSpec; 8] = santa_spec!(1e-2);
const SPEC_SANTASSS: [ParamSpec; 8] = santa_spec!(1e-1);
const SPEC_ADABOUND: [ParamSpec; 6] = [
    eta(1e-3),
    rate("beta1", 0.9),
    rate("beta2", 0.999),
    ps("final_eta", 0.1, 0.0, ETA_MAX, false, false),
    ps("gamma", 1e-3, 0.0, 1.0, false, false),
    eps(1e-8),
];
const SPEC_ADABELIEF: [ParamSpec; 4] = [eta(1e-3), rate("beta1", 0.9), rate("beta2", 0.999), eps(1e-16)];
const SPEC_SAM: [ParamSpec; 1] = [ps("rho", 0.05, 0.0, 10.0, false, false)];

/// The numeric hyperparameters of an optimizer with defaults and ranges (SAM: `rho` only; its
/// `base` is a name, default "sgd"). `name` goes through [`canonical`]; an unknown name has none.
///
/// Ranges: η ∈ [0, 1e3]; decay rates (μ, ρ, β1, β2, β3, σ) ∈ [0, 1); ε ∈ (0, 1]; AdaBound's
/// `final_eta` ∈ [0, 1e3] and γ ∈ [0, 1]; Eve's c ∈ [1, 1e3] (so 1/c ≤ c) and f* any finite
/// number; Santa's `anne_rate` ∈ [0, 10], `burnin` ∈ [0, 1e9], C ∈ [0, 1e3], N ∈ (0, 1e9],
/// `seed` ∈ [0, 2^53] (its fractional part is dropped); SAM's radius ρ ∈ [0, 10].
pub fn spec(name: &'static str) -> &'static [ParamSpec] {
    match canonical(name) {
        Some("sgd") => &SPEC_SGD,
        Some("msgd" | "nag") => &SPEC_MSGD,
        Some("adagrad") => &SPEC_ADAGRAD,
        Some("rmsprop") => &SPEC_RMSPROP,
        Some("adadelta") => &SPEC_ADADELTA,
        Some("adam" | "amsgrad") => &SPEC_ADAM,
        Some("rmspropgraves") => &SPEC_GRAVES,
        Some("smorms3") => &SPEC_SMORMS3,
        Some("adamax" | "nadam") => &SPEC_ADAMAX,
        Some("eve") => &SPEC_EVE,
        Some("santae") => &SPEC_SANTAE,
        Some("santasss") => &SPEC_SANTASSS,
        Some("adabound" | "amsbound") => &SPEC_ADABOUND,
        Some("adabelief") => &SPEC_ADABELIEF,
        Some("sam") => &SPEC_SAM,
        _ => &[],
    }
}
