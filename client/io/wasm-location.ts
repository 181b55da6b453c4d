/**
 * Emscripten looks for `libpg-query.wasm` beside the script that loads it: inside a worker that is
 * `/assets/`, where the server answers with the page (the file is copied to the site root by
 * scripts/copy-wasm.mjs); in the page it is the directory of the page (`/p/` for a project). Imported
 * first by the import worker and by `main.tsx`, before the parser module runs (it starts fetching as it
 * is evaluated), so the parser's fetch is pointed at the root.
 */
const WASM = 'libpg-query.wasm';
const original = self.fetch.bind(self);

self.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (url.endsWith(`/${WASM}`) || url === WASM) return original(new URL(`/${WASM}`, self.location.origin), init);
  return original(input, init);
};
