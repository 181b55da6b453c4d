/**
 * The frame every dialog shares: the dimmed backdrop (a press on it closes), the box with its role
 * and accessible name, and the title bar with its × button. Focus is the content's: a dialog puts
 * `autoFocus` on what should take it (the palette's input, the apply dialog's Cancel).
 */
import type { KeyboardEvent, ReactNode } from 'react';
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
   * shortcut closes it (see shell/shortcuts.ts), except from a text field, which that shortcut
   * ignores: Escape there is handled here, once.
   */
  onClose?: () => void;
  /** The smaller × of the apply confirmation, as it was before the dialogs shared this frame. */
  smallClose?: boolean;
  children: ReactNode;
}

const closeSessionDialog = () => useStore.getState().openDialog(null);

/** A text field of the dialog (not the SQL editor, which has its own Escape): the global shortcuts ignore keys typed there. */
const inField = (target: EventTarget) => {
  const el = target as HTMLElement;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) && !el.closest('.monaco-editor');
};

export function Dialog({ className, testId, label, title = label, onClose, smallClose, children }: DialogProps) {
  const close = onClose ?? closeSessionDialog;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    if (onClose) onClose();
    // Typed in a field (the import's text area): the global Esc never sees it, so the dialog closes here,
    // and the key stops here (it must not also clear the canvas selection).
    else if (inField(e.target)) {
      e.stopPropagation();
      close();
    }
  };
  return (
    <div className="dialog-backdrop" onMouseDown={close}>
      <div
        className={`dialog ${className}`} role="dialog" aria-label={label} aria-modal={onClose ? true : undefined} data-testid={testId}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
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
