// The Profile tab: the open version's cached profile at once (with when it was computed), or an
// invitation to compute it; the running job's progress and Cancel; then the overview of every
// column beside the detail of the selected one.
import { useEffect } from 'react';
import { formatCount } from '../../lib/format';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { Icon } from '../../ui/Icon';
import { useDatasets } from '../datasets/store';
import { JobProgress } from '../jobs/JobProgress';
import { useJobs } from '../jobs/store';
import { ProfileDetail } from './ProfileDetail';
import { ProfileOverview } from './ProfileOverview';
import { ProfileSummary } from './ProfileSummary';
import { cancelProfile, runProfile, showProfile, useProfile } from './store';
import './profile.css';

function Running({ jobId }: { jobId: string }) {
  const job = useJobs((s) => s.jobs[jobId]);
  if (!job) return null;
  return (
    <div className="profile-progress" role="status" aria-label="Profiling">
      <JobProgress job={job} label="Profile progress" onCancel={cancelProfile} />
    </div>
  );
}

function Invitation({ rows }: { rows: number }) {
  return (
    <div className="empty profile-empty">
      <div className="empty-icon">
        <Icon name="barChart" size={22} />
      </div>
      <h2>No profile yet</h2>
      <p>
        A profile reads all {formatCount(rows)} rows once: each column’s type and the values that fail it, missing and distinct values, ranges
        and quantiles, top values, patterns, outliers, stray whitespace, case variants and near-identical values.
      </p>
      <button type="button" className="btn btn-primary" onClick={() => void runProfile()}>
        <Icon name="barChart" size={15} /> Profile this dataset
      </button>
    </div>
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
    <section className="profile-pane" aria-label="Profile">
      {jobId ? <Running jobId={jobId} /> : null}
      {error ? (
        <div className="banner banner-error profile-error" role="alert">
          <ErrorDetails error={error} />
        </div>
      ) : null}
      {jobId && !profile ? (
        <div className="empty profile-empty">
          <p className="faint">The profile appears here when it is done; Cancel leaves nothing behind.</p>
        </div>
      ) : null}
      {profile ? (
        <>
          <ProfileSummary profile={profile} />
          <div className="profile-body">
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
