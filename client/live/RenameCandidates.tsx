/**
 * "Treat as rename": a table the plan drops and one it creates with the same columns may be one
 * table renamed (a lost baseline, a rename made elsewhere). Only the user knows: each pair is shown
 * with a button that plans again with that rename confirmed, so the table keeps its rows.
 */
import { useStore } from '../store/index.ts';

export function RenameCandidates() {
  const candidates = useStore((s) => s.review?.plan.renameCandidates);
  const busy = useStore((s) => s.planStatus.state === 'running' || s.progress !== null);
  if (!candidates?.length) return null;
  return (
    <div className="live-banner warn" data-testid="rename-candidates">
      The plan drops and creates tables with the same columns. If one was renamed, say so: it is then renamed with its rows.
      <ul className="remaining">
        {candidates.map((c) => (
          <li key={`${c.from}\u0000${c.toId}`} data-testid="rename-candidate" data-from={c.from} data-to={c.to}>
            <code>{c.from}</code> → <code>{c.to}</code>{' '}
            <button className="btn small" data-testid="treat-as-rename" disabled={busy}
              onClick={() => void useStore.getState().treatAsRename(c)}>Treat as rename</button>
          </li>
        ))}
      </ul>
    </div>
  );
}
