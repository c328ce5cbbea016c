// Every word of the widget in English, French (the article's language) and Japanese (the
// series' original language), and every number written for the language (Intl.NumberFormat, the
// minus sign U+2212). A panel asks `words(lang)` and reads its strings from the table; problems
// and refusals arrive as data and are worded here.

const MINUS = "\u2212";
const SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const cache = new Map();

/** `v` with at most `sig` significant digits, in the language's style: 0,102 in French, −2
 * with a true minus, 1.2×10⁻⁵ outside 10⁻⁴…10⁶; `∞`, `−∞`, `NaN` as such. */
export function formatNumber(v, lang = "en", sig = 6) {
  if (v === null || v === undefined) return "—";
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : `${MINUS}∞`;
  if (v === 0) return "0";
  const key = `${lang}|${sig}`;
  let nf = cache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(lang, { maximumSignificantDigits: sig, useGrouping: false });
    cache.set(key, nf);
  }
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) {
    let e = Math.floor(Math.log10(a));
    let m = Number((v / 10 ** e).toPrecision(sig));
    if (Math.abs(m) >= 10) { m /= 10; e += 1; }
    const exp = String(e).replace("-", "⁻").replace(/\d/g, (d) => SUP[d]);
    return `${nf.format(m).replace("-", MINUS)}×10${exp}`;
  }
  return nf.format(v).replace("-", MINUS);
}

/** Each quantity is written with one precision everywhere (readouts, status, formulas). */
export const PRECISION = 6;

const en = {
  code: "en",
  decimal: ".",
  loading: "Loading descent…",
  dismiss: "Dismiss",
  reload: "Reload",
  styleFailed: (why) => `descent's stylesheet did not load (${why}); it works unstyled.`,
  startFailed: (why) => `descent could not start: ${why}`,
  buildFailed: (panel, why) => `descent could not build the ${panel} panel: ${why}. Showing the defaults.`,
  moduleLost: "descent stopped working after an internal error. Reload the page to start again.",
  step: "Step", play: "Play", pause: "Pause", back: "Step back", reset: "Reset", random: "New random start",
  reveal: "Reveal", check: "Check my guess",
  copyLink: "Copy link", copyEmbed: "Copy embed code", copied: (what) => `${what} copied.`,
  selected: (what) => `${what} selected: press Ctrl+C (⌘C) to copy.`, link: "Link", embed: "Embed code",
  shareText: "Link or embed code to copy",
  export: "Export", exportMenu: "Export this panel",
  exportFigure: { map: "Map as PNG", surface: "3-D view as PNG", chart: "Loss chart as PNG", curve: "Figure as PNG", rate: "|xₜ| chart as PNG" },
  exportCSV: "Trajectory as CSV", exportLink: "State as a link", exported: (what) => `${what} saved.`,
  help: "What am I looking at?", close: "Close", helpTitle: "What am I looking at?",
  shortcutsTitle: "Keyboard shortcuts (when the widget has focus)",
  shortcuts: [["Space or →", "Step"], ["←", "Step back"], ["P", "Play / Pause"], ["R", "Reset"], ["?", "This help"], ["Arrow keys on the map", "Move the start"], ["← → on the y = x² figure", "Move x₀"], ["Arrow keys on the 3-D view", "Turn it"]],
  settings: "Settings", numbers: "Numbers of this step", formulasTitle: "Formulas with the numbers",
  dragHint: "Drag sideways (or use the arrow keys when it has focus) to turn the surface; two fingers or an up–down drag with a mouse tilts it.",
  languages: { en: "English", fr: "Français", ja: "日本語" },
  themes: { auto: "as the system", light: "light", dark: "dark" },
  sliderOf: (label) => `${label} slider`,
  // Loss space
  lossTitle: "Loss space of (w, b) — gradient descent step by step",
  surfaceTitle: (name) => `Test surface: ${name} — optimizers racing`,
  mapLabel: "Loss map: heatmap with contour lines, axes w and b",
  pathLabel: (s) => `Trajectory on the loss map. ${s} Click or tap to set the start.`,
  surfaceLabel: (s) => `3-D loss surface. ${s}`,
  chartLabel: (s) => `Loss over steps. ${s}`,
  labels: { eta: "η", speed: "speed", seed: "seed", w0: "w₀", b0: "b₀", x0: "x₀", ystar: "y*", range: "range ±", cmap: "colour map", view: "view", scale: "loss axis", lang: "language", theme: "theme", surface: "surface", optimizers: "optimizers", activation: "activation", loss: "loss", data: "data", dataseed: "data seed", batch: "batch size", order: "batches drawn", batchseed: "batch seed", predict: "predict, then check", run: "numbers of", curve: "curve", start: "start" },
  startAxes: { neuron: ["w₀", "b₀"], surface: ["x₀", "y₀"] },
  cmap: { autumn: "autumn (article)", viridis: "viridis (colour-blind safe)" },
  view: { "2d": "2-D map", "3d": "3-D surface" },
  scale: { linear: "linear", log: "log" },
  order: { epoch: "shuffled, each sample once an epoch", replacement: "at random, with replacement" },
  batchAll: "all",
  surfaces: { neuron: "the neuron (the article)", saddle: "saddle y² − x²", tanh: "tanh²x + tanh²y", sinc: "−(sinc x + sinc y) + (x² + y²)/10", "tanh-bowl": "0.125(x² + y²) + tanh²(10x)", rosenbrock: "Rosenbrock", beale: "Beale", himmelblau: "Himmelblau" },
  data: { single: "one sample (x₀, y*): the article's", logistic: "noisy logistic curve (12 samples)", threshold: "AND-like threshold (12 samples)", custom: "your samples" },
  dataTable: "Samples (x, t): edit a cell, then press Enter",
  addSample: "Add a sample", removeSample: "Remove",
  axes: { neuron: ["w", "b"], surface: ["x", "y"] },
  lossAxis: "loss L", lossLog: "loss L (log)", stepAxis: "step t", valueAxis: "f(x, y)",
  rows: { step: "step t", w: "wₜ", b: "bₜ", y: "y = act(x·w + b)", loss: "L(wₜ, bₜ)", batchLoss: "L on the batch", gw: "∂L/∂w", gb: "∂L/∂b", dw: "Δwₜ", db: "Δbₜ", wNext: "wₜ₊₁ = wₜ + Δwₜ", bNext: "bₜ₊₁ = bₜ + Δbₜ", eta: "η", epoch: "epoch", batch: "batch (samples)" },
  rowsSurface: { w: "xₜ", b: "yₜ", loss: "f(xₜ, yₜ)", gw: "∂f/∂x", gb: "∂f/∂y", dw: "Δxₜ", db: "Δyₜ", wNext: "xₜ₊₁ = xₜ + Δxₜ", bNext: "yₜ₊₁ = yₜ + Δyₜ" },
  hidden: "?",
  lossStatus: (n, l) => `Step ${n}: L = ${l}`,
  raceStatus: (n, going, all) => `Step ${n}: ${going} of ${all} optimizers still going`,
  batchStatus: (n, l, bl, e) => `Step ${n}: L = ${l} (on this batch ${bl}), epoch ${e}`,
  lossPresets: [
    ["descent", "Quick descent (η = 2 from (−2, 0.5))"],
    ["plateau", "The article's plateau (η = 0.1 from (−1.5, −1.5))"],
    ["overshoot", "Overshooting (η = 30)"],
    ["diverge", "Leaving the map (η = 100)"],
  ],
  raceLegend: "Optimizers racing (colour, name, state)",
  raceEditor: "Optimizers and their hyperparameters",
  addRun: "Add an optimizer", removeRun: (n) => `Remove ${n}`, allRuns: "Race all 19 (on the logistic data, from (−1, 1))", oneRun: "Back to one",
  runState: (step, loss) => `step ${step}, L = ${loss}`,
  runStopped: "stopped",
  defaultsShown: "Defaults are shown greyed; type to change one.",
  // Trends and stops: what happened, then what to try.
  trend: {
    start: "",
    descending: "The loss goes down.",
    converged: "At the bottom: the gradient is almost zero and the steps are tiny.",
    "zero-gradient": "The gradient here is exactly zero, so no step can move: a step activation has zero slope everywhere, and ReLU has none where x·w + b < 0. Try another activation or start.",
    plateau: "A plateau: the gradient is tiny, so each step barely moves. Raise η, or start nearer the valley.",
    oscillating: "The loss goes up and down: each step overshoots the valley. Lower η.",
    noisy: "The loss goes up and down because each step sees only a mini-batch. A bigger batch (or a smaller η) smooths it.",
    rising: "The loss has risen for several steps: η is too large. Lower it.",
  },
  stopShort: { left: "stopped: left the map", "non-finite": "stopped: not a finite number" },
  stop: {
    left: (to, win) => `Stopped: the next step would go to (${to}), outside the map (${win}). η is too large: the step overshoots. Press Reset, then lower η or widen the range.`,
    leftSurface: (to, win) => `Stopped: the next step would go to (${to}), outside the map (${win}). η is too large for this surface, or it falls away without bound (the saddle). Press Reset, then lower η.`,
    "non-finite": (what, v) => `Stopped: the ${what} became ${v}, not a finite number. Press Reset and lower η.`,
  },
  quantity: { loss: "loss", gradient: "gradient", delta: "step Δ", point: "point" },
  predictAsk: (what) => `Where will the next step land? Enter your guess for ${what}, or tap the figure, then check.`,
  predictFeedback: (guess, truth, err) => `Your guess ${guess}; the step lands on ${truth} (off by ${err}).`,
  predictRevealed: (truth) => `The step lands on ${truth}.`,
  guessLabel: (name) => `your guess for ${name}`,
  // y = x²
  parabolaTitle: "y = x²: why the learning rate must be small",
  multiwellTitle: "A curve with two wells: where does descent end?",
  figureLabel: (s) => `The curve with the current point, its tangent and the steps. ${s} Drag the point or use the arrow keys to set the start.`,
  rateLabel: "|xₜ| against t on a log scale, with the predicted |1 − 2η|ᵗ·|x₀| dashed; a zero is marked at the bottom edge.",
  lossRateLabel: "The loss f(xₜ) over steps.",
  presetsLabel: "Learning-rate presets",
  presets: [[1, "η = 1: where does x₀ = 1 land?"], [0.1, "η = 0.1"], [0.5, "η = 0.5"], [0.9, "η = 0.9"], [1.1, "η = 1.1"]],
  presetsRevealing: [[1, "η = 1: bounces between 1 and −1"], [0.1, "η = 0.1: smooth"], [0.5, "η = 0.5: one step to the bottom"], [0.9, "η = 0.9: oscillating convergence"], [1.1, "η = 1.1: divergence"]],
  curves: { parabola: "y = x² (the article)", multiwell: "two wells (the series)" },
  curveRows: { step: "step t", x: "xₜ", y: "yₜ = f(xₜ)", slope: "slope f′(xₜ)", dx: "Δxₜ = −η·f′(xₜ)", next: "xₜ₊₁ = xₜ + Δxₜ", eta: "η" },
  parabolaRows: { slope: "slope 2xₜ", dx: "Δxₜ = −η·2xₜ" },
  caption: (t) => `The step to come, from x${sub(t)} to x${sub(t + 1)}:`,
  parabolaStatus: (n, x) => `Step ${n}: x = ${x}`,
  slopeWord: { parabola: "slope 2x", multiwell: "slope f′(x)" },
  curveAxis: { parabola: "y = x²", multiwell: "y = f(x)" },
  rateAxis: { parabola: "|xₜ|", multiwell: "f(xₜ)" },
  regime: (text) => `Regime: ${text}.`,
  regimes: {
    uphill: "moving uphill: η < 0 turns descent into ascent",
    none: "no movement: η = 0, so Δx = 0",
    smooth: "smooth convergence: 0 < 1 − 2η < 1, x shrinks each step",
    "one-step": "one step to the bottom: 1 − 2η = 0",
    oscillating: "oscillating convergence: −1 < 1 − 2η < 0, x flips sign and shrinks",
    bounce: "endless bounce: 1 − 2η = −1, x jumps between x₀ and −x₀ forever",
    divergent: "divergence: |1 − 2η| > 1, each step lands farther away",
  },
  curveStop: (x, lo, hi) => `Stopped: the next step would go to x = ${x}, outside the figure [${lo}, ${hi}]: each step lands farther from the bottom. Press Reset.`,
  // Notices about settings.
  problem: (p, W) => describeProblem(p, W),
  error: (e, W) => describeError(e, W),
  typed: (label, raw, min, max, kept) => `${label}: "${raw}" is not a number from ${min} to ${max}. Keeping ${kept}.`,
  clamped: (label, old, r, used) => `${label} = ${old} is outside the new range ±${r}: using ${used}.`,
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

const fr = {
  ...en,
  code: "fr",
  decimal: ",",
  loading: "Chargement de descent…",
  dismiss: "Fermer",
  reload: "Recharger",
  styleFailed: (why) => `La feuille de style de descent n’a pas pu être chargée (${why}) ; il fonctionne sans style.`,
  startFailed: (why) => `descent n’a pas pu démarrer : ${why}`,
  buildFailed: (panel, why) => `descent n’a pas pu construire le panneau ${panel} : ${why}. Valeurs par défaut affichées.`,
  moduleLost: "descent s'est arrêté après une erreur interne. Rechargez la page pour recommencer.",
  step: "Pas", play: "Lecture", pause: "Pause", back: "Pas en arrière", reset: "Réinitialiser", random: "Nouveau départ aléatoire",
  reveal: "Révéler", check: "Vérifier ma prévision",
  copyLink: "Copier le lien", copyEmbed: "Copier le code d'intégration", copied: (what) => `${what} copié.`,
  selected: (what) => `${what} sélectionné : appuyez sur Ctrl+C (⌘C) pour copier.`, link: "Lien", embed: "Code d'intégration",
  shareText: "Lien ou code d'intégration à copier",
  export: "Exporter", exportMenu: "Exporter ce panneau",
  exportFigure: { map: "Carte en PNG", surface: "Vue 3D en PNG", chart: "Courbe de perte en PNG", curve: "Figure en PNG", rate: "Courbe de |xₜ| en PNG" },
  exportCSV: "Trajectoire en CSV", exportLink: "État en lien", exported: (what) => `${what} enregistré.`,
  help: "Que vois-je ?", close: "Fermer", helpTitle: "Que vois-je ?",
  shortcutsTitle: "Raccourcis clavier (quand le widget a le focus)",
  shortcuts: [["Espace ou →", "Pas"], ["←", "Pas en arrière"], ["P", "Lecture / Pause"], ["R", "Réinitialiser"], ["?", "Cette aide"], ["Flèches sur la carte", "Déplacer le départ"], ["← → sur la figure de y = x²", "Déplacer x₀"], ["Flèches sur la vue 3D", "La faire tourner"]],
  settings: "Réglages", numbers: "Nombres de ce pas", formulasTitle: "Formules avec les nombres",
  dragHint: "Glissez de côté (ou utilisez les flèches quand elle a le focus) pour faire tourner la surface ; deux doigts ou un glissé vertical à la souris l'inclinent.",
  themes: { auto: "comme le système", light: "clair", dark: "sombre" },
  sliderOf: (label) => `curseur ${label}`,
  lossTitle: "Espace de perte de (w, b) — la descente de gradient pas à pas",
  surfaceTitle: (name) => `Surface de test : ${name} — course d'optimiseurs`,
  mapLabel: "Carte de la perte : couleurs et lignes de niveau, axes w et b",
  pathLabel: (s) => `Trajectoire sur la carte. ${s} Cliquez ou touchez pour choisir le départ.`,
  surfaceLabel: (s) => `Surface de perte en 3D. ${s}`,
  chartLabel: (s) => `Perte au fil des pas. ${s}`,
  labels: { eta: "η", speed: "vitesse", seed: "graine", w0: "w₀", b0: "b₀", x0: "x₀", ystar: "y*", range: "plage ±", cmap: "couleurs", view: "vue", scale: "axe de la perte", lang: "langue", theme: "thème", surface: "surface", optimizers: "optimiseurs", activation: "activation", loss: "perte", data: "données", dataseed: "graine des données", batch: "taille du lot", order: "tirage des lots", batchseed: "graine des lots", predict: "prévoir, puis vérifier", run: "nombres de", curve: "courbe", start: "départ" },
  cmap: { autumn: "autumn (l'article)", viridis: "viridis (lisible par les daltoniens)" },
  view: { "2d": "carte 2D", "3d": "surface 3D" },
  scale: { linear: "linéaire", log: "logarithmique" },
  order: { epoch: "mélangés, chaque exemple une fois par époque", replacement: "au hasard, avec remise" },
  batchAll: "tous",
  surfaces: { ...en.surfaces, neuron: "le neurone (l'article)", saddle: "selle y² − x²" },
  data: { single: "un exemple (x₀, y*) : celui de l'article", logistic: "courbe logistique bruitée (12 exemples)", threshold: "seuil type ET (12 exemples)", custom: "vos exemples" },
  dataTable: "Exemples (x, t) : modifiez une case, puis Entrée",
  addSample: "Ajouter un exemple", removeSample: "Retirer",
  lossAxis: "perte L", lossLog: "perte L (log.)", stepAxis: "pas t",
  rows: { step: "pas t", w: "wₜ", b: "bₜ", y: "y = act(x·w + b)", loss: "L(wₜ, bₜ)", batchLoss: "L sur le lot", gw: "∂L/∂w", gb: "∂L/∂b", dw: "Δwₜ", db: "Δbₜ", wNext: "wₜ₊₁ = wₜ + Δwₜ", bNext: "bₜ₊₁ = bₜ + Δbₜ", eta: "η", epoch: "époque", batch: "lot (exemples)" },
  lossStatus: (n, l) => `Pas ${n} : L = ${l}`,
  raceStatus: (n, going, all) => `Pas ${n} : ${going} optimiseurs sur ${all} avancent encore`,
  batchStatus: (n, l, bl, e) => `Pas ${n} : L = ${l} (sur ce lot ${bl}), époque ${e}`,
  lossPresets: [
    ["descent", "Descente rapide (η = 2 depuis (−2 ; 0,5))"],
    ["plateau", "Le plateau de l'article (η = 0,1 depuis (−1,5 ; −1,5))"],
    ["overshoot", "Le pas dépasse (η = 30)"],
    ["diverge", "Sortie de la carte (η = 100)"],
  ],
  raceLegend: "Optimiseurs en course (couleur, nom, état)",
  raceEditor: "Optimiseurs et leurs hyperparamètres",
  addRun: "Ajouter un optimiseur", removeRun: (n) => `Retirer ${n}`, allRuns: "Les 19 en course (sur la courbe logistique, depuis (−1 ; 1))", oneRun: "Revenir à un seul",
  runState: (step, loss) => `pas ${step}, L = ${loss}`,
  runStopped: "arrêté",
  defaultsShown: "Les valeurs par défaut sont en gris ; tapez pour en changer une.",
  trend: {
    start: "",
    descending: "La perte diminue.",
    converged: "Au fond : le gradient est presque nul et les pas minuscules.",
    "zero-gradient": "Le gradient est exactement nul ici, aucun pas ne peut bouger : une activation en marche a une pente nulle partout, et ReLU n'en a pas quand x·w + b < 0. Essayez une autre activation ou un autre départ.",
    plateau: "Un plateau : le gradient est minuscule, chaque pas bouge à peine. Augmentez η, ou partez plus près de la vallée.",
    oscillating: "La perte monte et descend : chaque pas dépasse la vallée. Baissez η.",
    noisy: "La perte monte et descend car chaque pas ne voit qu'un mini-lot. Un lot plus grand (ou un η plus petit) lisse la courbe.",
    rising: "La perte monte depuis plusieurs pas : η est trop grand. Baissez-le.",
  },
  stopShort: { left: "arrêté : sorti de la carte", "non-finite": "arrêté : pas un nombre fini" },
  stop: {
    left: (to, win) => `Arrêt : le pas suivant irait en (${to}), hors de la carte (${win}). η est trop grand : le pas dépasse le creux. Appuyez sur Réinitialiser, puis baissez η ou élargissez la plage.`,
    leftSurface: (to, win) => `Arrêt : le pas suivant irait en (${to}), hors de la carte (${win}). η est trop grand pour cette surface, ou elle descend sans fin (la selle). Appuyez sur Réinitialiser, puis baissez η.`,
    "non-finite": (what, v) => `Arrêt : ${what} vaut ${v}, qui n'est pas un nombre fini. Appuyez sur Réinitialiser et baissez η.`,
  },
  quantity: { loss: "la perte", gradient: "le gradient", delta: "le pas Δ", point: "le point" },
  predictAsk: (what) => `Où le pas suivant va-t-il arriver ? Entrez votre prévision pour ${what}, ou touchez la figure, puis vérifiez.`,
  predictFeedback: (guess, truth, err) => `Votre prévision ${guess} ; le pas arrive en ${truth} (écart ${err}).`,
  predictRevealed: (truth) => `Le pas arrive en ${truth}.`,
  guessLabel: (name) => `votre prévision pour ${name}`,
  parabolaTitle: "y = x² : pourquoi le taux d'apprentissage doit être petit",
  multiwellTitle: "Une courbe à deux creux : où la descente s'arrête-t-elle ?",
  figureLabel: (s) => `La courbe avec le point courant, sa tangente et les pas. ${s} Glissez le point ou utilisez les flèches pour choisir le départ.`,
  rateLabel: "|xₜ| en fonction de t sur une échelle logarithmique, avec |1 − 2η|ᵗ·|x₀| prévu en pointillés ; un zéro est marqué au bord inférieur.",
  lossRateLabel: "La perte f(xₜ) au fil des pas.",
  presetsLabel: "Taux d'apprentissage prédéfinis",
  presets: [[1, "η = 1 : où arrive x₀ = 1 ?"], [0.1, "η = 0,1"], [0.5, "η = 0,5"], [0.9, "η = 0,9"], [1.1, "η = 1,1"]],
  presetsRevealing: [[1, "η = 1 : rebondit entre 1 et −1"], [0.1, "η = 0,1 : descente régulière"], [0.5, "η = 0,5 : le fond en un pas"], [0.9, "η = 0,9 : convergence en oscillant"], [1.1, "η = 1,1 : divergence"]],
  curves: { parabola: "y = x² (l'article)", multiwell: "deux creux (la série)" },
  curveRows: { step: "pas t", x: "xₜ", y: "yₜ = f(xₜ)", slope: "pente f′(xₜ)", dx: "Δxₜ = −η·f′(xₜ)", next: "xₜ₊₁ = xₜ + Δxₜ", eta: "η" },
  parabolaRows: { slope: "pente 2xₜ", dx: "Δxₜ = −η·2xₜ" },
  caption: (t) => `Le pas à venir, de x${sub(t)} à x${sub(t + 1)} :`,
  parabolaStatus: (n, x) => `Pas ${n} : x = ${x}`,
  slopeWord: { parabola: "pente 2x", multiwell: "pente f′(x)" },
  regime: (text) => `Régime : ${text}.`,
  regimes: {
    uphill: "montée : η < 0 change la descente en montée",
    none: "immobile : η = 0, donc Δx = 0",
    smooth: "convergence régulière : 0 < 1 − 2η < 1, x diminue à chaque pas",
    "one-step": "le fond en un pas : 1 − 2η = 0",
    oscillating: "convergence en oscillant : −1 < 1 − 2η < 0, x change de signe et diminue",
    bounce: "rebond sans fin : 1 − 2η = −1, x saute entre x₀ et −x₀ pour toujours",
    divergent: "divergence : |1 − 2η| > 1, chaque pas atterrit plus loin",
  },
  curveStop: (x, lo, hi) => `Arrêt : le pas suivant irait en x = ${x}, hors de la figure [${lo} ; ${hi}] : chaque pas atterrit plus loin du fond. Appuyez sur Réinitialiser.`,
  typed: (label, raw, min, max, kept) => `${label} : « ${raw} » n'est pas un nombre entre ${min} et ${max}. ${kept} est conservé.`,
  clamped: (label, old, r, used) => `${label} = ${old} est hors de la nouvelle plage ±${r} : ${used} est utilisé.`,
  helpText: {
    loss: [
      ["La carte", "Chaque point de la carte est un choix du poids w (en largeur) et du biais b (en hauteur) du neurone. Sa couleur est la perte L : rouge pour une perte faible, jaune pour une perte forte (autumn), ou violet à jaune (viridis). La barre de couleurs donne l'échelle."],
      ["Lignes de niveau", "Chaque ligne grise relie des points de même perte, comme les courbes de niveau d'une carte de randonnée. Serrées, la pente est forte ; espacées, elle est faible (un plateau)."],
      ["Le chemin et la flèche", "Les points bleus sont ceux que la descente a visités, du départ à maintenant. La flèche noire est le pas suivant Δ = −η·g : elle descend la pente, et sa longueur est le taux d'apprentissage η fois la pente."],
      ["Plateau et dépassement", "Loin de la vallée la sigmoïde est plate : le gradient est minuscule et les pas courts (le plateau de l'article). Un η trop grand fait sauter la vallée : la perte monte et descend, ou le point sort de la carte."],
      ["Optimiseurs, surfaces, lots", "Plusieurs optimiseurs peuvent partir du même point, chacun de sa couleur. Sur une surface de test les axes sont x et y. Avec plusieurs exemples la carte montre la perte moyenne ; un pas peut ne voir qu'un mini-lot, d'où un chemin bruité à côté du chemin en pointillés sur toutes les données."],
    ],
    parabola: [
      ["La courbe", "y = x² a son creux en x = 0. En un point x la pente (la dérivée) vaut 2x : la droite en pointillés est la tangente."],
      ["Un pas", "La descente de gradient va contre la pente : Δx = −η·2x, donc x devient (1 − 2η)·x. La flèche montre chaque pas ; les anciens s'estompent."],
      ["Le dépassement", "Avec η = 1, le pas depuis x = 1 vaut Δx = −2 et arrive en x = −1 : au-delà du creux. Voilà pourquoi η doit être petit."],
      ["La courbe du bas", "|xₜ| sur une échelle logarithmique en fonction des pas : une droite descendante signifie une convergence régulière ; les pointillés sont la prévision |1 − 2η|ᵗ·|x₀|."],
    ],
  },
};

const ja = {
  ...en,
  code: "ja",
  decimal: ".",
  loading: "descent を読み込み中…",
  dismiss: "閉じる",
  reload: "再読み込み",
  styleFailed: (why) => `descent のスタイルシートを読み込めませんでした（${why}）。スタイルなしで動作します。`,
  startFailed: (why) => `descent を起動できませんでした：${why}`,
  buildFailed: (panel, why) => `descent は ${panel} パネルを構築できませんでした：${why}。既定値を表示します。`,
  moduleLost: "内部エラーで descent が停止しました。ページを再読み込みしてください。",
  step: "1ステップ", play: "再生", pause: "一時停止", back: "1ステップ戻る", reset: "リセット", random: "ランダムな初期値",
  reveal: "答えを見る", check: "予想を確かめる",
  copyLink: "リンクをコピー", copyEmbed: "埋め込みコードをコピー", copied: (what) => `${what}をコピーしました。`,
  selected: (what) => `${what}を選択しました：Ctrl+C（⌘C）でコピーしてください。`, link: "リンク", embed: "埋め込みコード",
  shareText: "コピーするリンクまたは埋め込みコード",
  export: "書き出し", exportMenu: "このパネルを書き出す",
  exportFigure: { map: "マップを PNG で", surface: "3D 表示を PNG で", chart: "損失のグラフを PNG で", curve: "図を PNG で", rate: "|xₜ| のグラフを PNG で" },
  exportCSV: "軌跡を CSV で", exportLink: "状態をリンクで", exported: (what) => `${what}を保存しました。`,
  help: "何が表示されている？", close: "閉じる", helpTitle: "何が表示されている？",
  shortcutsTitle: "キーボードショートカット（ウィジェットにフォーカスがあるとき）",
  shortcuts: [["スペース または →", "1ステップ"], ["←", "1ステップ戻る"], ["P", "再生／一時停止"], ["R", "リセット"], ["?", "このヘルプ"], ["マップ上の矢印キー", "初期値を動かす"], ["y = x² の図の上の ← →", "x₀ を動かす"], ["3D 表示上の矢印キー", "回転"]],
  settings: "設定", numbers: "このステップの数値", formulasTitle: "数値入りの式",
  dragHint: "横にドラッグ（またはフォーカス時に矢印キー）で曲面を回転、2本指またはマウスの上下ドラッグで傾けます。",
  languages: en.languages,
  themes: { auto: "システムに合わせる", light: "ライト", dark: "ダーク" },
  sliderOf: (label) => `${label} のスライダー`,
  lossTitle: "(w, b) の損失空間 — 勾配降下法を1ステップずつ",
  surfaceTitle: (name) => `テスト関数：${name} — 最適化手法の比較`,
  mapLabel: "損失のマップ：色と等高線、軸は w と b",
  pathLabel: (s) => `損失マップ上の軌跡。${s} クリックまたはタップで初期値を設定。`,
  surfaceLabel: (s) => `損失曲面の 3D 表示。${s}`,
  chartLabel: (s) => `ステップごとの損失。${s}`,
  labels: { eta: "η", speed: "速さ", seed: "シード", w0: "w₀", b0: "b₀", x0: "x₀", ystar: "y*", range: "範囲 ±", cmap: "カラーマップ", view: "表示", scale: "損失の軸", lang: "言語", theme: "テーマ", surface: "関数", optimizers: "最適化手法", activation: "活性化関数", loss: "損失関数", data: "データ", dataseed: "データのシード", batch: "バッチサイズ", order: "バッチの取り方", batchseed: "バッチのシード", predict: "予想してから確かめる", run: "表示する手法", curve: "曲線", start: "初期値" },
  cmap: { autumn: "autumn（記事のもの）", viridis: "viridis（色覚に配慮）" },
  view: { "2d": "2D マップ", "3d": "3D 曲面" },
  scale: { linear: "線形", log: "対数" },
  order: { epoch: "シャッフルして各サンプルをエポックに1回", replacement: "復元抽出でランダムに" },
  batchAll: "全部",
  surfaces: { ...en.surfaces, neuron: "ニューロン（記事のもの）", saddle: "鞍点 y² − x²" },
  data: { single: "1サンプル (x₀, y*)：記事のもの", logistic: "ノイズ入りロジスティック曲線（12サンプル）", threshold: "AND 風のしきい値（12サンプル）", custom: "自分のサンプル" },
  dataTable: "サンプル (x, t)：セルを編集して Enter",
  addSample: "サンプルを追加", removeSample: "削除",
  lossAxis: "損失 L", lossLog: "損失 L（対数）", stepAxis: "ステップ t",
  rows: { step: "ステップ t", w: "wₜ", b: "bₜ", y: "y = act(x·w + b)", loss: "L(wₜ, bₜ)", batchLoss: "バッチ上の L", gw: "∂L/∂w", gb: "∂L/∂b", dw: "Δwₜ", db: "Δbₜ", wNext: "wₜ₊₁ = wₜ + Δwₜ", bNext: "bₜ₊₁ = bₜ + Δbₜ", eta: "η", epoch: "エポック", batch: "バッチ（サンプル）" },
  lossStatus: (n, l) => `ステップ ${n}：L = ${l}`,
  raceStatus: (n, going, all) => `ステップ ${n}：${all} 手法中 ${going} 手法が進行中`,
  batchStatus: (n, l, bl, e) => `ステップ ${n}：L = ${l}（このバッチでは ${bl}）、エポック ${e}`,
  lossPresets: [
    ["descent", "すばやい降下（(−2, 0.5) から η = 2）"],
    ["plateau", "記事のプラトー（(−1.5, −1.5) から η = 0.1）"],
    ["overshoot", "行き過ぎ（η = 30）"],
    ["diverge", "マップの外へ（η = 100）"],
  ],
  raceLegend: "比較中の最適化手法（色、名前、状態）",
  raceEditor: "最適化手法とハイパーパラメータ",
  addRun: "手法を追加", removeRun: (n) => `${n} を削除`, allRuns: "19 手法すべて（ロジスティックのデータで (−1, 1) から）", oneRun: "1つに戻す",
  runState: (step, loss) => `ステップ ${step}、L = ${loss}`,
  runStopped: "停止",
  defaultsShown: "既定値は灰色で表示。入力すると変更できます。",
  trend: {
    start: "",
    descending: "損失が減っています。",
    converged: "底に着きました：勾配はほぼゼロで、ステップはごく小さい。",
    "zero-gradient": "ここでは勾配がちょうどゼロなので、どのステップも動けません：ステップ関数の傾きはどこでもゼロで、ReLU は x·w + b < 0 で傾きがありません。別の活性化関数か初期値を試してください。",
    plateau: "プラトー：勾配がごく小さく、ステップがほとんど動きません。η を大きくするか、谷の近くから始めてください。",
    oscillating: "損失が上下しています：ステップが谷を飛び越えています。η を小さくしてください。",
    noisy: "各ステップがミニバッチしか見ないため、損失が上下します。バッチを大きく（または η を小さく）すると滑らかになります。",
    rising: "損失が数ステップ続けて増えています：η が大きすぎます。小さくしてください。",
  },
  stopShort: { left: "停止：マップの外", "non-finite": "停止：有限の数でない" },
  stop: {
    left: (to, win) => `停止：次のステップは (${to}) に行き、マップの外（${win}）に出ます。η が大きすぎてステップが行き過ぎています。リセットしてから η を小さくするか範囲を広げてください。`,
    leftSurface: (to, win) => `停止：次のステップは (${to}) に行き、マップの外（${win}）に出ます。この関数には η が大きすぎるか、関数が下に限りなく続いています（鞍点）。リセットしてから η を小さくしてください。`,
    "non-finite": (what, v) => `停止：${what}が ${v} になり、有限の数ではありません。リセットして η を小さくしてください。`,
  },
  quantity: { loss: "損失", gradient: "勾配", delta: "ステップ Δ", point: "点" },
  predictAsk: (what) => `次のステップはどこに着く？ ${what} の予想を入力するか図をタップしてから、確かめてください。`,
  predictFeedback: (guess, truth, err) => `予想 ${guess}、実際は ${truth}（差 ${err}）。`,
  predictRevealed: (truth) => `ステップは ${truth} に着きます。`,
  guessLabel: (name) => `${name} の予想`,
  parabolaTitle: "y = x²：学習率を小さくする理由",
  multiwellTitle: "谷が2つある曲線：降下はどこで止まる？",
  figureLabel: (s) => `曲線と現在の点、接線、各ステップ。${s} 点をドラッグするか矢印キーで初期値を設定。`,
  rateLabel: "対数目盛りでの |xₜ| と t、予測 |1 − 2η|ᵗ·|x₀| は破線。ゼロは下端に印で示します。",
  lossRateLabel: "ステップごとの損失 f(xₜ)。",
  presetsLabel: "学習率のプリセット",
  presets: [[1, "η = 1：x₀ = 1 はどこに着く？"], [0.1, "η = 0.1"], [0.5, "η = 0.5"], [0.9, "η = 0.9"], [1.1, "η = 1.1"]],
  presetsRevealing: [[1, "η = 1：1 と −1 を往復"], [0.1, "η = 0.1：なめらかに収束"], [0.5, "η = 0.5：1ステップで底へ"], [0.9, "η = 0.9：振動しながら収束"], [1.1, "η = 1.1：発散"]],
  curves: { parabola: "y = x²（記事のもの）", multiwell: "谷が2つ（シリーズのもの）" },
  curveRows: { step: "ステップ t", x: "xₜ", y: "yₜ = f(xₜ)", slope: "傾き f′(xₜ)", dx: "Δxₜ = −η·f′(xₜ)", next: "xₜ₊₁ = xₜ + Δxₜ", eta: "η" },
  parabolaRows: { slope: "傾き 2xₜ", dx: "Δxₜ = −η·2xₜ" },
  caption: (t) => `次のステップ：x${sub(t)} から x${sub(t + 1)} へ`,
  parabolaStatus: (n, x) => `ステップ ${n}：x = ${x}`,
  slopeWord: { parabola: "傾き 2x", multiwell: "傾き f′(x)" },
  regime: (text) => `振る舞い：${text}。`,
  regimes: {
    uphill: "上昇：η < 0 だと降下が上昇になる",
    none: "動かない：η = 0 なので Δx = 0",
    smooth: "なめらかに収束：0 < 1 − 2η < 1、x は毎ステップ小さくなる",
    "one-step": "1ステップで底へ：1 − 2η = 0",
    oscillating: "振動しながら収束：−1 < 1 − 2η < 0、x は符号を変えながら小さくなる",
    bounce: "永遠に往復：1 − 2η = −1、x は x₀ と −x₀ を行き来し続ける",
    divergent: "発散：|1 − 2η| > 1、毎ステップ遠くに着く",
  },
  curveStop: (x, lo, hi) => `停止：次のステップは x = ${x} で、図の範囲 [${lo}, ${hi}] の外です。毎ステップ底から遠ざかっています。リセットしてください。`,
  typed: (label, raw, min, max, kept) => `${label}：「${raw}」は ${min} から ${max} の数ではありません。${kept} のままにします。`,
  clamped: (label, old, r, used) => `${label} = ${old} は新しい範囲 ±${r} の外です：${used} を使います。`,
  helpText: {
    loss: [
      ["マップ", "マップの各点はニューロンの重み w（横）とバイアス b（縦）の組です。色はそこでの損失 L：autumn では赤が小さく黄が大きい、viridis では紫が小さく黄が大きい。右のカラーバーが目盛りです。"],
      ["等高線", "灰色の線は損失の等しい点を結びます。線が密なところは急な坂、まばらなところは平ら（プラトー）です。"],
      ["軌跡と矢印", "青い点は勾配降下法が通った点で、初期値から現在まで並びます。黒い矢印は次のステップ Δ = −η·g：坂を下る向きで、長さは学習率 η × 傾きです。"],
      ["プラトーと行き過ぎ", "谷から遠いとシグモイドは平らで、勾配がごく小さくステップが短くなります（記事のプラトー）。η が大きすぎると谷を飛び越え、損失が上下したり点がマップの外に出たりします。"],
      ["最適化手法、テスト関数、バッチ", "複数の最適化手法を同じ初期値から色分けして比較できます。テスト関数では軸は x と y です。サンプルが複数のときマップは平均損失を示し、各ステップはミニバッチだけを見るので、全データの破線の軌跡の横で軌跡がぶれます。"],
    ],
    parabola: [
      ["曲線", "y = x² の底は x = 0。点 x での傾き（導関数）は 2x で、破線が接線です。"],
      ["1ステップ", "勾配降下法は傾きと逆に進みます：Δx = −η·2x なので x は (1 − 2η)·x になります。矢印が各ステップで、古いものは薄くなります。"],
      ["行き過ぎ", "η = 1 では x = 1 からのステップが Δx = −2 で x = −1 に着き、底を通り過ぎます。だから η は小さくします。"],
      ["下のグラフ", "対数目盛りの |xₜ|：右下がりの直線は一定の割合での収束です。破線は予測 |1 − 2η|ᵗ·|x₀|。"],
    ],
  },
};

export const LANG_TABLES = { en, fr, ja };

/** The words for `lang` (English when unknown). */
export function words(lang) {
  return LANG_TABLES[lang] ?? en;
}

/** `t` as subscript digits. */
export function sub(t) {
  return String(t).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[d]);
}

const PROBLEM = {
  en: {
    kept: (used) => (used === null || used === undefined || used === "" ? "Using the default." : `Using ${used}.`),
    number: (p) => `${p.name}="${p.raw}" is not valid: it must be a number from ${p.min} to ${p.max}.`,
    integer: (p) => `${p.name}="${p.raw}" is not valid: it must be a whole number from ${p.min} to ${p.max}.`,
    choice: (p) => `${p.name}="${p.raw}" is not valid: it must be one of ${p.values.join(", ")}.`,
    boolean: (p) => `${p.name}="${p.raw}" is not valid: it must be true or false.`,
    list: (p) => `${p.name}="${p.raw}" is not valid: a space-separated list of ${p.values.join(", ")} (unknown: ${(p.unknown ?? []).join(", ")}).`,
    "runs-empty": (p) => `${p.name}="${p.raw}" names no optimizer.`,
    "runs-many": (p) => `${p.name}="${p.raw}" names ${p.count} optimizers; at most ${p.max} race.`,
    "runs-name": (p) => `${p.name}: "${p.given}" is not an optimizer; the known ones are ${p.known.join(", ")}.`,
    "runs-param": (p) => `${p.name}: "${p.given}" is not a hyperparameter written key=value.`,
    "data-syntax": (p) => `${p.name}="${p.raw}" is not valid: it must be ${p.known.join(", ")}, or samples written x:t separated by spaces (at most 64, each within ±10).`,
    panel: (p) => `panel="${p.raw}" is not valid: use ${p.values.join(" or ")}.`,
    outside: (p) => `${p.name}="${p.raw}" is outside the range ±${p.range}.`,
    repeated: (p) => `${p.name} is given ${p.count} times in the link; the first one is used.`,
    case: (p) => `"${p.raw}" is not a setting; did you mean "${p.name}"? It is ignored.`,
    "other-panel": (p) => `${p.name} is not a setting of the ${p.panel} panel; it is ignored.`,
    "unknown-key": (p) => `"${p.name}" is not a setting; it is ignored. The settings are ${p.known.join(", ")}.`,
  },
  fr: {
    kept: (used) => (used === null || used === undefined || used === "" ? "La valeur par défaut est utilisée." : `${used} est utilisé.`),
    number: (p) => `${p.name}="${p.raw}" n'est pas valide : il faut un nombre entre ${p.min} et ${p.max}.`,
    integer: (p) => `${p.name}="${p.raw}" n'est pas valide : il faut un nombre entier entre ${p.min} et ${p.max}.`,
    choice: (p) => `${p.name}="${p.raw}" n'est pas valide : il faut l'une des valeurs ${p.values.join(", ")}.`,
    boolean: (p) => `${p.name}="${p.raw}" n'est pas valide : il faut true ou false.`,
    list: (p) => `${p.name}="${p.raw}" n'est pas valide : une liste séparée par des espaces parmi ${p.values.join(", ")} (inconnus : ${(p.unknown ?? []).join(", ")}).`,
    "runs-empty": (p) => `${p.name}="${p.raw}" ne nomme aucun optimiseur.`,
    "runs-many": (p) => `${p.name}="${p.raw}" nomme ${p.count} optimiseurs ; ${p.max} au plus.`,
    "runs-name": (p) => `${p.name} : « ${p.given} » n'est pas un optimiseur ; ceux connus sont ${p.known.join(", ")}.`,
    "runs-param": (p) => `${p.name} : « ${p.given} » n'est pas un hyperparamètre écrit clé=valeur.`,
    "data-syntax": (p) => `${p.name}="${p.raw}" n'est pas valide : il faut ${p.known.join(", ")}, ou des exemples x:t séparés par des espaces (64 au plus, chacun entre −10 et 10).`,
    panel: (p) => `panel="${p.raw}" n'est pas valide : utilisez ${p.values.join(" ou ")}.`,
    outside: (p) => `${p.name}="${p.raw}" est hors de la plage ±${p.range}.`,
    repeated: (p) => `${p.name} est donné ${p.count} fois dans le lien ; le premier est utilisé.`,
    case: (p) => `« ${p.raw} » n'est pas un réglage ; vouliez-vous dire « ${p.name} » ? Il est ignoré.`,
    "other-panel": (p) => `${p.name} n'est pas un réglage du panneau ${p.panel} ; il est ignoré.`,
    "unknown-key": (p) => `« ${p.name} » n'est pas un réglage ; il est ignoré. Les réglages sont ${p.known.join(", ")}.`,
  },
  ja: {
    kept: (used) => (used === null || used === undefined || used === "" ? "既定値を使います。" : `${used} を使います。`),
    number: (p) => `${p.name}="${p.raw}" は無効です：${p.min} から ${p.max} の数にしてください。`,
    integer: (p) => `${p.name}="${p.raw}" は無効です：${p.min} から ${p.max} の整数にしてください。`,
    choice: (p) => `${p.name}="${p.raw}" は無効です：${p.values.join(", ")} のどれかにしてください。`,
    boolean: (p) => `${p.name}="${p.raw}" は無効です：true か false にしてください。`,
    list: (p) => `${p.name}="${p.raw}" は無効です：${p.values.join(", ")} を空白区切りで（不明：${(p.unknown ?? []).join(", ")}）。`,
    "runs-empty": (p) => `${p.name}="${p.raw}" に最適化手法がありません。`,
    "runs-many": (p) => `${p.name}="${p.raw}" は ${p.count} 手法です。最大 ${p.max} 手法です。`,
    "runs-name": (p) => `${p.name}：「${p.given}」は最適化手法ではありません。使えるのは ${p.known.join(", ")} です。`,
    "runs-param": (p) => `${p.name}：「${p.given}」は キー=値 の形のハイパーパラメータではありません。`,
    "data-syntax": (p) => `${p.name}="${p.raw}" は無効です：${p.known.join(", ")} か、空白区切りの x:t（最大 64 個、各 ±10 以内）にしてください。`,
    panel: (p) => `panel="${p.raw}" は無効です：${p.values.join(" か ")} にしてください。`,
    outside: (p) => `${p.name}="${p.raw}" は範囲 ±${p.range} の外です。`,
    repeated: (p) => `${p.name} がリンクに ${p.count} 回あります。最初のものを使います。`,
    case: (p) => `「${p.raw}」は設定ではありません。「${p.name}」のことですか？ 無視します。`,
    "other-panel": (p) => `${p.name} は ${p.panel} パネルの設定ではありません。無視します。`,
    "unknown-key": (p) => `「${p.name}」は設定ではありません。無視します。設定は ${p.known.join(", ")} です。`,
  },
};

/** A problem of a setting (state.js) in words, naming the value given and the value in effect. */
export function describeProblem(p, W) {
  const T = PROBLEM[W.code] ?? PROBLEM.en;
  const f = T[p.code];
  const q = { ...p };
  for (const k of ["min", "max", "range"]) if (typeof q[k] === "number") q[k] = formatNumber(q[k], W.code);
  const text = f ? f(q) : `${p.name}="${p.raw}"`;
  const kept = "used" in p ? " " + T.kept(typeof p.used === "number" ? formatNumber(p.used, W.code) : Array.isArray(p.used) ? p.used.join(" ") : p.used) : "";
  return text + kept;
}

const ERROR = {
  en: {
    range: (e, n) => `${e.name} = ${n(e.value)} is not valid: it must be a number from ${n(e.min)} to ${n(e.max)}${e.optimizer ? ` (${e.optimizer})` : ""}.`,
    type: (e) => `${e.name} has the wrong type${e.expected ? ` (a ${e.expected} is expected)` : ""}.`,
    unknown: (e) => `"${e.given}" is not a known ${e.kind}; the known ones are ${(e.known ?? []).join(", ")}.`,
    param: (e) => `${e.optimizer} has no hyperparameter "${e.given}"; it has ${(e.known ?? []).join(", ")}.`,
    incompatible: (e, n) => `The ${e.loss} loss needs outputs between 0 and 1, but ${e.activation} gives values from ${n(e.lo)} to ${n(e.hi)}: choose the sigmoid (or hard sigmoid, step) or the square loss.`,
    target: (e, n) => `The cross-entropy losses need targets between 0 and 1; sample ${e.index + 1} has t = ${n(e.value)}.`,
    start: (e, n) => `The start (${n(e.value[0])}, ${n(e.value[1])}) is outside the map [${n(e.lo[0])}, ${n(e.hi[0])}] × [${n(e.lo[1])}, ${n(e.hi[1])}].`,
    runs: (e) => `Between 1 and ${e.max} optimizers race; ${e.value} were asked.`,
    data: (e, n) => (e.what === "count" ? `A data set has 1 to ${e.max} samples; ${e.value} were given.` : e.what === "value" ? `Sample ${e.index + 1}'s ${e.target ? "target" : "input"} ${n(e.value)} must be a number within ±${e.max}.` : "Every sample needs an input x and a target t."),
    nonfinite: (e, n) => `${e.name} gives ${n(e.value)}, not a finite number.`,
    probe: (e) => `${e.optimizer} needs the gradient at a nearby point: give update() a gradAt function.`,
    draw: () => "A figure could not be drawn: its canvas is too small for its axes.",
    random: () => "This browser gives no random numbers for a random start.",
  },
  fr: {
    range: (e, n) => `${e.name} = ${n(e.value)} n'est pas valide : il faut un nombre entre ${n(e.min)} et ${n(e.max)}${e.optimizer ? ` (${e.optimizer})` : ""}.`,
    type: (e) => `${e.name} n'a pas le bon type${e.expected ? ` (il faut : ${e.expected})` : ""}.`,
    unknown: (e) => `« ${e.given} » n'est pas connu (${e.kind}) ; les valeurs connues sont ${(e.known ?? []).join(", ")}.`,
    param: (e) => `${e.optimizer} n'a pas d'hyperparamètre « ${e.given} » ; il a ${(e.known ?? []).join(", ")}.`,
    incompatible: (e, n) => `La perte ${e.loss} demande des sorties entre 0 et 1, mais ${e.activation} donne des valeurs de ${n(e.lo)} à ${n(e.hi)} : choisissez la sigmoïde (ou hard sigmoid, step) ou la perte quadratique.`,
    target: (e, n) => `Les entropies croisées demandent des cibles entre 0 et 1 ; l'exemple ${e.index + 1} a t = ${n(e.value)}.`,
    start: (e, n) => `Le départ (${n(e.value[0])} ; ${n(e.value[1])}) est hors de la carte [${n(e.lo[0])} ; ${n(e.hi[0])}] × [${n(e.lo[1])} ; ${n(e.hi[1])}].`,
    runs: (e) => `De 1 à ${e.max} optimiseurs peuvent concourir ; ${e.value} demandés.`,
    data: (e, n) => (e.what === "count" ? `Un jeu de données a de 1 à ${e.max} exemples ; ${e.value} donnés.` : e.what === "value" ? `${e.target ? "La cible" : "L'entrée"} ${n(e.value)} de l'exemple ${e.index + 1} doit être un nombre entre −${e.max} et ${e.max}.` : "Chaque exemple demande une entrée x et une cible t."),
    nonfinite: (e, n) => `${e.name} donne ${n(e.value)}, qui n'est pas un nombre fini.`,
    probe: (e) => `${e.optimizer} a besoin du gradient en un point voisin : donnez une fonction gradAt à update().`,
    draw: () => "Une figure n'a pas pu être dessinée : son canevas est trop petit pour ses axes.",
    random: () => "Ce navigateur ne fournit pas de nombres aléatoires pour un départ aléatoire.",
  },
  ja: {
    range: (e, n) => `${e.name} = ${n(e.value)} は無効です：${n(e.min)} から ${n(e.max)} の数にしてください${e.optimizer ? `（${e.optimizer}）` : ""}。`,
    type: (e) => `${e.name} の型が違います${e.expected ? `（${e.expected} が必要）` : ""}。`,
    unknown: (e) => `「${e.given}」は既知の ${e.kind} ではありません。使えるのは ${(e.known ?? []).join(", ")} です。`,
    param: (e) => `${e.optimizer} にハイパーパラメータ「${e.given}」はありません。あるのは ${(e.known ?? []).join(", ")} です。`,
    incompatible: (e, n) => `${e.loss} 損失は 0 と 1 の間の出力が必要ですが、${e.activation} の値は ${n(e.lo)} から ${n(e.hi)} です。シグモイド（hard sigmoid、step）か二乗誤差を選んでください。`,
    target: (e, n) => `交差エントロピーは 0 と 1 の間の目標値が必要です。サンプル ${e.index + 1} は t = ${n(e.value)} です。`,
    start: (e, n) => `初期値 (${n(e.value[0])}, ${n(e.value[1])}) がマップ [${n(e.lo[0])}, ${n(e.hi[0])}] × [${n(e.lo[1])}, ${n(e.hi[1])}] の外です。`,
    runs: (e) => `比較できるのは 1 から ${e.max} 手法です。${e.value} 手法が指定されました。`,
    data: (e, n) => (e.what === "count" ? `データは 1 から ${e.max} サンプルです。${e.value} サンプルが与えられました。` : e.what === "value" ? `サンプル ${e.index + 1} の${e.target ? "目標値" : "入力"} ${n(e.value)} は ±${e.max} 以内の数にしてください。` : "各サンプルには入力 x と目標値 t が必要です。"),
    nonfinite: (e, n) => `${e.name} が ${n(e.value)} になり、有限の数ではありません。`,
    probe: (e) => `${e.optimizer} は近くの点での勾配が必要です：update() に gradAt 関数を渡してください。`,
    draw: () => "図を描けませんでした：キャンバスが軸に対して小さすぎます。",
    random: () => "このブラウザは乱数を提供しないため、ランダムな初期値を選べません。",
  },
};

/** A refusal from the wasm module (an Error with a `code`) in words; other errors as they are. */
export function describeError(e, W) {
  const T = ERROR[W.code] ?? ERROR.en;
  const n = (v) => formatNumber(v, W.code);
  const f = e && typeof e.code === "string" ? T[e.code] : null;
  return f ? f(e, n) : String(e?.message ?? e);
}
