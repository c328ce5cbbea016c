// The example lesson's own script: it listens to the demos' events, as a course page would.
const counter = document.getElementById("prediction");
document.getElementById("lesson-parabola").addEventListener("descent-step", (e) => {
  const { step, x } = e.detail;
  counter.textContent = `Steps taken in the y = x² demo: ${step}. The point is at x = ${x}.`;
});
