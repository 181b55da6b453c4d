/**
 * NUL (U+0000) in text bound for PostgreSQL. PostgreSQL can neither parse it in SQL nor store it in
 * `text`, and a C string ends at it, so left in it silently truncates; it is refused up front instead,
 * with where it is.
 */

export interface NulPlace {
  /** JSON path of the string holding it (`document.model.tables[0].name`); `''` for the value itself. */
  path: string;
  /** 1-based line and column (in characters) of the first NUL in that string. */
  line: number;
  column: number;
}

/** Ex: `nulPosition('a\nb\0')` → `{line: 2, column: 2}`; undefined when there is none. */
export function nulPosition(text: string): { line: number; column: number } | undefined {
  const at = text.indexOf('\0');
  if (at < 0) return undefined;
  const before = text.slice(0, at);
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i += 1) if (before.charCodeAt(i) === 10) line += 1;
  // Columns count characters, as PostgreSQL's positions do: a surrogate pair is one.
  return { line, column: Array.from(before.slice(lineStart)).length + 1 };
}

const MAX_PLACES = 20;

/**
 * Every string (object keys too) in a JSON value that holds a NUL, first 20 only.
 * Ex: `nulPlaces({a: ['x', 'y\0']})` → `[{path: 'a[1]', line: 1, column: 2}]`.
 */
export function nulPlaces(value: unknown, path = ''): NulPlace[] {
  const places: NulPlace[] = [];
  const visit = (node: unknown, at: string): void => {
    if (places.length >= MAX_PLACES) return;
    if (typeof node === 'string') {
      const position = nulPosition(node);
      if (position) places.push({ path: at, ...position });
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${at}[${i}]`));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        const keyPath = at ? `${at}.${key}` : key;
        const keyNul = nulPosition(key);
        if (keyNul) places.push({ path: keyPath, ...keyNul });
        visit(item, keyPath);
      }
    }
  };
  visit(value, path);
  return places.slice(0, MAX_PLACES);
}

/** `a NUL character (U+0000) at line 2, column 5: PostgreSQL cannot parse or store NUL in text`. */
export function nulMessage(place: { line: number; column: number }): string {
  return `a NUL character (U+0000) at line ${place.line}, column ${place.column}: PostgreSQL cannot parse or store NUL in text`;
}
