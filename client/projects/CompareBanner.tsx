/** While comparing (a version with now, or two versions): what changed, and a way out. */
import { useEffect } from 'react';
import { useStore } from '../store/index.ts';
import { selectModel } from '../store/selectors.ts';
import { recompare } from './compare-versions.ts';
import './projects.css';

export function CompareBanner() {
  const comparison = useStore((s) => s.comparison);
  const model = useStore(selectModel);
  // Edits made while comparing show up at once.
  useEffect(() => {
    const now = useStore.getState().comparison;
    if (now) useStore.getState().setComparison(recompare(now, model));
  }, [model]);
  if (!comparison) return null;
  const counts = { added: 0, changed: 0 };
  for (const status of comparison.status.values()) if (status !== 'removed') counts[status] += 1;
  return (
    <div className="compare-banner" role="status" data-testid="compare-banner">
      <div>
        Compared <b>{comparison.from.label}</b> with <b>{comparison.to?.label ?? 'now'}</b>:{' '}
        <span className="banner-added">{counts.added} added</span>, <span className="banner-changed">{counts.changed} changed</span>,{' '}
        <span className="banner-removed">{comparison.removed.length} removed</span>
        {comparison.removed.length > 0 && <div className="compare-removed">Removed: {comparison.removed.join(', ')} (dashed outlines where they were)</div>}
        {comparison.to && <div className="compare-removed">The canvas shows the model now; marks compare the two versions.</div>}
      </div>
      <button className="btn" data-testid="compare-stop" onClick={() => useStore.getState().setComparison(null)}>Stop comparing</button>
    </div>
  );
}
