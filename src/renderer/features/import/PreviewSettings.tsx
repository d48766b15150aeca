// The preview's settings: what was detected, each editable (format, delimiter, quote, header,
// encoding, sheet, ragged rows); a change re-previews.
import { useState } from 'react';
import { ENCODINGS, RAGGED_POLICIES, SOURCE_FORMATS, type Encoding, type ImportPreview, type RaggedPolicy, type SourceFormat } from '../../../shared/api/types';
import { DELIMITERS, ENCODING_NAMES, FORMAT_NAMES, QUOTES, RAGGED_NAMES } from './settings';
import type { Overrides } from './store';

interface Props {
  preview: ImportPreview | null;
  overrides: Overrides;
  name: string;
  onChange(next: Overrides): void;
  onRename(name: string): void;
}

function Origin({ user }: { user: boolean }) {
  return <span className={`origin ${user ? 'origin-user' : ''}`}>{user ? 'changed' : 'detected'}</span>;
}

export function PreviewSettings({ preview, overrides, name, onChange, onRename }: Props) {
  const o = preview?.options;
  const format: SourceFormat = overrides.format ?? o?.format ?? 'csv';
  const delimiter = overrides.delimiter ?? o?.delimiter ?? ',';
  const custom = !DELIMITERS.some((d) => d.value === delimiter);
  const [other, setOther] = useState(custom ? delimiter : '');
  const set = (patch: Overrides) => onChange({ ...overrides, ...patch });
  const user = (k: keyof Overrides) => overrides[k] !== undefined;

  return (
    <div className="import-settings">
      <div className="field">
        <label className="field-label" htmlFor="imp-name">
          Dataset name
        </label>
        <input id="imp-name" className="input" value={name} maxLength={200} onChange={(e) => onRename(e.target.value)} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="imp-format">
          Format <Origin user={user('format')} />
        </label>
        <select id="imp-format" className="select" value={format} onChange={(e) => onChange({ format: e.target.value as SourceFormat })}>
          {SOURCE_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_NAMES[f]}
            </option>
          ))}
        </select>
      </div>
      {format === 'csv' ? (
        <>
          <div className="field">
            <label className="field-label" htmlFor="imp-delim">
              Delimiter <Origin user={user('delimiter')} />
            </label>
            <div className="input-row">
              <select
                id="imp-delim"
                className="select"
                value={custom ? 'other' : delimiter}
                onChange={(e) => (e.target.value === 'other' ? other && set({ delimiter: other }) : set({ delimiter: e.target.value }))}
              >
                {DELIMITERS.map((d) => (
                  <option key={d.label} value={d.value}>
                    {d.label}
                  </option>
                ))}
                <option value="other">Other…</option>
              </select>
              <input
                className="input input-mono delim-other"
                aria-label="Other delimiter"
                placeholder="char"
                maxLength={2}
                value={other}
                onChange={(e) => {
                  setOther(e.target.value);
                  if ([...e.target.value].length === 1) set({ delimiter: e.target.value });
                }}
              />
            </div>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="imp-quote">
              Quote <Origin user={user('quote')} />
            </label>
            <select id="imp-quote" className="select" value={overrides.quote ?? o?.quote ?? '"'} onChange={(e) => set({ quote: e.target.value })}>
              {QUOTES.map((q) => (
                <option key={q.label} value={q.value}>
                  {q.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="imp-encoding">
              Encoding <Origin user={user('encoding')} />
            </label>
            <select id="imp-encoding" className="select" value={overrides.encoding ?? o?.encoding ?? 'utf-8'} onChange={(e) => set({ encoding: e.target.value as Encoding })}>
              {ENCODINGS.map((enc) => (
                <option key={enc} value={enc}>
                  {ENCODING_NAMES[enc]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="imp-ragged">
              Ragged rows <Origin user={user('ragged')} />
            </label>
            <select id="imp-ragged" className="select" value={overrides.ragged ?? o?.ragged ?? 'abort'} onChange={(e) => set({ ragged: e.target.value as RaggedPolicy })}>
              {RAGGED_POLICIES.map((p) => (
                <option key={p} value={p}>
                  {RAGGED_NAMES[p]}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : null}
      {format === 'xlsx' && preview?.sheets ? (
        <div className="field">
          <label className="field-label" htmlFor="imp-sheet">
            Sheet <Origin user={user('sheet')} />
          </label>
          <select id="imp-sheet" className="select" value={overrides.sheet ?? o?.sheet ?? preview.sheets[0] ?? ''} onChange={(e) => set({ sheet: e.target.value })}>
            {preview.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {format === 'csv' || format === 'xlsx' ? (
        <label className="check">
          <input type="checkbox" checked={overrides.header ?? o?.header ?? true} onChange={(e) => set({ header: e.target.checked })} />
          First row holds the column names
        </label>
      ) : null}
      {Object.keys(overrides).length > 0 ? (
        <button type="button" className="btn btn-sm btn-ghost reset-settings" onClick={() => onChange({})}>
          Reset to detected settings
        </button>
      ) : null}
    </div>
  );
}
