/**
 * Emscripten looks for `libpg-query.wasm` beside the script that loads it: inside a worker that is
 * `/assets/`, where the server answers with the page (the file is copied to the site root by
 * scripts/copy-wasm.mjs). Imported first by the import worker, before the parser module runs, so the
 * parser's fetch is pointed at the root.
 */
const WASM = 'libpg-query.wasm';
const original = self.fetch.bind(self);

self.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (url.endsWith(`/${WASM}`) || url === WASM) return original(new URL(`/${WASM}`, self.location.origin), init);
  return original(input, init);
};

export {}; // a module, so the page can import it on demand (client/sql-parser-ready.ts)
