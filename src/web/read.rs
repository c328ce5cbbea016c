//! What a page passes, read without letting it throw through Rust: strings, numbers, lists,
//! keys and the hyperparameters of an optimizer from its objects, through `Reflect` and `catch`
//! bindings (a getter or proxy trap that throws is a `type` refusal), and the pixels written into
//! an array the page keeps.

use super::{fail, type_error};
use js_sys::{Array, ArrayBuffer, Float64Array, Reflect, Uint8ClampedArray};
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
        let v = Reflect::get(p, &k).map_err(|_| unreadable(&key))?;
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
    Reflect::get(obj, &key.into()).map_err(|_| unreadable(key))
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
fn keys(name: &str, value: &JsValue) -> Result<Array, JsValue> {
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
