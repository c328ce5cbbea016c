//! The scalar neuron and the layer: bit-for-bit agreement with the article's sigmoid + square
//! expressions, gradients against central differences, the layer reducing exactly to the neuron
//! for prev = n = 1, and shape errors.

use descent::activation::{Activation, ACTIVATIONS};
use descent::layer::{Layer, LayerGrad, ShapeError};
use descent::loss::{compatible, Loss, LOSSES};
use descent::neuron::{forward_backward, mean_forward_backward, Pass};

/// A small deterministic generator (64-bit LCG, Knuth's MMIX constants) for test points.
struct Lcg(u64);
impl Lcg {
    /// Uniform in [lo, hi).
    fn next(&mut self, lo: f64, hi: f64) -> f64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        lo + (hi - lo) * ((self.0 >> 11) as f64 / (1u64 << 53) as f64)
    }
}

/// The article's neuron in its own words: y = 1/(1 + e^(−(x·w + b))), L = ½(y − y*)²,
/// δ = ((y − y*)·y)·(1 − y), ∂L/∂w = δ·x, ∂L/∂b = δ.
fn article(x: f64, w: f64, b: f64, t: f64) -> (f64, f64, f64, f64, f64) {
    let z = x * w + b;
    let y = 1.0 / (1.0 + (-z).exp());
    let loss = 0.5 * (y - t).powi(2);
    let delta = ((y - t) * y) * (1.0 - y);
    (z, y, loss, delta * x, delta)
}

#[test]
fn sigmoid_square_is_bit_identical_to_the_article() {
    let mut rng = Lcg(0x5eed);
    let mut points = Vec::new();
    for xi in -6..=6 {
        for wi in -8..=8 {
            for bi in -4..=4 {
                for t in [0.0, 0.3, 1.0] {
                    points.push((xi as f64 * 0.5, wi as f64 * 0.5, bi as f64 * 0.5, t));
                }
            }
        }
    }
    for _ in 0..20_000 {
        points.push((rng.next(-5.0, 5.0), rng.next(-10.0, 10.0), rng.next(-10.0, 10.0), rng.next(0.0, 1.0)));
    }
    for (x, w, b, t) in points {
        let p = forward_backward(x, w, b, t, Activation::Sigmoid, Loss::Square);
        let (z, y, loss, gw, gb) = article(x, w, b, t);
        let bits = |v: f64| v.to_bits();
        assert_eq!(bits(p.z), bits(z), "z at {x} {w} {b} {t}");
        assert_eq!(bits(p.y), bits(y), "y at {x} {w} {b} {t}");
        assert_eq!(bits(p.loss), bits(loss), "L at {x} {w} {b} {t}");
        assert_eq!(bits(p.delta), bits(gb), "δ at {x} {w} {b} {t}");
        assert_eq!(bits(p.grad_w), bits(gw), "∂L/∂w at {x} {w} {b} {t}");
        assert_eq!(bits(p.grad_b), bits(gb), "∂L/∂b at {x} {w} {b} {t}");
        assert_eq!(bits(p.dl_dy), bits(y - t));
        assert_eq!(bits(p.dy_dz), bits(y * (1.0 - y)));
    }
}

#[test]
fn pass_fields_are_the_chain_rule_for_every_pair() {
    let mut rng = Lcg(7);
    for act in ACTIVATIONS {
        for loss in LOSSES {
            for _ in 0..200 {
                let (x, w, b, t) = (rng.next(-3.0, 3.0), rng.next(-3.0, 3.0), rng.next(-3.0, 3.0), rng.next(0.0, 1.0));
                let p = forward_backward(x, w, b, t, act, loss);
                let z = x * w + b;
                let y = act.forward(z);
                let expect = Pass {
                    z,
                    y,
                    loss: loss.value(y, t),
                    dl_dy: loss.derivative(y, t),
                    dy_dz: act.derivative(z),
                    delta: p.delta,
                    grad_w: p.delta * x,
                    grad_b: p.delta,
                };
                // bitwise, so that a NaN loss (y outside [0, 1] with a cross-entropy) compares too
                let bits =
                    |q: &Pass| [q.z, q.y, q.loss, q.dl_dy, q.dy_dz, q.delta, q.grad_w, q.grad_b].map(f64::to_bits);
                assert_eq!(bits(&p), bits(&expect), "{} {}", act.name(), loss.name());
                let chain = p.dl_dy * p.dy_dz;
                assert!((p.delta - chain).abs() <= 4.0 * f64::EPSILON * chain.abs(), "{} {}", act.name(), loss.name());
            }
        }
    }
}

/// Central difference of f at u with h = 1e−6 and the tolerance of tests/activation.rs.
fn check_cd(f: impl Fn(f64) -> f64, u: f64, ana: f64, what: &str) {
    let h = 1e-6;
    let (up, um) = (u + h, u - h);
    let (fp, fm) = (f(up), f(um));
    let num = (fp - fm) / (up - um);
    let tol = 1e-7 * ana.abs() + 4.0 * f64::EPSILON * (fp.abs() + fm.abs()) / (up - um) + 1e-10;
    assert!((num - ana).abs() <= tol, "{what}: analytic {ana:e}, numeric {num:e}");
}

#[test]
fn neuron_gradients_match_central_differences() {
    let mut rng = Lcg(11);
    for act in ACTIVATIONS {
        for loss in LOSSES {
            if compatible(act, loss).is_err() {
                continue;
            }
            let mut checked = 0;
            while checked < 40 {
                let (x, w, b, t) = (rng.next(-2.0, 2.0), rng.next(-2.0, 2.0), rng.next(-2.0, 2.0), rng.next(0.0, 1.0));
                let z = x * w + b;
                // stay 1e−3 away from kinks (in z; |x| < 2 so the w-steps move z by < 2e−6)
                if act.kinks().iter().any(|k| (z - k).abs() < 1e-3) {
                    continue;
                }
                let p = forward_backward(x, w, b, t, act, loss);
                let name = format!("{} + {}", act.name(), loss.name());
                check_cd(|w| forward_backward(x, w, b, t, act, loss).loss, w, p.grad_w, &format!("{name} ∂/∂w"));
                check_cd(|b| forward_backward(x, w, b, t, act, loss).loss, b, p.grad_b, &format!("{name} ∂/∂b"));
                checked += 1;
            }
        }
    }
}

#[test]
fn mean_over_samples() {
    let xs = [0.3, -1.2, 2.5, 0.0, -0.7];
    let ts = [1.0, 0.0, 0.4, 0.9, 0.2];
    let (w, b) = (0.8, -0.3);
    for act in [Activation::Sigmoid, Activation::Tanh, Activation::Softplus] {
        for loss in [Loss::Square, Loss::BinaryCrossEntropy] {
            if compatible(act, loss).is_err() {
                continue;
            }
            let (l, gw, gb) = mean_forward_backward(&xs, &ts, w, b, act, loss);
            let mean_loss = |w: f64, b: f64| mean_forward_backward(&xs, &ts, w, b, act, loss).0;
            check_cd(|w| mean_loss(w, b), w, gw, "mean ∂/∂w");
            check_cd(|b| mean_loss(w, b), b, gb, "mean ∂/∂b");
            // the mean of the per-sample losses, summed in index order
            let passes: Vec<Pass> =
                xs.iter().zip(&ts).map(|(&x, &t)| forward_backward(x, w, b, t, act, loss)).collect();
            let sum = passes[1..].iter().fold(passes[0].loss, |s, p| s + p.loss);
            assert_eq!(l.to_bits(), (sum / 5.0).to_bits());
        }
    }
    // one sample: the pass itself, bit for bit
    let p = forward_backward(0.37, -1.1, 0.25, 0.6, Activation::Swish, Loss::Square);
    let m = mean_forward_backward(&[0.37], &[0.6], -1.1, 0.25, Activation::Swish, Loss::Square);
    assert_eq!(
        (m.0.to_bits(), m.1.to_bits(), m.2.to_bits()),
        (p.loss.to_bits(), p.grad_w.to_bits(), p.grad_b.to_bits())
    );
    // no data: (0, 0, 0); unequal lengths: the common prefix
    assert_eq!(mean_forward_backward(&[], &[], 1.0, 2.0, Activation::Sigmoid, Loss::Square), (0.0, 0.0, 0.0));
    assert_eq!(mean_forward_backward(&[1.0], &[], 1.0, 2.0, Activation::Sigmoid, Loss::Square), (0.0, 0.0, 0.0));
    assert_eq!(
        mean_forward_backward(&xs, &ts[..2], w, b, Activation::Sigmoid, Loss::Square),
        mean_forward_backward(&xs[..2], &ts[..2], w, b, Activation::Sigmoid, Loss::Square)
    );
}

#[test]
fn layer_forward_by_hand() {
    // X = [[1, 2]], W = [[1, 2], [3, 4]], b = [0.5, −1]:
    // z = [1·1 + 2·3 + 0.5, 1·2 + 2·4 − 1] = [7.5, 9] (exact in f64)
    let layer =
        Layer::new(2, 2, vec![1.0, 2.0, 3.0, 4.0], vec![0.5, -1.0], Activation::Identity, Loss::Square).unwrap();
    let (z, y) = layer.forward(&[1.0, 2.0], 1).unwrap();
    assert_eq!(z, vec![7.5, 9.0]);
    assert_eq!(y, vec![7.5, 9.0]);
    // two samples, second X row [−1, 0.5]: z = [−1 + 1.5 + 0.5, −2 + 2 − 1] = [1, −1]
    let (z, _) = layer.forward(&[1.0, 2.0, -1.0, 0.5], 2).unwrap();
    assert_eq!(z, vec![7.5, 9.0, 1.0, -1.0]);
    // square loss against T = [[7, 9], [0, 0]]: δ = z − t = [[0.5, 0], [1, −1]];
    // loss = ((0.125 + 0) + (0.5 + 0.5))/2 = 0.5625; ∇W = Xᵀδ/2 = [[(0.5 − 1)/2, (0 + 1)/2],
    // [(1 + 0.5)/2, (0 − 0.5)/2]] = [[−0.25, 0.5], [0.75, −0.25]]; ∇b = [(0.5 + 1)/2, −1/2]
    let g = layer.backward(&[1.0, 2.0, -1.0, 0.5], &[7.0, 9.0, 0.0, 0.0], 2).unwrap();
    assert_eq!(g, LayerGrad { loss_mean: 0.5625, grad_w: vec![-0.25, 0.5, 0.75, -0.25], grad_b: vec![0.75, -0.5] });
}

#[test]
fn layer_of_one_neuron_is_the_scalar_neuron_bit_for_bit() {
    let mut rng = Lcg(3);
    for act in ACTIVATIONS {
        for loss in LOSSES {
            let (w, b) = (rng.next(-2.0, 2.0), rng.next(-2.0, 2.0));
            let layer = Layer::new(1, 1, vec![w], vec![b], act, loss).unwrap();
            let n = 17;
            let xs: Vec<f64> = (0..n).map(|_| rng.next(-3.0, 3.0)).collect();
            let ts: Vec<f64> = (0..n).map(|_| rng.next(0.0, 1.0)).collect();
            for (&x, &t) in xs.iter().zip(&ts) {
                let p = forward_backward(x, w, b, t, act, loss);
                let (z, y) = layer.forward(&[x], 1).unwrap();
                let g = layer.backward(&[x], &[t], 1).unwrap();
                assert_eq!(z[0].to_bits(), p.z.to_bits());
                assert_eq!(y[0].to_bits(), p.y.to_bits());
                assert_eq!(g.loss_mean.to_bits(), p.loss.to_bits(), "{} {}", act.name(), loss.name());
                assert_eq!(g.grad_w[0].to_bits(), p.grad_w.to_bits(), "{} {}", act.name(), loss.name());
                assert_eq!(g.grad_b[0].to_bits(), p.grad_b.to_bits(), "{} {}", act.name(), loss.name());
            }
            let (l, gw, gb) = mean_forward_backward(&xs, &ts, w, b, act, loss);
            let g = layer.backward(&xs, &ts, n).unwrap();
            assert_eq!(g.loss_mean.to_bits(), l.to_bits(), "{} {}", act.name(), loss.name());
            assert_eq!(g.grad_w[0].to_bits(), gw.to_bits(), "{} {}", act.name(), loss.name());
            assert_eq!(g.grad_b[0].to_bits(), gb.to_bits(), "{} {}", act.name(), loss.name());
        }
    }
}

#[test]
fn layer_gradient_matches_central_differences() {
    let (prev, n, batch) = (3, 2, 4);
    let mut rng = Lcg(99);
    let pairs = [
        (Activation::Sigmoid, Loss::BinaryCrossEntropy),
        (Activation::Sigmoid, Loss::CrossEntropy),
        (Activation::Sigmoid, Loss::Square),
        (Activation::Tanh, Loss::Square),
        (Activation::Softplus, Loss::Square),
        (Activation::Swish, Loss::Square),
        (Activation::Mish, Loss::Square),
        (Activation::Elu, Loss::Square),
        (Activation::BentIdentity, Loss::Square),
        (Activation::HardSigmoid, Loss::BinaryCrossEntropy),
    ];
    for (act, loss) in pairs {
        let w: Vec<f64> = (0..prev * n).map(|_| rng.next(-1.0, 1.0)).collect();
        let b: Vec<f64> = (0..n).map(|_| rng.next(-0.5, 0.5)).collect();
        let x: Vec<f64> = (0..batch * prev).map(|_| rng.next(-1.5, 1.5)).collect();
        let t: Vec<f64> = (0..batch * n).map(|_| rng.next(0.0, 1.0)).collect();
        let layer = Layer::new(prev, n, w.clone(), b.clone(), act, loss).unwrap();
        let g = layer.backward(&x, &t, batch).unwrap();
        // kinks (hard sigmoid at ±3, ELU at 0) must be ≥ 1e−3 away from every z
        let (z, _) = layer.forward(&x, batch).unwrap();
        assert!(z.iter().all(|z| act.kinks().iter().all(|k| (z - k).abs() > 1e-3)), "{}", act.name());
        let loss_with = |w: &[f64], b: &[f64]| {
            Layer::new(prev, n, w.to_vec(), b.to_vec(), act, loss).unwrap().backward(&x, &t, batch).unwrap().loss_mean
        };
        let what = format!("{} + {}", act.name(), loss.name());
        for i in 0..prev * n {
            let f = |v: f64| {
                let mut w2 = w.clone();
                w2[i] = v;
                loss_with(&w2, &b)
            };
            check_cd(f, w[i], g.grad_w[i], &format!("{what} ∂/∂w[{i}]"));
        }
        for j in 0..n {
            let f = |v: f64| {
                let mut b2 = b.clone();
                b2[j] = v;
                loss_with(&w, &b2)
            };
            check_cd(f, b[j], g.grad_b[j], &format!("{what} ∂/∂b[{j}]"));
        }
        // the loss is each sample's loss summed over outputs, averaged over the batch
        let (_, y) = layer.forward(&x, batch).unwrap();
        let total: f64 = y.iter().zip(&t).map(|(&y, &t)| loss.value(y, t)).sum();
        assert!((g.loss_mean - total / batch as f64).abs() <= 1e-14 * total.abs());
    }
}

#[test]
fn shape_errors_are_data() {
    let (act, loss) = (Activation::Sigmoid, Loss::Square);
    assert_eq!(Layer::new(0, 2, vec![], vec![0.0; 2], act, loss), Err(ShapeError::ZeroSize { prev: 0, n: 2 }));
    assert_eq!(Layer::new(2, 0, vec![], vec![], act, loss), Err(ShapeError::ZeroSize { prev: 2, n: 0 }));
    assert_eq!(
        Layer::new(2, 3, vec![0.0; 5], vec![0.0; 3], act, loss),
        Err(ShapeError::Weights { expected: 6, got: 5 })
    );
    assert_eq!(Layer::new(2, 3, vec![0.0; 6], vec![0.0; 2], act, loss), Err(ShapeError::Bias { expected: 3, got: 2 }));
    assert_eq!(Layer::new(usize::MAX, 2, vec![], vec![0.0; 2], act, loss), Err(ShapeError::TooLarge));
    let layer = Layer::new(2, 3, vec![0.1; 6], vec![0.0; 3], act, loss).unwrap();
    assert_eq!(layer.forward(&[1.0; 5], 2), Err(ShapeError::Input { expected: 4, got: 5 }));
    assert_eq!(layer.forward(&[1.0; 4], usize::MAX), Err(ShapeError::TooLarge));
    assert_eq!(layer.backward(&[1.0; 4], &[0.0; 5], 2), Err(ShapeError::Target { expected: 6, got: 5 }));
    // empty batch: nothing to compute, zero loss and gradients
    assert_eq!(layer.forward(&[], 0), Ok((vec![], vec![])));
    assert_eq!(
        layer.backward(&[], &[], 0),
        Ok(LayerGrad { loss_mean: 0.0, grad_w: vec![0.0; 6], grad_b: vec![0.0; 3] })
    );
    // public fields edited into inconsistency: an error, not a panic
    let mut broken = layer.clone();
    broken.w.pop();
    assert_eq!(broken.forward(&[1.0; 2], 1), Err(ShapeError::Weights { expected: 6, got: 5 }));
    let mut broken = layer.clone();
    broken.n = 0;
    assert_eq!(broken.backward(&[1.0; 2], &[], 1), Err(ShapeError::ZeroSize { prev: 2, n: 0 }));
    let mut broken = layer;
    broken.b.push(1.0);
    assert_eq!(broken.forward(&[1.0; 2], 1), Err(ShapeError::Bias { expected: 3, got: 4 }));
}
