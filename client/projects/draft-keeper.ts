/**
 * Keeps the draft being edited in the browser (data/draft-store.ts) so a crash or a closed tab
 * loses nothing, and offers it back on the next open. A draft is whatever leaving would lose
 * (`currentWarning`): an edited template or file, or a project whose latest edits are not saved yet.
 * It is written a moment after the last edit and cleared as soon as nothing would be lost (saved,
 * discarded, another document opened).
 */
import type { ModelDocument } from '../../shared/model/document.ts';
import { parseDocument } from '../../shared/model/upgrade.ts';
import { clearDraft, readDraft, writeDraft, type KeptDraft } from '../data/draft-store.ts';
import { currentWarning, markRestored } from '../data/project-autosave.ts';
import { showDocument } from '../shell/boot.ts';
import { useStore } from '../store/index.ts';
import { sqlParserReady } from '../sql/sql-parser-ready.ts';
import { askToRestore } from './ask.ts';
import { sameApartFromView, timeAgo } from './unsaved-work.ts';

const KEEP_DELAY_MS = 400;
/**
 * While the edit is on its way to being saved ('saving': a project's save in flight, or an edit sent
 * to a connected co-editing room, which saves within about half a second), the copy here waits
 * longer: the save nearly always lands first and nothing needs keeping. Writing it anyway cost a
 * 2,000-table project a ~45 ms structured clone on the main thread after every edit.
 */
const KEEP_WHILE_SAVING_MS = 1500;

let timer: ReturnType<typeof setTimeout> | undefined;
/** A draft written by this page is in the browser (so it is cleared when nothing would be lost). */
let kept = false;

function writeNow(): void {
  clearTimeout(timer);
  timer = undefined;
  if (!currentWarning()) return;
  const { doc, project } = useStore.getState();
  kept = true;
  writeDraft({ doc, project, keptAt: Date.now() }).catch(() => undefined); // no IndexedDB: nothing kept
}

/** Writes the draft after a pause, or clears it at once when nothing would be lost any more. */
function sync(): void {
  clearTimeout(timer);
  timer = undefined;
  if (currentWarning()) {
    timer = setTimeout(writeNow, useStore.getState().saveState === 'saving' ? KEEP_WHILE_SAVING_MS : KEEP_DELAY_MS);
    return;
  }
  if (!kept) return;
  kept = false;
  clearDraft().catch(() => undefined);
}

function describeDraft(draft: KeptDraft): string {
  const where = draft.project.source === 'project' ? 'the project' : 'the unsaved model';
  const tables = draft.doc.model.tables.length;
  return `Restore the draft you were editing ${timeAgo(draft.keptAt, Date.now())}? ` +
    `It is ${where} "${draft.project.name}" (${tables} table${tables === 1 ? '' : 's'}) with edits that were never saved.`;
}

/** Puts a kept draft back: on its project (saved again from there) or as the unsaved model it was. */
function restore(doc: ModelDocument, project: KeptDraft['project']): void {
  showDocument(doc, project);
  markRestored();
  const path = project.source === 'project' && project.id ? `/p/${encodeURIComponent(project.id)}` : '/';
  if (window.location.pathname !== path) window.history.replaceState(null, '', path);
  kept = true;
  sync();
}

/**
 * Offers the draft an earlier visit left (after a crash or a closed tab), if there is one. `earlier`
 * is read before this page keeps anything; a draft kept after this page started is its own (the
 * read can be slow, and an edit made meanwhile keeps one) and is never offered back to it.
 */
async function offerKeptDraft(earlier: Promise<KeptDraft | undefined>, pageStartedAt: number): Promise<void> {
  const draft = await earlier;
  if (!draft || draft.keptAt >= pageStartedAt) return;
  // Checking a document needs the SQL parser, which a template's page is still downloading: checked
  // before it is ready, every draft failed and was cleared, lost without a word. Not ready at all:
  // the draft stays kept for the next visit.
  if (!(await sqlParserReady().then(() => true, () => false))) return;
  const parsed = parseDocument(draft.doc);
  // A draft the opened document already holds (a project's save reached the server after all) is no edit.
  if (!parsed.ok || sameApartFromView(parsed.document, useStore.getState().doc)) {
    await clearDraft().catch(() => undefined);
    return;
  }
  const choice = await askToRestore(describeDraft(draft));
  if (choice === 'restore') restore(parsed.document, draft.project);
  else if (choice === 'discard') await clearDraft().catch(() => undefined);
}

/** Starts keeping drafts (once the first document is open) and offers the one left last time. */
export function startDraftKeeper(): () => void {
  const pageStartedAt = Date.now();
  const earlier = readDraft();
  const unsubscribe = useStore.subscribe((state, previous) => {
    if (state.doc !== previous.doc || state.project !== previous.project || state.saveState !== previous.saveState) sync();
  });
  // A tab closed within the pause still leaves its last edit.
  const flush = () => timer && writeNow();
  window.addEventListener('pagehide', flush);
  void offerKeptDraft(earlier, pageStartedAt);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', flush);
  };
}
