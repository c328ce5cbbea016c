// The single file's start (a classic script, run while the page is parsed): the site packed in
// one LZMA stream (the files one after another, `FILES` their names and sizes) is decoded, the
// stylesheet put in the page, the modules named in an import map as `data:` URLs, and main.js
// imported. The wasm module's bytes are left on this script element (`.wasm`) for the single
// file's wasm-source.js. `xtask/src/standalone.rs` fills in PACK, FILES and PROPS.
(() => {
  const [lc, lp, pb, size] = PROPS;
  const me = document.currentScript;
  let out;
  try {
    const bin = atob(PACK);
    const input = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) input[i] = bin.charCodeAt(i);
    out = lzma(input, lc, lp, pb, size);
  } catch (e) {
    // A file cut short or changed on the way: said where the demos would be, not a blank page.
    const say = () => {
      for (const d of document.querySelectorAll("descent-demo")) {
        d.textContent = `descent could not start: this file is damaged (${e.message}). Download it again.`;
        d.setAttribute("role", "alert");
        // The stylesheet is in the damaged part: a notice's look of its own.
        d.style.cssText = "display:block;margin:14px 0;padding:6px 10px;border:2px solid #a51c1c;border-radius:6px;color:#a51c1c;font:1rem/1.4 system-ui,sans-serif";
      }
    };
    document.addEventListener("DOMContentLoaded", say);
    return;
  }
  const text = new TextDecoder();
  const imports = {};
  let at = 0;
  for (const [name, n] of FILES) {
    const bytes = out.subarray(at, (at += n));
    if (name.endsWith(".wasm")) me.wasm = bytes;
    else if (name.endsWith(".css")) document.head.append(Object.assign(document.createElement("style"), { textContent: text.decode(bytes) }));
    else imports[`descent/${name}`] = "data:text/javascript," + encodeURIComponent(text.decode(bytes));
  }
  const map = Object.assign(document.createElement("script"), { type: "importmap", textContent: JSON.stringify({ imports }) });
  const main = Object.assign(document.createElement("script"), { type: "module", textContent: 'import "descent/main.js";' });
  me.after(map, main);

  /** Raw LZMA (no header, no end marker) of `size` bytes, with literal context `lc`, literal
   * position `lp` and position bits `pb`: the decoder of the LZMA specification, the whole output
   * as its own dictionary. */
  function lzma(src, lc, lp, pb, size) {
    const dst = new Uint8Array(size);
    const r = new Uint32Array([0xffffffff, ((src[1] << 24) | (src[2] << 16) | (src[3] << 8) | src[4]) >>> 0, 5]);
    // Every probability, 1024 (½) at first: the offsets of each model in one array.
    const IS_MATCH = 0, IS_REP = 192, IS_REP_G0 = 204, IS_REP_G1 = 216, IS_REP_G2 = 228, IS_REP0_LONG = 240;
    const POS_SLOT = 432, POS = 688, ALIGN = 803, LEN = 819, REP_LEN = 1333, LITERAL = 1847;
    const p = new Uint16Array(LITERAL + (0x300 << (lc + lp))).fill(1024);
    const bit = (i) => {
      let range = r[0], code = r[1];
      const q = p[i];
      const bound = (range >>> 11) * q;
      let b;
      if (code < bound) {
        range = bound;
        p[i] = q + ((2048 - q) >> 5);
        b = 0;
      } else {
        range -= bound;
        code -= bound;
        p[i] = q - (q >> 5);
        b = 1;
      }
      if (range < 0x1000000) {
        range *= 256;
        code = (code << 8) | src[r[2]++];
      }
      r[0] = range;
      r[1] = code;
      return b;
    };
    const tree = (base, bits) => {
      let m = 1;
      for (let i = 0; i < bits; i++) m = (m << 1) | bit(base + m);
      return m - (1 << bits);
    };
    const reverse = (base, bits) => {
      let m = 1, s = 0;
      for (let i = 0; i < bits; i++) {
        const b = bit(base + m);
        m = (m << 1) | b;
        s |= b << i;
      }
      return s;
    };
    const direct = (bits) => {
      let s = 0, range = r[0], code = r[1];
      for (; bits > 0; bits--) {
        range >>>= 1;
        let b = 0;
        if (code >= range) {
          code -= range;
          b = 1;
        }
        s = ((s << 1) | b) >>> 0;
        if (range < 0x1000000) {
          range = (range * 256) >>> 0;
          code = ((code << 8) | src[r[2]++]) >>> 0;
        }
      }
      r[0] = range;
      r[1] = code;
      return s;
    };
    const length = (base, posState) => {
      if (!bit(base)) return tree(base + 2 + posState * 8, 3);
      if (!bit(base + 1)) return 8 + tree(base + 130 + posState * 8, 3);
      return 16 + tree(base + 258, 8);
    };
    const posMask = (1 << pb) - 1, litMask = (1 << lp) - 1;
    let state = 0, rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0, pos = 0;
    while (pos < size) {
      const posState = pos & posMask;
      if (!bit(IS_MATCH + (state << 4) + posState)) {
        const prev = pos > 0 ? dst[pos - 1] : 0;
        const base = LITERAL + 0x300 * (((pos & litMask) << lc) + (prev >> (8 - lc)));
        let s = 1;
        if (state >= 7) {
          let match = dst[pos - rep0 - 1];
          do {
            const mb = (match >> 7) & 1;
            match <<= 1;
            const b = bit(base + ((1 + mb) << 8) + s);
            s = (s << 1) | b;
            if (mb !== b) break;
          } while (s < 0x100);
        }
        while (s < 0x100) s = (s << 1) | bit(base + s);
        dst[pos++] = s - 0x100;
        state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
        continue;
      }
      let len;
      if (!bit(IS_REP + state)) {
        rep3 = rep2;
        rep2 = rep1;
        rep1 = rep0;
        len = length(LEN, posState);
        state = state < 7 ? 7 : 10;
        const slot = tree(POS_SLOT + (Math.min(len, 3) << 6), 6);
        if (slot < 4) rep0 = slot;
        else {
          const bits = (slot >> 1) - 1;
          rep0 = ((2 | (slot & 1)) << bits) >>> 0;
          if (slot < 14) rep0 += reverse(POS + rep0 - slot, bits);
          else rep0 += direct(bits - 4) * 16 + reverse(ALIGN, 4);
        }
      } else {
        if (!bit(IS_REP_G0 + state)) {
          if (!bit(IS_REP0_LONG + (state << 4) + posState)) {
            state = state < 7 ? 9 : 11;
            dst[pos] = dst[pos - rep0 - 1];
            pos++;
            continue;
          }
        } else {
          let d;
          if (!bit(IS_REP_G1 + state)) d = rep1;
          else {
            if (!bit(IS_REP_G2 + state)) d = rep2;
            else {
              d = rep3;
              rep3 = rep2;
            }
            rep2 = rep1;
          }
          rep1 = rep0;
          rep0 = d;
        }
        len = length(REP_LEN, posState);
        state = state < 7 ? 8 : 11;
      }
      if (rep0 >= pos) throw new Error("a copy reaches before the start");
      for (let n = len + 2; n > 0 && pos < size; n--, pos++) dst[pos] = dst[pos - rep0 - 1];
    }
    if (r[2] > src.length) throw new Error("the packed data ends too soon");
    return dst;
  }
})();
