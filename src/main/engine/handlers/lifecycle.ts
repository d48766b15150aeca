// policy.versions / diff / transition / queue / approval — the policy lifecycle (issue 6): the
// state machine is policy/lifecycle.ts, transitions and their guards policy/transition.ts.
import type { Handlers } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/result';
import type { Engine } from '../engine';
import { storedApproval, writeApproval } from '../policy/approval';
import { diffPolicies } from '../policy/diff';
import { getPolicy, versionInfos } from '../policy/store';
import { approvalQueue, transitionPolicy } from '../policy/transition';

type Names = 'policy.versions' | 'policy.diff' | 'policy.transition' | 'policy.queue' | 'policy.approval';

export function lifecycleHandlers(e: Engine): Pick<Handlers, Names> {
  return {
    'policy.versions': ({ policyId }) => versionInfos(e.workspace.db, policyId),
    'policy.diff': async ({ policyId, from, to }) => {
      const db = e.workspace.db;
      const b = await getPolicy(db, policyId, to);
      const a = from === 0 ? null : await getPolicy(db, policyId, from);
      return diffPolicies(policyId, a ? { version: from, sha256: a.sha256, policy: a.policy } : null, { version: to, sha256: b.sha256, policy: b.policy });
    },
    'policy.transition': (req) => transitionPolicy(e, req),
    'policy.queue': () => approvalQueue(e),
    'policy.approval': async ({ policyId, version, path, force }) => {
      const db = e.workspace.db;
      const p = await getPolicy(db, policyId, version);
      const approval = await storedApproval(db, policyId, version);
      if (!approval) throw new AppError('NOT_FOUND', `v${version} of ${p.policy.name} was never approved, so it has no approval to export.`, { policyId, version });
      if (path) writeApproval(e.allowPath(path), approval, force);
      return approval;
    },
  };
}
