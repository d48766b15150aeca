// The Approvals tab: versions waiting in REVIEW; for the chosen one, whether the acting identity
// may approve it (and if not, why, in words), its diff against the ACTIVE version, the preview
// impact on the current data, and Approve / Reject with a reason.
import { useState } from 'react';
import type { ApprovalQueueItem, PolicyAction } from '../../../shared/api/governance-types';
import { formatDateTime, formatRelative, plural } from '../../lib/format';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { Icon } from '../../ui/Icon';
import { DiffView } from './DiffView';
import { actionInfo } from './lifecycle';
import { PaneBar } from './PoliciesPane';
import { PreviewImpact } from './PreviewImpact';
import { openPolicyInGovernance, usePolicies } from './store';
import { TransitionDialog, type TransitionTarget } from './TransitionDialog';
import { useFetch } from './use-fetch';
import './policies.css';

const keyOf = (q: ApprovalQueueItem) => `${q.version.policyId}:${q.version.version}`;

export function ApprovalsPane() {
  const queue = useFetch('policy.queue', {});
  const selected = usePolicies((s) => s.queueSelected);
  const select = usePolicies((s) => s.selectQueue);
  const items = queue.value ?? [];
  const item = items.find((q) => keyOf(q) === selected) ?? items[0] ?? null;
  return (
    <div className="pol-pane">
      <PaneBar count={items.length} what="version in review" />
      {queue.error ? <ErrorDetails error={queue.error} /> : null}
      {queue.value?.length === 0 ? (
        <EmptyState icon="check" title="Nothing waits for approval" className="pane-empty">
          <p>When a steward submits a policy version for review, it appears here with its changes and what it would do to the current data.</p>
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <div className="pol-split">
          <ul className="pol-queue" aria-label="Approval queue">
            {items.map((q) => (
              <li key={keyOf(q)}>
                <button type="button" className={`pol-queue-item ${q === item ? 'is-on' : ''}`} aria-current={q === item ? 'true' : undefined} onClick={() => select(keyOf(q))}>
                  <strong>{q.version.name}</strong>
                  <span className="faint">
                    version {q.version.version} · submitted by {q.version.submittedBy?.name ?? 'unknown'} {formatRelative(q.version.updatedAt)}
                  </span>
                  {q.canApprove ? null : (
                    <span className="pol-queue-refusal">
                      <Icon name="alert" size={12} /> You cannot approve this
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
          {item ? <QueueDetail item={item} /> : null}
        </div>
      ) : null}
    </div>
  );
}

function QueueDetail({ item }: { item: ApprovalQueueItem }) {
  const v = item.version;
  const [transition, setTransition] = useState<TransitionTarget | null>(null);
  const act = (action: PolicyAction) => setTransition({ policyId: v.policyId, name: v.name, version: v.version, action });
  const submit = [...v.transitions].reverse().find((t) => t.action === 'submit');
  return (
    <section className="pol-detail" aria-label={`Review of ${v.name} version ${v.version}`}>
      <header className="pol-detail-head">
        <h2 className="pol-detail-title">
          {v.name} <span className="faint">version {v.version}</span>
        </h2>
        <span className="pol-spacer" />
        <button type="button" className="btn btn-sm" onClick={() => openPolicyInGovernance(v.policyId)}>
          History
        </button>
        <button type="button" className="btn btn-sm" onClick={() => act('reject')}>
          {actionInfo('reject').button}
        </button>
        <button type="button" className="btn btn-sm btn-primary" disabled={!item.canApprove} aria-describedby={item.refusal ? 'pol-refusal' : undefined} onClick={() => act('approve')}>
          <Icon name="check" size={13} /> {actionInfo('approve').button}
        </button>
      </header>
      {item.refusal ? (
        <div className="banner pol-refusal" id="pol-refusal" role="note">
          <Icon name="alert" />
          <div className="banner-body">
            <strong>You cannot approve this version.</strong> {item.refusal}
          </div>
        </div>
      ) : null}
      <p className="pol-submitted">
        {plural(v.stepCount, 'step')} · authors {v.authors.map((a) => a.name).join(', ') || 'unknown'}
        {submit ? (
          <>
            {' '}
            · submitted by <strong>{submit.actor}</strong> <span title={formatDateTime(submit.at)}>{formatRelative(submit.at)}</span>: <q>{submit.reason}</q>
          </>
        ) : null}
      </p>
      <h3 className="section-title">{item.activeVersion ? `Changes against the active version ${item.activeVersion}` : 'Changes (no version is active yet: everything is new)'}</h3>
      {item.diff ? <DiffView diff={item.diff} label="Changes against the active version" /> : <p className="faint">No diff available.</p>}
      <PreviewImpact policyId={v.policyId} version={v.version} />
      {transition ? <TransitionDialog target={transition} onClose={() => setTransition(null)} /> : null}
    </section>
  );
}
