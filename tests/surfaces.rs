//! Tests of `surface`: analytic gradients against finite differences and against mpmath, values
//! against numpy, the minimisers, contour levels, names and edge inputs.

use descent::landscape::Interval;
use descent::objective::Objective;
use descent::surface::{levels, LevelScale, Multiwell, Surface, LOG_FLOOR, MAX_LEVELS, SURFACES};

// ---------------------------------------------------------------------------------------------
// Reference values: printed by `python3 tests/reference/surfaces.py` (numpy 2.4.6, mpmath 1.3.0)
// and pasted here unchanged (Python's quotes swapped for Rust's). Values are numpy float64,
// cross-checked in the script against mpmath at 50 digits to 1e-14; derivatives are mpmath's
// numerical differentiation at 50 digits, rounded to f64.
// ---------------------------------------------------------------------------------------------

// name, x, y, value (numpy), dvalue/dx, dvalue/dy (mpmath diff)
const SURFACE_REF: [(&str, f64, f64, f64, f64, f64); 42] = [
    ("saddle", 0.3, -1.7, 2.8, -0.6, -3.4),
    ("saddle", -2.2, 0.9, -4.030000000000001, 4.4, 1.8),
    ("saddle", 1.1, 2.6, 5.550000000000001, -2.2, 5.2),
    ("saddle", -4.1, -3.3, -5.92, 8.2, -6.6),
    ("saddle", 0.01, -0.02, 0.00030000000000000003, -0.02, -0.04),
    ("saddle", 2.75, 0.35, -7.44, -5.5, 0.7),
    ("tanh", 0.3, -1.7, 0.9598531675399242, 0.5331818782014544, -0.23387073381089182),
    ("tanh", -2.2, 0.9, 1.4651572946552327, -0.09352565070811049, 0.6975557375069725),
    ("tanh", 1.1, 2.6, 1.61897388614438, 0.5750806044028614, 0.04317064593638355),
    ("tanh", -4.1, -3.3, 1.993475291452357, -0.0021948161441003255, -0.010823905884533512),
    ("tanh", 0.01, -0.02, 0.0004998866912171647, 0.019997333559984256, -0.03997867391798501),
    ("tanh", 2.75, 0.35, 1.096934220048085, 0.03216459603832808, 0.5966303075227345),
    ("sinc", 0.3, -1.7, -0.4089124516869387, 0.9620281301388888, 0.09486264231745542),
    ("sinc", -2.2, 0.9, 0.37066311486852643, -0.11092158453157946, 1.358165467869117),
    ("sinc", 1.1, 2.6, 0.7699861771328015, 1.0033049616663818, 0.6836353368093383),
    ("sinc", -4.1, -3.3, 2.8240447744363224, -0.5938864632658069, -0.8144695339912691),
    ("sinc", 0.01, -0.02, -1.9991276709503898, 0.0348954344817124, -0.06977139057848727),
    ("sinc", 2.75, 0.35, -0.12367889584221947, 0.8368922614614588, 1.0881184522005953),
    ("tanh-bowl", 0.3, -1.7, 1.3626339628345598, 0.2713449436304244, -0.425),
    ("tanh-bowl", -2.2, 0.9, 1.70625, -0.55, 0.225),
    ("tanh-bowl", 1.1, 2.6, 1.9962499988842128, 0.2750000223157447, 0.65),
    ("tanh-bowl", -4.1, -3.3, 4.4624999999999995, -1.025, -0.825),
    ("tanh-bowl", 0.01, -0.02, 0.009996209152560222, 1.9760584350906514, -0.005),
    ("tanh-bowl", 2.75, 0.35, 1.9606249999999998, 0.6875, 0.0875),
    ("rosenbrock", 0.3, -1.7, 320.9, 213.39999999999998, -358.0),
    ("rosenbrock", -2.2, 0.9, 1562.6000000000008, -3473.600000000001, -788.0000000000001),
    ("rosenbrock", 1.1, 2.6, 193.21999999999997, -611.4, 278.0),
    ("rosenbrock", -4.1, -3.3, 40467.219999999994, -32990.59999999999, -4021.9999999999995),
    ("rosenbrock", 0.01, -0.02, 1.0205009999999999, -1.8996, -4.0200000000000005),
    ("rosenbrock", 2.75, 0.35, 5205.078125000001, 7937.25, -1442.5),
    ("beale", 0.3, -1.7, 9.13596021, -3.142848600000003, -0.9052577999999989),
    ("beale", -2.2, 0.9, 20.45275344, -3.1037303999999994, -63.13963040000001),
    ("beale", 1.1, 2.6, 519.4281899599999, 800.8470272000002, 1036.0231376000004),
    ("beale", -4.1, -3.3, 25569.318349889993, -12303.595615799995, -43503.15240979998),
    ("beale", 0.01, -0.02, 14.075346541616009, -12.74744967679872, 0.02806675679808),
    ("beale", 2.75, 0.35, 0.10931633691406256, 0.6736135859375002, -2.2236194921875003),
    ("himmelblau", 0.3, -1.7, 173.52819999999997, -22.752, 0.6880000000000005),
    ("himmelblau", -2.2, 0.9, 98.0597, 29.507999999999996, -40.724),
    ("himmelblau", 1.1, 2.6, 52.4357, -29.916, -5.435999999999994),
    ("himmelblau", -4.1, -3.3, 6.34419999999999, -41.58399999999995, 7.792000000000005),
    ("himmelblau", 0.01, -0.02, 170.29270417, -14.419996, -21.480632),
    ("himmelblau", 2.75, 0.35, 26.5689125, -42.2175, -11.9535),
];

const MULTIWELL_REF: [(f64, f64, f64); 7] = [
    (-4.5, -0.0034956008536636734, -0.04687850430538248),
    (-2.0, -5.16991962954599, 11.447679179708977),
    (-0.5, -0.314663961018459, 0.27533096589115164),
    (0.7, -0.40910114421499666, -0.4780054655049225),
    (1.9, -2.0338314513260833, -1.7627507735993362),
    (3.5, -0.029795650361641765, 0.2474103110386325),
    (4.8, -8.974034945623126e-12, 2.4722697072196435e-10),
];

/// |a − b| ≤ rel·|b| + abs (false for NaN).
fn close(a: f64, b: f64, rel: f64, abs: f64) -> bool {
    (a - b).abs() <= rel * b.abs() + abs
}

/// A small deterministic generator (SplitMix64) for sample points: uniform in [0, 1).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
    fn within(&mut self, r: Interval) -> f64 {
        r.lo + (r.hi - r.lo) * self.next()
    }
}

fn surface(name: &str) -> Surface {
    match Surface::from_name(name) {
        Some(s) => s,
        None => panic!("unknown surface {name}"),
    }
}

#[test]
fn values_match_numpy() {
    for &(name, x, y, v, _, _) in SURFACE_REF.iter() {
        let got = surface(name).value([x, y]);
        assert!(close(got, v, 1e-12, 0.0), "{name} at ({x}, {y}): {got} vs numpy {v}");
        let (got2, _) = surface(name).value_and_gradient([x, y]);
        assert!(close(got2, v, 1e-12, 0.0), "{name} at ({x}, {y}): value_and_gradient {got2} vs {v}");
    }
    for &(x, v, _) in MULTIWELL_REF.iter() {
        let got = Multiwell.value([x]);
        assert!(close(got, v, 1e-12, 0.0), "multiwell at {x}: {got} vs numpy {v}");
    }
}

/// Analytic gradients against mpmath's 50-digit numerical derivatives: 1e-12 relative; the
/// 1e-13 absolute floor covers components that are small sums of large terms (Himmelblau's
/// ∂f/∂y = 0.688 at (0.3, −1.7) from terms of ~10², where f64 rounding of the terms is ~10⁻¹⁴).
#[test]
fn gradients_match_mpmath() {
    for &(name, x, y, _, gx, gy) in SURFACE_REF.iter() {
        let g = surface(name).gradient([x, y]);
        assert!(close(g[0], gx, 1e-12, 1e-13), "{name} at ({x}, {y}): ∂x {} vs {gx}", g[0]);
        assert!(close(g[1], gy, 1e-12, 1e-13), "{name} at ({x}, {y}): ∂y {} vs {gy}", g[1]);
    }
    for &(x, _, d) in MULTIWELL_REF.iter() {
        let g = Multiwell.gradient([x])[0];
        assert!(close(g, d, 1e-12, 1e-300), "multiwell at {x}: {g} vs {d}");
    }
}

/// Fourth-order central difference (f(x−2h) − 8f(x−h) + 8f(x+h) − f(x+2h))/(12h).
fn central<F: Fn(f64) -> f64>(f: F, x: f64, h: f64) -> f64 {
    (f(x - 2.0 * h) - 8.0 * f(x - h) + 8.0 * f(x + h) - f(x + 2.0 * h)) / (12.0 * h)
}

/// Gradient vs central differences at 30 random points of each window, plus the start.
///
/// Tolerance: 1e-6 relative, plus an absolute floor 1e-9·(1 + |f|). With h = 10⁻⁴·max(1, |x|)
/// the stencil's truncation error is O(h⁴ f⁽⁵⁾) ≲ 10⁻¹¹ here (the steepest is tanh²(10x), whose
/// fifth derivative is ~10⁶), and its rounding error is ≈ 1.5·ε·|f|/h ≈ 3·10⁻¹²·|f|; where the
/// gradient is ~0 (plateaus of tanh, the minimisers) a relative test alone would compare
/// rounding noise, hence the floor, still 300× above that noise.
#[test]
fn gradients_match_central_differences() {
    let mut rng = Rng(0x5EED);
    for s in SURFACES {
        let [wx, wy] = s.window();
        let mut points: Vec<[f64; 2]> = (0..30).map(|_| [rng.within(wx), rng.within(wy)]).collect();
        points.push(s.start());
        for p in points {
            let [x, y] = p;
            let (f, g) = s.value_and_gradient(p);
            let hx = 1e-4 * x.abs().max(1.0);
            let hy = 1e-4 * y.abs().max(1.0);
            let dx = central(|t| s.value([t, y]), x, hx);
            let dy = central(|t| s.value([x, t]), y, hy);
            let floor = 1e-9 * (1.0 + f.abs());
            assert!(close(g[0], dx, 1e-6, floor), "{} at ({x}, {y}): ∂x {} vs {dx}", s.name(), g[0]);
            assert!(close(g[1], dy, 1e-6, floor), "{} at ({x}, {y}): ∂y {} vs {dy}", s.name(), g[1]);
        }
    }
    let w = Multiwell.window();
    let mut xs: Vec<f64> = (0..30).map(|_| rng.within(w)).collect();
    xs.push(Multiwell.start()[0]);
    for x in xs {
        let (f, [g]) = Multiwell.value_and_gradient([x]);
        let d = central(|t| Multiwell.value([t]), x, 1e-4 * x.abs().max(1.0));
        assert!(close(g, d, 1e-6, 1e-9 * (1.0 + f.abs())), "multiwell at {x}: {g} vs {d}");
    }
}

/// Near x = 0 the sinc surface's gradient uses a Taylor series, further out the closed form: the
/// two must join smoothly at |πx| = 1 and give 0 at 0, where the series' own formula is 0/0.
#[test]
fn sinc_gradient_near_zero_and_at_the_switch() {
    let s = Surface::Sinc;
    assert_eq!(s.value([0.0, 0.0]), -2.0);
    assert_eq!(s.gradient([0.0, 0.0]), [0.0, 0.0]);
    assert_eq!(s.gradient([-0.0, 0.0]), [0.0, 0.0]);
    // Hand derivation: sinc x = 1 − (πx)²/6 + …, so ∂f/∂x = x/5 + π²x/3 + O(x³); at x = 10⁻⁸ the
    // O(x³) term is below 10⁻²³.
    let x = 1e-8;
    let want = x / 5.0 + std::f64::consts::PI.powi(2) * x / 3.0;
    assert!(close(s.gradient([x, 0.0])[0], want, 1e-14, 0.0));
    // Either side of the switch |πx| = 1: left and right values agree with mpmath-checked closed
    // forms through the central difference.
    let edge = 1.0 / std::f64::consts::PI;
    for x in [edge * (1.0 - 1e-12), edge, edge * (1.0 + 1e-12), -edge] {
        let g = s.gradient([x, 0.0])[0];
        let d = central(|t| s.value([t, 0.0]), x, 1e-4);
        assert!(close(g, d, 1e-9, 1e-12), "at {x}: {g} vs {d}");
    }
    // The left and right limits at the switch differ by rounding only.
    let below = s.gradient([edge * (1.0 - 1e-15), 0.0])[0];
    let above = s.gradient([edge * (1.0 + 1e-15), 0.0])[0];
    assert!(close(below, above, 1e-13, 0.0), "{below} vs {above}");
}

/// At each listed minimiser: the gradient is 0 to 1e-12, the value is the known one, and no
/// nearby point (100 on a spiral of radius 10⁻⁴…10⁻²) is lower.
#[test]
fn minimisers_are_minima() {
    // Known minimum values: 0 for all but sinc's −2 (−(1 + 1) + 0).
    for s in SURFACES {
        let want = if s == Surface::Sinc { -2.0 } else { 0.0 };
        for &m in s.minima() {
            let (f, g) = s.value_and_gradient(m);
            assert!(g[0].abs() <= 1e-12 && g[1].abs() <= 1e-12, "{} at {m:?}: gradient {g:?}", s.name());
            assert!(close(f, want, 0.0, 1e-20), "{} at {m:?}: value {f}", s.name());
            for k in 0..100 {
                let r = 1e-4 * 100f64.powf(k as f64 / 99.0);
                let a = k as f64 * 2.399_963_229_728_653; // golden angle
                let q = [m[0] + r * a.cos(), m[1] + r * a.sin()];
                assert!(f <= s.value(q), "{} lower at {q:?} than at {m:?}", s.name());
            }
        }
    }
    assert!(Surface::Saddle.minima().is_empty());
    assert_eq!(Surface::Himmelblau.minima().len(), 4);
    // Multiwell: values at the two roots of x³ + 0.75x² − 6.5x − 0.25 from mpmath (printed by
    // the reference script): −18.872399234059742 and −2.36642718235163.
    let wants = [-18.872399234059742, -2.36642718235163];
    assert_eq!(Multiwell.minima().len(), 2);
    for (&m, want) in Multiwell.minima().iter().zip(wants) {
        let (f, [g]) = Multiwell.value_and_gradient(m);
        assert!(g.abs() <= 1e-12, "multiwell at {m:?}: slope {g}");
        assert!(close(f, want, 1e-12, 0.0), "multiwell at {m:?}: {f} vs {want}");
        for k in 0..100 {
            let r = 1e-4 * 100f64.powf((k / 2) as f64 / 49.0) * if k % 2 == 0 { 1.0 } else { -1.0 };
            assert!(f <= Multiwell.value([m[0] + r]), "multiwell lower at {}", m[0] + r);
        }
    }
    // Global first: the first is the deepest.
    let [a, b] = [Multiwell.value(Multiwell.minima()[0]), Multiwell.value(Multiwell.minima()[1])];
    assert!(a < b);
}

/// The series' starts (`self.params` in olds/_sample2.py, `start_x` in _sample.py) and the
/// chosen ones for the classics; every start and minimiser is inside its window.
#[test]
fn starts_windows_and_scales() {
    let starts: [[f64; 2]; 7] =
        [[1e-4, 4.0], [-1.0, 2.0], [-3.0, 4.0], [-2.0, 2.0], [-1.2, 1.0], [3.0, 4.0], [0.0, 0.0]];
    for (s, want) in SURFACES.into_iter().zip(starts) {
        assert_eq!(s.start(), want, "{}", s.name());
        let w = s.window();
        for (i, r) in w.iter().enumerate() {
            assert!(r.lo.is_finite() && r.hi.is_finite() && r.lo < r.hi, "{} window {i}", s.name());
            assert!(r.lo <= s.start()[i] && s.start()[i] <= r.hi, "{} start outside", s.name());
            for m in s.minima() {
                assert!(r.lo <= m[i] && m[i] <= r.hi, "{} minimum outside", s.name());
            }
        }
        assert!(!s.formula().is_empty());
    }
    let five = Interval { lo: -5.0, hi: 5.0 };
    for s in [Surface::Saddle, Surface::Tanh, Surface::Sinc, Surface::TanhBowl, Surface::Himmelblau] {
        assert_eq!(s.window(), [five, five]);
    }
    assert_eq!(Surface::Rosenbrock.window(), [Interval { lo: -2.0, hi: 2.0 }, Interval { lo: -1.0, hi: 3.0 }]);
    assert_eq!(Surface::Beale.window(), [Interval { lo: -4.5, hi: 4.5 }, Interval { lo: -4.5, hi: 4.5 }]);
    assert_eq!(Multiwell.window(), five);
    assert_eq!(Multiwell.start(), [3.5]);
    assert!(Multiwell.minima().iter().all(|m| five.lo <= m[0] && m[0] <= five.hi));

    // The scale follows the value range over the window, sampled on a 101 × 101 grid: Log where
    // max − min spans more than 10² times the series' widest linear range, Linear where ≤ 50.
    for s in SURFACES {
        let [wx, wy] = s.window();
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for i in 0..=100 {
            for j in 0..=100 {
                let p = [wx.lo + (wx.hi - wx.lo) * i as f64 / 100.0, wy.lo + (wy.hi - wy.lo) * j as f64 / 100.0];
                let f = s.value(p);
                lo = lo.min(f);
                hi = hi.max(f);
            }
        }
        match s.level_scale() {
            LevelScale::Log => assert!(hi - lo > 200.0 && lo >= 0.0, "{}: [{lo}, {hi}]", s.name()),
            LevelScale::Linear => assert!(hi - lo <= 50.0, "{}: [{lo}, {hi}]", s.name()),
        }
    }
    let logs: Vec<&str> =
        SURFACES.into_iter().filter(|s| s.level_scale() == LevelScale::Log).map(|s| s.name()).collect();
    assert_eq!(logs, ["rosenbrock", "beale", "himmelblau"]);
}

fn assert_levels_ok(v: &[f64], min: f64, max: f64) {
    for (i, &l) in v.iter().enumerate() {
        assert!(min < l && l < max, "level {l} outside ({min}, {max})");
        if i > 0 {
            assert!(l > v[i - 1], "not increasing at {i}: {v:?}");
        }
    }
}

#[test]
fn linear_levels() {
    let v = levels(LevelScale::Linear, -25.0, 25.0, 10);
    assert_eq!(v.len(), 10);
    assert_levels_ok(&v, -25.0, 25.0);
    // Hand derivation: lᵢ = −25 + 50·i/11.
    for (i, &l) in v.iter().enumerate() {
        assert!(close(l, -25.0 + 50.0 * (i + 1) as f64 / 11.0, 1e-15, 1e-14), "{i}: {l}");
    }
    let v = levels(LevelScale::Linear, 0.0, 1.0, 1);
    assert_eq!(v, [0.5]);
}

#[test]
fn log_levels_positive_range_have_constant_ratio() {
    // Hand derivation: min = 1 ≥ δ = 10⁻⁶·(10⁴ − 1), so pure geometric: 10, 100, 1000.
    let v = levels(LevelScale::Log, 1.0, 1e4, 3);
    assert_eq!(v.len(), 3);
    for (l, want) in v.iter().zip([10.0, 100.0, 1000.0]) {
        assert!(close(*l, want, 1e-13, 0.0), "{l} vs {want}");
    }
    let v = levels(LevelScale::Log, 0.5, 2.5e5, 30);
    assert_eq!(v.len(), 30);
    assert_levels_ok(&v, 0.5, 2.5e5);
    // Constant ratio (2.5e5/0.5)^(1/31), also from min to the first and from the last to max.
    let r = (5e5f64).powf(1.0 / 31.0);
    assert!(close(v[0] / 0.5, r, 1e-12, 0.0));
    assert!(close(2.5e5 / v[29], r, 1e-12, 0.0));
    for w in v.windows(2) {
        assert!(close(w[1] / w[0], r, 1e-12, 0.0), "{} vs {r}", w[1] / w[0]);
    }
}

#[test]
fn log_levels_touching_zero_or_negative_are_offset() {
    for (min, max, count) in [(0.0, 2509.0, 20), (-5.0, 3.0, 7), (1e-300, 1.0, 12), (-1e6, -1.0, 25)] {
        let v = levels(LevelScale::Log, min, max, count);
        assert_eq!(v.len(), count, "({min}, {max})");
        assert_levels_ok(&v, min, max);
        // Documented: geometric in f − min + δ between δ and max − min + δ, δ = LOG_FLOOR·(max − min).
        let d = LOG_FLOOR * (max - min);
        let r = ((max - min + d) / d).powf(1.0 / (count as f64 + 1.0));
        let g: Vec<f64> = v.iter().map(|l| l - min + d).collect();
        assert!(close(g[0] / d, r, 1e-9, 0.0), "({min}, {max}): first ratio {}", g[0] / d);
        for w in g.windows(2) {
            assert!(close(w[1] / w[0], r, 1e-9, 0.0), "({min}, {max}): {} vs {r}", w[1] / w[0]);
        }
    }
    // Continuity at min = δ: the offset and pure forms agree (there base = 0).
    let max = 1.0 + 1e-6;
    let min = LOG_FLOOR * (max - 0.0) / (1.0 + LOG_FLOOR); // solves min = 10⁻⁶·(max − min)
    let v = levels(LevelScale::Log, min, max, 5);
    let r = (max / min).powf(1.0 / 6.0);
    assert!(close(v[0] / min, r, 1e-9, 0.0));
}

#[test]
fn levels_edge_cases() {
    for scale in [LevelScale::Linear, LevelScale::Log] {
        assert!(levels(scale, 0.0, 1.0, 0).is_empty());
        assert!(levels(scale, 1.0, 1.0, 5).is_empty());
        assert!(levels(scale, 2.0, 1.0, 5).is_empty());
        assert!(levels(scale, f64::NAN, 1.0, 5).is_empty());
        assert!(levels(scale, 0.0, f64::NAN, 5).is_empty());
        assert!(levels(scale, f64::NEG_INFINITY, 1.0, 5).is_empty());
        assert!(levels(scale, 0.0, f64::INFINITY, 5).is_empty());
        // Wider than f64::MAX: still `count` finite levels inside.
        let v = levels(scale, -1e308, 1e308, 9);
        assert_eq!(v.len(), 9);
        assert_levels_ok(&v, -1e308, 1e308);
        let v = levels(scale, f64::MIN, f64::MAX, 3);
        assert_eq!(v.len(), 3);
        assert_levels_ok(&v, f64::MIN, f64::MAX);
        // Only one f64 lies strictly between 1 and 1 + 2ε: it alone is returned.
        let v = levels(scale, 1.0, 1.0 + 2.0 * f64::EPSILON, 5);
        assert_eq!(v, [1.0 + f64::EPSILON]);
        // Subnormal range: δ underflows, so linear; still inside and increasing.
        let tiny = 5e-324;
        let v = levels(scale, 0.0, 100.0 * tiny, 4);
        assert_eq!(v.len(), 4);
        assert_levels_ok(&v, 0.0, 100.0 * tiny);
        // A huge count is clamped.
        let v = levels(scale, 0.0, 1.0, usize::MAX);
        assert_eq!(v.len(), MAX_LEVELS);
        assert_levels_ok(&v, 0.0, 1.0);
    }
}

#[test]
fn names_round_trip() {
    let names: Vec<&str> = SURFACES.into_iter().map(|s| s.name()).collect();
    assert_eq!(names, ["saddle", "tanh", "sinc", "tanh-bowl", "rosenbrock", "beale", "himmelblau"]);
    for s in SURFACES {
        let n = s.name();
        assert!(n.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{n} is not kebab-case");
        assert_eq!(Surface::from_name(n), Some(s));
        assert_eq!(Surface::from_name(&n.to_ascii_uppercase()), Some(s));
        assert_eq!(Surface::from_name(&n.replace('-', "_")), Some(s));
        assert_eq!(Surface::from_name(&format!(" {} ", n.replace('-', " "))), Some(s));
    }
    for n in ["Tanh_Bowl", "TANH BOWL", "tanhbowl", "t-a-n-h-b-o-w-l", "Rosen-Brock", "HimmelBlau"] {
        assert!(Surface::from_name(n).is_some(), "{n}");
    }
    assert_eq!(Surface::from_name("Tanh_Bowl"), Some(Surface::TanhBowl));
    assert_eq!(Surface::from_name("TANH"), Some(Surface::Tanh));
    for n in [
        "",
        "-",
        " _ ",
        "tanh-bowl2",
        "bowl",
        "tanh bowl x",
        "ｓａｄｄｌｅ",
        "SİNC",
        "sinc\u{0}",
        "multiwell",
        "rosenbrok",
    ] {
        assert_eq!(Surface::from_name(n), None, "{n:?}");
    }
}

const SPECIAL: [f64; 13] = [
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    1e308,
    -1e308,
    f64::MAX,
    f64::MIN,
    f64::MIN_POSITIVE,
    5e-324,
    -5e-324,
    0.0,
    -0.0,
    1e154,
];

fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

/// No input panics; value_and_gradient agrees with value and gradient everywhere; documented
/// limits hold.
#[test]
fn edge_inputs() {
    for s in SURFACES {
        for &x in SPECIAL.iter() {
            for &y in SPECIAL.iter() {
                let (f, g) = s.value_and_gradient([x, y]);
                assert!(same(f, s.value([x, y])), "{} at ({x}, {y})", s.name());
                let g2 = s.gradient([x, y]);
                assert!(same(g[0], g2[0]) && same(g[1], g2[1]), "{} at ({x}, {y})", s.name());
                if x.is_nan() || y.is_nan() {
                    assert!(f.is_nan(), "{} at ({x}, {y}) gave {f}", s.name());
                }
                let small = |t: f64| t.abs() <= 1.0;
                if small(x) && small(y) {
                    assert!(f.is_finite() && g[0].is_finite() && g[1].is_finite(), "{} at ({x}, {y})", s.name());
                }
            }
        }
    }
    // tanh² → 1 with slope 0 at ±∞.
    let (f, g) = Surface::Tanh.value_and_gradient([f64::INFINITY, f64::NEG_INFINITY]);
    assert_eq!((f, g), (2.0, [0.0, 0.0]));
    assert_eq!(Surface::Tanh.value_and_gradient([1e308, 800.0]), (2.0, [0.0, 0.0]));
    // sinc → 0 at ±∞ and for |πx| > f64::MAX; the bowl (x² + y²)/10 overflows to +∞.
    let (f, g) = Surface::Sinc.value_and_gradient([f64::INFINITY, 0.0]);
    assert_eq!((f, g), (f64::INFINITY, [f64::INFINITY, 0.0]));
    let (f, g) = Surface::Sinc.value_and_gradient([f64::MAX, -0.0]);
    assert_eq!(f, f64::INFINITY);
    assert_eq!(g[0], f64::MAX / 5.0);
    // Subnormals: exact-looking limits (sinc ≈ 1, slopes ≈ 0).
    let (f, g) = Surface::Sinc.value_and_gradient([5e-324, -5e-324]);
    assert_eq!(f, -2.0);
    assert!(g[0].abs() < 1e-300 && g[1].abs() < 1e-300);
    // Overflow shows as a non-finite value, never a panic.
    assert!(!Surface::Rosenbrock.value([1e200, 0.0]).is_finite());
    assert!(!Surface::Beale.value([1e100, 1e100]).is_finite());
    assert!(!Surface::Himmelblau.value([-1e200, 1e200]).is_finite());

    for &x in SPECIAL.iter() {
        let (f, [g]) = Multiwell.value_and_gradient([x]);
        assert!(same(f, Multiwell.value([x])) && same(g, Multiwell.gradient([x])[0]), "multiwell at {x}");
        if x.is_nan() {
            assert!(f.is_nan() && g.is_nan());
        } else {
            assert!(f.is_finite() && g.is_finite(), "multiwell at {x}: {f}, {g}");
        }
    }
    // Far out the exponential underflows: −0 and slope 0, not 0 × ∞ = NaN.
    for x in [f64::INFINITY, f64::NEG_INFINITY, 1e300, -1e300, 12.0, -12.0] {
        assert_eq!(Multiwell.value_and_gradient([x]), (-0.0, [0.0]), "at {x}");
    }
    // Hand check at x = 1: q = 0, so f = −e^(−1/2) and f′ = e^(−1/2)·(4 + 3 − 26 − 1)/14 = −(10/7)e^(−1/2).
    let e = (-0.5f64).exp();
    let (f, [g]) = Multiwell.value_and_gradient([1.0]);
    assert!(close(f, -e, 1e-15, 0.0) && close(g, -10.0 / 7.0 * e, 1e-15, 0.0));
}
