// The CSV export options: delimiter (comma, semicolon, tab, pipe, or one other character),
// quoting, encoding and byte-order mark — native controls, so the keyboard works as everywhere.
// The BOM follows the encoding's default (on for UTF-16LE, off for UTF-8; Windows-1252 has none)
// until it is ticked by hand.
import type { CsvEncoding, CsvOptions, CsvQuoting } from '../../../shared/api/types';

const DELIMITERS = { comma: ',', semicolon: ';', tab: '\t', pipe: '|' } as const;
type DelimiterChoice = keyof typeof DELIMITERS | 'other';

export interface CsvForm {
  delimiter: DelimiterChoice;
  other: string;
  quote: CsvQuoting;
  encoding: CsvEncoding;
  /** null: the encoding's default. */
  bom: boolean | null;
}

export const DEFAULT_CSV_FORM: CsvForm = { delimiter: 'comma', other: '', quote: 'minimal', encoding: 'utf-8', bom: null };

const ENCODING_LABEL: Record<CsvEncoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'windows-1252': 'Windows-1252 (Western)' };

const bomOf = (f: CsvForm) => (f.encoding === 'windows-1252' ? false : (f.bom ?? f.encoding === 'utf-16le'));

/** The options to send, or what is wrong with the form. */
export function csvRequest(f: CsvForm): { ok: true; value: CsvOptions } | { ok: false; problem: string } {
  const delimiter = f.delimiter === 'other' ? f.other : DELIMITERS[f.delimiter];
  if (f.delimiter === 'other' && !(delimiter.length === 1 && delimiter >= ' ' && delimiter <= '~' && delimiter !== '"')) {
    return { ok: false, problem: 'Type one character (letters, digits, punctuation or a space; not a double quote).' };
  }
  return { ok: true, value: { delimiter, quote: f.quote, encoding: f.encoding, bom: bomOf(f) } };
}

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
