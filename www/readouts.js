// A table of named numbers: a short text for people, the exact value in data-value for tests
// and for course pages that read it.
import { h, fmt } from "./ui.js";

export function readoutTable(caption, rows) {
  const cells = {};
  const body = rows.map(([key, label]) => {
    cells[key] = h("td", { "data-name": key });
    return h("tr", {}, h("th", { scope: "row" }, label), cells[key]);
  });
  const table = h("table", { class: "readouts" }, h("caption", { class: "sr-only" }, caption), h("tbody", {}, body));
  const update = (values) => {
    for (const [key, v] of Object.entries(values)) {
      const td = cells[key];
      if (!td) continue;
      td.textContent = fmt(v);
      td.dataset.value = String(v);
    }
  };
  return { table, update };
}
