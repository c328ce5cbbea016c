//! The 3-D view's box: the three back panels with their grid lines, the three axes and their tick
//! labels. What plotters' `configure_axes().draw()` draws, element for element, for our `f64`
//! axes (its generic version, with its settings builder and key-point types: replacing it took
//! 1.6 KB gzip off the wasm module). `tests/draw.rs` draws both and compares the SVG.
//!
//! Points are `(x, y, z)` as the chart takes them; the surface puts the loss on `y` (up).

use super::{err, Axis, DrawResult};
use plotters::coord::cartesian::Cartesian3d;
use plotters::coord::CoordTranslate;
use plotters::element::EmptyElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What the box is drawn with.
pub struct Box3d<'a> {
    /// About how many labelled ticks each axis gets (`x`, `y`, `z`).
    pub ticks: [usize; 3],
    /// The light grid lines: this many times as many as the ticks (plotters' `max_light_lines`).
    pub light: usize,
    /// Each axis's label of a tick.
    pub format: [&'a dyn Fn(&f64) -> String; 3],
    pub font: TextStyle<'a>,
    pub panel: ShapeStyle,
    pub bold: ShapeStyle,
    pub light_style: ShapeStyle,
    pub axis: ShapeStyle,
}

type Chart3d<'a, DB> = ChartContext<'a, DB, Cartesian3d<Axis, Axis, Axis>>;

fn point(v: [f64; 3]) -> (f64, f64, f64) {
    (v[0], v[1], v[2])
}

/// Draw the box of `chart`, whose axes are `axes` (`x`, `y`, `z`), as plotters does:
/// - for each axis, the back panel across the other two (the one of its two sides farther from
///   the viewer), filled, outlined, with light then bold lines at the other axes' ticks;
/// - each axis along the panel edge nearest the viewer (then lowest on the screen), and at each
///   tick a mark pointing out of the box (sideways or up/down, whichever crosses the axis more)
///   with its label beyond it. The tick marks are plotters' default length (`default_tick`).
pub fn draw_box<DB: DrawingBackend>(chart: &Chart3d<'_, DB>, axes: [Axis; 3], b: &Box3d) -> DrawResult {
    let area = chart.plotting_area();
    let coord = area.as_coord_spec();
    let depth = |v: [f64; 3]| coord.projected_depth(&v[0], &v[1], &v[2]);
    let ranges = axes.map(|a| [a.lo, a.hi]);
    let bold: [Vec<f64>; 3] = [0, 1, 2].map(|i| axes[i].ticks(b.ticks[i]));
    let light: [Vec<f64>; 3] = [0, 1, 2].map(|i| axes[i].ticks(b.ticks[i] * b.light));
    let mut panels = [[[0.0; 3]; 2]; 3];
    for (idx, panel_of) in panels.iter_mut().enumerate() {
        let a = [ranges[0][0], ranges[1][0], ranges[2][0]];
        let mut v = [ranges[0][1], ranges[1][1], ranges[2][1]];
        let (mut c, d) = (a, v);
        v[idx] = ranges[idx][0];
        c[idx] = ranges[idx][1];
        let (va, vb) = if depth(a) >= depth(c) { (a, v) } else { (c, d) };
        let (mut m, mut n) = (va, va);
        m[(idx + 1) % 3] = vb[(idx + 1) % 3];
        n[(idx + 2) % 3] = vb[(idx + 2) % 3];
        let mut outline = vec![point(va), point(m), point(vb), point(n)];
        area.draw(&Polygon::new(outline.clone(), b.panel)).map_err(err)?;
        outline.push(outline[0]);
        area.draw(&PathElement::new(outline, b.bold)).map_err(err)?;
        for (kps, style) in [(&light, b.light_style), (&bold, b.bold)] {
            for j in (0..3).filter(|&i| i != idx) {
                for &kp in &kps[j] {
                    let (mut s, mut e) = (va, vb);
                    s[j] = kp;
                    e[j] = kp;
                    area.draw(&PathElement::new(vec![point(s), point(e)], style)).map_err(err)?;
                }
            }
        }
        *panel_of = [va, vb];
    }
    let (width, height) = area.dim_in_pixel();
    let tick = super::axes::default_tick(width, height);
    let (xr, yr) = area.get_pixel_range();
    let mid = ((xr.start + xr.end) / 2, (yr.start + yr.end) / 2);
    for idx in 0..3 {
        // The edges of the other panels that run along this axis; the nearest (then lowest) one.
        let mut start = [ranges[0][0], ranges[1][0], ranges[2][0]];
        let mut end = [ranges[0][1], ranges[1][1], ranges[2][1]];
        let mut plan = Vec::new();
        for i in (0..3).filter(|&i| i != idx) {
            start[i] = panels[i][0][i];
            end[i] = panels[i][0][i];
            for j in (0..3).filter(|&j| j != i && j != idx) {
                for vertex in &panels[i] {
                    start[j] = vertex[j];
                    end[j] = vertex[j];
                    plan.push((start, end));
                }
            }
        }
        let Some((s, e)) = plan.into_iter().min_by_key(|&(s, e)| {
            let (p, q) = (coord.translate(&point(s)), coord.translate(&point(e)));
            (depth(s) + depth(e), p.1 + q.1)
        }) else {
            continue;
        };
        area.draw(&PathElement::new(vec![point(s), point(e)], b.axis)).map_err(err)?;
        // Tick marks point out of the box, across the axis as much as they can.
        let (p, q) = (coord.translate(&point(s)), coord.translate(&point(e)));
        let along = (q.0 - p.0, q.1 - p.1);
        let x_dir = if p.0 < mid.0 { (-tick, 0) } else { (tick, 0) };
        let y_dir = if p.1 < mid.1 { (0, -tick) } else { (0, tick) };
        let score = |d: (i32, i32)| (d.0 * along.0 + d.1 * along.1).abs();
        let dir = if score(x_dir) < score(y_dir) { x_dir } else { y_dir };
        let mut font = b.font.clone();
        if dir.0 != 0 {
            font.pos = Pos::new(if dir.0 < 0 { HPos::Right } else { HPos::Left }, VPos::Center);
        }
        if dir.1 != 0 {
            font.pos = Pos::new(HPos::Center, if dir.1 < 0 { VPos::Bottom } else { VPos::Top });
        }
        for &v in &bold[idx] {
            let mut at = s;
            at[idx] = v;
            let element = EmptyElement::at(point(at))
                + PathElement::new(vec![(0, 0), dir], b.axis)
                + Text::new((b.format[idx])(&v), (dir.0 * 2, dir.1 * 2), font.clone());
            area.draw(&element).map_err(err)?;
        }
    }
    Ok(())
}
