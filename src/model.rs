//! The scalar neuron of the article, `y = σ(x·w + b)`, with its forward and backward pass side by
//! side so the chain rule is visible where it happens.

/// The sigmoid activation: `σ(z) = 1 / (1 + e^(−z))`.
///
/// Written exactly as the article's numpy code (`1/(1+np.exp(-x))`) so the numbers agree to the
/// last bits.
pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// The derivative of the sigmoid: `σ'(z) = σ(z)·(1 − σ(z))`.
pub fn sigmoid_derivative(z: f64) -> f64 {
    let y = sigmoid(z);
    y * (1.0 - y)
}

/// The neuron's forward pass: `y = σ(x·w + b)`.
pub fn neuron(x: f64, w: f64, b: f64) -> f64 {
    sigmoid(x * w + b)
}

/// The loss of the neuron for one sample: `L(w, b) = ½(σ(x·w + b) − y*)²`.
pub fn neuron_loss(x: f64, w: f64, b: f64, y_star: f64) -> f64 {
    square_loss(neuron(x, w, b), y_star)
}

/// The neuron's backward pass (back propagation of the error), giving `(∂L/∂w, ∂L/∂b)`.
///
/// With `z = x·w + b` and `y = σ(z)`, the chain rule gives
/// `δ = ∂L/∂z = (y − y*)·σ'(z) = (y − y*)·y·(1 − y)`, then `∂L/∂w = δ·x` and `∂L/∂b = δ`.
pub fn gradient(x: f64, w: f64, b: f64, y_star: f64) -> (f64, f64) {
    let y = neuron(x, w, b);
    let delta = square_loss_derivative(y, y_star) * y * (1.0 - y);
    (delta * x, delta)
}

/// Everything one step of training computes, in the article's notation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pass {
    /// The neuron's output `y = σ(x·w + b)`.
    pub y: f64,
    /// The loss `L = ½(y − y*)²`.
    pub loss: f64,
    /// `g_w = ∂L/∂w`.
    pub grad_w: f64,
    /// `g_b = ∂L/∂b`.
    pub grad_b: f64,
}

/// Forward and backward pass at `(w, b)` for input `x` and target `y*`.
pub fn forward_backward(x: f64, w: f64, b: f64, y_star: f64) -> Pass {
    let y = neuron(x, w, b);
    let (grad_w, grad_b) = gradient(x, w, b, y_star);
    Pass { y, loss: square_loss(y, y_star), grad_w, grad_b }
}

/// The core step loop without history or drawing: `n` SGD steps on `½(σ(x₀·w + b) − y*)²` from
/// `(w, b)` at rate `η`, `w ← w − η·∂L/∂w`, `b ← b − η·∂L/∂b`. Used to measure raw speed,
/// natively and in wasm.
pub fn run_sgd(x0: f64, y_star: f64, w: f64, b: f64, eta: f64, n: u64) -> (f64, f64) {
    let (mut w, mut b) = (w, b);
    for _ in 0..n {
        let (gw, gb) = gradient(x0, w, b, y_star);
        w += -eta * gw;
        b += -eta * gb;
    }
    (w, b)
}

/// The article's square error: `L(y) = ½(y − y*)²`.
pub fn square_loss(y: f64, y_star: f64) -> f64 {
    0.5 * (y - y_star).powi(2)
}

/// Its derivative with respect to the output: `∂L/∂y = y − y*`.
pub fn square_loss_derivative(y: f64, y_star: f64) -> f64 {
    y - y_star
}

/// One SGD step on a pair of parameters: `(w − η·g_w, b − η·g_b)`, written as the article's
/// `update` then `w += dw`: `w + (−η·g_w)`.
pub fn sgd_step(w: f64, b: f64, grad_w: f64, grad_b: f64, eta: f64) -> (f64, f64) {
    (w + -eta * grad_w, b + -eta * grad_b)
}
