/**
 * The options of a sequence, or of an identity column's sequence: data type, start, increment, min,
 * max, cache and cycle. Each change is handed on as one `SequenceOptionChange` (checked by the op).
 */
import type { SequenceOptions } from '../../shared/model/document.ts';
import type { SequenceDataType, SequenceNumberKey, SequenceOptionChange } from '../../shared/model/ops/sequences.ts';
import { CheckField, SelectField, TextField } from './TextField.tsx';

const NUMBERS: ReadonlyArray<readonly [SequenceNumberKey, string]> = [['start', 'start'], ['increment', 'increment'], ['minValue', 'min'], ['maxValue', 'max'], ['cache', 'cache']];
const DATA_TYPES = [['', 'bigint (default)'], ['smallint', 'AS smallint'], ['integer', 'AS integer'], ['bigint', 'AS bigint']] as const;

export interface SequenceOptionsFieldsProps {
  options: SequenceOptions;
  onChange: (change: SequenceOptionChange) => void;
  /** `column-identity` → `column-identity-start`, `column-identity-cycle`, … */
  testIdPrefix: string;
  /** `Identity` → aria labels `Identity start`, … */
  labelPrefix: string;
  /** An identity's sequence takes its column's type: shown, not chosen. */
  fixedDataType?: SequenceDataType;
}

export function SequenceOptionsFields({ options, onChange, testIdPrefix, labelPrefix, fixedDataType }: SequenceOptionsFieldsProps) {
  return (
    <div className="row seq-options" data-testid={`${testIdPrefix}-options`}>
      {fixedDataType ? (
        <span className="chip" title="An identity's sequence has the column's type" data-testid={`${testIdPrefix}-data-type`}>AS {fixedDataType}</span>
      ) : (
        <SelectField
          label={`${labelPrefix} data type`}
          testId={`${testIdPrefix}-data-type`}
          value={options.dataType ?? ''}
          options={DATA_TYPES}
          onChange={(value) => onChange({ key: 'dataType', value: value || undefined })}
        />
      )}
      {/* A caption over each number: once filled, a placeholder no longer says which is which. */}
      {NUMBERS.map(([key, label]) => (
        <label key={key} className="caption-field">
          <span>{label}</span>
          <TextField
            value={options[key] ?? ''}
            mono
            placeholder="default"
            label={`${labelPrefix} ${label}`}
            testId={`${testIdPrefix}-${key}`}
            onCommit={(text) => onChange({ key, text })}
          />
        </label>
      ))}
      <CheckField label="cycle" testId={`${testIdPrefix}-cycle`} checked={options.cycle ?? false} onChange={(cycle) => onChange({ key: 'cycle', value: cycle || undefined })} />
    </div>
  );
}
