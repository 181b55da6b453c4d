/**
 * A name edited in place: the text is a button; a click turns it into a field where Enter saves
 * and Escape (or leaving it unchanged) cancels. Replaces the browser's `prompt` for renames.
 */
import { useState } from 'react';
import './ask.css';

export interface NameFieldProps {
  name: string;
  /** Saves the new name (trimmed, non-empty, changed); a rejection keeps the field open with its message. */
  onRename: (name: string) => Promise<unknown>;
  testId: string;
  /** Open as a field at once (the Projects dialog's Rename button). */
  editing?: boolean;
  onDone?: () => void;
  className?: string;
}

export function NameField({ name, onRename, testId, editing: startEditing = false, onDone, className = '' }: NameFieldProps) {
  const [editing, setEditing] = useState(startEditing);
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string>();
  const stop = () => { setEditing(false); setError(undefined); onDone?.(); };
  const save = async () => {
    const next = draft.trim();
    if (!next || next === name) return stop();
    try {
      await onRename(next);
      stop();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  if (!editing) {
    return (
      <button className={`name-button ${className}`} data-testid={testId} title="Rename" onClick={() => { setDraft(name); setEditing(true); }}>
        {name}
      </button>
    );
  }
  return (
    <input
      className={`project-name-field ${className}`} data-testid={`${testId}-input`} aria-label="Name" autoFocus maxLength={200}
      value={draft} title={error} aria-invalid={error ? true : undefined}
      onChange={(e) => setDraft(e.target.value)}
      onFocus={(e) => e.target.select()}
      onBlur={stop}
      onKeyDown={(e) => {
        e.stopPropagation(); // the studio's shortcuts (Delete, Escape closing a dialog) stay out of the field
        if (e.key === 'Enter') void save();
        if (e.key === 'Escape') stop();
      }}
    />
  );
}
