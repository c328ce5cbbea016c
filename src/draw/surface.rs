//! The 3-D view of the loss space, as the article's `plot_surface` + `contour` at elevation 60°:
//! the surface coloured by loss, the contour lines on it and the trajectory, seen from an angle
//! the user turns (`yaw`, `pitch` in radians).

use super::map::Contour;
use super::{arrow_elements, err, label, DrawResult, ARROW, PATH, TEXT};
use crate::colormap::ColorMap;
use crate::landscape::LossSpace;
use crate::lang::Lang;
use plotters::coord::CoordTranslate;
use plotters::prelude::*;

/// Facets a side of the surface mesh.
pub const FACETS: usize = 36;

/// The viewing angle, from above as the article's `view_init(60)`, the valley across the view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Angle {
    pub yaw: f64,
    pub pitch: f64,
}

impl Default for Angle {
    fn default() -> Self {
        Angle { yaw: -0.8, pitch: 1.0 }
    }
}

/// Draw the surface of `space` with `contours`, the `trajectory` on it and an arrow to the `next`
/// point `(w + Δw, b + Δb)`.
#[allow(clippy::too_many_arguments)]
pub fn draw<DB: DrawingBackend>(
    backend: DB,
    dpr: f64,
    space: &LossSpace,
    (lo, hi): (f64, f64),
    map: ColorMap,
    contours: &[Contour],
    trajectory: &[(f64, f64)],
    next: Option<(f64, f64)>,
    angle: Angle,
    lang: Lang,
) -> DrawResult {
    let px = |v: f64| (v * dpr).round().max(1.0) as u32;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let (sw, sb) = (space.w, space.b);
    let top = if hi > lo { hi } else { lo + 1.0 };
    let mut chart =
        ChartBuilder::on(&root).margin(px(8.0)).build_cartesian_3d(sw.lo..sw.hi, lo..top, sb.lo..sb.hi).map_err(err)?;
    chart.with_projection(|mut p| {
        p.yaw = angle.yaw;
        p.pitch = angle.pitch;
        p.scale = 0.78;
        p.into_matrix()
    });
    let font = ("sans-serif", 12.0 * dpr).into_font().color(&TEXT);
    chart
        .configure_axes()
        .label_style(font)
        .x_labels(5)
        .y_labels(4)
        .z_labels(5)
        .x_formatter(&|v| label(*v))
        .y_formatter(&|v| label(*v))
        .z_formatter(&|v| label(*v))
        .light_grid_style(RGBColor(235, 235, 235))
        .bold_grid_style(RGBColor(215, 215, 215))
        .axis_panel_style(RGBColor(248, 248, 248))
        .max_light_lines(2)
        .draw()
        .map_err(err)?;
    let n = FACETS;
    let ws = (0..=n).map(|i| sw.sample(i, n + 1));
    let bs = (0..=n).map(|i| sb.sample(i, n + 1));
    let scale = 1.0 / (top - lo);
    let style = move |l: &f64| {
        let [r, g, b] = map.rgb((l - lo) * scale);
        RGBColor(r, g, b).mix(0.9).filled()
    };
    chart.draw_series(SurfaceSeries::xoz(ws, bs, |w, b| space.loss(w, b)).style_func(&style)).map_err(err)?;
    let line = ShapeStyle::from(&RGBColor(40, 40, 40).mix(0.5)).stroke_width(px(1.0));
    for c in contours {
        chart
            .draw_series(
                c.lines
                    .iter()
                    .map(|l| PathElement::new(l.iter().map(|&(w, b)| (w, c.level, b)).collect::<Vec<_>>(), line)),
            )
            .map_err(err)?;
    }
    let pts: Vec<(f64, f64, f64)> = trajectory.iter().map(|&(w, b)| (w, space.loss(w, b), b)).collect();
    chart
        .draw_series(LineSeries::new(pts.iter().copied(), ShapeStyle::from(&PATH).stroke_width(px(2.5))))
        .map_err(err)?;
    if let Some(&last) = pts.last() {
        chart
            .draw_series([Circle::new(last, px(7.0), WHITE.filled()), Circle::new(last, px(5.0), PATH.filled())])
            .map_err(err)?;
        if let Some((w, b)) = next {
            let spec = chart.as_coord_spec();
            let (from, to) = (spec.translate(&last), spec.translate(&(w, space.loss(w, b), b)));
            for e in arrow_elements(from, to, 9.0 * dpr, ShapeStyle::from(&ARROW).stroke_width(px(2.0))) {
                root.draw(&e).map_err(err)?;
            }
        }
    }
    let (mw, mb) = ((sw.lo + sw.hi) / 2.0, (sb.lo + sb.hi) / 2.0);
    let labels = [
        ("w", (mw, lo, sb.lo - 0.3 * sb.span())),
        ("b", (sw.hi + 0.3 * sw.span(), lo, mb)),
        (lang.pick("loss", "perte"), (sw.lo, top * 1.08, sb.lo)),
    ];
    let font = ("sans-serif", 15.0 * dpr).into_font().color(&TEXT);
    for (name, at) in labels {
        chart.draw_series([Text::new(name, at, font.clone())]).map_err(err)?;
    }
    Ok(())
}
