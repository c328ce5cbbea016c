// "Copy link" and "Copy embed code": the current state as a link, an <iframe> and a
// <descent-demo> snippet, shown as text too so they can be copied by hand.
import { h } from "./ui.js";

/** `snippets()` → {link, iframe, element}. */
export function shareControls(snippets) {
  const text = h("textarea", { readonly: true, rows: 4, "aria-label": "Link or embed code to copy", class: "share-text", hidden: true });
  const said = h("span", { class: "share-said", role: "status" });
  const copy = async (value, what) => {
    text.value = value;
    text.hidden = false;
    try {
      await navigator.clipboard.writeText(value);
      said.textContent = `${what} copied.`;
    } catch {
      text.select();
      said.textContent = `${what} selected: press Ctrl+C (⌘C) to copy.`;
    }
  };
  const link = h("button", { type: "button", onclick: () => copy(snippets().link, "Link") }, "Copy link");
  const embed = h("button", { type: "button", onclick: () => { const s = snippets(); copy(`${s.element}\n\n${s.iframe}`, "Embed code"); } }, "Copy embed code");
  return h("div", { class: "share", "data-control": "share" }, h("div", { class: "buttons" }, link, embed, said), text);
}
