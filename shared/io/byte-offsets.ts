/**
 * libpg_query reports UTF-8 byte offsets; JavaScript strings index UTF-16 code units. Kept apart from
 * parser.ts so a caller that only needs the mapping (introspection's rewrites) does not load the
 * parser and its deparser.
 */

/** Maps UTF-8 byte offsets to character (UTF-16) offsets; the identity for ASCII text. */
export function byteToCharMapper(text: string): (byte: number) => number {
  if (!/[^\x00-\x7f]/.test(text)) return (byte) => byte;
  const starts: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const code = text.codePointAt(i)!;
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let k = 0; k < bytes; k += 1) starts.push(i);
    if (code >= 0x10000) i += 1;
  }
  return (byte) => (byte >= starts.length ? text.length : starts[byte]);
}
