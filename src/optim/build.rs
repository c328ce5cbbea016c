//! An optimizer from its name and the hyperparameters given ([`build`]): each key checked
//! against the optimizer's spec (known, a number, in range) and the config filled by position.

use super::{
    canonical, sam, spec, AdaBelief, AdaBound, AdaDelta, AdaGrad, AdaMax, Adam, Eve, Hyper, Msgd, Nadam, Nag,
    OptimError, Optimizer, ParamSpec, RmsProp, RmsPropGraves, SantaE, SantaSss, Sgd, Smorms3,
};

/// Build an optimizer from its name and the hyperparameters given (missing ones defaulted).
/// SAM takes `base` (a name) and `rho` (its radius) plus the base's hyperparameters under
/// their own keys, except a base's own `rho` (RMSprop, AdaDelta), which SAM takes as `base_rho`.
///
/// Keys match exactly (Santa's `C` and `N` are upper-case); a key given twice takes its last
/// value. Errors: [`OptimError::UnknownName`], [`OptimError::UnknownParam`] (with the valid
/// keys), [`OptimError::BadValue`] (outside the range of [`spec`], NaN included),
/// [`OptimError::WrongKind`], [`OptimError::BadBase`] (SAM's base unknown or `sam`).
pub fn build(name: &str, params: &[(&str, Hyper<'_>)]) -> Result<Box<dyn Optimizer>, OptimError> {
    let Some(canon) = canonical(name) else {
        return Err(OptimError::UnknownName { given: name.to_string() });
    };
    Ok(match canon {
        "sgd" => Box::new(Sgd::new(configured(canon, params)?)),
        "msgd" => Box::new(Msgd::new(configured(canon, params)?)),
        "nag" => Box::new(Nag::new(configured(canon, params)?)),
        "adagrad" => Box::new(AdaGrad::new(configured(canon, params)?)),
        "rmsprop" => Box::new(RmsProp::new(configured(canon, params)?)),
        "adadelta" => Box::new(AdaDelta::new(configured(canon, params)?)),
        "adam" => Box::new(Adam::new(configured(canon, params)?)),
        "rmspropgraves" => Box::new(RmsPropGraves::new(configured(canon, params)?)),
        "smorms3" => Box::new(Smorms3::new(configured(canon, params)?)),
        "adamax" => Box::new(AdaMax::new(configured(canon, params)?)),
        "nadam" => Box::new(Nadam::new(configured(canon, params)?)),
        "eve" => Box::new(Eve::new(configured(canon, params)?)),
        "santae" => Box::new(SantaE::new(configured(canon, params)?)),
        "santasss" => Box::new(SantaSss::new(configured(canon, params)?)),
        "amsgrad" => Box::new(Adam::amsgrad(configured(canon, params)?)),
        "adabound" => Box::new(AdaBound::new(configured(canon, params)?)),
        "amsbound" => Box::new(AdaBound::amsbound(configured(canon, params)?)),
        "adabelief" => Box::new(AdaBelief::new(configured(canon, params)?)),
        _ => sam::build_sam(params)?,
    })
}

/// A config whose numeric hyperparameters are read and written in the order of its spec's keys
/// (a test checks that `KEYS` is that order for every optimizer). By position, not by key: one
/// non-generic [`values`] checks every optimizer's keys, where a `set(key)` per config type put a
/// copy of the check and of a string match per type into `build`.
pub(crate) trait Params: Default {
    /// The keys, in the order `values` and `from_values` use.
    #[cfg(test)]
    const KEYS: &'static [&'static str];
    /// The values, in key order.
    fn values(&self) -> Vec<f64>;
    /// The config with `values` in key order (already range-checked); missing ones default.
    fn from_values(values: &[f64]) -> Self;
}

/// The config of optimizer `canon` from the defaults of its spec and `params` (each key checked against
/// `spec(canon)`: known, a number, in range).
fn configured<P: Params>(canon: &'static str, params: &[(&str, Hyper<'_>)]) -> Result<P, OptimError> {
    values(canon, params).map(|v| P::from_values(&v))
}

/// The values of `canon`'s keys in spec order: each default, or the value given in `params`
/// (checked: a key of the spec, a number, in range; a key given twice takes its last value).
fn values(canon: &'static str, params: &[(&str, Hyper<'_>)]) -> Result<Vec<f64>, OptimError> {
    let specs = spec(canon);
    let mut values: Vec<f64> = specs.iter().map(|s| s.default).collect();
    for (key, value) in params {
        let s = find_spec(canon, specs, key)?;
        let v = checked(canon, s, s.key, value)?;
        for (t, slot) in specs.iter().zip(values.iter_mut()) {
            if t.key == s.key {
                *slot = v;
            }
        }
    }
    Ok(values)
}

/// The spec of `key` among `specs`, or [`OptimError::UnknownParam`] listing the valid keys.
pub(crate) fn find_spec(
    optimizer: &'static str,
    specs: &'static [ParamSpec],
    key: &str,
) -> Result<&'static ParamSpec, OptimError> {
    specs.iter().find(|s| s.key == key).ok_or_else(|| OptimError::UnknownParam {
        optimizer,
        key: key.to_string(),
        valid: specs.iter().map(|s| s.key).collect(),
    })
}

/// `value` as a number inside the range of `s`, or the error naming it `key` in `optimizer`.
pub(crate) fn checked(
    optimizer: &'static str,
    s: &ParamSpec,
    key: &'static str,
    value: &Hyper<'_>,
) -> Result<f64, OptimError> {
    let Hyper::Num(v) = *value else {
        return Err(OptimError::WrongKind { optimizer, key });
    };
    let above_min = if s.min_open { v > s.min } else { v >= s.min };
    let below_max = if s.max_open { v < s.max } else { v <= s.max };
    if above_min && below_max {
        // −0 is taken as 0: it passes `v >= 0`, but a formula like AdaBound's 1 + 1/(γt) would
        // see −∞.
        Ok(if v == 0.0 { 0.0 } else { v })
    } else {
        Err(OptimError::BadValue {
            optimizer,
            key,
            value: v,
            min: s.min,
            max: s.max,
            min_open: s.min_open,
            max_open: s.max_open,
        })
    }
}

/// Every hyperparameter of `config` in spec order, as `hyper()` gives them.
pub(crate) fn hyper_of<P: Params>(canon: &'static str, config: &P) -> Vec<(&'static str, Hyper<'static>)> {
    spec(canon).iter().zip(config.values()).map(|(s, v)| (s.key, Hyper::Num(v))).collect()
}

/// `Params` for a config whose fields are named as its keys, listed in its spec's order.
macro_rules! params_by_field {
    ($config:ty { $($field:ident),* }) => {
        impl $crate::optim::Params for $config {
            #[cfg(test)]
            const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];
            fn values(&self) -> Vec<f64> {
                vec![$(self.$field),*]
            }
            fn from_values(values: &[f64]) -> Self {
                let mut config = Self::default();
                let mut values = values.iter().copied();
                $(if let Some(v) = values.next() { config.$field = v; })*
                config
            }
        }
    };
}
pub(crate) use params_by_field;

#[cfg(test)]
mod tests {
    use super::super::*;
    use super::*;

    /// `Params` reads and writes by position: each config's fields must come in its spec's key
    /// order, or `build` would put one key's value into another's field.
    #[test]
    fn config_fields_follow_the_spec_order() {
        let keys = |name: &'static str| spec(name).iter().map(|s| s.key).collect::<Vec<_>>();
        let cases: [(&str, &[&str]); 19] = [
            ("sgd", SgdConfig::KEYS),
            ("msgd", MsgdConfig::KEYS),
            ("nag", MsgdConfig::KEYS),
            ("adagrad", AdaGradConfig::KEYS),
            ("rmsprop", RmsPropConfig::KEYS),
            ("adadelta", AdaDeltaConfig::KEYS),
            ("adam", AdamConfig::KEYS),
            ("rmspropgraves", RmsPropGravesConfig::KEYS),
            ("smorms3", Smorms3Config::KEYS),
            ("adamax", AdaMaxConfig::KEYS),
            ("nadam", NadamConfig::KEYS),
            ("eve", EveConfig::KEYS),
            ("santae", SantaConfig::KEYS),
            ("santasss", SantaConfig::KEYS),
            ("amsgrad", AmsGradConfig::KEYS),
            ("adabound", AdaBoundConfig::KEYS),
            ("amsbound", AmsBoundConfig::KEYS),
            ("adabelief", AdaBeliefConfig::KEYS),
            ("sam", SamConfig::KEYS),
        ];
        for (name, fields) in cases {
            assert_eq!(keys(name), fields, "{name}");
        }
        assert_eq!(cases.len(), NAMES.len());
    }

    /// Every key given reaches its own field: each optimizer built with every key set to a value
    /// of its own gives those values back, key by key.
    #[test]
    fn every_key_reaches_its_field() {
        for name in NAMES {
            let specs = spec(name);
            let given: Vec<(&str, Hyper<'_>)> = specs
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    // A value inside the key's range, different for each key.
                    let v =
                        if s.max > 1e6 { 7.0 + i as f64 } else { s.min + (s.max - s.min) * (i as f64 + 1.0) / 16.0 };
                    (s.key, Hyper::Num(v))
                })
                .collect();
            let built = build(name, &given).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let hyper = built.hyper();
            for (key, value) in &given {
                let Hyper::Num(v) = value else { unreachable!() };
                let got = hyper.iter().find(|(k, _)| k == key).map(|(_, h)| h.clone());
                assert_eq!(got, Some(Hyper::Num(*v)), "{name}.{key}");
            }
        }
    }
}
