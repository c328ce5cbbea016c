//! The loss-space panel without web types: the neuron's loss (or a test surface) over a window,
//! one or several optimizers racing from one start, mini-batches, and its four figures (the map,
//! the trajectories above it, the 3-D surface, the loss over steps) recorded for the page.

use super::{build_runs, number, RunSpec, SetupError};
use crate::activation::{Activation, ACTIVATIONS};
use crate::colormap::ColorMap;
use crate::data::{Dataset, Order, Sampler};
use crate::descent::{Descent, Race, Readout};
use crate::draw::chart::{Series, StepChart};
use crate::draw::map::{self, Contour, Heat, Layer, MapLabels, MapView, Path};
use crate::draw::record::{Image, Record, Recorder};
use crate::draw::surface::{self, Angle, SurfaceLabels};
use crate::draw::{self as d, DrawResult, Style};
use crate::heatmap;
use crate::landscape::{contour_levels, grid, level_step, Interval, NeuronLoss};
use crate::loss::{compatible, Loss, LOSSES};
use crate::neuron::Pass;
use crate::objective::Objective;
use crate::optim::Hyper;
use crate::surface::{levels, LevelScale, Surface, SURFACES};
use std::cell::RefCell;
use std::rc::Rc;

/// What is minimised: the neuron's loss, or a test surface.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Neuron(NeuronLoss),
    Surface(Surface),
}

impl Objective<2> for Problem {
    fn value(&self, p: [f64; 2]) -> f64 {
        match self {
            Problem::Neuron(n) => n.value(p),
            Problem::Surface(s) => s.value(p),
        }
    }
    fn gradient(&self, p: [f64; 2]) -> [f64; 2] {
        match self {
            Problem::Neuron(n) => n.gradient(p),
            Problem::Surface(s) => s.gradient(p),
        }
    }
    fn value_and_gradient(&self, p: [f64; 2]) -> (f64, [f64; 2]) {
        match self {
            Problem::Neuron(n) => n.value_and_gradient(p),
            Problem::Surface(s) => s.value_and_gradient(p),
        }
    }
    fn samples(&self) -> usize {
        match self {
            Problem::Neuron(n) => n.samples(),
            Problem::Surface(_) => 1,
        }
    }
    fn batch_value_and_gradient(&self, p: [f64; 2], batch: &[usize]) -> (f64, [f64; 2]) {
        match self {
            Problem::Neuron(n) => n.batch_value_and_gradient(p, batch),
            Problem::Surface(s) => s.value_and_gradient(p),
        }
    }
}

/// The panel's settings as the page gives them (see `www/state.js`).
#[derive(Clone, Debug, PartialEq)]
pub struct LossConfig {
    /// `"neuron"` (the article's), or a test surface's name.
    pub surface: String,
    /// The neuron's samples, `x₀, t₀, x₁, t₁, …`.
    pub data: Vec<f64>,
    pub activation: String,
    pub loss: String,
    /// The neuron's window: `w, b ∈ [−range, range]` (a surface has its own window).
    pub range: f64,
    /// The start; `None` for the surface's own start.
    pub start: Option<[f64; 2]>,
    pub runs: Vec<RunSpec>,
    /// Samples a step sees (0 or ≥ N: every sample).
    pub batch: f64,
    pub order: String,
    /// The seed of the batches.
    pub seed: f64,
}

impl Default for LossConfig {
    /// The article's: one sample `(1, 0.5)`, sigmoid, square loss, `[−2, 2]²`, SGD.
    fn default() -> Self {
        LossConfig {
            surface: "neuron".into(),
            data: vec![1.0, 0.5],
            activation: "sigmoid".into(),
            loss: "square".into(),
            range: 2.0,
            start: Some([-2.0, 0.5]),
            runs: vec![RunSpec { name: "sgd".into(), params: vec![("eta".into(), super::Param::Num(2.0))] }],
            batch: 0.0,
            order: "epoch".into(),
            seed: 0.0,
        }
    }
}

/// The settings, checked and built.
#[derive(Clone, Debug)]
pub struct LossSetup {
    pub config: LossConfig,
    pub problem: Problem,
    pub window: [Interval; 2],
    pub start: [f64; 2],
    pub sampler: Sampler,
}

/// The names the page may use, for its menus and for error messages.
pub fn surface_names() -> Vec<&'static str> {
    std::iter::once("neuron").chain(SURFACES.iter().map(|s| s.name())).collect()
}

impl LossSetup {
    /// Check every setting; the first problem found is the error.
    pub fn check(config: &LossConfig) -> Result<(LossSetup, Vec<Box<dyn crate::optim::Optimizer>>), SetupError> {
        let surface = config.surface.trim();
        let (problem, window) = if surface.eq_ignore_ascii_case("neuron") {
            let act = Activation::from_name(&config.activation).ok_or_else(|| SetupError::Unknown {
                kind: "activation",
                given: config.activation.clone(),
                known: ACTIVATIONS.iter().map(|a| a.name()).collect(),
            })?;
            let loss = Loss::from_name(&config.loss).ok_or_else(|| SetupError::Unknown {
                kind: "loss",
                given: config.loss.clone(),
                known: LOSSES.iter().map(|l| l.name()).collect(),
            })?;
            compatible(act, loss).map_err(SetupError::Incompatible)?;
            if !config.data.len().is_multiple_of(2) {
                return Err(SetupError::Data(crate::data::DataError::Lengths {
                    x: config.data.len().div_ceil(2),
                    t: config.data.len() / 2,
                }));
            }
            let (x, t): (Vec<f64>, Vec<f64>) = config.data.chunks_exact(2).map(|p| (p[0], p[1])).unzip();
            let data = Dataset::new(x, t).map_err(SetupError::Data)?;
            if loss.needs_unit_interval() {
                if let Some((index, &value)) = data.t().iter().enumerate().find(|(_, t)| !(0.0..=1.0).contains(*t)) {
                    return Err(SetupError::Target { index, value });
                }
            }
            let r = number("range", config.range, 0.5, 20.0)?;
            let w = Interval { lo: -r, hi: r };
            (Problem::Neuron(NeuronLoss { data, act, loss }), [w, w])
        } else {
            let s = Surface::from_name(surface).ok_or_else(|| SetupError::Unknown {
                kind: "surface",
                given: config.surface.clone(),
                known: surface_names(),
            })?;
            (Problem::Surface(s), s.window())
        };
        let start = match (config.start, &problem) {
            (Some(p), _) => p,
            (None, Problem::Surface(s)) => s.start(),
            (None, Problem::Neuron(_)) => [-2.0, 0.5],
        };
        if !(window[0].contains(start[0]) && window[1].contains(start[1])) {
            return Err(SetupError::Start { value: start.to_vec(), window: window.to_vec() });
        }
        let n = problem.samples();
        let batch = if config.batch == 0.0 {
            n
        } else {
            number("batch", config.batch, 1.0, crate::data::MAX_SAMPLES as f64)? as usize
        };
        let order = Order::from_name(&config.order).ok_or_else(|| SetupError::Unknown {
            kind: "order",
            given: config.order.clone(),
            known: vec!["replacement", "epoch"],
        })?;
        let seed = number("seed", config.seed, 0.0, 4_294_967_295.0)? as u64;
        let sampler = if batch >= n { Sampler::full(n) } else { Sampler { n, batch, order, seed } };
        let runs = build_runs(&config.runs)?;
        Ok((LossSetup { config: config.clone(), problem, window, start, sampler }, runs))
    }
}

/// Everything about one run for the readouts.
#[derive(Clone, Debug, PartialEq)]
pub struct RunReadout {
    pub optimizer: &'static str,
    pub hyper: Vec<(&'static str, Hyper<'static>)>,
    pub readout: Readout<2>,
    /// For the neuron: the first sample of the next batch, `(index, x, t, pass)`: its forward and
    /// backward pass at the current point.
    pub pass: Option<(usize, f64, f64, Pass)>,
}

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

/// The heatmap and contours of the current problem, kept until it, the window or the size change.
#[derive(Default)]
struct Cache {
    /// Bumped when the problem or the window change.
    generation: u64,
    heat_key: Option<(u64, usize, usize)>,
    values: Vec<f32>,
    /// The loss range on the heatmap's samples.
    range: (f64, f64),
    log: bool,
    rgba_key: Option<(u64, usize, usize, ColorMap)>,
    rgba: Vec<u8>,
    /// Bumped when the RGBA image changes, so the page knows to fetch it.
    version: u64,
    contour_key: Option<u64>,
    contours: Vec<Contour>,
    contour_range: (f64, f64),
}

/// The runs' trails, their next points, and the ghosts' trails.
type Trails = (Vec<Vec<[f64; 2]>>, Vec<Option<[f64; 2]>>, Vec<Vec<[f64; 2]>>);

/// The loss-space panel.
pub struct LossScene {
    setup: LossSetup,
    problem: Rc<Problem>,
    race: Race<Rc<Problem>, 2>,
    /// The full-batch runs beside stochastic ones (none when every step sees every sample).
    ghost: Option<Race<Rc<Problem>, 2>>,
    cache: Cache,
}

/// Samples a side of the grid the contours are traced on.
pub const CONTOUR_SAMPLES: usize = 101;
/// At most this many contour lines on the neuron's map (the article's spacing is doubled beyond).
pub const MAX_LEVELS: usize = 40;
/// Contour lines on a test surface.
pub const SURFACE_LEVELS: usize = 24;
/// Rows at most in an exported trajectory.
pub const MAX_EXPORT_ROWS: usize = 100_000;

fn races(
    setup: &LossSetup,
    problem: &Rc<Problem>,
    runs: Vec<Box<dyn crate::optim::Optimizer>>,
) -> (Race<Rc<Problem>, 2>, Option<Race<Rc<Problem>, 2>>) {
    let make = |sampler: Sampler, runs: Vec<Box<dyn crate::optim::Optimizer>>| {
        Race::new(
            runs.into_iter().map(|o| Descent::new(problem.clone(), setup.window, setup.start, o, sampler)).collect(),
        )
    };
    let ghost = (!setup.sampler.is_full()).then(|| make(Sampler::full(setup.sampler.n), runs.clone()));
    (make(setup.sampler, runs), ghost)
}

impl LossScene {
    /// The panel for checked settings.
    pub fn new(config: &LossConfig) -> Result<LossScene, SetupError> {
        let (setup, runs) = LossSetup::check(config)?;
        let problem = Rc::new(setup.problem.clone());
        let (race, ghost) = races(&setup, &problem, runs);
        Ok(LossScene { setup, problem, race, ghost, cache: Cache { generation: 1, ..Cache::default() } })
    }

    pub fn config(&self) -> &LossConfig {
        &self.setup.config
    }
    pub fn window(&self) -> [Interval; 2] {
        self.setup.window
    }
    pub fn problem(&self) -> &Problem {
        &self.problem
    }
    pub fn race(&self) -> &Race<Rc<Problem>, 2> {
        &self.race
    }

    /// New settings: all or nothing. When only learning rates changed, the runs keep their
    /// points and histories (the new η applies from now on); otherwise they start again.
    pub fn configure(&mut self, config: &LossConfig) -> Result<(), SetupError> {
        let (setup, runs) = LossSetup::check(config)?;
        let old = &self.setup.config;
        let same_but_eta = {
            let strip = |c: &LossConfig| {
                let mut c = c.clone();
                for r in &mut c.runs {
                    r.params.retain(|(k, _)| k != "eta");
                }
                c
            };
            strip(old) == strip(config) && runs.len() == self.race.runs.len()
        };
        if setup.problem != self.setup.problem || setup.window != self.setup.window {
            self.cache.generation += 1;
        }
        if same_but_eta {
            for (i, o) in runs.iter().enumerate() {
                let eta = o.eta();
                self.race.runs[i].set_eta(eta);
                if let Some(g) = &mut self.ghost {
                    g.runs[i].set_eta(eta);
                }
            }
            self.setup = setup;
            return Ok(());
        }
        self.problem = Rc::new(setup.problem.clone());
        let (race, ghost) = races(&setup, &self.problem, runs);
        self.race = race;
        self.ghost = ghost;
        self.setup = setup;
        Ok(())
    }

    /// Up to `n` steps of every run; returns how many the race took (fewer when all stopped).
    pub fn step(&mut self, n: usize) -> usize {
        let mut taken = 0;
        while taken < n && self.race.step() {
            if let Some(g) = &mut self.ghost {
                g.step();
            }
            taken += 1;
        }
        taken
    }

    pub fn back(&mut self) -> bool {
        let t = self.race.step_count();
        let moved = self.race.back();
        if let Some(g) = &mut self.ghost {
            if self.race.step_count() < t {
                g.back();
            }
        }
        moved
    }

    pub fn reset(&mut self) {
        self.race.reset();
        if let Some(g) = &mut self.ghost {
            g.reset();
        }
    }

    /// Every run's numbers.
    pub fn readouts(&self) -> Vec<RunReadout> {
        self.race
            .runs
            .iter()
            .map(|r| {
                let readout = r.readout();
                let pass = match &*self.problem {
                    Problem::Neuron(n) => {
                        let i = readout.next.batch.first().copied().filter(|&i| i < n.data.len()).unwrap_or(0);
                        Some((i, n.data.x()[i], n.data.t()[i], n.pass(i, readout.point[0], readout.point[1])))
                    }
                    Problem::Surface(_) => None,
                };
                RunReadout { optimizer: r.optimizer().name(), hyper: r.optimizer().hyper(), readout, pass }
            })
            .collect()
    }

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

    /// Run `run`'s steps as rows `t, w, b, L, g_w, g_b, Δw, Δb` (the latest
    /// [`MAX_EXPORT_ROWS`]), then the current point with its loss and the move to come.
    pub fn rows(&self, run: usize) -> Vec<[f64; 8]> {
        let Some(r) = self.race.runs.get(run) else { return Vec::new() };
        let mut rows = Vec::new();
        let problem = &self.problem;
        r.replay(MAX_EXPORT_ROWS - 1, |t, p, m| {
            rows.push([t as f64, p[0], p[1], problem.value(p), m.grad[0], m.grad[1], m.delta[0], m.delta[1]])
        });
        let now = r.readout();
        let p = now.point;
        rows.push([
            now.step as f64,
            p[0],
            p[1],
            now.loss,
            now.next.grad[0],
            now.next.grad[1],
            now.next.delta[0],
            now.next.delta[1],
        ]);
        rows
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
                let (trails, next, ghosts) = self.paths(view.hide_next);
                let mut paths: Vec<Path> = ghosts
                    .iter()
                    .enumerate()
                    .map(|(i, g)| Path { points: g, next: None, colour: d::run_colour(i), ghost: true })
                    .collect();
                paths.extend(trails.iter().zip(&next).enumerate().map(|(i, (t, n))| Path {
                    points: t,
                    next: *n,
                    colour: d::run_colour(i),
                    ghost: false,
                }));
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
                let (trails, next, ghosts) = self.paths(view.hide_next);
                let mut paths: Vec<Path> = ghosts
                    .iter()
                    .enumerate()
                    .map(|(i, g)| Path { points: g, next: None, colour: d::run_colour(i), ghost: true })
                    .collect();
                paths.extend(trails.iter().zip(&next).enumerate().map(|(i, (t, n))| Path {
                    points: t,
                    next: *n,
                    colour: d::run_colour(i),
                    ghost: false,
                }));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::Param;

    #[test]
    fn the_default_is_the_article_and_the_neuron_reproduces_it() {
        let mut s = LossScene::new(&LossConfig::default()).expect("default");
        assert_eq!(s.race().runs.len(), 1);
        assert_eq!(s.step(3), 3);
        let r = &s.readouts()[0];
        assert_eq!(r.readout.step, 3);
        assert_eq!(r.optimizer, "sgd");
        assert!(r.pass.is_some());
    }

    #[test]
    fn only_eta_changed_keeps_the_point() {
        let mut s = LossScene::new(&LossConfig::default()).expect("default");
        s.step(4);
        let mut c = LossConfig::default();
        c.runs[0].params = vec![("eta".into(), Param::Num(0.5))];
        s.configure(&c).expect("eta");
        assert_eq!(s.race().step_count(), 4);
        assert_eq!(s.race().runs[0].eta(), 0.5);
        c.range = 3.0;
        s.configure(&c).expect("range");
        assert_eq!(s.race().step_count(), 0, "a new window starts again");
    }

    #[test]
    fn bad_settings_are_refused_whole() {
        let mut s = LossScene::new(&LossConfig::default()).expect("default");
        s.step(2);
        let bad = [
            LossConfig { activation: "relu".into(), loss: "bce".into(), ..LossConfig::default() },
            LossConfig { surface: "mountain".into(), ..LossConfig::default() },
            LossConfig { start: Some([5.0, 0.0]), ..LossConfig::default() },
            LossConfig { range: f64::NAN, ..LossConfig::default() },
            LossConfig { data: vec![1.0], ..LossConfig::default() },
            LossConfig { runs: vec![], ..LossConfig::default() },
            LossConfig { batch: 1e9, ..LossConfig::default() },
        ];
        for c in bad {
            assert!(s.configure(&c).is_err(), "{c:?}");
            assert_eq!(s.race().step_count(), 2, "nothing changed");
        }
    }

    #[test]
    fn every_figure_draws_for_a_race_on_each_surface() {
        for name in surface_names() {
            let c = LossConfig {
                surface: name.into(),
                start: None,
                runs: vec![
                    RunSpec { name: "sgd".into(), params: vec![("eta".into(), Param::Num(0.01))] },
                    RunSpec { name: "sgd".into(), params: vec![("eta".into(), Param::Num(0.001))] },
                ],
                ..LossConfig::default()
            };
            let mut s = LossScene::new(&c).expect(name);
            s.step(5);
            let words = Words {
                x: "x".into(),
                y: "y".into(),
                loss: "loss".into(),
                step: "step".into(),
                loss_log: "log".into(),
                runs: vec!["a".into(), "b".into()],
            };
            let view = View {
                style: Style::default(),
                cmap: ColorMap::Viridis,
                words: &words,
                hide_next: false,
                guess: None,
                angle: Angle::default(),
                log_chart: true,
            };
            for f in [Figure::Map, Figure::Paths, Figure::Surface, Figure::Chart, Figure::Legend] {
                let r = s.draw(f, 600, 500, &view).expect("draws");
                assert!(!r.ops.is_empty(), "{name} {f:?}");
            }
            assert!(s.contour_count() > 0, "{name} has contours");
        }
    }
}
