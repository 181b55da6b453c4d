/**
 * The data dictionary as ONE self-contained HTML page: inline style and script, the diagrams as
 * inline SVG (light and dark, chosen by the reader's color scheme), no external resource, so it
 * opens from a file, offline, and can be mailed or published as is.
 *
 * Names, comments, defaults and definitions are untrusted input: every one goes through `esc`
 * (text and double-quoted attributes), and none is ever written into the script.
 *
 * Example: `docsHtml(document)` → `'<!doctype html><html lang="en">…</html>'`.
 */
import type { ModelDocument } from '../../model/document.ts';
import { withMissingPositions } from '../../model/initial-layout.ts';
import { diagramSvg, type Size } from '../../diagram/svg.ts';
import { esc } from '../../diagram/svg-nodes.ts';
import { buildDictionary, qualified, type Dictionary, type DocReference, type DocSection, type DocTable } from './dictionary.ts';
import { DOCS_CSS, DOCS_SCRIPT } from './html-assets.ts';

export interface DocsHtmlOptions {
  /** Draw each subject area's diagram (default true). */
  diagrams?: boolean;
  /** Written in the footer, e.g. `2026-12-05 12:00 UTC`; left out when absent (tests stay stable). */
  generatedAt?: string;
  /** Drawn size of each table, view and enum (the canvas's, so the diagrams match it); estimated when absent. */
  sizes?: ReadonlyMap<string, Size>;
}

/** Element ids: a kind prefix keeps a table and an enum of the same name apart. */
export const anchorOf = (kind: string, object: { schema: string; name: string }) => `${kind}-${qualified(object)}`;
const href = (anchor: string) => `#${encodeURIComponent(anchor)}`;
const code = (text: string) => `<code>${esc(text)}</code>`;
const searchText = (parts: (string | undefined)[]) => esc(parts.filter(Boolean).join(' ').toLowerCase());

function tableLink(dict: Dictionary, tableId: string): string {
  const table = dict.tables.get(tableId)!;
  return `<a href="${href(anchorOf('table', table))}">${esc(qualified(table))}</a>`;
}

/** `(film_id) → public.film (film_id)` out of this table; `public.rental (customer_id) → (customer_id)` into it. */
function referenceText(dict: Dictionary, ref: DocReference, direction: 'out' | 'in'): string {
  const other = tableLink(dict, ref.tableId);
  const text = direction === 'out'
    ? `(${esc(ref.columns)}) → ${other} (${esc(ref.refColumns)})`
    : `${other} (${esc(ref.columns)}) → (${esc(ref.refColumns)})`;
  const actions = [ref.onDelete !== 'no action' ? `on delete ${ref.onDelete}` : '', ref.onUpdate !== 'no action' ? `on update ${ref.onUpdate}` : '']
    .filter(Boolean).join(', ');
  return `${text}${actions ? ` <span class="muted">${esc(actions)}</span>` : ''}${ref.name ? ` <span class="muted">${esc(ref.name)}</span>` : ''}`;
}

function facts(rows: [label: string, html: string | undefined][]): string {
  const shown = rows.filter(([, html]) => html);
  if (!shown.length) return '';
  return `<dl class="facts">${shown.map(([label, html]) => `<dt>${esc(label)}</dt><dd>${html}</dd>`).join('')}</dl>`;
}

const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : undefined);

function tableEntry(dict: Dictionary, t: DocTable): string {
  const rows = t.columns.map((c) => `<tr>
<td>${code(c.name)}</td><td>${code(c.type)}</td><td>${c.nullable ? 'yes' : 'no'}</td><td>${c.default !== undefined ? code(c.default) : ''}</td>
<td>${c.keys.map((k) => `<span class="badge">${k}</span>`).join('')}${c.references.map((id) => ` → ${tableLink(dict, id)}`).join('')}</td>
<td>${c.comment ? esc(c.comment) : ''}</td></tr>`).join('');
  const search = searchText([qualified(t), t.comment, ...t.columns.flatMap((c) => [c.name, c.comment])]);
  return `<article class="entry" id="${esc(anchorOf('table', t))}" data-search="${search}">
<h3>${esc(qualified(t))}</h3>
${t.comment ? `<p class="comment">${esc(t.comment)}</p>` : ''}
<table class="columns"><thead><tr><th>Column</th><th>Type</th><th>Nullable</th><th>Default</th><th>Keys</th><th>Comment</th></tr></thead>
<tbody>${rows}</tbody></table>
${facts([
    ['Primary key', t.primaryKey !== undefined ? code(t.primaryKey) : undefined],
    ['Unique', list(t.uniques.map(code))],
    ['Checks', list(t.checks.map((c) => `${c.name ? `${esc(c.name)}: ` : ''}${code(`CHECK (${c.expression})`)}`))],
    ['Indexes', list(t.indexes.map(code))],
    ['Partitioning', t.partitioning ? code(t.partitioning) : undefined],
    ['References', list(t.referencesOut.map((r) => referenceText(dict, r, 'out')))],
    ['Referenced by', list(t.referencesIn.map((r) => referenceText(dict, r, 'in')))],
  ])}
</article>`;
}

function diagram(doc: ModelDocument, section: DocSection, areaIds: Set<string>, sizes?: ReadonlyMap<string, Size>): string {
  if (!section.tableIds.length) return '';
  const layout = withMissingPositions(doc.model, doc.layout);
  const only = new Set(section.tableIds);
  if (areaIds.has(section.id)) only.add(section.id);
  const draw = (theme: 'light' | 'dark') => diagramSvg({ model: doc.model, layout, only, theme, sizes }).replace('<svg ', `<svg class="${theme}" role="img" aria-label="${esc(`Diagram of ${section.title}`)}" `);
  return `<figure class="diagram">${draw('light')}${draw('dark')}</figure>`;
}

function sectionHtml(doc: ModelDocument, dict: Dictionary, section: DocSection, options: DocsHtmlOptions): string {
  const areaIds = new Set(doc.layout.areas.map((a) => a.id));
  const swatch = section.color ? `<span class="swatch" style="background:${esc(/^#[0-9a-f]{3,8}$/i.test(section.color) ? section.color : 'transparent')}"></span>` : '';
  return `<section data-group id="${esc(`area-${section.id}`)}">
<h2>${swatch}${esc(section.title)} <span class="muted">(${section.tableIds.length})</span></h2>
${section.note ? `<p class="comment">${esc(section.note)}</p>` : ''}
${options.diagrams === false ? '' : diagram(doc, section, areaIds, options.sizes)}
${section.tableIds.map((id) => tableEntry(dict, dict.tables.get(id)!)).join('\n')}
</section>`;
}

function otherObjects(dict: Dictionary): string {
  const group = (title: string, id: string, entries: string[]) =>
    (entries.length ? `<section data-group id="${id}"><h2>${esc(title)} <span class="muted">(${entries.length})</span></h2>\n${entries.join('\n')}</section>` : '');
  const entry = (kind: string, o: { schema: string; name: string; comment?: string }, body: string, extra: string[] = []) =>
    `<article class="entry" id="${esc(anchorOf(kind, o))}" data-search="${searchText([qualified(o), o.comment, ...extra])}">
<h3>${esc(qualified(o))}</h3>${o.comment ? `<p class="comment">${esc(o.comment)}</p>` : ''}${body}</article>`;
  return [
    group('Enums', 'enums', dict.enums.map((e) => entry('enum', e, facts([['Values', e.values.map(code).join(' ')]]), e.values))),
    group('Domains', 'domains', dict.domains.map((d) => entry('domain', d, facts([
      ['Type', code(d.type)], ['Nullable', d.notNull ? 'no' : 'yes'], ['Default', d.default !== undefined ? code(d.default) : undefined],
      ['Checks', list(d.checks.map((c) => code(`CHECK (${c})`)))],
    ])))),
    group('Views', 'views', dict.views.map((v) => entry('view', v, `${v.materialized ? '<p class="muted">Materialized view</p>' : ''}${facts([
      ['Columns', list(v.columns.map((c) => `${code(c.name)} ${esc(c.comment ?? '')}`))],
    ])}<pre>${esc(v.definition)}</pre>`, v.columns.map((c) => c.name)))),
    group('Sequences', 'sequences', dict.sequences.map((s) => entry('sequence', s, s.options ? facts([['Options', code(s.options)]]) : ''))),
  ].join('\n');
}

function toc(dict: Dictionary): string {
  const item = (anchor: string, label: string) => `<li><a href="${href(anchor)}" data-target="${esc(anchor)}">${esc(label)}</a></li>`;
  const sections = dict.sections.map((s) => `<li><a href="${href(`area-${s.id}`)}">${esc(s.title)}</a><ul>${s.tableIds
    .map((id) => { const t = dict.tables.get(id)!; return item(anchorOf('table', t), qualified(t)); }).join('')}</ul></li>`);
  const others: [string, string, { schema: string; name: string }[]][] = [
    ['Enums', 'enum', dict.enums], ['Domains', 'domain', dict.domains], ['Views', 'view', dict.views], ['Sequences', 'sequence', dict.sequences],
  ];
  const rest = others.filter(([, , objects]) => objects.length).map(([title, kind, objects]) =>
    `<li><a href="${href(`${title.toLowerCase()}`)}">${title}</a><ul>${objects.map((o) => item(anchorOf(kind, o), qualified(o))).join('')}</ul></li>`);
  return `<nav class="toc" aria-label="Contents"><ul>${[...sections, ...rest].join('')}</ul></nav>`;
}

/** The whole page. */
export function docsHtml(doc: ModelDocument, options: DocsHtmlOptions = {}): string {
  const dict = buildDictionary(doc);
  const counts = [
    `${dict.tables.size} table${dict.tables.size === 1 ? '' : 's'}`,
    dict.views.length ? `${dict.views.length} view${dict.views.length === 1 ? '' : 's'}` : '',
    dict.enums.length ? `${dict.enums.length} enum${dict.enums.length === 1 ? '' : 's'}` : '',
  ].filter(Boolean).join(' · ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Schemata">
<title>${esc(dict.title)}</title>
<style>${DOCS_CSS}</style>
</head>
<body>
<header class="top">
<h1>${esc(dict.title)}</h1><span class="counts">${counts}</span>
<input id="docs-search" type="search" placeholder="Search tables, columns, comments…" aria-label="Search the documentation" autocomplete="off">
<span id="docs-search-status" role="status"></span>
</header>
<div class="layout">
${toc(dict)}
<main>
${dict.sections.map((s) => sectionHtml(doc, dict, s, options)).join('\n')}
${otherObjects(dict)}
<p class="muted">Generated by Schemata${options.generatedAt ? ` on ${esc(options.generatedAt)}` : ''}.</p>
</main>
</div>
<script>${DOCS_SCRIPT}</script>
</body>
</html>
`;
}
