// The widget's stylesheet inside its shadow root: a <link> to style.css beside this module, which
// a strict Content-Security-Policy (style-src 'self') allows. The single file build replaces this
// module with one that inlines the CSS.
export function stylesheet() {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("./style.css", import.meta.url).href;
  return link;
}
