//! The loss-space panel without web types: the neuron's loss (or a test surface) over a window,
//! one or several optimizers racing from one start, mini-batches, and its four figures (the map,
//! the trajectories above it, the 3-D surface, the loss over steps) recorded for the page.
//!
//! Here: the scene, its runs (stepping, back, reset), readouts and export rows. The settings and
//! their checks are in `loss/setup.rs`, the figures and the map's cache in `loss/figures.rs`.

use super::SetupError;
use crate::colormap::ColorMap;
use crate::data::Sampler;
use crate::descent::{Descent, Race, Readout};
use crate::draw::map::Contour;
use crate::landscape::Interval;
use crate::neuron::Pass;
use crate::objective::Objective;
use crate::optim::Hyper;
use std::rc::Rc;

mod figures;
mod setup;
pub use figures::{Figure, View, Words, CONTOUR_SAMPLES, MAX_LEVELS, SURFACE_LEVELS};
pub use setup::{surface_names, LossConfig, LossSetup, Problem};

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

/// The loss-space panel.
pub struct LossScene {
    setup: LossSetup,
    problem: Rc<Problem>,
    race: Race<Rc<Problem>, 2>,
    /// The full-batch runs beside stochastic ones (none when every step sees every sample).
    ghost: Option<Race<Rc<Problem>, 2>>,
    cache: Cache,
}

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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::surface::Angle;
    use crate::draw::Style;
    use crate::scene::{Param, RunSpec};

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
