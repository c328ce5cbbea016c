// <descent-demo>: the demo as a custom element for course pages. Its content lives in a shadow
// root; its attributes come from the state table (state.js) and follow the controls; every
// element on a page shares one loaded wasm module.
import init from "./pkg/descent.js";
import { wasmSource } from "./wasm-source.js";
import { stylesheet } from "./styles.js";
import { ALL_NAMES, TABLE, parseState, shownControls, toHash, writeState } from "./state.js";
import { mountLossPanel } from "./loss-panel.js";
import { mountParabolaPanel } from "./parabola-panel.js";
import { shareControls } from "./share.js";
import { h } from "./ui.js";
import { words } from "./i18n.js";

let loaded;
/** The wasm module, loaded once for every element. */
export function loadWasm() {
  loaded ??= init(wasmSource() === undefined ? undefined : { module_or_path: wasmSource() }).then((w) => {
    performance.mark("descent-wasm");
    return w;
  });
  return loaded;
}

const MOUNT = { "loss-space": mountLossPanel, parabola: mountParabolaPanel };
const REBUILD = new Set(["panel", "controls", "hide", "lang"]);

/** Where the full page lives, for links: beside this module, or this file when it is inlined. */
function pageURL() {
  const here = import.meta.url;
  return here.startsWith("data:") || here.startsWith("blob:") ? location.href.split("#")[0] : new URL("./index.html", here).href;
}

export class DescentDemo extends HTMLElement {
  static observedAttributes = ALL_NAMES;
  #root = null;
  #notice = null;
  #body = null;
  #api = null;
  #kind = null;
  #reflecting = false;
  #ready = null;
  #resolve = null;

  constructor() {
    super();
    this.#ready = new Promise((r) => (this.#resolve = r));
  }

  /** Resolves when the widget is built (the wasm module loaded). */
  get ready() { return this.#ready; }
  /** The panel's wasm object, for scripts that read more than the data attributes. */
  get core() { return this.#api?.core; }
  /** The current settings, as the state table holds them. */
  get state() { return this.#api ? { panel: this.#kind, ...this.#api.state } : null; }

  step() { return this.#api?.step(); }
  reset() { this.#api?.reset(); }
  play() { this.#api?.play(); }
  pause() { this.#api?.pause(); }

  connectedCallback() {
    if (this.#root) return;
    this.#root = this.attachShadow({ mode: "open" });
    this.#notice = h("div", { class: "notice", role: "alert", hidden: true });
    this.#body = h("section", { class: "panel" }, h("p", {}, words(this.getAttribute("lang")).loading));
    this.#root.append(this.#notice, this.#body);
    // Build once the styles apply, so the canvases are sized once, at their final width.
    const styled = stylesheet().then(
      (sheet) => { this.#root.adoptedStyleSheets = [sheet]; },
      (e) => this.#say([`descent's stylesheet did not load (${e?.message ?? e}); it works unstyled.`]),
    );
    Promise.all([loadWasm(), styled]).then(() => this.#build(), (e) => this.#say([`descent could not start: ${e?.message ?? e}`]));
  }

  attributeChangedCallback(name, old, value) {
    if (this.#reflecting || !this.#api || old === value) return;
    if (REBUILD.has(name)) return this.#build();
    const { state, problems } = parseState((n) => this.getAttribute(n));
    const mine = problems.filter((p) => p.startsWith(`${name}=`));
    if (mine.length) return this.#say(mine);
    if (name in state && !sameValue(state[name], this.#api.state[name])) this.#api.set(name, state[name]);
  }

  #build() {
    const { panel, state, problems } = parseState((n) => this.getAttribute(n));
    this.#kind = panel;
    this.#say(problems);
    this.#body.dataset.panel = panel;
    this.#body.lang = state.lang;
    const hooks = {
      notify: (m) => this.#say([m], true),
      changed: (name, v) => this.#reflect(name, v),
      event: (type, detail) => this.dispatchEvent(new CustomEvent(type, { detail: { panel, ...detail }, bubbles: true, composed: true })),
      live: (d) => Object.assign(this.dataset, d),
      share: shareControls(() => this.snippets(), words(state.lang)),
    };
    this.#api?.destroy();
    try {
      this.#api = MOUNT[panel](this.#body, state, hooks);
    } catch (e) {
      this.#say([...problems, `descent could not build the ${panel} panel: ${e?.message ?? e}. Showing the defaults.`]);
      this.#api = MOUNT[panel](this.#body, parseState((n) => (n === "panel" ? panel : null)).state, hooks);
    }
    const shown = shownControls(panel, state);
    for (const el of this.#body.querySelectorAll("[data-control]")) el.hidden = !shown.has(el.dataset.control);
    performance.mark(`descent-built-${panel}`);
    this.#resolve();
  }

  /** Show problems in words inside the widget (replacing earlier ones unless `add`). */
  #say(messages, add = false) {
    if (!add) this.#notice.replaceChildren();
    for (const m of messages) this.#notice.append(h("p", {}, m));
    const any = this.#notice.childElementCount > 0;
    if (any && !this.#notice.querySelector("button")) {
      this.#notice.append(h("button", { type: "button", onclick: () => this.#say([]) }, words(this.#api?.state.lang).dismiss));
    }
    this.#notice.hidden = !any;
  }

  #reflect(name, v) {
    const f = TABLE[this.#kind][name];
    if (!f) return;
    this.#reflecting = true;
    const text = v === null || v === undefined ? null : Array.isArray(v) ? v.join(" ") : String(v);
    if (text === null || text === String(f.default)) this.removeAttribute(name);
    else this.setAttribute(name, text);
    this.#reflecting = false;
    if (name === "lang") queueMicrotask(() => this.#build()); // every word changes: build anew
    this.dispatchEvent(new CustomEvent("descent-change", { detail: { panel: this.#kind, name, value: v }, bubbles: true, composed: true }));
  }

  /** The current state as a URL hash. */
  get hash() { return toHash(this.#kind, this.#api.state); }

  /** The current state as a link, an <iframe> and a <descent-demo> snippet. */
  snippets() {
    const link = pageURL() + this.hash;
    const attrs = writeState(this.#kind, this.#api.state).map(([k, v]) => ` ${k}="${v.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`).join("");
    const script = new URL("./descent-demo.js", import.meta.url).href;
    const iframe = `<iframe src="${link.replace(/&/g, "&amp;")}" title="descent: ${this.#kind}" width="100%" height="${this.#kind === "parabola" ? 760 : 1000}" loading="lazy"></iframe>`;
    const element = `<script type="module" src="${script.startsWith("data:") ? "descent-demo.js" : script}"></script>\n<descent-demo${attrs}></descent-demo>`;
    return { link, iframe, element };
  }
}

function sameValue(a, b) {
  return Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}

if (!customElements.get("descent-demo")) customElements.define("descent-demo", DescentDemo);
