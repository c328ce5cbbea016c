//! The wasm-bindgen layer: it converts JS values to the core's types and back and turns refusals
//! into JS errors; no math lives here.
//!
//! Rules that keep the module alive whatever a page does (nothing here may panic, and nothing may
//! call back into the page while a Rust borrow is held):
//! - every argument a page passes that is not a plain number is taken as `JsValue` and checked
//!   (a string where a string is expected, an object where settings are expected);
//! - a page's values are read only through `Reflect` or `catch` bindings (the readers of
//!   `read.rs`: [`get`], [`list_length`], [`list_items`], …): a getter or proxy trap that throws is a refusal, never a JS
//!   exception unwinding through Rust frames (which would leave the object borrowed for ever:
//!   every later call "recursive use of an object");
//! - sizes, ratios and counts are bounded before they become allocations or loops;
//! - figures are recorded as operations and replayed by the page (`www/replay.js`), so Rust never
//!   calls a canvas;
//! - refusals are JS `Error`s whose `message` is a code (`range`, `unknown`, `type`, …) with the
//!   facts as properties (`name`, `value`, `min`, `max`, `known`, …), which the page words in its
//!   language (`www/i18n.js`). No number is formatted here.

mod api;
mod curve_panel;
mod loss_panel;
mod optimizer;
mod read;

pub use api::*;
pub use curve_panel::CurvePanel;
pub use loss_panel::LossPanel;
pub use optimizer::{Optimizer, Surface};
pub(crate) use read::{
    get, hyperparameters, list_items, list_length, number_or, numbers, pixels, string, string_or, strings_into,
};

use crate::draw::record::Record;
use crate::draw::{Palette, Style};
use crate::num::NumStyle;
use crate::scene::SetupError;
use js_sys::{Array, Float64Array, Object, Reflect, Uint8ClampedArray};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        // Logged once: after a panic the module aborts and the page shows a Reload notice.
        // The release module is built with `panic=immediate-abort` (xtask/src/build.rs), where
        // a panic traps at once and this hook never runs: it serves the ordinary build (the
        // fallback, and the wasm tests).
        let msg = match info.payload().downcast_ref::<&str>() {
            Some(s) => *s,
            None => "descent: an internal error stopped the module",
        };
        web_sys::console::error_1(&JsValue::from_str(msg));
    }));
}

/// Canvases larger than this on a side are refused (browsers cannot draw them anyway).
pub const MAX_SIDE: f64 = 8192.0;
/// Device pixels per CSS pixel accepted.
pub const DPR: (f64, f64) = (0.25, 8.0);
/// Steps one call may take.
pub const MAX_STEPS: f64 = 100_000.0;

/// A refusal: a JS `Error` whose message is `code`, with `fields` as properties.
pub(crate) fn fail(code: &str, fields: &[(&str, JsValue)]) -> JsValue {
    let e = js_sys::Error::new(code);
    let _ = Reflect::set(&e, &"code".into(), &code.into());
    for (k, v) in fields {
        let _ = Reflect::set(&e, &(*k).into(), v);
    }
    e.into()
}

/// A `type` refusal: `name` is not what it should be (`expected`: `string`, `number`, `object`,
/// `readable`, …). One function, not the same few calls written out at each of its ~20 places.
#[inline(never)]
pub(crate) fn type_error(name: &str, expected: &str) -> JsValue {
    fail("type", &[("name", name.into()), ("expected", expected.into())])
}

fn strings(v: &[&str]) -> JsValue {
    v.iter().map(|s| JsValue::from_str(s)).collect::<Array>().into()
}

/// A refused setting, for the page.
pub(crate) fn setup_error(e: SetupError) -> JsValue {
    use crate::data::DataError;
    use crate::optim::OptimError;
    let n = |v: f64| JsValue::from_f64(v);
    match e {
        SetupError::Range { name, value, min, max } => {
            fail("range", &[("name", name.into()), ("value", n(value)), ("min", n(min)), ("max", n(max))])
        }
        SetupError::Unknown { kind, given, known } => {
            fail("unknown", &[("kind", kind.into()), ("given", given.into()), ("known", strings(&known))])
        }
        SetupError::Optim(OptimError::UnknownName { given }) => fail(
            "unknown",
            &[("kind", "optimizer".into()), ("given", given.into()), ("known", strings(&crate::optim::NAMES))],
        ),
        SetupError::Optim(OptimError::UnknownParam { optimizer, key, valid }) => {
            fail("param", &[("optimizer", optimizer.into()), ("given", key.into()), ("known", strings(&valid))])
        }
        SetupError::Optim(OptimError::BadValue { optimizer, key, value, min, max, min_open, max_open }) => fail(
            "range",
            &[
                ("name", key.into()),
                ("optimizer", optimizer.into()),
                ("value", n(value)),
                ("min", n(min)),
                ("max", n(max)),
                ("minOpen", min_open.into()),
                ("maxOpen", max_open.into()),
            ],
        ),
        SetupError::Optim(OptimError::WrongKind { optimizer, key }) => {
            fail("type", &[("name", key.into()), ("optimizer", optimizer.into())])
        }
        SetupError::Optim(OptimError::BadBase { given }) => {
            let bases: Vec<&str> = crate::optim::NAMES.iter().copied().filter(|n| *n != "sam").collect();
            fail("unknown", &[("kind", "base".into()), ("given", given.into()), ("known", strings(&bases))])
        }
        SetupError::Data(DataError::Count { given }) => fail(
            "data",
            &[("what", "count".into()), ("value", n(given as f64)), ("max", n(crate::data::MAX_SAMPLES as f64))],
        ),
        SetupError::Data(DataError::Lengths { x, t }) => {
            fail("data", &[("what", "lengths".into()), ("x", n(x as f64)), ("t", n(t as f64))])
        }
        SetupError::Data(DataError::Value { index, target, value }) => fail(
            "data",
            &[
                ("what", "value".into()),
                ("index", n(index as f64)),
                ("target", target.into()),
                ("value", n(value)),
                ("max", n(crate::data::LIMIT)),
            ],
        ),
        SetupError::Incompatible(i) => fail(
            "incompatible",
            &[
                ("activation", i.activation.name().into()),
                ("loss", i.loss.name().into()),
                ("lo", n(i.range.0)),
                ("hi", n(i.range.1)),
            ],
        ),
        SetupError::Target { index, value } => fail("target", &[("index", n(index as f64)), ("value", n(value))]),
        SetupError::Start { value, window } => {
            let v: Array = value.iter().map(|&x| n(x)).collect();
            let lo: Array = window.iter().map(|w| n(w.lo)).collect();
            let hi: Array = window.iter().map(|w| n(w.hi)).collect();
            fail("start", &[("value", v.into()), ("lo", lo.into()), ("hi", hi.into())])
        }
        SetupError::Runs { given, max } => fail("runs", &[("value", n(given as f64)), ("max", n(max as f64))]),
        SetupError::NeedsObjective { optimizer } => fail("probe", &[("optimizer", optimizer.into())]),
    }
}

/// A checked number within `[min, max]`.
pub(crate) fn bounded(name: &'static str, value: f64, min: f64, max: f64) -> Result<f64, JsValue> {
    crate::scene::number(name, value, min, max).map_err(setup_error)
}

/// A checked whole number within `[min, max]` (a count: steps, samples).
pub(crate) fn whole(name: &'static str, value: f64, min: f64, max: f64) -> Result<f64, JsValue> {
    let n = bounded(name, value, min, max)?;
    if n.fract() != 0.0 {
        return Err(setup_error(crate::scene::SetupError::Range { name, value: n, min, max }));
    }
    Ok(n)
}

/// A canvas size and ratio, checked.
pub(crate) fn canvas(width: f64, height: f64, dpr: f64) -> Result<(u32, u32, f64), JsValue> {
    let w = bounded("width", width, 1.0, MAX_SIDE)?;
    let h = bounded("height", height, 1.0, MAX_SIDE)?;
    let d = bounded("dpr", dpr, DPR.0, DPR.1)?;
    Ok((w as u32, h as u32, d))
}

/// The figure style from the page's view settings: `theme` (`light` or `dark`) and `decimal`
/// (the language's decimal separator, `.` or `,`).
pub(crate) fn style(view: &JsValue, dpr: f64) -> Result<Style, JsValue> {
    let theme = string_or("theme", &get(view, "theme")?, "light")?;
    let palette = match theme.as_str() {
        "light" => Palette::LIGHT,
        "dark" => Palette::DARK,
        _ => {
            return Err(fail(
                "unknown",
                &[("kind", "theme".into()), ("given", theme.into()), ("known", strings(&["light", "dark"]))],
            ))
        }
    };
    let decimal = match string_or("decimal", &get(view, "decimal")?, ".")?.as_str() {
        "," => ',',
        _ => '.',
    };
    Ok(Style { dpr, palette, num: NumStyle { decimal, ..NumStyle::default() } })
}

/// A recorded figure for the page: `{ops, texts, images: [{width, height, data}]}`.
pub(crate) fn record(r: Record) -> JsValue {
    let o = Object::new();
    let texts: Array = r.texts.iter().map(|t| JsValue::from_str(t)).collect();
    let images: Array = r
        .images
        .iter()
        .map(|img| {
            let i = Object::new();
            let _ = Reflect::set(&i, &"width".into(), &JsValue::from_f64(img.width as f64));
            let _ = Reflect::set(&i, &"height".into(), &JsValue::from_f64(img.height as f64));
            let _ = Reflect::set(&i, &"data".into(), &Uint8ClampedArray::from(&img.rgba[..]));
            JsValue::from(i)
        })
        .collect();
    let _ = Reflect::set(&o, &"ops".into(), &Float64Array::from(&r.ops[..]));
    let _ = Reflect::set(&o, &"texts".into(), &texts);
    let _ = Reflect::set(&o, &"images".into(), &images);
    o.into()
}

/// `value`, or a `nonfinite` refusal when it is NaN or infinite: `name` is the function whose
/// result it is (a number a page cannot show or compute with is an error, not a result).
pub(crate) fn finite(name: &str, value: f64) -> Result<f64, JsValue> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(fail("nonfinite", &[("name", name.into()), ("value", JsValue::from_f64(value))]))
    }
}

/// `values` as a `Float64Array`, or a `nonfinite` refusal naming `name` with the first value that
/// is NaN or infinite.
pub(crate) fn finite_array(name: &str, values: &[f64]) -> Result<Float64Array, JsValue> {
    for &v in values {
        finite(name, v)?;
    }
    Ok(Float64Array::from(values))
}

/// A drawing that could not be done (a canvas too small for its axes).
pub(crate) fn draw_error(_: crate::draw::DrawError) -> JsValue {
    fail("draw", &[])
}

/// Set `key` of `obj` to `value`. The key's JS string is made once per module and kept
/// ([`key`]): a readout sets ~30 keys per run, and during Play a race of 19 reads one every
/// frame, so decoding each key anew was most of the page's garbage.
pub(crate) fn set(obj: &Object, key: &'static str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &self::key(key), &value.into());
}

thread_local! {
    static KEYS: std::cell::RefCell<Vec<(&'static str, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The JS string for `name`, made on first use and then shared (a linear search: a few dozen
/// names, compared by address first).
pub(crate) fn key(name: &'static str) -> JsValue {
    KEYS.with(|keys| {
        let Ok(mut keys) = keys.try_borrow_mut() else { return JsValue::from_str(name) };
        if let Some((_, v)) = keys.iter().find(|(k, _)| std::ptr::eq(*k, name) || *k == name) {
            return v.clone();
        }
        let v = JsValue::from_str(name);
        keys.push((name, v.clone()));
        v
    })
}
