//! How figures look: the theme's colours ([`Palette`]), the runs' colours, and the [`Style`]
//! (device-pixel ratio, palette, number style) every figure is drawn with.

use crate::num::{self, NumStyle};
use plotters::prelude::*;

/// The colours of a theme. The heatmap keeps the article's colour map in both.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub background: RGBColor,
    pub text: RGBColor,
    pub grid: RGBColor,
    /// The 3-D view's back panels.
    pub panel: RGBColor,
    pub contour: RGBColor,
    /// The halo drawn under paths and arrows so they show on any colour of the heatmap.
    pub halo: RGBColor,
    /// The next move's arrow.
    pub arrow: RGBColor,
    /// The curve of `y = x²` and the tangent.
    pub curve: RGBColor,
    pub tangent: RGBColor,
    /// A student's guess (predict mode).
    pub guess: RGBColor,
}

impl Palette {
    pub const LIGHT: Palette = Palette {
        background: RGBColor(255, 255, 255),
        text: RGBColor(30, 30, 30),
        grid: RGBColor(225, 225, 225),
        panel: RGBColor(246, 246, 246),
        contour: RGBColor(40, 40, 40),
        halo: RGBColor(255, 255, 255),
        arrow: RGBColor(0, 0, 0),
        curve: RGBColor(30, 30, 30),
        tangent: RGBColor(190, 50, 10),
        guess: RGBColor(200, 0, 160),
    };
    pub const DARK: Palette = Palette {
        background: RGBColor(24, 26, 30),
        text: RGBColor(232, 232, 232),
        grid: RGBColor(64, 68, 76),
        panel: RGBColor(36, 39, 45),
        contour: RGBColor(20, 20, 20),
        halo: RGBColor(255, 255, 255),
        arrow: RGBColor(0, 0, 0),
        curve: RGBColor(235, 235, 235),
        tangent: RGBColor(255, 140, 90),
        guess: RGBColor(255, 110, 230),
    };
}

/// Colours of the runs of a race, in order (Tableau 10 then 9 more, all distinct on white and on
/// dark grey; paths get a halo so they also show on every colour of the heatmap). A single run
/// uses the first, the article's blue.
pub const RUNS: [RGBColor; 19] = [
    RGBColor(20, 60, 200),
    RGBColor(230, 97, 1),
    RGBColor(26, 152, 80),
    RGBColor(215, 25, 28),
    RGBColor(117, 72, 180),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(100, 100, 100),
    RGBColor(160, 160, 20),
    RGBColor(23, 190, 207),
    RGBColor(0, 0, 0),
    RGBColor(255, 215, 0),
    RGBColor(0, 110, 110),
    RGBColor(180, 0, 90),
    RGBColor(120, 200, 60),
    RGBColor(90, 160, 255),
    RGBColor(255, 150, 150),
    RGBColor(100, 40, 0),
    RGBColor(190, 150, 255),
];

/// The colour of run `i` of a race.
pub fn run_colour(i: usize) -> RGBColor {
    RUNS[i % RUNS.len()]
}

/// How a figure is drawn: device pixels per CSS pixel, the theme's colours and the language's
/// way of writing numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    pub dpr: f64,
    pub palette: Palette,
    pub num: NumStyle,
}

impl Default for Style {
    fn default() -> Self {
        Style { dpr: 1.0, palette: Palette::LIGHT, num: NumStyle::default() }
    }
}

impl Style {
    /// A length of `css` CSS pixels in device pixels (at least 1).
    pub fn px(&self, css: f64) -> u32 {
        (css * self.dpr).round().max(1.0) as u32
    }
    /// A font of `css` CSS pixels in the text colour.
    pub fn font(&self, css: f64) -> TextStyle<'static> {
        // The family as a value, not the string "sans-serif" (parsing a name folds its case).
        (FontFamily::SansSerif, css * self.dpr).into_font().color(&self.palette.text)
    }
    /// A number for a label, 4 significant digits, in the language's style.
    pub fn number(&self, v: f64) -> String {
        num::format(v, 4, self.num)
    }
}
