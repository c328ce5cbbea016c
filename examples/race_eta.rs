//! How the learning rates of "Race all 19" (www/race.js) were chosen: for each optimizer, the
//! largest rate of a log grid (10⁻⁶ … 100) with which the neuron, on the logistic data (12
//! samples, seed 1) from (−1, 1) (the race's start, inside the map so every method has room), stays on the map [−2, 2]² for 200 steps
//! and its loss never rises: fast, but smooth enough to follow. Santa adds noise on purpose, so
//! for Santa-E and Santa-SSS the loss may rise; they must stay on the map and end lower than they
//! started, and their λ (`eps`) is raised from 1e-8 (0.1 and 1 are tried). Run with `cargo run --release --example race_eta`.

use descent::data::{Preset, Sampler};
use descent::descent::Descent;
use descent::landscape::{Interval, NeuronLoss};
use descent::objective::Objective;
use descent::optim::{build, Hyper, NAMES};

fn main() {
    let objective = NeuronLoss { data: Preset::Logistic.generate(1), ..NeuronLoss::default() };
    let w = Interval { lo: -2.0, hi: 2.0 };
    let grid: Vec<f64> = (-24..=8).map(|k| 10f64.powf(k as f64 / 4.0)).collect();
    for name in NAMES {
        // Santa's λ (eps) at its default, 1e-8, makes its first moves huge on this problem.
        let lambdas: &[f64] = if name.starts_with("santa") { &[0.1, 1.0] } else { &[f64::NAN] };
        let mut best: Option<(f64, f64, f64)> = None;
        for &lambda in lambdas {
            for &eta in &grid {
                let mut params = vec![("eta", Hyper::Num(eta))];
                if lambda.is_finite() {
                    params.push(("eps", Hyper::Num(lambda)));
                }
                let Ok(opt) = build(name, &params) else { continue };
                let mut d = Descent::new(&objective, [w, w], [-1.0, 1.0], opt, Sampler::full(12));
                let mut last = objective.value(d.point());
                let mut smooth = true;
                for _ in 0..200 {
                    if d.step().is_err() {
                        smooth = false;
                        break;
                    }
                    let l = objective.value(d.point());
                    if l > last && lambda.is_nan() {
                        smooth = false;
                        break;
                    }
                    last = l;
                }
                let start = objective.value([-1.0, 1.0]);
                if smooth && last < start && best.is_none_or(|(e, _, _)| eta > e) {
                    best = Some((eta, lambda, last));
                }
            }
        }
        match best {
            Some((eta, lambda, l)) => {
                println!("{name:>14}: eta = {eta:.3e}  eps = {lambda}  (L after 200 steps {l:.5})")
            }
            None => println!("{name:>14}: no rate of the grid is smooth and stays on the map"),
        }
    }
}
