// Whether a version may make a compliance run, decided from signed evidence rather than from the
// editable _ds_policy_transition table: its stored approval must be a valid signature by an identity
// that held the approver role at that point of the audit log, over this workspace, this policy,
// this version and the digest of the revision that would run; the log entry the approval names must
// be that approver's signed, intact approve transition; and no later signed transition may have
// moved the version out of ACTIVE. Anything else is the reason in words (null: approved).
import type { ApprovalFile } from '../../../shared/api/governance-types';
import { entryHash, payloadDigest, signedBytes } from '../audit/chain';
import { getAuditEntry } from '../audit/entries';
import { num, type Database } from '../db/database';
import { table } from '../db/sql';
import { verifyData } from '../identity/keys';
import { deriveTrust } from '../identity/trust';
import { storedApproval, verifyApproval, workspaceId } from './approval';
import { getPolicy } from './store';

export async function approvalProblem(db: Database, policyId: string, version: number, a: ApprovalFile): Promise<string | null> {
  if (!verifyApproval(a)) return 'its signature does not verify';
  if (a.workspaceId !== (await workspaceId(db))) return 'it was made in another workspace';
  const stored = await getPolicy(db, policyId, version);
  if (a.policy.id !== policyId || a.policy.version !== version || a.policy.sha256 !== stored.sha256) {
    return `it approves ${a.policy.id} v${a.policy.version} (sha256 ${a.policy.sha256.slice(0, 12)}…), not the stored ${policyId} v${version} (sha256 ${stored.sha256.slice(0, 12)}…)`;
  }
  const now = await deriveTrust(db);
  if (now.broken) return `${now.broken.message}, so no approval in it can be trusted`;
  const trust = await deriveTrust(db, a.seq - 1);
  const approver = [...trust.identities.values()].find((i) => i.fingerprint === a.approver.fingerprint);
  if (!approver || !approver.roles.has('approver')) return `${a.approver.name} did not hold the approver role in the audit log when it was made`;
  let entry;
  try {
    entry = await getAuditEntry(db, a.seq);
  } catch {
    return `the audit log has no entry ${a.seq}, which it names`;
  }
  const d = entry.details;
  const intact = entry.payloadDigest === payloadDigest(d) && entryHash(entry) === entry.hash
    && entry.signer === approver.fingerprint && entry.signature !== null && verifyData(approver.publicKey, signedBytes(entry.hash), entry.signature);
  if (!intact || entry.action !== 'policy.transition' || d.policyId !== policyId || d.version !== version || d.action !== 'approve' || d.sha256 !== stored.sha256) {
    return `audit entry ${a.seq} is not ${a.approver.name}'s signed approval of v${version}`;
  }
  const later = await db.one(
    `SELECT min(seq) AS seq FROM ${table.eventLog} WHERE action = 'policy.transition' AND seq > $seq AND (details->>'policyId') = $id
     AND TRY_CAST(details->>'version' AS INTEGER) = $v AND (details->>'to') <> 'ACTIVE'`,
    { seq: a.seq, id: policyId, v: version },
  );
  if (later && later.seq !== null && later.seq !== undefined) return `audit entry ${num(later.seq)} moved v${version} out of ACTIVE`;
  return null;
}

/** The verified approval of `version` of `policyId`, or why there is none that counts. */
export async function verifiedApproval(db: Database, policyId: string, version: number): Promise<{ approval: ApprovalFile } | { problem: string }> {
  const a = await storedApproval(db, policyId, version);
  if (!a) return { problem: 'it has no stored approval' };
  const problem = await approvalProblem(db, policyId, version, a);
  return problem ? { problem } : { approval: a };
}
