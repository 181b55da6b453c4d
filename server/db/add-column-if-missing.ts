/**
 * SQL that adds a column to a table made by an older studio, only when it is missing: `ALTER TABLE`
 * waits for every reader of the table to finish, so it must not run when there is nothing to add.
 * (`ADD COLUMN IF NOT EXISTS` still takes that lock.) Names and type are the studio's own constants.
 * Ex: `addColumnIfMissing({ table: 'schemata.targets', column: 'shadow_url', type: 'text' })`.
 */
export function addColumnIfMissing(p: { table: string; column: string; type: string }): string {
  return `DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute WHERE attrelid = '${p.table}'::regclass
        AND attname = '${p.column}' AND NOT attisdropped) THEN
      ALTER TABLE ${p.table} ADD COLUMN ${p.column} ${p.type};
    END IF;
  END $$;`;
}
