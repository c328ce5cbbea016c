// Exports, loaded on first use: a figure as a PNG at twice the screen's size (with its legend
// when several optimizers race) and the trajectory as CSV. The wasm module draws the figure again
// at the export's size; nothing is scaled up from the screen.
import { RUN_COLOURS } from "./colours.js";

const FIG = { map: [0, 1], surface: [2], chart: [3] };
const SCALE = 2;

function canvas(w, hgt) {
  const c = document.createElement("canvas");
  c.width = Math.max(1, Math.round(w));
  c.height = Math.max(1, Math.round(hgt));
  return c;
}
const blob = (c) => new Promise((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error("the browser could not encode the PNG"))), "image/png"));

/** A loss-space figure (`map`, `surface` or `chart`) as a PNG Blob, `width` CSS px wide. */
export async function figurePNG(core, which, { width, view, heat, replay, runs }) {
  const ops = FIG[which] ?? FIG.map;
  const h = which === "chart" ? 190 : which === "surface" ? Math.round(width * 0.8) : Math.round(width * 0.9) - 10;
  const legendH = runs.length > 1 ? 16 + 20 * Math.ceil(runs.length / Math.max(1, Math.floor((width - 8) / 170))) : 0;
  const out = canvas(width * SCALE, (h + legendH) * SCALE);
  const ctx = out.getContext("2d");
  core.setView(view);
  for (const f of ops) {
    const fig = core.draw(f, width * SCALE, h * SCALE, SCALE);
    let img = heat;
    if (f === 0) {
      const data = core.heatmap();
      img = canvas(data.width, data.height);
      img.getContext("2d").putImageData(new ImageData(data.data, data.width, data.height), 0, 0);
    }
    replay(ctx, fig, img, true);
  }
  if (legendH) {
    ctx.save();
    ctx.translate(0, h * SCALE);
    replay(ctx, core.draw(4, width * SCALE, legendH * SCALE, SCALE), null, true);
    ctx.restore();
  }
  return blob(out);
}

/** A y = x² figure (`curve` or `rate`) as a PNG Blob. */
export async function curvePNG(core, which, { width, view, replay }) {
  const h = which === "rate" ? 170 : Math.max(220, Math.round(width * 0.62));
  const out = canvas(width * SCALE, h * SCALE);
  core.setView(view);
  replay(out.getContext("2d"), core.draw(which === "rate" ? 1 : 0, width * SCALE, h * SCALE, SCALE));
  return blob(out);
}

const line = (cells) => cells.map((v) => (typeof v === "number" ? String(v) : `"${String(v).replace(/"/g, '""')}"`)).join(",");

/** Run `run`'s trajectory: t, w, b, L, g_w, g_b, Δw, Δb (x, y for a surface), exact numbers. */
export function lossCSV(core, run = 0, neuron = true) {
  const flat = core.rows(run);
  const head = neuron ? ["t", "w", "b", "L", "g_w", "g_b", "dw", "db"] : ["t", "x", "y", "f", "g_x", "g_y", "dx", "dy"];
  const rows = [line(head)];
  for (let i = 0; i + 8 <= flat.length; i += 8) rows.push(line(Array.from(flat.slice(i, i + 8))));
  return rows.join("\n") + "\n";
}

/** The y = x² descent: t, x. */
export function curveCSV(core) {
  const flat = core.rows();
  const rows = [line(["t", "x"])];
  for (let i = 0; i + 2 <= flat.length; i += 2) rows.push(line([flat[i], flat[i + 1]]));
  return rows.join("\n") + "\n";
}

export { RUN_COLOURS };
