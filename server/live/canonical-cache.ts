/**
 * The canonical model of a document, kept a short while: the plan the user reviews and the apply
 * that follows send the same document, and loading it into a shadow again would give the same model
 * (the spelling depends on the document and the shadow only). Keyed by the target, its shadow server
 * and a hash of the document's model; a failed load is not kept.
 */
import { createHash } from 'node:crypto';
import type { Model } from '../../shared/model/document.ts';
import type { Canonical } from '../diff/canonical.ts';

const MAX_ENTRIES = 16;
const KEEP_MS = 15 * 60_000;

export class CanonicalCache {
  private readonly entries = new Map<string, { at: number; canonical: Promise<Canonical> }>();

  get(key: { id: string; shadowUrl?: string; model: Model }, load: () => Promise<Canonical>): Promise<Canonical> {
    const hash = createHash('sha256').update(JSON.stringify([key.id, key.shadowUrl ?? null, key.model])).digest('hex');
    const now = Date.now();
    for (const [k, e] of this.entries) if (now - e.at > KEEP_MS) this.entries.delete(k);
    const kept = this.entries.get(hash);
    // A copy each time: whoever is given the model may keep it (as the baseline) or change it.
    if (kept) return kept.canonical.then((c) => ({ ...c, model: structuredClone(c.model) }));
    const canonical = load();
    this.entries.set(hash, { at: now, canonical });
    canonical.catch(() => this.entries.delete(hash));
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return canonical.then((c) => ({ ...c, model: structuredClone(c.model) }));
  }
}

/**
 * The live schema respelled by the shadow engine, by the schema's hash: the plan respells what it
 * read, and its apply, whose read under the lock has the same hash (or it is refused), reuses it, so
 * the apply lock is not held while an engine starts or queues. Equal hashes are equal schemas.
 */
export class RespelledLive {
  private readonly entries = new Map<string, { at: number; live: Model }>();

  wrap(key: string, respell: (live: Model) => Promise<Model>): (live: Model, hash: string) => Promise<Model> {
    return async (live, hash) => {
      const now = Date.now();
      for (const [k, e] of this.entries) if (now - e.at > KEEP_MS) this.entries.delete(k);
      const kept = this.entries.get(`${key}\n${hash}`);
      if (kept) return structuredClone(kept.live);
      const respelled = await respell(live);
      this.entries.set(`${key}\n${hash}`, { at: now, live: structuredClone(respelled) });
      while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      return respelled;
    };
  }
}
