import { describe, expect, it } from 'vitest';
import { deletesData, HAZARD_KINDS, hazardKinds, hazardSeverity, isHazardKind, unacceptedHazards, type Hazard } from './hazards.ts';

const step = (...kinds: Hazard['kind'][]) => ({ hazards: kinds.map((kind) => ({ kind, message: kind })) });

describe('hazards', () => {
  it('lists the distinct kinds of the steps worst first', () => {
    expect(hazardKinds([step('index-build', 'locks-table'), step(), step('deletes-data', 'locks-table')])).toEqual(['deletes-data', 'locks-table', 'index-build']);
    expect(hazardKinds([])).toEqual([]);
  });

  it('names the kinds not accepted once each, in the order the steps raise them', () => {
    const steps = [step('locks-table'), step('deletes-data', 'locks-table'), step('runs-custom-sql')];
    expect(unacceptedHazards(steps, ['locks-table'])).toEqual(['deletes-data', 'runs-custom-sql']);
    expect(unacceptedHazards(steps, [...HAZARD_KINDS])).toEqual([]);
  });

  it('tells a known kind from any other text', () => {
    expect(HAZARD_KINDS.every(isHazardKind)).toBe(true);
    expect(isHazardKind('drops-data')).toBe(false);
  });

  it('gives every kind a severity: data or code at stake is danger', () => {
    expect(HAZARD_KINDS.map((k) => [k, hazardSeverity(k)])).toEqual([
      ['runs-custom-sql', 'danger'], ['recreates-object', 'danger'], ['deletes-data', 'danger'], ['rewrites-table', 'warning'],
      ['may-fail-on-existing-data', 'warning'], ['breaks-dependents', 'danger'], ['locks-table', 'warning'], ['index-build', 'info'],
    ]);
  });

  it('says whether steps delete data', () => {
    expect(deletesData([step('locks-table'), step('deletes-data')])).toBe(true);
    expect(deletesData([step('recreates-object')])).toBe(false);
  });
});
