//! Loss behaviour: derivatives against central differences, finiteness on [0, 1]², hand values at
//! the clamps, compatibility with activations, names. (Values against torch's formulas and mpmath
//! are in tests/reference_values.rs.)

use descent::activation::{Activation, ACTIVATIONS};
use descent::loss::{compatible, Incompatible, Loss, GRAD_EPS, LOG_CLAMP, LOSSES};

/// Central differences in y with h = 1e−6, y ∈ [0.05, 0.95]. Tolerance 1e−7·|L′| plus the
/// rounding floor 4ε(|L(y+h)| + |L(y−h)|)/(2h) plus 1e−9: the truncation error h²·|L‴|/6 is at
/// most ≈ 3e−9 here (|L‴| ≤ 2/y³ + 2/(1 − y)³ ≤ 1.6e4), and only where |L′| ≥ 1, so it stays far
/// below the relative term; a wrong formula would be off by ≫ 1e−7.
#[test]
fn derivatives_match_central_differences() {
    let h = 1e-6;
    for loss in LOSSES {
        for k in 0..=18 {
            let y = 0.05 + 0.05 * k as f64 + 0.0013;
            for t in [0.0, 0.3, 0.5, 1.0] {
                let (yp, ym) = (y + h, y - h);
                let (lp, lm) = (loss.value(yp, t), loss.value(ym, t));
                let num = (lp - lm) / (yp - ym);
                let ana = loss.derivative(y, t);
                let tol = 1e-7 * ana.abs() + 4.0 * f64::EPSILON * (lp.abs() + lm.abs()) / (yp - ym) + 1e-9;
                assert!((num - ana).abs() <= tol, "{} at y={y} t={t}: {ana:e} vs {num:e}", loss.name());
            }
        }
    }
    // the square loss is defined for any y: check outside [0, 1] too
    for y in [-3.2, -0.4, 1.7, 12.5] {
        let (yp, ym) = (y + h, y - h);
        let num = (Loss::Square.value(yp, 0.4) - Loss::Square.value(ym, 0.4)) / (yp - ym);
        assert!((num - Loss::Square.derivative(y, 0.4)).abs() <= 1e-8, "{y}");
    }
}

#[test]
fn finite_everywhere_on_the_unit_square() {
    let ys = [0.0, -0.0, 1e-320, 1e-300, 1e-44, 1e-12, 0.3, 0.5, 1.0 - 1e-12, 1.0 - f64::EPSILON / 2.0, 1.0];
    let ts = [0.0, 1e-300, 0.25, 0.5, 1.0 - f64::EPSILON / 2.0, 1.0];
    for loss in LOSSES {
        for y in ys {
            for t in ts {
                let (v, d) = (loss.value(y, t), loss.derivative(y, t));
                assert!(v.is_finite() && d.is_finite(), "{} at ({y:e}, {t:e}): {v} {d}", loss.name());
                // a loss is never negative (up to rounding of t·ln terms)
                assert!(v >= -1e-15, "{} at ({y:e}, {t:e}): {v}", loss.name());
                // |∂L/∂y| ≤ 1/GRAD_EPS = 1e12 for the clamped denominators
                assert!(d.abs() <= 1.0 / GRAD_EPS, "{} at ({y:e}, {t:e}): {d}", loss.name());
            }
        }
    }
}

#[test]
fn clamped_values_by_hand() {
    assert_eq!(LOG_CLAMP, -100.0);
    assert_eq!(GRAD_EPS, 1e-12);
    let bce = Loss::BinaryCrossEntropy;
    // y = 0, t = 1: −max(ln 0, −100) = 100; y = 1, t = 0: −max(ln 0, −100) = 100
    assert_eq!(bce.value(0.0, 1.0), 100.0);
    assert_eq!(bce.value(1.0, 0.0), 100.0);
    // perfect predictions cost nothing
    assert_eq!(bce.value(0.0, 0.0), 0.0);
    assert_eq!(bce.value(1.0, 1.0), 0.0);
    // t = 0.3 at y = 0: −(0.3·(−100) + 0.7·ln 1) = 30
    assert_eq!(bce.value(0.0, 0.3), 30.0);
    // derivatives: (y − t)/max(y(1 − y), 1e−12)
    assert_eq!(bce.derivative(0.0, 1.0), -1e12);
    assert_eq!(bce.derivative(1.0, 0.0), 1e12);
    assert_eq!(bce.derivative(0.0, 0.0), 0.0);
    assert_eq!(bce.derivative(0.5, 0.5), 0.0);
    // (0.5 − 1)/(0.25) = −2
    assert_eq!(bce.derivative(0.5, 1.0), -2.0);
    let ce = Loss::CrossEntropy;
    assert_eq!(ce.value(0.0, 1.0), 100.0);
    assert_eq!(ce.value(1.0, 1.0), 0.0);
    assert_eq!(ce.value(0.0, 0.0), 0.0);
    assert_eq!(ce.derivative(0.0, 1.0), -1e12);
    assert_eq!(ce.derivative(0.5, 1.0), -2.0);
    // square: ½(0.75 − 0.25)² = 0.125, derivative 0.5
    assert_eq!(Loss::Square.value(0.75, 0.25), 0.125);
    assert_eq!(Loss::Square.derivative(0.75, 0.25), 0.5);
    // square exactly as the article writes it
    for (y, t) in [(0.731f64, 0.2f64), (0.1, 0.9), (0.4999, 0.5)] {
        assert_eq!(Loss::Square.value(y, t).to_bits(), (0.5 * (y - t).powi(2)).to_bits());
    }
}

#[test]
fn nan_propagates() {
    for loss in LOSSES {
        assert!(loss.value(f64::NAN, 0.5).is_nan(), "{}", loss.name());
        assert!(loss.derivative(f64::NAN, 0.5).is_nan(), "{}", loss.name());
    }
}

#[test]
fn compatibility() {
    use Activation::*;
    for a in ACTIVATIONS {
        assert_eq!(compatible(a, Loss::Square), Ok(()), "{}", a.name());
    }
    for loss in [Loss::BinaryCrossEntropy, Loss::CrossEntropy] {
        assert!(loss.needs_unit_interval());
        for a in [Sigmoid, Step, HardSigmoid] {
            assert_eq!(compatible(a, loss), Ok(()), "{}", a.name());
        }
        for a in [Relu, Tanh, Identity, Softplus, Relu6, Swish, Softsign, Threshold, LogSigmoid] {
            assert_eq!(
                compatible(a, loss),
                Err(Incompatible { activation: a, loss, range: a.output_range() }),
                "{}",
                a.name()
            );
        }
        // by hand: tanh's range is (−1, 1), ReLU's (0, ∞)
        assert_eq!(compatible(Tanh, loss).map_err(|e| e.range), Err((-1.0, 1.0)));
        assert_eq!(compatible(Relu, loss).map_err(|e| e.range), Err((0.0, f64::INFINITY)));
        let refused = ACTIVATIONS.iter().filter(|&&a| compatible(a, loss).is_err()).count();
        assert_eq!(refused, 21);
    }
    assert!(!Loss::Square.needs_unit_interval());
}

#[test]
fn names() {
    let canonical = ["square", "binary-cross-entropy", "cross-entropy"];
    for (l, name) in LOSSES.iter().zip(canonical) {
        assert_eq!(l.name(), name);
        for s in [
            name.to_string(),
            name.to_ascii_uppercase(),
            name.replace('-', "_"),
            name.replace('-', " "),
            name.replace('-', ""),
        ] {
            assert_eq!(Loss::from_name(&s), Some(*l), "{s:?}");
        }
    }
    for (s, l) in [
        ("bce", Loss::BinaryCrossEntropy),
        ("BCE", Loss::BinaryCrossEntropy),
        ("BinaryCrossEntropy", Loss::BinaryCrossEntropy),
        ("Cross Entropy", Loss::CrossEntropy),
        ("CE", Loss::CrossEntropy),
        ("Square", Loss::Square),
    ] {
        assert_eq!(Loss::from_name(s), Some(l), "{s}");
    }
    for s in ["", "mse", "squares", "binary", "cross", "b c e x", "entropy"] {
        assert_eq!(Loss::from_name(s), None, "{s:?}");
    }
}
