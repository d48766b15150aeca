// What the live preview says about one step: cells changed, rows removed, values it could not
// handle (examples on expand), the decisions it took from the data, and its first changes.
import type { LedgerEntry, StepReport } from '../../../shared/api/clean-types';
import type { ColumnInfo } from '../../../shared/api/types';
import { formatCount, plural } from '../../lib/format';
import { shownValue } from '../diff/cell-changes';

const EXAMPLES = 6;

interface Props {
  report: StepReport | undefined;
  stale: boolean;
  changes: LedgerEntry[];
  columns: ColumnInfo[];
}

export function StepPreview({ report, stale, changes, columns }: Props) {
  if (!report) return <p className="help">The preview shows what this step does once the policy is valid.</p>;
  const header = (id: string | null) => {
    const c = columns.find((x) => x.id === id);
    return c ? c.header || '(blank)' : (id ?? '');
  };
  const mine = changes.filter((c) => c.stepId === report.stepId).slice(0, EXAMPLES);
  return (
    <div className={`step-preview ${stale ? 'is-stale' : ''}`} aria-busy={stale}>
      <div className="step-stats" data-testid="step-stats">
        <span className="stat">
          <strong className="num">{formatCount(report.cellsChanged)}</strong> {report.cellsChanged === 1 ? 'cell changed' : 'cells changed'}
        </span>
        <span className="stat">
          <strong className="num">{formatCount(report.rowsRemoved)}</strong> {report.rowsRemoved === 1 ? 'row removed' : 'rows removed'}
        </span>
        <span className={`stat ${report.failures > 0 ? 'is-warn' : ''}`}>
          <strong className="num">{formatCount(report.failures)}</strong> {report.failures === 1 ? 'failure' : 'failures'}
        </span>
      </div>
      {!report.enabled ? <p className="help">This step is off: the preview skips it.</p> : null}
      {report.notes.length > 0 ? (
        <ul className="step-notes" aria-label="Notes">
          {report.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      {report.failures > 0 ? (
        <details className="step-failures">
          <summary>
            {plural(report.failures, 'value')} could not be handled and {report.failures === 1 ? 'was' : 'were'} kept as {report.failures === 1 ? 'it was' : 'they were'}
          </summary>
          <table className="mini-table">
            <thead>
              <tr>
                <th>Row id</th>
                <th>Column</th>
                <th>Value</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {report.failureExamples.map((f) => (
                <tr key={`${f.rowId}-${f.columnId}`}>
                  <td className="num">{formatCount(f.rowId)}</td>
                  <td>{header(f.columnId)}</td>
                  <td className="mono">{shownValue(f.value)}</td>
                  <td title={f.reason}>{f.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      {mine.length > 0 ? (
        <table className="mini-table step-examples" aria-label="First changes">
          <thead>
            <tr>
              <th>Row id</th>
              <th>Column</th>
              <th>Before</th>
              <th>After</th>
            </tr>
          </thead>
          <tbody>
            {mine.map((c, i) => (
              <tr key={`${c.rowId}-${c.columnId}-${i}`}>
                <td className="num">{formatCount(c.rowId)}</td>
                <td>{c.kind === 'row' ? 'row removed' : header(c.columnId)}</td>
                <td className="mono diff-before">{c.kind === 'row' ? '' : shownValue(c.beforePreview ?? c.before)}</td>
                <td className="mono diff-after">{c.kind === 'row' ? removedAs(c) : shownValue(c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report.addedColumnIds.length > 0 ? <p className="help">Adds {report.addedColumnIds.length === 1 ? 'a column' : `${report.addedColumnIds.length} columns`}.</p> : null}
      {report.droppedColumnIds.length > 0 ? <p className="help">Drops {report.droppedColumnIds.map(header).join(', ')}.</p> : null}
    </div>
  );
}

/** A removed duplicate names the row kept in its place (and, when not certain, the pair's probability). */
function removedAs(c: LedgerEntry): string {
  if (c.after === null) return '';
  // Rounded down, so a pair short of certain never reads as 1.000.
  return `duplicate of row ${formatCount(Number(c.after))}${c.confidence < 1 ? ` (p ${(Math.floor(c.confidence * 1000) / 1000).toFixed(3)})` : ''}`;
}
