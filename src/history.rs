//! A bounded history of states, so Step back works after any number of steps in bounded memory.
//!
//! It keeps the last `window` states exactly, plus a checkpoint every `every` steps (and wherever
//! the caller marks one, e.g. when η changes). A state older than the window is recomputed by
//! replaying from the nearest checkpoint before it; this is exact, bit for bit, because a step is
//! a deterministic function of the state (the state carries whatever the step depends on).
//! Memory: `window + steps/every` states.

use std::collections::VecDeque;

#[derive(Clone, Debug)]
pub struct History<S> {
    every: usize,
    window: usize,
    /// `(step, state)`, sorted by step; the first is step 0.
    checkpoints: Vec<(usize, S)>,
    /// The states of steps `recent_start ..= current`, never empty.
    recent: VecDeque<S>,
    recent_start: usize,
}

/// Exact states kept for recent steps.
pub const WINDOW: usize = 1024;
/// Steps between checkpoints.
pub const EVERY: usize = 256;

impl<S: Clone> History<S> {
    pub fn new(start: S) -> History<S> {
        History::with_sizes(start, EVERY, WINDOW)
    }

    pub fn with_sizes(start: S, every: usize, window: usize) -> History<S> {
        let mut recent = VecDeque::new();
        recent.push_back(start.clone());
        History { every: every.max(1), window: window.max(1), checkpoints: vec![(0, start)], recent, recent_start: 0 }
    }

    /// The current step `t` (0 at the start).
    pub fn step(&self) -> usize {
        self.recent_start + self.recent.len() - 1
    }

    pub fn current(&self) -> &S {
        // `recent` is never empty: every method that removes from it refills it.
        &self.recent[self.recent.len() - 1]
    }

    /// Change the current state in place by something replay could not redo (a new learning
    /// rate): `change` returns whether it changed anything, and a change makes the state a
    /// checkpoint, so replaying from it later starts from the changed state.
    pub fn amend(&mut self, change: impl FnOnce(&mut S) -> bool) {
        let last = self.recent.len() - 1;
        if change(&mut self.recent[last]) {
            self.mark();
        }
    }

    pub fn start(&self) -> &S {
        &self.checkpoints[0].1
    }

    /// The state after one more step.
    pub fn push(&mut self, s: S) {
        self.recent.push_back(s);
        let t = self.step();
        if t.is_multiple_of(self.every) {
            self.checkpoints.push((t, self.current().clone()));
        }
        if self.recent.len() > self.window {
            self.recent.pop_front();
            self.recent_start += 1;
        }
    }

    /// Make the current state a checkpoint (replacing one at the same step).
    pub fn mark(&mut self) {
        let t = self.step();
        let s = self.current().clone();
        match self.checkpoints.last_mut() {
            Some((k, old)) if *k == t => *old = s,
            _ => self.checkpoints.push((t, s)),
        }
    }

    /// Go back one step, replaying with `step` from a checkpoint when the window is used up.
    /// False at step 0.
    pub fn back(&mut self, step: impl Fn(&S) -> S) -> bool {
        let t = self.step();
        if t == 0 {
            return false;
        }
        let target = t - 1;
        if self.recent.len() >= 2 {
            self.recent.pop_back();
        } else {
            self.rebuild(target, step);
        }
        self.checkpoints.retain(|(k, _)| *k <= target);
        true
    }

    fn rebuild(&mut self, target: usize, step: impl Fn(&S) -> S) {
        let (mut k, mut s) = match self.checkpoints.iter().rev().find(|(k, _)| *k <= target) {
            Some((k, s)) => (*k, s.clone()),
            None => (0, self.start().clone()),
        };
        let from = (target + 1).saturating_sub(self.window).max(k);
        while k < from {
            s = step(&s);
            k += 1;
        }
        self.recent.clear();
        self.recent_start = from;
        self.recent.push_back(s.clone());
        while k < target {
            s = step(&s);
            k += 1;
            self.recent.push_back(s.clone());
        }
    }

    /// Back to step 0.
    pub fn reset(&mut self) {
        self.checkpoints.truncate(1);
        self.recent.clear();
        self.recent.push_back(self.checkpoints[0].1.clone());
        self.recent_start = 0;
    }

    /// The last `k` states of the exact window (the current one last), oldest first.
    pub fn last(&self, k: usize) -> impl Iterator<Item = &S> {
        self.recent.iter().skip(self.recent.len().saturating_sub(k))
    }

    /// States to draw, `(step, state)` in order: checkpoints older than the window, thinned to at
    /// most `max_old` evenly spread, then every state of the window.
    pub fn trail(&self, max_old: usize) -> Vec<(usize, &S)> {
        let old: Vec<&(usize, S)> = self.checkpoints.iter().filter(|(k, _)| *k < self.recent_start).collect();
        let stride = if max_old == 0 { usize::MAX } else { old.len().div_ceil(max_old).max(1) };
        let mut out: Vec<(usize, &S)> = old.iter().step_by(stride.max(1)).map(|(k, s)| (*k, s)).collect();
        out.extend(self.recent.iter().enumerate().map(|(i, s)| (self.recent_start + i, s)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: &u64) -> u64 {
        x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407)
    }

    #[test]
    fn back_is_exact_beyond_the_window() {
        let mut h = History::with_sizes(7u64, 5, 3);
        let mut all = vec![7u64];
        for _ in 0..40 {
            let next = f(h.current());
            h.push(next);
            all.push(next);
        }
        assert!(h.recent.len() <= 3 && h.checkpoints.len() <= 1 + 40 / 5);
        for t in (0..40).rev() {
            assert!(h.back(f));
            assert_eq!(h.step(), t);
            assert_eq!(*h.current(), all[t], "step {t}");
        }
        assert!(!h.back(f));
    }

    #[test]
    fn trail_keeps_the_window_and_thins_the_rest() {
        let mut h = History::with_sizes(0u64, 4, 10);
        for i in 1..=1000u64 {
            h.push(i);
        }
        let trail = h.trail(20);
        assert!(trail.len() <= 20 + 10);
        assert_eq!(trail.last().map(|(k, s)| (*k, **s)), Some((1000, 1000)));
        assert!(trail.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(trail[0].0, 0);
    }
}
