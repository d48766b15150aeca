// The Personal data tab: the version's latest scan at once (or an invitation to run one), the scan
// job's progress and Cancel, the caveat that what was not detected may still be there, and the
// views: columns, findings, operators per entity, re-identification risk.
import { useEffect } from 'react';
import { formatCount, plural } from '../../lib/format';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { Icon, type IconName } from '../../ui/Icon';
import { useTabList } from '../../ui/useTabList';
import { useDatasets } from '../datasets/store';
import { PaneProgress } from '../jobs/PaneProgress';
import { FindingsView } from './FindingsView';
import { OperatorPanel } from './OperatorPanel';
import { PiiColumns } from './PiiColumns';
import { RiskPanel } from './RiskPanel';
import { cancelScan, runScan, showPii, usePii, type PiiView } from './store';
import './pii.css';

export const CAVEAT_FALLBACK = 'Not detected is not the same as not present: a column or cell without findings may still hold personal data the recognisers do not know.';

const VIEWS: { id: PiiView; label: string; icon: IconName }[] = [
  { id: 'columns', label: 'Columns', icon: 'barChart' },
  { id: 'findings', label: 'Findings', icon: 'search' },
  { id: 'operators', label: 'Operators', icon: 'policy' },
  { id: 'risk', label: 'Risk', icon: 'alert' },
];
const VIEW_IDS = VIEWS.map((v) => v.id);

export function ScanInvitation({ rows }: { rows: number }) {
  const running = usePii((s) => s.jobId !== null);
  return (
    <EmptyState icon="shield" title="No scan yet" className="pane-empty">
      <p>
        A scan reads all {formatCount(rows)} rows and looks for emails, phone numbers, card and account numbers, national ids, addresses,
        names and dates tied to people — whole values and spans inside free text — and classifies each column. Nothing leaves this machine.
      </p>
      <button type="button" className="btn btn-primary" disabled={running} onClick={() => void runScan()}>
        <Icon name="shield" size={15} /> Scan for personal data
      </button>
    </EmptyState>
  );
}

function Summary() {
  const s = usePii((x) => x.summary);
  if (!s) return null;
  const classified = s.columns.filter((c) => c.entity !== null).length;
  const freeText = s.columns.filter((c) => c.entity === null && c.entities.length > 0).length;
  return (
    <div className="pane-summary">
      <span className="num">
        <strong>{formatCount(s.rows)}</strong> {s.rows === 1 ? 'row' : 'rows'} × <strong>{formatCount(s.columns.length)}</strong> {s.columns.length === 1 ? 'column' : 'columns'} scanned
      </span>
      <span className={s.findings > 0 ? 'pane-flag' : 'faint'}>{s.findings > 0 ? plural(s.findings, 'finding') : 'no findings'}</span>
      <span className="faint">
        {plural(classified, 'column')} classified{freeText > 0 ? `, ${formatCount(freeText)} with personal data in free text` : ''}
      </span>
      <span className="pane-note pii-caveat" role="note" aria-label="Caveat">
        <Icon name="info" size={13} />
        <span>{s.caveat || CAVEAT_FALLBACK}</span>
      </span>
    </div>
  );
}

function ViewTabs() {
  const view = usePii((s) => s.view);
  const setView = usePii((s) => s.setView);
  const { onKeyDown, tabProps } = useTabList(VIEW_IDS, view, setView);
  return (
    <div className="pane-views" role="tablist" aria-label="Personal data views" onKeyDown={onKeyDown}>
      {VIEWS.map((v) => (
        <button key={v.id} type="button" {...tabProps(v.id)} id={`pii-tab-${v.id}`} aria-controls="pii-view" className={`pane-view-tab ${v.id === view ? 'is-active' : ''}`}>
          <Icon name={v.icon} size={14} /> {v.label}
        </button>
      ))}
    </div>
  );
}

function ActiveView({ rows }: { rows: number }) {
  const view = usePii((s) => s.view);
  const summary = usePii((s) => s.summary);
  const loading = usePii((s) => s.loading);
  const jobId = usePii((s) => s.jobId);
  if (view === 'risk') return <RiskPanel />;
  if (view === 'operators') return <OperatorPanel />;
  if (!summary) {
    if (loading) return null;
    if (jobId) {
      return (
        <EmptyState className="pane-empty">
          <p className="faint">The columns and findings appear here when the scan is done; Cancel leaves nothing behind.</p>
        </EmptyState>
      );
    }
    return <ScanInvitation rows={rows} />;
  }
  return view === 'columns' ? <PiiColumns summary={summary} /> : <FindingsView summary={summary} />;
}

export function PiiPane() {
  const detail = useDatasets((s) => s.detail);
  const jobId = usePii((s) => s.jobId);
  const error = usePii((s) => s.error);
  const view = usePii((s) => s.view);
  const datasetId = detail?.dataset.id;
  const version = detail?.version.version;
  const createdAt = detail?.version.createdAt;
  useEffect(() => {
    if (datasetId && version && createdAt) void showPii({ datasetId, version, createdAt });
  }, [datasetId, version, createdAt]);
  if (!detail) return null;
  return (
    <section className="pane" aria-label="Personal data">
      {jobId ? <PaneProgress jobId={jobId} name="Scanning for personal data" label="Scan progress" onCancel={cancelScan} /> : null}
      {error ? (
        <div className="banner banner-error pane-error" role="alert">
          <ErrorDetails error={error} />
        </div>
      ) : null}
      <Summary />
      <ViewTabs />
      <div className="pii-view" id="pii-view" role="tabpanel" aria-labelledby={`pii-tab-${view}`}>
        <ActiveView rows={detail.version.rowCount} />
      </div>
    </section>
  );
}
