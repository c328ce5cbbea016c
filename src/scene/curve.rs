//! The `y = x²` panel without web types: gradient descent on a curve of one parameter (the
//! article's `y = x²`, or the series' multi-well curve), its figure with the tangent and the
//! steps, and `|x_t|` (or the loss) over steps.

use super::{number, SetupError};
use crate::data::Sampler;
use crate::descent::{Descent, Readout};
use crate::draw::chart::{Series, StepChart};
use crate::draw::curve::{y_range, CurveLabels, CurveView};
use crate::draw::record::{Record, Recorder};
use crate::draw::{self as d, Style};
use crate::landscape::Interval;
use crate::objective::Objective;
use crate::optim::{Sgd, SgdConfig};
use crate::parabola::{predicted_abs, Parabola, Regime};
use crate::surface::Multiwell;
use std::cell::RefCell;

/// The curve descended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Curve {
    /// The article's `y = x²`.
    Parabola,
    /// The series' `−exp(−((x + 4)(x + 1)(x − 1)(x − 3)/14 + 0.5))`.
    Multiwell,
}

/// Every curve, by name.
pub const CURVES: [(&str, Curve); 2] = [("parabola", Curve::Parabola), ("multiwell", Curve::Multiwell)];

impl Objective<1> for Curve {
    fn value(&self, p: [f64; 1]) -> f64 {
        match self {
            Curve::Parabola => Parabola.value(p),
            Curve::Multiwell => Multiwell.value(p),
        }
    }
    fn gradient(&self, p: [f64; 1]) -> [f64; 1] {
        match self {
            Curve::Parabola => Parabola.gradient(p),
            Curve::Multiwell => Multiwell.gradient(p),
        }
    }
}

/// The panel's settings as the page gives them.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveConfig {
    pub curve: String,
    pub x0: f64,
    pub eta: f64,
    /// The figure: `x ∈ [−range, range]` (the multi-well curve keeps its own window when 0).
    pub range: f64,
}

impl Default for CurveConfig {
    fn default() -> Self {
        CurveConfig { curve: "parabola".into(), x0: 1.0, eta: 1.0, range: 2.5 }
    }
}

/// The numbers of the step to come, in the article's words.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveReadout {
    pub readout: Readout<1>,
    /// `f(x_t)`.
    pub y: f64,
    /// The regime of `1 − 2η` (y = x² only).
    pub regime: Option<Regime>,
}

/// The figures of the panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CurveFigure {
    Curve,
    Rate,
}

/// The words drawn, in the page's language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CurveWords {
    pub x: String,
    pub y: String,
    pub slope: String,
    pub step: String,
    /// The rate chart's axis name (`|x_t|` on y = x², the loss on other curves).
    pub rate: String,
}

type Points = Vec<(f64, f64)>;

/// The y = x² panel.
pub struct CurveScene {
    config: CurveConfig,
    curve: Curve,
    descent: Descent<Curve, 1>,
}

fn check(c: &CurveConfig) -> Result<(Curve, Interval, f64, f64), SetupError> {
    let curve = CURVES.iter().find(|(n, _)| n.eq_ignore_ascii_case(c.curve.trim())).map(|p| p.1).ok_or_else(|| {
        SetupError::Unknown { kind: "curve", given: c.curve.clone(), known: CURVES.iter().map(|p| p.0).collect() }
    })?;
    let window = match curve {
        Curve::Parabola => {
            let r = number("range", c.range, 0.5, 10.0)?;
            Interval { lo: -r, hi: r }
        }
        Curve::Multiwell => Multiwell.window(),
    };
    let eta = number("eta", c.eta, -0.5, 1.5)?;
    let x0 = number("x0", c.x0, window.lo, window.hi)?;
    Ok((curve, window, eta, x0))
}

impl CurveScene {
    pub fn new(config: &CurveConfig) -> Result<CurveScene, SetupError> {
        let (curve, window, eta, x0) = check(config)?;
        let opt = Box::new(Sgd::new(SgdConfig { eta }));
        Ok(CurveScene {
            config: config.clone(),
            curve,
            descent: Descent::new(curve, [window], [x0], opt, Sampler::full(1)),
        })
    }

    pub fn config(&self) -> &CurveConfig {
        &self.config
    }
    pub fn descent(&self) -> &Descent<Curve, 1> {
        &self.descent
    }

    /// New settings, all or nothing; a new η alone keeps the point, anything else starts again.
    pub fn configure(&mut self, config: &CurveConfig) -> Result<(), SetupError> {
        let (_, _, eta, _) = check(config)?;
        if (CurveConfig { eta: self.config.eta, ..config.clone() }) == self.config {
            self.descent.set_eta(eta);
            self.config = config.clone();
            return Ok(());
        }
        *self = CurveScene::new(config)?;
        Ok(())
    }

    pub fn step(&mut self, n: usize) -> usize {
        (0..n).take_while(|_| self.descent.step().is_ok()).count()
    }
    pub fn back(&mut self) -> bool {
        self.descent.step_back()
    }
    pub fn reset(&mut self) {
        self.descent.reset();
    }

    pub fn readout(&self) -> CurveReadout {
        let readout = self.descent.readout();
        let y = self.curve.value(readout.point);
        let regime = (self.curve == Curve::Parabola).then(|| Regime::of(self.descent.eta())).flatten();
        CurveReadout { readout, y, regime }
    }

    fn view(&self, width: u32, height: u32, style: Style) -> CurveView {
        let w = self.descent.window()[0];
        let curve = self.curve;
        let y = match curve {
            Curve::Parabola => Interval { lo: -0.08 * w.hi * w.hi, hi: 1.08 * w.hi * w.hi },
            Curve::Multiwell => y_range(&|x| curve.value([x]), w),
        };
        CurveView::new(width, height, style, w, y)
    }

    /// The `x` under device pixel column `px`, inside the window.
    pub fn locate(&self, width: u32, height: u32, dpr: f64, px: f64) -> f64 {
        let w = self.descent.window()[0];
        let x = self.view(width, height, Style { dpr, ..Style::default() }).to_x(px);
        if x.is_nan() {
            self.descent.start()[0]
        } else {
            crate::num::clamp(x, w.lo, w.hi)
        }
    }

    /// The device pixel of `(x, f(x))`.
    pub fn place(&self, width: u32, height: u32, dpr: f64, x: f64) -> (f64, f64) {
        self.view(width, height, Style { dpr, ..Style::default() }).to_pixel(x, self.curve.value([x]))
    }

    /// The steps as rows `t, x_t` (the latest [`super::loss::MAX_EXPORT_ROWS`]).
    pub fn rows(&self) -> Vec<[f64; 2]> {
        let mut rows = Vec::new();
        self.descent.replay(super::loss::MAX_EXPORT_ROWS - 1, |t, p, _| rows.push([t as f64, p[0]]));
        rows.push([self.descent.step_count() as f64, self.descent.point()[0]]);
        rows
    }

    /// Draw `figure`; `hide_next` hides the step to come (predict mode), `guess` marks a guess.
    #[allow(clippy::too_many_arguments)]
    pub fn draw(
        &self,
        figure: CurveFigure,
        width: u32,
        height: u32,
        style: Style,
        words: &CurveWords,
        hide_next: bool,
        guess: Option<f64>,
    ) -> Result<Record, d::DrawError> {
        let rec = RefCell::new(Record::default());
        let backend = Recorder { width, height, out: &rec };
        let curve = self.curve;
        let trail = self.descent.trail();
        match figure {
            CurveFigure::Curve => {
                let xs: Vec<f64> = trail.iter().map(|(_, p)| p[0]).collect();
                let next = (!hide_next && self.descent.stop().is_none()).then(|| self.descent.next_move().next[0]);
                let labels = CurveLabels { x: &words.x, y: &words.y, slope: &words.slope };
                self.view(width, height, style).draw(
                    backend,
                    &|x| curve.value([x]),
                    &|x| curve.gradient([x])[0],
                    &xs,
                    next,
                    guess,
                    &labels,
                )?
            }
            CurveFigure::Rate => {
                let (values, guide): (Points, Option<Points>) = match curve {
                    Curve::Parabola => {
                        let abs = trail.iter().map(|&(t, p)| (t as f64, p[0].abs())).collect();
                        let n = (self.descent.step_count() + 1).max(11);
                        let every = n.div_ceil(400);
                        let guide = predicted_abs(self.descent.start()[0], self.descent.eta(), n)
                            .into_iter()
                            .enumerate()
                            .step_by(every)
                            .map(|(t, v)| (t as f64, v))
                            .collect();
                        (abs, Some(guide))
                    }
                    Curve::Multiwell => (trail.iter().map(|&(t, p)| (t as f64, curve.value(p))).collect(), None),
                };
                let series = [Series { values: &values, colour: d::RUNS[0] }];
                let chart = StepChart {
                    x_name: &words.step,
                    y_name: &words.rate,
                    series: &series,
                    log: curve == Curve::Parabola,
                    guide: guide.as_deref(),
                };
                chart.draw(backend, style)?
            }
        }
        Ok(rec.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_articles_numbers_at_t0_then_the_bounce() {
        let mut s = CurveScene::new(&CurveConfig::default()).expect("default");
        let r = s.readout();
        assert_eq!(
            (r.readout.step, r.readout.point, r.readout.next.grad, r.readout.next.delta, r.readout.next.next),
            (0, [1.0], [2.0], [-2.0], [-1.0])
        );
        assert_eq!(r.regime, Some(Regime::Bounce));
        assert_eq!(s.step(3), 3);
        assert_eq!(s.descent().point(), [-1.0]);
        assert!(s.configure(&CurveConfig { eta: 2.0, ..CurveConfig::default() }).is_err());
        s.configure(&CurveConfig { eta: 0.5, ..CurveConfig::default() }).expect("eta");
        assert_eq!(s.descent().step_count(), 3, "a new η keeps the point");
        assert_eq!(s.readout().readout.next.next, [0.0]);
    }

    #[test]
    fn the_multiwell_curve_draws() {
        let mut s = CurveScene::new(&CurveConfig { curve: "multiwell".into(), x0: 3.5, eta: 0.1, range: 0.0 })
            .expect("multiwell");
        s.step(10);
        let w = CurveWords::default();
        for f in [CurveFigure::Curve, CurveFigure::Rate] {
            assert!(!s.draw(f, 600, 372, Style::default(), &w, false, Some(1.0)).expect("draws").ops.is_empty());
        }
    }
}
