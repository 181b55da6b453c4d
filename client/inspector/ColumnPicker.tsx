/** An ordered list of columns (key order matters): chips to remove, a select to append. */
import type { Table } from '../../shared/model/document.ts';

export interface ColumnPickerProps {
  table: Table;
  value: string[];
  onChange: (columnIds: string[]) => void;
  testId: string;
  /** Keep at least one column (keys and foreign keys cannot be empty). */
  required?: boolean;
}

export function ColumnPicker({ table, value, onChange, testId, required }: ColumnPickerProps) {
  const name = (id: string) => table.columns.find((c) => c.id === id)?.name ?? '?';
  const free = table.columns.filter((c) => !value.includes(c.id));
  return (
    <span className="column-picker" data-testid={testId}>
      {value.map((id) => (
        <span className="chip" key={id}>
          {name(id)}
          <button
            className="chip-x"
            data-testid={`${testId}-remove`}
            title={`Remove ${name(id)}`}
            disabled={required && value.length === 1}
            onClick={() => onChange(value.filter((v) => v !== id))}
          >
            ×
          </button>
        </span>
      ))}
      {free.length > 0 && (
        <select
          className="field add-column"
          value=""
          aria-label="Add column"
          data-testid={`${testId}-add`}
          onChange={(e) => e.target.value && onChange([...value, e.target.value])}
        >
          <option value="">+ column</option>
          {free.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      )}
    </span>
  );
}
