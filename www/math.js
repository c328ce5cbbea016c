// The article's formulas as MathML (no external library), with the current numbers filled in,
// one short line each so they wrap on a phone instead of scrolling. In predict mode the results
// that give the step away are shown as "?".
import { formatNumber, PRECISION } from "./i18n.js";
import { h, setText, afterPaint } from "./ui.js";

const mi = (s) => `<mi>${s}</mi>`;
const mo = (s) => `<mo>${s}</mo>`;
const sub = (a, b) => `<msub><mi>${a}</mi><mi>${b}</mi></msub>`;
const subNext = (a) => `<msub><mi>${a}</mi><mrow><mi>t</mi><mo>+</mo><mn>1</mn></mrow></msub>`;
const ystar = `<msup><mi>y</mi><mo>⋆</mo></msup>`;
// Brackets stretch to the tallest thing in their row: on a line with a fraction they go in a row
// of their own, so they keep the height of what they enclose.
const paren = (body) => `<mrow><mo>(</mo>${body}<mo>)</mo></mrow>`;
// The label names the line (its numbers are read from the MathML itself), so it stays the same
// from step to step.
const line = (body, label) => `<math display="block" aria-label="${label.split(" = ")[0].replace(/"/g, "&quot;")}"><mrow>${body}</mrow></math>`;
const partial = (a, b) => `<mfrac><mrow><mo>∂</mo><mi>${a}</mi></mrow><mrow><mo>∂</mo><mi>${b}</mi></mrow></mfrac>`;

// Each number becomes an <mn> placeholder; its text (negative numbers in parentheses) is kept
// apart, so a step that changes only numbers updates the texts of the same nodes instead of
// parsing the MathML again (see `render`).
const SLOT = "\u2063";
let values = [];
function numbers(lang, hide) {
  const text = (v) => formatNumber(v, lang, PRECISION);
  const mn = (v, secret = false) => {
    values.push(secret && hide ? "?" : v < 0 ? `(${text(v)})` : text(v));
    return `<mn>${SLOT}</mn>`;
  };
  const res = (v, secret = false) => (secret && hide ? "?" : text(v));
  return { mn, res };
}

/**
 * A panel's "Formulas with the numbers": a section built open around the formulas. `show` writes
 * them only while the section shows, and during Play at most five times a second (MathML is the
 * costliest part of a frame, and numbers that change 60 times a second cannot be read). Opening
 * the section calls `refresh` only when what it shows is not the latest readout's (a section
 * built open announces it with a toggle event too, after the first update has written it).
 *
 * The first formulas are written after the panel's figures have been painted (the issue's "draw
 * the heatmap first and the rest after it has been painted"): setting 20 formulas in MathML was
 * ~20 ms of the first frame (`afterPaint` in ui.js; the element's `ready` waits for them).
 */
export function formulasSection(refresh) {
  const el = h("div", { class: "formulas", "data-control": "formulas", role: "group", tabindex: 0 });
  const box = h("details", { class: "formulas-box", open: true }, h("summary", {}), el);
  box.dataset.control = "formulas";
  let at = 0;
  let shown = null; // the readout the formulas show
  let latest = null;
  let latestBuild = null;
  let pending = true; // until the figures have been painted
  const write = () => {
    if (!box.open || box.hidden || !latestBuild) return;
    at = performance.now();
    shown = latest;
    render(el, latestBuild);
  };
  afterPaint(() => {
    pending = false;
    if (shown !== latest) write();
  });
  box.addEventListener("toggle", () => box.open && !pending && shown !== latest && refresh());
  return {
    box,
    relabel(title) {
      box.querySelector("summary").textContent = title;
      el.setAttribute("aria-label", title);
    },
    /** The formulas of `readout`, made by `build`, if they show now. */
    show(readout, playing, build) {
      latest = readout;
      latestBuild = build;
      if (pending || (playing && performance.now() - at <= 200)) return;
      write();
    },
  };
}

/** Put formulas built by the functions below into `el`: the same structure as last time only
 * updates the numbers' texts; a new one is parsed once. */
export function render(el, build) {
  values = [];
  const html = build();
  const filled = values;
  values = [];
  const nodes = el.descentSlots;
  if (el.descentShape === html && nodes?.length === filled.length) {
    for (let i = 0; i < nodes.length; i++) setText(nodes[i], filled[i]);
    return;
  }
  el.innerHTML = html;
  el.descentShape = html;
  el.descentSlots = [...el.querySelectorAll("mn")].filter((m) => m.textContent === SLOT);
  el.descentSlots.forEach((m, i) => (m.textContent = filled[i]));
}

/**
 * The neuron's step: forward pass, back propagation, the optimizer's move, the new point.
 * `r` is a run's readout (w, b, x, target, z, y, dLdy, dydz, delta, gw, gb, dw, db, wNext, bNext,
 * eta, optimizer), `article` whether it is the article's sigmoid + square loss, `batch` the batch
 * size when it is more than one sample. `hide` hides the move and the new point.
 */
export function neuronFormulas(r, { lang, hide, article, batch, act, sgd }) {
  const { mn, res } = numbers(lang, hide);
  const rows = [];
  rows.push(line(`${mi("z")}${mo("=")}${mi("x")}${mi("w")}${mo("+")}${mi("b")}${mo("=")}${mn(r.x)}${mo("·")}${mn(r.w)}${mo("+")}${mn(r.b)}`, "z formula"));
  rows.push(line(`${mo("=")}${mn(r.z)}`, `z = ${res(r.z)}`));
  rows.push(line(`${mi("y")}${mo("=")}${mi(article ? "σ" : act)}<mo>(</mo>${mi("z")}<mo>)</mo>${mo("=")}${mn(r.y)}`, `y = ${res(r.y)}`));
  if (article) {
    rows.push(line(`${mi("δ")}${mo("=")}${partial("L", "z")}${mo("=")}${paren(`${mi("y")}${mo("−")}${ystar}`)}${mi("y")}${paren(`<mn>1</mn>${mo("−")}${mi("y")}`)}`, "δ formula"));
    rows.push(line(`${mo("=")}<mo>(</mo>${mn(r.y)}${mo("−")}${mn(r.target)}<mo>)</mo>${mo("·")}${mn(r.y)}${mo("·")}${mn(1 - r.y)}`, "δ numbers"));
  } else {
    rows.push(line(`${mi("δ")}${mo("=")}${partial("L", "y")}${mo("·")}${partial("y", "z")}${mo("=")}${mn(r.dLdy)}${mo("·")}${mn(r.dydz)}`, "δ"));
  }
  rows.push(line(`${mo("=")}${mn(r.delta)}`, `δ = ${res(r.delta)}`));
  const mean = batch > 1 ? `<munder><mo>mean</mo><mi>batch</mi></munder>` : "";
  rows.push(line(`${sub("g", "w")}${mo("=")}${mean}${mi("δ")}${mi("x")}${mo("=")}${mn(r.gw)}`, `g_w = ${res(r.gw)}`));
  rows.push(line(`${sub("g", "b")}${mo("=")}${mean}${mi("δ")}${mo("=")}${mn(r.gb)}`, `g_b = ${res(r.gb)}`));
  rows.push(...moves(r, { mn, res, sgd }, ["w", "b"]));
  return rows.join("");
}

/** A test surface's step: the gradient, the move, the new point. */
export function surfaceFormulas(r, { lang, hide, sgd }) {
  const { mn, res } = numbers(lang, hide);
  return [
    line(`${mo("∇")}${mi("f")}${mo("=")}<mo>(</mo>${partial("f", "x")}<mo>,</mo>${partial("f", "y")}<mo>)</mo>`, "gradient"),
    line(`${mo("=")}<mo>(</mo>${mn(r.gw)}<mo>,</mo>${mn(r.gb)}<mo>)</mo>`, `gradient = (${res(r.gw)}, ${res(r.gb)})`),
    ...moves(r, { mn, res, sgd }, ["x", "y"]),
  ].join("");
}

function moves(r, { mn, res, sgd }, [p, q]) {
  const rows = [];
  for (const [name, g, d, now, next] of [[p, r.gw, r.dw, r.w, r.wNext], [q, r.gb, r.db, r.b, r.bNext]]) {
    const rule = sgd ? `${mo("−")}${mi("η")}${sub("g", name)}${mo("=")}${mo("−")}${mn(r.eta)}${mo("·")}${mn(g)}` : `<mtext>${r.optimizer}</mtext><mo>(</mo>${sub("g", name)}<mo>)</mo>`;
    rows.push(line(`${sub("Δ" + name, "t")}${mo("=")}${rule}`, `Δ${name} rule`));
    rows.push(line(`${mo("=")}${mn(d, true)}`, `Δ${name} = ${res(d, true)}`));
    rows.push(line(`${subNext(name)}${mo("=")}${sub(name, "t")}${mo("+")}${sub("Δ" + name, "t")}${mo("=")}${mn(now)}${mo("+")}${mn(d, true)}`, `${name} next formula`));
    rows.push(line(`${mo("=")}${mn(next, true)}`, `${name} next = ${res(next, true)}`));
  }
  return rows;
}

/** The y = x² (or any curve's) step from x_t: slope, Δx = −η·slope, x_{t+1} = x_t + Δx. */
export function curveFormulas(r, { lang, hide, parabola }) {
  const { mn, res } = numbers(lang, hide);
  const xt = sub("x", "t");
  const slope = parabola ? `<mn>2</mn>${xt}${mo("=")}<mn>2</mn>${mo("·")}${mn(r.x)}` : `${mi("f′")}${paren(xt)}`;
  return [
    line(`<mfrac><mi>dy</mi><mi>dx</mi></mfrac>${mo("=")}${slope}${mo("=")}${mn(r.slope)}`, `slope = ${res(r.slope)}`),
    line(`${sub("Δx", "t")}${mo("=")}${mo("−")}${mi("η")}${mo("·")}<mfrac><mi>dy</mi><mi>dx</mi></mfrac>${mo("=")}${mo("−")}${mn(r.eta)}${mo("·")}${mn(r.slope)}`, "Δx rule"),
    line(`${mo("=")}${mn(r.dx, true)}`, `Δx = ${res(r.dx, true)}`),
    line(`${subNext("x")}${mo("=")}${xt}${mo("+")}${sub("Δx", "t")}${mo("=")}${mn(r.x)}${mo("+")}${mn(r.dx, true)}`, "x next formula"),
    line(`${mo("=")}${mn(r.next, true)}`, `x next = ${res(r.next, true)}`),
  ].join("");
}
