//! The heatmap kernel: the loss at every pixel in `f32`, then one colour-table lookup a pixel.
//!
//! The picture needs 8 bits a channel, so `f32` is ample (its relative error, ~1e-7, is far below
//! one colour step, 1/255). `exp` is the Cephes single-precision polynomial (range reduction
//! `e^x = 2^k·e^r`, `|r| ≤ ½ ln 2`, degree-5 polynomial; relative error ~2e-7), written once for
//! four lanes of wasm `simd128` and once for plain `f32`, with the same operations in the same
//! order, so both give the same bits. The exact `f64` loss stays in [`crate::landscape`].

use crate::colormap::ColorMap;
use crate::landscape::Interval;

const LOG2E: f32 = std::f32::consts::LOG2_E;
const C1: f32 = 0.693_359_4;
const C2: f32 = -2.121_944_4e-4;
const P: [f32; 6] = [1.987_569_1e-4, 1.398_199_9e-3, 8.333_452e-3, 4.166_579_6e-2, 1.666_666_5e-1, 0.5]; // Cephes' last, 5.0000001201e-1, is 0.5 in f32
const LO: f32 = -87.0;
const HI: f32 = 88.0;
/// `1.5·2²³`: `v + ROUND − ROUND` is `v` rounded to the nearest integer (`|v| < 2²²`), and the
/// low bits of `v + ROUND` hold that integer.
const ROUND: f32 = 12_582_912.0;

/// `e^x` in `f32` (Cephes `expf`), clamped to `[−87, 88]` so it never overflows. The reduction
/// `x = n·ln 2 + r` takes `n` as `x·log₂e` rounded to the nearest integer by adding and taking
/// away [`ROUND`] (Cephes floors `x·log₂e + ½`: the same `n` but at ties), and `2ⁿ`'s exponent
/// bits from the low bits of the sum, with no float-to-integer conversion (several instructions
/// for four lanes in wasm on x86).
#[inline(always)]
#[allow(clippy::manual_clamp)] // written as the SIMD twin's pmax/pmin, which differ from clamp on NaN
pub fn expf(x: f32) -> f32 {
    let x = if x < LO {
        LO
    } else if x > HI {
        HI
    } else {
        x
    };
    let t = x * LOG2E + ROUND;
    let fx = t - ROUND;
    let r = x - fx * C1 - fx * C2;
    let z = r * r;
    let p = ((((P[0] * r + P[1]) * r + P[2]) * r + P[3]) * r + P[4]) * r + P[5];
    let y = p * z + r + 1.0;
    // The sum's low bits are `n` (two's complement): `(n + 127) << 23` is 2ⁿ, n ∈ [−126, 127].
    y * f32::from_bits((t.to_bits().wrapping_add(127)) << 23)
}

/// Plain numbers (`u8`, `f32`): all-zero bits are the number 0. Private, so no other type can
/// claim it.
trait Zero: Copy {}
impl Zero for u8 {}
impl Zero for f32 {}

/// `v` holding `n` zeros, set by one fill of its memory: `Vec::resize` writes element by
/// element at opt-level "z" (0.6 ms of a 600 × 600 heatmap's 3.8 ms went to zeroing its RGBA).
fn zeros<T: Zero>(v: &mut Vec<T>, n: usize) {
    v.clear();
    v.reserve(n);
    // SAFETY: the capacity is at least `n`; every byte of the first `n` elements is written
    // (zero) before the length covers them, and all-zero bits are a valid `u8` and `f32` (the
    // only `Zero` types).
    unsafe {
        core::ptr::write_bytes(v.as_mut_ptr(), 0, n);
        v.set_len(n);
    }
}

/// `v` holding `n` elements for the caller to overwrite, every one: a buffer kept from a grid of
/// the same size is left as it is (zeroing it again cost ~0.1 ms a 600 × 600 map), any other is
/// [`zeros`].
fn sized<T: Zero>(v: &mut Vec<T>, n: usize) {
    if v.len() != n {
        zeros(v, n);
    }
}

/// The mean loss `(1/N)·Σᵢ ½(σ(xᵢ·w + b) − tᵢ)²` of the sigmoid neuron with the square loss, in
/// `f32`, at `cols × rows` samples of `window` (`w` from `lo` to `hi` along a row, `b` from `hi`
/// down, as [`crate::landscape::grid`]), into `out`; returns `(min, max)`.
pub fn sigmoid_square(
    xs: &[f64],
    ts: &[f64],
    window: &[Interval; 2],
    cols: usize,
    rows: usize,
    out: &mut Vec<f32>,
) -> (f32, f32) {
    let n = xs.len().min(ts.len());
    if n == 0 || cols == 0 {
        zeros(out, cols * rows);
        return (0.0, 0.0);
    }
    // Every value is written below, row by row.
    sized(out, cols * rows);
    let xw: Vec<Vec<f32>> =
        xs[..n].iter().map(|&x| (0..cols).map(|c| (x * window[0].sample(c, cols)) as f32).collect()).collect();
    let inv = 1.0 / n as f32;
    let (mut min, mut max) = (f32::INFINITY, f32::NEG_INFINITY);
    for (r, row) in out.chunks_exact_mut(cols).enumerate() {
        let b = window[1].sample(rows - 1 - r, rows) as f32;
        let (mut lo, mut hi) = row_losses(&xw[0], b, ts[0] as f32, row);
        if n > 1 {
            for (a, &t) in xw[1..].iter().zip(&ts[1..n]) {
                row_add(a, b, t as f32, row);
            }
            (lo, hi) = (f32::INFINITY, f32::NEG_INFINITY);
            for l in row.iter_mut() {
                *l *= inv;
                lo = lo.min(*l);
                hi = hi.max(*l);
            }
        }
        min = min.min(lo);
        max = max.max(hi);
    }
    (min, max)
}

/// `f` at `cols × rows` samples of `window` (as [`sigmoid_square`]) in `f32`, into `out`; values
/// that are not finite become `+∞` (drawn in the highest colour). Returns the range of the finite
/// ones.
pub fn values(
    f: &dyn Fn(f64, f64) -> f64,
    window: &[Interval; 2],
    cols: usize,
    rows: usize,
    out: &mut Vec<f32>,
) -> (f32, f32) {
    out.clear();
    out.reserve(cols * rows);
    let (mut min, mut max) = (f32::INFINITY, f32::NEG_INFINITY);
    for r in 0..rows {
        let y = window[1].sample(rows - 1 - r, rows);
        for c in 0..cols {
            let v = f(window[0].sample(c, cols), y) as f32;
            if v.is_finite() {
                min = min.min(v);
                max = max.max(v);
                out.push(v);
            } else {
                out.push(f32::INFINITY);
            }
        }
    }
    if min > max {
        (0.0, 0.0)
    } else {
        (min, max)
    }
}

/// Row accumulation for further samples: `row[c] += ½(σ(xw[c] + b) − t)²`.
fn row_add(xw: &[f32], b: f32, ys: f32, row: &mut [f32]) {
    for (l, &a) in row.iter_mut().zip(xw) {
        let y = 1.0 / (1.0 + expf(-(a + b)));
        let d = y - ys;
        *l += 0.5 * (d * d);
    }
}

/// One row of losses, `L = ½(σ(x₀w + b) − y*)²` for each `x₀w` in `xw`: `(min, max)` of the row.
#[inline(always)]
fn row_losses_scalar(xw: &[f32], b: f32, ys: f32, row: &mut [f32]) -> (f32, f32) {
    let (mut min, mut max) = (f32::INFINITY, f32::NEG_INFINITY);
    for (l, &a) in row.iter_mut().zip(xw) {
        let y = 1.0 / (1.0 + expf(-(a + b)));
        let d = y - ys;
        *l = 0.5 * (d * d);
        min = min.min(*l);
        max = max.max(*l);
    }
    (min, max)
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
use row_losses_scalar as row_losses;

/// [`row_losses_scalar`] four lanes at a time, the same operations in the same order. A call of
/// its own for each row: V8 runs a module's first calls in its baseline compiler and switches a
/// function to its optimised code only between calls, so the first map's later rows run
/// optimised (the first map in cold wasm 18.7 → 15.6 ms; BENCHMARKS.md).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(never)]
fn row_losses(xw: &[f32], b: f32, ys: f32, row: &mut [f32]) -> (f32, f32) {
    use core::arch::wasm32::*;
    let (bv, ysv, half, one) = (f32x4_splat(b), f32x4_splat(ys), f32x4_splat(0.5), f32x4_splat(1.0));
    let (mut minv, mut maxv) = (f32x4_splat(f32::INFINITY), f32x4_splat(f32::NEG_INFINITY));
    let n4 = row.len() / 4 * 4;
    for (chunk, a) in row[..n4].chunks_exact_mut(4).zip(xw.chunks_exact(4)) {
        // SAFETY: both chunks hold exactly four f32 (16 bytes); wasm loads and stores need no
        // alignment.
        let z = f32x4_add(unsafe { v128_load(a.as_ptr() as *const v128) }, bv);
        let e = expf4(f32x4_neg(z));
        let y = f32x4_div(one, f32x4_add(one, e));
        let d = f32x4_sub(y, ysv);
        let l = f32x4_mul(half, f32x4_mul(d, d));
        // pmin/pmax: one instruction each on x86, where min/max take several to order NaN and
        // −0 (0.3 ms of a 600 × 600 map). They differ only on NaN, which only non-finite inputs
        // make (a picture of nothing either way).
        minv = f32x4_pmin(l, minv);
        maxv = f32x4_pmax(l, maxv);
        unsafe { v128_store(chunk.as_mut_ptr() as *mut v128, l) };
    }
    let (lo, hi) = row_losses_scalar(&xw[n4..], b, ys, &mut row[n4..]);
    let min = f32x4_extract_lane::<0>(minv)
        .min(f32x4_extract_lane::<1>(minv))
        .min(f32x4_extract_lane::<2>(minv))
        .min(f32x4_extract_lane::<3>(minv));
    let max = f32x4_extract_lane::<0>(maxv)
        .max(f32x4_extract_lane::<1>(maxv))
        .max(f32x4_extract_lane::<2>(maxv))
        .max(f32x4_extract_lane::<3>(maxv));
    (min.min(lo), max.max(hi))
}

/// [`expf`] on four lanes.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
fn expf4(x: core::arch::wasm32::v128) -> core::arch::wasm32::v128 {
    use core::arch::wasm32::*;
    let x = f32x4_pmin(f32x4_pmax(x, f32x4_splat(LO)), f32x4_splat(HI));
    let t = f32x4_add(f32x4_mul(x, f32x4_splat(LOG2E)), f32x4_splat(ROUND));
    let fx = f32x4_sub(t, f32x4_splat(ROUND));
    let r = f32x4_sub(f32x4_sub(x, f32x4_mul(fx, f32x4_splat(C1))), f32x4_mul(fx, f32x4_splat(C2)));
    let z = f32x4_mul(r, r);
    let step = |p: v128, c: f32| f32x4_add(f32x4_mul(p, r), f32x4_splat(c));
    let p = step(step(step(step(step(f32x4_splat(P[0]), P[1]), P[2]), P[3]), P[4]), P[5]);
    let y = f32x4_add(f32x4_add(f32x4_mul(p, z), r), f32x4_splat(1.0));
    let pow2 = i32x4_shl(i32x4_add(t, i32x4_splat(127)), 23);
    f32x4_mul(y, pow2)
}

/// The colour of loss `v`: `k = ⌊(v − min)·scale + ½⌋` clamped to `0 … 255` (NaN → 0).
#[inline(always)]
fn colour_index(v: f32, min: f32, scale: f32) -> usize {
    let k = (v - min) * scale + 0.5;
    if k >= 1.0 {
        if k < 255.0 {
            k as usize
        } else {
            255
        }
    } else {
        0
    }
}

/// Colour `values` from `min` (colour 0) to `max` (colour 255) through `map`'s 256-entry table,
/// as RGBA bytes into `out`.
pub fn colour(values: &[f32], min: f32, max: f32, map: ColorMap, out: &mut Vec<u8>) {
    let table = map.table().map(u32::from_le_bytes);
    let scale = if max > min { 255.0 / (max - min) } else { 0.0 };
    // Every pixel is written below, by words or by bytes.
    sized(out, 4 * values.len());
    // SAFETY: every bit pattern is a valid u8 and a valid u32; align_to_mut only hands out the
    // aligned middle, and the ends (empty with wasm's and std's allocators) are filled bytewise.
    let (head, words, tail) = unsafe { out.align_to_mut::<u32>() };
    if head.is_empty() && tail.is_empty() {
        colour_words(values, min, scale, &table, words);
    } else {
        for (px, &v) in out.chunks_exact_mut(4).zip(values) {
            px.copy_from_slice(&table[colour_index(v, min, scale)].to_le_bytes());
        }
    }
}

/// The colour pass into 32-bit words (little-endian RGBA).
fn colour_words_scalar(values: &[f32], min: f32, scale: f32, table: &[u32; 256], words: &mut [u32]) {
    for (w, &v) in words.iter_mut().zip(values) {
        *w = table[colour_index(v, min, scale)].to_le();
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
use colour_words_scalar as colour_words;

/// [`colour_words_scalar`] with the index computed on four lanes: four table loads, one store.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn colour_words(values: &[f32], min: f32, scale: f32, table: &[u32; 256], words: &mut [u32]) {
    use core::arch::wasm32::*;
    let (minv, scalev, half, top, zero) =
        (f32x4_splat(min), f32x4_splat(scale), f32x4_splat(0.5), f32x4_splat(255.0), f32x4_splat(0.0));
    let n4 = values.len().min(words.len()) / 4 * 4;
    // The colour indices of four values.
    let index = |v: &[f32]| {
        // SAFETY: four f32 (16 bytes); wasm needs no alignment.
        let x = unsafe { v128_load(v.as_ptr() as *const v128) };
        let k = f32x4_add(f32x4_mul(f32x4_sub(x, minv), scalev), half);
        i32x4_trunc_sat_f32x4(f32x4_pmin(f32x4_pmax(k, zero), top))
    };
    // A table affine in its index (autumn: (255, k, 0, 255), the article's) is computed, not
    // looked up: two lane operations instead of four extracts, four loads and a build.
    let (base, step) = (table[0], table[1].wrapping_sub(table[0]));
    if table.iter().zip(0u32..).all(|(&w, k)| w == base.wrapping_add(k.wrapping_mul(step))) {
        let (basev, stepv) = (u32x4_splat(base), u32x4_splat(step));
        for (w, v) in words[..n4].chunks_exact_mut(4).zip(values[..n4].chunks_exact(4)) {
            let c = i32x4_add(basev, i32x4_mul(index(v), stepv));
            // SAFETY: four u32 (16 bytes); wasm needs no alignment.
            unsafe { v128_store(w.as_mut_ptr() as *mut v128, c) };
        }
        return colour_words_scalar(&values[n4..], min, scale, table, &mut words[n4..]);
    }
    for (w, v) in words[..n4].chunks_exact_mut(4).zip(values[..n4].chunks_exact(4)) {
        let k = index(v);
        let c = u32x4(
            table[(i32x4_extract_lane::<0>(k) as usize) & 255],
            table[(i32x4_extract_lane::<1>(k) as usize) & 255],
            table[(i32x4_extract_lane::<2>(k) as usize) & 255],
            table[(i32x4_extract_lane::<3>(k) as usize) & 255],
        );
        unsafe { v128_store(w.as_mut_ptr() as *mut v128, c) };
    }
    colour_words_scalar(&values[n4..], min, scale, table, &mut words[n4..]);
}

/// Losses mapped to colours logarithmically: each value `v` becomes `ln(v − min + δ)` with
/// `δ = LOG_FLOOR·(max − min)`, so a range spanning decades (Rosenbrock) shows its valleys;
/// returns the new `(min, max)`.
pub fn to_log(values: &mut [f32], min: f32, max: f32) -> (f32, f32) {
    let d = (crate::surface::LOG_FLOOR as f32 * (max - min)).max(f32::MIN_POSITIVE);
    for v in values.iter_mut() {
        *v = (*v - min + d).ln();
    }
    (d.ln(), (max - min + d).ln())
}
