/** One message at a time over the canvas: errors stay until dismissed, wrap, and can be copied. */
import { useStore } from '../store/index.ts';
import { selectNotice } from '../store/selectors.ts';
import { CopyButton } from './CopyButton.tsx';

export function NoticeBar() {
  const notice = useStore(selectNotice);
  if (!notice) return null;
  const [first, ...rest] = notice.message.split('\n');
  return (
    <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <div>
        <div>{first}</div>
        {rest.length > 0 && <pre>{rest.join('\n')}</pre>}
      </div>
      {notice.kind === 'error' && <CopyButton text={notice.message} testId="notice-copy" />}
      <button className="btn icon" data-testid="notice-close" title="Dismiss" onClick={() => useStore.getState().notify(null)}>×</button>
    </div>
  );
}
