// One policy: its versions with their history, and a diff between any two versions (by default the
// newest against the one before).
import { useState } from 'react';
import type { PolicyAction, PolicyListItem, PolicyVersionInfo } from '../../../shared/api/governance-types';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { ApprovalFileDialog } from './ApprovalFileDialog';
import { DiffView } from './DiffView';
import { StateBadge } from './StateBadge';
import { TransitionDialog, type TransitionTarget } from './TransitionDialog';
import { useFetch } from './use-fetch';
import { VersionHistory } from './VersionHistory';

export function PolicyDetail({ item }: { item: PolicyListItem }) {
  const versions = useFetch('policy.versions', { policyId: item.policyId });
  const [transition, setTransition] = useState<TransitionTarget | null>(null);
  const [approval, setApproval] = useState<number | null>(null);
  const onTransition = (v: PolicyVersionInfo, action: PolicyAction) => setTransition({ policyId: v.policyId, name: v.name, version: v.version, action });
  return (
    <section className="pol-detail" aria-label={`Policy ${item.name}`}>
      <header className="pol-detail-head">
        <h2 className="pol-detail-title">{item.name}</h2>
        <StateBadge state={item.state} testId="policy-detail-state" />
        <span className="faint">
          {item.policyId} · owner {item.owner} · {item.activeVersion ? `version ${item.activeVersion} is active` : 'no active version'}
        </span>
      </header>
      {versions.error ? <ErrorDetails error={versions.error} /> : null}
      {versions.value === null && !versions.error ? <span className="spinner" aria-label="Loading versions" /> : null}
      {versions.value ? (
        <>
          <h3 className="section-title">Versions</h3>
          <VersionHistory versions={versions.value} actions={{ onTransition, onExportApproval: (v) => setApproval(v.version) }} />
          <VersionDiff key={`${item.policyId}:${item.latestVersion}`} policyId={item.policyId} latest={item.latestVersion} />
        </>
      ) : null}
      {transition ? <TransitionDialog target={transition} onClose={() => setTransition(null)} /> : null}
      {approval !== null ? <ApprovalFileDialog policyId={item.policyId} name={item.name} version={approval} onClose={() => setApproval(null)} /> : null}
    </section>
  );
}

function VersionDiff({ policyId, latest }: { policyId: string; latest: number }) {
  const [from, setFrom] = useState(Math.max(0, latest - 1));
  const [to, setTo] = useState(latest);
  const diff = useFetch('policy.diff', from === to ? null : { policyId, from, to });
  const options = Array.from({ length: latest + 1 }, (_, i) => latest - i);
  return (
    <div className="pol-diff-box">
      <div className="pol-diff-pick">
        <h3 className="section-title">Compare</h3>
        <select className="select select-sm" aria-label="From version" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
          {options.map((v) => (
            <option key={v} value={v}>
              {v === 0 ? 'nothing (empty)' : `version ${v}`}
            </option>
          ))}
        </select>
        <span aria-hidden="true">→</span>
        <select className="select select-sm" aria-label="To version" value={to} onChange={(e) => setTo(Number(e.target.value))}>
          {options.filter((v) => v > 0).map((v) => (
            <option key={v} value={v}>
              version {v}
            </option>
          ))}
        </select>
      </div>
      {from === to ? <p className="faint">Choose two different versions.</p> : null}
      {diff.error ? <ErrorDetails error={diff.error} /> : null}
      {diff.value ? <DiffView diff={diff.value} label={`Changes from version ${from} to version ${to}`} /> : null}
    </div>
  );
}
