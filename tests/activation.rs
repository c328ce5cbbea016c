//! Activation behaviour: derivatives against central differences, kink values, special inputs,
//! limits, output ranges and names. Expected values are hand-derived (written next to them).

use descent::activation::{Activation, ACTIVATIONS};
use Activation::*;

/// The kinks of each activation, by hand from the definitions (where f or f′ jumps; ELU/CELU
/// listed at 0 where f″ jumps), with the derivative there and the side it is taken from:
/// 'L' left, 'R' right, 'O' the outside (constant) piece, 'I' the inside piece, 'B' both sides
/// agree.
fn kinks_by_hand(a: Activation) -> Vec<(f64, f64, char)> {
    match a {
        Step => vec![(0.0, 0.0, 'B')],
        HardSigmoid => vec![(-3.0, 0.0, 'L'), (3.0, 0.0, 'R')],
        HardTanh => vec![(-1.0, 0.0, 'L'), (1.0, 0.0, 'R')],
        Relu => vec![(0.0, 0.0, 'L')],
        Relu6 => vec![(0.0, 0.0, 'L'), (6.0, 0.0, 'R')],
        LeakyRelu => vec![(0.0, 0.01, 'L')],
        Elu | Celu => vec![(0.0, 1.0, 'B')],
        // λ·α = 1.0507009873554805 × 1.6732632423543772 = 1.7580993408473766 (f64 product, Python)
        Selu => vec![(0.0, 1.7580993408473766, 'L')],
        HardSwish => vec![(-3.0, -0.5, 'R'), (3.0, 1.0, 'R')],
        HardShrink | SoftShrink => vec![(-0.5, 0.0, 'R'), (0.5, 0.0, 'L')],
        Threshold => vec![(0.0, 0.0, 'L')],
        _ => vec![],
    }
}

#[test]
fn kinks_are_listed_and_take_the_documented_one_sided_value() {
    for a in ACTIVATIONS {
        let hand = kinks_by_hand(a);
        let listed: Vec<f64> = a.kinks().to_vec();
        assert_eq!(listed, hand.iter().map(|k| k.0).collect::<Vec<_>>(), "{}", a.name());
        for (k, d, side) in hand {
            assert_eq!(a.derivative(k), d, "{}'({k})", a.name());
            // the side: the derivative a hair to that side equals the value at the kink
            let eps = 1e-9;
            let (l, r) = (a.derivative(k - eps), a.derivative(k + eps));
            let near = |v: f64| (v - d).abs() <= 1e-8;
            match side {
                'L' => assert!(near(l), "{} at {k}: left {l}", a.name()),
                'R' => assert!(near(r), "{} at {k}: right {r}", a.name()),
                'B' => assert!(near(l) && near(r), "{} at {k}: {l} {r}", a.name()),
                _ => unreachable!(),
            }
        }
    }
}

#[test]
fn values_at_kinks() {
    // by hand from the definitions (torch's inclusive/exclusive comparisons)
    assert_eq!(Step.forward(0.0), 0.0);
    assert_eq!(Relu.forward(0.0), 0.0);
    assert_eq!(HardShrink.forward(0.5), 0.0);
    assert_eq!(HardShrink.forward(-0.5), 0.0);
    assert_eq!(HardShrink.forward(0.5000000000000001), 0.5000000000000001);
    assert_eq!(SoftShrink.forward(0.5), 0.0);
    assert_eq!(Threshold.forward(0.0), -1.0);
    assert_eq!(Threshold.forward(1e-300), 1e-300);
    assert_eq!(HardSigmoid.forward(-3.0), 0.0);
    assert_eq!(HardSigmoid.forward(3.0), 1.0);
    assert_eq!(HardSigmoid.forward(0.0), 0.5);
    assert_eq!(HardSwish.forward(3.0), 3.0);
    assert_eq!(HardSwish.forward(-3.0), 0.0);
    // hard swish minimum at z = −1.5: −1.5·1.5/6 = −0.375 exactly
    assert_eq!(HardSwish.forward(-1.5), -0.375);
    assert_eq!(Relu6.forward(6.0), 6.0);
    assert_eq!(HardTanh.forward(-1.0), -1.0);
}

/// A test grid of 50 points in [−5.95, 5.95] (offset so none is a kink).
fn grid() -> Vec<f64> {
    (0..50).map(|k| -5.95 + k as f64 * (11.9 / 49.0) + 0.00731).collect()
}

/// Central differences with h = 1e−6, the step actually taken being (z + h) − (z − h).
/// Tolerance |num − ana| ≤ 1e−7·|ana| + 4ε(|f(z+h)| + |f(z−h)|)/(2h) + 1e−12:
/// the truncation error is h²·|f‴|/6 ≈ 2e−13 (|f‴| ≤ ~2 here), the rounding error of the two
/// values (a few ulps each) divided by 2h is the middle term (≈ 1e−9·|f|, which dominates where
/// f′ ≪ f, e.g. tanh at |z| ≈ 6 where f′ ≈ 2.5e−5); 1e−7 relative then still exposes any wrong
/// formula, whose error would be ≫ 1e−7.
fn check_against_central_difference(a: Activation, z: f64) {
    let h = 1e-6;
    let (zp, zm) = (z + h, z - h);
    let (fp, fm) = (a.forward(zp), a.forward(zm));
    let num = (fp - fm) / (zp - zm);
    let ana = a.derivative(z);
    let tol = 1e-7 * ana.abs() + 4.0 * f64::EPSILON * (fp.abs() + fm.abs()) / (zp - zm) + 1e-12;
    assert!((num - ana).abs() <= tol, "{}'({z}): analytic {ana:e}, numeric {num:e}", a.name());
}

#[test]
fn derivatives_match_central_differences_away_from_kinks() {
    for a in ACTIVATIONS {
        let mut checked = 0;
        for z in grid() {
            if a.kinks().iter().any(|k| (z - k).abs() < 1e-3) {
                continue;
            }
            check_against_central_difference(a, z);
            checked += 1;
        }
        assert!(checked >= 48, "{}: {checked}", a.name());
    }
}

#[test]
fn derivatives_match_central_differences_at_larger_inputs() {
    // beyond the grid: where exp, tanh and softplus saturate
    for a in ACTIVATIONS {
        for z in [-30.0, -15.0, -9.0, 8.5, 12.0, 19.5, 20.5, 30.0] {
            check_against_central_difference(a, z);
        }
    }
}

/// Hand-derived limits (f(−∞), f(+∞), f′(−∞), f′(+∞)).
fn limits_by_hand(a: Activation) -> (f64, f64, f64, f64) {
    let inf = f64::INFINITY;
    match a {
        Identity => (-inf, inf, 1.0, 1.0),
        Step | Sigmoid | HardSigmoid => (0.0, 1.0, 0.0, 0.0),
        LogSigmoid => (-inf, 0.0, 1.0, 0.0),
        Tanh | HardTanh | Softsign => (-1.0, 1.0, 0.0, 0.0),
        TanhShrink => (-inf, inf, 1.0, 1.0),
        Relu => (0.0, inf, 0.0, 1.0),
        Relu6 => (0.0, 6.0, 0.0, 0.0),
        LeakyRelu => (-inf, inf, 0.01, 1.0),
        Elu | Celu => (-1.0, inf, 0.0, 1.0),
        // −λα (f64 product) and λ
        Selu => (-1.7580993408473766, inf, 0.0, 1.0507009873554805),
        Softplus => (0.0, inf, 0.0, 1.0),
        Swish | Mish | TanhExp | HardSwish => (0.0, inf, 0.0, 1.0),
        // (√(z²+1) − 1)/2 + z ~ (|z| + 2z)/2: slopes 1/2 and 3/2
        BentIdentity => (-inf, inf, 0.5, 1.5),
        HardShrink | SoftShrink => (-inf, inf, 1.0, 1.0),
        Threshold => (-1.0, inf, 0.0, 1.0),
    }
}

#[test]
fn infinite_inputs_give_the_limits() {
    for a in ACTIVATIONS {
        let (fm, fp, dm, dp) = limits_by_hand(a);
        assert_eq!(a.forward(f64::NEG_INFINITY), fm, "{}(-inf)", a.name());
        assert_eq!(a.forward(f64::INFINITY), fp, "{}(+inf)", a.name());
        assert_eq!(a.derivative(f64::NEG_INFINITY), dm, "{}'(-inf)", a.name());
        assert_eq!(a.derivative(f64::INFINITY), dp, "{}'(+inf)", a.name());
        // and the formulas at ±1e300 approach the same limits
        for (z, lim, dlim) in [(-1e300, fm, dm), (1e300, fp, dp)] {
            let (f, d) = (a.forward(z), a.derivative(z));
            if lim.is_finite() {
                assert!((f - lim).abs() <= 1e-12, "{}({z}) = {f:e}, limit {lim:e}", a.name());
            } else {
                // unbounded: |f| grows at least like 0.01·|z| (leaky ReLU's slope)
                assert!(f.signum() == lim.signum() && f.abs() >= 1e297, "{}({z}) = {f:e}", a.name());
            }
            assert!((d - dlim).abs() <= 1e-12, "{}'({z}) = {d:e}, limit {dlim:e}", a.name());
        }
    }
}

#[test]
fn no_nan_or_panic_for_special_inputs() {
    let specials = [
        0.0,
        -0.0,
        1e-310,
        -1e-310,
        1.0,
        -1.0,
        20.0,
        -20.0,
        40.0,
        -40.0,
        800.0,
        -800.0,
        1e308,
        -1e308,
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    for a in ACTIVATIONS {
        for z in specials {
            let (f, d) = (a.forward(z), a.derivative(z));
            assert!(!f.is_nan() && !d.is_nan(), "{} at {z:e}: {f} {d}", a.name());
            assert!(!a.backward(z, 1.0).is_nan() && !a.backward(z, -1e12).is_nan(), "{} at {z:e}", a.name());
            // finite for finite z, except where the true value exceeds f64::MAX: SELU(MAX) =
            // λ·MAX and bent identity(MAX) ≈ 1.5·MAX overflow to +∞
            if (a == Selu || a == BentIdentity) && z == f64::MAX {
                assert_eq!(f, f64::INFINITY, "{}", a.name());
            } else if z.is_finite() {
                assert!(f.is_finite(), "{} at {z:e}: {f}", a.name());
            }
            if z.is_finite() {
                assert!(d.is_finite(), "{} at {z:e}: {d}", a.name());
            }
        }
        assert!(a.forward(f64::NAN).is_nan(), "{}", a.name());
        assert!(a.derivative(f64::NAN).is_nan(), "{}", a.name());
    }
}

#[test]
fn exact_values_at_special_inputs() {
    // hand-derived: e^800 = ∞ in f64, so σ(−800) = 1/(1 + ∞) = 0, tanh(e^800) = 1
    assert_eq!(Sigmoid.forward(-800.0), 0.0);
    assert_eq!(Sigmoid.forward(800.0), 1.0);
    assert_eq!(TanhExp.forward(800.0), 800.0);
    assert_eq!(TanhExp.derivative(800.0), 1.0);
    assert_eq!(Mish.forward(800.0), 800.0);
    assert_eq!(Mish.forward(-800.0), 0.0);
    assert_eq!(Softplus.forward(800.0), 800.0);
    assert_eq!(Softplus.forward(-800.0), 0.0);
    assert_eq!(LogSigmoid.forward(-800.0), -800.0);
    assert_eq!(LogSigmoid.forward(800.0), 0.0);
    // ln 2 = 0.6931471805599453 (f64)
    assert_eq!(Softplus.forward(0.0), std::f64::consts::LN_2);
    assert_eq!(LogSigmoid.forward(0.0), -std::f64::consts::LN_2);
    assert_eq!(Sigmoid.forward(0.0), 0.5);
    assert_eq!(Sigmoid.derivative(0.0), 0.25);
    assert_eq!(Tanh.derivative(0.0), 1.0);
    assert_eq!(Swish.derivative(0.0), 0.5);
    // bent identity at 1e308: (1e308 − 1)/2 + 1e308 = 1.5e308 (no overflow of z²)
    assert_eq!(BentIdentity.forward(1e308), 1.5e308);
    assert_eq!(BentIdentity.forward(-1e308), -0.5e308);
    assert_eq!(BentIdentity.derivative(1e308), 1.5);
    // subnormal input: softsign(z) = z, bent identity(z) = z (z² underflows to 0)
    assert_eq!(Softsign.forward(1e-310), 1e-310);
    assert_eq!(BentIdentity.forward(-1e-310), -1e-310);
    // sigmoid exactly as the article: 1/(1 + e^(−z))
    for z in [-3.7f64, -0.1, 0.3, 2.9, 11.0] {
        assert_eq!(Sigmoid.forward(z).to_bits(), (1.0 / (1.0 + (-z).exp())).to_bits());
        let y = 1.0 / (1.0 + (-z).exp());
        assert_eq!(Sigmoid.derivative(z).to_bits(), (y * (1.0 - y)).to_bits());
    }
}

/// Hand-written ranges (closure of the outputs; hull for hard shrink and threshold). The minima
/// of swish, mish and tanhExp are checked against mpmath in tests/reference_values.rs.
#[test]
fn output_ranges() {
    let inf = f64::INFINITY;
    let expect = |a: Activation| -> Option<(f64, f64)> {
        Some(match a {
            Identity | TanhShrink | LeakyRelu | BentIdentity | HardShrink | SoftShrink => (-inf, inf),
            Step | Sigmoid | HardSigmoid => (0.0, 1.0),
            LogSigmoid => (-inf, 0.0),
            Tanh | HardTanh | Softsign => (-1.0, 1.0),
            Relu | Softplus => (0.0, inf),
            Relu6 => (0.0, 6.0),
            Elu | Celu => (-1.0, inf),
            Selu => (-1.7580993408473766, inf),
            HardSwish => (-0.375, inf),
            Threshold => (-1.0, inf),
            Swish | Mish | TanhExp => return None,
        })
    };
    for a in ACTIVATIONS {
        let (lo, hi) = a.output_range();
        if let Some(e) = expect(a) {
            assert_eq!((lo, hi), e, "{}", a.name());
        } else {
            assert!(lo > -0.36 && lo < -0.27 && hi == inf, "{}", a.name());
        }
        // every output on a dense grid lies in the range (1 ulp of slack below for rounding)
        let slack = 2.0 * f64::EPSILON * lo.abs();
        for k in -50_000..=50_000 {
            let z = k as f64 * 1e-3 + 1.3e-5;
            let y = a.forward(z);
            assert!(y >= lo - slack && y <= hi, "{}({z}) = {y} outside [{lo}, {hi}]", a.name());
        }
    }
}

#[test]
fn in_unit_interval_exactly_for_step_sigmoid_hard_sigmoid() {
    for a in ACTIVATIONS {
        assert_eq!(a.in_unit_interval(), matches!(a, Step | Sigmoid | HardSigmoid), "{}", a.name());
    }
}

#[test]
fn backward_is_the_chain_rule() {
    for a in ACTIVATIONS {
        for z in grid() {
            for g in [1.0, -0.37, 2.5e3] {
                let expected = g * a.derivative(z);
                let got = a.backward(z, g);
                // sigmoid reorders the product: within 2 ulps; the others exactly
                if a == Sigmoid {
                    assert!((got - expected).abs() <= 4.0 * f64::EPSILON * expected.abs(), "{z} {g}");
                } else {
                    assert_eq!(got.to_bits(), expected.to_bits(), "{} {z} {g}", a.name());
                }
            }
        }
    }
}

const CANONICAL: [&str; 24] = [
    "identity",
    "step",
    "sigmoid",
    "hard-sigmoid",
    "log-sigmoid",
    "tanh",
    "tanh-shrink",
    "hard-tanh",
    "relu",
    "relu6",
    "leaky-relu",
    "elu",
    "selu",
    "celu",
    "softplus",
    "softsign",
    "swish",
    "mish",
    "tanh-exp",
    "hard-swish",
    "bent-identity",
    "hard-shrink",
    "soft-shrink",
    "threshold",
];

#[test]
fn names_round_trip_in_several_spellings() {
    for (a, name) in ACTIVATIONS.iter().zip(CANONICAL) {
        assert_eq!(a.name(), name);
        let spellings = [
            name.to_string(),
            name.to_ascii_uppercase(),
            name.replace('-', "_"),
            name.replace('-', " "),
            name.replace('-', ""),
            format!(" {} ", name.to_ascii_uppercase().replace('-', "__")),
        ];
        for s in spellings {
            assert_eq!(Activation::from_name(&s), Some(*a), "{s:?}");
        }
    }
    let named = [
        ("ReLU", Relu),
        ("ReLU6", Relu6),
        ("LeakyReLU", LeakyRelu),
        ("leaky_relu", LeakyRelu),
        ("Leaky ReLU", LeakyRelu),
        ("LReLU", LeakyRelu),
        ("tanhExp", TanhExp),
        ("TanhExp", TanhExp),
        ("Hard Sigmoid", HardSigmoid),
        ("HardSigmoid", HardSigmoid),
        ("LogSigmoid", LogSigmoid),
        ("Tanhshrink", TanhShrink),
        ("Hardtanh", HardTanh),
        ("SELU", Selu),
        ("CELU", Celu),
        ("ELU", Elu),
        ("SiLU", Swish),
        ("Swish", Swish),
        ("Mish", Mish),
        ("Hardswish", HardSwish),
        ("BentIdentity", BentIdentity),
        ("Hardshrink", HardShrink),
        ("Softshrink", SoftShrink),
        ("Threshold", Threshold),
    ];
    for (s, a) in named {
        assert_eq!(Activation::from_name(s), Some(a), "{s}");
    }
    for s in ["", "-", " _ ", "relu7", "gelu", "sigmoid!", "reluu", "rel", "ré lu", "hard-sigmoid-x", "tanh exp2"] {
        assert_eq!(Activation::from_name(s), None, "{s:?}");
    }
}
