// Signed approvals: made when an approver approves a version (stored in its transition row), a
// small self-contained file that travels with bundles. What is signed is the canonical JSON
// (RFC 8785) of everything but `signature`, by the approver's Ed25519 key.
import fs from 'node:fs';
import type { ApprovalFile } from '../../../shared/api/governance-types';
import { AppError } from '../../../shared/api/result';
import { canonicalJson } from '../audit/canonical';
import { type Database } from '../db/database';
import { table } from '../db/sql';
import { prepareDestination, publish, cleanup } from '../export/destination';
import { fingerprintOf, verifyData, type Signer } from '../identity/keys';

export const APPROVAL_FORMAT = 'data-sanitizer/approval@1';

export interface ApprovalInput {
  workspaceId: string;
  policy: ApprovalFile['policy'];
  reason: string;
  at: string;
  seq: number;
}

export function signApproval(input: ApprovalInput, signer: Signer): ApprovalFile {
  const body: Omit<ApprovalFile, 'signature'> = {
    format: APPROVAL_FORMAT,
    workspaceId: input.workspaceId,
    policy: input.policy,
    approver: { name: signer.name, fingerprint: signer.fingerprint, publicKey: signer.publicKey },
    reason: input.reason,
    at: input.at,
    seq: input.seq,
  };
  return { ...body, signature: signer.sign(canonicalJson(body)) };
}

/** Whether an approval's signature is its approver's over the rest, and the fingerprint is that key's. */
export function verifyApproval(a: ApprovalFile): boolean {
  const { signature, ...body } = a;
  try {
    return a.format === APPROVAL_FORMAT && fingerprintOf(a.approver.publicKey) === a.approver.fingerprint && verifyData(a.approver.publicKey, canonicalJson(body), signature);
  } catch {
    return false;
  }
}

export async function workspaceId(db: Database): Promise<string> {
  const r = await db.one(`SELECT value FROM ${table.meta} WHERE key = 'workspace_id'`);
  if (!r) throw new AppError('INTERNAL', 'This workspace has no id (format 9 gives every workspace one).');
  return String(r.value);
}

/** The approval that made `version` ACTIVE (the latest one, if it was approved more than once). */
export async function storedApproval(db: Database, policyId: string, version: number): Promise<ApprovalFile | null> {
  const r = await db.one(
    `SELECT approval::VARCHAR AS approval FROM ${table.policyTransition} WHERE policy_id = $id AND version = $v AND action = 'approve' AND approval IS NOT NULL ORDER BY seq DESC LIMIT 1`,
    { id: policyId, v: version },
  );
  return r ? (JSON.parse(String(r.approval)) as ApprovalFile) : null;
}

/** Writes an approval file atomically (a temp file beside it, then published); refuses to overwrite without force. */
export function writeApproval(file: string, a: ApprovalFile, force: boolean): void {
  const dest = prepareDestination(file, force, []);
  try {
    fs.writeFileSync(dest.temp, `${JSON.stringify(a, null, 2)}\n`);
    publish(dest, force);
  } finally {
    cleanup(dest);
  }
}
