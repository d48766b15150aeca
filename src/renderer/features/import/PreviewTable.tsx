// The preview's first rows: headers as they will be kept (blank shown as "(blank)"), the
// detected type per column, and the values.
import type { ImportPreview } from '../../../shared/api/types';
import { TYPE_LABEL } from '../grid/columns';

export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { headers, logicalTypes, rows } = preview;
  if (headers.length === 0) return <p className="muted preview-none">No columns were found.</p>;
  return (
    <div className="preview-table-wrap">
      <table className="preview-table" aria-label="Preview of the first rows">
        <thead>
          <tr>
            <th scope="col" className="preview-rownum">
              #
            </th>
            {headers.map((h, i) => {
              const t = logicalTypes[i] ?? 'text';
              return (
                <th key={i} scope="col" title={h}>
                  <span className={`preview-h ${h === '' ? 'is-blank' : ''}`}>{h === '' ? '(blank)' : h}</span>
                  <span className={`type-badge type-${t}`}>{TYPE_LABEL[t]}</span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, ri) => (
            <tr key={ri}>
              <td className="preview-rownum num">{ri + 1}</td>
              {headers.map((_, ci) => {
                const v = r[ci];
                return (
                  <td key={ci} title={v ?? undefined}>
                    {v === null || v === undefined ? <span className="gnull">null</span> : v}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
