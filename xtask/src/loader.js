
// The module travels as LZMA (xtask/src/pack.rs's `pack`: its size, its settings, the stream),
// which a small wasm decoder (the unlzma crate, unlzma.wasm beside this file) unpacks: browsers
// inflate only gzip and deflate, and LZMA is ~17 % smaller on this module.
let __unlzma, __unlzmaLoading;
function __unlzmaUrl() {
    return new URL("unlzma.wasm", import.meta.url);
}
/** The decoder, fetched and instantiated once (from its bytes if the server's MIME type is wrong). */
function __decoder() {
    return (__unlzmaLoading ??= fetch(__unlzmaUrl())
        .then((r) => {
            if (!r.ok) throw new Error(`${r.url}: HTTP ${r.status}`);
            return WebAssembly.instantiateStreaming(r.clone()).catch(() => r.arrayBuffer().then((b) => WebAssembly.instantiate(b)));
        })
        .then(({ instance }) => (__unlzma = instance.exports)));
}
/** The module's bytes from their packed form (with the decoder there); a damaged pack throws. */
function __unpack(packed) {
    if (packed.byteLength < 11) throw new Error("the module is damaged (too short)");
    const head = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
    const size = head.getUint32(0, true), settings = head.getUint16(4, true), n = packed.byteLength - 6;
    // A size no module of ours comes near (it is 0.3 MB): the header was changed on the way.
    if (size > 1 << 26) throw new Error("the module is damaged (its size)");
    const mem = __unlzma.memory, at = mem.buffer.byteLength;
    mem.grow(Math.ceil((n + size) / 65536));
    new Uint8Array(mem.buffer, at, n).set(packed.subarray(6));
    const why = __unlzma.unlzma(at, n, at + n, size, settings);
    if (why) throw new Error(`the module is damaged (${["", "it ends too soon", "a bad distance", "bad settings"][why]})`);
    // A copy: the decoder's memory is reused by the next call.
    return new Uint8Array(mem.buffer, at + n, size).slice();
}
/** The packed module at `url`, fetched, unpacked and compiled. */
export function compilePacked(url) {
    const bytes = fetch(url).then((r) => {
        if (!r.ok) throw new Error(`${r.url}: HTTP ${r.status}`);
        return r.arrayBuffer();
    });
    return Promise.all([bytes, __decoder()]).then(([b]) => {
        const wasm = __unpack(new Uint8Array(b));
        // Compiled as a stream, from memory: Chromium's `WebAssembly.compile` took 12 ms here and
        // slowed the panels' first calls; streaming, 2 ms.
        return WebAssembly.compileStreaming(new Response(wasm, { headers: { "content-type": "application/wasm" } }));
    });
}
/** `url`'s bytes, fetched synchronously (for a call that cannot wait). */
function __fetchSync(url) {
    const x = new XMLHttpRequest();
    x.open("GET", url, false);
    x.overrideMimeType("text/plain; charset=x-user-defined");
    x.send();
    if (x.status !== 200) throw new Error(`${url}: HTTP ${x.status}`);
    const s = x.responseText;
    const bytes = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
    return bytes;
}

// The rest of the module (xtask/src/split.rs): the functions the first frame does not run, in
// descent_bg2.lzma beside this file. `loadRest()` fetches it in the background (the widget asks
// on the first interaction); a call that needs it before it has come loads it at once,
// synchronously (import `b.l`). Either way it is instantiated once, against this module's exports.
let __rest, __restLoading;
function __restUrl() {
    return new URL("descent_bg2.lzma", import.meta.url);
}
function __restInstantiate(module) {
    if (__rest) return;
    const imports = __wbg_get_imports();
    imports.c = wasm;
    __rest = new WebAssembly.Instance(module, imports);
}
function __restSync() {
    if (__rest) return;
    let bytes;
    try {
        __unlzma ??= new WebAssembly.Instance(new WebAssembly.Module(__fetchSync(__unlzmaUrl()))).exports;
        bytes = __unpack(__fetchSync(__restUrl()));
    } catch (e) {
        // As a trap: the widget shows its Reload notice (the module cannot go on without it).
        throw new WebAssembly.RuntimeError(`descent: the rest of the module could not be loaded (${e.message})`);
    }
    __restInstantiate(new WebAssembly.Module(bytes));
}
/** Fetch and compile the rest of the module in the background (once; nothing if it is there). */
export function loadRest() {
    if (__rest || !wasm || !wasm.__rest) return Promise.resolve();
    return (__restLoading ??= compilePacked(__restUrl())
        .then(__restInstantiate)
        .catch((e) => {
            // Left to the synchronous path, which tries again when a call needs it.
            __restLoading = undefined;
            console.warn("descent: the rest of the module will load when needed:", e.message);
        }));
}
