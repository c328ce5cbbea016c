// Replays a figure recorded by the wasm module (src/draw/record.rs) on a canvas: the Rust code
// draws into a list of operations and never calls the page, so nothing the page does to a canvas
// can throw through it. Colours and fonts become text here, once.

const css = new Map();
/** `rgba(…)` for a colour packed as r·2²⁴ + g·2¹⁶ + b·2⁸ + a. */
function colour(packed) {
  let s = css.get(packed);
  if (!s) {
    const r = Math.floor(packed / 16777216) & 255, g = Math.floor(packed / 65536) & 255, b = Math.floor(packed / 256) & 255, a = packed & 255;
    s = `rgba(${r},${g},${b},${Math.round((a / 255) * 1000) / 1000})`;
    css.set(packed, s);
  }
  return s;
}

const ALIGN = ["left", "center", "right"];
const BASELINE = ["top", "middle", "bottom"];
// A short family list: the canvas resolves it on every change of font (CJK falls back by itself).
export const FONT = "system-ui, sans-serif";
// The font string of each size, made once (a replay sets one per text; Play replays every frame).
// The locals below are plain too, not destructured arrays: no garbage per operation.
const fonts = new Map();
const fontOf = (size) => fonts.get(size) ?? fonts.set(size, `${size}px ${FONT}`).get(size);

/**
 * Draw `fig` ({ops, texts, images}) on `ctx`; `heat` is the panel's cached heatmap image (a
 * canvas), stretched where the figure puts image 0. Clears first unless `keep`.
 */
export function replay(ctx, fig, heat = null, keep = false) {
  const o = fig.ops;
  if (!keep) ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  // Sizing a canvas resets its context (font included), even to the same size: the last replay
  // left lineCap "round", so any other value means the font kept below is gone.
  if (ctx.lineCap !== "round") ctx.descentFont = null;
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  let i = 0;
  // Setting a colour, a width or a font makes the canvas parse it: only set what changed.
  let sc = -1, sw = -1, fc = -1;
  const stroke = (c, w) => {
    if (c !== sc) { ctx.strokeStyle = colour(c); sc = c; }
    if (w !== sw) { ctx.lineWidth = w; sw = w; }
  };
  const fillWith = (c) => { if (c !== fc) { ctx.fillStyle = colour(c); fc = c; } };
  // The font is kept on the context across replays: parsing it is the costliest canvas call.
  const font = (size) => { const f = fontOf(size); if (f !== ctx.descentFont) { ctx.font = f; ctx.descentFont = f; } };
  // Polylines of one colour and width in a row (a map's contour lines) are stroked as one path.
  let open = false;
  const flush = () => { if (open) { ctx.stroke(); open = false; } };
  while (i < o.length) {
    if (o[i] !== 2) flush();
    switch (o[i]) {
      case 1: // segment
        stroke(o[i + 1], o[i + 2]);
        ctx.beginPath(); ctx.moveTo(o[i + 3], o[i + 4]); ctx.lineTo(o[i + 5], o[i + 6]); ctx.stroke();
        i += 7; break;
      case 2: { // polyline
        const n = o[i + 3];
        if (!open || o[i + 1] !== sc || o[i + 2] !== sw) { flush(); stroke(o[i + 1], o[i + 2]); ctx.beginPath(); open = true; }
        ctx.moveTo(o[i + 4], o[i + 5]);
        for (let k = 1; k < n; k++) ctx.lineTo(o[i + 4 + 2 * k], o[i + 5 + 2 * k]);
        i += 4 + 2 * n; break;
      }
      case 3: { // polygon
        const n = o[i + 2];
        fillWith(o[i + 1]);
        ctx.beginPath();
        ctx.moveTo(o[i + 3], o[i + 4]);
        for (let k = 1; k < n; k++) ctx.lineTo(o[i + 3 + 2 * k], o[i + 4 + 2 * k]);
        ctx.closePath(); ctx.fill();
        i += 3 + 2 * n; break;
      }
      case 4: { // rectangle
        const c = o[i + 1], fill = o[i + 2], w = o[i + 3], x0 = o[i + 4], y0 = o[i + 5], x1 = o[i + 6], y1 = o[i + 7];
        if (fill) { fillWith(c); ctx.fillRect(x0, y0, x1 - x0, y1 - y0); }
        else { stroke(c, w); ctx.strokeRect(x0, y0, x1 - x0, y1 - y0); }
        i += 8; break;
      }
      case 5: { // circle
        const c = o[i + 1], fill = o[i + 2], w = o[i + 3], x = o[i + 4], y = o[i + 5], r = o[i + 6];
        ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI);
        if (fill) { fillWith(c); ctx.fill(); } else { stroke(c, w); ctx.stroke(); }
        i += 7; break;
      }
      case 6: { // text
        const c = o[i + 1], size = o[i + 2], h = o[i + 3], v = o[i + 4], turns = o[i + 5], x = o[i + 6], y = o[i + 7], t = o[i + 8];
        fillWith(c);
        font(size);
        ctx.textAlign = ALIGN[h] ?? "left";
        ctx.textBaseline = BASELINE[v] ?? "top";
        if (turns) {
          ctx.save(); ctx.translate(x, y); ctx.rotate((turns * Math.PI) / 2); ctx.fillText(fig.texts[t], 0, 0); ctx.restore();
        } else ctx.fillText(fig.texts[t], x, y);
        i += 9; break;
      }
      case 7: // pixel
        fillWith(o[i + 1]); ctx.fillRect(o[i + 2], o[i + 3], 1, 1);
        i += 4; break;
      case 8: { // image
        const id = o[i + 1], x = o[i + 2], y = o[i + 3], w = o[i + 4], h = o[i + 5];
        if (id === 0) {
          if (heat) { ctx.imageSmoothingEnabled = false; ctx.drawImage(heat, x, y, w, h); }
        } else {
          const img = fig.images[id - 1];
          if (img && img.width > 0 && img.height > 0) ctx.putImageData(new ImageData(img.data, img.width, img.height), x, y);
          sc = sw = fc = -1;
        }
        i += 6; break;
      }
      default:
        return; // unknown operation: stop rather than misread the rest
    }
  }
  flush();
}

const buffers = new WeakMap();
/**
 * Replay `fig` on `canvas` through a detached canvas of the same size, then copy it in one
 * `drawImage`. A canvas in the document resolves every font change against the document's style,
 * which recalculates that style whenever the page changed since; a detached one does not. For the
 * figures with text that are redrawn at every step.
 */
export function replayBuffered(canvas, fig, heat = null) {
  let b = buffers.get(canvas);
  if (!b) {
    b = document.createElement("canvas");
    buffers.set(canvas, b);
  }
  if (b.width !== canvas.width || b.height !== canvas.height) {
    b.width = canvas.width;
    b.height = canvas.height;
  }
  replay(b.getContext("2d"), fig, heat);
  const ctx = canvas.getContext("2d");
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(b, 0, 0);
}
