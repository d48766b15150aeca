// Small building blocks of the detail panel: a titled section (tagged when its figures come from
// the sample) and a table of named figures.
import type { ReactNode } from 'react';
import type { FigureBasis } from '../../../shared/api/profile-types';

export function Section({ title, basis, children, sampleRows }: { title: string; basis?: FigureBasis; sampleRows?: number; children: ReactNode }) {
  const note = basis === 'sample' ? `From the sample${sampleRows ? ` of ${sampleRows.toLocaleString('en-US')} rows` : ''}` : basis === 'estimate' ? 'Estimated over every row' : null;
  return (
    <section className="pd-section" aria-label={title}>
      <h3 className="section-title pd-title">
        {title}
        {note ? (
          <span className="badge pd-basis" title={note}>
            {basis === 'sample' ? 'sample' : 'estimate'}
          </span>
        ) : null}
      </h3>
      {children}
    </section>
  );
}

export type FigureRow = [name: string, value: ReactNode, note?: ReactNode];

export function Figures({ label, rows }: { label: string; rows: FigureRow[] }) {
  return (
    <table className="pd-figures" aria-label={label}>
      <tbody>
        {rows.map(([name, value, note]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td className="num">{value}</td>
            <td className="num faint">{note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A list of values with their counts (examples of anomalies), values made visible. */
export function ValueList({ label, values, render }: { label: string; values: { value: string; count: number }[]; render(v: string): string }) {
  return (
    <ul className="pd-values" aria-label={label}>
      {values.map((v) => (
        <li key={v.value}>
          <span className="pd-value mono">{render(v.value)}</span>
          <span className="num faint">{v.count.toLocaleString('en-US')}</span>
        </li>
      ))}
    </ul>
  );
}
