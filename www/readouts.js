// A table of named numbers: a short text for people (written for the language, one precision a
// quantity), the exact value in data-value for tests and for course pages that read it. Rows can
// be hidden (predict mode shows "?") and renamed in place (a language change keeps the table).
import { h, setText, setHidden } from "./ui.js";
import { formatNumber, PRECISION } from "./i18n.js";

export function readoutTable(caption, rows) {
  const cells = {};
  const heads = {};
  const trs = {};
  const body = rows.map(([key, label]) => {
    cells[key] = h("td", { "data-name": key });
    heads[key] = h("th", { scope: "row" }, label);
    trs[key] = h("tr", {}, heads[key], cells[key]);
    return trs[key];
  });
  const cap = h("caption", { class: "sr-only" }, caption);
  const table = h("table", { class: "readouts" }, cap, h("tbody", {}, body));
  /** `values`: key → number (or text); `hidden`: keys shown as `mark`; absent keys hide rows. */
  const update = (values, lang, hidden = new Set(), mark = "?") => {
    for (const key of Object.keys(cells)) {
      const v = values[key];
      setHidden(trs[key], v === undefined);
      if (v === undefined) continue;
      const td = cells[key];
      if (hidden.has(key)) {
        setText(td, mark);
        if ("value" in td.dataset) delete td.dataset.value;
        if (td.dataset.hidden !== "true") td.dataset.hidden = "true";
        continue;
      }
      if ("hidden" in td.dataset) delete td.dataset.hidden;
      setText(td, typeof v === "number" ? formatNumber(v, lang, PRECISION) : String(v));
      const value = String(v);
      if (td.dataset.value !== value) td.dataset.value = value;
    }
  };
  const relabel = (caption2, rows2) => {
    setText(cap, caption2);
    for (const [key, label] of rows2) if (heads[key]) setText(heads[key], label);
  };
  return { table, update, relabel };
}
