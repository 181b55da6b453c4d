/**
 * The documentation page's own style and script, inlined so the page is one file that works offline
 * (no CDN, no fetch). Fixed text: nothing from the model is ever written into them, so a name or a
 * comment can never become code.
 */

export const DOCS_CSS = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1d2330; --muted: #5b6475; --line: #d9dee7; --panel: #f5f7fa;
  --accent: #2f6fed; --code: #f0f2f6; --badge: #e6ecfb; --mark: #fff3b0; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #14171d; --fg: #e3e7ee; --muted: #9aa3b2; --line: #2d333d; --panel: #1b1f27; --accent: #7aa5ff;
    --code: #222833; --badge: #25304a; --mark: #5a4b12; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; }
header.top { position: sticky; top: 0; z-index: 2; display: flex; gap: 16px; align-items: center; flex-wrap: wrap;
  padding: 10px 24px; background: var(--panel); border-bottom: 1px solid var(--line); }
header.top h1 { font-size: 18px; margin: 0; }
header.top .counts { color: var(--muted); }
#docs-search { flex: 1 1 260px; max-width: 420px; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px;
  background: var(--bg); color: var(--fg); font: inherit; }
#docs-search-status { color: var(--muted); min-width: 8em; }
.layout { display: grid; grid-template-columns: 240px minmax(0, 1fr); }
nav.toc { position: sticky; top: 53px; align-self: start; max-height: calc(100vh - 53px); overflow: auto; padding: 16px;
  border-right: 1px solid var(--line); font-size: 13px; }
nav.toc ul { list-style: none; margin: 0 0 12px; padding: 0 0 0 10px; }
nav.toc > ul { padding: 0; }
nav.toc a { color: var(--fg); text-decoration: none; }
nav.toc a:hover { color: var(--accent); }
main { padding: 8px 32px 64px; min-width: 0; }
h2 { margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h2 .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 8px; }
h3 { margin: 0 0 4px; font-size: 16px; }
a { color: var(--accent); }
.entry { margin: 16px 0; padding: 12px 16px; border: 1px solid var(--line); border-radius: 8px; background: var(--panel); }
.entry:target { outline: 2px solid var(--accent); }
.comment { margin: 4px 0 8px; white-space: pre-wrap; }
.muted { color: var(--muted); }
table.columns { width: 100%; border-collapse: collapse; margin: 8px 0; }
table.columns th, table.columns td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
table.columns th { font-size: 12px; color: var(--muted); font-weight: 600; }
code, pre { font-family: Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
code { background: var(--code); padding: 1px 4px; border-radius: 4px; overflow-wrap: break-word; }
table.columns td:first-child code { white-space: nowrap; }
pre { background: var(--code); padding: 8px 10px; border-radius: 6px; overflow: auto; white-space: pre-wrap; }
.badge { display: inline-block; font-size: 11px; font-weight: 600; padding: 0 5px; margin-right: 3px; border-radius: 4px; background: var(--badge); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 8px 0 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
dl.facts ul { margin: 0; padding-left: 18px; }
.diagram { margin: 12px 0; border: 1px solid var(--line); border-radius: 8px; overflow: auto; max-height: 70vh; background: var(--bg); }
.diagram svg { display: block; max-width: none; height: auto; }
.diagram .dark { display: none; }
@media (prefers-color-scheme: dark) { .diagram .light { display: none; } .diagram .dark { display: block; } }
[hidden] { display: none !important; }
@media (max-width: 800px) { .layout { grid-template-columns: 1fr; } nav.toc { display: none; } main { padding: 8px 12px 48px; } }
@media print { header.top, nav.toc { display: none; } .layout { display: block; } .entry { break-inside: avoid; } }
`;

/**
 * The search box: every entry (a table, enum, domain, view or sequence) carries its searchable
 * text in `data-search`; an entry shows when it holds every word typed. Sections and table-of-contents
 * lines with nothing left to show are hidden with it. Diagrams hide while a search is on.
 */
export const DOCS_SCRIPT = `
(function () {
  var box = document.getElementById('docs-search');
  var status = document.getElementById('docs-search-status');
  if (!box) return;
  var entries = Array.prototype.slice.call(document.querySelectorAll('[data-search]'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('[data-group]'));
  var links = Array.prototype.slice.call(document.querySelectorAll('nav.toc a[data-target]'));
  var tocGroups = Array.prototype.slice.call(document.querySelectorAll('nav.toc > ul > li'));
  var diagrams = Array.prototype.slice.call(document.querySelectorAll('.diagram'));
  function apply() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0, visible = {};
    entries.forEach(function (entry) {
      var text = entry.getAttribute('data-search');
      var match = words.every(function (w) { return text.indexOf(w) !== -1; });
      entry.hidden = !match;
      if (match) { shown += 1; visible[entry.id] = true; }
    });
    groups.forEach(function (group) { group.hidden = words.length > 0 && !group.querySelector('[data-search]:not([hidden])'); });
    links.forEach(function (link) { link.parentNode.hidden = words.length > 0 && !visible[link.getAttribute('data-target')]; });
    tocGroups.forEach(function (group) { group.hidden = words.length > 0 && !group.querySelector('li:not([hidden])'); });
    diagrams.forEach(function (d) { d.hidden = words.length > 0; });
    status.textContent = words.length ? (shown === 1 ? '1 match' : shown + ' matches') : '';
  }
  box.addEventListener('input', apply);
  if (box.value) apply();
})();
`;
