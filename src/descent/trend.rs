//! The trend of a descent: how it is going, read off its recent losses and moves, for a
//! message in words.

/// How the descent is going, read off its recent losses and moves, for a message in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    /// Fewer than two points yet.
    Start,
    /// The loss goes down.
    Descending,
    /// At the bottom: the loss is at the lowest the window shows and the steps are tiny.
    Converged,
    /// The gradient is exactly zero above the bottom: nothing can move (a step activation, a
    /// dead ReLU region, a flat top).
    ZeroGradient,
    /// Tiny steps and an almost flat loss above the bottom: a plateau.
    Plateau,
    /// The loss goes up and down from step to step: the steps overshoot (η too large).
    Oscillating,
    /// The loss goes up and down because each step sees a different mini-batch.
    Noisy,
    /// The loss has risen for several steps in a row.
    Rising,
}

/// What the trend is read from.
pub struct Evidence<'a> {
    /// The full loss at the last few points, oldest first, the current point last.
    pub losses: &'a [f64],
    /// Whether the gradient at the current point is exactly zero.
    pub grad_zero: bool,
    /// The length of the step to come.
    pub next_move: f64,
    /// The lowest and highest loss over the window.
    pub range: (f64, f64),
    /// The widest side of the window.
    pub span: f64,
    /// Whether steps see mini-batches (their loss is noisy).
    pub stochastic: bool,
}

/// The trend of a descent, from the evidence:
/// - at the bottom (`L − L_min ≤ 10⁻³·(L_max − L_min)` with a step to come under `10⁻⁶·span`, or
///   `L − L_min ≤ 10⁻⁹·(L_max − L_min)`): converged;
/// - a gradient of exactly zero above the bottom: zero gradient;
/// - the loss went up at least twice in the last steps, changing direction at least three times:
///   oscillating (noisy with mini-batches);
/// - up at each of the last three steps: rising;
/// - above `10⁻²·(L_max − L_min)` from the bottom, falling so slowly that at the pace of the last
///   steps it would take more than 300 more to get there: a plateau;
/// - otherwise descending.
pub fn trend(e: &Evidence) -> Trend {
    let Some(&now) = e.losses.last() else { return Trend::Start };
    let (lo, hi) = e.range;
    let height = (hi - lo).max(f64::MIN_POSITIVE);
    let above = now - lo;
    if above <= 1e-9 * height || (above <= 1e-3 * height && e.next_move <= 1e-6 * e.span) {
        return Trend::Converged;
    }
    if e.grad_zero {
        return Trend::ZeroGradient;
    }
    if e.losses.len() < 2 {
        return Trend::Start;
    }
    let diffs: Vec<f64> = e.losses.windows(2).map(|w| w[1] - w[0]).collect();
    let ups = diffs.iter().filter(|&&d| d > 0.0).count();
    let turns = diffs.windows(2).filter(|w| (w[0] > 0.0) != (w[1] > 0.0) && w[0] != 0.0 && w[1] != 0.0).count();
    if ups >= 2 && turns >= 3 {
        return if e.stochastic { Trend::Noisy } else { Trend::Oscillating };
    }
    if diffs.len() >= 3 && diffs[diffs.len() - 3..].iter().all(|&d| d > 0.0) {
        return Trend::Rising;
    }
    let pace = (e.losses[0] - now) / (e.losses.len() - 1) as f64;
    if e.losses.len() >= 4 && above > 1e-2 * height && pace * 300.0 < above {
        return Trend::Plateau;
    }
    Trend::Descending
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(losses: &[f64]) -> Evidence<'_> {
        Evidence { losses, grad_zero: false, next_move: 0.1, range: (0.0, 1.0), span: 4.0, stochastic: false }
    }

    #[test]
    fn trends() {
        assert_eq!(trend(&ev(&[])), Trend::Start);
        assert_eq!(trend(&ev(&[0.5])), Trend::Start);
        assert_eq!(trend(&ev(&[0.5, 0.4, 0.3])), Trend::Descending);
        assert_eq!(trend(&ev(&[0.5, 0.1, 0.4, 0.1, 0.4, 0.1])), Trend::Oscillating);
        assert_eq!(trend(&Evidence { stochastic: true, ..ev(&[0.5, 0.1, 0.4, 0.1, 0.4, 0.1]) }), Trend::Noisy);
        assert_eq!(trend(&ev(&[0.1, 0.2, 0.3, 0.4])), Trend::Rising);
        assert_eq!(trend(&ev(&[0.3, 0.3, 0.3, 0.3])), Trend::Plateau);
        // Falling, but 1e-4 a step with 0.3 to go: thousands of steps at this pace.
        assert_eq!(trend(&ev(&[0.3004, 0.3003, 0.3002, 0.3001])), Trend::Plateau);
        assert_eq!(trend(&ev(&[0.4, 0.3, 0.2, 0.1])), Trend::Descending);
        assert_eq!(trend(&Evidence { grad_zero: true, ..ev(&[0.3, 0.3]) }), Trend::ZeroGradient);
        assert_eq!(trend(&Evidence { next_move: 1e-9, ..ev(&[1e-4, 1e-4]) }), Trend::Converged);
        assert_eq!(trend(&Evidence { grad_zero: true, ..ev(&[0.0]) }), Trend::Converged, "zero gradient at the bottom");
    }
}
