// The policy editor's toolbar: the policy's name and saved state, Start from, Undo/Redo, Save,
// Export recipe and Run — and, when Run and Save are unavailable, why.
import type { PolicyIssue } from '../../../shared/policy/policy';
import type { StepType } from '../../../shared/policy/steps';
import { MOD_LABEL } from '../../lib/keys';
import { Icon } from '../../ui/Icon';
import { percentOf } from '../jobs/JobProgress';
import { PolicyStateLink } from '../policies/PolicyStateLink';
import { usePolicyItem } from '../policies/use-policy-item';
import { useSession } from '../identities/session-store';
import { useJobs } from '../jobs/store';
import { cancelJob } from '../jobs/wait';
import { usePolicyDialog } from './dialog-store';
import { blockedReason, policyIssues } from './issues';
import { runPolicy, useRun } from './run';
import { runKind } from './run-kind';
import { StartMenu } from './StartMenu';
import { savedVersion, selectCanRedo, selectCanUndo, usePolicyDraft } from './store';

export function PolicyToolbar({ issues, steps }: { issues: PolicyIssue[]; steps: readonly { type: StepType }[] }) {
  const name = usePolicyDraft((s) => s.history.present.policy.name);
  const policyId = usePolicyDraft((s) => s.history.present.policyId);
  const version = usePolicyDraft(savedVersion);
  const origin = usePolicyDraft((s) => s.history.present.origin);
  const canUndo = usePolicyDraft(selectCanUndo);
  const canRedo = usePolicyDraft(selectCanRedo);
  const runJobId = useRun((s) => s.jobId);
  const runJob = useJobs((s) => (runJobId ? s.jobs[runJobId] : undefined));
  const d = usePolicyDraft.getState();
  const blocked = blockedReason(issues, steps);
  const nameInvalid = policyIssues(issues).some((i) => i.path[0] === 'name');
  const pct = runJob ? percentOf(runJob) : null;
  // Say before the click which kind of run this is: only the saved ACTIVE version makes a compliance run.
  const governed = useSession((s) => s.session?.governed ?? false);
  const kind = runKind(version, usePolicyItem(policyId)?.activeVersion ?? null, governed);
  return (
    <div className="pe-toolbar-wrap">
      <div className="pe-toolbar" role="toolbar" aria-label="Policy">
        <input
          className="input pe-name"
          aria-label="Policy name"
          aria-invalid={nameInvalid}
          value={name}
          spellCheck={false}
          onChange={(e) => d.edit((x) => ({ ...x, policy: { ...x.policy, name: e.target.value } }), 'name')}
        />
        <span className={`badge ${version !== null ? 'badge-success' : policyId ? 'badge-warning' : ''}`} data-testid="policy-state">
          {version !== null ? `Saved · v${version}` : policyId ? 'Unsaved changes' : 'Not saved'}
        </span>
        {origin ? <span className="pe-origin faint">from {origin}</span> : null}
        <PolicyStateLink policyId={policyId} />
        <span className="pe-spacer" />
        <StartMenu />
        <span className="btn-group">
          <button type="button" className="btn btn-sm btn-icon" aria-label="Undo" title={`Undo (${MOD_LABEL}+Z)`} aria-keyshortcuts="Control+Z" disabled={!canUndo} onClick={d.undo}>
            <Icon name="undo" size={14} />
          </button>
          <button type="button" className="btn btn-sm btn-icon" aria-label="Redo" title={`Redo (${MOD_LABEL}+Shift+Z or ${MOD_LABEL}+Y)`} aria-keyshortcuts="Control+Shift+Z Control+Y" disabled={!canRedo} onClick={d.redo}>
            <Icon name="redo" size={14} />
          </button>
        </span>
        <button type="button" className="btn btn-sm" disabled={blocked !== null} aria-describedby={blocked ? 'pe-blocked' : undefined} onClick={() => usePolicyDialog.getState().show('save')}>
          <Icon name="save" size={14} /> Save…
        </button>
        <button type="button" className="btn btn-sm" disabled={blocked !== null} aria-describedby={blocked ? 'pe-blocked' : undefined} onClick={() => usePolicyDialog.getState().show('export')}>
          <Icon name="export" size={13} /> Export recipe…
        </button>
        {runJobId ? (
          <span className="pe-running" role="status">
            <span className="spinner" aria-hidden="true" /> Running{pct === null ? '…' : ` ${pct}%`}
            <button type="button" className="btn btn-sm" onClick={() => void cancelJob(runJobId)}>
              Cancel
            </button>
          </span>
        ) : (
          <>
            {blocked ? null : (
              <span id="pe-run-kind" className={`badge ${kind.kind === 'compliance' ? 'badge-success' : kind.kind === 'refused' ? 'badge-danger' : 'badge-warning'}`} title={kind.title} data-testid="run-kind">
                {kind.label}
              </span>
            )}
            <button type="button" className="btn btn-sm btn-primary" disabled={blocked !== null} aria-describedby={blocked ? 'pe-blocked' : 'pe-run-kind'} title={kind.title} onClick={() => void runPolicy()}>
              <Icon name="play" size={13} /> Run
            </button>
          </>
        )}
      </div>
      {blocked ? (
        <p className="pe-blocked" id="pe-blocked" role="status">
          <Icon name="alert" size={13} /> Run, Save and Export are unavailable. {blocked}
        </p>
      ) : null}
    </div>
  );
}
