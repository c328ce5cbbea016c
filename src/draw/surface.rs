//! The 3-D view of a loss, as the article's `plot_surface` + `contour` at elevation 60°: the
//! surface coloured by loss, the contour lines on it and the trajectories, seen from an angle the
//! user turns (`yaw`, `pitch` in radians).

use super::map::{Contour, Heat, Path};
use super::{arrow_elements, err, DrawResult, Layout, Margins, Style};
use crate::landscape::Interval;
use plotters::coord::ranged1d::ValueFormatter;
use plotters::coord::CoordTranslate;
use plotters::prelude::*;

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
        let yaw = if (self.yaw + dyaw).is_finite() { (self.yaw + dyaw) % std::f64::consts::TAU } else { d.yaw };
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
    let mut chart = ChartBuilder::on(&root).margin(l.px(10.0)).build_cartesian_3d(ax, az, ay).map_err(err)?;
    let (fx, fz, fy) = (|v: &f64| ax.format_ext(v), |v: &f64| az.format_ext(v), |v: &f64| ay.format_ext(v));
    chart.with_projection(|mut p| {
        p.yaw = angle.yaw;
        p.pitch = angle.pitch;
        p.scale = 0.72;
        p.into_matrix()
    });
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
        .map_err(err)?;
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
    // Axis names beyond the ends of their axes, away from the surface and the tick labels.
    let spec = chart.as_coord_spec();
    let font = l.font(15.0);
    let (mx, my) = ((sx.lo + sx.hi) / 2.0, (sy.lo + sy.hi) / 2.0);
    let names = [
        (labels.x, spec.translate(&(mx, lo, sy.lo - 0.32 * sy.span()))),
        (labels.y, spec.translate(&(sx.hi + 0.32 * sx.span(), lo, my))),
        (labels.z, spec.translate(&(sx.lo - 0.12 * sx.span(), hi + 0.12 * (hi - lo), sy.lo - 0.12 * sy.span()))),
    ];
    for (name, (x, y)) in names {
        let (x, y) = (
            crate::num::clamp_i32(x, l.px(4.0) as i32, w as i32 - l.px(40.0) as i32),
            crate::num::clamp_i32(y, l.px(4.0) as i32, h as i32 - l.px(20.0) as i32),
        );
        root.draw(&Text::new(name.to_string(), (x, y), font.clone())).map_err(err)?;
    }
    Ok(())
}
