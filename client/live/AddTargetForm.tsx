/** Adds a PostgreSQL target by URL. The server tests the connection before keeping it. */
import { useState, type FormEvent } from 'react';
import { addTargetRequestZod } from '../../shared/api/targets.ts';
import { describeError } from '../data/http.ts';
import { useStore } from '../store/index.ts';

export function AddTargetForm() {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [shadowUrl, setShadowUrl] = useState('');
  const [locked, setLocked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = addTargetRequestZod.safeParse({ name, url, protected: locked, ...(shadowUrl.trim() ? { shadowUrl: shadowUrl.trim() } : {}) });
    if (!input.success) {
      const issue = input.error.issues[0];
      setError(`${issue?.path.join('.') || 'target'}: ${issue?.message}`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const added = await useStore.getState().addTarget(input.data);
      useStore.getState().selectTarget(added.id);
      setName('');
      setUrl('');
      setShadowUrl('');
      setLocked(false);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="add-target" data-testid="add-target" onSubmit={(e) => void submit(e)}>
      <h4>Add a PostgreSQL database</h4>
      <input className="field" data-testid="add-target-name" placeholder="Name, e.g. Staging" value={name} onChange={(e) => setName(e.target.value)} />
      <input
        className="field mono" data-testid="add-target-url" placeholder="postgres://user:password@host:5432/database"
        value={url} onChange={(e) => setUrl(e.target.value)} autoComplete="off" spellCheck={false}
      />
      <input
        className="field mono" data-testid="add-target-shadow-url" placeholder="Shadow database URL (optional): postgres://…"
        value={shadowUrl} onChange={(e) => setShadowUrl(e.target.value)} autoComplete="off" spellCheck={false}
        title="Only for extensions the built-in engine lacks (e.g. postgis): Compare then loads the model into throwaway databases there"
      />
      <div className="row">
        <label className="check" title="Applying then needs its name typed">
          <input type="checkbox" data-testid="add-target-protected" checked={locked} onChange={(e) => setLocked(e.target.checked)} />
          Protected
        </label>
        <span className="spacer" />
        <button className="btn primary small" type="submit" data-testid="add-target-submit" disabled={busy || !name.trim() || !url.trim()}>
          {busy ? 'Testing…' : 'Test and add'}
        </button>
      </div>
      {error && <div className="target-test bad" role="alert" data-testid="add-target-error">{error}</div>}
      <p className="muted">The password stays on the server, stored encrypted: it is never shown again.</p>
      <p className="muted" data-testid="add-target-shadow-note">
        Shadow database URL: model SQL runs there; use a scratch server, never production. Without one, models are checked in the built-in engine.
      </p>
    </form>
  );
}
