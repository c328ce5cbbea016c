// Where the wasm module comes from: served next to the glue (pkg/descent_bg.wasm). The single
// file build replaces this module with one that returns the inlined bytes.
export function wasmSource() {
  return undefined;
}
