/**
 * One ranking for every search of the studio (the command palette's objects, columns and commands),
 * so the thing whose name you typed comes first:
 *   1. exact name (case-insensitive), 2. prefix, 3. word match (a word of a snake_case or camelCase
 *   name, or of a sentence, starts with the query), 4. substring;
 * ties go to the shorter name, then the alphabetically first.
 *
 * A query with dots matches the last parts of an entry's path part by part: `public.orders` is
 * schema and name, `orders.total` is table and column, `public.orders.total` all three; the
 * leftmost part weighs most. Each entry also has a group: every entry of a lower group (tables)
 * comes before any of a higher one (their columns), however well it matches.
 *
 * Built for 2,000-table models typed into at every keystroke: the index lowercases each name and
 * finds its word starts once, and ranks entries once by their tie-break, so a query computes one
 * number per entry and keeps only the best `limit` of them (no objects, no sort of all hits).
 */

export interface SearchEntry<T> {
  value: T;
  /** What a query's dotted parts are matched against, last to last: `[schema, name]`, `[schema, table, column]`, `[label]`. */
  path: readonly string[];
  /** What ties are broken on: the shorter, then the alphabetically first wins (`orders`, `orders.total`). */
  name: string;
  /** Lower groups come first whatever the match (default 0). */
  group?: number;
}

/** One path part, prepared: lowercased, and where its words start (after index 0). */
interface Part {
  lower: string;
  words: readonly number[];
}

export interface SearchIndex<T> {
  readonly size: number;
  /** Each entry's prepared path; equal texts share one `Part`. */
  readonly paths: ReadonlyArray<readonly Part[]>;
  readonly groups: readonly number[];
  /** Each entry's place in the tie-break order, and the entry at each place. */
  readonly tieRank: Int32Array;
  readonly byRank: readonly T[];
  /** The group-0 entries in the order given (what an empty query lists). */
  readonly firstGroup: readonly T[];
}

const EXACT = 0;
const PREFIX = 1;
const WORD = 2;
const SUBSTRING = 3;
const NO_MATCH = 4;
/** A query has at most three parts (schema, table, column): a match fits in 4³ values. */
const MAX_PARTS = 3;
const KEYS = 4 ** MAX_PARTS;

const SEPARATOR = 0;
const LOWER = 1;
const UPPER = 2;
const OTHER_LETTER = 3;
const DIGIT = 4;

/** What a character is, for word starts: ASCII by its code (the common case, no regex), the rest by Unicode class. */
function charClass(text: string, at: number): number {
  if (at >= text.length) return SEPARATOR;
  const code = text.charCodeAt(at);
  if (code < 128) {
    if (code >= 97 && code <= 122) return LOWER;
    if (code >= 65 && code <= 90) return UPPER;
    return code >= 48 && code <= 57 ? DIGIT : SEPARATOR;
  }
  const ch = text[at];
  if (/\p{Ll}/u.test(ch)) return LOWER;
  if (/\p{Lu}/u.test(ch)) return UPPER;
  if (/\p{L}/u.test(ch)) return OTHER_LETTER;
  return /\p{N}/u.test(ch) ? DIGIT : SEPARATOR;
}

/**
 * Where the words of a name start, besides 0: after a separator (`_`, space, `-`, `$`…), at a
 * lower→upper step (`firstRelease`) and at the last capital of an acronym (`HTTPServer`).
 */
export function wordStarts(name: string): number[] {
  const starts: number[] = [];
  let prev = charClass(name, 0);
  let current = charClass(name, 1);
  for (let i = 1; i < name.length; i += 1) {
    const next = charClass(name, i + 1);
    const afterSeparator = current !== SEPARATOR && prev === SEPARATOR;
    const camelStep = current === UPPER && (prev === LOWER || prev === DIGIT);
    const acronymEnd = current === UPPER && prev === UPPER && next === LOWER;
    if (afterSeparator || camelStep || acronymEnd) starts.push(i);
    prev = current;
    current = next;
  }
  return starts;
}

function prepare(cache: Map<string, Part>, text: string): Part {
  let part = cache.get(text);
  if (!part) {
    part = { lower: text.toLowerCase(), words: wordStarts(text) };
    cache.set(text, part);
  }
  return part;
}

/** What ties are decided on, computed once per entry (not in every comparison of the sort). */
interface TieKey { length: number; lower: string; entry: number }

/** Prepares entries for `search`: build it once per model (or command list), not per keystroke. */
export function buildSearchIndex<T>(entries: readonly SearchEntry<T>[]): SearchIndex<T> {
  const cache = new Map<string, Part>();
  // Shorter name, then alphabetically (case-insensitive, then as written, then by the whole path).
  const byTieBreak = (a: TieKey, b: TieKey): number => {
    if (a.length !== b.length) return a.length - b.length;
    if (a.lower !== b.lower) return a.lower < b.lower ? -1 : 1;
    const [ea, eb] = [entries[a.entry], entries[b.entry]];
    if (ea.name !== eb.name) return ea.name < eb.name ? -1 : 1;
    const [pa, pb] = [ea.path.join('.'), eb.path.join('.')];
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  };
  const order = entries
    .map((e, entry): TieKey => ({ length: e.name.length, lower: e.name.toLowerCase(), entry }))
    .sort(byTieBreak)
    .map((key) => key.entry);
  const tieRank = new Int32Array(entries.length);
  order.forEach((entry, rank) => { tieRank[entry] = rank; });
  return {
    size: entries.length,
    paths: entries.map((e) => e.path.map((text) => prepare(cache, text))),
    groups: entries.map((e) => e.group ?? 0),
    tieRank,
    byRank: order.map((i) => entries[i].value),
    firstGroup: entries.filter((e) => (e.group ?? 0) === 0).map((e) => e.value),
  };
}

/** How well one query part (lowercase) matches one name part. */
function matchPart(part: Part, query: string): number {
  const { lower, words } = part;
  if (lower === query) return EXACT;
  if (lower.startsWith(query)) return PREFIX;
  const first = lower.indexOf(query, 1);
  if (first < 0) return NO_MATCH;
  for (const start of words) if (start >= first && lower.startsWith(query, start)) return WORD;
  return SUBSTRING;
}

/** The match of a query's parts against the end of a path, leftmost part first; -1 if a part misses. */
function matchPath(path: readonly Part[], parts: readonly string[]): number {
  const offset = path.length - parts.length;
  if (offset < 0) return -1;
  let key = 0;
  for (let i = 0; i < parts.length; i += 1) {
    const match = matchPart(path[offset + i], parts[i]);
    if (match === NO_MATCH) return -1;
    key = key * 4 + match;
  }
  // Padded on the left with exact matches, so `public.orders` and `orders` weigh alike on `orders`.
  return key;
}

/** Inserts `score` into the ascending `best`, keeping at most `limit` numbers. */
function keepBest(best: number[], score: number, limit: number): void {
  if (best.length === limit && score >= best[limit - 1]) return;
  let lo = 0;
  let hi = best.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (best[mid] < score) lo = mid + 1;
    else hi = mid;
  }
  best.splice(lo, 0, score);
  if (best.length > limit) best.pop();
}

/**
 * The best `limit` entries for a query, best first. An empty query lists the group-0 entries in
 * the order they were given. A query with dots is also tried whole (a name may contain a dot).
 */
export function search<T>(index: SearchIndex<T>, query: string, limit = 50): T[] {
  const text = query.trim().toLowerCase();
  if (!text) return index.firstGroup.slice(0, limit);
  const split = text.split('.').map((p) => p.trim());
  const variants = split.length > 1 && split.length <= MAX_PARTS ? [split, [text]] : [[text]];
  const best: number[] = [];
  for (let i = 0; i < index.size; i += 1) {
    let key = -1;
    for (const parts of variants) {
      const k = matchPath(index.paths[i], parts);
      if (k >= 0 && (key < 0 || k < key)) key = k;
    }
    if (key >= 0) keepBest(best, (index.groups[i] * KEYS + key) * index.size + index.tieRank[i], limit);
  }
  return best.map((score) => index.byRank[score % index.size]);
}
