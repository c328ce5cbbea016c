// formatNumber writes numbers as Intl.NumberFormat does (without its cost at start-up): checked
// here in Node against Intl itself, for every language and precision the widget uses.
import test from "node:test";
import assert from "node:assert/strict";
import { formatNumber } from "../../www/i18n.js";

const MINUS = "\u2212";
const SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹";
/** The former implementation, on Intl (its exponent taken from toExponential, which stays right
 * for subnormals, where 10 ** e underflows). */
function reference(v, lang, sig) {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : `${MINUS}∞`;
  if (v === 0) return "0";
  const nf = new Intl.NumberFormat(lang, { maximumSignificantDigits: sig, useGrouping: false });
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) {
    const [mant, ex] = v.toExponential(sig - 1).split("e");
    const m = Number(mant);
    const e = Number(ex);
    return `${nf.format(m).replace("-", MINUS)}×10${String(e).replace("-", "⁻").replace(/\d/g, (d) => SUP[d])}`;
  }
  return nf.format(v).replace("-", MINUS);
}

test("formatNumber gives Intl's text for random, round, tie and edge values in en, fr and ja", () => {
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const values = [1, -1, 0.5, 100000.5, -100000.5, 999999.5, 999999.7, 1e6, 1e-4, 9.99999e-5, 0.000100000049, 0.1 + 0.2, 2 / 3, -2 / 3, 12345.65, 1e-300, 1e300, -0, 5e-324, Number.MAX_VALUE];
  for (let i = 0; i < 20000; i++) {
    const e = Math.floor(rnd() * 24) - 12;
    values.push((rnd() - 0.5) * 2 * 10 ** e, Math.round(rnd() * 2e6) / 2, Math.round((rnd() - 0.5) * 1e7) / 10 ** Math.floor(rnd() * 8));
  }
  let checked = 0;
  for (const lang of ["en", "fr", "ja"]) {
    for (const sig of [3, 4, 6]) {
      for (const v of values) {
        assert.equal(formatNumber(v, lang, sig), reference(v, lang, sig), `${v} in ${lang} at ${sig} digits`);
        checked++;
      }
    }
  }
  assert.ok(checked > 500000);
  assert.equal(formatNumber(0.102, "fr"), "0,102");
  assert.equal(formatNumber(-2, "en"), `${MINUS}2`);
  assert.equal(formatNumber(1.2e-5, "en"), "1.2×10⁻⁵");
  assert.equal(formatNumber(5e-324, "en"), "4.94066×10⁻³²⁴");
  assert.equal(formatNumber(-9.99999951e-5, "fr", 6), `${MINUS}1×10⁻⁴`);
});
