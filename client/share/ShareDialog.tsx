/**
 * File → Share…: read-only links to the open saved project. A new link's URL is shown once (only its
 * hash is kept), with its embed code for a wiki; every link can be revoked, and stops working at once.
 */
import { useEffect, useState } from 'react';
import type { CreateShareLinkResponse, ShareLinkList } from '../../shared/api/share-links.ts';
import { describeError } from '../data/http.ts';
import { shareLinksApi } from '../data/share-links.ts';
import { useStore } from '../store/index.ts';
import { CopyButton } from '../shell/CopyButton.tsx';
import { Dialog } from '../shell/Dialog.tsx';
import { embedCode } from './share-mode.ts';
import './share.css';

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const projectId = useStore((s) => s.project.id);
  const [links, setLinks] = useState<ShareLinkList>([]);
  const [made, setMade] = useState<CreateShareLinkResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = () => {
    if (projectId) shareLinksApi.list(projectId).then(setLinks, (e: unknown) => setError(describeError(e)));
  };
  useEffect(reload, [projectId]);
  if (!projectId) return null;
  const create = () => shareLinksApi.create(projectId).then((link) => { setMade(link); reload(); }, (e: unknown) => setError(describeError(e)));
  const revoke = (id: string) => shareLinksApi.revoke(projectId, id).then(() => {
    if (made?.id === id) setMade(null);
    reload();
  }, (e: unknown) => setError(describeError(e)));
  return (
    <Dialog className="share-dialog" testId="share-dialog" label="Share a read-only link" onClose={onClose}>
      <p className="muted">Whoever opens a link sees this project&apos;s diagram, its search and its SQL, and can change nothing.</p>
      <button className="btn primary" data-testid="share-create" onClick={() => void create()}>Create a link</button>
      {made && (
        <div className="share-made" data-testid="share-made">
          <label>Link (shown once)
            <span className="share-row"><input readOnly value={made.url} data-testid="share-url" /><CopyButton text={made.url} /></span>
          </label>
          <label>Embed in a wiki
            <span className="share-row"><input readOnly value={embedCode(made.url)} data-testid="share-embed" /><CopyButton text={embedCode(made.url)} /></span>
          </label>
        </div>
      )}
      {error && <div className="error" role="alert">{error}</div>}
      <ul className="share-links" data-testid="share-links">
        {links.map((link) => (
          <li key={link.id} data-testid="share-link">
            <span>Link made {new Date(link.createdAt).toLocaleString()}</span>
            <button className="btn small" data-testid="share-revoke" onClick={() => void revoke(link.id)}>Revoke</button>
          </li>
        ))}
        {!links.length && <li className="muted">No links yet.</li>}
      </ul>
    </Dialog>
  );
}
