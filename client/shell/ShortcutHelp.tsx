/** `?`: the keyboard shortcuts, from the same table the key handler uses. */
import { SHORTCUTS } from './shortcuts.ts';
import { Dialog } from './Dialog.tsx';

export function ShortcutHelp() {
  return (
    <Dialog className="shortcuts" label="Keyboard shortcuts" testId="shortcut-help">
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
    </Dialog>
  );
}
