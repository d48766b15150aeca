// The results part of the cluster dialog: what ran and what it found, warnings, select all or
// none, the list of clusters (or why there is none), and the footer's counts in words.
import type { ClusterResult } from '../../../shared/api/cluster-types';
import { formatCount, plural } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { ClusterList } from './ClusterList';
import type { ClusterEdit, EditSummary } from './edits';

export interface Shown {
  result: ClusterResult;
  /** The method and parameters in words, as they were when it ran. */
  run: string;
  edits: ClusterEdit[];
}

export function summaryText(clusters: number, s: EditSummary): string {
  if (clusters === 0) return '';
  if (s.merging === 0) return `${plural(clusters, 'cluster')} · none ticked to merge`;
  const missing = s.missingValue > 0 ? ` · ${plural(s.missingValue, 'cluster')} without a new value` : '';
  return `${formatCount(s.merging)} of ${plural(clusters, 'cluster')} · ${plural(s.rows, 'row')} would change${missing}`;
}

export function Results({ shown, columnLabel, onAll, onEdit }: { shown: Shown; columnLabel: string; onAll(merge: boolean): void; onEdit(i: number, c: Partial<ClusterEdit>): void }) {
  const r = shown.result;
  return (
    <section className="cl-results" aria-label="Results">
      <div className="cl-results-head">
        <div className="cl-results-title">
          <strong>{plural(r.clusters.length, 'cluster')}</strong>
          <span className="faint">
            {' '}
            in “{columnLabel}” · {plural(r.distinctValues, 'distinct value')} · {shown.run} · {r.seconds < 0.1 ? 'under 0.1' : r.seconds.toFixed(1)} s
          </span>
        </div>
        {r.clusters.length > 0 ? (
          <div className="cl-bulk">
            <button type="button" className="btn btn-sm" onClick={() => onAll(true)}>
              Select all
            </button>
            <button type="button" className="btn btn-sm" onClick={() => onAll(false)}>
              Select none
            </button>
          </div>
        ) : null}
      </div>
      {r.truncated || r.warnings.length > 0 ? (
        <div className="banner" role="note">
          <Icon name="alert" />
          <div className="banner-body">
            {r.truncated ? <p>Only the largest clusters are shown (at most 5,000, with up to 1,000 values each).</p> : null}
            {r.warnings.map((w) => (
              <p key={w}>{w}</p>
            ))}
          </div>
        </div>
      ) : null}
      {r.clusters.length === 0 ? (
        <div className="cl-empty">
          <Icon name="check" size={20} />
          <p>No clusters: every value stands alone with this method.</p>
          <p className="help">Try another method, or looser parameters (a smaller n, a larger radius, shorter blocks).</p>
        </div>
      ) : (
        <>
          <div className="cl-list-head" aria-hidden="true">
            <span>Merge</span>
            <span className="cl-head-values">
              <span>Values in the cluster</span>
              <span>Rows</span>
            </span>
            <span>New value</span>
          </div>
          <ClusterList clusters={r.clusters} edits={shown.edits} onEdit={onEdit} />
          <p className="help cl-keys">
            <span className="kbd">↑</span> <span className="kbd">↓</span> move between clusters · <span className="kbd">Space</span> ticks · click a value to make it the new value
          </p>
        </>
      )}
    </section>
  );
}

export function EmptyHint() {
  return (
    <div className="cl-empty">
      <Icon name="layers" size={20} />
      <p>Choose a column and a method, then Run to see values that are probably the same thing.</p>
      <p className="help">Nothing changes until you accept clusters and run the policy.</p>
    </div>
  );
}
