//! The wasm build in headless Chromium (wasm-bindgen-test): the exported classes compute the
//! article's numbers in wasm exactly as natively, draw real pixels on a canvas, and turn bad
//! input into errors instead of panics.
#![cfg(target_arch = "wasm32")]

use descent::web::{gradient, neuron, parabola_step, sgd_step, LossPanel, ParabolaPanel};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn canvas(w: u32, h: u32) -> HtmlCanvasElement {
    let doc = web_sys::window().and_then(|w| w.document()).expect("a document");
    let c: HtmlCanvasElement = doc.create_element("canvas").expect("canvas").dyn_into().expect("a canvas element");
    c.set_width(w);
    c.set_height(h);
    c
}

fn pixel(c: &HtmlCanvasElement, x: f64, y: f64) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    ctx.get_image_data(x, y, 1.0, 1.0).unwrap().data().0
}

#[wasm_bindgen_test]
fn the_articles_first_sgd_steps_in_wasm() {
    // sgd_runs[0] of seed.json: from (−2, −2) with η = 0.1.
    let expected: [(f64, f64); 3] =
        [(-2.0, -2.0), (-1.9991486332035806, -1.9991486332035806), (-1.9982959210511837, -1.9982959210511837)];
    let (mut w, mut b): (f64, f64) = (-2.0, -2.0);
    for &(ew, eb) in &expected {
        assert!((w - ew).abs() <= 1e-12 * ew.abs() && (b - eb).abs() <= 1e-12 * eb.abs());
        let g = gradient(1.0, w, b, 0.5).to_vec();
        let next = sgd_step(w, b, g[0], g[1], 0.1).to_vec();
        (w, b) = (next[0], next[1]);
    }
    assert_eq!(neuron(1.0, 0.0, 0.0), 0.5);
    assert_eq!(parabola_step(1.0, 1.0), -1.0);
}

#[wasm_bindgen_test]
fn loss_panel_trains_and_draws_pixels() {
    let mut p = LossPanel::new(1.0, 0.5, -2.0, 2.0, -2.0, -2.0, 0.1).expect("valid settings");
    for _ in 0..2 {
        assert!(p.step());
    }
    let r = p.readout().to_vec();
    assert_eq!(r[0], 2.0);
    assert!((r[2] - -1.9982959210511837).abs() < 1e-15);
    let base = canvas(600, 508);
    p.draw_map(&base, 1.0).expect("the map draws");
    // The corner (w, b) = (−2, −2) has the highest loss: autumn's yellow.
    let xy = p.params_to_pixel(600, 508, 1.0, -1.99, -1.99).to_vec();
    let px = pixel(&base, xy[0], xy[1]);
    assert!(px[0] > 240 && px[1] > 220 && px[2] < 30, "yellow at the loss maximum, got {px:?}");
    let info = p.map_info().to_vec();
    assert_eq!(info[2], 30.0, "the article's 30 contour levels");
    let path = canvas(600, 508);
    p.draw_path(&path, 1.0).expect("the path draws");
    let cur = p.params_to_pixel(600, 508, 1.0, r[2], r[3]).to_vec();
    assert!(pixel(&path, cur[0], cur[1])[3] > 200, "the current point is drawn where it maps to");
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_not_a_panic() {
    assert!(LossPanel::new(f64::NAN, 0.5, -2.0, 2.0, 0.0, 0.0, 0.1).is_err());
    assert!(LossPanel::new(1.0, 0.5, 2.0, -2.0, 0.0, 0.0, 0.1).is_err());
    assert!(LossPanel::new(1.0, 0.5, -2.0, 2.0, 5.0, 0.0, 0.1).is_err());
    let mut p = LossPanel::new(1.0, 0.5, -2.0, 2.0, 0.0, 0.0, 0.1).unwrap();
    assert!(p.set_eta(f64::INFINITY).is_err());
    assert!(p.set_colormap("rainbow").is_err());
    assert!(ParabolaPanel::new(1.0, f64::NAN, 2.5).is_err());
    let mut q = ParabolaPanel::new(1.0, 1.1, 2.5).unwrap();
    let mut moved = 0;
    while q.step() {
        moved += 1;
    }
    assert_eq!(moved, 5, "−1.2, 1.44, −1.728, 2.0736, −2.48832, then 2.985984 leaves [−2.5, 2.5]");
    assert!(q.divergence().is_some());
}
