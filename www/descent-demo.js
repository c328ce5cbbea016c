// <descent-demo>: the demo as a custom element for course pages. Its content lives in a shadow
// root; its attributes come from the state table (state.js) and follow the controls; every
// element on a page shares one loaded wasm module. When it leaves the page it stops, lets go of
// its listeners and frees its wasm objects; when it comes back it is built again from its
// attributes. If the wasm module is ever lost (an internal error), every widget says so and
// offers to reload, instead of freezing.
import { loadWasm, askForRest, guard, isLost, watch, unwatch } from "./wasm-module.js";
import { stylesheet } from "./styles.js";
import { ALL_NAMES, TABLE, parseState, parseValue, shownControls, toHash, writeState, textOf } from "./state.js";
import { mountLossPanel } from "./loss-panel.js";
import { mountCurvePanel } from "./curve-panel.js";
import { h, listeners, afterPaint } from "./ui.js";
import { words, describeProblem, loadLang, langReady } from "./i18n.js";

const MOUNT = { "loss-space": mountLossPanel, parabola: mountCurvePanel };
const REBUILD = new Set(["panel"]);
const dark = window.matchMedia?.("(prefers-color-scheme: dark)");

/** Where the full page lives, for links: beside this module, or this file when it is inlined. */
function pageURL() {
  const here = import.meta.url;
  return here.startsWith("data:") || here.startsWith("blob:") ? location.href.split("#")[0] : new URL("./index.html", here).href;
}

export class DescentDemo extends HTMLElement {
  static observedAttributes = ALL_NAMES;
  #root = null;
  #notice = null;
  #noticeList = null;
  #problems = new Map();
  #body = null;
  #api = null;
  #kind = null;
  #reflecting = false;
  #ready = null;
  #resolve = null;
  #drawn = null;
  #resolveDrawn = null;
  #connected = false;
  #L = null;
  #building = false;

  constructor() {
    super();
    this.#ready = new Promise((r) => (this.#resolve = r));
    this.#drawn = new Promise((r) => (this.#resolveDrawn = r));
  }

  /** Resolves when the widget is built (the wasm module loaded), formulas included. */
  get ready() { return this.#ready; }
  /** Resolves when the widget's figures are drawn: its first frame (the formulas follow it). */
  get drawn() { return this.#drawn; }
  /** The panel's wasm object, for scripts that read more than the data attributes. */
  get core() { return this.#api?.core; }
  /** The current settings, as the state table holds them. */
  get state() { return this.#api ? { panel: this.#kind, ...stateOf(this.#kind, this.#api.state) } : null; }
  /** Whether Play is running. */
  get playing() { return Boolean(this.#api?.playing); }

  step() { return this.#api?.step(); }
  back() { this.#api?.back(); }
  reset() { this.#api?.reset(); }
  play() { this.#api?.play(); }
  pause() { this.#api?.pause(); }
  /** A PNG (a Blob) of a figure at twice the screen's size, with its legend. */
  toPNG(which) { return this.#api ? this.#api.toPNG(which) : Promise.reject(new Error("descent is not built yet")); }
  /** The trajectory as CSV text (t, w, b, L, g_w, g_b, Δw, Δb; or t, x on y = x²). */
  toCSV(run) { return this.#api ? this.#api.toCSV(run) : Promise.reject(new Error("descent is not built yet")); }

  connectedCallback() {
    this.#connected = true;
    watch(this);
    if (!this.#root) {
      this.#root = this.attachShadow({ mode: "open" });
      this.#noticeList = h("div", { class: "notice-list" });
      this.#notice = h("div", { class: "notice", role: "alert", hidden: true }, this.#noticeList);
      this.#body = h("section", { class: "panel", tabindex: -1 }, h("p", {}, words(this.getAttribute("lang")).loading));
      this.#root.append(this.#notice, this.#body);
      askForRest(this);
    }
    if (isLost()) return this.lost();
    const styled = stylesheet().then(
      (sheet) => { this.#root.adoptedStyleSheets = [sheet]; },
      (e) => this.#say("style", this.#words().styleFailed(e?.message ?? e)),
    );
    Promise.all([loadWasm(), styled, loadLang(this.getAttribute("lang"))]).then(() => {
      if (this.#connected && !this.#api) this.#build();
    }, (e) => this.#say("start", this.#words().startFailed(e?.message ?? e)));
  }

  disconnectedCallback() {
    this.#connected = false;
    unwatch(this);
    this.#teardown();
  }

  /** Stop, let go of every listener and free the wasm objects. */
  #teardown() {
    this.#L?.off();
    this.#L = null;
    try { this.#api?.destroy(); } catch (e) { if (!e?.lost) throw e; }
    this.#api = null;
  }

  attributeChangedCallback(name, old, value) {
    if (this.#reflecting || !this.#api || old === value) return;
    // Another language's words are fetched first (English is always here).
    if (name === "lang" && !langReady(value)) {
      loadLang(value).then(() => { if (this.getAttribute("lang") === value) this.attributeChangedCallback(name, old, value); });
      return;
    }
    if (REBUILD.has(name)) return this.#build();
    const f = TABLE[this.#kind][name];
    if (!f) return this.#say(name, describeProblem({ code: "other-panel", name, panel: this.#kind }, this.#words()));
    const current = this.#api.state[name];
    if (value === null) return this.#apply(name, defaultValue(this.#kind, name, this.#api.state));
    const [v, why] = parseValue(f, value);
    if (why) return this.#say(name, describeProblem({ ...why, name, raw: value, used: current }, this.#words()));
    this.#say(name, null);
    const ownWindow = this.#kind === "loss-space" && this.#api.state.surface !== "neuron"; // the core checks it
    if (f.within && !ownWindow && Math.abs(v) > (this.#api.state[f.within] ?? Infinity)) {
      return this.#say(name, describeProblem({ code: "outside", name, raw: value, range: this.#api.state[f.within], used: current }, this.#words()));
    }
    if (!sameValue(v, current)) this.#apply(name, v);
  }

  #apply(name, v) {
    if (name === "controls" || name === "hide") {
      this.#api.state[name] = v;
      this.#showControls();
      this.dispatchEvent(new CustomEvent("descent-change", { detail: { panel: this.#kind, name, value: v }, bubbles: true, composed: true }));
      return;
    }
    if (this.#api.set(name, v) !== false) {
      this.#after(name, v);
      this.dispatchEvent(new CustomEvent("descent-change", { detail: { panel: this.#kind, name, value: v }, bubbles: true, composed: true }));
    }
  }

  /** What a changed setting means for the element itself (its words, colours, controls). */
  #after(name, v) {
    if (name === "lang") { this.#body.lang = v; this.#relabelTools(); this.#renderNotice(); }
    if (name === "theme") this.#applyTheme();
    if (name === "controls" || name === "hide") this.#showControls();
  }

  #words() { return words(this.#api?.state.lang ?? this.getAttribute("lang")); }

  #build() {
    if (this.#building) return;
    const lang = this.getAttribute("lang");
    if (!langReady(lang)) {
      loadLang(lang).then(() => { if (this.#connected) this.#build(); });
      return;
    }
    this.#building = true;
    this.#teardown();
    const { panel, state, problems } = parseState((n) => this.getAttribute(n));
    this.#kind = panel;
    this.#problems.clear();
    const W = words(state.lang);
    for (const p of problems) this.#say(p.name, describeProblem(p, W));
    this.#body.dataset.panel = panel;
    this.#body.lang = state.lang;
    this.#L = listeners();
    const L = this.#L;
    const tools = h("div", { class: "tool-buttons" });
    const hooks = {
      guard,
      notify: (key, text) => this.#say(key, text),
      change: (name, v) => this.#changed(name, v),
      // Getters stay getters (a spread would run them): a detail's costly parts are built on read.
      event: (type, detail) => this.dispatchEvent(new CustomEvent(type, { detail: Object.defineProperties({ panel }, Object.getOwnPropertyDescriptors(detail)), bubbles: true, composed: true })),
      live: (d) => { for (const [k, v] of Object.entries(d)) if (this.dataset[k] !== String(v)) this.dataset[k] = String(v); },
      theme: () => this.#theme(),
      tools,
    };
    try {
      this.#api = MOUNT[panel](this.#body, state, hooks);
    } catch (e) {
      if (e?.lost) return (this.#building = false);
      this.#say("build", this.#words().buildFailed(panel, e?.message ?? e));
      this.#api = MOUNT[panel](this.#body, parseState((n) => (n === "panel" ? panel : null)).state, hooks);
    }
    this.#tools(tools);
    this.#applyTheme();
    this.#showControls();
    if (dark) L.on(dark, "change", () => { this.#applyTheme(); this.#api?.set("theme", this.#api.state.theme); });
    L.on(this.#root, "keydown", (e) => this.#key(e));
    this.#building = false;
    performance.mark(`descent-built-${panel}`);
    this.#resolveDrawn();
    // Ready once the formulas, written after the first paint, are there too (the panel asked
    // for its afterPaint first, so it runs first).
    const api = this.#api;
    afterPaint(() => { if (this.#api === api) this.#resolve(); });
  }

  /** The theme in effect: light or dark (auto follows the reader's system). */
  #theme() {
    const t = this.#api?.state.theme ?? this.getAttribute("theme") ?? "auto";
    return t === "auto" ? (dark?.matches ? "dark" : "light") : t;
  }
  #applyTheme() { this.#body.dataset.theme = this.#theme(); this.#notice.dataset.theme = this.#theme(); }

  #showControls() {
    const shown = shownControls(this.#kind, this.#api.state);
    for (const el of this.#body.querySelectorAll("[data-control]")) el.hidden = !shown.has(el.dataset.control);
  }

  /** Share, export and help: their code loads when first used. */
  #tools(box) {
    const W = () => this.#words();
    const btn = (control, text, onclick) => {
      const b = h("button", { type: "button", "data-control": control, onclick });
      b.dataset.word = text;
      return b;
    };
    const said = h("span", { class: "tool-said", role: "status" });
    const out = h("textarea", { readonly: true, rows: 4, class: "share-text", hidden: true });
    const run = (f) => f().then((m) => { said.textContent = m ?? ""; }, (e) => { said.textContent = String(e?.message ?? e); });
    const share = (what) => run(async () => (await import("./share.js")).share(what, this.snippets(), out, W()));
    const menu = h("details", { class: "export", "data-control": "export" }, h("summary", {}));
    const items = h("div", { class: "menu" });
    menu.append(items);
    const figures = this.#kind === "parabola" ? ["curve", "rate"] : ["map", "surface", "chart"];
    const save = (what, make, name) => run(async () => (await import("./share.js")).save(await make(), name, W().exported(what)));
    for (const fig of figures) items.append(h("button", { type: "button", "data-figure": fig, onclick: () => save(W().exportFigure[fig], () => this.toPNG(fig), `descent-${fig}.png`) }));
    items.append(h("button", { type: "button", "data-figure": "csv", onclick: () => save(W().exportCSV, async () => new Blob([await this.toCSV()], { type: "text/csv" }), "descent-trajectory.csv") }));
    items.append(h("button", { type: "button", "data-figure": "link", onclick: () => share("link") }));
    const helpBtn = btn("help", "help", () => this.help());
    const link = btn("share", "copyLink", () => share("link"));
    const embed = btn("share", "copyEmbed", () => share("embed"));
    box.append(h("div", { class: "buttons" }, link, embed, menu, helpBtn), said, out);
    const relabel = () => {
      const w = W();
      for (const b of box.querySelectorAll("button[data-word]")) b.textContent = w[b.dataset.word];
      menu.querySelector("summary").textContent = w.export;
      menu.setAttribute("aria-label", w.exportMenu);
      for (const b of items.querySelectorAll("button")) b.textContent = b.dataset.figure === "csv" ? w.exportCSV : b.dataset.figure === "link" ? w.exportLink : w.exportFigure[b.dataset.figure];
      out.setAttribute("aria-label", w.shareText);
    };
    relabel();
    this.#relabelTools = relabel;
  }
  #relabelTools = () => {};

  /** Show problems found outside the attributes (a link's unknown or repeated keys), in words. */
  report(problems) {
    const W = this.#words();
    problems.forEach((p, i) => this.#say(`link-${i}-${p.name}`, describeProblem(p, W)));
  }

  /** The "what am I looking at" panel with the shortcuts. */
  async help() {
    const m = await import("./help.js");
    m.showHelp(this.#body, this.#kind, this.#words(), () => this.#body.focus());
  }

  #key(e) {
    const t = e.composedPath()[0];
    const tag = t?.tagName;
    if (e.ctrlKey || e.metaKey || e.altKey || !this.#api) return;
    if (["INPUT", "SELECT", "TEXTAREA"].includes(tag)) return;
    if (t?.closest?.("dialog")) return;
    const onButton = tag === "BUTTON" || tag === "SUMMARY";
    const act = {
      " ": () => this.#api.step(), ArrowRight: () => this.#api.step(), ArrowLeft: () => this.#api.back(),
      p: () => this.#api.toggle(), P: () => this.#api.toggle(), r: () => this.#api.reset(), R: () => this.#api.reset(), "?": () => this.help(),
    }[e.key];
    if (!act || (onButton && e.key === " ")) return;
    e.preventDefault();
    act();
  }

  /** A problem in words inside the widget, one line per setting (a new one replaces the old;
   * null clears it). */
  #say(key, text) {
    if (text === null || text === undefined) {
      if (!this.#problems.delete(key)) return; // nothing to clear: nothing to redraw
    } else this.#problems.set(key, text);
    this.#renderNotice();
  }
  #renderNotice() {
    const W = this.#words();
    this.#noticeList.replaceChildren(...[...this.#problems.values()].map((m) => h("p", {}, m)));
    const any = this.#problems.size > 0;
    let dismiss = this.#notice.querySelector("button.dismiss");
    if (any && !dismiss) {
      dismiss = h("button", { type: "button", class: "dismiss", onclick: () => { this.#problems.clear(); this.#renderNotice(); } });
      this.#notice.append(dismiss);
    }
    if (dismiss) dismiss.textContent = W.dismiss;
    this.#notice.hidden = !any;
  }

  /** The wasm module is lost: say so, offer to reload, let go of everything. */
  lost() {
    try { this.#api?.pause(); } catch { /* the module is gone */ }
    this.#L?.off();
    this.#api = null;
    const W = words(this.getAttribute("lang"));
    this.#problems.clear();
    this.#problems.set("lost", W.moduleLost);
    this.#renderNotice();
    if (!this.#notice.querySelector("button.reload")) this.#notice.append(h("button", { type: "button", class: "reload", onclick: () => location.reload() }, W.reload));
    this.#body.inert = true;
  }

  /** A setting the user changed: reflect it into the attribute and tell the page. */
  #changed(name, v) {
    const f = TABLE[this.#kind][name];
    if (!f) return;
    this.#reflecting = true;
    const text = v === null || v === undefined ? null : textOf(f, v);
    const dflt = defaultValue(this.#kind, name, this.#api?.state ?? {});
    if (text === null || (dflt !== null && dflt !== undefined && text === textOf(f, dflt))) this.removeAttribute(name);
    else this.setAttribute(name, text);
    this.#reflecting = false;
    this.#after(name, v);
    this.#say(name, null);
    // The step count follows every step: it is in the attribute (and a link), not a change event.
    if (name === "steps") return;
    this.dispatchEvent(new CustomEvent("descent-change", { detail: { panel: this.#kind, name, value: v }, bubbles: true, composed: true }));
  }

  /** The current state as a URL hash. */
  get hash() { return this.#api ? toHash(this.#kind, stateOf(this.#kind, this.#api.state)) : ""; }

  /** The current state as a link, an <iframe> and a <descent-demo> snippet. The iframe's height
   * is the widget's compact height at this width (details folded), so nothing hides behind an
   * inner scrollbar. */
  snippets() {
    const st = stateOf(this.#kind, this.#api.state);
    const link = pageURL() + toHash(this.#kind, st);
    const attrs = writeState(this.#kind, st).map(([k, v]) => ` ${k}="${v.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`).join("");
    const script = new URL("./descent-demo.js", import.meta.url).href;
    const height = 760;
    const iframe = `<iframe src="${link.replace(/&/g, "&amp;")}" title="descent: ${this.#kind}" width="100%" height="${height}" loading="lazy"></iframe>`;
    const element = `<script type="module" src="${script.startsWith("data:") ? "descent-demo.js" : script}"></script>\n<descent-demo${attrs}></descent-demo>`;
    return { link, iframe, element };
  }
}

/** The shareable settings of a panel's live state (what the table names). */
function stateOf(panel, s) {
  const out = {};
  for (const name of Object.keys(TABLE[panel])) out[name] = s[name] ?? null;
  return out;
}

function defaultValue(panel, name, state) {
  const f = TABLE[panel][name];
  if ((name === "w0" || name === "b0") && panel === "loss-space") return state.surface === "neuron" || !state.surface ? (name === "w0" ? -2 : 0.5) : null;
  if (name === "x0" && panel === "parabola") return state.curve === "multiwell" ? 3.5 : 1;
  return f?.default ?? null;
}

function sameValue(a, b) {
  return Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}

if (!customElements.get("descent-demo")) customElements.define("descent-demo", DescentDemo);
