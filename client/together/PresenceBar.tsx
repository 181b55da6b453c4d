/** The top bar's view of co-editing: the connection, and who else is in the project, in their colours. */
import { useLive } from './live-state.ts';
import './together.css';

const STATUS_TEXT = { connecting: 'Connecting…', live: 'Live', offline: 'Offline · edits kept here' };
const STATUS_TITLE = {
  connecting: 'Joining the project so edits are shared live',
  live: 'Edits are shared live with everyone in this project and saved by the studio',
  offline: 'The connection to the studio is lost: keep editing, your edits merge when it comes back',
};
const SHOWN = 5;

export function PresenceBar() {
  const status = useLive((s) => s.status);
  const others = useLive((s) => s.others);
  if (status === 'off') return null;
  return (
    <div className="presence-bar" data-testid="presence-bar">
      <span className={`live-status ${status}`} data-testid="live-status" title={STATUS_TITLE[status]}>{STATUS_TEXT[status]}</span>
      {others.slice(0, SHOWN).map((other) => (
        <span key={other.clientId} className="presence-avatar" data-testid="presence-avatar" title={`${other.name} is here`} style={{ background: other.color }}>
          {other.name.slice(0, 1).toUpperCase()}
        </span>
      ))}
      {others.length > SHOWN && <span className="presence-more" title={others.slice(SHOWN).map((o) => o.name).join(', ')}>+{others.length - SHOWN}</span>}
    </div>
  );
}
