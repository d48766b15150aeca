// A policy's versions, newest first: state, steps, who edited and submitted it (with key
// fingerprints), every transition with its actor, signer, reason and preview, and the actions the
// version's state offers.
import type { PolicyAction, PolicyAuthor, PolicyVersionInfo, TransitionPreview, TransitionRecord } from '../../../shared/api/governance-types';
import { formatDateTime, formatRelative, plural } from '../../lib/format';
import { useDatasets } from '../datasets/store';
import { actionInfo, actionsFor, shortFingerprint } from './lifecycle';
import { StateBadge } from './StateBadge';

export interface VersionActions {
  onTransition(version: PolicyVersionInfo, action: PolicyAction): void;
  onExportApproval(version: PolicyVersionInfo): void;
}

export function VersionHistory({ versions, actions }: { versions: PolicyVersionInfo[]; actions: VersionActions }) {
  return (
    <ol className="pol-versions" aria-label="Version history">
      {versions.map((v) => (
        <li key={v.version} className="pol-version" aria-label={`Version ${v.version}, ${v.state}`}>
          <VersionCard v={v} actions={actions} />
        </li>
      ))}
    </ol>
  );
}

function VersionCard({ v, actions }: { v: PolicyVersionInfo; actions: VersionActions }) {
  const approved = v.transitions.some((t) => t.action === 'approve');
  return (
    <>
      <div className="pol-version-head">
        <strong>Version {v.version}</strong>
        <StateBadge state={v.state} />
        <span className="faint pol-version-meta">
          {plural(v.stepCount, 'step')} · {plural(v.revisions, 'revision')} · <span title={formatDateTime(v.updatedAt)}>saved {formatRelative(v.updatedAt)}</span>
        </span>
        <span className="pol-version-actions">
          {actionsFor(v.state, 'detail').map((a) => (
            <button key={a} type="button" className="btn btn-sm" onClick={() => actions.onTransition(v, a)}>
              {actionInfo(a).button}
            </button>
          ))}
          {approved && (v.state === 'ACTIVE' || v.state === 'RETIRED') ? (
            <button type="button" className="btn btn-sm" onClick={() => actions.onExportApproval(v)}>
              Export approval…
            </button>
          ) : null}
        </span>
      </div>
      <dl className="pol-facts">
        <div>
          <dt>Authors</dt>
          <dd>{v.authors.length > 0 ? v.authors.map((a, i) => <Person key={`${a.name}-${i}`} who={a} />) : <span className="faint">none recorded</span>}</dd>
        </div>
        <div>
          <dt>Submitted by</dt>
          <dd>{v.submittedBy ? <Person who={v.submittedBy} /> : <span className="faint">not submitted</span>}</dd>
        </div>
        <div>
          <dt>SHA-256</dt>
          <dd className="mono" title={v.sha256}>
            {v.sha256.slice(0, 16)}…
          </dd>
        </div>
      </dl>
      {v.transitions.length > 0 ? (
        <ol className="pol-transitions" aria-label={`Transitions of version ${v.version}`}>
          {v.transitions.map((t) => (
            <Transition key={t.seq} t={t} />
          ))}
        </ol>
      ) : null}
    </>
  );
}

function Person({ who }: { who: PolicyAuthor }) {
  return (
    <span className="pol-person">
      {who.name} <span className="mono faint" title={who.fingerprint ?? 'made without an unlocked identity'}>{shortFingerprint(who.fingerprint)}</span>
    </span>
  );
}

const ACTION_WORD: Record<TransitionRecord['action'], string> = {
  submit: 'Submitted',
  approve: 'Approved',
  reject: 'Rejected',
  retire: 'Retired',
  superseded: 'Superseded',
};

function Transition({ t }: { t: TransitionRecord }) {
  const datasets = useDatasets((s) => s.list);
  const on = t.preview ? (datasets.find((d) => d.id === t.preview?.datasetId)?.name ?? t.preview.datasetId) : null;
  return (
    <li className={`pol-transition is-${t.action}`}>
      <div className="pol-transition-line">
        <strong>{ACTION_WORD[t.action]}</strong>
        <span className="faint">
          {t.from} → {t.to}
        </span>
        <span>by {t.actor}</span>
        <span className="mono faint" title={`Signed with the key ${t.fingerprint}`}>
          {shortFingerprint(t.fingerprint)}
        </span>
      </div>
      <p className="pol-reason">“{t.reason}”</p>
      <p className="pol-preview-note faint">
        <span title={formatDateTime(t.at)}>{formatRelative(t.at)}</span> · audit entry #{t.seq}
        {t.preview ? ` · previewed on ${on ?? ''} v${t.preview.version} (${t.preview.sampled ? 'a sample of ' : ''}${plural(t.preview.rowsIn, 'row')}): ${previewCounts(t.preview)}` : null}
      </p>
    </li>
  );
}

function previewCounts(p: TransitionPreview): string {
  const sum = (f: (s: TransitionPreview['steps'][number]) => number) => p.steps.reduce((n, s) => n + f(s), 0);
  return `${plural(sum((s) => s.cellsChanged), 'cell')} changed, ${plural(sum((s) => s.rowsRemoved), 'row')} removed, ${plural(sum((s) => s.failures), 'failure')}`;
}
