/**
 * Asks for the user's name once: the first time someone else is in the project with them while
 * they have none, since that is when a name starts to matter (others see "Anonymous" beside their
 * pointer). Answered or put off, it is not asked again; File ▸ Your name… changes it any time.
 */
import { useState, type FormEvent } from 'react';
import { USER_NAME_MAX_LENGTH } from '../../shared/api/user-name.ts';
import { rememberAskedForName, setUserName, useUserName, wasAskedForName } from '../shell/user-name.ts';
import { useLive } from './live-state.ts';

export function NamePrompt() {
  const someoneElseHere = useLive((s) => s.status !== 'off' && s.others.length > 0);
  const name = useUserName();
  const [asked, setAsked] = useState(wasAskedForName);
  const [draft, setDraft] = useState('');
  if (asked || name || !someoneElseHere) return null;
  const done = () => {
    rememberAskedForName();
    setAsked(true);
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (draft.trim()) setUserName(draft);
    done();
  };
  return (
    <form className="name-prompt" data-testid="name-prompt" role="dialog" aria-label="Your name" onSubmit={save}>
      <p>Others in this project see you as <b>Anonymous</b>. What name should they see?</p>
      <input
        data-testid="name-prompt-input" aria-label="Your name" maxLength={USER_NAME_MAX_LENGTH}
        placeholder="Your name" value={draft} onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && done()}
      />
      <div className="name-prompt-actions">
        <button type="button" className="btn" data-testid="name-prompt-later" onClick={done}>Not now</button>
        <button type="submit" className="btn primary" data-testid="name-prompt-save" disabled={!draft.trim()}>Save</button>
      </div>
    </form>
  );
}
