/**
 * The type field: type to search (`varchar`, `int8`, an enum's name), ↑/↓ to move, Enter to take,
 * Escape to give up. Typed text that is a whole type (`varchar(40)`, `vector(3)[]`, `crm.email`) is
 * taken as typed, modifiers and brackets included; text that names no type is refused with the
 * reason, kept to mend.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ColumnType, Model } from '../../shared/model/document.ts';
import { parseTypeText } from '../../shared/model/types.ts';
import { searchTypes } from '../../shared/model/type-search.ts';
import { baseValue, composeType, typeOptions, type TypeOption } from './type-picker.ts';
import { readTypeText } from './type-text.ts';

/** Enough to scroll through; the rest is one more letter away. */
const MAX_SHOWN = 80;

export interface TypeComboboxProps {
  model: Model;
  type: ColumnType;
  testId: string;
  /** Offer the serials (columns: a serial is drawn as its integer type with an identity). */
  withSerials: boolean;
  /** `serial`: the type stands for a serial (give the column an identity). */
  onChoose: (type: ColumnType, serial: boolean) => void;
}

export function TypeCombobox({ model, type, testId, withSerials, onChoose }: TypeComboboxProps) {
  const options = useMemo(() => typeOptions(model, type, withSerials), [model.enums, model.domains, type, withSerials]);
  const shown = baseValue(type);
  // text: null while closed (the field shows the type); query: null until the user types (all options).
  const [text, setText] = useState<string | null>(null);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [navigated, setNavigated] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const list = useRef<HTMLUListElement>(null);
  const listId = useId();
  const found = useMemo(() => (text === null ? [] : searchTypes(query ?? '', options).slice(0, MAX_SHOWN)), [text, query, options]);

  const open = () => {
    setText(shown);
    setQuery(null);
    setActive(Math.max(0, options.findIndex((o) => !o.serialOf && o.value === shown)));
    setNavigated(false);
  };
  const close = () => { setText(null); setQuery(null); setError(undefined); };
  const take = (option: TypeOption) => {
    const typed = parseTypeText(query ?? '');
    if (option.serialOf) onChoose({ name: option.serialOf }, true);
    else onChoose(composeType({ base: option.value, args: typed.args, arrayDims: typed.arrayDims }), false);
    close();
  };
  /** Enter: the option moved to; else the text when it is a type; else the best match; else why not. */
  const commit = () => {
    if (navigated && found[active]) return take(found[active]);
    if (query === null) return close();
    const read = readTypeText(query, model);
    if (read.ok) {
      onChoose(read.type, false);
      return close();
    }
    if (found[0]) return take(found[0]);
    setError(read.error);
  };
  const move = (by: number) => {
    if (text === null) open();
    const next = Math.min(Math.max(active + by, 0), Math.max(found.length - 1, 0));
    setActive(next);
    setNavigated(true);
    list.current?.children[next]?.scrollIntoView({ block: 'nearest' });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape' && text !== null) {
      e.stopPropagation();
      close();
    }
  };
  const onBlur = () => {
    const read = query === null || navigated ? undefined : readTypeText(query, model);
    if (read?.ok) onChoose(read.type, false);
    close();
  };

  return (
    <span className="type-combo">
      <input
        type="text"
        role="combobox"
        className={`field${error ? ' invalid' : ''}`}
        value={text ?? shown}
        spellCheck={false}
        autoComplete="off"
        aria-label="Type"
        aria-expanded={text !== null}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={!!error}
        aria-activedescendant={text !== null && found[active] ? `${listId}-${active}` : undefined}
        data-testid={`${testId}-type`}
        onFocus={(e) => { open(); e.currentTarget.select(); }}
        onChange={(e) => { setText(e.target.value); setQuery(e.target.value); setActive(0); setNavigated(false); setError(undefined); }}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      {text !== null && found.length > 0 && (
        <ul ref={list} role="listbox" id={listId} className="type-list" data-testid={`${testId}-type-list`}>
          {found.map((o, i) => (
            <li
              key={`${o.group}:${o.value}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              data-testid={`${testId}-type-option`}
              data-value={o.value}
              // Keep the focus in the field: a click must not blur (and commit) first.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => take(o)}
            >
              <span className="type-label">{o.label}</span>
              <span className="type-hint">{o.group === 'Built-in' ? o.terms.slice(1).join(', ') : o.group.toLowerCase()}</span>
            </li>
          ))}
        </ul>
      )}
      {error && <span className="field-error" role="alert" data-testid={`${testId}-type-error`}>{error}</span>}
    </span>
  );
}
