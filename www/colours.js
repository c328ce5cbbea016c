// The colours of the runs of a race, in order: the same as `RUNS` in src/draw/mod.rs (a native
// test, tests/colours.rs, checks that the two lists agree), for the legend beside the figures.
export const RUN_COLOURS = [
  "rgb(20, 60, 200)", "rgb(230, 97, 1)", "rgb(26, 152, 80)", "rgb(215, 25, 28)", "rgb(117, 72, 180)",
  "rgb(140, 86, 75)", "rgb(227, 119, 194)", "rgb(100, 100, 100)", "rgb(160, 160, 20)", "rgb(23, 190, 207)",
  "rgb(0, 0, 0)", "rgb(255, 215, 0)", "rgb(0, 110, 110)", "rgb(180, 0, 90)", "rgb(120, 200, 60)",
  "rgb(90, 160, 255)", "rgb(255, 150, 150)", "rgb(100, 40, 0)", "rgb(190, 150, 255)",
];
