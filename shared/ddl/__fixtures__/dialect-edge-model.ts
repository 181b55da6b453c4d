/**
 * A model full of what MySQL and SQLite cannot take as is: identities and serials, schemas with a
 * name clash, arrays, jsonb, enums, a domain, partial/expression/GIN indexes, deferrable and
 * SET DEFAULT keys, PostgreSQL-only check syntax, long text keys, a table too wide for a MySQL
 * row, comments with quotes, a generated column, a view, a sequence and a partitioned table.
 */
import type { Model } from '../../model/document.ts';
import { buildModel, colId } from '../../model/model-builder.ts';
import { derivedId } from '../../model/ids.ts';

export function dialectEdgeModel(): Model {
  const model = buildModel({
    enums: [{ name: 'mood', values: ['happy', "it's ok", 'sad'] }],
    domains: [{ name: 'email', type: 'text' }],
    tables: [
      {
        name: 'accounts', columns: ['id bigint!', 'handle text!', 'email public.email', 'mood public.mood! = \'happy\'::mood', 'tags text[] = \'{}\'::text[]',
          'profile jsonb = \'{}\'::jsonb', 'created_at timestamptz! = now()', 'born date = CURRENT_DATE', 'token uuid = gen_random_uuid()',
          'balance numeric(12,2) = 0.00', 'score numeric', 'ip inet', 'lowered text', 'active boolean! = true'],
        pk: ['id'], uniques: [['handle']],
        checks: ["handle ~* '^[a-z_]+$'", "(balance)::numeric >= (0)::numeric", "mood = ANY (ARRAY['happy'::mood, 'sad'::mood])", 'id > 0'],
        indexes: [
          { items: ['(lower(handle))'], name: 'accounts_lower_handle' },
          { items: ['handle'], where: 'active', name: 'accounts_active_handle' },
          { items: ['email'], unique: true, where: 'email IS NOT NULL', name: 'accounts_email_unique' },
          { items: ['tags'], name: 'accounts_tags_gin' },
          { items: ['created_at'], name: 'accounts_created' },
        ],
      },
      {
        name: 'posts', columns: ['id integer! = nextval(\'posts_id_seq\'::regclass)', 'account_id bigint!', 'title character varying(2000)!', 'body text', 'slug text!', 'words integer'],
        pk: ['id'], uniques: [['title', 'slug']],
        fks: [{ columns: ['account_id'], ref: 'accounts', refColumns: ['id'], name: 'posts_account_fk' }],
        indexes: [{ items: ['body'], name: 'posts_body' }],
      },
      { name: 'events', schema: 'audit', columns: ['id bigint!', 'at timestamp(3)!', 'payload json'], pk: ['id'] },
      { name: 'accounts', schema: 'audit', columns: ['account_id integer!', 'note text'], pk: ['account_id'],
        fks: [{ columns: ['account_id'], ref: 'accounts', refColumns: ['id'], name: 'audit_accounts_fk' }] },
      { name: 'links', columns: ['post_id integer!', 'account_id bigint!', 'kind character(1)! = \'a\'::bpchar'], pk: ['post_id', 'account_id'],
        fks: [
          { columns: ['post_id'], ref: 'posts', refColumns: ['id'], name: 'links_post_fk' },
          { columns: ['account_id'], ref: 'accounts', refColumns: ['id'], name: 'links_account_fk' },
        ] },
      { name: 'wide', columns: ['id integer!', ...Array.from({ length: 70 }, (_, i) => `field_${i} character varying(300)`)], pk: ['id'] },
      { name: 'measurements', columns: ['id bigint!', 'taken_on date!'], pk: ['id', 'taken_on'] },
      { name: 'measurements_2024', columns: ['id bigint!', 'taken_on date!'] },
    ],
  });
  const table = (schema: string, name: string) => model.tables.find((t) => t.schema === schema && t.name === name)!;
  const accounts = table('public', 'accounts');
  accounts.comment = "People's accounts \\ with a backslash";
  accounts.columns[0].identity = { kind: 'always', options: { start: '100' } };
  accounts.columns[0].comment = 'the key';
  accounts.columns.find((c) => c.name === 'lowered')!.generated = 'lower(handle)';
  accounts.indexes.find((x) => x.name === 'accounts_tags_gin')!.method = 'gin';
  accounts.indexes.find((x) => x.name === 'accounts_created')!.items[0].order = 'desc';
  const posts = table('public', 'posts');
  posts.foreignKeys[0].onDelete = 'set-default';
  posts.foreignKeys[0].deferrable = true;
  posts.foreignKeys[0].initiallyDeferred = true;
  table('public', 'links').foreignKeys[1].onDelete = 'cascade';
  table('audit', 'events').columns[0].identity = { kind: 'by-default' };
  const measurements = table('public', 'measurements');
  measurements.partitioning = { strategy: 'range', key: 'taken_on' };
  table('public', 'measurements_2024').partitionOf = { parentId: measurements.id, bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" };
  model.sequences.push({ id: derivedId.sequence('public', 'posts_id_seq'), schema: 'public', name: 'posts_id_seq', ownedBy: { tableId: posts.id, columnId: colId('posts', 'id') } });
  model.sequences.push({ id: derivedId.sequence('public', 'tickets'), schema: 'public', name: 'tickets' });
  model.views.push({ id: derivedId.view('public', 'active_accounts'), schema: 'public', name: 'active_accounts', materialized: false, definition: 'SELECT id FROM accounts WHERE active' });
  return model;
}
