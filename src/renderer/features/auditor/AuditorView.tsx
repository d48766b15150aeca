// Auditor mode: an evidence bundle opened outside any workspace. The verdict first and plainly,
// the signers (trusted or unknown), then tabs to browse: the report, the policy and its approvals,
// the provenance ledger, the findings, the files. "Close bundle" goes back to the workspace.
import type { ComponentType } from 'react';
import { RUN_KIND_TITLES } from '../../../shared/api/report-types';
import { formatDateTime } from '../../lib/format';
import { Icon, type IconName } from '../../ui/Icon';
import { useTabList } from '../../ui/useTabList';
import { closeBundle } from './actions';
import { FilesTab } from './FilesTab';
import { FindingsTab } from './FindingsTab';
import { LedgerTab } from './LedgerTab';
import { PolicyTab } from './PolicyTab';
import { ReportTab } from './ReportTab';
import { SignerList } from './SignerList';
import { useAuditor, type AuditorTabId } from './store';
import { VerdictBanner } from './VerdictBanner';
import './auditor.css';

interface AuditorTab {
  id: AuditorTabId;
  label: string;
  icon: IconName;
  Panel: ComponentType;
}

const TABS: readonly AuditorTab[] = [
  { id: 'report', label: 'Report', icon: 'barChart', Panel: ReportTab },
  { id: 'policy', label: 'Policy & approvals', icon: 'policy', Panel: PolicyTab },
  { id: 'ledger', label: 'Provenance ledger', icon: 'diff', Panel: LedgerTab },
  { id: 'findings', label: 'Findings', icon: 'search', Panel: FindingsTab },
  { id: 'files', label: 'Files', icon: 'file', Panel: FilesTab },
];
const IDS = TABS.map((t) => t.id);

export function AuditorView() {
  const bundle = useAuditor((s) => s.bundle);
  const tab = useAuditor((s) => s.tab);
  const setTab = useAuditor((s) => s.setTab);
  const { onKeyDown, tabProps } = useTabList(IDS, tab, setTab);
  if (!bundle) return null;
  const v = bundle.verification;
  const m = v.manifest;
  const active = TABS.find((t) => t.id === tab) ?? (TABS[0] as AuditorTab);
  const Panel = active.Panel;
  return (
    <section className="aud" aria-label="Auditor mode">
      <header className="aud-header">
        <div className="aud-title-block">
          <h1 className="aud-title">
            <Icon name="shield" size={18} /> Evidence bundle{m ? `: ${m.datasetName}` : ''}
          </h1>
          <p className="aud-sub">
            <span className="mono" title={v.path}>{v.path}</span>
            <span className="faint"> · {v.container === 'zip' ? '.zip (unpacked to a private folder, read only)' : 'folder (read only)'}</span>
          </p>
          {m ? (
            <p className="aud-sub">
              <span className={`badge ${m.runKind === 'compliance' ? 'badge-success' : 'badge-warning'}`}>{RUN_KIND_TITLES[m.runKind]}</span>
              <span className="faint"> run {m.runId} · bundle made {formatDateTime(m.createdAt)} · engine {m.engineVersion}</span>
            </p>
          ) : null}
        </div>
        <button type="button" className="btn" onClick={() => void closeBundle()} title="Close the bundle and go back to the workspace">
          <Icon name="x" size={14} /> Close bundle
        </button>
      </header>
      <VerdictBanner />
      <SignerList />
      <div className="ds-tabs aud-tabs" role="tablist" aria-label="Bundle contents" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button key={t.id} type="button" {...tabProps(t.id)} id={`aud-tab-${t.id}`} aria-controls={`aud-panel-${t.id}`} className={`ds-tab ${t === active ? 'is-active' : ''}`}>
            <Icon name={t.icon} size={15} /> {t.label}
          </button>
        ))}
      </div>
      <div className="aud-panel" role="tabpanel" id={`aud-panel-${active.id}`} aria-labelledby={`aud-tab-${active.id}`}>
        <Panel key={bundle.bundleId} />
      </div>
    </section>
  );
}
