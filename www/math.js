// The article's formulas as MathML (no external library), with the current numbers filled in.
import { fmt } from "./ui.js";

const mi = (s) => `<mi>${s}</mi>`;
const mo = (s) => `<mo>${s}</mo>`;
const num = (v) => fmt(v).replace("-", "−");
const mn = (v) => (v < 0 ? `<mrow><mo>(</mo><mn>${num(v)}</mn><mo>)</mo></mrow>` : `<mn>${num(v)}</mn>`);
const sub = (a, b) => `<msub><mi>${a}</mi><mi>${b}</mi></msub>`;
const ystar = `<msup><mi>y</mi><mo>⋆</mo></msup>`;
const math = (body, label) => `<math display="block" aria-label="${label}"><mrow>${body}</mrow></math>`;
const partial = (p) => `<mfrac><mrow><mo>∂</mo><mi>L</mi></mrow><mrow><mo>∂</mo><mi>${p}</mi></mrow></mfrac>`;

/** SGD on the neuron: g = ∂L/∂p by back propagation, Δp = −η·g, p ← p + Δp, for p = w and b. */
export function sgdFormulas(r) {
  const delta = `${mo("(")}${mn(r.y)}${mo("−")}${mn(r.yStar)}${mo(")")}${mo("·")}${mn(r.y)}${mo("·")}${mo("(")}<mn>1</mn>${mo("−")}${mn(r.y)}${mo(")")}`;
  const rows = [];
  for (const [p, g, d, now, next, x] of [["w", r.gw, r.dw, r.w, r.wNext, true], ["b", r.gb, r.db, r.b, r.bNext, false]]) {
    const chain = `${mo("(")}${mi("y")}${mo("−")}${ystar}${mo(")")}${mi("y")}${mo("(")}<mn>1</mn>${mo("−")}${mi("y")}${mo(")")}${x ? mi("x") : ""}`;
    rows.push(math(`${sub("g", p)}${mo("=")}${partial(p)}${mo("=")}${chain}`, `g_${p} formula`));
    rows.push(math(`${sub("g", p)}${mo("=")}${delta}${x ? mo("·") + mn(r.x) : ""}${mo("=")}${mn(g)}`, `g_${p} = ${fmt(g)}`));
    rows.push(math(`${sub("Δ" + p, "t")}${mo("=")}${mo("−")}${mi("η")}${sub("g", p)}${mo("=")}${mo("−")}${mn(r.eta)}${mo("·")}${mn(g)}${mo("=")}${mn(d)}`, `Δ${p} = ${fmt(d)}`));
    rows.push(math(`<msub><mi>${p}</mi><mrow><mi>t</mi><mo>+</mo><mn>1</mn></mrow></msub>${mo("=")}${sub(p, "t")}${mo("+")}${sub("Δ" + p, "t")}${mo("=")}${mn(now)}${mo("+")}${mn(d)}${mo("=")}${mn(next)}`, `${p} next = ${fmt(next)}`));
  }
  return rows.join("");
}

/** The y = x² step from x (= x_t) : slope 2x_t, Δx = −η·2x_t, x_{t+1} = x_t + Δx. */
export function parabolaFormulas(r) {
  const xt = sub("x", "t");
  return [
    math(`${mfr("dy", "dx")}${mo("=")}<mn>2</mn>${xt}${mo("=")}<mn>2</mn>${mo("·")}${mn(r.x)}${mo("=")}${mn(r.slope)}`, `slope = ${fmt(r.slope)}`),
    math(`${mi("Δx")}${mo("=")}${mo("−")}${mi("η")}${mo("·")}<mn>2</mn>${xt}${mo("=")}${mo("−")}${mn(r.eta)}${mo("·")}${mn(r.slope)}${mo("=")}${mn(r.dx)}`, `Δx = ${fmt(r.dx)}`),
    math(`<msub><mi>x</mi><mrow><mi>t</mi><mo>+</mo><mn>1</mn></mrow></msub>${mo("=")}${xt}${mo("+")}${mi("Δx")}${mo("=")}${mn(r.x)}${mo("+")}${mn(r.dx)}${mo("=")}${mn(r.next)}`, `x next = ${fmt(r.next)}`),
  ].join("");
}

const mfr = (a, b) => `<mfrac><mi>${a}</mi><mi>${b}</mi></mfrac>`;
