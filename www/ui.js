// Small DOM helpers shared by the panels: elements, labelled inputs, HiDPI canvases, number text.

/** Create an element with attributes and children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === undefined || v === null) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** A number for people: 6 significant digits, no trailing zeros; exact text in `exact`. */
export function fmt(v) {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) return v.toExponential(4).replace(/\.?0+e/, "e");
  return String(Number(v.toPrecision(6)));
}

/**
 * Size a canvas to its CSS box in device pixels, so lines and text are crisp on HiDPI screens.
 * Returns the device pixel ratio used.
 */
export function fitCanvas(canvas, cssWidth, cssHeight) {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(cssWidth * dpr));
  const hgt = Math.max(1, Math.round(cssHeight * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== hgt) canvas.height = hgt;
  canvas.style.height = `${cssHeight}px`;
  return dpr;
}

/** A device-pixel position inside a canvas for a pointer event. */
export function canvasPoint(canvas, event) {
  const r = canvas.getBoundingClientRect();
  return [((event.clientX - r.left) * canvas.width) / r.width, ((event.clientY - r.top) * canvas.height) / r.height];
}

let ids = 0;
/** A unique id with a prefix. */
export const uid = (p) => `${p}-${++ids}`;

/**
 * A labelled number with an optional slider: `{label, min, max, step, value, log, onchange}`.
 * The slider is logarithmic (base 10) when `log`; the number input always holds the exact value.
 * Returns `{root, number, slider, set(v)}`; `onchange(v)` gets valid numbers only, and invalid
 * text is reported through `onerror(message)`.
 */
export function numberField({ label, name, min, max, step = "any", value, log = false, slider = true, onchange, onerror, W }) {
  const id = uid(name);
  const number = h("input", { type: "number", id, name, min, max, step, value, inputmode: "decimal" });
  const range = slider
    ? h("input", {
        type: "range",
        "aria-label": W ? W.sliderOf(label) : `${label} slider`,
        min: log ? Math.log10(min) : min,
        max: log ? Math.log10(max) : max,
        step: log ? 0.01 : (max - min) / 200,
        value: log ? Math.log10(value) : value,
      })
    : h("span");
  let last = String(value);
  const set = (v) => {
    number.value = last = String(v);
    if (slider) range.value = String(log ? Math.log10(Math.max(v, min)) : v);
  };
  range.addEventListener?.("input", () => {
    const raw = Number(range.value);
    const v = log ? Number((10 ** raw).toPrecision(3)) : Number(raw.toPrecision(6));
    number.value = last = String(v);
    onchange(v);
  });
  number.addEventListener("change", () => {
    const v = number.valueAsNumber;
    const [lo, hi] = [Number(number.min), Number(number.max)]; // the bounds may have moved since
    if (!Number.isFinite(v) || v < lo || v > hi) {
      onerror?.(W ? W.mustBe(label, lo, hi, number.value) : `${label} must be a number from ${lo} to ${hi}; "${number.value}" is not.`);
      number.value = last; // show the value still in effect; the notice says why
      return;
    }
    last = number.value;
    if (slider) range.value = String(log ? Math.log10(v) : v);
    onchange(v);
  });
  const root = h("div", { class: "field" + (slider ? "" : " wide") }, h("label", { for: id }, label), slider ? range : null, number);
  if (!slider) root.replaceChildren(h("label", { for: id }, label), number);
  return { root, number, slider: range, set };
}

/**
 * A labelled `<select>` for control `name`: `options` as `[value, text]` pairs, `onchange(value)`.
 * Returns `{root, select}`.
 */
export function selectField({ label, name, options, value, onchange }) {
  const id = uid(name);
  const select = h("select", { id, name, onchange: () => onchange(select.value) }, options.map(([v, t]) => h("option", { value: v }, t)));
  select.value = value;
  const root = h("div", { class: "field wide", "data-control": name }, h("label", { for: id }, label), select);
  return { root, select };
}

/** A Play/Pause loop calling `tick()` `rate()` times a second; stops when `tick` returns false. */
export function player(tick, rate, onstate) {
  let raf = 0;
  let last = 0;
  let carry = 0;
  const frame = (t) => {
    if (!raf) return;
    const dt = last ? Math.min(t - last, 250) : 0;
    last = t;
    carry += (dt / 1000) * rate();
    let go = true;
    while (carry >= 1 && go) {
      carry -= 1;
      go = tick();
    }
    if (!go) return stop();
    raf = requestAnimationFrame(frame);
  };
  const start = () => {
    if (raf) return;
    last = 0;
    carry = 1;
    raf = requestAnimationFrame(frame);
    onstate(true);
  };
  const stop = () => {
    if (raf) cancelAnimationFrame(raf);
    const was = raf !== 0;
    raf = 0;
    if (was) onstate(false);
  };
  return { start, stop, get playing() { return raf !== 0; }, toggle: () => (raf ? stop() : start()) };
}

/**
 * Call `onresize()` when `el`'s width changes (not on the observer's first call, nor on a height
 * change, which the caller's own drawing causes). Returns a function that stops watching.
 */
export function watchWidth(el, onresize) {
  let width = el.clientWidth;
  const observer = new ResizeObserver(() => {
    if (el.clientWidth === width) return;
    width = el.clientWidth;
    onresize();
  });
  observer.observe(el);
  return () => observer.disconnect();
}
