//! State handling (zero gradients, `reset`, `boxed`, a change of length), `build`'s errors,
//! `canonical`, `spec`, `hyper`, and the seeded generator.

mod common;

use common::{CountingProbe, Quadratic};
use descent::optim::{
    build, canonical, spec, AdaBelief, AdaBound, AdaDelta, AdaGrad, AdaMax, Adam, Eve, Hyper, Msgd, Nadam, Nag,
    OptimError, Optimizer, RmsProp, RmsPropGraves, Sam, SantaE, SantaSss, Sgd, Smorms3, SplitMix64, NAMES,
};

/// A gradient sequence with no zero and no repetition.
const GRADS: [[f64; 2]; 5] = [[0.3, -0.2], [0.25, -0.1], [-0.05, 0.4], [0.12, 0.07], [-0.3, -0.25]];
const LOSSES: [f64; 5] = [0.1, 0.08, 0.07, 0.09, 0.05];

/// Every optimizer with its defaults, SAM also around Adam (a base with state).
fn all() -> Vec<(String, Box<dyn Optimizer>)> {
    let mut v: Vec<(String, Box<dyn Optimizer>)> =
        NAMES.iter().map(|n| (n.to_string(), build(n, &[]).expect("defaults build"))).collect();
    v.push(("sam(adam)".into(), build("sam", &[("base", Hyper::Name("adam"))]).expect("sam adam")));
    v
}

/// `n` updates from the sequence above (SAM: its probe at a point moved by the deltas), the moves
/// as bits.
fn run(opt: &mut dyn Optimizer, n: usize, from: usize) -> Vec<[u64; 2]> {
    let mut probe = Quadratic::new(2.0, 0.5, [1.0, -2.0]);
    (from..from + n)
        .map(|k| {
            let mut delta = [0.0; 2];
            opt.update(&GRADS[k % 5], LOSSES[k % 5], &mut probe, &mut delta);
            probe.p = [probe.p[0] + delta[0], probe.p[1] + delta[1]];
            [delta[0].to_bits(), delta[1].to_bits()]
        })
        .collect()
}

#[test]
fn zero_gradients_give_finite_moves() {
    for len in [1usize, 2, 3] {
        for (name, mut opt) in all() {
            let mut probe = CountingProbe::default();
            let grad = vec![0.0; len];
            for step in 1..=5 {
                let mut delta = vec![f64::NAN; len];
                opt.update(&grad, 0.25, &mut probe, &mut delta);
                assert!(delta.iter().all(|d| d.is_finite()), "{name} len {len} step {step}: {delta:?}");
            }
            assert_eq!(probe.calls, 0, "{name}: SAM takes ε̂ = 0 without a probe call when ‖g‖ = 0");
        }
    }
}

#[test]
fn zero_gradients_move_nothing_where_nothing_is_injected() {
    // Every rule but Santa (which injects noise and carries u₀) gives exactly Δp = 0 for g = 0.
    for (name, mut opt) in all() {
        if name.starts_with("santa") {
            continue;
        }
        let mut probe = CountingProbe::default();
        for _ in 0..5 {
            let mut delta = [1.0; 2];
            opt.update(&[0.0, 0.0], 0.25, &mut probe, &mut delta);
            assert_eq!(delta, [0.0, 0.0], "{name}");
        }
    }
}

#[test]
fn reset_replays_bit_identical_moves() {
    for (name, mut opt) in all() {
        let first = run(opt.as_mut(), 5, 0);
        let continued = run(opt.as_mut(), 5, 0);
        if !matches!(name.as_str(), "sgd" | "sam") {
            assert_ne!(first, continued, "{name}: its state should change the moves");
        }
        opt.reset();
        assert_eq!(run(opt.as_mut(), 5, 0), first, "{name}: reset must restore the state (and Santa's generator)");
    }
}

#[test]
fn boxed_copies_carry_the_state() {
    for (name, mut opt) in all() {
        run(opt.as_mut(), 2, 0);
        let mut copy = opt.boxed();
        let mut cloned = opt.clone();
        assert_eq!(copy.name(), opt.name());
        assert_eq!(copy.hyper(), opt.hyper());
        // The copy continues first: were the state shared, the original would then be ahead.
        let from_copy = run(copy.as_mut(), 3, 2);
        let from_clone = run(cloned.as_mut(), 3, 2);
        let from_original = run(opt.as_mut(), 3, 2);
        assert_eq!(from_copy, from_original, "{name}");
        assert_eq!(from_clone, from_original, "{name}");
        let mut fresh = build(opt.name(), &[]).expect("fresh");
        if name == "sam(adam)" {
            fresh = build("sam", &[("base", Hyper::Name("adam"))]).expect("fresh");
        }
        if !matches!(name.as_str(), "sgd" | "sam") {
            assert_ne!(run(fresh.as_mut(), 3, 2), from_original, "{name}: a fresh optimizer differs");
        }
    }
}

#[test]
fn a_new_length_starts_over() {
    for (name, mut opt) in all() {
        run(opt.as_mut(), 3, 0);
        let mut fresh = opt.boxed();
        fresh.reset();
        let g3 = [0.2, -0.1, 0.05];
        let (mut a, mut b) = ([0.0; 3], [0.0; 3]);
        let mut probe = CountingProbe::default();
        opt.update(&g3, 0.1, &mut probe, &mut a);
        fresh.update(&g3, 0.1, &mut probe, &mut b);
        assert_eq!(a.map(f64::to_bits), b.map(f64::to_bits), "{name}");
    }
}

#[test]
fn a_longer_delta_gets_zeros_past_the_gradient() {
    for (name, mut opt) in all() {
        let mut delta = [7.0; 4];
        opt.update(&[0.3, -0.2], 0.1, &mut Quadratic::new(2.0, 0.5, [1.0, -2.0]), &mut delta);
        assert_eq!(&delta[2..], &[0.0, 0.0], "{name}");
        assert!(delta[0] != 7.0 && delta[1] != 7.0, "{name}");
    }
}

#[test]
fn set_eta_changes_the_rate_only() {
    for (name, mut opt) in all() {
        run(opt.as_mut(), 2, 0);
        let mut other = opt.boxed();
        opt.set_eta(0.0123);
        assert_eq!(opt.eta(), 0.0123, "{name}");
        assert!(opt.hyper().contains(&("eta", Hyper::Num(0.0123))), "{name}");
        other.set_eta(0.0123);
        assert_eq!(run(opt.as_mut(), 2, 2), run(other.as_mut(), 2, 2), "{name}");
    }
}

#[test]
fn defaults_agree_with_spec_and_types() {
    let by_type: Vec<Box<dyn Optimizer>> = vec![
        Box::new(Sgd::default()),
        Box::new(Msgd::default()),
        Box::new(Nag::default()),
        Box::new(AdaGrad::default()),
        Box::new(RmsProp::default()),
        Box::new(AdaDelta::default()),
        Box::new(Adam::default()),
        Box::new(RmsPropGraves::default()),
        Box::new(Smorms3::default()),
        Box::new(AdaMax::default()),
        Box::new(Nadam::default()),
        Box::new(Eve::default()),
        Box::new(SantaE::default()),
        Box::new(SantaSss::default()),
        Box::new(Adam::amsgrad(Default::default())),
        Box::new(AdaBound::default()),
        Box::new(AdaBound::amsbound(Default::default())),
        Box::new(AdaBelief::default()),
        Box::new(Sam::default()),
    ];
    for (name, opt) in NAMES.iter().zip(&by_type) {
        assert_eq!(opt.name(), *name);
        let built = build(name, &[]).expect("build");
        assert_eq!(opt.hyper(), built.hyper(), "{name}: Default and build agree");
        let numeric: Vec<(&str, Hyper)> =
            built.hyper().into_iter().filter(|(_, h)| matches!(h, Hyper::Num(_))).collect();
        let from_spec: Vec<(&str, Hyper)> = if *name == "sam" {
            // SAM's spec has its radius only; its base is SGD with SGD's defaults.
            let mut v = vec![("rho", Hyper::Num(spec("sam")[0].default))];
            v.extend(spec("sgd").iter().map(|s| (s.key, Hyper::Num(s.default))));
            v
        } else {
            spec(name).iter().map(|s| (s.key, Hyper::Num(s.default))).collect()
        };
        assert_eq!(numeric, from_spec, "{name}: hyper() lists every key of the spec with its default");
        for s in spec(name) {
            let lo_ok = if s.min_open { s.default > s.min } else { s.default >= s.min };
            let hi_ok = if s.max_open { s.default < s.max } else { s.default <= s.max };
            assert!(lo_ok && hi_ok, "{name}.{} default in range", s.key);
        }
    }
    assert_eq!(built_eta("adadelta"), 1.0);
    assert_eq!(built_eta("santasss"), 0.1);
    assert_eq!(built_eta("santae"), 0.01);
}

fn built_eta(name: &str) -> f64 {
    build(name, &[]).expect("build").eta()
}

#[test]
fn hyper_round_trips_through_build() {
    let cases: Vec<(&str, Vec<(&str, Hyper)>)> = vec![
        ("adam", vec![("eta", Hyper::Num(0.05)), ("beta2", Hyper::Num(0.9))]),
        ("santae", vec![("C", Hyper::Num(2.0)), ("N", Hyper::Num(3.0)), ("seed", Hyper::Num(77.0))]),
        ("eve", vec![("c", Hyper::Num(3.0)), ("f_star", Hyper::Num(-1.0))]),
        ("sam", vec![("base", Hyper::Name("RMSprop")), ("base_rho", Hyper::Num(0.5)), ("rho", Hyper::Num(0.2))]),
        ("sam", vec![("base", Hyper::Name("ada-bound")), ("final_eta", Hyper::Num(0.3))]),
    ];
    for (name, params) in cases {
        let a = build(name, &params).expect("build");
        let h = a.hyper();
        for (k, v) in &params {
            if *k != "base" {
                assert!(h.contains(&(*k, v.clone())), "{name}: {k} in {h:?}");
            }
        }
        let b = build(name, &h).expect("rebuild");
        assert_eq!(b.hyper(), h, "{name}");
    }
    let sam = build("sam", &[("base", Hyper::Name("RMSprop")), ("base_rho", Hyper::Num(0.5))]).expect("sam");
    let keys: Vec<&str> = sam.hyper().iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, ["base", "rho", "eta", "base_rho", "eps"]);
    assert_eq!(sam.hyper()[0], ("base", Hyper::Name("rmsprop")));
    assert_eq!(sam.hyper()[1], ("rho", Hyper::Num(0.05)));
}

#[test]
fn a_key_given_twice_takes_the_last_value() {
    let opt = build("adam", &[("eta", Hyper::Num(0.1)), ("eta", Hyper::Num(0.2))]).expect("build");
    assert_eq!(opt.eta(), 0.2);
}

#[test]
fn build_errors() {
    assert_eq!(build("adamw", &[]).err(), Some(OptimError::UnknownName { given: "adamw".into() }));
    assert_eq!(build("", &[]).err(), Some(OptimError::UnknownName { given: "".into() }));
    assert_eq!(
        build("Adam", &[("lr", Hyper::Num(0.1))]).err(),
        Some(OptimError::UnknownParam {
            optimizer: "adam",
            key: "lr".into(),
            valid: vec!["eta", "beta1", "beta2", "eps"]
        })
    );
    assert_eq!(
        build("santa-e", &[("c", Hyper::Num(1.0))]).err(),
        Some(OptimError::UnknownParam {
            optimizer: "santae",
            key: "c".into(),
            valid: vec!["eta", "sigma", "anne_rate", "burnin", "C", "N", "eps", "seed"],
        })
    );
    let bad = |name: &str, key: &str, value: f64| build(name, &[(key, Hyper::Num(value))]).err();
    assert_eq!(
        bad("adam", "beta1", 1.0),
        Some(OptimError::BadValue {
            optimizer: "adam",
            key: "beta1",
            value: 1.0,
            min: 0.0,
            max: 1.0,
            min_open: false,
            max_open: true
        })
    );
    assert_eq!(
        bad("adabelief", "eps", 0.0),
        Some(OptimError::BadValue {
            optimizer: "adabelief",
            key: "eps",
            value: 0.0,
            min: 0.0,
            max: 1.0,
            min_open: true,
            max_open: false
        })
    );
    for (name, key, value) in [
        ("sgd", "eta", -1e-9),
        ("sgd", "eta", 1e3 + 1e-9),
        ("sgd", "eta", f64::NAN),
        ("sgd", "eta", f64::INFINITY),
        ("msgd", "mu", -0.1),
        ("rmsprop", "rho", 1.0),
        ("eve", "c", 0.5),
        ("eve", "f_star", f64::NEG_INFINITY),
        ("santasss", "N", 0.0),
        ("santae", "seed", -1.0),
        ("santae", "seed", 1e17),
        ("adabound", "gamma", 1.5),
        ("sam", "rho", -0.01),
    ] {
        assert!(matches!(bad(name, key, value), Some(OptimError::BadValue { .. })), "{name}.{key} = {value}");
    }
    assert!(bad("sgd", "eta", 0.0).is_none() && bad("sgd", "eta", 1e3).is_none(), "closed ends accepted");
    assert_eq!(
        build("eta-less", &[]).err(),
        Some(OptimError::UnknownName { given: "eta-less".into() }),
        "the name is checked first"
    );
    assert_eq!(
        build("adam", &[("eta", Hyper::Name("fast"))]).err(),
        Some(OptimError::WrongKind { optimizer: "adam", key: "eta" })
    );
}

#[test]
fn sam_build_errors() {
    let sam = |params: &[(&str, Hyper)]| build("sam", params).err();
    assert_eq!(sam(&[("base", Hyper::Name("sam"))]), Some(OptimError::BadBase { given: "sam".into() }));
    assert_eq!(sam(&[("base", Hyper::Name("S-A-M"))]), Some(OptimError::BadBase { given: "S-A-M".into() }));
    assert_eq!(sam(&[("base", Hyper::Name("lion"))]), Some(OptimError::BadBase { given: "lion".into() }));
    assert_eq!(sam(&[("base", Hyper::Num(1.0))]), Some(OptimError::WrongKind { optimizer: "sam", key: "base" }));
    assert_eq!(
        sam(&[("base", Hyper::Name("rmsprop")), ("mu", Hyper::Num(0.5))]),
        Some(OptimError::UnknownParam {
            optimizer: "sam",
            key: "mu".into(),
            valid: vec!["base", "rho", "eta", "base_rho", "eps"]
        })
    );
    assert_eq!(
        sam(&[("base_rho", Hyper::Num(0.5)), ("base", Hyper::Name("adam"))]),
        Some(OptimError::UnknownParam {
            optimizer: "sam",
            key: "base_rho".into(),
            valid: vec!["base", "rho", "eta", "beta1", "beta2", "eps"]
        }),
        "base_rho only for a base with its own rho"
    );
    assert_eq!(
        sam(&[("base", Hyper::Name("adadelta")), ("base_rho", Hyper::Num(1.0))]),
        Some(OptimError::BadValue {
            optimizer: "sam",
            key: "base_rho",
            value: 1.0,
            min: 0.0,
            max: 1.0,
            min_open: false,
            max_open: true
        })
    );
    assert_eq!(
        sam(&[("base", Hyper::Name("adam")), ("beta1", Hyper::Name("x"))]),
        Some(OptimError::WrongKind { optimizer: "sam", key: "beta1" })
    );
    // `rho` is always SAM's radius, even around a base with its own rho.
    let ok = build("sam", &[("base", Hyper::Name("adadelta")), ("rho", Hyper::Num(0.3))]).expect("sam adadelta");
    assert!(ok.hyper().contains(&("rho", Hyper::Num(0.3))));
    assert!(ok.hyper().contains(&("base_rho", Hyper::Num(0.95))), "AdaDelta's default ρ, the series'");
    assert_eq!(ok.eta(), 1.0, "SAM's eta is its base's");
}

#[test]
fn canonical_names() {
    for (given, canon) in [
        ("Adam", "adam"),
        ("ADAM", "adam"),
        ("rmsprop-graves", "rmspropgraves"),
        ("RMSprop_Graves", "rmspropgraves"),
        ("Santa_E", "santae"),
        ("santa-sss", "santasss"),
        ("Santa SSS", "santasss"),
        ("SMORMS3", "smorms3"),
        ("Ada-Belief", "adabelief"),
        (" sam ", "sam"),
    ] {
        assert_eq!(canonical(given), Some(canon), "{given}");
    }
    for given in ["", "adamw", "adam2", "ada", "santa", "Adám", "a.dam", "momentum"] {
        assert_eq!(canonical(given), None, "{given}");
    }
    for name in NAMES {
        assert_eq!(canonical(name), Some(name));
    }
}

#[test]
fn spec_lists() {
    assert!(spec("nothing").is_empty());
    assert_eq!(spec("Adam"), spec("adam"));
    assert_eq!(spec("sam").iter().map(|s| s.key).collect::<Vec<_>>(), ["rho"]);
    let graves: Vec<&str> = spec("rmspropgraves").iter().map(|s| s.key).collect();
    assert_eq!(graves, ["eta", "rho", "mu", "eps"]);
    for name in NAMES {
        assert_eq!(spec(name).first().map(|s| s.key), Some(if name == "sam" { "rho" } else { "eta" }), "{name}");
    }
}

#[test]
fn splitmix64_matches_the_reference_outputs() {
    // First outputs for seed 1234567 of Vigna's splitmix64.c (the same numbers hand.py asserts
    // for its own Python SplitMix64).
    let mut r = SplitMix64::new(1_234_567);
    assert_eq!(
        [r.next_u64(), r.next_u64(), r.next_u64()],
        [6457827717110365317, 3203168211198807973, 9817491932198370423]
    );
}

#[test]
fn normals_have_mean_0_and_variance_1() {
    let mut r = SplitMix64::new(9);
    let n = 200_000;
    let xs: Vec<f64> = (0..n).map(|_| r.normal()).collect();
    let mean = xs.iter().sum::<f64>() / n as f64;
    let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n as f64;
    // Standard errors: 1/√n ≈ 0.0022 for the mean, √(2/n) ≈ 0.0032 for the variance.
    assert!(mean.abs() < 0.01, "{mean}");
    assert!((var - 1.0).abs() < 0.015, "{var}");
    assert!(xs.iter().all(|x| x.is_finite()));
}

#[test]
fn santa_is_reproducible_and_seeded() {
    for name in ["santae", "santasss"] {
        let seeded = |seed: f64| {
            let mut o = build(name, &[("seed", Hyper::Num(seed))]).expect("santa");
            run(o.as_mut(), 4, 0)
        };
        assert_eq!(seeded(5.0), seeded(5.0), "{name}");
        assert_ne!(seeded(5.0), seeded(6.0), "{name}");
        assert_eq!(seeded(5.0), seeded(5.9), "{name}: the seed's fraction is dropped");
    }
}

#[test]
fn eve_feedback_guards() {
    let mut probe = CountingProbe::default();
    // The loss sitting at f* (0/0 in the ratio) counts as no change: d = 1/c.
    let mut eve = Eve::default();
    let mut flat = Eve::default();
    for loss in [0.0, 0.0, 0.0] {
        let (mut a, mut b) = ([0.0; 2], [0.0; 2]);
        eve.update(&[0.3, -0.2], loss, &mut probe, &mut a);
        flat.update(&[0.3, -0.2], 0.5, &mut probe, &mut b);
        assert!(a.iter().all(|x| x.is_finite()));
        assert_eq!(a, b, "an unchanged loss gives the same feedback at f* and above it");
    }
    assert_eq!(eve.state.d, 0.999 * (0.999 + 0.001 * 0.1) + 0.001 * 0.1);
    // Falling to f* with a change: ratio +∞, clipped to c.
    let mut drop = Eve::default();
    for loss in [0.5, 0.0] {
        drop.update(&[0.3, -0.2], loss, &mut probe, &mut [0.0; 2]);
    }
    assert_eq!(drop.state.d, 0.999 + 0.001 * 10.0);
}
