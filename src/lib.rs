//! descent: an interactive demo of how a neuron learns by gradient descent.
//!
//! The math lives in plain Rust modules with no web types: the article's neuron ([`model`]),
//! activations, losses and the general neuron ([`activation`], [`loss`], [`neuron`]), data and
//! mini-batches ([`data`]), what is minimised ([`objective`]: the neuron's [`landscape`], `y = x²`
//! in [`parabola`], the test [`surface`]s), the learning rules ([`optim`]) and the one generic
//! [`descent`] with its bounded [`history`]. Drawing is generic over plotters' `DrawingBackend`
//! ([`draw`]); the `web` module (wasm32 only) is the thin wasm-bindgen layer.

pub mod activation;
pub mod colormap;
pub mod data;
pub mod descent;
pub mod draw;
pub mod heatmap;
pub mod history;
pub mod landscape;
pub mod layer;
pub mod loss;
pub mod model;
pub mod neuron;
pub mod num;
pub mod objective;
pub mod optim;
pub mod parabola;
pub mod scene;
pub mod seed;
pub mod surface;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// The allocator of the wasm module: talc instead of the standard library's dlmalloc, 2.1 KB gzip
/// smaller and as fast in the benchmark's steps and recomputes (BENCHMARKS.md).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
