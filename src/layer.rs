//! The article's layer form: `prev` inputs, `n` neurons, weights W (prev × n) and bias b (n),
//! Z = X·W + b and Y = act(Z) for a mini-batch X (batch × prev), back propagation of the mean loss.
//! For prev = n = 1 it computes exactly (bit for bit) what [`crate::neuron`] computes.
//!
//! All matrices are flat row-major `Vec<f64>`/`&[f64]`: `W[i][j]` (input i → neuron j) is
//! `w[i * n + j]`, `X[s][i]` is `x[s * prev + i]`, Z, Y and the targets T are batch × n.

use crate::activation::Activation;
use crate::loss::Loss;
use crate::neuron::sum_in_order;

/// Why a layer or its inputs have the wrong shape. Data only; the caller words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShapeError {
    /// `prev` or `n` is 0 (the article's layer refuses ≤ 0 too).
    ZeroSize { prev: usize, n: usize },
    /// A size (prev·n, batch·prev or batch·n) overflows `usize`.
    TooLarge,
    /// `w` has `got` elements; prev·n = `expected`.
    Weights { expected: usize, got: usize },
    /// `b` has `got` elements; n = `expected`.
    Bias { expected: usize, got: usize },
    /// The input `x` has `got` elements; batch·prev = `expected`.
    Input { expected: usize, got: usize },
    /// The targets `t` have `got` elements; batch·n = `expected`.
    Target { expected: usize, got: usize },
}

/// A layer of `n` neurons over `prev` inputs sharing one activation and one loss (the article's
/// `Layer`: `w` of shape prev × n, `b` of length n). The fields are public; every method
/// re-checks their shapes, so a caller who edits them gets a [`ShapeError`], never a panic.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    /// Number of inputs (rows of W).
    pub prev: usize,
    /// Number of neurons (columns of W, length of b).
    pub n: usize,
    /// Weights, row-major prev × n: `w[i * n + j]` connects input i to neuron j.
    pub w: Vec<f64>,
    /// Biases, one per neuron.
    pub b: Vec<f64>,
    /// The activation of every neuron.
    pub act: Activation,
    /// The loss of every output against its target.
    pub loss: Loss,
}

/// The mean loss of a batch and its gradient with respect to W and b.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerGrad {
    /// (1/batch)·Σ_s Σ_j L(`Y[s][j]`, `T[s][j]`): each sample's loss summed over the outputs, then
    /// averaged over the batch (both sums in index order).
    pub loss_mean: f64,
    /// ∇W = Xᵀ·δ / batch, row-major prev × n.
    pub grad_w: Vec<f64>,
    /// ∇b = (column sums of δ) / batch, length n.
    pub grad_b: Vec<f64>,
}

impl Layer {
    /// A layer with the given weights (row-major prev × n) and biases (length n); refuses
    /// prev = 0, n = 0, or vectors of the wrong length.
    pub fn new(
        prev: usize,
        n: usize,
        w: Vec<f64>,
        b: Vec<f64>,
        act: Activation,
        loss: Loss,
    ) -> Result<Layer, ShapeError> {
        let layer = Layer { prev, n, w, b, act, loss };
        layer.check()?;
        Ok(layer)
    }

    /// Checks the layer's own shapes.
    fn check(&self) -> Result<(), ShapeError> {
        if self.prev == 0 || self.n == 0 {
            return Err(ShapeError::ZeroSize { prev: self.prev, n: self.n });
        }
        let expected = self.prev.checked_mul(self.n).ok_or(ShapeError::TooLarge)?;
        if self.w.len() != expected {
            return Err(ShapeError::Weights { expected, got: self.w.len() });
        }
        if self.b.len() != self.n {
            return Err(ShapeError::Bias { expected: self.n, got: self.b.len() });
        }
        Ok(())
    }

    /// Forward pass for a batch: x is batch × prev (row-major); returns (Z, Y), each batch × n,
    /// `Z[s][j] = Σ_i X[s][i]·W[i][j] + b[j]` (the sum over i in index order starting from the
    /// first product, then + `b[j]`; for prev = 1 exactly `x * w + b`), Y = act(Z). batch = 0 gives
    /// two empty vectors.
    pub fn forward(&self, x: &[f64], batch: usize) -> Result<(Vec<f64>, Vec<f64>), ShapeError> {
        self.check()?;
        let expected = batch.checked_mul(self.prev).ok_or(ShapeError::TooLarge)?;
        if x.len() != expected {
            return Err(ShapeError::Input { expected, got: x.len() });
        }
        let out_len = batch.checked_mul(self.n).ok_or(ShapeError::TooLarge)?;
        let mut z: Vec<f64> = Vec::with_capacity(out_len);
        for xrow in x.chunks_exact(self.prev) {
            let start = z.len();
            for (i, (&xi, wrow)) in xrow.iter().zip(self.w.chunks_exact(self.n)).enumerate() {
                if i == 0 {
                    z.extend(wrow.iter().map(|&wij| xi * wij));
                } else {
                    for (zj, &wij) in z[start..].iter_mut().zip(wrow) {
                        *zj += xi * wij;
                    }
                }
            }
            for (zj, &bj) in z[start..].iter_mut().zip(&self.b) {
                *zj += bj;
            }
        }
        let y = z.iter().map(|&zj| self.act.forward(zj)).collect();
        Ok((z, y))
    }

    /// Mean loss of a batch and its gradient by back propagation: x is batch × prev, t the
    /// targets batch × n. δ = loss′(Y, T) ⊙ act′(Z) elementwise (each by
    /// [`Activation::backward`], as [`crate::neuron::forward_backward`] does), ∇W = Xᵀ·δ / batch,
    /// ∇b = column sums of δ / batch, every sum over samples in index order starting from the
    /// first sample's term. For prev = n = 1 the results equal
    /// [`crate::neuron::mean_forward_backward`]'s bit for bit. batch = 0 gives loss 0 and zero
    /// gradients.
    pub fn backward(&self, x: &[f64], t: &[f64], batch: usize) -> Result<LayerGrad, ShapeError> {
        let (z, y) = self.forward(x, batch)?;
        if t.len() != z.len() {
            return Err(ShapeError::Target { expected: z.len(), got: t.len() });
        }
        let (act, loss) = (self.act, self.loss);
        let mut grad_w: Vec<f64> = Vec::with_capacity(self.w.len());
        let mut grad_b: Vec<f64> = Vec::with_capacity(self.n);
        let mut sample_losses: Vec<f64> = Vec::with_capacity(batch);
        let mut delta: Vec<f64> = Vec::with_capacity(self.n);
        let rows = x.chunks_exact(self.prev).zip(z.chunks_exact(self.n)).zip(y.chunks_exact(self.n));
        for (s, (((xrow, zrow), yrow), trow)) in rows.zip(t.chunks_exact(self.n)).enumerate() {
            delta.clear();
            delta.extend(
                zrow.iter()
                    .zip(yrow.iter().zip(trow))
                    .map(|(&zj, (&yj, &tj))| act.backward(zj, loss.derivative(yj, tj))),
            );
            let sample_loss = sum_in_order(yrow.iter().zip(trow).map(|(&yj, &tj)| loss.value(yj, tj)));
            sample_losses.push(sample_loss.unwrap_or(0.0));
            if s == 0 {
                for &xi in xrow {
                    grad_w.extend(delta.iter().map(|&dj| dj * xi));
                }
                grad_b.extend_from_slice(&delta);
            } else {
                for (&xi, gwrow) in xrow.iter().zip(grad_w.chunks_exact_mut(self.n)) {
                    for (g, &dj) in gwrow.iter_mut().zip(&delta) {
                        *g += dj * xi;
                    }
                }
                for (g, &dj) in grad_b.iter_mut().zip(&delta) {
                    *g += dj;
                }
            }
        }
        if batch == 0 {
            return Ok(LayerGrad { loss_mean: 0.0, grad_w: vec![0.0; self.w.len()], grad_b: vec![0.0; self.n] });
        }
        let nf = batch as f64;
        let loss_mean = sum_in_order(sample_losses.into_iter()).unwrap_or(0.0) / nf;
        grad_w.iter_mut().chain(grad_b.iter_mut()).for_each(|g| *g /= nf);
        Ok(LayerGrad { loss_mean, grad_w, grad_b })
    }
}
