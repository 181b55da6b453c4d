/** A row of colour swatches (one radio group) with a "no colour" choice: tables, areas and notes. */
export interface ColorSwatchesProps {
  colors: readonly string[];
  value: string | undefined;
  onChange: (color: string | undefined) => void;
  /** Each swatch is `<testIdPrefix>-<hex without #>`; the empty one `<testIdPrefix>-none`. */
  testIdPrefix: string;
  label?: string;
  /** Without it there is no "no colour" swatch (an area always has a colour). */
  noneTitle?: string;
}

export function ColorSwatches({ colors, value, onChange, testIdPrefix, label = 'Color', noneTitle }: ColorSwatchesProps) {
  return (
    <div className="row swatches" role="radiogroup" aria-label={label}>
      {colors.map((c) => (
        <button
          key={c}
          className={`swatch${value === c ? ' on' : ''}`}
          style={{ background: c }}
          role="radio"
          aria-checked={value === c}
          title={c}
          data-testid={`${testIdPrefix}-${c.slice(1)}`}
          onClick={() => onChange(c)}
        />
      ))}
      {noneTitle && (
        <button className={`swatch none${value ? '' : ' on'}`} role="radio" aria-checked={!value} title={noneTitle} data-testid={`${testIdPrefix}-none`} onClick={() => onChange(undefined)} />
      )}
    </div>
  );
}
