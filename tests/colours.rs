//! The legend's colours (`www/colours.js`) are the figures' (`draw::RUNS`), in the same order.
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn the_legend_and_the_figures_use_the_same_colours() {
    let js = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/colours.js")).expect("www/colours.js");
    let found: Vec<(u8, u8, u8)> = js
        .split("rgb(")
        .skip(1)
        .map(|s| {
            let inside = s.split(')').next().expect("a closing parenthesis");
            let v: Vec<u8> = inside.split(',').map(|x| x.trim().parse().expect("a channel")).collect();
            (v[0], v[1], v[2])
        })
        .collect();
    let expected: Vec<(u8, u8, u8)> = descent::draw::RUNS.iter().map(|c| (c.0, c.1, c.2)).collect();
    assert_eq!(found, expected);
}
