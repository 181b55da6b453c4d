import { describe, expect, it } from 'vitest';
import type { RawObject } from '../model/document.ts';
import { emptyModel } from '../model/empty.ts';
import { planBetween } from './plan.ts';
import { hazardKinds } from './hazards.ts';

const FUNCTION = 'CREATE FUNCTION public.one() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;';

function planOf(...rawObjects: RawObject[]) {
  return planBetween(emptyModel(), { ...emptyModel(), rawObjects });
}

describe('the runs-custom-sql hazard', () => {
  it.each([
    ['a DO block (kind other)', { id: 'raw:other:.DO@1', kind: 'other', name: 'DO@1', definition: "DO $$ BEGIN RAISE NOTICE 'x'; END $$;" }, ['runs-custom-sql']],
    ['a DO block the SQL import keeps as a function', { id: 'raw:function:public.DO@2', kind: 'function', schema: 'public', name: 'DO@2', definition: "DO $$ BEGIN EXECUTE 'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS ''SELECT 1'''; END $$;" }, ['runs-custom-sql']],
    ['a COPY TO PROGRAM (kind other)', { id: 'raw:other:.copy', kind: 'other', name: 'copy', definition: "COPY (SELECT 1) TO PROGRAM 'touch /tmp/x';" }, ['runs-custom-sql']],
    ['a CREATE ROLE (kind other)', { id: 'raw:other:.role', kind: 'other', name: 'role', definition: 'CREATE ROLE evil;' }, ['runs-custom-sql']],
    ['a function: its body does not run at CREATE', { id: 'raw:function:public.one()', kind: 'function', schema: 'public', name: 'one', definition: FUNCTION }, []],
    ['a comment on an index (kind other, a plain definition)', { id: 'raw:other:public.c', kind: 'other', schema: 'public', name: 'c', definition: "COMMENT ON INDEX public.i IS 'x';" }, []],
  ] as Array<[string, RawObject, string[]]>)('%s', (_case, object, hazards) => {
    const planned = planOf(object);
    expect(hazardKinds(planned.steps)).toEqual(hazards);
    // The step carries the object's SQL whole, as the reviewer must read it.
    expect(planned.steps.map((s) => s.sql).join('\n')).toContain(object.definition);
  });
});
