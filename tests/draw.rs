//! Drawing on an SVG string (the same code draws on a canvas through the recorder): the article's
//! contour levels, pixel mapping against plotters' own axes, the heatmap against the exact loss,
//! the trajectories, arrows and labels where they belong, the themes and the language's numbers.
#![cfg(not(target_arch = "wasm32"))]

use descent::colormap::ColorMap;
use descent::data::{Dataset, Sampler};
use descent::descent::Descent;
use descent::draw::chart::{Series, StepChart};
use descent::draw::curve::{CurveLabels, CurveView};
use descent::draw::map::{contours, Contour, Heat, Layer, MapLabels, MapView, Path};
use descent::draw::surface::{self, Angle, SurfaceLabels};
use descent::draw::{Palette, Style, RUNS};
use descent::landscape::{contour_levels, grid, level_step, Grid, Interval, NeuronLoss};
use descent::num::NumStyle;
use descent::objective::Objective;
use descent::optim::{build, Hyper};
use plotters::prelude::*;

fn square(r: f64) -> [Interval; 2] {
    let w = Interval::symmetric(r).expect("window");
    [w, w]
}

/// The article's contour lines: levels `np.arange(min, max, 1/2⁸)` of a 101 × 101 grid.
fn article_contours(window: [Interval; 2]) -> (Grid, Vec<Contour>) {
    let n = NeuronLoss::default();
    let g = grid(|w, b| n.value([w, b]), &window, 101, 101);
    let levels = contour_levels(g.min, g.max, level_step(g.min, g.max, 40));
    let c = contours(&g, &window, &levels);
    (g, c)
}

/// Each value through the colour map, scaled from `min` to `max`, in exact f64.
fn exact_rgba(g: &Grid, map: ColorMap) -> Vec<u8> {
    let scale = if g.max > g.min { 1.0 / (g.max - g.min) } else { 0.0 };
    g.values
        .iter()
        .flat_map(|&v| {
            let [r, gg, b] = map.rgb((v - g.min) * scale);
            [r, gg, b, 255]
        })
        .collect()
}

fn svg_map(view: &MapView, heat: &Heat, contours: &[Contour]) -> (String, Vec<(descent::draw::Rect, Option<usize>)>) {
    let mut svg = String::new();
    let mut put = Vec::new();
    {
        let backend = SVGBackend::with_string(&mut svg, (view.layout.width, view.layout.height));
        let labels = MapLabels { x: "w", y: "b", bar: "loss L" };
        view.draw_base(backend, heat, contours, &labels, |r, layer| {
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

/// Every `<text>` of an SVG string with its anchor `(x, y)` and its anchor keyword.
fn placed_texts(svg: &str) -> Vec<(f64, f64, String, String)> {
    let attr = |tag: &str, name: &str| -> Option<String> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        tag[start..].split('"').next().map(str::to_string)
    };
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let (tag, rest) = t.split_once('>')?;
            let x = attr(tag, "x")?.parse().ok()?;
            let y = attr(tag, "y")?.parse().ok()?;
            let anchor = attr(tag, "text-anchor").unwrap_or_else(|| "start".into());
            Some((x, y, anchor, rest.split("</text>").next().unwrap_or("").trim().to_string()))
        })
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

/// Lines as the bits of their points (a NaN corner gives NaN points, equal to themselves here).
fn bits(lines: &[Vec<(f64, f64)>]) -> Vec<Vec<(u64, u64)>> {
    lines.iter().map(|l| l.iter().map(|p| (p.0.to_bits(), p.1.to_bits())).collect()).collect()
}

/// Levels share the contour pass (its edge table is emptied after each level): taken all at once
/// or level by level, with the levels in order or not, the lines must come out the same, point
/// for point.
#[test]
fn contours_of_all_levels_at_once_equal_each_level_alone() {
    let wavy = |x: f64, y: f64| (3.0 * x).sin() * (2.0 * y).cos() + 0.1 * x * y;
    let holed = |x: f64, y: f64| if x * x + y * y < 0.5 { f64::NAN } else { x * x - y };
    let n = NeuronLoss::default();
    let grids = [
        grid(|w, b| n.value([w, b]), &square(2.0), 101, 101),
        grid(wavy, &square(3.0), 61, 47),
        grid(holed, &square(2.0), 40, 40),
    ];
    for g in &grids {
        let mut levels = contour_levels(g.min, g.max, (g.max - g.min) / 37.0);
        // A level on a grid value, one below and one above every value.
        levels.push(g.values[g.cols + 3]);
        levels.push(g.min - 1.0);
        levels.push(g.max + 1.0);
        levels.sort_by(f64::total_cmp);
        let all = g.contours(&levels);
        assert_eq!(all.len(), levels.len());
        let mut lines = 0;
        for (k, &level) in levels.iter().enumerate() {
            assert_eq!(bits(&all[k]), bits(&g.contours(&[level])[0]), "level {level}");
            lines += all[k].len();
        }
        assert!(lines > 20, "{lines} lines");
        // Levels out of order (and a NaN) give each level its own lines all the same.
        let mut shuffled = levels.clone();
        shuffled.reverse();
        shuffled.insert(2, f64::NAN);
        let mixed = g.contours(&shuffled);
        assert!(mixed[2].is_empty());
        for (k, &level) in shuffled.iter().enumerate().filter(|(_, l)| !l.is_nan()) {
            assert_eq!(bits(&mixed[k]), bits(&g.contours(&[level])[0]), "level {level}");
        }
    }
}

#[test]
fn the_default_map_has_the_articles_30_contour_levels_spaced_1_256() {
    let view = MapView::new(600, 522, Style::default(), square(2.0));
    let (g, contours) = article_contours(square(2.0));
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
    let heat = Heat { map: ColorMap::Autumn, lo: g.min, hi: g.max, log: false };
    let (svg, put) = svg_map(&view, &heat, &contours);
    let p = view.plot();
    assert_eq!(put[0], (p, None), "the heatmap is stretched over the plotting area");
    assert_eq!(put.len(), 2, "and the colour bar beside it");
    assert_eq!(put[1].0.y0, p.y0);
    assert_eq!(put[1].1, Some(4 * (put[1].0.width() * put[1].0.height()) as usize));
    let labels = texts(&svg);
    for label in ["w", "b", "−2", "2", "0", "−1", "loss L", "0.116", "0"] {
        assert!(labels.iter().any(|t| t == label), "the SVG has the label {label}: {labels:?}");
    }
    assert!(!labels.iter().any(|t| t.contains('-')), "minus signs are U+2212: {labels:?}");
}

#[test]
fn the_plot_area_is_square_and_matches_plotters_axes() {
    let view = MapView::new(600, 522, Style::default(), square(2.0));
    let p = view.plot();
    assert_eq!(p.width(), p.height(), "a square map for a square window");
    let mut svg = String::new();
    let backend = SVGBackend::with_string(&mut svg, (600, 522));
    let root = backend.into_drawing_area();
    let chart = view.layout.builder(&root).build_cartesian_2d(-2.0..2.0, -2.0..2.0).unwrap();
    for &(w, b) in &[(-2.0, -2.0), (2.0, 2.0), (0.0, 0.0), (-1.3, 0.7), (1.9, -1.1)] {
        let (x, y) = chart.backend_coord(&(w, b));
        let (mx, my) = view.to_pixel([w, b]);
        assert!(
            (x as f64 - mx).abs() <= 1.0 && (y as f64 - my).abs() <= 1.0,
            "({w}, {b}): plotters ({x}, {y}) vs ours ({mx}, {my})"
        );
        let [w2, b2] = view.to_params(mx, my);
        assert!((w2 - w).abs() < 1e-12 && (b2 - b).abs() < 1e-12);
    }
}

#[test]
fn the_heatmap_follows_the_loss() {
    let n = NeuronLoss::default();
    let g = grid(|w, b| n.value([w, b]), &square(2.0), 300, 252);
    // Top-left pixel is (w, b) = (−2, 2): on the valley w + b = 0, the lowest loss.
    assert!(g.at(0, 0) < 1e-4 && g.at(0, g.rows - 1) > 0.11);
    let rgba = exact_rgba(&g, ColorMap::Autumn);
    assert_eq!(&rgba[0..4], &[255, 0, 0, 255], "autumn: red at the minimum");
    let last = 4 * (g.rows - 1) * g.cols;
    assert!(rgba[last + 1] > 250, "autumn: yellow at the maximum");
}

#[test]
fn the_f32_heatmap_kernel_matches_the_exact_loss_for_one_sample_and_for_a_data_set() {
    let one = NeuronLoss::default();
    let other = NeuronLoss { data: Dataset::single(-2.3, 0.9).unwrap(), ..NeuronLoss::default() };
    let many = NeuronLoss { data: descent::data::Preset::Logistic.generate(4), ..NeuronLoss::default() };
    let wide = [Interval::new(-7.0, 3.0).unwrap(), Interval::new(-7.0, 3.0).unwrap()];
    for (n, window) in [(&one, square(2.0)), (&other, wide), (&many, square(4.0))] {
        let (cols, rows) = (203, 97);
        let mut values = Vec::new();
        let (xs, ts) = n.sigmoid_square().expect("the sigmoid neuron with the square loss");
        let (min, max) = descent::heatmap::sigmoid_square(xs, ts, &window, cols, rows, &mut values);
        let exact = grid(|w, b| n.value([w, b]), &window, cols, rows);
        // Absolute error against the loss range (what a colour step is a 255th of).
        for (v, e) in values.iter().zip(&exact.values) {
            assert!(((*v as f64) - e).abs() <= 1e-6 * exact.max, "{v} vs {e}");
        }
        assert!(
            ((min as f64) - exact.min).abs() < 1e-6 * exact.max && ((max as f64) - exact.max).abs() <= 1e-6 * exact.max
        );
        let mut rgba = Vec::new();
        descent::heatmap::colour(&values, min, max, ColorMap::Viridis, &mut rgba);
        let exact_rgba = exact_rgba(&exact, ColorMap::Viridis);
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
fn the_trajectories_are_drawn_where_their_points_map_to() {
    let style = Style { dpr: 2.0, ..Style::default() };
    let view = MapView::new(600, 522, style, square(2.0));
    let opt = build("sgd", &[("eta", Hyper::Num(5.0))]).unwrap();
    let mut t = Descent::new(NeuronLoss::default(), square(2.0), [-2.0, -2.0], opt, Sampler::full(1));
    for _ in 0..6 {
        t.step().unwrap();
    }
    let traj: Vec<[f64; 2]> = t.trail().into_iter().map(|(_, p)| p).collect();
    let next = t.next_move().next;
    let mut svg = String::new();
    let path = Path { points: &traj, next: Some(next), colour: RUNS[0], ghost: false };
    view.draw_paths(SVGBackend::with_string(&mut svg, (600, 522)), &[path], Some([0.5, 0.5])).unwrap();
    let dots = circles(&svg);
    // Past points, the current point twice (halo, dot), then the guess's ring twice.
    assert_eq!(dots.len(), traj.len() + 3);
    for (i, &p) in traj.iter().enumerate() {
        let (x, y) = view.to_pixel(p);
        let (cx, cy) = dots[i];
        assert!((cx - x).abs() <= 1.0 && (cy - y).abs() <= 1.0, "point {i}: drawn at ({cx}, {cy}), maps to ({x}, {y})");
    }
    let (gx, gy) = view.to_pixel([0.5, 0.5]);
    let (cx, cy) = dots[dots.len() - 1];
    assert!((cx - gx).abs() <= 1.0 && (cy - gy).abs() <= 1.0, "the guess is ringed where it maps to");
    // The next move is an arrow from the current point to (w, b) + (Δw, Δb).
    let p = view.plot();
    let local = |q: [f64; 2]| {
        let (x, y) = view.to_pixel(q);
        (x.round() as i32, y.round() as i32)
    };
    let (from, to) = (local(traj[traj.len() - 1]), local(next));
    let near = |a: (i32, i32), b: (i32, i32)| (a.0 - b.0).abs() <= 1 && (a.1 - b.1).abs() <= 1;
    assert!(
        polylines(&svg).iter().any(|l| l.len() == 3 && near(l[1], to)),
        "an arrow head at {to:?} (plot at {p:?}, from {from:?})"
    );
}

#[test]
fn a_long_trail_is_stroked_without_its_repeated_and_collinear_points() {
    // 200 steps along a straight line, then 300 on one spot (a converged run): the software
    // rasteriser pays for every vertex it strokes, twice a run (halo and line), every frame of
    // Play. The picture is the same within a third of a pixel.
    let view = MapView::new(600, 522, Style::default(), square(2.0));
    let mut traj: Vec<[f64; 2]> =
        (0..200).map(|i| [-1.5 + 1.5 * i as f64 / 199.0, -1.5 + 1.5 * i as f64 / 199.0]).collect();
    traj.extend(std::iter::repeat_n([0.0, 0.0], 300));
    let mut svg = String::new();
    let path = Path { points: &traj, next: None, colour: RUNS[0], ghost: false };
    view.draw_paths(SVGBackend::with_string(&mut svg, (600, 522)), &[path], None).unwrap();
    let lines = polylines(&svg);
    assert_eq!(lines.len(), 2, "the halo and the line");
    let (first, last) = (view.to_pixel(traj[0]), view.to_pixel([0.0, 0.0]));
    for line in &lines {
        assert!(line.len() <= 4, "{} vertices for a straight trail", line.len());
        let end = |q: (i32, i32), (x, y): (f64, f64)| (q.0 as f64 - x).abs() <= 1.0 && (q.1 as f64 - y).abs() <= 1.0;
        assert!(end(line[0], first) && end(line[line.len() - 1], last), "from {first:?} to {last:?}: {line:?}");
    }
    // Each step is still a dot where it lies (the last ones), and the current point is drawn.
    assert!(!circles(&svg).is_empty());
}

#[test]
fn the_parabola_arrows_end_where_the_steps_land_and_the_slope_is_written() {
    let w = Interval::symmetric(2.5).unwrap();
    let view = CurveView::new(600, 372, Style::default(), w, Interval { lo: -0.5, hi: 6.75 });
    let xs = [1.0, -1.0];
    let mut svg = String::new();
    let labels = CurveLabels { x: "x", y: "y = x²", slope: "slope 2x" };
    view.draw(SVGBackend::with_string(&mut svg, (600, 372)), &|x| x * x, &|x| 2.0 * x, &xs, Some(1.0), None, &labels)
        .unwrap();
    let px = |x: f64| {
        let (a, b) = view.to_pixel(x, x * x);
        (a.round() as i32, b.round() as i32)
    };
    let (from, to) = (px(1.0), px(-1.0));
    let lines = polylines(&svg);
    let near = |p: (i32, i32), q: (i32, i32)| (p.0 - q.0).abs() <= 1 && (p.1 - q.1).abs() <= 1;
    assert!(
        lines.iter().any(|l| l.len() == 2 && near(l[0], from) && near(l[1], to)),
        "a shaft from {from:?} to {to:?}"
    );
    assert!(
        lines.iter().any(|l| l.len() == 3 && near(l[1], to) && l[0] != l[2]),
        "an arrow head (two wings meeting) at {to:?}"
    );
    assert!(texts(&svg).iter().any(|t| t == "slope 2x = −2"), "the slope at x = −1 is written: {:?}", texts(&svg));
    let (x0, _) = view.to_pixel(1.0, 1.0);
    assert!((view.to_x(x0) - 1.0).abs() < 1e-12);
}

#[test]
fn step_charts_on_log_axes_label_powers_and_mark_zeros() {
    let values = [(0.0, 0.1), (1.0, 0.05), (2.0, 0.01)];
    let s = [Series { values: &values, colour: RUNS[0] }];
    let lin = StepChart { x_name: "step t", y_name: "L", series: &s, log: false, guide: None };
    assert_eq!(lin.y_range(), (0.0, 0.1 * 1.05));
    let log = StepChart { log: true, ..lin };
    assert_eq!(log.y_range(), (-2.0, -1.0));
    let zeros = [(0.0, 1.0), (1.0, 0.0), (2.0, 0.0)];
    let z = [Series { values: &zeros, colour: RUNS[0] }];
    let log0 = StepChart { x_name: "step t", y_name: "|x_t|", series: &z, log: true, guide: None };
    assert_eq!(log0.y_range(), (-1.0, 0.0), "zeros are off a log axis: the range is the non-zero values'");
    let mut svg = String::new();
    log0.draw(SVGBackend::with_string(&mut svg, (400, 200)), Style::default()).unwrap();
    let labels = texts(&svg);
    assert!(
        labels.iter().any(|t| t == "1") && labels.iter().any(|t| t == "0.1"),
        "powers of ten as numbers: {labels:?}"
    );
    assert!(!labels.iter().any(|t| t.starts_with("1e")), "no 1e-1: {labels:?}");
    assert_eq!(svg.matches("<polygon").count(), 2, "each zero is marked by a triangle at the bottom edge");
}

#[test]
fn a_long_loss_curve_is_stroked_without_the_points_that_do_not_move_it() {
    // 1000 steps on a 400-pixel chart, the loss flat after the first 100: the line keeps its ends,
    // its bend and the pixel steps of its slope (~50), not a vertex a step (Play strokes it again
    // every frame).
    let values: Vec<(f64, f64)> =
        (0..1000).map(|t| (t as f64, if t < 100 { 0.1 - 0.001 * t as f64 } else { 0.0 })).collect();
    let s = [Series { values: &values, colour: RUNS[0] }];
    let chart = StepChart { x_name: "step t", y_name: "L", series: &s, log: false, guide: None };
    let mut svg = String::new();
    chart.draw(SVGBackend::with_string(&mut svg, (400, 200)), Style::default()).unwrap();
    let longest = polylines(&svg).into_iter().max_by_key(|l| l.len()).unwrap();
    assert!(longest.len() <= 100, "{} vertices", longest.len());
}

#[test]
fn the_surface_draws_in_every_direction_and_names_its_axes() {
    let window = [Interval::new(-3.0, 1.0).unwrap(), Interval::symmetric(2.0).unwrap()];
    let n = NeuronLoss::default();
    let (g, contours) = {
        let g = grid(|w, b| n.value([w, b]), &window, 101, 101);
        let levels = contour_levels(g.min, g.max, level_step(g.min, g.max, 40));
        let c = descent::draw::map::contours(&g, &window, &levels);
        (g, c)
    };
    let heat = Heat { map: ColorMap::Viridis, lo: g.min, hi: g.max, log: false };
    let pts = [[-1.0, 0.5], [-0.8, 0.7]];
    let path = Path { points: &pts, next: Some([-0.5, 0.9]), colour: RUNS[0], ghost: false };
    // At the page's width and at a phone's.
    for (k, (width, height)) in (0..8).flat_map(|k| [(k, (500u32, 400u32)), (k, (300, 260))]) {
        let mut svg = String::new();
        let angle = Angle::default().turned(k as f64 * 0.8, -0.2 * k as f64);
        let labels = SurfaceLabels { x: "w", y: "b", z: "loss" };
        surface::draw(
            SVGBackend::with_string(&mut svg, (width, height)),
            Style::default(),
            window,
            &|w, b| n.value([w, b]),
            &heat,
            &contours,
            &[path],
            angle,
            &labels,
        )
        .unwrap();
        assert!(svg.matches("<polygon").count() >= 36 * 36, "every facet of the surface is drawn");
        let t = texts(&svg);
        for name in ["w", "b", "loss"] {
            assert!(t.iter().any(|x| x == name), "{name} in {t:?}");
        }
        // No two tick labels on top of each other (the two horizontal axes meet at a corner,
        // where both used to label their ends: "−2" and "2" drawn as "−22"). A label's box: 12 px
        // high, 7 px a character, placed by its anchor.
        let boxes: Vec<(f64, f64, f64, f64, String)> = placed_texts(&svg)
            .into_iter()
            .filter(|(_, _, _, s)| !s.is_empty() && !["w", "b", "loss"].contains(&s.as_str()))
            .map(|(x, y, anchor, s)| {
                let w = 7.0 * s.chars().count() as f64;
                let x0 = match anchor.as_str() {
                    "middle" => x - w / 2.0,
                    "end" => x - w,
                    _ => x,
                };
                (x0, y - 6.0, x0 + w, y + 6.0, s)
            })
            .collect();
        for b in &boxes {
            let inside = b.0 >= 0.0 && b.1 >= 0.0 && b.2 <= f64::from(width) && b.3 <= f64::from(height);
            assert!(inside, "angle {k}, {width} px: {b:?} is cut by the edge");
        }
        if k == 0 {
            // Seen from above, as the page opens: every axis still labelled (w's five, b's
            // three inner ones, the loss's).
            assert!(boxes.len() >= 10, "{width} px: {boxes:?}");
        }
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let overlap = a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
                assert!(!overlap, "angle {k}, {width} px: {:?} and {:?} overlap", a, b);
            }
        }
    }
}

#[test]
fn a_dark_theme_paints_the_background_and_french_numbers_have_commas() {
    let style = Style { palette: Palette::DARK, num: NumStyle { decimal: ',', ..NumStyle::default() }, dpr: 1.0 };
    let view = MapView::new(600, 522, style, square(0.5));
    let (g, contours) = article_contours(square(0.5));
    let heat = Heat { map: ColorMap::Autumn, lo: g.min, hi: g.max, log: false };
    let mut svg = String::new();
    view.draw_base(
        SVGBackend::with_string(&mut svg, (600, 522)),
        &heat,
        &contours,
        &MapLabels { x: "w", y: "b", bar: "perte L" },
        |_, _| {},
    )
    .unwrap();
    assert!(svg.contains("fill=\"#181A1E\""), "the dark background is painted");
    let t = texts(&svg);
    assert!(t.iter().any(|x| x == "0,2") && t.iter().any(|x| x == "−0,4") && t.iter().any(|x| x == "0,0133"), "{t:?}");
    assert!(t.iter().any(|x| x == "0"), "the middle tick reads 0");
}

#[test]
fn simplify_drops_only_points_within_the_tolerance() {
    use descent::draw::simplify;
    // A straight line of 100 points (with repeats) is its two ends.
    let line: Vec<(i32, i32)> = (0..100).flat_map(|i| [(i, 2 * i), (i, 2 * i)]).collect();
    assert_eq!(simplify(&line, 0.35), vec![(0, 0), (99, 198)]);
    // A circle of radius 200 drawn with 400 points keeps its shape within the tolerance, with
    // far fewer points.
    let circle: Vec<(i32, i32)> = (0..=400)
        .map(|i| {
            let a = i as f64 / 400.0 * std::f64::consts::TAU;
            ((300.0 + 200.0 * a.cos()).round() as i32, (300.0 + 200.0 * a.sin()).round() as i32)
        })
        .collect();
    let kept = simplify(&circle, 0.35);
    assert!(kept.len() < circle.len() && kept.len() > 40, "{} of {}", kept.len(), circle.len());
    assert_eq!((kept[0], kept[kept.len() - 1]), (circle[0], circle[400]));
    for &(x, y) in &circle {
        // Every dropped point lies within the tolerance of the kept polyline.
        let d = kept
            .windows(2)
            .map(|s| {
                let ((ax, ay), (bx, by)) = ((s[0].0 as f64, s[0].1 as f64), (s[1].0 as f64, s[1].1 as f64));
                let (dx, dy) = (bx - ax, by - ay);
                let t =
                    descent::num::clamp(((x as f64 - ax) * dx + (y as f64 - ay) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
                ((x as f64 - ax - t * dx).powi(2) + (y as f64 - ay - t * dy).powi(2)).sqrt()
            })
            .fold(f64::INFINITY, f64::min);
        assert!(d <= 0.35 + 1e-9, "({x}, {y}) is {d} px from the simplified line");
    }
    // Short lines stay as they are.
    assert_eq!(simplify(&[(1, 1), (5, 9)], 0.35), vec![(1, 1), (5, 9)]);
    assert!(simplify(&[], 0.35).is_empty());
}

/// The operations of a record, as (code, numbers).
fn record_ops(ops: &[f64]) -> Vec<(f64, Vec<f64>)> {
    use descent::draw::record::*;
    let mut out = Vec::new();
    let mut i = 0;
    while i < ops.len() {
        let code = ops[i];
        let n = match code {
            c if c == LINE => 6,
            c if c == PATH => 3 + 2 * ops[i + 3] as usize,
            c if c == POLYGON => 2 + 2 * ops[i + 2] as usize,
            c if c == RECT => 7,
            c if c == CIRCLE => 6,
            c if c == TEXT => 8,
            c if c == PIXEL => 3,
            c if c == IMAGE => 5,
            c => panic!("unknown op {c}"),
        };
        out.push((code, ops[i + 1..i + 1 + n].to_vec()));
        i += 1 + n;
    }
    out
}

#[test]
fn the_slope_label_box_covers_its_text_in_a_wider_font_and_the_point_stays_on_top() {
    use descent::draw::record::{text_size, Record, Recorder, CIRCLE, RECT, TEXT};
    // The page's font (system-ui: DejaVu Sans on Debian) draws "pente 2x = −2" 7.265 em wide
    // (its advance widths: p .635 e .615 n .634 t .392 e .615 ␣ .318 2 .636 x .592 ␣ .318 = .838
    // ␣ .318 − .838 2 .636), ~22 % wider than Arial's metrics. On a phone the label is pushed
    // against the tangent, whose dashes crossed the part of the text the box did not cover.
    for (width, height) in [(520u32, 330u32), (600, 372), (1000, 620)] {
        let view = CurveView::new(
            width,
            height,
            Style::default(),
            Interval::symmetric(2.5).unwrap(),
            Interval { lo: -0.5, hi: 6.75 },
        );
        let labels = CurveLabels { x: "x", y: "y = x²", slope: "pente 2x" };
        let rec = std::cell::RefCell::new(Record::default());
        view.draw(
            Recorder { width, height, out: &rec },
            &|x| x * x,
            &|x| 2.0 * x,
            &[1.0, -1.0],
            Some(1.0),
            None,
            &labels,
        )
        .unwrap();
        let r = rec.into_inner();
        let ops = record_ops(&r.ops);
        let t = ops
            .iter()
            .position(|(c, v)| *c == TEXT && r.texts[v[7] as usize] == "pente 2x = −2")
            .expect("the slope label");
        let v = &ops[t].1;
        assert_eq!(v[2], 0.0, "left-aligned");
        let (_, th) = text_size("pente 2x = −2", v[1]);
        let (x0, y0, x1) = (v[5], v[6], v[5] + 7.265 * v[1]);
        let (_, b) = ops[..t].iter().rev().find(|(c, b)| *c == RECT && b[1] == 1.0).expect("a box before the label");
        assert!(
            b[3] <= x0 && b[5] >= x1 && b[4] <= y0 && b[6] >= y0 + th as f64,
            "at {width} px the box {b:?} covers the text from x = {x0} to {x1} (as DejaVu Sans draws it)"
        );
        let point = ops.iter().rposition(|(c, b)| *c == CIRCLE && b[1] == 1.0).unwrap();
        assert!(point > t, "at {width} px the point is drawn over the label's box");
    }
}

/// The contours' grid asks `value` alone: it must be the forward and backward pass's loss, bit
/// for bit, for every activation and loss, on one sample and on several.
#[test]
fn the_neurons_value_is_its_passes_loss_bit_for_bit() {
    use descent::activation::ACTIVATIONS;
    use descent::loss::LOSSES;
    use descent::objective::Objective;
    let sets = [
        Dataset::single(1.0, 0.5).expect("one sample"),
        Dataset::new(vec![-1.5, 0.25, 2.0, 3.5], vec![0.0, 1.0, 0.3, 0.9]).expect("four samples"),
    ];
    for data in sets {
        for act in ACTIVATIONS {
            for loss in LOSSES {
                let n = NeuronLoss { data: data.clone(), act, loss };
                for &(w, b) in &[(-2.0, 0.5), (0.3, -1.7), (1e-3, 4.0), (-7.5, -0.25), (0.0, 0.0)] {
                    let (a, e) = (n.value([w, b]), n.value_and_gradient([w, b]).0);
                    assert!(
                        a.to_bits() == e.to_bits() || (a.is_nan() && e.is_nan()),
                        "{act:?} {loss:?} ({w}, {b}): {a} vs {e}"
                    );
                }
            }
        }
    }
}

/// `Layout::draw_axes` draws what plotters' mesh (`configure_mesh().draw()` on a chart from
/// `Layout::builder`) drew for the map, the y = x² figure and the step chart, element for
/// element: the same SVG, over sizes down to a plot of a few pixels, three ratios, tiny and large
/// ranges, a log axis, with and without lines across the plot.
#[test]
fn draw_axes_draws_what_plotters_mesh_drew() {
    use descent::draw::{Axes, Axis, Layout, Margins};
    let margins = [
        Margins { top: 30.0, right: 96.0, bottom: 46.0, left: 58.0 },
        Margins { top: 12.0, right: 16.0, bottom: 44.0, left: 56.0 },
        Margins { top: 10.0, right: 14.0, bottom: 40.0, left: 64.0 },
    ];
    let mut compared = 0;
    for &(w, h) in &[(600u32, 522u32), (300, 260), (1200, 1044), (400, 200), (380, 331), (160, 140), (200, 90)] {
        for dpr in [1.0, 2.0, 1.5] {
            let style = Style { dpr, ..Style::default() };
            for (k, &m) in margins.iter().enumerate() {
                for (lo, hi, log) in
                    [(-2.0f64, 2.0f64, false), (-0.003, 0.0041, false), (0.0, 170.0, false), (-5.0, 0.3, true)]
                {
                    let l = Layout::new(w, h, style, m);
                    let pal = style.palette;
                    let x = l.axis(lo.min(0.0), hi.max(1.0));
                    let y = Axis { log, ..l.axis(lo, hi) };
                    let axes = Axes {
                        x,
                        y,
                        x_ticks: [5, 7, 6][k],
                        y_ticks: if log { 6 } else { 5 },
                        label: l.font([13.0, 13.0, 12.0][k]),
                        desc: l.font([15.0, 15.0, 13.0][k]),
                        x_desc: "w",
                        y_desc: "loss L",
                        grid: (k > 0).then(|| ShapeStyle::from(&pal.grid).stroke_width(l.px(1.0))),
                        axis: ShapeStyle::from(&pal.text).stroke_width(l.px(1.0)),
                        tick: (k == 0).then(|| l.px(5.0) as i32),
                    };
                    let mut ours = String::new();
                    {
                        let root = SVGBackend::with_string(&mut ours, (w, h)).into_drawing_area();
                        l.draw_axes(&root, &axes).unwrap();
                    }
                    let mut theirs = String::new();
                    {
                        let root = SVGBackend::with_string(&mut theirs, (w, h)).into_drawing_area();
                        let mut chart = l.builder(&root).build_cartesian_2d(x, y).unwrap();
                        let mut mesh = chart.configure_mesh();
                        mesh.x_labels(axes.x_ticks)
                            .y_labels(axes.y_ticks)
                            .label_style(axes.label.clone())
                            .axis_desc_style(axes.desc.clone())
                            .x_desc(axes.x_desc)
                            .y_desc(axes.y_desc)
                            .axis_style(axes.axis);
                        match axes.grid {
                            Some(g) => mesh.bold_line_style(g).light_line_style(TRANSPARENT),
                            None => mesh.disable_mesh(),
                        };
                        if let Some(t) = axes.tick {
                            mesh.set_all_tick_mark_size(t);
                        }
                        mesh.draw().unwrap();
                    }
                    assert_eq!(ours, theirs, "{w}×{h} at {dpr}, margins {k}, [{lo}, {hi}] log {log}");
                    assert!(texts(&ours).len() >= 6, "{w}×{h}: {:?}", texts(&ours));
                    compared += 1;
                }
            }
        }
    }
    assert_eq!(compared, 7 * 3 * 3 * 4);
}

/// A curve beyond the figure's range runs along the plot's edge (as plotters drew it), never over
/// the axes' labels. (A step chart's range always covers its runs and guide, so only the y = x²
/// figure can show this.)
#[test]
fn lines_beyond_the_range_run_along_the_plot_edge() {
    for dpr in [1.0, 2.0] {
        let style = Style { dpr, ..Style::default() };
        let view = CurveView::new(600, 372, style, Interval { lo: -3.0, hi: 3.0 }, Interval { lo: -0.5, hi: 2.0 });
        let mut svg = String::new();
        let labels = CurveLabels { x: "x", y: "y = x²", slope: "slope 2x" };
        view.draw(SVGBackend::with_string(&mut svg, (600, 372)), &|x| x * x, &|x| 2.0 * x, &[1.0], None, None, &labels)
            .unwrap();
        let p = view.layout.plot;
        let curve = polylines(&svg).into_iter().max_by_key(|l| l.len()).unwrap();
        assert!(curve.len() > 300);
        assert!(curve.iter().all(|&(x, y)| (p.x0..=p.x1).contains(&x) && (p.y0..=p.y1).contains(&y)), "{curve:?}");
        assert!(curve.iter().filter(|&&(_, y)| y == p.y0).count() > 100, "x² > 2 for |x| > 1.41: along the top");
    }
}

/// `axes3d::draw_box` draws what plotters' `configure_axes().draw()` drew for the 3-D view: the
/// same SVG, element for element, over 24 angles, four sizes, two ratios, tiny and large ranges
/// and hidden labels (an axis seen end on writes empty labels).
#[test]
fn the_3d_box_is_what_plotters_drew() {
    use descent::draw::axes3d::draw_box;
    use descent::draw::{Axis, Layout, Margins};
    use plotters::coord::ranged1d::ValueFormatter;
    let mut compared = 0;
    for (lo, hi) in [(-2.0, 2.0), (-0.01, 0.012), (-60.0, 45.0)] {
        for k in 0..24 {
            for &(w, h) in &[(500u32, 400u32), (300, 260), (1000, 800), (160, 120)] {
                for dpr in [1.0, 2.0] {
                    let style = Style { dpr, ..Style::default() };
                    let l = Layout::new(w, h, style, Margins { top: 8.0, right: 8.0, bottom: 8.0, left: 8.0 });
                    let pal = style.palette;
                    let (ax, az, ay) =
                        (l.axis(lo, hi), Axis { log: k % 3 == 0, ..l.axis(-3.0, 0.5) }, l.axis(lo * 0.5, hi));
                    let angle = Angle::default().turned(k as f64 * 0.53, -0.09 * k as f64);
                    let fx = |v: &f64| ax.format_ext(v);
                    let fz = |v: &f64| az.format_ext(v);
                    let fy = |v: &f64| if k % 4 == 1 { String::new() } else { ay.format_ext(v) };
                    let svg = |ours: bool| {
                        let mut svg = String::new();
                        {
                            let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
                            let mut chart = ChartBuilder::on(&root)
                                .margin(l.px(10.0))
                                .margin_top(l.px(20.0))
                                .build_cartesian_3d(ax, az, ay)
                                .unwrap();
                            chart.with_projection(|mut p| {
                                p.yaw = angle.yaw;
                                p.pitch = angle.pitch;
                                p.scale = 0.72;
                                p.into_matrix()
                            });
                            if ours {
                                // The 3-D view's own settings, against plotters' drawn with the
                                // settings the view gave it before.
                                let b = surface::box_style(&l, [&fx, &fz, &fy]);
                                draw_box(&chart, [ax, az, ay], &b).unwrap();
                            } else {
                                chart
                                    .configure_axes()
                                    .label_style(l.font(12.0))
                                    .x_labels(5)
                                    .y_labels(3)
                                    .z_labels(5)
                                    .x_formatter(&fx)
                                    .y_formatter(&fz)
                                    .z_formatter(&fy)
                                    .light_grid_style(pal.grid.mix(0.6))
                                    .bold_grid_style(pal.grid)
                                    .axis_panel_style(pal.panel)
                                    .max_light_lines(2)
                                    .draw()
                                    .unwrap();
                            }
                        }
                        svg
                    };
                    let ours = svg(true);
                    assert_eq!(ours, svg(false), "{w}×{h} at {dpr}, [{lo}, {hi}], angle {angle:?}");
                    assert!(
                        ours.matches("<text").count() >= 8 && ours.matches("<polygon").count() == 3,
                        "{} texts, {} polygons",
                        ours.matches("<text").count(),
                        ours.matches("<polygon").count()
                    );
                    compared += 1;
                }
            }
        }
    }
    assert_eq!(compared, 3 * 24 * 4 * 2);
}
