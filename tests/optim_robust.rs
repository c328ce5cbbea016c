//! No input value makes `update` or `build` panic: every optimizer (and SAM around every base)
//! over every pair of edge values for the gradient and every edge loss, carrying its state, and a
//! proptest over arbitrary f64 bit patterns, lengths and mismatched `delta` lengths.

mod common;

use common::Quadratic;
use descent::optim::{build, spec, Hyper, Optimizer, NAMES};
use proptest::prelude::*;

const EDGES: [f64; 13] = [
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    1e308,
    -1e308,
    f64::MAX,
    5e-324,
    -5e-324,
    2.2e-308,
    0.0,
    -0.0,
    1.0,
    -0.3,
];

/// Every optimizer with its defaults, plus SAM around every other one.
fn all() -> Vec<Box<dyn Optimizer>> {
    let mut v: Vec<Box<dyn Optimizer>> = NAMES.iter().map(|n| build(n, &[]).expect("defaults")).collect();
    for base in NAMES.iter().filter(|n| **n != "sam") {
        v.push(build("sam", &[("base", Hyper::Name(base))]).expect("sam"));
    }
    v
}

#[test]
fn edge_values_never_panic() {
    for mut opt in all() {
        // One optimizer carries its state (NaN included) through all the combinations, and a fresh
        // one takes each combination from the first step.
        let mut fresh_template = opt.boxed();
        fresh_template.reset();
        let mut probe = Quadratic::new(2.0, 0.5, [0.5, -0.5]);
        for &g0 in &EDGES {
            for &g1 in &EDGES {
                for &loss in &[f64::NAN, f64::INFINITY, -1e308, 0.0, 0.07] {
                    let mut delta = [0.0; 2];
                    opt.update(&[g0, g1], loss, &mut probe, &mut delta);
                    let mut fresh = fresh_template.boxed();
                    for _ in 0..2 {
                        fresh.update(&[g0, g1], loss, &mut probe, &mut delta);
                    }
                }
            }
        }
        // After NaN state, reset brings back finite moves.
        opt.reset();
        let mut delta = [0.0; 2];
        opt.update(&[0.3, -0.2], 0.1, &mut probe, &mut delta);
        assert!(delta.iter().all(|d| d.is_finite()), "{} after reset: {delta:?}", opt.name());
    }
}

#[test]
fn build_with_edge_values_never_panics() {
    for name in NAMES {
        for s in spec(name) {
            for &v in &EDGES {
                let ok = build(name, &[(s.key, Hyper::Num(v))]).is_ok();
                let inside = v.is_finite()
                    && (if s.min_open { v > s.min } else { v >= s.min })
                    && (if s.max_open { v < s.max } else { v <= s.max });
                assert_eq!(ok, inside, "{name}.{} = {v}", s.key);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn arbitrary_floats_never_panic(
        which in 0usize..37,
        steps in proptest::collection::vec(
            (proptest::collection::vec(proptest::num::f64::ANY, 0..4), proptest::num::f64::ANY, 0usize..5),
            1..5,
        ),
    ) {
        let mut opts = all();
        let idx = which % opts.len();
        let opt = &mut opts[idx];
        let mut probe = Quadratic::new(2.0, 0.5, [0.5, -0.5]);
        for (grad, loss, delta_len) in steps {
            let mut delta = vec![0.0; delta_len];
            opt.update(&grad, loss, &mut probe, &mut delta);
            // Past the gradient's length the move is 0.
            for d in delta.iter().skip(grad.len()) {
                prop_assert_eq!(*d, 0.0);
            }
        }
    }
}
