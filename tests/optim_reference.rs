//! Every run of `tests/reference/optimizers.json` (a copy of `shared/reference/optimizers.json`:
//! 40-step trajectories on the neuron L = ½(σ(x·w + b) − t)² from torch.optim, `adabound` 0.0.5
//! and `adabelief-pytorch` 0.2.1, float64) must match at every point to 1e-9 relative with a
//! 1e-15 absolute floor.

mod common;

use common::{close, CountingProbe};
use descent::optim::{build, Hyper};
use serde_json::Value;

/// σ(z) = 1/(1 + e^(−z)).
fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// The neuron's loss and gradient at (w, b): y = σ(x·w + b), L = ½(y − t)²,
/// δ = (y − t)·y·(1 − y), ∂L/∂w = δ·x, ∂L/∂b = δ.
fn neuron(w: f64, b: f64, x: f64, t: f64) -> (f64, [f64; 2]) {
    let y = sigmoid(x * w + b);
    let delta = (y - t) * y * (1.0 - y);
    (0.5 * (y - t) * (y - t), [delta * x, delta])
}

fn num(v: &Value) -> f64 {
    v.as_f64().expect("a number")
}

#[test]
fn neuron_trajectories_match_the_libraries() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reference/optimizers.json"))
        .expect("tests/reference/optimizers.json");
    let data: Value = serde_json::from_str(&text).expect("valid JSON");
    let (x, t, steps) = (num(&data["x"]), num(&data["t"]), data["steps"].as_u64().expect("steps") as usize);
    let runs = data["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 14, "the file's runs");
    let mut checked = 0;
    for run in runs {
        let label = run["name"].as_str().expect("name");
        let params: Vec<(&str, Hyper)> =
            run["params"].as_object().expect("params").iter().map(|(k, v)| (k.as_str(), Hyper::Num(num(v)))).collect();
        let mut opt =
            build(run["optimizer"].as_str().expect("optimizer"), &params).unwrap_or_else(|e| panic!("{label}: {e:?}"));
        let traj = run["trajectory_w_b"].as_array().expect("trajectory");
        assert_eq!(traj.len(), steps + 1, "{label}");
        let (mut w, mut b) = (num(&traj[0][0]), num(&traj[0][1]));
        let mut probe = CountingProbe::default();
        for (k, point) in traj.iter().enumerate().skip(1) {
            let (loss, grad) = neuron(w, b, x, t);
            let mut delta = [0.0; 2];
            opt.update(&grad, loss, &mut probe, &mut delta);
            w += delta[0];
            b += delta[1];
            let (ew, eb) = (num(&point[0]), num(&point[1]));
            assert!(close(w, ew, 1e-9, 1e-15), "{label} step {k}: w = {w:e}, expected {ew:e}");
            assert!(close(b, eb, 1e-9, 1e-15), "{label} step {k}: b = {b:e}, expected {eb:e}");
            checked += 1;
        }
    }
    assert_eq!(checked, 14 * 40);
}
