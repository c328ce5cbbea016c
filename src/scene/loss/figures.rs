//! The loss-space panel's figures: the map (heatmap and contours, computed once per problem and
//! size and kept in the scene's cache), the trajectories above it, the 3-D surface, the loss
//! chart and the legend, each recorded for the page; and the map's pixel ↔ point conversions.

use super::{LossScene, Problem};
use crate::colormap::ColorMap;
use crate::draw::chart::{Series, StepChart};
use crate::draw::map::{self, Heat, Layer, MapLabels, MapView, Path};
use crate::draw::record::{Image, Record, Recorder};
use crate::draw::surface::{self, Angle, SurfaceLabels};
use crate::draw::{self as d, DrawResult, Style};
use crate::heatmap;
use crate::landscape::{contour_levels, grid, level_step};
use crate::objective::Objective;
use crate::surface::{levels, LevelScale};
use std::cell::RefCell;

/// How a figure is drawn: style, words, and what the page asked for.
#[derive(Clone, Debug)]
pub struct View<'a> {
    pub style: Style,
    pub cmap: ColorMap,
    pub words: &'a Words,
    /// Predict mode before the reveal: no next-move arrows.
    pub hide_next: bool,
    /// A student's guess of the next point of run 0.
    pub guess: Option<[f64; 2]>,
    pub angle: Angle,
    pub log_chart: bool,
}

/// The words drawn in the figures, in the page's language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Words {
    /// Axis names: `w`, `b` (or `x`, `y` on a surface) and the loss.
    pub x: String,
    pub y: String,
    pub loss: String,
    /// The step axis ("step t").
    pub step: String,
    /// The log chart's axis name.
    pub loss_log: String,
    /// The name of each run, for the legend.
    pub runs: Vec<String>,
}

/// The figures of the panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    Map,
    Paths,
    Surface,
    Chart,
    Legend,
}

/// The runs' trails, their next points, and the ghosts' trails.
type Trails = (Vec<Vec<[f64; 2]>>, Vec<Option<[f64; 2]>>, Vec<Vec<[f64; 2]>>);

/// The paths as drawn: the reference run's ghosts under the runs, each in its run's colour.
fn drawn_paths((trails, next, ghosts): &Trails) -> Vec<Path<'_>> {
    let ghost =
        ghosts.iter().enumerate().map(|(i, g)| Path { points: g, next: None, colour: d::run_colour(i), ghost: true });
    let runs = trails.iter().zip(next).enumerate().map(|(i, (t, n))| Path {
        points: t,
        next: *n,
        colour: d::run_colour(i),
        ghost: false,
    });
    ghost.chain(runs).collect()
}

/// Samples a side of the grid the contours are traced on.
pub const CONTOUR_SAMPLES: usize = 101;
/// At most this many contour lines on the neuron's map (the article's spacing is doubled beyond).
pub const MAX_LEVELS: usize = 40;
/// Contour lines on a test surface.
pub const SURFACE_LEVELS: usize = 24;
impl LossScene {
    /// The loss range over the map (from the heatmap's samples once drawn, else a coarse grid).
    pub fn map_range(&self) -> (f64, f64) {
        if self.cache.heat_key.is_some() {
            self.cache.range
        } else {
            let g = grid(|x, y| self.problem.value([x, y]), &self.setup.window, 33, 33);
            (g.min, g.max)
        }
    }

    /// The number of contour levels of the map last drawn.
    pub fn contour_count(&self) -> usize {
        self.cache.contours.len()
    }

    /// The heatmap image (RGBA, one pixel a CSS pixel) with its size and version.
    pub fn heatmap(&self) -> (u64, usize, usize, &[u8]) {
        let (c, r) = self.cache.rgba_key.map_or((0, 0), |k| (k.1, k.2));
        (self.cache.version, c, r, &self.cache.rgba)
    }

    /// The point under device pixel `(x, y)` of a map `width × height` at `dpr`.
    pub fn locate(&self, width: u32, height: u32, dpr: f64, x: f64, y: f64) -> [f64; 2] {
        MapView::new(width, height, Style { dpr, ..Style::default() }, self.setup.window).to_params(x, y)
    }

    /// The device pixel of `p` on a map `width × height` at `dpr`.
    pub fn place(&self, width: u32, height: u32, dpr: f64, p: [f64; 2]) -> (f64, f64) {
        MapView::new(width, height, Style { dpr, ..Style::default() }, self.setup.window).to_pixel(p)
    }

    fn ensure_heat(&mut self, cols: usize, rows: usize, cmap: ColorMap) {
        let key = (self.cache.generation, cols, rows);
        if self.cache.heat_key != Some(key) {
            let window = self.setup.window;
            let (lo, hi) = match &*self.problem {
                Problem::Neuron(n) => match n.sigmoid_square() {
                    Some((xs, ts)) => heatmap::sigmoid_square(xs, ts, &window, cols, rows, &mut self.cache.values),
                    None => heatmap::values(&|x, y| n.value([x, y]), &window, cols, rows, &mut self.cache.values),
                },
                Problem::Surface(s) => {
                    heatmap::values(&|x, y| s.value([x, y]), &window, cols, rows, &mut self.cache.values)
                }
            };
            self.cache.range = (lo as f64, hi as f64);
            self.cache.log = matches!(&*self.problem, Problem::Surface(s) if s.level_scale() == LevelScale::Log);
            if self.cache.log {
                heatmap::to_log(&mut self.cache.values, lo, hi);
            }
            self.cache.heat_key = Some(key);
            self.cache.rgba_key = None;
        }
        let rkey = (self.cache.generation, cols, rows, cmap);
        if self.cache.rgba_key != Some(rkey) {
            let (lo, hi) = self.cache.range;
            let (lo, hi) = if self.cache.log {
                let d = (crate::surface::LOG_FLOOR as f32 * (hi - lo) as f32).max(f32::MIN_POSITIVE);
                (d.ln(), ((hi - lo) as f32 + d).ln())
            } else {
                (lo as f32, hi as f32)
            };
            heatmap::colour(&self.cache.values, lo, hi, cmap, &mut self.cache.rgba);
            self.cache.rgba_key = Some(rkey);
            self.cache.version += 1;
        }
    }

    fn ensure_contours(&mut self) {
        if self.cache.contour_key == Some(self.cache.generation) {
            return;
        }
        let n = CONTOUR_SAMPLES;
        let window = self.setup.window;
        let g = grid(|x, y| self.problem.value([x, y]), &window, n, n);
        let levels = match &*self.problem {
            Problem::Neuron(_) => contour_levels(g.min, g.max, level_step(g.min, g.max, MAX_LEVELS)),
            Problem::Surface(s) => levels(s.level_scale(), g.min, g.max, SURFACE_LEVELS),
        };
        self.cache.contours = map::contours(&g, &window, &levels);
        self.cache.contour_range = (g.min, g.max);
        self.cache.contour_key = Some(self.cache.generation);
    }

    fn paths(&self, hide_next: bool) -> Trails {
        let trails = self.race.runs.iter().map(|r| r.trail().into_iter().map(|(_, p)| p).collect()).collect();
        let next =
            self.race.runs.iter().map(|r| (!hide_next && r.stop().is_none()).then(|| r.next_move().next)).collect();
        let ghosts = self
            .ghost
            .as_ref()
            .map_or(Vec::new(), |g| g.runs.iter().map(|r| r.trail().into_iter().map(|(_, p)| p).collect()).collect());
        (trails, next, ghosts)
    }

    /// Draw `figure` on `width × height` device pixels.
    pub fn draw(&mut self, figure: Figure, width: u32, height: u32, view: &View) -> Result<Record, d::DrawError> {
        let rec = RefCell::new(Record::default());
        let backend = Recorder { width, height, out: &rec };
        let result: DrawResult = match figure {
            Figure::Map => {
                let mv = MapView::new(width, height, view.style, self.setup.window);
                let (cols, rows) = mv.heatmap_size();
                self.ensure_heat(cols, rows, view.cmap);
                self.ensure_contours();
                let (lo, hi) = self.cache.range;
                let heat = Heat { map: view.cmap, lo, hi, log: self.cache.log };
                let labels = MapLabels { x: &view.words.x, y: &view.words.y, bar: &view.words.loss };
                mv.draw_base(backend, &heat, &self.cache.contours, &labels, |r, layer| {
                    let img = match layer {
                        Layer::Heatmap => None,
                        Layer::Pixels(px) => Some(Image {
                            width: r.width().max(0) as u32,
                            height: r.height().max(0) as u32,
                            rgba: px.to_vec(),
                        }),
                    };
                    rec.borrow_mut().image(r.x0, r.y0, r.width(), r.height(), img);
                })
            }
            Figure::Paths => {
                let mv = MapView::new(width, height, view.style, self.setup.window);
                let trails = self.paths(view.hide_next);
                let paths = drawn_paths(&trails);
                mv.draw_paths(backend, &paths, view.guess)
            }
            Figure::Surface => {
                self.ensure_contours();
                let (lo, hi) = self.cache.contour_range;
                let heat = Heat {
                    map: view.cmap,
                    lo,
                    hi,
                    log: matches!(&*self.problem, Problem::Surface(s) if s.level_scale() == LevelScale::Log),
                };
                let trails = self.paths(view.hide_next);
                let paths = drawn_paths(&trails);
                let labels = SurfaceLabels { x: &view.words.x, y: &view.words.y, z: &view.words.loss };
                let problem = self.problem.clone();
                surface::draw(
                    backend,
                    view.style,
                    self.setup.window,
                    &move |x, y| problem.value([x, y]),
                    &heat,
                    &self.cache.contours,
                    &paths,
                    view.angle,
                    &labels,
                )
            }
            Figure::Chart => {
                let losses: Vec<Vec<(f64, f64)>> = self
                    .race
                    .runs
                    .iter()
                    .map(|r| r.losses().into_iter().map(|(t, l)| (t as f64, l)).collect())
                    .collect();
                let series: Vec<Series> =
                    losses.iter().enumerate().map(|(i, v)| Series { values: v, colour: d::run_colour(i) }).collect();
                let y_name = if view.log_chart { &view.words.loss_log } else { &view.words.loss };
                StepChart { x_name: &view.words.step, y_name, series: &series, log: view.log_chart, guide: None }
                    .draw(backend, view.style)
            }
            Figure::Legend => {
                let entries: Vec<(plotters::style::RGBColor, String)> =
                    view.words.runs.iter().enumerate().map(|(i, n)| (d::run_colour(i), n.clone())).collect();
                let area = plotters::prelude::IntoDrawingArea::into_drawing_area(backend);
                area.fill(&view.style.palette.background)
                    .map_err(d::err)
                    .and_then(|_| d::draw_legend(&area, &view.style, &entries))
            }
        };
        result?;
        Ok(rec.into_inner())
    }
}
