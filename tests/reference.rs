#![cfg(not(target_arch = "wasm32"))]
//! The core against the article's own numpy numbers (`tests/reference/seed.json`, copied from the workplace) and against
//! central finite differences.

use descent::data::Sampler;
use descent::descent::{Descent, Quantity, Stop};
use descent::landscape::{contour_levels, Interval, NeuronLoss};
use descent::model::{gradient, neuron, neuron_loss, sgd_step, sigmoid, sigmoid_derivative};
use descent::objective::Objective;
use descent::optim::{build, Hyper, Optimizer, Probe, Sgd};
use descent::parabola::{parabola_step, Regime};
use serde_json::Value;

/// The article's panel: SGD at rate `η` from `(w₀, b₀)` on its loss space, `[−2, 2]²`.
fn trainer(w0: f64, b0: f64, eta: f64) -> Descent<NeuronLoss, 2> {
    let w = Interval::symmetric(2.0).expect("window");
    let opt = build("sgd", &[("eta", Hyper::Num(eta))]).expect("sgd");
    Descent::new(NeuronLoss::default(), [w, w], [w0, b0], opt, Sampler::full(1))
}

fn params<O: Objective<2>>(t: &Descent<O, 2>) -> (f64, f64) {
    let [w, b] = t.point();
    (w, b)
}

struct NoProbe;
impl Probe for NoProbe {
    fn gradient_at_offset(&mut self, _: &[f64], _: &mut [f64]) -> f64 {
        unreachable!("SGD looks nowhere else")
    }
}

fn reference() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reference/seed.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    serde_json::from_str(&text).expect("seed.json parses")
}

fn f(v: &Value) -> f64 {
    v.as_f64().expect("a number")
}

/// `|a − b| ≤ 1e-12·max(|a|, |b|)`, with an absolute floor of 1e-15 for values near zero.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()) || (a - b).abs() <= 1e-15
}

#[track_caller]
fn assert_close(a: f64, b: f64, what: &str) {
    assert!(close(a, b), "{what}: {a} vs reference {b} (rel {:e})", ((a - b) / b).abs());
}

#[test]
fn every_loss_sample_matches_numpy() {
    let r = reference();
    let (x0, y_star) = (f(&r["x0"]), f(&r["y_star"]));
    let samples = r["loss_samples_w_b_loss"].as_array().unwrap();
    assert_eq!(samples.len(), 400);
    for s in samples {
        let (w, b, l) = (f(&s[0]), f(&s[1]), f(&s[2]));
        assert_close(neuron_loss(x0, w, b, y_star), l, &format!("L({w}, {b})"));
    }
}

#[test]
fn grid_extremes_and_contour_levels_match_numpy() {
    let r = reference();
    let g = &r["grid"];
    let n = g["n"].as_u64().unwrap() as usize;
    // The article's grid: np.arange(-2, 2, 1e-2), which numpy fills as start + i·delta.
    let delta = (-2.0 + 0.01) - -2.0;
    let axis: Vec<f64> = (0..n).map(|i| -2.0 + i as f64 * delta).collect();
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for &b in &axis {
        for &w in &axis {
            let l = neuron_loss(1.0, w, b, 0.5);
            lo = lo.min(l);
            hi = hi.max(l);
        }
    }
    assert_close(hi, f(&g["loss_max"]), "loss_max");
    // The minimum is a rounding residue near 4e-31; agree to the absolute floor.
    assert!((lo - f(&g["loss_min"])).abs() < 1e-29, "loss_min {lo}");
    let levels = contour_levels(f(&g["loss_min"]), f(&g["loss_max"]), 1.0 / 256.0);
    let expected = g["contour_levels_from_seed"].as_array().unwrap();
    assert_eq!(levels.len(), 30);
    assert_eq!(levels.len(), expected.len());
    for (a, e) in levels.iter().zip(expected) {
        assert_close(*a, f(e), "contour level");
    }
}

#[test]
fn sgd_trajectories_match_numpy() {
    let r = reference();
    for run in r["sgd_runs"].as_array().unwrap() {
        let (w0, b0, eta) = (f(&run["w0"]), f(&run["b0"]), f(&run["eta"]));
        let expected = run["trajectory_w_b"].as_array().unwrap();
        // Free functions, as the JS API composes them.
        let (mut w, mut b) = (w0, b0);
        for (t, e) in expected.iter().enumerate() {
            assert_close(w, f(&e[0]), &format!("w_{t} (η={eta})"));
            assert_close(b, f(&e[1]), &format!("b_{t} (η={eta})"));
            let (gw, gb) = gradient(1.0, w, b, 0.5);
            (w, b) = sgd_step(w, b, gw, gb, eta);
        }
        // The generic descent, as the page uses it.
        let mut trainer = trainer(w0, b0, eta);
        for _ in 1..expected.len() {
            trainer.step().expect("reference runs stay in the loss space");
        }
        for (t, ((_, p), e)) in trainer.trail().iter().zip(expected).enumerate() {
            assert_close(p[0], f(&e[0]), &format!("descent w_{t}"));
            assert_close(p[1], f(&e[1]), &format!("descent b_{t}"));
        }
    }
}

#[test]
fn parabola_runs_match_numpy() {
    let r = reference();
    for run in r["parabola_runs"].as_array().unwrap() {
        let (mut x, eta) = (f(&run["x0"]), f(&run["eta"]));
        for (t, e) in run["xs"].as_array().unwrap().iter().enumerate() {
            assert_close(x, f(e), &format!("x_{t} (η={eta})"));
            x = parabola_step(x, eta);
        }
    }
}

#[test]
fn the_articles_parabola_numbers() {
    // At (1, 1) the slope is 2; Δx = −2 lands on x = −1, then back on 1.
    assert_eq!(parabola_step(1.0, 1.0), -1.0);
    assert_eq!(parabola_step(-1.0, 1.0), 1.0);
    assert_eq!(parabola_step(1.0, 0.5), 0.0);
    assert_eq!(Regime::of(1.0), Some(Regime::Bounce));
    assert_eq!(Regime::of(0.1), Some(Regime::Smooth));
    assert_eq!(Regime::of(0.5), Some(Regime::OneStep));
    assert_eq!(Regime::of(0.9), Some(Regime::Oscillating));
    assert_eq!(Regime::of(1.1), Some(Regime::Divergent));
    assert_eq!(Regime::of(0.0), Some(Regime::NoMovement));
    assert_eq!(Regime::of(-0.1), Some(Regime::Uphill));
    assert_eq!(Regime::of(f64::NAN), None);
}

#[test]
fn parabola_is_geometric() {
    // x_n = (1 − 2η)^n·x₀ for η and x₀ not in the reference.
    for &(x0, eta) in &[(1.0, 0.3), (-1.7, 0.05), (2.2, 0.75), (0.4, 1.02)] {
        let mut x = x0;
        for n in 1..=25 {
            x = parabola_step(x, eta);
            assert_close(x, (1.0f64 - 2.0 * eta).powi(n) * x0, "closed form");
        }
    }
}

#[test]
fn sigmoid_values_and_derivative() {
    assert_eq!(sigmoid(0.0), 0.5);
    assert_close(sigmoid(1.0), 0.7310585786300049, "σ(1)");
    assert_close(sigmoid(-2.0), 0.11920292202211755, "σ(−2)");
    for i in -40..=40 {
        let z = i as f64 * 0.25;
        let h = 1e-5;
        let fd = (sigmoid(z + h) - sigmoid(z - h)) / (2.0 * h);
        assert!((sigmoid_derivative(z) - fd).abs() < 1e-10, "σ'({z})");
    }
    assert_eq!(sigmoid(-1000.0), 0.0);
    assert_eq!(sigmoid(1000.0), 1.0);
}

#[test]
fn gradient_matches_central_differences() {
    // L(w, b) is smooth; its central difference has error O(h²·L''') ≈ 1e-11 at h = 1e-5.
    let h = 1e-5;
    for &x in &[1.0, -0.7, 2.5] {
        for &y_star in &[0.5, 0.1, 0.93] {
            for i in -8..=8 {
                for j in -8..=8 {
                    let (w, b) = (i as f64 * 0.5, j as f64 * 0.5);
                    let (gw, gb) = gradient(x, w, b, y_star);
                    let fw = (neuron_loss(x, w + h, b, y_star) - neuron_loss(x, w - h, b, y_star)) / (2.0 * h);
                    let fb = (neuron_loss(x, w, b + h, y_star) - neuron_loss(x, w, b - h, y_star)) / (2.0 * h);
                    assert!((gw - fw).abs() < 1e-10, "∂L/∂w at x={x} y*={y_star} ({w}, {b}): {gw} vs {fw}");
                    assert!((gb - fb).abs() < 1e-10, "∂L/∂b at x={x} y*={y_star} ({w}, {b}): {gb} vs {fb}");
                }
            }
        }
    }
}

#[test]
fn neuron_is_sigmoid_of_affine() {
    assert_close(neuron(1.0, 0.3, -0.2), sigmoid(0.1), "σ(0.1)");
    assert_close(neuron(2.0, 0.5, 1.0), sigmoid(2.0), "σ(2)");
}

#[test]
fn sgd_defaults_and_update() {
    let mut sgd = Sgd::default();
    assert_eq!(sgd.eta(), 0.01, "the article's SGD(eta=1e-2)");
    let mut delta = [0.0; 2];
    sgd.update(&[2.0, -4.0], 0.0, &mut NoProbe, &mut delta);
    assert_eq!(delta, [-0.02, 0.04]);
    assert_eq!(sgd_step(1.0, 1.0, 2.0, -4.0, 0.5), (0.0, 3.0));
}

#[test]
fn step_back_restores_exact_values_and_reset_returns_to_start() {
    let mut t = trainer(-1.2, 1.7, 3.0);
    let mut seen = vec![params(&t)];
    for _ in 0..10 {
        t.step().unwrap();
        seen.push(params(&t));
    }
    assert_eq!(t.step_count(), 10);
    for k in (0..10).rev() {
        assert!(t.step_back());
        assert_eq!(params(&t), seen[k]);
    }
    assert!(!t.step_back());
    for _ in 0..4 {
        t.step().unwrap();
    }
    t.reset();
    assert_eq!(params(&t), (-1.2, 1.7));
    assert_eq!(t.step_count(), 0);
}

#[test]
fn large_learning_rate_from_a_far_start_diverges_and_reset_recovers() {
    let mut t = trainer(-2.0, -2.0, 100.0);
    let mut stopped = None;
    for _ in 0..50 {
        if let Err(d) = t.step() {
            stopped = Some(d);
            break;
        }
    }
    let d = stopped.expect("η = 100 overshoots out of [−2, 2]²");
    let Stop::LeftWindow { to } = d else { panic!("left the window, not {d:?}") };
    assert!(to.iter().any(|v| v.abs() > 2.0), "the refused point {to:?} lies outside");
    let (w, b) = params(&t);
    assert!(w.is_finite() && b.is_finite() && w.abs() <= 2.0 && b.abs() <= 2.0);
    assert!(t.step().is_err(), "a stopped descent stays stopped");
    t.reset();
    assert!(t.stop().is_none());
    assert!(t.step().is_ok());
}

#[test]
fn non_finite_inputs_are_reported_not_propagated() {
    // An objective whose gradient overflows: the step is refused and named, nothing moves.
    struct Cliff;
    impl Objective<2> for Cliff {
        fn value(&self, _: [f64; 2]) -> f64 {
            1.0
        }
        fn gradient(&self, _: [f64; 2]) -> [f64; 2] {
            [f64::INFINITY, 0.0]
        }
    }
    let w = Interval::symmetric(2.0).expect("window");
    let mut t = Descent::new(Cliff, [w, w], [0.5, 0.5], build("sgd", &[]).expect("sgd"), Sampler::full(1));
    assert!(matches!(t.step(), Err(Stop::NonFinite { what: Quantity::Gradient, .. })));
    assert_eq!(params(&t), (0.5, 0.5));
}

#[test]
fn step_back_is_exact_after_many_steps_and_an_eta_change() {
    // Beyond the exact window of the history, Step back replays from checkpoints.
    let mut t = trainer(-1.9, 1.3, 0.5);
    let mut seen = vec![params(&t)];
    for k in 0..3000 {
        if k == 1500 {
            t.set_eta(2.0);
        }
        t.step().unwrap();
        seen.push(params(&t));
    }
    for k in (0..3000).rev() {
        assert!(t.step_back());
        assert_eq!(params(&t), seen[k], "step {k}");
        assert_eq!(t.eta(), 2.0, "the learning rate stays as set");
    }
    // Stepping forward again uses the current η (2.0) from the start.
    let mut u = trainer(-1.9, 1.3, 2.0);
    t.step().unwrap();
    u.step().unwrap();
    assert_eq!(params(&t), params(&u));
}

#[test]
fn interval_validation() {
    assert!(Interval::new(-2.0, 2.0).is_some());
    assert!(Interval::new(2.0, -2.0).is_none());
    assert!(Interval::new(f64::NAN, 1.0).is_none());
    assert!(Interval::symmetric(0.0).is_none());
}

fn extra() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reference/extra.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("read extra.json")).expect("extra.json parses")
}

#[test]
fn other_points_and_runs_match_numpy() {
    let r = extra();
    for p in r["points"].as_array().unwrap() {
        let (x0, ys, w, b) = (f(&p["x0"]), f(&p["y_star"]), f(&p["w"]), f(&p["b"]));
        assert_close(neuron(x0, w, b), f(&p["y"]), "y");
        assert_close(neuron_loss(x0, w, b, ys), f(&p["loss"]), "L");
        let (gw, gb) = gradient(x0, w, b, ys);
        assert_close(gw, f(&p["grad_w"]), "g_w");
        assert_close(gb, f(&p["grad_b"]), "g_b");
    }
    for run in r["sgd_runs"].as_array().unwrap() {
        let (x0, ys, eta) = (f(&run["x0"]), f(&run["y_star"]), f(&run["eta"]));
        let (mut w, mut b) = (f(&run["w0"]), f(&run["b0"]));
        for e in run["trajectory_w_b"].as_array().unwrap() {
            assert_close(w, f(&e[0]), "w");
            assert_close(b, f(&e[1]), "b");
            let (gw, gb) = gradient(x0, w, b, ys);
            (w, b) = sgd_step(w, b, gw, gb, eta);
        }
    }
    for run in r["parabola_runs"].as_array().unwrap() {
        let (mut x, eta) = (f(&run["x0"]), f(&run["eta"]));
        for e in run["xs"].as_array().unwrap() {
            assert_close(x, f(e), "x");
            x = parabola_step(x, eta);
        }
    }
}
