// Where the wasm module comes from: pkg/descent_bg.wasm beside this file, compiled as soon as
// this module runs. index.html runs it first (an async module with no imports), so the module
// compiles while the other modules load instead of after them; a page that imports
// descent-demo.js starts it with that import. The single file build replaces this module with
// one that inflates the bytes it carries.
let compiled;
export function wasmSource() {
  compiled ??= fetch(new URL("./pkg/descent_bg.wasm", import.meta.url)).then((r) => {
    if (!r.ok) throw new Error(`${r.url}: HTTP ${r.status}`);
    // A server that sends the module with another content type: compiled from its bytes.
    return WebAssembly.compileStreaming(r.clone()).catch(() => r.arrayBuffer().then((b) => WebAssembly.compile(b)));
  });
  return compiled;
}
// Started now; a failure is reported where the widgets wait for the module.
wasmSource().catch(() => {});
