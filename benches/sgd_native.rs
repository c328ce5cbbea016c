//! The core step loop natively (`cargo bench --bench sgd_native`), for `cargo xtask bench`'s
//! wasm/native ratio: the same `run_sgd` the wasm build exports as `sgdRun`, in the same
//! (release) profile. Prints `{"sgdPerSecond": …}`, the median of 5 runs of 2·10⁶ steps.

use std::time::Instant;

fn main() {
    let n = 2_000_000u64;
    let mut rates: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let r = descent::model::run_sgd(1.0, 0.5, -2.0, -2.0, 0.1, std::hint::black_box(n));
            std::hint::black_box(r);
            n as f64 / t.elapsed().as_secs_f64()
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    println!("{{\"sgdPerSecond\": {}}}", rates[2]);
}
