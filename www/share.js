// "Copy link" and "Copy embed code": the current state as a link, an <iframe> and a
// <descent-demo> snippet, shown as text too so they can be copied by hand.
import { h } from "./ui.js";

/** `snippets()` → {link, iframe, element}; `W` the words of the widget's language. */
export function shareControls(snippets, W) {
  const text = h("textarea", { readonly: true, rows: 4, "aria-label": W.shareText, class: "share-text", hidden: true });
  const said = h("span", { class: "share-said", role: "status" });
  const copy = async (value, what) => {
    text.value = value;
    text.hidden = false;
    try {
      await navigator.clipboard.writeText(value);
      said.textContent = W.copied(what);
    } catch {
      text.select();
      said.textContent = W.selected(what);
    }
  };
  const link = h("button", { type: "button", onclick: () => copy(snippets().link, W.link) }, W.copyLink);
  const embed = h("button", { type: "button", onclick: () => { const s = snippets(); copy(`${s.element}\n\n${s.iframe}`, W.embed); } }, W.copyEmbed);
  return h("div", { class: "share", "data-control": "share" }, h("div", { class: "buttons" }, link, embed, said), text);
}
