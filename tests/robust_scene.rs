//! "Never a dead widget", natively: whatever a page passes through the wasm layer reaches these
//! scenes, so arbitrary settings, sizes, names and numbers (NaN, ±∞, ±1e308, subnormals, ±0
//! always among them) must never make them panic, a refused setting must change nothing, and the
//! numbers shown must stay finite.
//!
//! Sizes: the wasm layer passes canvases of 1…8192 device pixels a side at a ratio in [0.25, 8]
//! (it refuses anything else), so figures are drawn in that range; the area is capped at 2²²
//! device pixels so the file runs in seconds in debug (a 8192 × 8192 map is still checked once,
//! without its heatmap cost mattering: see `a_full_size_canvas_draws_every_figure`). Pixel
//! lookups (`locate`, `place`) take any size, 0 and `u32::MAX` included.
#![cfg(not(target_arch = "wasm32"))]

use descent::colormap::ColorMap;
use descent::data::{Dataset, Preset, LIMIT, PRESETS};
use descent::draw::surface::Angle;
use descent::draw::{Palette, Style};
use descent::landscape::Interval;
use descent::num::{format, NumStyle};
use descent::objective::Objective;
use descent::optim::{self, spec, Hyper, ParamSpec, Probe, NAMES};
use descent::scene::curve::{CurveConfig, CurveFigure, CurveScene, CurveWords, CURVES};
use descent::scene::loss::{surface_names, Figure, LossConfig, LossScene, View, Words};
use descent::scene::{Param, RunSpec};
use descent::surface::{Multiwell, Surface, SURFACES};
use proptest::prelude::*;
use proptest::sample::select;

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

/// The values that break arithmetic, always in the mix.
const EDGES: [f64; 14] = [
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    1e308,
    -1e308,
    f64::MAX,
    f64::MIN,
    5e-324,
    -5e-324,
    f64::MIN_POSITIVE,
    0.0,
    -0.0,
    1e-300,
    -7.5,
];

fn edge() -> impl Strategy<Value = f64> {
    select(EDGES.to_vec())
}

/// Any f64: the edges, numbers near the panels' ranges, whole numbers, and every bit pattern.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => edge(),
        3 => -25.0..25.0f64,
        1 => 0.0..1.0f64,
        1 => (-3i32..40).prop_map(f64::from),
        2 => proptest::num::f64::ANY,
    ]
}

/// A name: one of `known` (as listed, or in another accepted spelling), or anything else (empty,
/// unicode, control characters, near misses).
fn name(known: Vec<&'static str>) -> impl Strategy<Value = String> {
    prop_oneof![
        5 => select(known.clone()).prop_map(String::from),
        1 => select(known).prop_map(|s| format!(" {} ", s.to_uppercase().replace('-', "_"))),
        1 => Just(String::new()),
        2 => "\\PC{0,12}",
        1 => select(vec!["neuron\0", "ｓｇｄ", "İ", "\u{FEFF}sgd", "sgd\u{301}", "ß", "ﬀ", "--", "  ", "\u{10FFFF}"])
            .prop_map(String::from),
    ]
}

fn activation_names() -> Vec<&'static str> {
    descent::activation::ACTIVATIONS.iter().map(|a| a.name()).chain(["relu", "bce"]).collect()
}

fn loss_names() -> Vec<&'static str> {
    descent::loss::LOSSES.iter().map(|l| l.name()).chain(["bce", "ce", "sigmoid"]).collect()
}

/// Every hyperparameter key of every optimizer, SAM's, and a few that none has.
fn keys() -> Vec<&'static str> {
    let mut k: Vec<&'static str> = NAMES.iter().flat_map(|n| spec(n).iter().map(|s| s.key)).collect();
    k.extend(["base", "base_rho", "beta9", "", "ETA", "c", "n"]);
    k.sort_unstable();
    k.dedup();
    k
}

fn param() -> impl Strategy<Value = Param> {
    prop_oneof![
        5 => number().prop_map(Param::Num),
        1 => name(NAMES.to_vec()).prop_map(Param::Name),
    ]
}

fn run_spec() -> impl Strategy<Value = RunSpec> {
    let optimizer = name(NAMES.iter().copied().chain(["adamw", "santa"]).collect());
    let key = prop_oneof![4 => select(keys()).prop_map(String::from), 1 => "\\PC{0,6}"];
    (optimizer, proptest::collection::vec((key, param()), 0..4)).prop_map(|(name, params)| RunSpec { name, params })
}

/// 0 to 30 optimizers (more than the 24 a race takes).
fn runs() -> impl Strategy<Value = Vec<RunSpec>> {
    prop_oneof![
        3 => proptest::collection::vec(run_spec(), 1..4),
        1 => proptest::collection::vec(run_spec(), 0..=30),
    ]
}

fn point() -> impl Strategy<Value = [f64; 2]> {
    prop_oneof![
        3 => (-2.5..2.5f64, -2.5..2.5f64).prop_map(|(a, b)| [a, b]),
        1 => (number(), number()).prop_map(|(a, b)| [a, b]),
    ]
}

/// A value inside a hyperparameter's range (its default, or between its ends, within ±10³).
fn inside(p: &ParamSpec, u: f64) -> f64 {
    let (lo, hi) = (p.min.max(-1e3), p.max.min(1e3));
    let v = lo + u * (hi - lo);
    if (p.min_open && v <= p.min) || (p.max_open && v >= p.max) {
        p.default
    } else {
        v
    }
}

/// An optimizer a page may race: a known name and hyperparameters within their ranges (SAM
/// around another optimizer).
fn valid_run() -> impl Strategy<Value = RunSpec> {
    let bases: Vec<&str> = NAMES.iter().copied().filter(|n| *n != "sam").collect();
    (
        select(NAMES.to_vec()),
        proptest::collection::vec((any::<prop::sample::Index>(), 0.0..=1.0f64), 0..3),
        select(bases),
    )
        .prop_map(|(name, picks, base)| {
            let specs = spec(name);
            let mut params: Vec<(String, Param)> = picks
                .iter()
                .map(|(i, u)| {
                    let p = i.get(specs);
                    (p.key.to_string(), Param::Num(inside(p, *u)))
                })
                .collect();
            if name == "sam" {
                params.push(("base".into(), Param::Name(base.into())));
            }
            RunSpec { name: name.into(), params }
        })
}

/// Settings a page may send: every field valid on its own (an activation may still not suit a
/// cross-entropy, a start may fall outside a small window).
fn valid_loss_config() -> impl Strategy<Value = LossConfig> {
    let surfaces = surface_names();
    (
        select(surfaces),
        prop_oneof![
            3 => Just(vec![1.0, 0.5]),
            3 => (select(PRESETS.to_vec()), any::<u32>()).prop_map(|(p, s)| {
                let d = p.generate(s.into());
                d.x().iter().zip(d.t()).flat_map(|(&x, &t)| [x, t]).collect()
            }),
            1 => proptest::collection::vec((-10.0..=10.0f64, 0.0..=1.0f64), 1..=64)
                .prop_map(|v| v.into_iter().flat_map(|(x, t)| [x, t]).collect()),
        ],
        select(descent::activation::ACTIVATIONS.iter().map(|a| a.name()).collect::<Vec<_>>()),
        prop_oneof![3 => Just("square"), 1 => Just("binary-cross-entropy"), 1 => Just("cross-entropy")],
        0.5..=20.0f64,
        prop_oneof![1 => Just(None), 3 => (0.0..=1.0f64, 0.0..=1.0f64).prop_map(Some)],
        prop_oneof![4 => proptest::collection::vec(valid_run(), 1..=3), 1 => proptest::collection::vec(valid_run(), 1..=24)],
        prop_oneof![2 => Just(0.0), 1 => (1u32..=64).prop_map(f64::from)],
        select(vec!["epoch", "replacement"]),
        prop_oneof![2 => Just(0.0), 1 => any::<u32>().prop_map(f64::from)],
    )
        .prop_map(|(surface, data, activation, loss, range, start, runs, batch, order, seed)| {
            let window = match Surface::from_name(surface) {
                Some(s) => s.window(),
                None => [Interval { lo: -range, hi: range }; 2],
            };
            let start = start.map(|(u, v)| [window[0].lo + u * window[0].span(), window[1].lo + v * window[1].span()]);
            LossConfig {
                surface: surface.into(),
                data,
                activation: activation.into(),
                loss: loss.into(),
                range,
                start,
                runs,
                batch,
                order: order.into(),
                seed,
            }
        })
}

/// One field of the settings set to anything.
#[derive(Clone, Debug)]
enum LossChange {
    Surface(String),
    Data(Vec<f64>),
    Activation(String),
    Loss(String),
    Range(f64),
    Start(Option<[f64; 2]>),
    Runs(Vec<RunSpec>),
    Param(usize, String, Param),
    Batch(f64),
    Order(String),
    Seed(f64),
}

fn loss_change() -> impl Strategy<Value = LossChange> {
    prop_oneof![
        name(surface_names()).prop_map(LossChange::Surface),
        prop_oneof![proptest::collection::vec(-10.0..10.0f64, 0..140), proptest::collection::vec(number(), 0..7),]
            .prop_map(LossChange::Data),
        name(activation_names()).prop_map(LossChange::Activation),
        name(loss_names()).prop_map(LossChange::Loss),
        number().prop_map(LossChange::Range),
        prop_oneof![point().prop_map(Some), Just(None)].prop_map(LossChange::Start),
        runs().prop_map(LossChange::Runs),
        (0usize..4, prop_oneof![4 => select(keys()).prop_map(String::from), 1 => "\\PC{0,6}"], param())
            .prop_map(|(i, k, v)| LossChange::Param(i, k, v)),
        number().prop_map(LossChange::Batch),
        name(vec!["epoch", "replacement"]).prop_map(LossChange::Order),
        number().prop_map(LossChange::Seed),
    ]
}

/// Valid settings with none, one or two fields set to anything.
fn loss_config() -> impl Strategy<Value = LossConfig> {
    (valid_loss_config(), proptest::collection::vec(loss_change(), 0..3)).prop_map(|(mut c, changes)| {
        for change in changes {
            match change {
                LossChange::Surface(v) => c.surface = v,
                LossChange::Data(v) => c.data = v,
                LossChange::Activation(v) => c.activation = v,
                LossChange::Loss(v) => c.loss = v,
                LossChange::Range(v) => c.range = v,
                LossChange::Start(v) => c.start = v,
                LossChange::Runs(v) => c.runs = v,
                LossChange::Param(i, k, v) => {
                    let n = c.runs.len();
                    if n > 0 {
                        c.runs[i % n].params.push((k, v));
                    }
                }
                LossChange::Batch(v) => c.batch = v,
                LossChange::Order(v) => c.order = v,
                LossChange::Seed(v) => c.seed = v,
            }
        }
        c
    })
}

/// A canvas side, 1…8192.
fn side() -> impl Strategy<Value = u32> {
    prop_oneof![4 => 1u32..=64, 4 => 64u32..=900, 1 => Just(8192u32), 1 => 1u32..=8192]
}

/// A canvas `w × h` with `w·h ≤ 2²²` (see the module doc), and a ratio in the wasm layer's range.
fn canvas() -> impl Strategy<Value = (u32, u32, f64)> {
    let dpr = prop_oneof![Just(1.0), Just(0.25), Just(8.0), 0.25..8.0f64];
    (side(), side(), dpr).prop_map(|(w, h, d)| (w, h.min((1 << 22) / w).max(1), d))
}

/// Any size for a pixel lookup, 0 and `u32::MAX` included.
fn any_size() -> impl Strategy<Value = u32> {
    prop_oneof![3 => 1u32..=8192, 1 => Just(0u32), 1 => Just(u32::MAX), 1 => any::<u32>()]
}

#[derive(Clone, Debug)]
struct ViewBits {
    dark: bool,
    comma: bool,
    viridis: bool,
    words: Vec<String>,
    hide_next: bool,
    guess: Option<[f64; 2]>,
    yaw: f64,
    pitch: f64,
    log: bool,
}

fn view_bits() -> impl Strategy<Value = ViewBits> {
    (
        any::<(bool, bool, bool, bool, bool)>(),
        proptest::collection::vec("\\PC{0,10}", 0..8),
        prop_oneof![2 => Just(None), 1 => point().prop_map(Some)],
        number(),
        number(),
    )
        .prop_map(|((dark, comma, viridis, hide_next, log), words, guess, yaw, pitch)| ViewBits {
            dark,
            comma,
            viridis,
            words,
            hide_next,
            guess,
            yaw,
            pitch,
            log,
        })
}

fn style(dark: bool, comma: bool, dpr: f64) -> Style {
    Style {
        dpr,
        palette: if dark { Palette::DARK } else { Palette::LIGHT },
        num: NumStyle { decimal: if comma { ',' } else { '.' }, ..NumStyle::default() },
    }
}

// ---------------------------------------------------------------------------------------------
// The loss-space panel
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum LossOp {
    Configure(LossConfig),
    Step(usize),
    Back,
    Reset,
    Readouts,
    Draw(usize, (u32, u32, f64), ViewBits),
    Locate(u32, u32, f64, f64, f64),
    Place(u32, u32, f64, f64, f64),
    Rows(usize),
    Heatmap,
}

fn loss_op() -> impl Strategy<Value = LossOp> {
    prop_oneof![
        4 => loss_config().prop_map(LossOp::Configure),
        3 => prop_oneof![3 => 0usize..20, 1 => 20usize..300].prop_map(LossOp::Step),
        1 => Just(LossOp::Back),
        1 => Just(LossOp::Reset),
        1 => Just(LossOp::Readouts),
        3 => (0usize..5, canvas(), view_bits()).prop_map(|(f, c, v)| LossOp::Draw(f, c, v)),
        1 => (any_size(), any_size(), number(), number(), number()).prop_map(|(w, h, d, x, y)| LossOp::Locate(w, h, d, x, y)),
        1 => (any_size(), any_size(), number(), number(), number()).prop_map(|(w, h, d, x, y)| LossOp::Place(w, h, d, x, y)),
        1 => (0usize..30).prop_map(LossOp::Rows),
        1 => Just(LossOp::Heatmap),
    ]
}

const FIGURES: [Figure; 5] = [Figure::Map, Figure::Paths, Figure::Surface, Figure::Chart, Figure::Legend];

/// What a refused setting must leave as it was.
fn loss_state(s: &LossScene) -> (LossConfig, usize, Vec<(usize, [f64; 2])>) {
    let points = s.race().runs.iter().map(|r| (r.step_count(), r.point())).collect();
    (s.config().clone(), s.race().step_count(), points)
}

/// Every run's current point and its loss are finite numbers.
fn assert_readouts_finite(s: &LossScene) -> Result<(), TestCaseError> {
    for r in s.readouts() {
        let rd = &r.readout;
        prop_assert!(rd.point.iter().all(|v| v.is_finite()), "point {:?} of {}", rd.point, r.optimizer);
        prop_assert!(rd.loss.is_finite(), "loss {} at {:?} of {}", rd.loss, rd.point, r.optimizer);
    }
    Ok(())
}

fn apply_loss_op(s: &mut LossScene, op: LossOp) -> Result<(), TestCaseError> {
    match op {
        LossOp::Configure(c) => {
            let before = loss_state(s);
            match s.configure(&c) {
                // Compared as text: a surface's unused range may be NaN, which is not equal to itself.
                Ok(()) => prop_assert_eq!(format!("{:?}", s.config()), format!("{c:?}")),
                Err(_) => prop_assert_eq!(
                    format!("{:?}", loss_state(s)),
                    format!("{before:?}"),
                    "a refused setting changed the scene"
                ),
            }
        }
        LossOp::Step(n) => {
            let t = s.race().step_count();
            let taken = s.step(n);
            prop_assert!(taken <= n);
            prop_assert_eq!(s.race().step_count(), t + taken);
        }
        LossOp::Back => {
            s.back();
        }
        LossOp::Reset => {
            s.reset();
            prop_assert_eq!(s.race().step_count(), 0);
        }
        LossOp::Readouts => assert_readouts_finite(s)?,
        LossOp::Draw(f, (w, h, dpr), v) => {
            let words = Words {
                x: v.words.first().cloned().unwrap_or_default(),
                y: v.words.get(1).cloned().unwrap_or_default(),
                loss: v.words.get(2).cloned().unwrap_or_default(),
                step: v.words.get(3).cloned().unwrap_or_default(),
                loss_log: v.words.get(4).cloned().unwrap_or_default(),
                runs: v.words.clone(),
            };
            let view = View {
                style: style(v.dark, v.comma, dpr),
                cmap: if v.viridis { ColorMap::Viridis } else { ColorMap::Autumn },
                words: &words,
                hide_next: v.hide_next,
                guess: v.guess,
                angle: Angle { yaw: v.yaw, pitch: v.pitch }.turned(0.0, 0.0),
                log_chart: v.log,
            };
            // Ok or a DrawError: both are answers; a panic fails the test.
            if let Ok(r) = s.draw(FIGURES[f], w, h, &view) {
                prop_assert!(r.ops.iter().all(|v| !v.is_nan()), "a NaN in the ops of {:?}", FIGURES[f]);
            }
        }
        LossOp::Locate(w, h, dpr, x, y) => {
            s.locate(w, h, dpr, x, y);
        }
        LossOp::Place(w, h, dpr, a, b) => {
            s.place(w, h, dpr, [a, b]);
        }
        LossOp::Rows(run) => {
            let rows = s.rows(run);
            if let Some(r) = s.race().runs.get(run) {
                prop_assert_eq!(rows.len(), r.step_count() + 1);
            } else {
                prop_assert!(rows.is_empty());
            }
        }
        LossOp::Heatmap => {
            let (_, c, r, rgba) = s.heatmap();
            prop_assert_eq!(rgba.len(), 4 * c * r);
            let (lo, hi) = s.map_range();
            prop_assert!(lo <= hi, "map range {} … {}", lo, hi);
        }
    }
    Ok(())
}

/// After anything, the article's settings still work: the scene is as new.
fn assert_still_works(s: &mut LossScene) -> Result<(), TestCaseError> {
    s.configure(&LossConfig::default()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    s.reset();
    prop_assert_eq!(s.step(2), 2);
    let mut fresh = LossScene::new(&LossConfig::default()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    fresh.step(2);
    prop_assert_eq!(s.race().runs[0].point(), fresh.race().runs[0].point());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Any sequence of calls: no panic, refusals change nothing, readouts stay finite, and the
    /// article's settings work afterwards.
    #[test]
    fn the_loss_scene_survives_any_sequence_of_calls(ops in proptest::collection::vec(loss_op(), 1..12)) {
        let mut s = LossScene::new(&LossConfig::default()).expect("the default");
        for op in ops {
            apply_loss_op(&mut s, op)?;
        }
        assert_readouts_finite(&s)?;
        assert_still_works(&mut s)?;
    }

    /// A new scene from any settings: refused, or drawable with finite readouts after steps.
    #[test]
    fn any_settings_are_refused_or_give_a_working_scene(c in loss_config(), n in 0usize..60) {
        if let Ok(mut s) = LossScene::new(&c) {
            assert_readouts_finite(&s)?;
            s.step(n);
            assert_readouts_finite(&s)?;
            let words = Words::default();
            let view = View {
                style: Style::default(),
                cmap: ColorMap::Autumn,
                words: &words,
                hide_next: false,
                guess: None,
                angle: Angle::default(),
                log_chart: false,
            };
            for f in FIGURES {
                let r = s.draw(f, 300, 200, &view);
                prop_assert!(r.is_ok(), "{:?} of a valid scene at 300 × 200", f);
            }
            while s.back() {}
            prop_assert_eq!(s.race().step_count(), 0);
            prop_assert!(s.race().runs.iter().all(|r| r.step_count() == 0));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The y = x² panel
// ---------------------------------------------------------------------------------------------

/// Valid settings for the curve, with none, one or two fields set to anything.
fn curve_config() -> impl Strategy<Value = CurveConfig> {
    let valid = (select(CURVES.iter().map(|c| c.0).collect::<Vec<_>>()), 0.0..=1.0f64, -0.5..=1.5f64, 0.5..=10.0f64)
        .prop_map(|(curve, u, eta, range)| {
            let r = if curve == "parabola" { range } else { 5.0 };
            CurveConfig { curve: curve.into(), x0: -r + 2.0 * r * u, eta, range }
        });
    let change = prop_oneof![
        name(CURVES.iter().map(|c| c.0).collect()).prop_map(|v| (0, v, 0.0)),
        number().prop_map(|v| (1, String::new(), v)),
        number().prop_map(|v| (2, String::new(), v)),
        number().prop_map(|v| (3, String::new(), v)),
    ];
    (valid, proptest::collection::vec(change, 0..3)).prop_map(|(mut c, changes)| {
        for (field, name, v) in changes {
            match field {
                0 => c.curve = name,
                1 => c.x0 = v,
                2 => c.eta = v,
                _ => c.range = v,
            }
        }
        c
    })
}

#[derive(Clone, Debug)]
enum CurveOp {
    Configure(CurveConfig),
    Step(usize),
    Back,
    Reset,
    Readout,
    Draw(bool, (u32, u32, f64), ViewBits, Option<f64>),
    Locate(u32, u32, f64, f64),
    Place(u32, u32, f64, f64),
    Rows,
}

fn curve_op() -> impl Strategy<Value = CurveOp> {
    prop_oneof![
        3 => curve_config().prop_map(CurveOp::Configure),
        3 => prop_oneof![3 => 0usize..20, 1 => 20usize..2000].prop_map(CurveOp::Step),
        1 => Just(CurveOp::Back),
        1 => Just(CurveOp::Reset),
        1 => Just(CurveOp::Readout),
        3 => (any::<bool>(), canvas(), view_bits(), prop_oneof![Just(None), number().prop_map(Some)])
            .prop_map(|(f, c, v, g)| CurveOp::Draw(f, c, v, g)),
        1 => (any_size(), any_size(), number(), number()).prop_map(|(w, h, d, x)| CurveOp::Locate(w, h, d, x)),
        1 => (any_size(), any_size(), number(), number()).prop_map(|(w, h, d, x)| CurveOp::Place(w, h, d, x)),
        1 => Just(CurveOp::Rows),
    ]
}

fn curve_state(s: &CurveScene) -> (CurveConfig, usize, [f64; 1], f64) {
    (s.config().clone(), s.descent().step_count(), s.descent().point(), s.descent().eta())
}

fn assert_curve_readout_finite(s: &CurveScene) -> Result<(), TestCaseError> {
    let r = s.readout();
    prop_assert!(r.readout.point[0].is_finite(), "x = {}", r.readout.point[0]);
    prop_assert!(r.y.is_finite() && r.readout.loss.is_finite(), "y = {} at {}", r.y, r.readout.point[0]);
    Ok(())
}

fn apply_curve_op(s: &mut CurveScene, op: CurveOp) -> Result<(), TestCaseError> {
    match op {
        CurveOp::Configure(c) => {
            let before = curve_state(s);
            match s.configure(&c) {
                // Compared as text: the multi-well curve's unused range may be NaN, not equal to itself.
                Ok(()) => prop_assert_eq!(format!("{:?}", s.config()), format!("{c:?}")),
                Err(_) => prop_assert_eq!(
                    format!("{:?}", curve_state(s)),
                    format!("{before:?}"),
                    "a refused setting changed the scene"
                ),
            }
        }
        CurveOp::Step(n) => {
            let t = s.descent().step_count();
            let taken = s.step(n);
            prop_assert!(taken <= n);
            prop_assert_eq!(s.descent().step_count(), t + taken);
        }
        CurveOp::Back => {
            s.back();
        }
        CurveOp::Reset => {
            s.reset();
            prop_assert_eq!(s.descent().step_count(), 0);
        }
        CurveOp::Readout => assert_curve_readout_finite(s)?,
        CurveOp::Draw(rate, (w, h, dpr), v, guess) => {
            let at = |i: usize| v.words.get(i).cloned().unwrap_or_default();
            let words = CurveWords { x: at(0), y: at(1), slope: at(2), step: at(3), rate: at(4) };
            let fig = if rate { CurveFigure::Rate } else { CurveFigure::Curve };
            if let Ok(r) = s.draw(fig, w, h, style(v.dark, v.comma, dpr), &words, v.hide_next, guess) {
                prop_assert!(r.ops.iter().all(|v| !v.is_nan()), "a NaN in the ops of {:?}", fig);
            }
        }
        CurveOp::Locate(w, h, dpr, px) => {
            let x = s.locate(w, h, dpr, px);
            let win = s.descent().window()[0];
            prop_assert!(win.contains(x), "locate gave {x}, outside the window");
        }
        CurveOp::Place(w, h, dpr, x) => {
            s.place(w, h, dpr, x);
        }
        CurveOp::Rows => {
            let rows = s.rows();
            prop_assert_eq!(rows.len(), s.descent().step_count() + 1);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    #[test]
    fn the_curve_scene_survives_any_sequence_of_calls(ops in proptest::collection::vec(curve_op(), 1..14)) {
        let mut s = CurveScene::new(&CurveConfig::default()).expect("the default");
        for op in ops {
            apply_curve_op(&mut s, op)?;
        }
        assert_curve_readout_finite(&s)?;
        s.configure(&CurveConfig::default()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        s.reset();
        prop_assert_eq!(s.step(3), 3);
        prop_assert_eq!(s.descent().point(), [-1.0], "the article's bounce: 1, −1, 1, −1");
    }
}

// ---------------------------------------------------------------------------------------------
// Optimizers, surfaces, presets, numbers
// ---------------------------------------------------------------------------------------------

/// The gradient of ½|p|² around `p`, for SAM.
struct Bowl([f64; 2]);

impl Probe for Bowl {
    fn gradient_at_offset(&mut self, offset: &[f64], grad: &mut [f64]) -> f64 {
        let q = [self.0[0] + offset.first().copied().unwrap_or(0.0), self.0[1] + offset.get(1).copied().unwrap_or(0.0)];
        for (g, v) in grad.iter_mut().zip(q) {
            *g = v;
        }
        0.5 * (q[0] * q[0] + q[1] * q[1])
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// `build` with any name and hyperparameters, then `update` with any gradients: no panic; an
    /// optimizer that was built gives a finite move for a zero gradient (the module's promise).
    #[test]
    fn any_optimizer_built_updates_without_panic(
        spec in run_spec(),
        grads in proptest::collection::vec((number(), number(), number()), 0..6),
    ) {
        let Ok(mut opt) = spec.build() else { return Ok(()) };
        let canon = opt.name();
        prop_assert!(NAMES.contains(&canon));
        let mut zero = opt.boxed();
        zero.reset();
        let mut delta = [0.0; 2];
        zero.update(&[0.0, 0.0], 0.5, &mut Bowl([0.0, 0.0]), &mut delta);
        prop_assert!(delta.iter().all(|d| d.is_finite()), "{} with {:?}: zero gradient gave {:?}", canon, spec.params, delta);
        for (gw, gb, loss) in grads {
            let mut d = [0.0; 2];
            opt.update(&[gw, gb], loss, &mut Bowl([gw, gb]), &mut d);
        }
        opt.reset();
        for (k, v) in opt.hyper() {
            prop_assert!(k == "base" || matches!(v, Hyper::Num(x) if !x.is_nan()), "{}.{} is NaN", canon, k);
        }
    }

    /// A surface's value and gradient never panic; inside its window they are finite. The
    /// multi-well curve is finite for every finite x.
    #[test]
    fn surfaces_are_finite_in_their_windows(
        which in 0usize..SURFACES.len(),
        p in (number(), number()),
        u in (0.0..=1.0f64, 0.0..=1.0f64),
        x in number(),
    ) {
        let s = SURFACES[which];
        let _ = (s.value([p.0, p.1]), s.gradient([p.0, p.1]), s.value_and_gradient([p.0, p.1]));
        let [wx, wy] = s.window();
        let q = [wx.lo + u.0 * wx.span(), wy.lo + u.1 * wy.span()];
        let (v, g) = (s.value(q), s.gradient(q));
        prop_assert!(v.is_finite() && g.iter().all(|g| g.is_finite()), "{} at {:?}: {} {:?}", s.name(), q, v, g);
        prop_assert_eq!((v, g), s.value_and_gradient(q));
        let (mv, mg) = Multiwell.value_and_gradient([x]);
        if x.is_finite() {
            prop_assert!(mv.is_finite() && mg[0].is_finite(), "multiwell at {}: {} {}", x, mv, mg[0]);
        }
    }

    /// Any name is a preset or none; any seed gives a valid data set.
    #[test]
    fn presets_give_valid_data_for_any_seed(n in name(vec!["single", "logistic", "threshold"]), seed in any::<u64>()) {
        if let Some(p) = Preset::from_name(&n) {
            let d = p.generate(seed);
            prop_assert!(Dataset::new(d.x().to_vec(), d.t().to_vec()).is_ok());
            prop_assert!(d.targets_in_unit_interval());
            prop_assert!(d.x().iter().all(|x| x.abs() <= LIMIT));
        }
    }

    /// Any number is written with at most `sig` significant digits and reads back within half a
    /// unit of its last digit (±∞ and NaN as such).
    #[test]
    fn numbers_are_written_within_their_last_digit(v in number(), sig in 0u32..20, comma in any::<bool>()) {
        let style = NumStyle { decimal: if comma { ',' } else { '.' }, ..NumStyle::default() };
        let text = format(v, sig, style);
        if v.is_nan() {
            prop_assert_eq!(text, "NaN");
        } else if v.is_infinite() {
            prop_assert_eq!(text, if v > 0.0 { "∞" } else { "−∞" });
        } else {
            let (mantissa, exponent) =
                read(&text, style.decimal).ok_or_else(|| TestCaseError::fail(format!("unreadable {text:?}")))?;
            let sig = sig.clamp(1, 15) as i32;
            if v == 0.0 {
                prop_assert_eq!(mantissa, 0.0);
            } else {
                // v in the mantissa's scale (in two steps: 10^±324 is not an f64), then half a
                // unit of the last digit kept, relative to the leading digit's decade.
                let half = exponent / 2;
                let scaled = v / 10f64.powi(half) / 10f64.powi(exponent - half);
                let unit = 10f64.powf(scaled.abs().log10().floor() - f64::from(sig) + 1.0);
                let err = (mantissa - scaled).abs();
                prop_assert!(
                    err <= 0.5 * unit * (1.0 + 1e-9) + scaled.abs() * 1e-14,
                    "{} as {:?} reads {}×10^{}", v, text, mantissa, exponent
                );
                let digits: String = text.split('×').next().unwrap_or("").chars().filter(char::is_ascii_digit).collect();
                let significant = digits.trim_start_matches('0').trim_end_matches('0').len();
                prop_assert!(significant <= sig as usize, "{} as {:?}: more than {} digits", v, text, sig);
            }
        }
    }
}

/// A number as `format` writes it (`−`, the decimal separator, `×10ⁿ`), read back as its
/// mantissa and its exponent n.
fn read(text: &str, decimal: char) -> Option<(f64, i32)> {
    let sup = |c: char| "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|d| d == c);
    let (mantissa, exponent) = match text.split_once("×10") {
        Some((m, e)) => {
            let (neg, digits) = match e.strip_prefix('⁻') {
                Some(d) => (true, d),
                None => (false, e),
            };
            let mut n: i32 = 0;
            for c in digits.chars() {
                n = n.checked_mul(10)?.checked_add(sup(c)? as i32)?;
            }
            (m, if neg { -n } else { n })
        }
        None => (text, 0),
    };
    let plain: String = mantissa
        .chars()
        .map(|c| {
            if c == '−' {
                '-'
            } else if c == decimal {
                '.'
            } else {
                c
            }
        })
        .collect();
    Some((plain.parse().ok()?, exponent))
}

// ---------------------------------------------------------------------------------------------
// Explicit cases
// ---------------------------------------------------------------------------------------------

/// Every figure of both panels at the largest canvas on both sides and at the smallest.
#[test]
fn a_full_size_canvas_draws_every_figure() {
    let mut s = LossScene::new(&LossConfig::default()).expect("default");
    s.step(3);
    let words = Words::default();
    for (w, h, dpr) in [(8192, 8192, 8.0), (1, 1, 1.0), (1, 8192, 0.25), (8192, 1, 8.0)] {
        let view = View {
            style: Style { dpr, ..Style::default() },
            cmap: ColorMap::Autumn,
            words: &words,
            hide_next: false,
            guess: Some([0.0, 0.0]),
            angle: Angle::default(),
            log_chart: true,
        };
        for f in FIGURES {
            let _ = s.draw(f, w, h, &view);
        }
        let mut c = CurveScene::new(&CurveConfig::default()).expect("default");
        c.step(2);
        for f in [CurveFigure::Curve, CurveFigure::Rate] {
            let _ = c.draw(f, w, h, Style { dpr, ..Style::default() }, &CurveWords::default(), false, Some(0.5));
        }
    }
}

/// Every optimizer with every one of its hyperparameters at each edge value: built or refused,
/// never a panic; the scene refuses a race with a refused optimizer and keeps its state.
#[test]
fn every_hyperparameter_at_every_edge_value() {
    let mut s = LossScene::new(&LossConfig::default()).expect("default");
    s.step(2);
    for n in NAMES {
        for p in spec(n) {
            for v in EDGES {
                let built = optim::build(n, &[(p.key, Hyper::Num(v))]);
                let c = LossConfig {
                    runs: vec![RunSpec { name: n.into(), params: vec![(p.key.into(), Param::Num(v))] }],
                    ..LossConfig::default()
                };
                let before = loss_state(&s);
                match s.configure(&c) {
                    Ok(()) => {
                        assert!(built.is_ok(), "{n}.{} = {v}", p.key);
                        s = LossScene::new(&LossConfig::default()).expect("default");
                        s.step(2);
                    }
                    Err(_) => assert_eq!(format!("{:?}", loss_state(&s)), format!("{before:?}"), "{n}.{} = {v}", p.key),
                }
            }
        }
    }
}

/// Found by the properties above: a subnormal written with 8 digits got the next decade's
/// exponent (10⁻³²³ for 4.94…×10⁻³²⁴); a huge ratio, or a zero width, overflowed the layout's
/// integers (a panic in debug, a wrapped plotting area in release); Santa with a tiny N and
/// AdaBound with γ = −0 gave a NaN move for a zero gradient.
#[test]
fn regressions_found_by_the_properties() {
    assert_eq!(format(5e-324, 8, NumStyle::default()), "4.9406565×10⁻³²⁴");
    assert_eq!(format(-2.5e-320, 3, NumStyle::default()), "−2.5×10⁻³²⁰");
    let s = LossScene::new(&LossConfig::default()).expect("default");
    let _ = s.locate(1, 1, 1e308, f64::NAN, f64::NAN);
    let _ = s.place(0, 1, 6e98, [f64::NAN, f64::NAN]);
    let c = CurveScene::new(&CurveConfig::default()).expect("default");
    let _ = c.locate(1, 1, 1e308, f64::NAN);
    let _ = c.place(0, 1, 8.5e223, f64::NAN);
    // Santa with N = 5e-324 (accepted: N ∈ (0, 10⁹]) divided 0 by N² = 0 for a zero gradient.
    for name in ["santae", "santasss"] {
        let mut opt = optim::build(name, &[("N", Hyper::Num(5e-324))]).expect("N is in range");
        let mut delta = [0.0; 2];
        opt.update(&[0.0, 0.0], 0.5, &mut Bowl([0.0, 0.0]), &mut delta);
        assert!(delta.iter().all(|d| d.is_finite()), "{name}: {delta:?}");
    }
    // AdaBound with γ = −0 (accepted: γ ∈ [0, 1]) took its upper bound 1 + 1/(γt) as −∞.
    for name in ["adabound", "amsbound"] {
        let mut opt = optim::build(name, &[("gamma", Hyper::Num(-0.0))]).expect("γ = −0 is in range");
        let mut delta = [0.0; 2];
        opt.update(&[0.0, 0.0], 0.5, &mut Bowl([0.0, 0.0]), &mut delta);
        assert!(delta.iter().all(|d| d.is_finite()), "{name}: {delta:?}");
    }
}
