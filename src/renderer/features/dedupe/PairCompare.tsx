// Two records side by side (one row per column, the fields that differ highlighted), the pair's
// match probability and the waterfall of what each comparison added to its score.
import { useMemo } from 'react';
import type { DedupeReviewItem } from '../../../shared/api/dedupe-types';
import { formatCount } from '../../lib/format';
import { useChartColors } from '../profile/chart-theme';
import { EChart } from '../profile/EChart';
import { formatProbability, waterfallLabel, waterfallOption, waterfallSteps } from './waterfall';

const shown = (v: string | null) => (v === null ? <span className="dd-null">missing</span> : v === '' ? <span className="dd-null">empty</span> : v);

/** The record id column is shown but never highlighted: it always differs and is never compared. */
export function SideBySide({ item, columns, idColumn }: { item: DedupeReviewItem; columns: { id: string; header: string }[]; idColumn: string | null }) {
  const differing = new Set(item.differing.filter((id) => id !== idColumn));
  return (
    <table className="dd-table dd-side" aria-label={`Rows ${item.left.rowId} and ${item.right.rowId} side by side`}>
      <thead>
        <tr>
          <th scope="col" className="col-head">Column</th>
          <th scope="col" className="col-head">Row {formatCount(item.left.rowId)}</th>
          <th scope="col" className="col-head">Row {formatCount(item.right.rowId)}</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((c, i) => {
          const d = differing.has(c.id);
          return (
            <tr key={c.id} className={d ? 'is-differing' : ''} aria-label={d ? `${c.header || '(blank)'} differs` : undefined}>
              <th scope="row" className="dd-colname" title={c.header}>
                {c.header === '' ? '(blank)' : c.header}
                {d ? <span className="visually-hidden"> (differs)</span> : null}
                {c.id === idColumn ? <span className="badge dd-idbadge">record id</span> : null}
              </th>
              <td>{shown(item.left.values[i] ?? null)}</td>
              <td>{shown(item.right.values[i] ?? null)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function Waterfall({ item }: { item: DedupeReviewItem }) {
  const colors = useChartColors();
  const steps = useMemo(() => waterfallSteps(item.pair), [item]);
  const option = useMemo(() => waterfallOption(steps, colors), [steps, colors]);
  return <EChart option={option} height={Math.max(140, 28 * steps.length + 40)} label={waterfallLabel(steps)} />;
}

export function PairScore({ item }: { item: DedupeReviewItem }) {
  const p = item.pair.probability;
  return (
    <div className="dd-score">
      <span className="dd-prob-big num" data-testid="dd-pair-probability">
        {formatProbability(p)}
      </span>
      <span className="faint">match probability · log2 odds {item.pair.weight.toFixed(2)}</span>
      <span className="dd-meter meter" aria-hidden="true">
        <span className="meter-fill dd-meter-fill" style={{ width: `${Math.round(p * 100)}%` }} />
      </span>
    </div>
  );
}
