/**
 * "Your name": what comments and applied changes are signed with, kept in this browser (user-name.ts).
 * Opened from File ▸ Your name… and from the Comments tab's "as …" line. An empty name signs as
 * Anonymous again.
 */
import { useState, type FormEvent } from 'react';
import { useStore } from '../store/index.ts';
import { ANONYMOUS } from '../../shared/api/comments.ts';
import { Dialog } from './Dialog.tsx';
import { getUserName, setUserName } from './user-name.ts';
import './user-name.css';

const MAX_LENGTH = 60;

export function UserNameDialog() {
  const [name, setName] = useState(getUserName() ?? '');
  const close = () => useStore.getState().openDialog(null);
  const save = (e: FormEvent) => {
    e.preventDefault();
    setUserName(name);
    close();
  };
  return (
    <Dialog className="user-name-dialog" testId="user-name-dialog" label="Your name">
      <form onSubmit={save}>
        <p>Your comments and the changes you apply to a database are signed with this name. It stays in this browser.</p>
        <input
          data-testid="user-name-input" aria-label="Your name" autoFocus maxLength={MAX_LENGTH}
          placeholder={ANONYMOUS} value={name} onChange={(e) => setName(e.target.value)}
        />
        <div className="user-name-actions">
          <button type="button" className="btn" data-testid="user-name-cancel" onClick={close}>Cancel</button>
          <button type="submit" className="btn primary" data-testid="user-name-save">Save</button>
        </div>
      </form>
    </Dialog>
  );
}
