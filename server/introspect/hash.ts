/**
 * A fingerprint of a live schema: the plan carries the hash of the database it was made from, and
 * apply refuses when the database's hash is different under its lock (someone changed it since).
 */
import { createHash } from 'node:crypto';
import type { Model } from '../../shared/model/document.ts';
import { stableJson } from '../../shared/diff/match.ts';

/** `sha256:<hex>` of the model's canonical JSON (key order and empty fields do not matter). */
export function schemaHash(model: Model): string {
  return `sha256:${createHash('sha256').update(stableJson(model)).digest('hex')}`;
}
