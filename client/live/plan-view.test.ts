import { describe, expect, it } from 'vitest';
import type { Step } from '../../shared/diff/types.ts';
import { hazardKinds, hazardSeverity } from '../../shared/diff/hazards.ts';
import { formatDuration, hazardList, historyLabel, planText, stepTitle, summarize } from './plan-view.ts';

const step = (sql: string, phase: Step['phase'], ...hazards: Step['hazards']): Step => ({ sql, phase, hazards });

const drop = step('DROP TABLE public.old;', 'tables', { kind: 'deletes-data', message: 'drops table "public.old"' });
const add = step('ALTER TABLE public.a\n  ADD COLUMN b integer;', 'columns');
const notNull = step('ALTER TABLE public.a ALTER COLUMN c SET NOT NULL;', 'columns',
  { kind: 'may-fail-on-existing-data', message: 'rows with NULL in "c" make it fail' },
  { kind: 'locks-table', message: 'scans "public.a" under an exclusive lock' });
const index = step('CREATE INDEX a_b_idx ON public.a (b);', 'indexes', { kind: 'index-build', message: 'builds an index' },
  { kind: 'locks-table', message: 'blocks writes while it builds' });

describe('planText', () => {
  it('writes a header per step and records the lines each step spans', () => {
    const { text, lines } = planText([drop, add]);
    const rows = text.split('\n');
    expect(lines).toEqual([{ start: 1, end: 3 }, { start: 5, end: 7 }]);
    expect(rows[0]).toBe('-- 1/2 · tables');
    expect(rows[1]).toBe('--   ⚠ deletes-data: drops table "public.old"');
    expect(rows[2]).toBe('DROP TABLE public.old;');
    expect(rows.slice(lines[1].start - 1, lines[1].end)).toEqual(['-- 2/2 · columns', 'ALTER TABLE public.a', '  ADD COLUMN b integer;']);
  });

  it('is empty for an empty plan', () => {
    expect(planText([])).toEqual({ text: '', lines: [] });
  });
});

describe('summaries and hazard lists', () => {
  const cases: Array<{ steps: Step[]; summary: ReturnType<typeof summarize>; kinds: string[] }> = [
    { steps: [], summary: { steps: 0, stepsWithHazards: 0, byKind: [] }, kinds: [] },
    { steps: [add], summary: { steps: 1, stepsWithHazards: 0, byKind: [] }, kinds: [] },
    {
      steps: [index, add, notNull, drop],
      summary: {
        steps: 4, stepsWithHazards: 3,
        byKind: [{ kind: 'deletes-data', count: 1 }, { kind: 'may-fail-on-existing-data', count: 1 }, { kind: 'locks-table', count: 2 }, { kind: 'index-build', count: 1 }],
      },
      kinds: ['deletes-data', 'may-fail-on-existing-data', 'locks-table', 'index-build'],
    },
  ];
  it.each(cases)('summarizes $summary.steps steps', ({ steps, summary, kinds }) => {
    expect(summarize(steps)).toEqual(summary);
    expect(hazardKinds(steps)).toEqual(kinds);
    expect(hazardList(steps)).toHaveLength(summary.byKind.reduce((n, k) => n + k.count, 0));
  });

  it('lists every hazard with its step', () => {
    expect(hazardList([add, notNull]).map((h) => [h.stepIndex, h.hazard.kind])).toEqual([[1, 'may-fail-on-existing-data'], [1, 'locks-table']]);
  });
});

describe('small formats', () => {
  it.each([
    [step('-- note\nDROP VIEW v;', 'pre'), 'DROP VIEW v;'],
    [add, 'ALTER TABLE public.a'],
    [step(`COMMENT ON TABLE t IS '${'x'.repeat(200)}';`, 'tables'), `COMMENT ON TABLE t IS '${'x'.repeat(96)}…`],
  ])('titles a step by its first SQL line', (s, title) => {
    expect(stepTitle(s)).toBe(title);
  });

  it.each([[999, '999 ms'], [12.4, '12 ms'], [1500, '1.5 s']])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([['deletes-data', 'danger'], ['breaks-dependents', 'danger'], ['rewrites-table', 'warning'], ['index-build', 'info']] as const)(
    'colors %s as %s', (kind, severity) => {
      expect(hazardSeverity(kind)).toBe(severity);
    });
});

describe('historyLabel', () => {
  const accepted = ['deletes-data'] as const;
  const cases = [
    { name: 'an apply that ran', entry: { status: 'applied', hazardsAccepted: [...accepted] }, expected: { status: 'Applied', dryRun: false, hazardsAccepted: [...accepted] } },
    { name: 'a failed apply keeps what was accepted', entry: { status: 'failed', error: { message: 'x' }, hazardsAccepted: [...accepted] }, expected: { status: 'Failed', dryRun: false, hazardsAccepted: [...accepted] } },
    { name: 'a failed dry run says so', entry: { status: 'failed', error: { message: 'x', dryRun: true }, hazardsAccepted: [] }, expected: { status: 'Dry run failed', dryRun: true, hazardsAccepted: [] } },
    { name: 'a refused dry run says so', entry: { status: 'refused', error: { message: 'x', dryRun: true }, hazardsAccepted: [] }, expected: { status: 'Dry run refused', dryRun: true, hazardsAccepted: [] } },
    { name: 'a dry run that passed', entry: { status: 'dry-run', hazardsAccepted: [] }, expected: { status: 'Dry run passed', dryRun: true, hazardsAccepted: [] } },
    { name: 'an old dry run journaled with hazards: none shown as accepted', entry: { status: 'dry-run', hazardsAccepted: [...accepted] }, expected: { status: 'Dry run passed', dryRun: true, hazardsAccepted: [] } },
    { name: 'a refused apply', entry: { status: 'refused', error: { message: 'x' }, hazardsAccepted: [] }, expected: { status: 'Refused', dryRun: false, hazardsAccepted: [] } },
  ] as const;
  it.each(cases)('$name', ({ entry, expected }) => {
    expect(historyLabel({ ...entry, hazardsAccepted: [...entry.hazardsAccepted] })).toEqual(expected);
  });
});
