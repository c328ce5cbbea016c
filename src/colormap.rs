//! Colour maps for the heatmap: the article's matplotlib "autumn" and the colour-blind-safe
//! "viridis".

/// A map from `t ∈ [0, 1]` to a colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorMap {
    /// matplotlib's `autumn`: `(1, t, 0)`, red at the lowest loss to yellow at the highest.
    Autumn,
    /// matplotlib's `viridis` (perceptually uniform, colour-blind safe), dark purple to yellow.
    Viridis,
}

/// viridis sampled at `t = 0, 1/16, …, 1` (matplotlib's `_viridis_data`).
const VIRIDIS: [[u8; 3]; 17] = [
    [68, 1, 84],
    [72, 24, 106],
    [71, 45, 123],
    [66, 64, 134],
    [59, 82, 139],
    [51, 99, 141],
    [44, 114, 142],
    [38, 130, 142],
    [33, 145, 140],
    [31, 160, 136],
    [40, 174, 128],
    [63, 188, 115],
    [94, 201, 98],
    [132, 212, 75],
    [173, 220, 48],
    [216, 226, 25],
    [253, 231, 37],
];

impl ColorMap {
    /// Parse a name (`"autumn"` or `"viridis"`).
    pub fn from_name(name: &str) -> Option<ColorMap> {
        match name {
            "autumn" => Some(ColorMap::Autumn),
            "viridis" => Some(ColorMap::Viridis),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ColorMap::Autumn => "autumn",
            ColorMap::Viridis => "viridis",
        }
    }

    /// The map at 256 evenly spaced points, as RGBA: entry `k` is `rgb(k/255)`.
    pub fn table(self) -> [[u8; 4]; 256] {
        let mut t = [[0, 0, 0, 255]; 256];
        for (k, e) in t.iter_mut().enumerate() {
            let [r, g, b] = self.rgb(k as f64 / 255.0);
            *e = [r, g, b, 255];
        }
        t
    }

    /// The colour at `t`, clamped to `[0, 1]` (NaN maps to 0).
    pub fn rgb(self, t: f64) -> [u8; 3] {
        let t = if t.is_nan() { 0.0 } else { crate::num::clamp(t, 0.0, 1.0) };
        match self {
            ColorMap::Autumn => [255, (t * 255.0).round() as u8, 0],
            ColorMap::Viridis => {
                let x = t * (VIRIDIS.len() - 1) as f64;
                let i = (x.floor() as usize).min(VIRIDIS.len() - 2);
                let f = x - i as f64;
                let (a, b) = (VIRIDIS[i], VIRIDIS[i + 1]);
                let mix = |k: usize| (a[k] as f64 + f * (b[k] as f64 - a[k] as f64)).round() as u8;
                [mix(0), mix(1), mix(2)]
            }
        }
    }
}
