//! descent: an interactive demo of how a neuron learns by gradient descent.
//!
//! The math lives in plain Rust modules with no web types ([`model`], [`loss`], [`optim`],
//! [`parabola`], [`landscape`], [`train`]); drawing is generic over plotters' `DrawingBackend`
//! ([`draw`]); the `web` module (wasm32 only) is the thin wasm-bindgen layer.

pub mod colormap;
pub mod draw;
pub mod heatmap;
pub mod history;
pub mod landscape;
pub mod lang;
pub mod loss;
pub mod model;
pub mod optim;
pub mod parabola;
pub mod seed;
pub mod train;

#[cfg(target_arch = "wasm32")]
pub mod web;
