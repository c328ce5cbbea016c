//! What gradient descent minimises: a function of `N` parameters (`N = 2` for the neuron's
//! `(w, b)` and the test surfaces, `N = 1` for `y = x²`), its value and its gradient at a point.
//!
//! An objective may average over samples (the neuron over a data set): then a mini-batch of
//! sample indices gives the stochastic loss and gradient of one step of SGD, and the full
//! objective is the mean over every sample.

use std::rc::Rc;

/// Something to minimise over `N` parameters.
pub trait Objective<const N: usize> {
    /// `f(p)`.
    fn value(&self, p: [f64; N]) -> f64;
    /// `∇f(p)`.
    fn gradient(&self, p: [f64; N]) -> [f64; N];
    /// `(f(p), ∇f(p))`, sharing work where it can.
    fn value_and_gradient(&self, p: [f64; N]) -> (f64, [f64; N]) {
        (self.value(p), self.gradient(p))
    }
    /// How many samples the objective averages over (1 when it is not a mean over data).
    fn samples(&self) -> usize {
        1
    }
    /// The mean loss and gradient over the samples `batch` (indices below [`Objective::samples`]):
    /// one step of stochastic gradient descent sees only these. By default the full objective.
    fn batch_value_and_gradient(&self, p: [f64; N], batch: &[usize]) -> (f64, [f64; N]) {
        let _ = batch;
        self.value_and_gradient(p)
    }
}

impl<T: Objective<N> + ?Sized, const N: usize> Objective<N> for Rc<T> {
    fn value(&self, p: [f64; N]) -> f64 {
        (**self).value(p)
    }
    fn gradient(&self, p: [f64; N]) -> [f64; N] {
        (**self).gradient(p)
    }
    fn value_and_gradient(&self, p: [f64; N]) -> (f64, [f64; N]) {
        (**self).value_and_gradient(p)
    }
    fn samples(&self) -> usize {
        (**self).samples()
    }
    fn batch_value_and_gradient(&self, p: [f64; N], batch: &[usize]) -> (f64, [f64; N]) {
        (**self).batch_value_and_gradient(p, batch)
    }
}

impl<T: Objective<N> + ?Sized, const N: usize> Objective<N> for &T {
    fn value(&self, p: [f64; N]) -> f64 {
        (**self).value(p)
    }
    fn gradient(&self, p: [f64; N]) -> [f64; N] {
        (**self).gradient(p)
    }
    fn value_and_gradient(&self, p: [f64; N]) -> (f64, [f64; N]) {
        (**self).value_and_gradient(p)
    }
    fn samples(&self) -> usize {
        (**self).samples()
    }
    fn batch_value_and_gradient(&self, p: [f64; N], batch: &[usize]) -> (f64, [f64; N]) {
        (**self).batch_value_and_gradient(p, batch)
    }
}
