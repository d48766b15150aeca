// The Profile tab: the open version's cached profile at once (with when it was computed), or an
// invitation to compute it; the running job's progress and Cancel; then the overview of every
// column beside the detail of the selected one.
import { useEffect } from 'react';
import { formatCount } from '../../lib/format';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { Icon } from '../../ui/Icon';
import { useDatasets } from '../datasets/store';
import { PaneProgress } from '../jobs/PaneProgress';
import { ProfileDetail } from './ProfileDetail';
import { ProfileOverview } from './ProfileOverview';
import { ProfileSummary } from './ProfileSummary';
import { cancelProfile, runProfile, showProfile, useProfile } from './store';

function Invitation({ rows }: { rows: number }) {
  return (
    <EmptyState icon="barChart" title="No profile yet" className="pane-empty">
      <p>
        A profile reads all {formatCount(rows)} rows once: each column’s type and the values that fail it, missing and distinct values, ranges
        and quantiles, top values, patterns, outliers, stray whitespace, case variants and near-identical values.
      </p>
      <button type="button" className="btn btn-primary" onClick={() => void runProfile()}>
        <Icon name="barChart" size={15} /> Profile this dataset
      </button>
    </EmptyState>
  );
}

export function ProfilePane() {
  const detail = useDatasets((s) => s.detail);
  const profile = useProfile((s) => s.profile);
  const loading = useProfile((s) => s.loading);
  const jobId = useProfile((s) => s.jobId);
  const error = useProfile((s) => s.error);
  const datasetId = detail?.dataset.id;
  const version = detail?.version.version;
  const createdAt = detail?.version.createdAt;
  useEffect(() => {
    if (datasetId && version && createdAt) void showProfile({ datasetId, version, createdAt });
  }, [datasetId, version, createdAt]);
  if (!detail) return null;
  return (
    <section className="pane" aria-label="Profile">
      {jobId ? <PaneProgress jobId={jobId} name="Profiling" label="Profile progress" onCancel={cancelProfile} /> : null}
      {error ? (
        <div className="banner banner-error pane-error" role="alert">
          <ErrorDetails error={error} />
        </div>
      ) : null}
      {jobId && !profile ? (
        <EmptyState className="pane-empty">
          <p className="faint">The profile appears here when it is done; Cancel leaves nothing behind.</p>
        </EmptyState>
      ) : null}
      {profile ? (
        <>
          <ProfileSummary profile={profile} />
          <div className="pane-body">
            <ProfileOverview profile={profile} />
            <ProfileDetail profile={profile} />
          </div>
        </>
      ) : !loading && !jobId && !error ? (
        <Invitation rows={detail.version.rowCount} />
      ) : null}
    </section>
  );
}
