/**
 * Targets: the databases the studio reads and migrates. The sandbox is always there; PostgreSQL
 * targets are added by URL (the server tests the connection first and never sends the password
 * back). Each row can be tested, protected, removed, imported from, or picked for Compare.
 * Removing protection, or removing a protected target, asks for the target's name (sent as
 * `confirmName`; the server checks it).
 */
import { useState } from 'react';
import type { TargetResponse } from '../../shared/api/targets.ts';
import { describeError } from '../data/http.ts';
import { useStore } from '../store/index.ts';
import { AddTargetForm } from './AddTargetForm.tsx';
import { importFromTarget } from '../io/import-database.ts';
import { useTargetsLoaded } from './TargetPicker.tsx';
import './live.css';

function TestResult({ id }: { id: string }) {
  const result = useStore((s) => s.tests[id]);
  if (!result) return null;
  return (
    <div className={`target-test ${result.ok ? 'ok' : 'bad'}`} data-testid="target-test" data-ok={result.ok}>
      {result.ok ? '✓' : '✗'} {result.message}{result.ok ? ` · ${result.ms} ms` : ''}
    </div>
  );
}

interface NameConfirmProps {
  target: TargetResponse;
  /** `unprotect` or `remove`: the test ids are `target-<action>-name`, `-confirm`, `-cancel`. */
  action: 'unprotect' | 'remove';
  what: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: (name: string) => void;
  onCancel: () => void;
}

/** Removing protection, or a protected target, asks for the target's name, as applying to a protected target does. */
function NameConfirm({ target, action, what, confirmLabel, cancelLabel, onConfirm, onCancel }: NameConfirmProps) {
  const [typed, setTyped] = useState('');
  return (
    <div className="target-unprotect" data-testid={`target-${action}`}>
      <label>
        <span>Type <b>{target.name}</b> to {what}:</span>
        <input className="field" data-testid={`target-${action}-name`} value={typed} autoFocus autoComplete="off" placeholder={target.name}
          onChange={(e) => setTyped(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && typed === target.name && onConfirm(typed)} />
      </label>
      <button className="btn small danger" data-testid={`target-${action}-confirm`} disabled={typed !== target.name} onClick={() => onConfirm(typed)}>{confirmLabel}</button>
      <button className="btn small" data-testid={`target-${action}-cancel`} onClick={onCancel}>{cancelLabel}</button>
    </div>
  );
}

function TargetRow({ target, current }: { target: TargetResponse; current: boolean }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [confirmUnprotect, setConfirmUnprotect] = useState(false);
  const run = (label: string, action: () => Promise<unknown>) => async () => {
    setBusy(label);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(null);
    }
  };
  const store = useStore.getState;
  return (
    <li className={`target-row${current ? ' current' : ''}`} data-testid="target-row" data-target-id={target.id} data-target-name={target.name}>
      <div className="target-head">
        <input
          type="radio" name="current-target" aria-label={`Use ${target.name}`} data-testid="target-select"
          checked={current} onChange={() => store().selectTarget(target.id)}
        />
        <span className="target-name">{target.name}</span>
        <span className="chip kind">{target.kind === 'sandbox' ? 'sandbox' : 'PostgreSQL'}</span>
        {target.protected && <span className="chip protected" data-testid="target-protected">protected</span>}
      </div>
      <div className="target-url" title={target.displayUrl}>{target.displayUrl}</div>
      {target.shadowDisplayUrl && (
        <div className="target-url" data-testid="target-shadow-url" title="Shadow database: model SQL runs there when this target is compared">
          shadow: {target.shadowDisplayUrl}
        </div>
      )}
      <div className="target-actions">
        <button className="btn small" data-testid="target-test-button" disabled={busy !== null} onClick={run('test', () => store().testTarget(target.id))}>
          {busy === 'test' ? 'Testing…' : 'Test'}
        </button>
        <button className="btn small" data-testid="target-import" disabled={busy !== null} title="Read this database into a new model" onClick={run('import', () => importFromTarget(target.id))}>
          {busy === 'import' ? 'Importing…' : 'Import from database'}
        </button>
        {!target.builtin && (
          <label className="check">
            <input type="checkbox" data-testid="target-protect" checked={target.protected} disabled={busy !== null || confirmUnprotect}
              onChange={(e) => (e.target.checked ? void run('protect', () => store().setTargetProtected(target.id, true))() : setConfirmUnprotect(true))} />
            Protected
          </label>
        )}
        <span className="spacer" />
        {!target.builtin && !confirmRemove && (
          <button className="btn small danger" data-testid="target-remove" disabled={busy !== null} onClick={() => setConfirmRemove(true)}>Remove</button>
        )}
        {confirmRemove && !target.protected && (
          <>
            <button className="btn small danger" data-testid="target-remove-confirm" onClick={run('remove', () => store().removeTarget(target.id))}>Remove it</button>
            <button className="btn small" onClick={() => setConfirmRemove(false)}>Keep</button>
          </>
        )}
      </div>
      {confirmRemove && target.protected && (
        <NameConfirm
          target={target} action="remove" what="remove this protected target from the studio (the database itself is not touched)"
          confirmLabel="Remove it" cancelLabel="Keep it"
          onCancel={() => setConfirmRemove(false)}
          onConfirm={(name) => void run('remove', () => store().removeTarget(target.id, name))()}
        />
      )}
      {confirmUnprotect && (
        <NameConfirm
          target={target} action="unprotect" what="remove its protection (Apply will no longer ask for the name)"
          confirmLabel="Remove protection" cancelLabel="Keep it protected"
          onCancel={() => setConfirmUnprotect(false)}
          onConfirm={(name) => void run('protect', async () => {
            await store().setTargetProtected(target.id, false, name);
            setConfirmUnprotect(false);
          })()}
        />
      )}
      <TestResult id={target.id} />
      {error && <div className="target-test bad" role="alert" data-testid="target-error">{error}</div>}
    </li>
  );
}

export default function TargetsPanel() {
  useTargetsLoaded();
  const targets = useStore((s) => s.targets);
  const current = useStore((s) => s.currentTargetId);
  const status = useStore((s) => s.targetsStatus);
  return (
    <div className="live-panel" data-testid="targets-panel">
      {status.state === 'error' && (
        <div className="live-banner bad" role="alert">
          Could not list the targets: {status.message}{' '}
          <button className="btn small" onClick={() => void useStore.getState().loadTargets().catch(() => undefined)}>Retry</button>
        </div>
      )}
      {status.state === 'running' && targets.length === 0 && <div className="live-empty">Loading targets…</div>}
      <ul className="target-list">
        {targets.map((t) => <TargetRow key={t.id} target={t} current={t.id === current} />)}
      </ul>
      <AddTargetForm />
    </div>
  );
}
