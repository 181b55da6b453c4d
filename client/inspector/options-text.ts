/** Storage parameters as one line of text: `fillfactor=70, autovacuum_enabled=false` ⇄ a record. */

export function formatOptions(options: Record<string, string> | undefined): string {
  return Object.entries(options ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
}

/** Blank → `{}`; a part without `=` or with an empty key/value → null (invalid). */
export function parseOptions(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim();
    if (eq < 0 || !/^[a-z_][a-z0-9_.]*$/.test(key) || !value) return null;
    out[key] = value;
  }
  return out;
}
