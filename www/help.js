// "What am I looking at?": a short help per panel with the keyboard shortcuts, in the widget's
// language; loaded the first time it is asked for.
import { h } from "./ui.js";

/**
 * The English help, here rather than in i18n.js so that a page loads it only when someone asks
 * for help (the French and Japanese words carry their own, and their tables are lazy already).
 */
const ENGLISH = {
  shortcutsTitle: "Keyboard shortcuts (when the widget has focus)",
  shortcuts: [["Space or →", "Step"], ["←", "Step back"], ["P", "Play / Pause"], ["R", "Reset"], ["?", "This help"], ["Arrow keys on the map", "Move the start"], ["← → on the y = x² figure", "Move x₀"], ["Arrow keys on the 3-D view", "Turn it"]],
  helpText: {
    loss: [
      ["The map", "Each point of the map is a choice of the neuron's weight w (across) and bias b (up). Its colour is the loss L there: red is low, yellow is high (autumn), or purple low to yellow high (viridis). The colour bar gives the scale."],
      ["Contour lines", "Each grey line joins points of equal loss, like the height lines of a hiking map. Where they are close together the slope is steep; where they are far apart it is flat (a plateau)."],
      ["The path and the arrow", "The blue dots are the points gradient descent visited, from the start to now. The black arrow is the next step Δ = −η·g: it points downhill, and its length is the learning rate η times the slope."],
      ["Plateau and overshoot", "Far from the valley the sigmoid is flat, so the gradient is tiny and the steps are short (the article's plateau). Too large an η makes a step jump over the valley: the loss goes up and down, or the point leaves the map."],
      ["Optimizers, surfaces, batches", "Several optimizers can race from one start, each in its colour. On a test surface the axes are x and y. With several samples the map shows the mean loss; a step may see only a mini-batch, so its path is noisy beside the dashed full-batch path."],
    ],
    parabola: [
      ["The curve", "y = x² has its bottom at x = 0. At a point x the slope (the derivative) is 2x: the dashed line is the tangent."],
      ["A step", "Gradient descent moves against the slope: Δx = −η·2x, so x becomes (1 − 2η)·x. The arrow shows each step; older steps fade."],
      ["Overshoot", "With η = 1 the step from x = 1 is Δx = −2, landing on x = −1: past the bottom. That is why η must be small."],
      ["The chart", "|xₜ| on a log scale against the steps: a straight line going down means steady convergence; the dashed line is the prediction |1 − 2η|ᵗ·|x₀|."],
    ],
  },
};

/** Show the help of `panel` in a dialog inside `container`; `done()` when it closes. */
export function showHelp(container, panel, words, done) {
  const W = words.helpText ? words : { ...words, ...ENGLISH };
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
