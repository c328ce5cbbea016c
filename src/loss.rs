//! The article's loss function (`err_func="square"`).

/// The squared error: `L(y) = ½(y − y*)²`.
pub fn square_loss(y: f64, y_star: f64) -> f64 {
    0.5 * (y - y_star).powi(2)
}

/// Its derivative with respect to the output: `∂L/∂y = y − y*`.
pub fn square_loss_derivative(y: f64, y_star: f64) -> f64 {
    y - y_star
}
