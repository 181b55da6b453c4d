/**
 * The frame every dialog shares: the dimmed backdrop (a press on it closes), the box with its role
 * and accessible name, and the title bar with its × button. Focus is the content's: a dialog puts
 * `autoFocus` on what should take it (the palette's input, the apply dialog's Cancel).
 */
import type { ReactNode } from 'react';
import { useStore } from '../store/index.ts';
import './dialog.css';

export interface DialogProps {
  /** The dialog's own class next to `dialog` (its width and layout): `palette`, `io-dialog`, `projects`… */
  className: string;
  testId: string;
  /** The accessible name; also the title bar's text unless `title` is given. */
  label: string;
  /** The title bar's text when it says more than `label`; `false`: no title bar (the palette's input is its head). */
  title?: ReactNode | false;
  /**
   * Closes a dialog the page renders itself (the apply confirmation): it is modal and closes on
   * Escape here. Without it the dialog is the session's (`openDialog`), and the global Esc
   * shortcut closes it (see shell/shortcuts.ts), so Escape is not handled twice.
   */
  onClose?: () => void;
  /** The smaller × of the apply confirmation, as it was before the dialogs shared this frame. */
  smallClose?: boolean;
  children: ReactNode;
}

const closeSessionDialog = () => useStore.getState().openDialog(null);

export function Dialog({ className, testId, label, title = label, onClose, smallClose, children }: DialogProps) {
  const close = onClose ?? closeSessionDialog;
  return (
    <div className="dialog-backdrop" onMouseDown={close}>
      <div
        className={`dialog ${className}`} role="dialog" aria-label={label} aria-modal={onClose ? true : undefined} data-testid={testId}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={onClose ? (e) => e.key === 'Escape' && onClose() : undefined}
      >
        {title !== false && (
          <div className="dialog-title">
            {title}
            <button className={smallClose ? 'btn icon small' : 'btn icon'} onClick={close} title="Close" aria-label="Close" data-testid="dialog-close">×</button>
          </div>
        )}
        {children}
      </div>
    </div>
  );
}
