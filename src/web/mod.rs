//! The wasm-bindgen layer: it converts JS values to the core's types and back and turns refusals
//! into JS errors; no math lives here.
//!
//! Rules that keep the module alive whatever a page does (nothing here may panic, and nothing may
//! call back into the page while a Rust borrow is held):
//! - every argument a page passes that is not a plain number is taken as `JsValue` and checked
//!   (a string where a string is expected, an object where settings are expected);
//! - a page's values are read only through `Reflect` or `catch` bindings ([`get`], [`list_length`],
//!   [`list_items`], [`keys`]): a getter or proxy trap that throws is a refusal, never a JS
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

pub use api::*;
pub use curve_panel::CurvePanel;
pub use loss_panel::LossPanel;
pub use optimizer::{Optimizer, Surface};

use crate::draw::record::Record;
use crate::draw::{Palette, Style};
use crate::num::NumStyle;
use crate::scene::SetupError;
use js_sys::{Array, ArrayBuffer, Float64Array, Object, Reflect, Uint8ClampedArray};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws for a revoked proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array_or_throw(value: &JsValue) -> Result<bool, JsValue>;
    /// A `Uint8ClampedArray` given by the page, whose `length` and `set` it may have redefined
    /// to throw.
    #[wasm_bindgen(js_name = Uint8ClampedArray)]
    type PagePixels;
    #[wasm_bindgen(catch, method, getter, js_name = length)]
    fn length_or_throw(array: &PagePixels) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, method, js_name = set)]
    fn set_or_throw(array: &PagePixels, source: &Uint8ClampedArray) -> Result<(), JsValue>;
    /// `Object.keys`, which runs a proxy's traps.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn keys_or_throw(value: &JsValue) -> Result<Array, JsValue>;
}

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

/// `value` as a string, or a `type` refusal naming `name`.
pub(crate) fn string(name: &str, value: &JsValue) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| type_error(name, "string"))
}

/// Each `(key, field)`: the string at `key` of `obj` into `field`, unless it is undefined or null
/// (the field keeps its default); anything else is a `type` refusal naming the key. One loop for
/// every settings object, so a refusal drops nothing but what was read.
pub(crate) fn strings_into(obj: &JsValue, fields: &mut [(&str, &mut String)]) -> Result<(), JsValue> {
    for (key, field) in fields.iter_mut() {
        let value = get(obj, key)?;
        if !(value.is_undefined() || value.is_null()) {
            **field = string(key, &value)?;
        }
    }
    Ok(())
}

/// An optimizer's hyperparameters from a page's object (`{eta: 0.1, base: "adam"}`): numbers
/// and names by key; none for undefined or null. Anything else, more than 32 keys, or a value
/// that is neither a number nor a string is a `type` refusal. Read by the race's runs and by
/// `new Optimizer` alike.
pub(crate) fn hyperparameters(p: &JsValue) -> Result<Vec<(String, crate::scene::Param)>, JsValue> {
    use crate::scene::Param;
    if p.is_undefined() || p.is_null() {
        return Ok(Vec::new());
    }
    if !p.is_object() {
        return Err(type_error("params", "object"));
    }
    let keys = keys("params", p)?;
    if keys.length() > 32 {
        return Err(type_error("params", "object"));
    }
    let mut params = Vec::new();
    for k in keys.iter() {
        let key = string("params", &k)?;
        let v = Reflect::get(p, &k).map_err(|_| type_error(&key, "readable"))?;
        let value = match (v.as_f64(), v.as_string()) {
            (Some(x), _) => Param::Num(x),
            (_, Some(s)) => Param::Name(s),
            _ => return Err(type_error(&key, "number")),
        };
        params.push((key, value));
    }
    Ok(params)
}

/// `value` as a string, or `default` when undefined or null.
pub(crate) fn string_or(name: &str, value: &JsValue, default: &str) -> Result<String, JsValue> {
    if value.is_undefined() || value.is_null() {
        Ok(default.into())
    } else {
        string(name, value)
    }
}

/// `value` as a number (NaN stays NaN: the core refuses it with its range), or a `type`
/// refusal naming `name`; `default` when undefined or null.
pub(crate) fn number_or(name: &str, value: &JsValue, default: f64) -> Result<f64, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(default);
    }
    value.as_f64().ok_or_else(|| type_error(name, "number"))
}

/// Property `key` of `obj` (a getter that throws is a `type` refusal, never an exception through
/// Rust).
pub(crate) fn get(obj: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    if !obj.is_object() {
        return Ok(JsValue::UNDEFINED);
    }
    Reflect::get(obj, &key.into()).map_err(|_| type_error(key, "readable"))
}

/// A `type` refusal: `name` could not be read (a getter or proxy trap threw).
fn unreadable(name: &str) -> JsValue {
    type_error(name, "readable")
}

/// The length of `value` when it is an Array (or, with `typed`, a Float64Array), `None` when it
/// is neither; read through `Reflect`, so a length that throws is a `type` refusal.
pub(crate) fn list_length(name: &str, value: &JsValue, typed: bool) -> Result<Option<f64>, JsValue> {
    // `isView` is true for typed arrays only, never for a proxy around one (whose reads throw).
    let typed = typed && ArrayBuffer::is_view(value) && value.is_instance_of::<Float64Array>();
    if !(typed || is_array_or_throw(value).unwrap_or(false)) {
        return Ok(None);
    }
    match Reflect::get(value, &"length".into()).map_err(|_| unreadable(name))?.as_f64() {
        Some(n) if n >= 0.0 && n.fract() == 0.0 => Ok(Some(n)),
        _ => Err(unreadable(name)),
    }
}

/// Items `0 … count − 1` of a list, each read through `Reflect` (a getter that throws is a `type`
/// refusal).
pub(crate) fn list_items(name: &str, value: &JsValue, count: usize) -> Result<Vec<JsValue>, JsValue> {
    (0..count as u32).map(|i| Reflect::get_u32(value, i).map_err(|_| unreadable(name))).collect()
}

/// `Object.keys(value)` (a proxy's trap that throws is a `type` refusal naming `name`): a plain
/// array of strings, safe to iterate.
pub(crate) fn keys(name: &str, value: &JsValue) -> Result<Array, JsValue> {
    keys_or_throw(value).map_err(|_| unreadable(name))
}

/// An array of numbers (a JS Array or a Float64Array), at most `max` long.
pub(crate) fn numbers(name: &str, value: &JsValue, max: usize) -> Result<Vec<f64>, JsValue> {
    let bad = || type_error(name, "numbers");
    let Some(len) = list_length(name, value, true)? else {
        return Err(bad());
    };
    if len > max as f64 {
        return Err(fail(
            "range",
            &[
                ("name", name.into()),
                ("value", JsValue::from_f64(len)),
                ("min", 0.into()),
                ("max", JsValue::from_f64(max as f64)),
            ],
        ));
    }
    list_items(name, value, len as usize)?.iter().map(|v| v.as_f64().ok_or_else(bad)).collect()
}

/// The pixels `rgba` for the page: copied into `into` when it is a `Uint8ClampedArray` of the
/// same length (an `ImageData`'s `data`, kept by the page from one image to the next: no new
/// memory to allocate and fault in, 1.4 MB for a 600 × 600 map), else into a new one. Anything
/// else given as `into` is a `type` refusal naming `name`, as is an array whose `length` or `set`
/// throws.
pub(crate) fn pixels(name: &str, rgba: &[u8], into: &JsValue) -> Result<Uint8ClampedArray, JsValue> {
    if into.is_undefined() || into.is_null() {
        return Ok(Uint8ClampedArray::from(rgba));
    }
    let bad = || type_error(name, "Uint8ClampedArray");
    // `isView` is false for a proxy around a typed array, whose reads could run page code.
    if !(ArrayBuffer::is_view(into) && into.is_instance_of::<Uint8ClampedArray>()) {
        return Err(bad());
    }
    let page: &PagePixels = into.unchecked_ref();
    let length = page.length_or_throw().map_err(|_| unreadable(name))?;
    if length.as_f64() != Some(rgba.len() as f64) {
        return Err(fail(
            "range",
            &[
                ("name", name.into()),
                ("value", length),
                ("min", JsValue::from_f64(rgba.len() as f64)),
                ("max", JsValue::from_f64(rgba.len() as f64)),
            ],
        ));
    }
    // SAFETY: the view is only read, by `set`, before this module runs again. A page's own `set`
    // that calls back into the core can at most make it stale: wasm-bindgen refuses a second
    // borrow of a panel that is in use, and `lossHeatmap` has taken its buffers out while in use.
    let view = unsafe { Uint8ClampedArray::view(rgba) };
    page.set_or_throw(&view).map_err(|_| unreadable(name))?;
    Ok(into.clone().unchecked_into())
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
