//! The settings objects a page gives a `LossPanel` (`configure`'s settings, `setView`'s view),
//! read and checked.

use super::super::api::num;
use super::super::{
    get, hyperparameters, list_items, list_length, numbers, setup_error, string, string_or, strings_into, style,
    type_error,
};
use crate::colormap::ColorMap;
use crate::draw::surface::Angle;
use crate::scene::loss::{LossConfig, Words};
use crate::scene::{RunSpec, SetupError, MAX_RUNS};
use wasm_bindgen::prelude::*;

/// What the page last set of the view.
pub(super) struct ViewSettings {
    pub(super) theme: JsValue,
    pub(super) cmap: ColorMap,
    pub(super) words: Words,
    pub(super) hide_next: bool,
    pub(super) guess: Option<[f64; 2]>,
    pub(super) angle: Angle,
    pub(super) log: bool,
}

fn runs(value: &JsValue) -> Result<Vec<RunSpec>, JsValue> {
    let Some(len) = list_length("runs", value, false)? else {
        return Err(type_error("runs", "array"));
    };
    if len > MAX_RUNS as f64 || len == 0.0 {
        return Err(setup_error(SetupError::Runs { given: len as usize, max: MAX_RUNS }));
    }
    list_items("runs", value, len as usize)?
        .iter()
        .map(|r| {
            let name = string("optimizer", &get(r, "name")?)?;
            Ok(RunSpec { name, params: hyperparameters(&get(r, "params")?)? })
        })
        .collect()
}

/// `configure`'s settings, checked: the article's values where a key is missing. The config is
/// built first and each key read into it, so a refusal drops one value (each early return used
/// to drop every string and array read so far: a third of this function's code).
pub(super) fn config(obj: &JsValue) -> Result<LossConfig, JsValue> {
    if !obj.is_object() {
        return Err(type_error("settings", "object"));
    }
    let mut c = LossConfig::default();
    let start = get(obj, "start")?;
    if !(start.is_undefined() || start.is_null()) {
        let [w, b] = numbers("start", &start, 2)?[..] else {
            return Err(type_error("start", "numbers"));
        };
        c.start = Some([w, b]);
    } else {
        c.start = None;
    }
    let data = get(obj, "data")?;
    if !(data.is_undefined() || data.is_null()) {
        c.data = numbers("data", &data, 2 * crate::data::MAX_SAMPLES + 2)?;
    }
    let runs_value = get(obj, "runs")?;
    if !(runs_value.is_undefined() || runs_value.is_null()) {
        c.runs = runs(&runs_value)?;
    }
    strings_into(
        obj,
        &mut [
            ("surface", &mut c.surface),
            ("activation", &mut c.activation),
            ("loss", &mut c.loss),
            ("order", &mut c.order),
        ],
    )?;
    for (key, field) in [("range", &mut c.range), ("batch", &mut c.batch), ("seed", &mut c.seed)] {
        *field = num(obj, key, *field)?;
    }
    Ok(c)
}

fn words(v: &JsValue) -> Result<Words, JsValue> {
    let mut w = Words {
        x: "w".into(),
        y: "b".into(),
        loss: "loss L".into(),
        step: "step t".into(),
        loss_log: "loss L (log)".into(),
        runs: Vec::new(),
    };
    strings_into(
        v,
        &mut [
            ("x", &mut w.x),
            ("y", &mut w.y),
            ("loss", &mut w.loss),
            ("step", &mut w.step),
            ("lossLog", &mut w.loss_log),
        ],
    )?;
    let runs = get(v, "runs")?;
    if let Some(n) = list_length("runs", &runs, false)? {
        w.runs = list_items("runs", &runs, (n as usize).min(MAX_RUNS))?
            .iter()
            .map(|n| n.as_string().unwrap_or_default())
            .collect();
    }
    Ok(w)
}

/// How the figures look, from `setView`'s object.
pub(super) fn view(view: &JsValue) -> Result<ViewSettings, JsValue> {
    style(view, 1.0)?;
    let cmap_name = string_or("cmap", &get(view, "cmap")?, "autumn")?;
    let cmap = ColorMap::from_name(&cmap_name).ok_or_else(|| {
        setup_error(SetupError::Unknown { kind: "colormap", given: cmap_name, known: vec!["autumn", "viridis"] })
    })?;
    let words = words(&get(view, "words")?)?;
    let guess = get(view, "guess")?;
    let guess = if guess.is_undefined() || guess.is_null() {
        None
    } else {
        match numbers("guess", &guess, 2)?[..] {
            [a, b] if a.is_finite() && b.is_finite() => Some([a, b]),
            _ => return Err(type_error("guess", "numbers")),
        }
    };
    let d = Angle::default();
    let angle = Angle { yaw: num(view, "yaw", d.yaw)?, pitch: num(view, "pitch", d.pitch)? }.turned(0.0, 0.0);
    Ok(ViewSettings {
        theme: view.clone(),
        cmap,
        words,
        hide_next: get(view, "hideNext")?.is_truthy(),
        guess,
        angle,
        log: get(view, "log")?.is_truthy(),
    })
}
