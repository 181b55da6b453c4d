/**
 * For tests: models whose SQL does something when it is executed (creates a role, writes a file,
 * never ends), to prove that canonicalizing them (Compare, plan, dry run) runs nothing on a
 * target's server and cannot hang the studio.
 */
import type { Model, ModelDocument, RawObject } from '../../shared/model/document.ts';
import { emptyModel, makeDocument } from '../../shared/model/empty.ts';

const raw = (kind: RawObject['kind'], name: string, definition: string): RawObject =>
  ({ id: `raw:${kind}:public.${name}`, kind, schema: 'public', name, definition });

/** A materialized view runs its query when it is created: the one typed object that executes a function as it loads. */
function matviewCalling(fn: string): Model['views'][number] {
  return { id: 'view:public.runs', schema: 'public', name: 'runs', materialized: true, definition: `SELECT public.${fn}() AS v` };
}

/**
 * A function that creates `role`, called by a materialized view as it loads, and a DO block (a free
 * statement) that creates `role` too and writes `file` when `file` is given.
 */
export function roleCreatingModel(role: string, file?: string): Model {
  const model = emptyModel();
  const write = file ? ` EXECUTE 'COPY (SELECT 1) TO ''${file}''';` : '';
  model.rawObjects.push(
    raw('function', 'make_role', `CREATE FUNCTION public.make_role() RETURNS integer LANGUAGE plpgsql AS $$ BEGIN EXECUTE 'CREATE ROLE ${role}'; RETURN 1; END $$;`),
    raw('other', 'do_make_role', `DO $$ BEGIN EXECUTE 'CREATE ROLE ${role}_do';${write} END $$;`),
  );
  model.views.push(matviewCalling('make_role'));
  return model;
}

/** A materialized view whose function never returns: loading it never ends. */
export function neverEndingModel(): Model {
  const model = emptyModel();
  model.rawObjects.push(
    raw('function', 'spin', 'CREATE FUNCTION public.spin() RETURNS integer LANGUAGE plpgsql AS $$ BEGIN LOOP END LOOP; END $$;'),
    raw('other', 'do_spin', 'DO $$ BEGIN LOOP END LOOP; END $$;'),
  );
  model.views.push(matviewCalling('spin'));
  return model;
}

export const asDocument = (model: Model): ModelDocument => makeDocument(model);
