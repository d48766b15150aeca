// The Duplicates tab: the version's latest duplicate run at once (or the setup to make one), the
// plan or run job's progress and Cancel, the last error, and the views: setup, overview, the
// cluster browser and the review queue.
import { useEffect } from 'react';
import { formatCount, plural } from '../../lib/format';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { Icon, type IconName } from '../../ui/Icon';
import { useTabList } from '../../ui/useTabList';
import { useDatasets } from '../datasets/store';
import { PaneProgress } from '../jobs/PaneProgress';
import { ClusterBrowser } from './ClusterBrowser';
import { OverviewView } from './OverviewView';
import { ReviewQueue } from './ReviewQueue';
import { SetupView } from './SetupView';
import { cancelDedupe, dismissError, showDedupe, useDedupe, type DedupeView } from './store';
import './dedupe.css';

const VIEWS: { id: DedupeView; label: string; icon: IconName }[] = [
  { id: 'setup', label: 'Setup', icon: 'policy' },
  { id: 'overview', label: 'Overview', icon: 'barChart' },
  { id: 'clusters', label: 'Clusters', icon: 'layers' },
  { id: 'review', label: 'Review', icon: 'check' },
];
const VIEW_IDS = VIEWS.map((v) => v.id);

function Summary() {
  const s = useDedupe((x) => x.summary);
  if (!s) return null;
  const c = s.counts;
  return (
    <div className="pane-summary">
      <span className="num">
        <strong>{formatCount(c.rows)}</strong> rows compared
      </span>
      <span className={c.clusters > 0 ? 'pane-flag' : 'faint'}>{c.clusters > 0 ? `${plural(c.clusters, 'cluster')} of duplicates, ${plural(c.duplicateRows, 'row')} would be removed` : 'no duplicates found'}</span>
      {c.reviewPairs > 0 ? <span className="faint">{plural(c.reviewPairs, 'pair')} to review</span> : null}
      <span className="pane-note" role="note" aria-label="How to read this">
        <Icon name="info" size={13} />
        <span>Nothing is removed here: a Deduplicate step in a policy does that, with every removed or merged row in the ledger.</span>
      </span>
    </div>
  );
}

function ViewTabs() {
  const view = useDedupe((s) => s.view);
  const setView = useDedupe((s) => s.setView);
  const reviewPairs = useDedupe((s) => s.summary?.counts.reviewPairs ?? 0);
  const { onKeyDown, tabProps } = useTabList(VIEW_IDS, view, setView);
  return (
    <div className="pane-views" role="tablist" aria-label="Duplicate views" onKeyDown={onKeyDown}>
      {VIEWS.map((v) => (
        <button key={v.id} type="button" {...tabProps(v.id)} id={`dd-tab-${v.id}`} aria-controls="dd-view" className={`pane-view-tab ${v.id === view ? 'is-active' : ''}`}>
          <Icon name={v.icon} size={14} /> {v.label}
          {v.id === 'review' && reviewPairs > 0 ? <span className="dd-count num" aria-label={`${reviewPairs} undecided`}>{formatCount(reviewPairs)}</span> : null}
        </button>
      ))}
    </div>
  );
}

function NoRunYet() {
  const loading = useDedupe((s) => s.loading);
  const running = useDedupe((s) => s.runJobId !== null);
  const setView = useDedupe((s) => s.setView);
  if (loading) return null;
  return (
    <EmptyState icon="layers" title={running ? 'Finding duplicates…' : 'No duplicate search yet'} className="pane-empty">
      <p>{running ? 'The overview, the clusters and the review queue appear here when the search is done; Cancel leaves the last run as it was.' : 'Find duplicates from the setup (no configuration needed); the overview, the clusters and the review queue then show here.'}</p>
      {running ? null : (
        <button type="button" className="btn btn-primary" onClick={() => setView('setup')}>
          <Icon name="policy" size={15} /> Go to the setup
        </button>
      )}
    </EmptyState>
  );
}

function ActiveView() {
  const view = useDedupe((s) => s.view);
  const summary = useDedupe((s) => s.summary);
  if (view === 'setup') return <SetupView />;
  if (!summary) return <NoRunYet />;
  if (view === 'overview') return <OverviewView summary={summary} />;
  if (view === 'clusters') return <ClusterBrowser />;
  return <ReviewQueue />;
}

function ErrorBanner() {
  const error = useDedupe((s) => s.error);
  if (!error) return null;
  return (
    <div className="banner banner-error pane-error dd-error" role="alert">
      <Icon name="errorCircle" />
      <div className="banner-body">
        <strong>{error.title}</strong>
        <ErrorDetails error={error.error} />
      </div>
      <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label="Dismiss the error" onClick={dismissError}>
        <Icon name="x" size={14} />
      </button>
    </div>
  );
}

export function DedupePane() {
  const detail = useDatasets((s) => s.detail);
  const planJobId = useDedupe((s) => s.planJobId);
  const runJobId = useDedupe((s) => s.runJobId);
  const view = useDedupe((s) => s.view);
  const datasetId = detail?.dataset.id;
  const version = detail?.version.version;
  const createdAt = detail?.version.createdAt;
  useEffect(() => {
    if (datasetId && version && createdAt) void showDedupe({ datasetId, version, createdAt });
  }, [datasetId, version, createdAt]);
  if (!detail) return null;
  return (
    <section className="pane" aria-label="Duplicates">
      {runJobId ? <PaneProgress jobId={runJobId} name="Finding duplicates" label="Duplicate search progress" onCancel={cancelDedupe} /> : null}
      {planJobId ? <PaneProgress jobId={planJobId} name="Counting candidate pairs" label="Pair count progress" onCancel={cancelDedupe} /> : null}
      <ErrorBanner />
      <Summary />
      <ViewTabs />
      <div className="dd-view" id="dd-view" role="tabpanel" aria-labelledby={`dd-tab-${view}`}>
        <ActiveView />
      </div>
    </section>
  );
}
