//! A race: several descents of one objective from one start, one per optimizer, stepped, stepped
//! back and reset together.

use super::Descent;
use crate::objective::Objective;

/// Several descents of one objective from one start, one per optimizer, moving together: Step,
/// Back and Reset apply to every run; a run that stops stays where it is while the others go on.
#[derive(Clone, Debug)]
pub struct Race<O, const N: usize> {
    pub runs: Vec<Descent<O, N>>,
    /// The race's step count: steps taken by the runs still going.
    t: usize,
}

impl<O: Objective<N>, const N: usize> Race<O, N> {
    pub fn new(runs: Vec<Descent<O, N>>) -> Self {
        Race { runs, t: 0 }
    }

    /// The race's step count `t` (a run that stopped earlier is behind it).
    pub fn step_count(&self) -> usize {
        self.t
    }

    /// One step of every run that is not stopped; false when none moved (all stopped).
    pub fn step(&mut self) -> bool {
        let mut moved = false;
        for r in &mut self.runs {
            moved |= r.step().is_ok();
        }
        if moved {
            self.t += 1;
        }
        moved
    }

    /// One step back for the race: runs at step `t` go back, and a run that stopped trying to
    /// leave step `t − 1` or later is no longer stopped (it will try again). False at 0.
    pub fn back(&mut self) -> bool {
        if self.t == 0 {
            // Only stops to clear.
            let mut any = false;
            for r in &mut self.runs {
                if r.stop().is_some() {
                    any |= r.step_back();
                }
            }
            return any;
        }
        self.t -= 1;
        for r in &mut self.runs {
            if r.step_count() > self.t {
                if r.stop().is_some() {
                    r.step_back();
                }
                r.step_back();
            } else if r.stop().is_some() && r.step_count() >= self.t {
                r.step_back();
            }
        }
        true
    }

    pub fn reset(&mut self) {
        self.t = 0;
        for r in &mut self.runs {
            r.reset();
        }
    }

    /// Whether every run has stopped.
    pub fn all_stopped(&self) -> bool {
        self.runs.iter().all(|r| r.stop().is_some())
    }
}

#[cfg(test)]
mod race_tests {
    use super::*;
    use crate::data::Sampler;
    use crate::landscape::Interval;
    use crate::optim::{build, Hyper};
    use crate::parabola::Parabola;

    fn run(eta: f64, window: f64) -> Descent<Parabola, 1> {
        let opt = build("sgd", &[("eta", Hyper::Num(eta))]).expect("sgd");
        Descent::new(Parabola, [Interval::symmetric(window).expect("window")], [1.0], opt, Sampler::full(1))
    }

    #[test]
    fn a_stopped_run_waits_while_the_others_go_on_and_back_is_consistent() {
        // η = 1.6 diverges (×−2.2 a step) out of [−5, 5] after two steps; η = 0.1 goes on.
        let mut race = Race::new(vec![run(0.1, 5.0), run(1.6, 5.0)]);
        for _ in 0..5 {
            assert!(race.step());
        }
        assert_eq!(race.step_count(), 5);
        assert_eq!(race.runs[0].step_count(), 5);
        assert_eq!(race.runs[1].step_count(), 2);
        assert!(race.runs[1].stop().is_some());
        assert!(race.back());
        assert_eq!((race.step_count(), race.runs[0].step_count(), race.runs[1].step_count()), (4, 4, 2));
        assert!(race.runs[1].stop().is_some(), "it stopped at step 2, before 4");
        race.back();
        race.back();
        assert_eq!((race.step_count(), race.runs[0].step_count(), race.runs[1].step_count()), (2, 2, 2));
        assert!(race.runs[1].stop().is_none(), "back at the step it stopped from: it will try again");
        assert!(race.step());
        assert!(race.runs[1].stop().is_some());
        race.reset();
        assert_eq!((race.step_count(), race.runs[0].point(), race.runs[1].point()), (0, [1.0], [1.0]));
        assert!(!race.all_stopped());
    }
}
