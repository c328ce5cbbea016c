// "What am I looking at?": a short help per panel with the keyboard shortcuts, in the widget's
// language; loaded the first time it is asked for.
import { h } from "./ui.js";

/** Show the help of `panel` in a dialog inside `container`; `done()` when it closes. */
export function showHelp(container, panel, W, done) {
  container.querySelector("dialog.help")?.remove();
  const sections = W.helpText[panel === "parabola" ? "parabola" : "loss"];
  const close = h("button", { type: "button", class: "close", onclick: () => dialog.close() }, W.close);
  const dialog = h("dialog", { class: "help", "aria-label": W.helpTitle },
    h("h3", {}, W.helpTitle),
    ...sections.map(([title, text]) => h("section", {}, h("h4", {}, title), h("p", {}, text))),
    h("h4", {}, W.shortcutsTitle),
    h("table", { class: "shortcuts" }, h("tbody", {}, W.shortcuts.map(([k, v]) => h("tr", {}, h("th", { scope: "row" }, h("kbd", {}, k)), h("td", {}, v))))),
    close);
  dialog.addEventListener("close", () => { dialog.remove(); done(); });
  container.append(dialog);
  dialog.showModal();
  close.focus();
}
