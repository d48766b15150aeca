// The line above the overview: the profile's shape and how its figures were computed.
import type { DatasetProfile } from '../../../shared/api/profile-types';
import { profileFlags } from '../../../shared/profile/format';
import { formatCount, plural } from '../../lib/format';
import { Icon } from '../../ui/Icon';

export function basisSentence(p: DatasetProfile): string {
  if (p.sample.complete) return 'Every figure covers every row.';
  return (
    `Counts, lengths, ranges, means and outlier counts cover every row${p.basis.distinct === 'estimate' ? '; distinct counts marked ≈ are estimated (±0.1 %)' : ''}. ` +
    `Types, quantiles, histograms, top values, patterns, whitespace, case and near-identical values come from a sample of ` +
    `${formatCount(p.sample.rows)} rows (every ${formatCount(p.sample.every)}th by row id).`
  );
}

export function ProfileSummary({ profile: p }: { profile: DatasetProfile }) {
  const cols = Object.values(p.columns);
  const flagged = cols.filter((c) => profileFlags(c, p.rowCount).length > 0).length;
  return (
    <div className="pane-summary">
      <span className="num">
        <strong>{formatCount(p.rowCount)}</strong> rows × <strong>{formatCount(cols.length)}</strong> columns
      </span>
      <span className={flagged > 0 ? 'pane-flag' : 'faint'}>{flagged > 0 ? `${plural(flagged, 'column')} flagged` : 'nothing flagged'}</span>
      <span className="pane-note">
        <Icon name="info" size={13} />
        <span>{basisSentence(p)}</span>
      </span>
    </div>
  );
}
