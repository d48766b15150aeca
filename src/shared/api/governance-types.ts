// Governance values that cross the API: local identities and their roles, the policy lifecycle
// (states, transitions, diffs, approvals), the audit log with its verification and checkpoints,
// and the workspace settings only an admin may change.
import { z } from 'zod';

export const ROLES = ['admin', 'steward', 'approver', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** A display name: what `--as NAME` matches (case-insensitive), so no spaces at the ends. */
export const identityNameSchema = z
  .string()
  .min(1, 'a name is required')
  .max(100)
  .regex(/^\S(?:.*\S)?$/u, 'a name cannot start or end with a space')
  .refine((s) => ![...s].some((ch) => ch.charCodeAt(0) < 0x20), 'a name cannot contain control characters');
/** Passphrases protect signing keys: at least 8 characters (a sentence is better). */
export const passphraseSchema = z.string().min(8, 'a passphrase has at least 8 characters').max(1024);
/** Why an action was taken: required for every transition, grant, setting and purge. */
export const reasonSchema = z.string().trim().min(3, 'give a reason (at least 3 characters)').max(2000);

export interface IdentityInfo {
  /** i1, i2, … in order of creation. */
  id: string;
  name: string;
  /** The roles in force now, derived from the signed grants and revocations in the audit log. */
  roles: Role[];
  /** SHA-256 (hex) of the public key's DER SubjectPublicKeyInfo — what `openssl pkey -pubin -outform DER | sha256sum` prints. */
  fingerprint: string;
  /** The Ed25519 public key, PEM (SPKI). */
  publicKey: string;
  createdAt: string;
  /** Whether this identity is the one acting in this app now. */
  active: boolean;
}

export interface SessionInfo {
  /** The identity actions are attributed to and signed by; null when none is unlocked. */
  identity: IdentityInfo | null;
  /** The operating-system user, the actor when no identity is unlocked (unsigned entries). */
  osUser: string;
  /** Governed workspace: unapproved runs are refused; previews and compliance runs only. */
  governed: boolean;
  /** Whether the workspace has any identity yet (the first one created becomes its admin). */
  identitiesExist: boolean;
}

export const POLICY_STATES = ['DRAFT', 'REVIEW', 'ACTIVE', 'RETIRED'] as const;
export type PolicyState = (typeof POLICY_STATES)[number];
/** submit: DRAFT → REVIEW; approve: REVIEW → ACTIVE; reject: REVIEW → DRAFT; retire: ACTIVE → RETIRED. */
export const POLICY_ACTIONS = ['submit', 'approve', 'reject', 'retire'] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

/** The preview a transition into REVIEW or ACTIVE ran (the guard), per step. */
export interface TransitionPreview {
  datasetId: string;
  version: number;
  rowsIn: number;
  sampled: boolean;
  steps: { stepId: string; label: string; cellsChanged: number; rowsRemoved: number; failures: number }[];
}

export interface TransitionRecord {
  /** The audit-log entry that records it. */
  seq: number;
  action: PolicyAction | 'superseded';
  from: PolicyState;
  to: PolicyState;
  actor: string;
  /** The signer's key fingerprint. */
  fingerprint: string;
  reason: string;
  at: string;
  /** Null when the workspace had no dataset to preview on (validation only), or for reject/retire. */
  preview: TransitionPreview | null;
}

export interface PolicyAuthor {
  name: string;
  /** The key fingerprint of the identity that made the edit; null for an edit made without one. */
  fingerprint: string | null;
}

export interface PolicyVersionInfo {
  policyId: string;
  name: string;
  version: number;
  state: PolicyState;
  /** How many times this version was saved while a DRAFT (1 = never edited after creation). */
  revisions: number;
  sha256: string;
  stepCount: number;
  /** Everyone who edited this version (any revision). */
  authors: PolicyAuthor[];
  /** Who submitted it for review last (null while never submitted). */
  submittedBy: PolicyAuthor | null;
  createdAt: string;
  updatedAt: string;
  transitions: TransitionRecord[];
}

/** One row of the policy list: the policy and its newest version's state. */
export interface PolicyListItem {
  policyId: string;
  name: string;
  latestVersion: number;
  state: PolicyState;
  /** The ACTIVE version, if any (it may be older than the latest, a DRAFT in progress). */
  activeVersion: number | null;
  /** Who created the policy (version 1's author). */
  owner: string;
  savedAt: string;
  savedBy: string;
  stepCount: number;
}

export interface PolicyChange {
  /** A JSON path inside the step (or the policy), e.g. `params.format` or `columns.names`. */
  path: string;
  before: unknown;
  after: unknown;
}

export interface PolicyStepDiff {
  kind: 'added' | 'removed' | 'changed' | 'moved' | 'same';
  stepId: string;
  type: string;
  label: string;
  /** Positions (0-based) in each version; null where absent. */
  fromIndex: number | null;
  toIndex: number | null;
  changes: PolicyChange[];
}

export interface PolicyDiff {
  policyId: string;
  from: { version: number; sha256: string };
  to: { version: number; sha256: string };
  /** Changes outside the steps (name, description, settings). */
  policy: PolicyChange[];
  steps: PolicyStepDiff[];
  /** "2 steps added, 1 removed, 3 changed" — or "no differences". */
  summary: string;
}

/** An item of the approval queue: a version in REVIEW, and whether the active identity may approve it. */
export interface ApprovalQueueItem {
  version: PolicyVersionInfo;
  /** The ACTIVE version it would replace, if any (the diff is against it, else against nothing). */
  activeVersion: number | null;
  diff: PolicyDiff | null;
  canApprove: boolean;
  /** Why not, in words ("you authored version 3"); null when allowed. */
  refusal: string | null;
}

/** A signed approval: small, self-contained, travels with bundles. Canonical JSON (RFC 8785) of everything but `signature` is what is signed. */
export interface ApprovalFile {
  format: 'data-sanitizer/approval@1';
  workspaceId: string;
  policy: { id: string; name: string; version: number; sha256: string };
  approver: { name: string; fingerprint: string; publicKey: string };
  reason: string;
  at: string;
  /** The audit-log entry of the approval. */
  seq: number;
  /** Ed25519 over the canonical JSON of the rest, base64. */
  signature: string;
}

/** One audit-log entry, with its place in the hash chain. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: Record<string, string>;
  details: Record<string, unknown>;
  /** SHA-256 (hex) of the canonical JSON of `details`. */
  payloadDigest: string;
  prevHash: string;
  hash: string;
  /** The signer's key fingerprint; null for an unsigned entry (no identity unlocked). */
  signer: string | null;
  signature: string | null;
}

export const auditFilterSchema = z.strictObject({
  actor: z.string().min(1).max(200).optional(),
  /** An action, or a prefix ending in "." (e.g. "policy."). */
  action: z.string().min(1).max(100).optional(),
  /** A subject id: dataset, policy, run, identity… matched against every subject value. */
  subject: z.string().min(1).max(200).optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** A signed statement of the log's head: cutting entries off the end is detected against it. */
export interface Checkpoint {
  format: 'data-sanitizer/checkpoint@1';
  workspaceId: string;
  seq: number;
  hash: string;
  at: string;
  signer: { name: string | null; fingerprint: string; publicKey: string };
  /** Ed25519 over the canonical JSON of the rest, base64. */
  signature: string;
}

export interface AuditProblem {
  seq: number | null;
  /** hash | chain | sequence | signature | unauthorised | checkpoint | truncated */
  kind: 'hash' | 'chain' | 'sequence' | 'signature' | 'unauthorised' | 'checkpoint' | 'truncated';
  message: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  /** Checkpoints checked (stored ones, and the file given). */
  checkpoints: number;
  /** The first bad entry and why; null when intact. */
  firstBad: AuditProblem | null;
  problems: AuditProblem[];
  verifiedAt: string;
}

export interface WorkspaceSettings {
  workspaceId: string;
  governed: boolean;
  /** The workspace key's generation (1 until the first rotation) and its fingerprint (never the key). */
  keyGeneration: number;
  keyFingerprint: string;
}
