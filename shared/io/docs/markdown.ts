/**
 * The data dictionary as Markdown (GitHub Flavored): headings per subject area and per object,
 * a column table per table, links between tables that GitHub, GitLab and most viewers resolve
 * (heading slugs computed here as GitHub computes them). No diagram: a README that wants one links
 * the HTML page or an exported SVG.
 *
 * Untrusted text is escaped for Markdown and for the inline HTML Markdown allows (`mdText`), and view
 * bodies go in fences longer than any backtick run inside them, so a comment never becomes markup.
 */
import type { ModelDocument } from '../../model/document.ts';
import { buildDictionary, qualified, type Dictionary, type DocReference, type DocTable } from './dictionary.ts';

/**
 * Text safe in a Markdown paragraph or table cell: HTML's specials as entities, Markdown's
 * punctuation backslash-escaped, `|` as an entity (a table splits on it even in code), lines joined
 * with `<br>`.
 */
export function mdText(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!~"]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;')
    .replace(/\r?\n/g, '<br>');
}

const mdCode = (text: string) => `<code>${mdText(text)}</code>`;

/** GitHub's heading anchors: lowercase, spaces to `-`, punctuation other than `-` and `_` dropped; repeats get `-1`, `-2`, … */
export function createSlugger(): (heading: string) => string {
  const seen = new Map<string, number>();
  return (heading) => {
    const base = heading.toLowerCase().trim().replace(/[^\p{L}\p{N}\p{M}\- _]/gu, '').replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count ? `${base}-${count}` : base;
  };
}

function fence(body: string, language: string): string {
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${body}\n${marks}`;
}

function tableSection(dict: Dictionary, t: DocTable, link: (tableId: string) => string): string[] {
  const out: string[] = [`### ${mdText(qualified(t))}`, ''];
  if (t.comment) out.push(mdText(t.comment), '');
  out.push('| Column | Type | Nullable | Default | Keys | Comment |', '| --- | --- | --- | --- | --- | --- |');
  for (const c of t.columns) {
    const keys = [...c.keys, ...c.references.map(link)].join(' ');
    out.push(`| ${mdCode(c.name)} | ${mdCode(c.type)} | ${c.nullable ? 'yes' : 'no'} | ${c.default !== undefined ? mdCode(c.default) : ''} | ${keys} | ${c.comment ? mdText(c.comment) : ''} |`);
  }
  out.push('');
  const bullet = (label: string, items: string[]) => {
    if (!items.length) return;
    out.push(`**${label}**`, '', ...items.map((i) => `- ${i}`), '');
  };
  const ref = (r: DocReference, direction: 'out' | 'in') => (direction === 'out'
    ? `(${mdText(r.columns)}) → ${link(r.tableId)} (${mdText(r.refColumns)})`
    : `${link(r.tableId)} (${mdText(r.columns)}) → (${mdText(r.refColumns)})`)
    + [r.onDelete !== 'no action' ? `, on delete ${r.onDelete}` : '', r.onUpdate !== 'no action' ? `, on update ${r.onUpdate}` : ''].join('');
  bullet('Primary key', t.primaryKey !== undefined ? [mdCode(t.primaryKey)] : []);
  bullet('Unique', t.uniques.map(mdCode));
  bullet('Checks', t.checks.map((c) => `${c.name ? `${mdText(c.name)}: ` : ''}${mdCode(`CHECK (${c.expression})`)}`));
  bullet('Indexes', t.indexes.map(mdCode));
  bullet('Partitioning', t.partitioning ? [mdCode(t.partitioning)] : []);
  bullet('References', t.referencesOut.map((r) => ref(r, 'out')));
  bullet('Referenced by', t.referencesIn.map((r) => ref(r, 'in')));
  return out;
}

/** The whole document as Markdown. */
export function docsMarkdown(doc: ModelDocument): string {
  const dict = buildDictionary(doc);
  const slug = createSlugger();
  // Headings are written in this order below, so their slugs are computed in the same order first.
  slug(dict.title);
  const anchors = new Map<string, string>();
  for (const section of dict.sections) {
    slug(section.title);
    for (const id of section.tableIds) anchors.set(id, slug(qualified(dict.tables.get(id)!)));
  }
  const link = (tableId: string) => `[${mdText(qualified(dict.tables.get(tableId)!))}](#${anchors.get(tableId)})`;
  const out: string[] = [`# ${mdText(dict.title)}`, ''];
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  out.push(`${[count(dict.tables.size, 'table'), count(dict.views.length, 'view'), count(dict.enums.length, 'enum'), count(dict.domains.length, 'domain')].join(', ')}.`, '');
  for (const section of dict.sections) {
    out.push(`## ${mdText(section.title)}`, '');
    if (section.note) out.push(mdText(section.note), '');
    out.push(section.tableIds.map(link).join(' · ') || '_No tables._', '');
    for (const id of section.tableIds) out.push(...tableSection(dict, dict.tables.get(id)!, link));
  }
  const objects = <T extends { schema: string; name: string; comment?: string }>(title: string, items: T[], body: (item: T) => string[]) => {
    if (!items.length) return;
    out.push(`## ${title}`, '');
    for (const item of items) {
      out.push(`### ${mdText(qualified(item))}`, '');
      if (item.comment) out.push(mdText(item.comment), '');
      out.push(...body(item), '');
    }
  };
  objects('Enums', dict.enums, (e) => [e.values.map(mdCode).join(', ')]);
  objects('Domains', dict.domains, (d) => [
    `${mdCode(d.type)}${d.notNull ? ', not null' : ''}${d.default !== undefined ? `, default ${mdCode(d.default)}` : ''}`,
    ...d.checks.map((c) => `- ${mdCode(`CHECK (${c})`)}`),
  ]);
  objects('Views', dict.views, (v) => [
    ...(v.materialized ? ['Materialized view.', ''] : []),
    ...v.columns.map((c) => `- ${mdCode(c.name)}: ${mdText(c.comment ?? '')}`),
    ...(v.columns.length ? [''] : []),
    fence(v.definition, 'sql'),
  ]);
  objects('Sequences', dict.sequences, (s) => (s.options ? [mdCode(s.options)] : []));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
