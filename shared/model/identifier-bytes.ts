/** PostgreSQL's identifier limit in bytes (NAMEDATALEN - 1), and how a name is measured against it. */
export const MAX_IDENTIFIER_BYTES = 63;

/** UTF-8 byte length of a string (identifiers are limited in bytes, not characters). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
