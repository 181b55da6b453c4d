/**
 * Settings for a process that runs one CLI command and exits. Each is measured on
 * `cli introspect --db` of musicbrainz (`npm run bench -- cli`); the studio server never calls this.
 */
import v8 from 'node:v8';

/**
 * WebAssembly on Liftoff, V8's baseline compiler, only. The SQL parser is a WASM module whose grammar
 * function V8 recompiles with TurboFan in the background once it is hot, and a process cannot exit
 * before a running compilation ends: `process.exit` waited 100–150 ms for it. A command's parses are
 * over long before TurboFan's code would pay for itself (`cli import` and `cli validate` of
 * musicbrainz were faster too). Read by V8 when a module is compiled, so it is set before any is.
 */
function baselineWasmOnly(): void {
  v8.setFlagsFromString('--liftoff-only');
}

/**
 * Node 20 has no `navigator` (Node 21 and later define it). Without one, `pg` tells a Cloudflare
 * Worker from Node by building a fetch `Response`, which loads Node's bundled undici: ~25 ms of a
 * command's start. Defined as Node 21 defines it, before `pg` is loaded.
 */
function defineNavigator(): void {
  if (typeof globalThis.navigator === 'undefined') {
    Object.defineProperty(globalThis, 'navigator', { value: { userAgent: `Node.js/${process.versions.node.split('.')[0]}` }, configurable: true });
  }
}

/** Called once by `server/cli.ts` when it runs as a program, before any command loads. */
export function tuneOneShotProcess(): void {
  baselineWasmOnly();
  defineNavigator();
}
