// Where the wasm module comes from: pkg/descent_bg.lzma beside this file (its first part, packed:
// xtask/src/split.rs), fetched, unpacked and compiled as soon as this module runs, which the
// bundle does before the widgets are built. The single file build replaces this module with one
// that takes the bytes it carries.
import { compilePacked } from "./pkg/descent.js";

let compiled;
export function wasmSource() {
  compiled ??= compilePacked(new URL("./pkg/descent_bg.lzma", import.meta.url));
  return compiled;
}
// Started now; a failure is reported where the widgets wait for the module.
wasmSource().catch(() => {});
