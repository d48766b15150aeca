// The values of cleaning runs, the provenance ledger and the diff view that cross the API.
import type { Policy } from '../policy/policy';
import type { StepType } from '../policy/steps';
import type { ApprovalFile } from './governance-types';

/** A preview writes nothing; an unapproved run writes a version stamped UNAPPROVED; a compliance run needs an approved policy (governance). */
export type RunKind = 'preview' | 'unapproved' | 'compliance';

/** A value a step could not convert, kept as it was. */
export interface StepFailure {
  rowId: number;
  columnId: string;
  value: string;
  reason: string;
}

export interface StepReport {
  stepId: string;
  stepType: StepType;
  label: string;
  enabled: boolean;
  /** Column ids the step applied to (resolved from its selector). */
  columnIds: string[];
  cellsChanged: number;
  rowsRemoved: number;
  /** Values the step could not handle (kept unchanged, never silently nulled). */
  failures: number;
  failureExamples: StepFailure[];
  /** Decisions the step took from the data (e.g. day/month order), in words. */
  notes: string[];
  /** Columns the step added (flag columns) or dropped, and renames. */
  addedColumnIds: string[];
  droppedColumnIds: string[];
}

export interface RunResult {
  runId: string;
  kind: RunKind;
  datasetId: string;
  inputVersion: number;
  /** The version written; null for a preview. */
  outputVersion: number | null;
  /** "UNAPPROVED" for a run of an unapproved policy, "APPROVED" for a compliance run (an ACTIVE version); null for a preview. */
  stamp: 'UNAPPROVED' | 'APPROVED' | null;
  /** Compliance run: the signed approvals of the version it ran (the approval that made it ACTIVE). */
  approvals?: ApprovalFile[];
  /** The workspace key generation and fingerprint the run used for keyed hashes and pseudonyms (never the key). */
  keyGeneration?: number;
  keyFingerprint?: string;
  policyName: string;
  policyVersion: number;
  policyId: string | null;
  policySha256: string;
  /** SHA-256 of the PII review decisions in force on the input version when the run used them (pii.summary's decisionsSha256); null when there were none or the policy has no PII step. */
  piiDecisionsSha256: string | null;
  /** Preview: whether every row was used, or a deterministic sample. */
  sampled: boolean;
  rowsIn: number;
  rowsOut: number;
  cellsChanged: number;
  rowsRemoved: number;
  steps: StepReport[];
  startedAt: string;
  seconds: number;
  actor: string;
}

/** One ledger entry: a changed cell, or a removed row (column, before and after null). */
export interface LedgerEntry {
  rowId: number;
  kind: 'cell' | 'row';
  columnId: string | null;
  before: string | null;
  after: string | null;
  stepId: string;
  stepType: StepType;
  confidence: number;
  /**
   * Personal data is never kept in the ledger: for a de-identification step (and any earlier step
   * on a cell one de-identified) `before` is null and these stand in for it — HMAC-SHA-256 (hex)
   * of the value under the workspace key, and the value masked (`j***@***.org`). For such an
   * earlier step `after` is masked too. Null for every other entry.
   */
  beforeDigest?: string | null;
  beforePreview?: string | null;
}

export interface PreviewResult extends RunResult {
  /** The first changes in row order (at most 1000). */
  changes: LedgerEntry[];
}

export interface StoredPolicy {
  policyId: string;
  policy: Policy;
  sha256: string;
  savedAt: string;
  savedBy: string;
}

export interface PolicySummary {
  policyId: string;
  name: string;
  latestVersion: number;
  savedAt: string;
  savedBy: string;
  stepCount: number;
}

/** A policy's column names that a dataset does not have (for the column-mapping dialog). */
export interface ColumnCheck {
  missing: { name: string; stepIds: string[] }[];
}

export interface DiffSummary {
  datasetId: string;
  version: number;
  /** The run that wrote this version; null for an imported version. */
  run: RunResult | null;
  /** Changed cells per column, in rows this version still holds (a row a later step removed is counted in `rowsRemoved` only). */
  columns: { columnId: string; cellsChanged: number }[];
  /** Changed cells in rows this version holds (a cell two steps changed counts once). */
  cellsChanged: number;
  /** Rows of this version with at least one changed cell. */
  rowsChanged: number;
  /** Rows the run removed. */
  rowsRemoved: number;
}
