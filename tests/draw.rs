//! The drawing code on plotters' SVG backend: contour levels, axis ranges, where the trajectory
//! and the arrows land, and that the heatmap's pixels line up with plotters' own axes.
#![cfg(not(target_arch = "wasm32"))]

use descent::colormap::ColorMap;
use descent::draw::chart::StepChart;
use descent::draw::map::{Layer, MapView};
use descent::draw::parabola::ParabolaView;
use descent::draw::surface::{self, Angle};
use descent::landscape::{Interval, LossSpace};
use descent::train::Trainer;
use plotters::prelude::*;

fn svg_map(view: &MapView, map: ColorMap) -> (String, Vec<(descent::draw::Rect, Option<usize>)>) {
    let mut svg = String::new();
    let mut put = Vec::new();
    let (mut scratch, mut rgba) = (Vec::new(), Vec::new());
    let range = view.heatmap(map, &mut scratch, &mut rgba);
    let (cols, rows) = view.heatmap_size();
    assert_eq!(rgba.len(), 4 * cols * rows);
    let contours = view.contours();
    {
        let backend = SVGBackend::with_string(&mut svg, (view.layout.width, view.layout.height));
        view.draw_base(backend, map, range, &contours, |r, layer| {
            put.push((
                r,
                match layer {
                    Layer::Heatmap => None,
                    Layer::Pixels(p) => Some(p.len()),
                },
            ))
        })
        .expect("draws");
    }
    (svg, put)
}

/// The text of every `<text>` in an SVG string.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>'))
        .map(|(_, rest)| rest.split("</text>").next().unwrap_or("").trim().to_string())
        .collect()
}

/// `(cx, cy)` of every `<circle>` in an SVG string.
fn circles(svg: &str) -> Vec<(f64, f64)> {
    let attr = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!(" {name}=\"")).expect("attribute") + name.len() + 3;
        tag[start..].split('"').next().unwrap().parse().unwrap()
    };
    svg.split("<circle").skip(1).map(|t| (attr(t, "cx"), attr(t, "cy"))).collect()
}

#[test]
fn the_default_map_has_the_articles_30_contour_levels_spaced_1_256() {
    let view = MapView::new(600, 522, 1.0, LossSpace::default());
    let contours = view.contours();
    assert_eq!(contours.len(), 30);
    for pair in contours.windows(2) {
        assert!((pair[1].level - pair[0].level - 1.0 / 256.0).abs() < 1e-15);
    }
    assert!(contours.iter().skip(1).all(|c| !c.lines.is_empty()), "every level but the minimum has a line");
    // This loss depends on w + b only: each level is one or two straight lines w + b = const,
    // joined into single polylines that cross the whole map.
    for c in contours.iter().skip(1) {
        assert!(c.lines.len() <= 2, "level {}: {} polylines", c.level, c.lines.len());
        for line in &c.lines {
            assert!(line.len() >= 2);
            let z: Vec<f64> = line.iter().map(|(w, b)| w + b).collect();
            let spread =
                z.iter().cloned().fold(f64::NEG_INFINITY, f64::max) - z.iter().cloned().fold(f64::INFINITY, f64::min);
            assert!(spread < 1e-3, "a level line of this loss keeps w + b constant");
        }
    }
    let (svg, put) = svg_map(&view, ColorMap::Autumn);
    let p = view.plot();
    assert_eq!(put[0], (p, None), "the heatmap is stretched over the plotting area");
    assert_eq!(put.len(), 2, "and the colour bar beside it");
    assert_eq!(put[1].0.y0, p.y0);
    assert_eq!(put[1].1, Some(4 * (put[1].0.width() * put[1].0.height()) as usize));
    let labels = texts(&svg);
    for label in ["w", "b", "-2", "2", "0", "loss L", "0.116", "0.000"] {
        assert!(labels.iter().any(|t| t == label), "the SVG has the label {label}: {labels:?}");
    }
}

#[test]
fn the_plot_area_is_square_and_matches_plotters_axes() {
    let view = MapView::new(600, 522, 1.0, LossSpace::default());
    let p = view.plot();
    assert_eq!(p.width(), p.height(), "a square map for a square window");
    let mut svg = String::new();
    let backend = SVGBackend::with_string(&mut svg, (600, 522));
    let root = backend.into_drawing_area();
    let chart = view.layout.builder(&root).build_cartesian_2d(-2.0..2.0, -2.0..2.0).unwrap();
    for &(w, b) in &[(-2.0, -2.0), (2.0, 2.0), (0.0, 0.0), (-1.3, 0.7), (1.9, -1.1)] {
        let (x, y) = chart.backend_coord(&(w, b));
        let (mx, my) = view.to_pixel(w, b);
        assert!(
            (x as f64 - mx).abs() <= 1.0 && (y as f64 - my).abs() <= 1.0,
            "({w}, {b}): plotters ({x}, {y}) vs ours ({mx}, {my})"
        );
        let (w2, b2) = view.to_params(mx, my);
        assert!((w2 - w).abs() < 1e-12 && (b2 - b).abs() < 1e-12);
    }
}

#[test]
fn the_heatmap_follows_the_loss() {
    let view = MapView::new(300, 252, 1.0, LossSpace::default());
    let grid = view.heatmap_grid();
    assert_eq!((grid.cols as i32, grid.rows as i32), (view.plot().width(), view.plot().height()));
    // Top-left pixel is (w, b) = (−2, 2): on the valley w + b = 0, the lowest loss.
    let top_left = grid.at(0, 0);
    let bottom_left = grid.at(0, grid.rows - 1);
    assert!(top_left < 1e-4 && bottom_left > 0.11, "{top_left} {bottom_left}");
    let mut rgba = Vec::new();
    grid.heatmap_rgba(ColorMap::Autumn, &mut rgba);
    assert_eq!(rgba.len(), 4 * grid.cols * grid.rows);
    assert_eq!(&rgba[0..4], &[255, 0, 0, 255], "autumn: red at the minimum");
    let last = 4 * (grid.rows - 1) * grid.cols;
    assert!(rgba[last + 1] > 250, "autumn: yellow at the maximum");
}

#[test]
fn the_f32_heatmap_kernel_matches_the_exact_loss() {
    for space in [
        LossSpace::default(),
        LossSpace { x0: -2.3, y_star: 0.9, w: Interval::new(-7.0, 3.0).unwrap(), b: Interval::new(-7.0, 3.0).unwrap() },
    ] {
        let (cols, rows) = (203, 97);
        let mut values = Vec::new();
        let (min, max) = descent::heatmap::losses(&space, cols, rows, &mut values);
        let exact = space.grid(cols, rows);
        // Absolute error against the loss range (what a colour step is a 255th of): the f32
        // difference y − y* loses relative precision near the valley, not absolute.
        for (v, e) in values.iter().zip(&exact.values) {
            assert!(((*v as f64) - e).abs() <= 1e-6 * exact.max, "{v} vs {e}");
        }
        assert!(((min as f64) - exact.min).abs() < 1e-8 && ((max as f64) - exact.max).abs() <= 1e-6 * exact.max);
        let mut rgba = Vec::new();
        descent::heatmap::colour(&values, min, max, ColorMap::Viridis, &mut rgba);
        let mut exact_rgba = Vec::new();
        exact.heatmap_rgba(ColorMap::Viridis, &mut exact_rgba);
        let worst = rgba.iter().zip(&exact_rgba).map(|(a, b)| (*a as i32 - *b as i32).abs()).max().unwrap();
        // The table holds the map at 256 points; viridis moves up to ~3 a channel between them.
        assert!(worst <= 2, "colours within two steps of the exact f64 path: {worst}");
    }
    for i in -870..=880 {
        let x = i as f32 * 0.1;
        let (a, e) = (descent::heatmap::expf(x) as f64, (x as f64).exp());
        assert!((a - e).abs() <= 3e-7 * e, "expf({x}) = {a} vs {e}");
    }
}

#[test]
fn the_trajectory_is_drawn_where_its_points_map_to() {
    let view = MapView::new(600, 522, 2.0, LossSpace::default());
    let mut t = Trainer::new(LossSpace::default(), -2.0, -2.0, 5.0);
    for _ in 0..6 {
        t.step().unwrap();
    }
    let traj = t.trajectory();
    let mut svg = String::new();
    view.draw_path(SVGBackend::with_string(&mut svg, (600, 522)), &traj, None).unwrap();
    let dots = circles(&svg);
    // Past points, then the current point twice (white ring, blue dot).
    assert_eq!(dots.len(), traj.len() + 1);
    for (i, &(w, b)) in traj.iter().enumerate() {
        let (x, y) = view.to_pixel(w, b);
        let (cx, cy) = dots[i.min(dots.len() - 1)];
        assert!((cx - x).abs() <= 1.0 && (cy - y).abs() <= 1.0, "point {i}: drawn at ({cx}, {cy}), maps to ({x}, {y})");
    }
}

#[test]
fn the_parabola_arrows_end_where_the_steps_land() {
    let view = ParabolaView::new(600, 372, 1.0, 2.5);
    let xs = [1.0, -1.0];
    let mut svg = String::new();
    view.draw(SVGBackend::with_string(&mut svg, (600, 372)), &xs).unwrap();
    let px = |x: f64| {
        let (a, b) = view.to_pixel(x, x * x);
        (a.round() as i32, b.round() as i32)
    };
    let (from, to) = (px(1.0), px(-1.0));
    let lines = polylines(&svg);
    let near = |p: (i32, i32), q: (i32, i32)| (p.0 - q.0).abs() <= 1 && (p.1 - q.1).abs() <= 1;
    assert!(
        lines.iter().any(|l| l.len() == 2 && near(l[0], from) && near(l[1], to)),
        "a shaft from {from:?} to {to:?} among {} polylines",
        lines.len()
    );
    assert!(
        lines.iter().any(|l| l.len() == 3 && near(l[1], to) && l[0] != l[2]),
        "an arrow head (two wings meeting) at {to:?}"
    );
    assert!(svg.contains("slope 2x = -2"), "the slope at x = −1 is written");
    let (x0, _) = view.to_pixel(1.0, 1.0);
    assert!((view.to_x(x0) - 1.0).abs() < 1e-12);
}

/// Every `<polyline points="…">` of an SVG, as integer points.
fn polylines(svg: &str) -> Vec<Vec<(i32, i32)>> {
    svg.split("<polyline")
        .skip(1)
        .filter_map(|rest| {
            let start = rest.find("points=\"")? + 8;
            let end = start + rest[start..].find('"')?;
            let pts = rest[start..end]
                .split_whitespace()
                .filter_map(|p| {
                    let (x, y) = p.split_once(',')?;
                    Some((x.parse().ok()?, y.parse().ok()?))
                })
                .collect();
            Some(pts)
        })
        .collect()
}

#[test]
fn step_chart_ranges() {
    let values = [(0.0, 0.1), (1.0, 0.05), (2.0, 0.01)];
    let lin = StepChart { name: "L", values: &values, log: false, guide: None, lang: Default::default() };
    assert_eq!(lin.y_range(), (0.0, 0.1 * 1.05));
    let log = StepChart { name: "L", values: &values, log: true, guide: None, lang: Default::default() };
    assert_eq!(log.y_range(), (-2.0, -1.0));
    let zeros = [(0.0, 1.0), (1.0, 0.0), (2.0, 0.0)];
    let log0 = StepChart { name: "|x|", values: &zeros, log: true, guide: None, lang: Default::default() };
    assert_eq!(log0.y_range(), (0.0, 1.0), "zeros sit on the floor of a log chart");
    let mut svg = String::new();
    log0.draw(SVGBackend::with_string(&mut svg, (400, 200)), 400, 200, 1.0).unwrap();
    assert!(svg.contains("1e0") && svg.contains("step t"));
}

#[test]
fn the_surface_draws_in_every_direction_without_failing() {
    let space = LossSpace { w: Interval::new(-3.0, 1.0).unwrap(), ..LossSpace::default() };
    let contours = MapView::new(101, 101, 1.0, space).contours();
    for k in 0..8 {
        let mut svg = String::new();
        let angle = Angle { yaw: k as f64 * 0.8, pitch: 0.2 * k as f64 };
        surface::draw(
            SVGBackend::with_string(&mut svg, (500, 400)),
            1.0,
            &space,
            (0.0, 0.12),
            ColorMap::Viridis,
            &contours,
            &[(-1.0, 0.5), (-0.8, 0.7)],
            Some((-0.5, 0.9)),
            angle,
            descent::lang::Lang::En,
        )
        .unwrap();
        assert!(svg.matches("<polygon").count() >= 36 * 36, "every facet of the surface is drawn");
        assert!(texts(&svg).iter().any(|t| t == "loss"));
    }
}
