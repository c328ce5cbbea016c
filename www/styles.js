// The widget's stylesheet, for its shadow root: style.css beside this module, fetched once and
// parsed once into a constructable stylesheet that every element adopts. The single file build
// replaces this module with one that holds the CSS text.
let sheet;
export function stylesheet() {
  sheet ??= fetch(new URL("./style.css", import.meta.url))
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`style.css: HTTP ${r.status}`))))
    .then((text) => {
      const s = new CSSStyleSheet();
      s.replaceSync(text);
      return s;
    });
  return sheet;
}
