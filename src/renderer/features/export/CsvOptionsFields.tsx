// The CSV export options: delimiter (comma, semicolon, tab, pipe, or one other character),
// quoting, encoding and byte-order mark — native controls, so the keyboard works as everywhere.
// The BOM follows the encoding's default (on for UTF-16LE, off for UTF-8; Windows-1252 has none)
// until it is ticked by hand.
import type { CsvEncoding, CsvQuoting } from '../../../shared/api/types';
import { bomOf, ENCODING_LABEL, type CsvForm, type DelimiterChoice } from './csv-options';

export function CsvOptionsFields({ value, onChange, problem }: { value: CsvForm; onChange: (f: CsvForm) => void; problem: string | null }) {
  const set = (patch: Partial<CsvForm>) => onChange({ ...value, ...patch });
  const noBom = value.encoding === 'windows-1252';
  return (
    <fieldset className="field csv-options">
      <legend className="field-label">CSV options</legend>
      <div className="csv-options-grid">
        <label className="csv-option">
          <span className="csv-option-label">Delimiter</span>
          <select className="select" value={value.delimiter} onChange={(e) => set({ delimiter: e.target.value as DelimiterChoice })}>
            <option value="comma">Comma ( , )</option>
            <option value="semicolon">Semicolon ( ; )</option>
            <option value="tab">Tab</option>
            <option value="pipe">Pipe ( | )</option>
            <option value="other">Other…</option>
          </select>
        </label>
        {value.delimiter === 'other' ? (
          <label className="csv-option">
            <span className="csv-option-label">Character</span>
            <input
              className="input input-mono csv-other"
              value={value.other}
              maxLength={1}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'csv-problem' : undefined}
              onChange={(e) => set({ other: e.target.value })}
            />
          </label>
        ) : null}
        <label className="csv-option">
          <span className="csv-option-label">Quoting</span>
          <select className="select" value={value.quote} onChange={(e) => set({ quote: e.target.value as CsvQuoting })}>
            <option value="minimal">Only when needed</option>
            <option value="all">Every value</option>
          </select>
        </label>
        <label className="csv-option">
          <span className="csv-option-label">Encoding</span>
          <select className="select" value={value.encoding} onChange={(e) => set({ encoding: e.target.value as CsvEncoding, bom: null })}>
            {(Object.keys(ENCODING_LABEL) as CsvEncoding[]).map((e) => (
              <option key={e} value={e}>
                {ENCODING_LABEL[e]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className={`check ${noBom ? 'is-disabled' : ''}`}>
        <input type="checkbox" checked={bomOf(value)} disabled={noBom} onChange={(e) => set({ bom: e.target.checked })} />
        Byte-order mark (BOM)
      </label>
      <span className="help check-help" id={problem ? 'csv-problem' : undefined} role={problem ? 'alert' : undefined}>
        {problem ??
          (noBom
            ? 'Windows-1252 has no byte-order mark. A character it cannot hold stops the export and names its row and column.'
            : value.encoding === 'utf-16le'
              ? 'Readers need the mark to tell UTF-16LE from other encodings; leave it on unless the receiver asks otherwise.'
              : 'Excel needs the mark to recognise UTF-8; most other tools ignore it.')}
      </span>
    </fieldset>
  );
}
