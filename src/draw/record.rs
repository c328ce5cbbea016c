//! A drawing backend that records what plotters draws as a list of operations (numbers) and
//! texts, for the page to replay on a `<canvas>` (`www/replay.js`).
//!
//! Why not draw on the canvas from Rust (plotters-canvas): a call into the page that throws
//! (a canvas whose getter throws, a context method replaced by the page) would unwind through the
//! wasm frames and leave the panel borrowed for ever; every colour and font would be formatted as
//! text in Rust (which links Rust's float formatting); and each canvas call would cross the
//! boundary. Recorded, a figure crosses once, Rust never calls the page while it draws, and the
//! page formats colours and fonts.
//!
//! Each operation is a code followed by its numbers (device pixels, colours packed as
//! `r·2²⁴ + g·2¹⁶ + b·2⁸ + a`, `a` in 0…255):
//!
//! | code | operation | numbers |
//! |---|---|---|
//! | 1 | stroke a segment | colour, width, x₀, y₀, x₁, y₁ |
//! | 2 | stroke a polyline | colour, width, n, then n points x, y |
//! | 3 | fill a polygon | colour, n, then n points |
//! | 4 | rectangle | colour, fill (0/1), width, x₀, y₀, x₁, y₁ |
//! | 5 | circle | colour, fill (0/1), width, x, y, r |
//! | 6 | text | colour, size (px), h (0 left, 1 centre, 2 right), v (0 top, 1 middle, 2 bottom), quarter turns clockwise, x, y, index into the texts |
//! | 7 | pixel | colour, x, y |
//! | 8 | image | id, x, y, w, h (id 0: the panel's cached heatmap, stretched; id k ≥ 1: image k − 1 of the record, one pixel a device pixel) |

use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontTransform};
use std::cell::RefCell;

pub const LINE: f64 = 1.0;
pub const PATH: f64 = 2.0;
pub const POLYGON: f64 = 3.0;
pub const RECT: f64 = 4.0;
pub const CIRCLE: f64 = 5.0;
pub const TEXT: f64 = 6.0;
pub const PIXEL: f64 = 7.0;
pub const IMAGE: f64 = 8.0;

/// An RGBA image to put at one pixel a device pixel.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Image {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

/// What a figure's drawing recorded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record {
    pub ops: Vec<f64>,
    pub texts: Vec<String>,
    pub images: Vec<Image>,
}

impl Record {
    /// An image op: `id` 0 for the cached heatmap, or this RGBA image added to the record.
    pub fn image(&mut self, x: i32, y: i32, w: i32, h: i32, pixels: Option<Image>) {
        let id = match pixels {
            Some(img) => {
                self.images.push(img);
                self.images.len() as f64
            }
            None => 0.0,
        };
        self.ops.extend_from_slice(&[IMAGE, id, x as f64, y as f64, w as f64, h as f64]);
    }
}

/// The backend: `width × height` device pixels, recording into a shared [`Record`] (shared so
/// the caller can add images between plotters' own operations).
pub struct Recorder<'a> {
    pub width: u32,
    pub height: u32,
    pub out: &'a RefCell<Record>,
}

/// A colour packed into one exact number.
pub fn pack(c: BackendColor) -> f64 {
    let (r, g, b) = c.rgb;
    let a = (crate::num::clamp(c.alpha, 0.0, 1.0) * 255.0).round() as u32;
    ((r as u32) << 24 | (g as u32) << 16 | (b as u32) << 8 | a) as f64
}

/// The advance width of a character of sans-serif type, in ems: the wider of Arial's and DejaVu
/// Sans's (the page asks for `system-ui`, which is DejaVu Sans on most Linux desktops and runs
/// ~20 % wider than Arial: measured on Arial alone, a label's box left its end uncovered). What
/// plotters needs to lay out labels, without asking the page; on narrower fonts a box is a
/// little roomy, never short.
fn advance(c: char) -> f64 {
    match c {
        '\'' | 'i' | 'j' | 'l' => 0.278,
        ' ' | '.' | ',' | ':' | ';' | '|' | '/' => 0.337,
        'I' | '(' | ')' | '[' | ']' | '-' | 'f' => 0.39,
        't' | 'r' | '!' => 0.411,
        '0'..='9' | '$' | '_' | '?' => 0.636,
        'm' | 'M' | 'W' | '%' => 0.989,
        'w' => 0.818,
        'A'..='Z' => 0.775,
        '−' | '×' | '+' | '=' | '<' | '>' | '±' => 0.838,
        '⁰'..='⁹' | '¹' | '²' | '³' | '⁻' => 0.401,
        c if c.is_ascii() => 0.635,
        c if (c as u32) >= 0x3000 => 1.0, // CJK: a full em
        _ => 0.7,
    }
}

/// The size of `text` at `size` px: `(Σ advances·size, size)`.
pub fn text_size(text: &str, size: f64) -> (u32, u32) {
    let w: f64 = text.chars().map(advance).sum::<f64>() * size;
    (w.ceil().max(0.0) as u32, size.ceil().max(0.0) as u32)
}

impl DrawingBackend for Recorder<'_> {
    type ErrorType = std::convert::Infallible;

    fn get_size(&self) -> (u32, u32) {
        (self.width, self.height)
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if c.alpha > 0.0 {
            self.out.borrow_mut().ops.extend_from_slice(&[PIXEL, pack(c), p.0 as f64, p.1 as f64]);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if s.color().alpha > 0.0 {
            let (a, b) = crisp(a, b);
            self.out.borrow_mut().ops.extend_from_slice(&[
                LINE,
                pack(s.color()),
                s.stroke_width() as f64,
                a.0,
                a.1,
                b.0,
                b.1,
            ]);
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if s.color().alpha > 0.0 {
            self.out.borrow_mut().ops.extend_from_slice(&[
                RECT,
                pack(s.color()),
                fill as u8 as f64,
                s.stroke_width() as f64,
                a.0 as f64,
                a.1 as f64,
                b.0 as f64,
                b.1 as f64,
            ]);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if s.color().alpha > 0.0 {
            let mut out = self.out.borrow_mut();
            out.ops.extend_from_slice(&[PATH, pack(s.color()), s.stroke_width() as f64, 0.0]);
            let at = out.ops.len() - 1;
            let mut n = 0usize;
            for p in path {
                out.ops.extend_from_slice(&[p.0 as f64, p.1 as f64]);
                n += 1;
            }
            out.ops[at] = n as f64;
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if s.color().alpha > 0.0 {
            let mut out = self.out.borrow_mut();
            out.ops.extend_from_slice(&[POLYGON, pack(s.color()), 0.0]);
            let at = out.ops.len() - 1;
            let mut n = 0usize;
            for p in path {
                out.ops.extend_from_slice(&[p.0 as f64, p.1 as f64]);
                n += 1;
            }
            out.ops[at] = n as f64;
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if s.color().alpha > 0.0 {
            self.out.borrow_mut().ops.extend_from_slice(&[
                CIRCLE,
                pack(s.color()),
                fill as u8 as f64,
                s.stroke_width() as f64,
                c.0 as f64,
                c.1 as f64,
                r as f64,
            ]);
        }
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        s: &T,
        p: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let c = s.color();
        if c.alpha <= 0.0 || text.is_empty() {
            return Ok(());
        }
        let h = match s.anchor().h_pos {
            HPos::Left => 0.0,
            HPos::Center => 1.0,
            HPos::Right => 2.0,
        };
        let v = match s.anchor().v_pos {
            VPos::Top => 0.0,
            VPos::Center => 1.0,
            VPos::Bottom => 2.0,
        };
        let turns = match s.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 1.0,
            FontTransform::Rotate180 => 2.0,
            FontTransform::Rotate270 => 3.0,
        };
        let mut out = self.out.borrow_mut();
        let index = out.texts.len() as f64;
        out.texts.push(text.to_string());
        out.ops.extend_from_slice(&[TEXT, pack(c), s.size(), h, v, turns, p.0 as f64, p.1 as f64, index]);
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        s: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        Ok(text_size(text, s.size()))
    }

    fn blit_bitmap(
        &mut self,
        p: BackendCoord,
        (w, h): (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        // plotters' bitmaps are RGB; the page wants RGBA.
        let rgba: Vec<u8> = src.chunks_exact(3).flat_map(|c| [c[0], c[1], c[2], 255]).collect();
        let img = Image { width: w, height: h, rgba };
        self.out.borrow_mut().image(p.0, p.1, w as i32, h as i32, Some(img));
        Ok(())
    }
}

/// A horizontal or vertical one-pixel line falls on a pixel row or column, not between two
/// (plotters-canvas does the same).
fn crisp(a: BackendCoord, b: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = ((a.0 as f64, a.1 as f64), (b.0 as f64, b.1 as f64));
    if a.0 == b.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if a.1 == b.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_what_plotters_draws() {
        let rec = RefCell::new(Record::default());
        {
            let root = Recorder { width: 100, height: 50, out: &rec }.into_drawing_area();
            root.fill(&RGBColor(10, 20, 30)).unwrap();
            root.draw(&PathElement::new(vec![(0, 0), (10, 5), (20, 0)], ShapeStyle::from(&RED).stroke_width(2)))
                .unwrap();
            root.draw(&Text::new("−0,5", (3, 4), ("sans-serif", 12.0).into_font())).unwrap();
        }
        let r = rec.into_inner();
        assert_eq!(
            &r.ops[..8],
            &[RECT, ((10u32 << 24 | 20 << 16 | 30 << 8 | 255) as f64), 1.0, 1.0, 0.0, 0.0, 100.0, 50.0]
        );
        assert_eq!(&r.ops[8..18], &[PATH, ((255u32 << 24 | 255) as f64), 2.0, 3.0, 0.0, 0.0, 10.0, 5.0, 20.0, 0.0]);
        assert_eq!(&r.ops[18..], &[TEXT, 255.0, 12.0, 0.0, 0.0, 0.0, 3.0, 4.0, 0.0]);
        assert_eq!(r.texts, ["−0,5"]);
        assert_eq!(text_size("10", 10.0), (13, 10));
    }
}
