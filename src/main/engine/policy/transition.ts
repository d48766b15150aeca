// Lifecycle transitions through the engine: the guards (identity, state, roles, separation of
// duties; validation and a preview without errors to enter REVIEW or ACTIVE), then in one
// transaction the signed audit entry, the transition row and — on approval — the signed approval
// and the retirement of the version it replaces. Also the approval queue.
import type { PreviewResult } from '../../../shared/api/clean-types';
import type { ApprovalQueueItem, PolicyAction, PolicyAuthor, PolicyState, PolicyVersionInfo, TransitionPreview } from '../../../shared/api/governance-types';
import { AppError } from '../../../shared/api/result';
import { validatePolicy, describeIssues } from '../../../shared/policy/policy';
import { runClean } from '../clean/run';
import { num, type Database } from '../db/database';
import { table } from '../db/sql';
import type { Engine } from '../engine';
import type { ActiveIdentity } from '../identity/session';
import { assertIntact, deriveTrust, type Trust } from '../identity/trust';
import { appendEventFull } from '../workspace/event-log';
import { signApproval, workspaceId } from './approval';
import { diffPolicies } from './diff';
import { decideTransition, type Actor, type Decision } from './lifecycle';
import { getPolicy, versionInfos } from './store';

export interface TransitionRequest {
  policyId: string;
  version: number;
  action: PolicyAction;
  reason: string;
  preview?: { datasetId: string; version: number } | undefined;
}

const VERB: Record<PolicyAction, string> = { submit: 'Submitting', approve: 'Approving', reject: 'Rejecting', retire: 'Retiring' };

function actorOf(trust: Trust, active: ActiveIdentity | null): Actor | null {
  if (!active) return null;
  assertIntact(trust, `${active.name}'s action`);
  const me = trust.identities.get(active.id);
  if (!me || me.fingerprint !== active.fingerprint) throw new AppError('FORBIDDEN', `${active.name} is not a trusted identity of this workspace.`, { guard: 'identity' });
  return { name: me.name, fingerprint: me.fingerprint, roles: me.roles };
}

function namesByKey(trust: Trust): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const i of trust.identities.values()) m.set(i.fingerprint, [...(m.get(i.fingerprint) ?? []), i.name]);
  return m;
}

/**
 * Who edited and who submitted a version according to the audit log (policy.saved and submit
 * entries, with their signers), merged with the policy tables' record: those tables can be edited
 * without breaking the chain, so separation of duties never rests on them alone.
 */
async function withLoggedDuties(db: Database, info: PolicyVersionInfo): Promise<PolicyVersionInfo> {
  const rows = await db.all(
    `SELECT actor, signer, action, details->>'action' AS t FROM ${table.eventLog}
     WHERE action IN ('policy.saved', 'policy.transition') AND (subject->>'policy') = $id AND TRY_CAST(details->>'version' AS INTEGER) = $v ORDER BY seq`,
    { id: info.policyId, v: info.version },
  );
  const authors: PolicyAuthor[] = [...info.authors];
  let submittedBy = info.submittedBy;
  for (const r of rows) {
    const who: PolicyAuthor = { name: String(r.actor), fingerprint: r.signer === null || r.signer === undefined ? null : String(r.signer) };
    if (r.action === 'policy.saved' && !authors.some((a) => a.name === who.name && a.fingerprint === who.fingerprint)) authors.push(who);
    if (r.action === 'policy.transition' && r.t === 'submit') submittedBy = who;
  }
  return { ...info, authors, submittedBy };
}

function decide(trust: Trust, active: ActiveIdentity | null, info: PolicyVersionInfo, action: PolicyAction): Decision {
  return decideTransition(info.state, action, info.version, { actor: actorOf(trust, active), authors: info.authors, submitter: info.submittedBy, namesByKey: namesByKey(trust) });
}

async function versionInfo(e: Engine, policyId: string, version: number): Promise<PolicyVersionInfo> {
  const info = (await versionInfos(e.workspace.db, policyId)).find((v) => v.version === version);
  if (!info) throw new AppError('NOT_FOUND', `Policy ${policyId} has no version ${version}.`, { policyId, version });
  return withLoggedDuties(e.workspace.db, info);
}

/** The dataset a guard previews on: the one asked for, else the newest version of the most recently imported dataset. */
async function previewTarget(e: Engine, asked: TransitionRequest['preview']): Promise<{ datasetId: string; version: number } | null> {
  if (asked) return asked;
  const r = await e.workspace.db.one(
    `SELECT d.dataset_id, max(v.version) AS version FROM ${table.dataset} d JOIN ${table.version} v USING (dataset_id)
     WHERE v.purged_at IS NULL GROUP BY d.dataset_id, d.created_at ORDER BY d.created_at DESC, d.dataset_id DESC LIMIT 1`,
  );
  return r ? { datasetId: String(r.dataset_id), version: num(r.version) } : null;
}

/** The guard to enter REVIEW or ACTIVE: the policy validates and previews without error (null: no data to preview on). */
async function guardPreview(e: Engine, req: TransitionRequest, info: PolicyVersionInfo, refused: string): Promise<TransitionPreview | null> {
  const stored = await getPolicy(e.workspace.db, req.policyId, req.version);
  const valid = validatePolicy(stored.policy);
  if (!valid.ok) throw new AppError('FORBIDDEN', `${refused}: the policy does not validate:\n${describeIssues(valid.issues)}`, { guard: 'validation', issues: valid.issues });
  const target = await previewTarget(e, req.preview);
  if (!target) return null;
  const ws = e.workspace;
  const job = e.jobs.start('preview', `Preview of ${info.name} v${info.version} on ${target.datasetId} v${target.version}`, (ctx) =>
    runClean(ws, e.workers, ctx, { ...target, source: { policyId: req.policyId, version: req.version }, kind: 'preview' }, e.actor));
  const done = await e.jobs.wait(job.id);
  if (done.state !== 'succeeded') {
    const why = done.error?.message ?? done.state;
    throw new AppError('FORBIDDEN', `${refused}: its preview on ${target.datasetId} v${target.version} failed: ${why}`, { guard: 'preview', datasetId: target.datasetId, version: target.version, error: done.error ?? null });
  }
  const r = done.result as PreviewResult;
  return {
    datasetId: target.datasetId, version: target.version, rowsIn: r.rowsIn, sampled: r.sampled,
    steps: r.steps.map((s) => ({ stepId: s.stepId, label: s.label, cellsChanged: s.cellsChanged, rowsRemoved: s.rowsRemoved, failures: s.failures })),
  };
}

function refuse(d: Exclude<Decision, { ok: true }>, refused: string): never {
  throw new AppError(d.code, d.code === 'UNAUTHENTICATED' ? d.message : `${refused}: ${d.message}.`, { guard: d.guard });
}

export async function transitionPolicy(e: Engine, req: TransitionRequest): Promise<PolicyVersionInfo> {
  const ws = e.workspace;
  const active = e.identity;
  const info = await versionInfo(e, req.policyId, req.version);
  const refused = `${VERB[req.action]} v${req.version} of ${info.name} refused`;
  const first = decide(await deriveTrust(ws.db), active, info, req.action);
  if (!first.ok) refuse(first, refused);
  const preview = first.to === 'REVIEW' || first.to === 'ACTIVE' ? await guardPreview(e, req, info, refused) : null;
  const signer = active!.signer;
  await ws.exclusive(async () => {
    // Decided again under the lock: another transition may have happened during the preview.
    const now = await versionInfo(e, req.policyId, req.version);
    const d = decide(await deriveTrust(ws.db), active, now, req.action);
    if (!d.ok) refuse(d, refused);
    const replaced = req.action === 'approve' ? (await versionInfos(ws.db, req.policyId)).find((v) => v.state === 'ACTIVE') : undefined;
    const wsId = req.action === 'approve' ? await workspaceId(ws.db) : '';
    await ws.db.transaction(async (c) => {
      const record = async (version: number, action: PolicyAction | 'superseded', from: PolicyState, to: PolicyState, reason: string, sha256: string, pv: TransitionPreview | null, approve: boolean) => {
        const entry = await appendEventFull(c, {
          action: 'policy.transition', actor: signer.name, subject: { policy: req.policyId },
          details: { policyId: req.policyId, name: now.name, version, action, from, to, reason, sha256, preview: pv }, signer,
        });
        const approval = approve
          ? signApproval({ workspaceId: wsId, policy: { id: req.policyId, name: now.name, version, sha256 }, reason, at: entry.at, seq: entry.seq }, signer)
          : null;
        await c.run(
          `INSERT INTO ${table.policyTransition} VALUES ($id, $v, $seq, $action, $from, $to, $actor, $fp, $reason, $at::TIMESTAMPTZ, $preview, $approval)`,
          { id: req.policyId, v: version, seq: entry.seq, action, from, to, actor: signer.name, fp: signer.fingerprint, reason, at: entry.at,
            preview: pv ? JSON.stringify(pv) : null, approval: approval ? JSON.stringify(approval) : null },
        );
      };
      await record(req.version, req.action, d.from, d.to, req.reason, now.sha256, preview, req.action === 'approve');
      if (replaced) await record(replaced.version, 'superseded', 'ACTIVE', 'RETIRED', `replaced by v${req.version}: ${req.reason}`, replaced.sha256, null, false);
    });
  });
  e.events.emit('policies.changed', { policyId: req.policyId });
  return versionInfo(e, req.policyId, req.version);
}

/** Versions in REVIEW across policies, each with its diff against the ACTIVE version and whether the active identity may approve it. */
export async function approvalQueue(e: Engine): Promise<ApprovalQueueItem[]> {
  const db = e.workspace.db;
  const trust = await deriveTrust(db);
  const ids = (await db.all(`SELECT DISTINCT policy_id FROM ${table.policy} ORDER BY policy_id`)).map((r) => String(r.policy_id));
  const out: ApprovalQueueItem[] = [];
  for (const id of ids) {
    const versions = await versionInfos(db, id);
    const current = versions.find((v) => v.state === 'ACTIVE');
    for (const v of versions.filter((x) => x.state === 'REVIEW')) {
      const to = await getPolicy(db, id, v.version);
      const from = current ? await getPolicy(db, id, current.version) : null;
      const diff = diffPolicies(id, from && current ? { version: current.version, sha256: from.sha256, policy: from.policy } : null, { version: v.version, sha256: to.sha256, policy: to.policy });
      let refusal: string | null;
      try {
        const d = decide(trust, e.identity, await withLoggedDuties(db, v), 'approve');
        refusal = d.ok ? null : d.message;
      } catch (err) {
        refusal = (err as Error).message;
      }
      out.push({ version: v, activeVersion: current?.version ?? null, diff, canApprove: refusal === null, refusal });
    }
  }
  return out;
}
