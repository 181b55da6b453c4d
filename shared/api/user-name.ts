/**
 * The name a browser's user gives once ("Your name, shown to others in this studio"): shown in
 * presence, comments and the apply history ("by <name>"). One rule for the client that stores it and
 * the server that records it, so a name the client accepted is never refused by the server.
 *
 * It travels in the `X-Schemata-User` header URI-encoded: header values are Latin-1 only and `fetch`
 * throws on anything else, while names are any script ("Zoë", "山田").
 */

export const USER_NAME_MAX_LENGTH = 60;
export const USER_NAME_HEADER = 'X-Schemata-User';

/** Trimmed, inner runs of white space made one space, control characters refused; null when nothing is left. */
export function normalizeUserName(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  if (/[\u0000-\u001f\u007f]/.test(raw.replace(/[\t\n\r]/g, ' '))) return null;
  const name = raw.replace(/\s+/g, ' ').trim();
  if (!name) return null;
  // Cut by code points, not UTF-16 units, so a name never ends in half a character.
  return [...name].slice(0, USER_NAME_MAX_LENGTH).join('').trim();
}

export function encodeUserNameHeader(name: string): string {
  return encodeURIComponent(name);
}

/** The header's name, or null when it is absent, not valid URI encoding, or not a valid name. */
export function decodeUserNameHeader(value: string | undefined): string | null {
  if (!value || value.length > USER_NAME_MAX_LENGTH * 12) return null;
  try {
    return normalizeUserName(decodeURIComponent(value));
  } catch {
    return null;
  }
}
