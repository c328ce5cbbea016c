//! The 3-D view of a loss, as the article's `plot_surface` + `contour` at elevation 60°: the
//! surface coloured by loss, the contour lines on it and the trajectories, seen from an angle the
//! user turns (`yaw`, `pitch` in radians).

use super::axes3d::{draw_box, Box3d};
use super::map::{Contour, Heat, Path};
use super::{arrow_elements, err, DrawResult, Layout, Margins, Style};
use crate::landscape::Interval;
use plotters::coord::ranged1d::ValueFormatter;
use plotters::coord::CoordTranslate;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;

/// Facets a side of the surface mesh.
pub const FACETS: usize = 36;

/// The viewing angle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Angle {
    pub yaw: f64,
    pub pitch: f64,
}

impl Default for Angle {
    /// The article's `view_init(60)`: 60° above the plane, turned so the valley runs across.
    fn default() -> Self {
        Angle { yaw: -0.8, pitch: 60f64.to_radians() }
    }
}

impl Angle {
    /// The angle turned by `(dyaw, dpitch)`, the pitch kept between 0 (edge on) and 85°.
    pub fn turned(self, dyaw: f64, dpitch: f64) -> Angle {
        let d = Angle::default();
        let yaw =
            if (self.yaw + dyaw).is_finite() { crate::num::rem(self.yaw + dyaw, std::f64::consts::TAU) } else { d.yaw };
        let pitch = if (self.pitch + dpitch).is_finite() {
            crate::num::clamp(self.pitch + dpitch, 0.0, 85f64.to_radians())
        } else {
            d.pitch
        };
        Angle { yaw, pitch }
    }
}

/// The axis names, in the page's language.
#[derive(Clone, Copy, Debug)]
pub struct SurfaceLabels<'a> {
    pub x: &'a str,
    pub y: &'a str,
    pub z: &'a str,
}

/// How the view's box is drawn: 5 ticks across, 3 up (the loss), 5 deep, labelled by `format`
/// (`x`, loss, `y`) at 12 px; panels and grid in the palette's colours, two light lines a tick.
pub fn box_style<'a>(l: &Layout, format: [&'a dyn Fn(&f64) -> String; 3]) -> Box3d<'a> {
    let pal = l.style.palette;
    Box3d {
        ticks: [5, 3, 5],
        light: 2,
        format,
        font: l.font(12.0),
        panel: ShapeStyle::from(pal.panel),
        bold: ShapeStyle::from(pal.grid),
        light_style: ShapeStyle::from(pal.grid.mix(0.6)),
        axis: ShapeStyle::from(BLACK.mix(0.8)),
    }
}

/// Draw `f` over `window` as a surface with `contours`, the `paths` on it and an arrow to each
/// path's next point. The loss axis spans `heat.lo … heat.hi`.
#[allow(clippy::too_many_arguments)]
pub fn draw<DB: DrawingBackend>(
    backend: DB,
    style: Style,
    window: [Interval; 2],
    f: &dyn Fn(f64, f64) -> f64,
    heat: &Heat,
    contours: &[Contour],
    paths: &[Path],
    angle: Angle,
    labels: &SurfaceLabels,
) -> DrawResult {
    let (w, h) = backend.get_size();
    let l = Layout::new(w, h, style, Margins { top: 8.0, right: 8.0, bottom: 8.0, left: 8.0 });
    let pal = style.palette;
    let root = backend.into_drawing_area();
    root.fill(&pal.background).map_err(err)?;
    let [sx, sy] = window;
    let (lo, hi) = (heat.lo, if heat.hi > heat.lo { heat.hi } else { heat.lo + 1.0 });
    let z = |x: f64, y: f64| {
        let v = f(x, y);
        if v.is_finite() {
            crate::num::clamp(v, lo, hi)
        } else {
            hi
        }
    };
    let (ax, az, ay) = (l.axis(sx.lo, sx.hi), l.axis(lo, hi), l.axis(sy.lo, sy.hi));
    // Room above for the label at the top corner, which sits above the box.
    let mut chart = ChartBuilder::on(&root)
        .margin(l.px(10.0))
        .margin_top(l.px(20.0))
        .build_cartesian_3d(ax, az, ay)
        .map_err(err)?;
    chart.with_projection(|mut p| {
        p.yaw = angle.yaw;
        p.pitch = angle.pitch;
        p.scale = 0.72;
        p.into_matrix()
    });
    // Labels that would fall on one another are left out:
    // - the two horizontal axes meet at a corner, whatever the angle, where both would label
    //   their ends: the second one leaves its ends unlabelled;
    // - an axis seen nearly end on (a view close to the plane, turned along the axis) squeezes
    //   its five labels together: it keeps them only when one label's box (30 × 14 CSS px, room
    //   for "−0.5") clears the next one across or up, a quarter of the axis away on the screen.
    let coord = chart.as_coord_spec();
    let apart = |a: (f64, f64, f64), b: (f64, f64, f64)| {
        let (p, q) = (coord.translate(&a), coord.translate(&b));
        let (gx, gy) = (f64::from(p.0 - q.0).abs() / 4.0, f64::from(p.1 - q.1).abs() / 4.0);
        gx >= f64::from(l.px(30.0)) || gy >= f64::from(l.px(14.0))
    };
    let show_x = apart((sx.lo, lo, sy.lo), (sx.hi, lo, sy.lo));
    let show_y = apart((sx.lo, lo, sy.lo), (sx.lo, lo, sy.hi));
    let tol = 1e-9 * (sy.hi - sy.lo);
    let end = |v: &f64| (v - sy.lo).abs() <= tol || (v - sy.hi).abs() <= tol;
    let fx = |v: &f64| if show_x { ax.format_ext(v) } else { String::new() };
    let fz = |v: &f64| az.format_ext(v);
    let fy = |v: &f64| if show_y && !end(v) { ay.format_ext(v) } else { String::new() };
    draw_box(&chart, [ax, az, ay], &box_style(&l, [&fx, &fz, &fy]))?;
    let n = FACETS;
    let xs = (0..=n).map(|i| sx.sample(i, n + 1));
    let ys = (0..=n).map(|i| sy.sample(i, n + 1));
    let colour = move |v: &f64| {
        let t = if heat.log {
            let d = crate::surface::LOG_FLOOR * (hi - lo);
            ((v - lo + d) / d).ln() / ((hi - lo + d) / d).ln()
        } else {
            (v - lo) / (hi - lo)
        };
        let [r, g, b] = heat.map.rgb(t);
        RGBColor(r, g, b).mix(0.92).filled()
    };
    chart.draw_series(SurfaceSeries::xoz(xs, ys, z).style_func(&colour)).map_err(err)?;
    let line = ShapeStyle::from(&pal.contour.mix(0.5)).stroke_width(l.px(1.0));
    for c in contours {
        chart
            .draw_series(
                c.lines
                    .iter()
                    .map(|seg| PathElement::new(seg.iter().map(|&(x, y)| (x, c.level, y)).collect::<Vec<_>>(), line)),
            )
            .map_err(err)?;
    }
    for path in paths {
        let pts: Vec<(f64, f64, f64)> = path.points.iter().map(|&[x, y]| (x, z(x, y), y)).collect();
        let width = if path.ghost { 1.5 } else { 2.5 };
        chart
            .draw_series(LineSeries::new(
                pts.iter().copied(),
                ShapeStyle::from(&pal.halo.mix(0.8)).stroke_width(l.px(width + 2.0)),
            ))
            .map_err(err)?;
        chart
            .draw_series(LineSeries::new(pts.iter().copied(), ShapeStyle::from(&path.colour).stroke_width(l.px(width))))
            .map_err(err)?;
        if path.ghost {
            continue;
        }
        if let Some(&last) = pts.last() {
            chart
                .draw_series([
                    Circle::new(last, l.px(7.0), pal.halo.filled()),
                    Circle::new(last, l.px(5.0), path.colour.filled()),
                ])
                .map_err(err)?;
            if let Some([x, y]) = path.next {
                let spec = chart.as_coord_spec();
                let (from, to) = (spec.translate(&last), spec.translate(&(x, z(x, y), y)));
                for (c, wd) in [(pal.halo, 4.0), (pal.arrow, 2.0)] {
                    for e in arrow_elements(from, to, 9.0 * l.style.dpr, ShapeStyle::from(&c).stroke_width(l.px(wd))) {
                        root.draw(&e).map_err(err)?;
                    }
                }
            }
        }
    }
    // Axis names beside their tick labels, pushed away from the box's centre on the screen so they
    // clear the labels and the surface: the x and y names off the middle of the farther of their
    // two base edges (where plotters writes the ticks), the loss above the leftmost upright edge.
    let spec = chart.as_coord_spec();
    let font = l.font(15.0);
    let p = |x: f64, z: f64, y: f64| {
        let (a, b) = spec.translate(&(x, z, y));
        (a as f64, b as f64)
    };
    let box_pts: Vec<(f64, f64)> = [lo, hi]
        .iter()
        .flat_map(|&z| [p(sx.lo, z, sy.lo), p(sx.hi, z, sy.lo), p(sx.hi, z, sy.hi), p(sx.lo, z, sy.hi)])
        .collect();
    let centre = (box_pts.iter().map(|c| c.0).sum::<f64>() / 8.0, box_pts.iter().map(|c| c.1).sum::<f64>() / 8.0);
    let away = |m: (f64, f64), by: f64| {
        let (dx, dy) = (m.0 - centre.0, m.1 - centre.1);
        let len = (dx * dx + dy * dy).sqrt().max(1.0);
        (m.0 + dx / len * by, m.1 + dy / len * by)
    };
    // The topmost on the screen of an axis's four parallel box edges: where its ticks are written.
    let topmost = |edges: [(f64, f64); 4]| {
        edges.into_iter().fold((0.0, f64::INFINITY), |best, e| if e.1 < best.1 { e } else { best })
    };
    let (mx, my) = ((sx.lo + sx.hi) / 2.0, (sy.lo + sy.hi) / 2.0);
    let x_edge = topmost([p(mx, lo, sy.lo), p(mx, lo, sy.hi), p(mx, hi, sy.lo), p(mx, hi, sy.hi)]);
    let y_edge = topmost([p(sx.lo, lo, my), p(sx.hi, lo, my), p(sx.lo, hi, my), p(sx.hi, hi, my)]);
    let uprights = [(sx.lo, sy.lo), (sx.hi, sy.lo), (sx.hi, sy.hi), (sx.lo, sy.hi)];
    let (ux, uy) =
        uprights.into_iter().min_by(|a, b| p(a.0, lo, a.1).0.total_cmp(&p(b.0, lo, b.1).0)).unwrap_or((sx.lo, sy.lo));
    let z_mid = p(ux, (lo + hi) / 2.0, uy);
    let gap = 52.0 * l.style.dpr;
    let names = [
        (labels.x, away(x_edge, gap), Pos::new(HPos::Center, VPos::Center), FontTransform::None),
        (labels.y, away(y_edge, gap), Pos::new(HPos::Center, VPos::Center), FontTransform::None),
        (
            labels.z,
            (z_mid.0 - 58.0 * l.style.dpr, z_mid.1),
            Pos::new(HPos::Center, VPos::Center),
            FontTransform::Rotate270,
        ),
    ];
    let margin = l.px(6.0) as f64;
    for (name, (x, y), pos, turn) in names {
        let (tw, th) = root.estimate_text_size(name, &font).map_err(err)?;
        let (tw, th) = if matches!(turn, FontTransform::None) { (tw, th) } else { (th, tw) };
        let x = crate::num::clamp(x, tw as f64 / 2.0 + margin, w as f64 - tw as f64 / 2.0 - margin);
        let y = crate::num::clamp(y, th as f64 / 2.0 + margin, h as f64 - th as f64 / 2.0 - margin);
        let style = font.clone().pos(pos).transform(turn);
        root.draw(&Text::new(name.to_string(), (x.round() as i32, y.round() as i32), style)).map_err(err)?;
    }
    Ok(())
}
