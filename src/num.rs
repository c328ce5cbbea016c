//! Numbers as text for the labels drawn in the figures, without Rust's float formatting (Grisu
//! and Dragon with their tables would add ~20 KB to the wasm module): the digits come from
//! integer arithmetic. The page formats every other number in JavaScript (`Intl.NumberFormat`).

/// How a number is written: the decimal separator of the language (`.` or `,`) and the minus
/// sign (`−`, U+2212, as typeset mathematics writes it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumStyle {
    pub decimal: char,
    pub minus: char,
}

impl Default for NumStyle {
    fn default() -> Self {
        NumStyle { decimal: '.', minus: '\u{2212}' }
    }
}

const SUPERSCRIPT: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// `v` with at most `sig` significant digits (1 to 15) and no trailing zeros, in plain decimals
/// from 10⁻⁴ up to 10⁶ and as `d.dd×10ⁿ` outside; `∞`, `−∞` and `NaN` as such.
pub fn format(v: f64, sig: u32, style: NumStyle) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    let mut out = String::new();
    if v < 0.0 {
        out.push(style.minus);
    }
    let a = v.abs();
    if a.is_infinite() {
        out.push('∞');
        return out;
    }
    if a == 0.0 {
        return "0".into();
    }
    let sig = sig.clamp(1, 15) as i32;
    let (mut m, mut e) = digits(a, sig);
    // Trailing zeros go: 1.500 → 1.5, 2000 (4 digits) → 2000 with m = 2, k = 3 below.
    let mut k = 0; // m·10^(e − sig + 1 + k)
    while m != 0 && m % 10 == 0 {
        m /= 10;
        k += 1;
    }
    let scale = e - sig + 1 + k; // v = m·10^scale
    if !(-4..6).contains(&e) {
        // d.ddd×10ᵉ
        let d = decimal(m);
        out.push_str(&d[..1]);
        if d.len() > 1 {
            out.push(style.decimal);
            out.push_str(&d[1..]);
        }
        out.push('×');
        out.push_str("10");
        if e < 0 {
            out.push('⁻');
            e = -e;
        }
        for c in decimal(e as u64).bytes() {
            out.push(SUPERSCRIPT[(c - b'0') as usize]);
        }
        return out;
    }
    let d = decimal(m);
    if scale >= 0 {
        out.push_str(&d);
        for _ in 0..scale {
            out.push('0');
        }
    } else {
        let frac = (-scale) as usize;
        if d.len() > frac {
            out.push_str(&d[..d.len() - frac]);
            out.push(style.decimal);
            out.push_str(&d[d.len() - frac..]);
        } else {
            out.push('0');
            out.push(style.decimal);
            for _ in 0..frac - d.len() {
                out.push('0');
            }
            out.push_str(&d);
        }
    }
    out
}

/// The decimal digits of `n`. `u64::to_string` would do, but it goes through `core::fmt`'s
/// padding code, which nothing else in the wasm module needs.
fn decimal(mut n: u64) -> String {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf[i..].iter().map(|&b| b as char).collect()
}

/// `(m, e)` with `a ≈ m·10^(e − sig + 1)`, `10^(sig−1) ≤ m < 10^sig`: `e` is the decimal
/// exponent of the leading digit after rounding to `sig` digits.
fn digits(a: f64, sig: i32) -> (u64, i32) {
    let mut e = a.log10().floor() as i32;
    let top = 10u64.pow(sig as u32);
    let mut m = (scaled(a, sig - 1 - e)).round() as u64;
    if m >= top {
        e += 1;
        m = (scaled(a, sig - 1 - e)).round() as u64;
    } else if m < top / 10 {
        e -= 1;
        m = (scaled(a, sig - 1 - e)).round() as u64;
    }
    (m.min(top - 1), e)
}

/// `a·10^k`, dividing by an exact power of ten for negative `k` (10^k is exact up to 10²²).
fn scaled(a: f64, k: i32) -> f64 {
    if k > 300 {
        // A subnormal `a` needs k up to 338, and 10^k overflows past 10^308.
        return scaled(a * 1e300, k - 300);
    }
    if k >= 0 {
        if k > 22 {
            a * 10f64.powi(k - 22) * 1e22
        } else {
            a * 10f64.powi(k)
        }
    } else if -k > 22 {
        a / 10f64.powi(-k - 22) / 1e22
    } else {
        a / 10f64.powi(-k)
    }
}

/// A tick value for an axis spanning `span`: values within `1e-9·span` of 0 are 0, so a tick at
/// the middle of `[−0.7, 0.7]` reads 0, not −1.1×10⁻¹⁶.
pub fn tick(v: f64, span: f64) -> f64 {
    if v.abs() <= 1e-9 * span.abs() {
        0.0
    } else {
        v
    }
}

/// `v` within `[lo, hi]` (NaN stays NaN). Unlike `f64::clamp` it never panics (`lo > hi` gives
/// `hi`) and does not link Rust's float formatting (`clamp`'s panic message prints its bounds).
#[allow(clippy::manual_clamp)] // see above: no panic, no float formatting
pub fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    if v.is_nan() {
        v
    } else {
        v.max(lo).min(hi)
    }
}

/// `x` less the whole multiples of `p` toward zero, with the sign of `x`: what `x % p` gives,
/// without libm's `fmod` (which links 128-bit division, ~2 KB of the wasm module). The same
/// bits as `%` when `|x| < 2|p|` (then `x − p` is exact); beyond, within rounding of `x`, and
/// may land on the neighbouring multiple (`−0.0…1` for `p − 0.0…1`): the callers, an angle and a
/// dash pattern's phase, want `x` modulo `p`, not one representative.
pub fn rem(x: f64, p: f64) -> f64 {
    x - p * (x / p).trunc()
}

/// `v` within `[lo, hi]` for integers, never panicking (`lo > hi` gives `hi`).
#[allow(clippy::manual_clamp)] // `Ord::clamp` panics when lo > hi, which a tiny canvas can make happen
pub fn clamp_i32(v: i32, lo: i32, hi: i32) -> i32 {
    v.max(lo).min(hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rem_is_percent_below_two_periods_and_close_beyond() {
        let tau = std::f64::consts::TAU;
        for p in [tau, 6.0, 7.5, 0.3] {
            for i in -4000..=4000 {
                let x = i as f64 * p / 1999.0 + 1e-9 * i as f64;
                if x.abs() < 2.0 * p {
                    assert_eq!(rem(x, p).to_bits(), (x % p).to_bits(), "{x} {p}");
                }
                let big = x * 997.0;
                let d = (rem(big, p) - big % p).abs();
                assert!(d < 1e-9 || (d - p).abs() < 1e-9, "{big} {p}: {d}");
            }
        }
    }

    #[test]
    fn decimal_writes_what_to_string_writes() {
        for k in 0..20 {
            let n = 10u64.pow(k);
            for m in [n - 1, n, n + 1, n / 7 * 3, u64::MAX / n] {
                assert_eq!(decimal(m), m.to_string());
            }
        }
        assert_eq!(decimal(u64::MAX), u64::MAX.to_string());
    }

    fn en(v: f64, sig: u32) -> String {
        format(v, sig, NumStyle::default())
    }

    #[test]
    fn plain_decimals() {
        assert_eq!(en(0.0, 4), "0");
        assert_eq!(en(-0.0, 4), "0");
        assert_eq!(en(1.0, 4), "1");
        assert_eq!(en(-2.0, 4), "−2");
        assert_eq!(en(0.5, 4), "0.5");
        assert_eq!(en(0.1, 4), "0.1");
        assert_eq!(en(10.0, 4), "10");
        assert_eq!(en(2000.0, 4), "2000");
        assert_eq!(en(123456.0, 3), "123000");
        assert_eq!(en(0.10203, 3), "0.102");
        assert_eq!(en(0.11350000001, 6), "0.1135");
        assert_eq!(en(1.99999, 3), "2");
        assert_eq!(en(9.9996, 4), "10");
        assert_eq!(en(0.00012345, 3), "0.000123");
        assert_eq!(en(-1.5, 2), "−1.5");
        assert_eq!(en(0.3, 15), "0.3");
        assert_eq!(en(1.0 / 3.0, 6), "0.333333");
    }

    #[test]
    fn exponents_outside_the_plain_range() {
        assert_eq!(en(1e-5, 3), "1×10⁻⁵");
        assert_eq!(en(-5.55e-17, 2), "−5.6×10⁻¹⁷");
        assert_eq!(en(1.5e6, 3), "1.5×10⁶");
        assert_eq!(en(1e300, 3), "1×10³⁰⁰");
        assert_eq!(en(5e-324, 2), "4.9×10⁻³²⁴");
        assert_eq!(en(f64::MAX, 3), "1.8×10³⁰⁸");
    }

    #[test]
    fn special_values_and_french_decimals() {
        assert_eq!(en(f64::INFINITY, 3), "∞");
        assert_eq!(en(f64::NEG_INFINITY, 3), "−∞");
        assert_eq!(en(f64::NAN, 3), "NaN");
        let fr = NumStyle { decimal: ',', ..NumStyle::default() };
        assert_eq!(format(0.102, 3, fr), "0,102");
        assert_eq!(format(-2.5e-7, 2, fr), "−2,5×10⁻⁷");
    }

    #[test]
    fn ticks_near_zero_are_zero() {
        assert_eq!(tick(-5.551115123125783e-17, 1.0), 0.0);
        assert_eq!(tick(-1.1e-16, 1.4), 0.0);
        assert_eq!(tick(0.35, 1.4), 0.35);
    }

    #[test]
    fn many_values_round_trip_to_their_digits() {
        // Every value with few digits prints as written.
        for (v, s) in
            [(0.25, "0.25"), (1.75, "1.75"), (12.5, "12.5"), (0.001, "0.001"), (250.0, "250"), (2.34567, "2.346")]
        {
            assert_eq!(en(v, 4), s);
        }
    }
}
