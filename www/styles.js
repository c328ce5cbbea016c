// The widget's stylesheet, for its shadow root: style.css beside this module, parsed once into a
// constructable stylesheet that every element adopts. When the page links that same file (as
// index.html does), its rules are taken from the page's copy, so the file is fetched once;
// otherwise (a course page) it is fetched. The single file build replaces this module with one
// that holds the CSS text.
let sheet;
export function stylesheet() {
  sheet ??= fromPage().then((text) => text ?? fetched()).then((text) => {
    const s = new CSSStyleSheet();
    s.replaceSync(text);
    return s;
  });
  return sheet;
}

const url = new URL("./style.css", import.meta.url).href;

function fetched() {
  return fetch(url).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`style.css: HTTP ${r.status}`))));
}

/** The rules of the page's own `<link rel="stylesheet">` to this file once loaded, or null. */
function fromPage() {
  const link = [...document.querySelectorAll('link[rel="stylesheet"]')].find((l) => l.href === url);
  if (!link) return Promise.resolve(null);
  const read = () => {
    try {
      const rules = link.sheet?.cssRules;
      return rules ? [...rules].map((r) => r.cssText).join("\n") : null;
    } catch {
      return null; // not readable (another origin): fetch it
    }
  };
  const now = read();
  if (now !== null) return Promise.resolve(now);
  return new Promise((resolve) => {
    link.addEventListener("load", () => resolve(read()), { once: true });
    link.addEventListener("error", () => resolve(null), { once: true });
  });
}
