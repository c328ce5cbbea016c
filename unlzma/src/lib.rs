//! Raw LZMA decoded, for the browser: descent's wasm module travels as LZMA (xtask/src/pack.rs),
//! which is ~17 % smaller than the same bytes gzipped, and browsers inflate only gzip and deflate.
//! This crate is compiled to a wasm module of its own (~2 KB) that the glue carries and runs.
//!
//! The decoder of the LZMA specification, with the whole output as its dictionary: no header and
//! no end marker; the caller knows the size and the literal and position settings.
#![cfg_attr(target_arch = "wasm32", no_std)]

#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

const IS_MATCH: usize = 0;
const IS_REP: usize = 192;
const IS_REP_G0: usize = 204;
const IS_REP_G1: usize = 216;
const IS_REP_G2: usize = 228;
const IS_REP0_LONG: usize = 240;
const POS_SLOT: usize = 432;
const POS: usize = 688;
const ALIGN: usize = 803;
const LEN: usize = 819;
const REP_LEN: usize = 1333;
const LITERAL: usize = 1847;
/// Room for the probabilities with `lc + lp ≤ 4`.
pub const PROBS: usize = LITERAL + (0x300 << 4);

/// Why a stream could not be decoded.
#[derive(Debug, PartialEq)]
pub enum Damaged {
    /// `lc + lp` above 4, or `pb` above 4.
    Settings,
    /// The stream ends before the output is complete.
    Short,
    /// A match copies from before the start of the output.
    Distance,
}

/// The range decoder and the adaptive probabilities (11-bit, ½ at the start). Reading past the
/// end of the stream gives zeros and sets `short`, which `decode` checks once it is done: no
/// `Result` on the bit path, and every step inlined into `decode`, so that the decoder's state
/// stays in locals. (V8 runs this cold, in its baseline compiler, which keeps locals in
/// registers but pays for every call and every load through a pointer: the decode took 15 ms in
/// Chromium with a call per bit, and the page waits for it. BENCHMARKS.md.)
struct Range<'a> {
    src: &'a [u8],
    at: usize,
    range: u32,
    code: u32,
    short: bool,
    p: &'a mut [u16],
}

impl Range<'_> {
    /// What a distance before the start means: a stream that ended (its zeros decode to such
    /// distances), or one that was changed.
    fn damage(&self) -> Damaged {
        if self.short {
            Damaged::Short
        } else {
            Damaged::Distance
        }
    }

    #[inline(always)]
    fn normalize(&mut self) {
        if self.range < 1 << 24 {
            self.range <<= 8;
            let b = match self.src.get(self.at) {
                Some(&b) => b,
                None => {
                    self.short = true;
                    0
                }
            };
            self.at += 1;
            self.code = (self.code << 8) | u32::from(b);
        }
    }

    /// One bit with the probability `p[i]` that it is 0, which then adapts by 1/32.
    #[inline(always)]
    fn bit(&mut self, i: usize) -> u32 {
        debug_assert!(i < self.p.len());
        // SAFETY: every index the decoder asks for is below `LITERAL + 0x300 << (lc + lp)`, the
        // length of `p`, by construction: the state is below 12, the position state below
        // `1 << pb` ≤ 16, a tree's node below `1 << bits`, a literal's context below
        // `0x300 << (lc + lp)`. No input can change that, only the settings, checked in `decode`.
        // (Checked indexing would bring core's panic formatting into the wasm module, ~2 KB.)
        let p = unsafe { self.p.get_unchecked_mut(i) };
        let q = u32::from(*p);
        let bound = (self.range >> 11) * q;
        let b = if self.code < bound {
            self.range = bound;
            *p = (q + ((2048 - q) >> 5)) as u16;
            0
        } else {
            self.range -= bound;
            self.code -= bound;
            *p = (q - (q >> 5)) as u16;
            1
        };
        self.normalize();
        b
    }

    /// `bits` bits, most significant first, through a binary tree of probabilities at `base`.
    #[inline(always)]
    fn tree(&mut self, base: usize, bits: u32) -> u32 {
        let mut m = 1u32;
        for _ in 0..bits {
            m = (m << 1) | self.bit(base + m as usize);
        }
        m - (1 << bits)
    }

    /// `bits` bits, least significant first, through a tree at `base`.
    #[inline(always)]
    fn reverse(&mut self, base: usize, bits: u32) -> u32 {
        let (mut m, mut s) = (1u32, 0u32);
        for i in 0..bits {
            let b = self.bit(base + m as usize);
            m = (m << 1) | b;
            s |= b << i;
        }
        s
    }

    /// `bits` bits of equal probability.
    #[inline(always)]
    fn direct(&mut self, bits: u32) -> u32 {
        let mut s = 0u32;
        for _ in 0..bits {
            self.range >>= 1;
            let b = u32::from(self.code >= self.range);
            if b == 1 {
                self.code -= self.range;
            }
            s = (s << 1) | b;
            self.normalize();
        }
        s
    }

    /// A match length less 2.
    #[inline(always)]
    fn length(&mut self, base: usize, pos_state: usize) -> u32 {
        if self.bit(base) == 0 {
            return self.tree(base + 2 + pos_state * 8, 3);
        }
        if self.bit(base + 1) == 0 {
            return 8 + self.tree(base + 130 + pos_state * 8, 3);
        }
        16 + self.tree(base + 258, 8)
    }
}

/// Decode the raw LZMA stream `src` into all of `dst`, with literal context `lc`, literal position
/// `lp` and position bits `pb`; `probs` holds at least [`PROBS`] values.
pub fn decode(src: &[u8], dst: &mut [u8], lc: u32, lp: u32, pb: u32, probs: &mut [u16]) -> Result<(), Damaged> {
    if lc + lp > 4 || pb > 4 {
        return Err(Damaged::Settings);
    }
    let p = probs.get_mut(..LITERAL + (0x300 << (lc + lp))).ok_or(Damaged::Settings)?;
    p.fill(1024);
    let Some(&[_, a, b, c, d]) = src.get(..5) else { return Err(Damaged::Short) };
    let code = u32::from_be_bytes([a, b, c, d]);
    let mut r = Range { src, at: 5, range: u32::MAX, code, short: false, p };
    let size = dst.len();
    let (pos_mask, lit_mask) = ((1usize << pb) - 1, (1usize << lp) - 1);
    let (mut state, mut rep0, mut rep1, mut rep2, mut rep3, mut pos) = (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    while pos < size {
        let pos_state = pos & pos_mask;
        if r.bit(IS_MATCH + (state << 4) + pos_state) == 0 {
            let prev = usize::from(dst.get(pos.wrapping_sub(1)).copied().unwrap_or(0));
            let base = LITERAL + 0x300 * (((pos & lit_mask) << lc) + (prev >> (8 - lc)));
            let mut s = 1usize;
            if state >= 7 {
                let mut matched = usize::from(*dst.get(pos.wrapping_sub(rep0 + 1)).ok_or_else(|| r.damage())?);
                loop {
                    let mb = (matched >> 7) & 1;
                    matched <<= 1;
                    let b = r.bit(base + ((1 + mb) << 8) + s) as usize;
                    s = (s << 1) | b;
                    if mb != b || s >= 0x100 {
                        break;
                    }
                }
            }
            while s < 0x100 {
                s = (s << 1) | r.bit(base + s) as usize;
            }
            if let Some(d) = dst.get_mut(pos) {
                *d = (s - 0x100) as u8;
            }
            pos += 1;
            state = if state < 4 {
                0
            } else if state < 10 {
                state - 3
            } else {
                state - 6
            };
            continue;
        }
        let len;
        if r.bit(IS_REP + state) == 0 {
            rep3 = rep2;
            rep2 = rep1;
            rep1 = rep0;
            len = r.length(LEN, pos_state);
            state = if state < 7 { 7 } else { 10 };
            let slot = r.tree(POS_SLOT + ((len.min(3) as usize) << 6), 6);
            if slot < 4 {
                rep0 = slot as usize;
            } else {
                let bits = (slot >> 1) - 1;
                let mut d = (2 | (slot & 1)) << bits;
                if slot < 14 {
                    d += r.reverse(POS + d as usize - slot as usize, bits);
                } else {
                    d += (r.direct(bits - 4) << 4) + r.reverse(ALIGN, 4);
                }
                rep0 = d as usize;
            }
        } else {
            if r.bit(IS_REP_G0 + state) == 0 {
                if r.bit(IS_REP0_LONG + (state << 4) + pos_state) == 0 {
                    state = if state < 7 { 9 } else { 11 };
                    let byte = *dst.get(pos.wrapping_sub(rep0 + 1)).ok_or_else(|| r.damage())?;
                    if let Some(d) = dst.get_mut(pos) {
                        *d = byte;
                    }
                    pos += 1;
                    continue;
                }
            } else {
                let d;
                if r.bit(IS_REP_G1 + state) == 0 {
                    d = rep1;
                } else {
                    if r.bit(IS_REP_G2 + state) == 0 {
                        d = rep2;
                    } else {
                        d = rep3;
                        rep3 = rep2;
                    }
                    rep2 = rep1;
                }
                rep1 = rep0;
                rep0 = d;
            }
            len = r.length(REP_LEN, pos_state);
            state = if state < 7 { 8 } else { 11 };
        }
        if rep0 >= pos {
            return Err(r.damage());
        }
        let end = (pos + len as usize + 2).min(size);
        while pos < end {
            // SAFETY: `rep0 < pos < end ≤ size`, so both indices are inside `dst`.
            unsafe { *dst.get_unchecked_mut(pos) = *dst.get_unchecked(pos - rep0 - 1) };
            pos += 1;
        }
    }
    // Zeros were read past the end: the output is not the stream's.
    if r.short {
        return Err(Damaged::Short);
    }
    Ok(())
}

/// The probabilities, in the module's memory (one decode at a time: each thread of a page has
/// its own instance).
#[cfg(target_arch = "wasm32")]
static mut PROBABILITIES: [u16; PROBS] = [0; PROBS];

/// For JS: decode `len` bytes at `src` into `size` bytes at `dst` (both in this module's memory,
/// not overlapping), with the settings `lc | lp << 4 | pb << 8`. 0 when done, else 1–3 (the
/// stream is damaged: too short, a bad distance, bad settings).
///
/// # Safety
/// `src..src+len` and `dst..dst+size` lie in the module's memory and do not overlap.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub unsafe extern "C" fn unlzma(src: *const u8, len: usize, dst: *mut u8, size: usize, settings: u32) -> u32 {
    // SAFETY: the caller (the glue) places both ranges in memory it has just grown for them.
    let (src, dst) = unsafe { (core::slice::from_raw_parts(src, len), core::slice::from_raw_parts_mut(dst, size)) };
    // SAFETY: one call at a time; nothing else touches the probabilities.
    let probs = unsafe { &mut *core::ptr::addr_of_mut!(PROBABILITIES) };
    match decode(src, dst, settings & 15, (settings >> 4) & 15, (settings >> 8) & 15, probs) {
        Ok(()) => 0,
        Err(Damaged::Short) => 1,
        Err(Damaged::Distance) => 2,
        Err(Damaged::Settings) => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::vec::Vec;

    fn pack(bytes: &[u8], lc: u32, lp: u32, pb: u32) -> Vec<u8> {
        let mut o = lzma_rust2::LzmaOptions::with_preset(9);
        (o.lc, o.lp, o.pb, o.nice_len, o.dict_size) = (lc, lp, pb, 273, 1 << 20);
        let mut w = lzma_rust2::LzmaWriter::new_no_header(Vec::new(), &o, false).unwrap();
        w.write_all(bytes).unwrap();
        w.finish().unwrap()
    }

    /// Text, runs, and bytes of a small generator: literals, matches, repeats and long distances.
    fn sample() -> Vec<u8> {
        let mut v = Vec::new();
        let mut x = 12345u32;
        for i in 0..200_000u32 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            match (i / 5000) % 4 {
                0 => v.push(b"gradient descent moves w and b "[(i % 31) as usize]),
                1 => v.push((x % 7) as u8),
                2 => v.push(x as u8),
                _ => v.push(v[v.len() - 1 - (x as usize % 3000).min(v.len() - 1)]),
            }
        }
        v
    }

    #[test]
    fn decodes_what_the_encoder_wrote_under_every_setting_the_build_tries() {
        let data = sample();
        let mut probs = std::vec![0u16; PROBS];
        for (lc, lp, pb) in [(3, 0, 2), (4, 0, 0), (3, 0, 0), (2, 0, 0), (0, 4, 4)] {
            let packed = pack(&data, lc, lp, pb);
            let mut out = std::vec![0u8; data.len()];
            decode(&packed, &mut out, lc, lp, pb, &mut probs).unwrap();
            assert!(out == data, "lc {lc} lp {lp} pb {pb}");
        }
    }

    #[test]
    fn a_stream_cut_short_or_bad_settings_are_refused() {
        let data = sample();
        let packed = pack(&data, 3, 0, 2);
        let mut probs = std::vec![0u16; PROBS];
        let mut out = std::vec![0u8; data.len()];
        assert_eq!(decode(&packed[..packed.len() / 2], &mut out, 3, 0, 2, &mut probs), Err(Damaged::Short));
        assert_eq!(decode(&packed, &mut out, 4, 1, 2, &mut probs), Err(Damaged::Settings));
        assert_eq!(decode(&packed[..3], &mut out, 3, 0, 2, &mut probs), Err(Damaged::Short));
    }
}
