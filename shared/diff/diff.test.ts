import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { diff } from './diff.ts';
import { plan } from './plan.ts';
import { DIFF_CASES } from './cases.ts';
import type { Plan } from './types.ts';

const FIXTURES = join(import.meta.dirname, '__fixtures__');

function render(p: Plan): string {
  return p.steps.map((s) => `-- ${s.phase}${s.hazards.map((h) => `\n--   ${h.kind}: ${h.message}`).join('')}\n${s.sql}`).join('\n') + '\n';
}

describe('diff + plan golden cases', () => {
  it.each(DIFF_CASES)('$name', ({ name, before, edit }) => {
    const after = structuredClone(before);
    edit(after);
    const text = render(plan(diff(before, after), { from: before, to: after }));
    const file = join(FIXTURES, name, 'expected.sql');
    if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
      mkdirSync(join(FIXTURES, name), { recursive: true });
      writeFileSync(file, text);
    }
    expect(text).toBe(readFileSync(file, 'utf8'));
    // Planning the result against itself is always empty.
    expect(plan(diff(after, after), { from: after, to: after }).steps).toEqual([]);
  });
});
