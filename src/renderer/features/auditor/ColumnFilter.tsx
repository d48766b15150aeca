// The column filter of the ledger and findings: a header typed (or picked from the report's list of
// columns), applied on Enter or when the field is left; empty means every column.
import { useState } from 'react';

export function ColumnFilter({ id, value, choices, onChange }: { id: string; value: string; choices: string[]; onChange(column: string): void }) {
  const [text, setText] = useState(value);
  const apply = () => text.trim() !== value && onChange(text.trim());
  return (
    <label className="aud-filter">
      Column
      <input
        className="input aud-column-input"
        list={`${id}-columns`}
        value={text}
        placeholder="All columns"
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === 'Enter' && apply()}
      />
      <datalist id={`${id}-columns`}>
        {choices.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
    </label>
  );
}
