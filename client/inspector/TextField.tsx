/**
 * A text input that commits on Enter or blur (one model edit, one undo step, per change — not one
 * per keystroke); Escape puts the model's value back. `takeFocus` gives it the keyboard with its
 * text selected (a name just made, ready to type over).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface TextFieldProps {
  value: string;
  onCommit: (value: string) => void;
  testId: string;
  placeholder?: string;
  label?: string;
  multiline?: boolean;
  mono?: boolean;
  className?: string;
  /** Height of a multiline field, in lines. */
  rows?: number;
  /** Focus the field and select its text now; `onFocusTaken` says it is done (clear the request). */
  takeFocus?: boolean;
  onFocusTaken?: () => void;
  /** After Enter has committed: where the keyboard goes next (the next column's name). */
  onEnter?: () => void;
  /** After Escape has put the value back (a column added by Enter and left unnamed is dropped). */
  onEscape?: () => void;
}

export function TextField({ value, onCommit, testId, placeholder, label, multiline, mono, className, rows = 2, takeFocus, onFocusTaken, onEnter, onEscape }: TextFieldProps) {
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!takeFocus || !field.current) return;
    field.current.focus();
    field.current.select();
    onFocusTaken?.();
  }, [takeFocus, onFocusTaken]);
  // null: show the model's value. After a commit the field shows whatever the model now holds, so a
  // refused edit snaps back and an "add" field (value '') empties itself.
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      commit();
      onEnter?.();
    } else if (e.key === 'Escape') {
      setDraft(null);
      onEscape?.();
    }
  };
  const props = {
    ref: field,
    value: draft ?? value,
    placeholder,
    'aria-label': label ?? placeholder,
    'data-testid': testId,
    className: `field${mono ? ' mono' : ''}${className ? ` ${className}` : ''}`,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown,
    spellCheck: false,
  };
  return multiline ? <textarea rows={rows} {...props} /> : <input type="text" {...props} />;
}

/** A labelled checkbox that edits at once. */
export function CheckField({ checked, onChange, testId, label, disabled }: {
  checked: boolean; onChange: (checked: boolean) => void; testId: string; label: string; disabled?: boolean;
}) {
  return (
    <label className="check" title={label}>
      <input type="checkbox" checked={checked} disabled={disabled} data-testid={testId} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

/** A select over fixed options that edits at once. */
export function SelectField<T extends string>({ value, options, onChange, testId, label }: {
  value: T; options: ReadonlyArray<readonly [T, string]>; onChange: (value: T) => void; testId: string; label: string;
}) {
  return (
    <select className="field" value={value} aria-label={label} data-testid={testId} onChange={(e) => onChange(e.target.value as T)}>
      {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
    </select>
  );
}
