//! Probes shared by the integration tests.
#![allow(dead_code)]

use descent::optim::Probe;

/// A probe for optimizers that must not call one: counts the calls, returns a zero gradient.
#[derive(Default)]
pub struct CountingProbe {
    pub calls: usize,
}

impl Probe for CountingProbe {
    fn gradient_at_offset(&mut self, _offset: &[f64], grad: &mut [f64]) -> f64 {
        self.calls += 1;
        grad.iter_mut().for_each(|g| *g = 0.0);
        0.0
    }
}

/// L(p) = ½(a·p0² + c·p1²) around the point `p` (the test moves `p` by each delta).
pub struct Quadratic {
    pub a: f64,
    pub c: f64,
    pub p: [f64; 2],
    pub calls: usize,
}

impl Quadratic {
    pub fn new(a: f64, c: f64, p: [f64; 2]) -> Self {
        Quadratic { a, c, p, calls: 0 }
    }
    /// (L, ∇L) at `q`.
    pub fn at(&self, q: [f64; 2]) -> (f64, [f64; 2]) {
        (0.5 * (self.a * q[0] * q[0] + self.c * q[1] * q[1]), [self.a * q[0], self.c * q[1]])
    }
}

impl Probe for Quadratic {
    fn gradient_at_offset(&mut self, offset: &[f64], grad: &mut [f64]) -> f64 {
        self.calls += 1;
        let q = [self.p[0] + offset.first().copied().unwrap_or(0.0), self.p[1] + offset.get(1).copied().unwrap_or(0.0)];
        let (l, g) = self.at(q);
        for (d, s) in grad.iter_mut().zip(g) {
            *d = s;
        }
        l
    }
}

/// Relative closeness with an absolute floor: |a − e| ≤ rel·|e| + abs.
pub fn close(actual: f64, expected: f64, rel: f64, abs: f64) -> bool {
    (actual - expected).abs() <= rel * expected.abs() + abs
}
