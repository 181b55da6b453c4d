/** `?`: the keyboard shortcuts, from the same table the key handler uses. */
import { useStore } from '../store/index.ts';
import { SHORTCUTS } from './shortcuts.ts';

export function ShortcutHelp() {
  const close = () => useStore.getState().openDialog(null);
  return (
    <div className="dialog-backdrop" onMouseDown={close}>
      <div className="dialog shortcuts" role="dialog" aria-label="Keyboard shortcuts" data-testid="shortcut-help" onMouseDown={(e) => e.stopPropagation()}>
        <div className="dialog-title">
          Keyboard shortcuts
          <button className="btn icon" onClick={close} title="Close" data-testid="dialog-close">×</button>
        </div>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <td>{s.keys.split(' ').map((k) => <kbd key={k}>{k}</kbd>)}</td>
                <td>{s.label}</td>
              </tr>
            ))}
            <tr><td><kbd>Double-click</kbd></td><td>Add a table where you click</td></tr>
            <tr><td><kbd>Drag</kbd> column → column</td><td>Create a foreign key</td></tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
