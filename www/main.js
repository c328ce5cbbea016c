// Entry point: load the wasm module once, then mount both panels.
import init from "./pkg/descent.js";
import { mountLossPanel } from "./loss-panel.js";
import { mountParabolaPanel } from "./parabola-panel.js";

const notice = document.querySelector(".notice");
function notify(message) {
  notice.textContent = message;
  notice.hidden = false;
}

try {
  await init();
  window.descent = {
    loss: mountLossPanel(document.getElementById("loss-space"), {}, notify),
    parabola: mountParabolaPanel(document.getElementById("parabola"), {}, notify),
  };
  document.documentElement.dataset.ready = "true";
} catch (e) {
  notify(`descent could not start: ${e.message || e}`);
}
