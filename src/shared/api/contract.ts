// The one API contract: every method's input schema and output type, and every push event.
// The preload bridge, Electron IPC, the loopback HTTP server and the in-process client all
// derive from this map; adding a method means adding it here and one handler in the engine.
import { z } from 'zod';
import { clusterRequestSchema } from './cluster-types';
import { PAIR_DECISIONS, dedupeSettingsSchema, type DedupeClusterPage, type DedupeReviewItem, type DedupeReviewPage, type DedupeSummary } from './dedupe-types';
import type {
  AppInfo,
  DatasetDetail,
  DatasetSummary,
  EventLogEntry,
  FsListing,
  FsRoot,
  GridWindow,
  ImportPreview,
  JobInfo,
  RecentWorkspace,
  WorkspaceInfo,
} from './types';
import type { DatasetProfile } from './profile-types';
import type { ColumnCheck, DiffSummary, LedgerEntry, RunResult, StoredPolicy } from './clean-types';
import {
  POLICY_ACTIONS,
  ROLES,
  auditFilterSchema,
  identityNameSchema,
  passphraseSchema,
  reasonSchema,
  type ApprovalFile,
  type ApprovalQueueItem,
  type AuditEntry,
  type AuditVerifyResult,
  type Checkpoint,
  type IdentityInfo,
  type PolicyDiff,
  type PolicyListItem,
  type PolicyVersionInfo,
  type SessionInfo,
  type WorkspaceSettings,
} from './governance-types';
import type { Preset } from '../policy/presets';
import { REPORT_FORMATS, type ReportModel } from './report-types';
import type { BundleDigestCheck, BundleVerifyResult, OpenedBundle, TrustedSigner } from './bundle-types';
import type { LedgerEntry as BundleLedgerRow } from './clean-types';
import { ENTITY_TYPES, type PiiFindingsPage, type PiiScanSummary, type RiskQuasiColumn } from './pii-types';
import { CSV_ENCODINGS, CSV_QUOTING, ENCODINGS, EXPORT_FORMATS, RAGGED_POLICIES, SOURCE_FORMATS } from './types';

/** A method: its input schema, and (as a phantom type) its output. */
interface MethodDef<I extends z.ZodType, O> {
  input: I;
  /** Never set at run time: carries the output type only. */
  output?: O;
}
const method = <I extends z.ZodType>(input: I) => ({
  returns: <O>(): MethodDef<I, O> => ({ input }),
});

const none = z.strictObject({});
const datasetId = z.string().regex(/^d[0-9]+$/, 'a dataset id looks like d12');
const columnId = z.string().regex(/^c[0-9]+$/, 'a column id looks like c3');
const path = z.string().min(1, 'a path is required').max(4096);
const oneChar = (what: string) =>
  z.string().refine((s) => [...s].length === 1, `${what} must be exactly one character`);

export const importOptionsSchema = z.strictObject({
  format: z.enum(SOURCE_FORMATS).optional(),
  delimiter: oneChar('the delimiter').optional(),
  quote: z
    .string()
    .refine((s) => [...s].length <= 1, 'the quote must be one character, or empty for none')
    .optional(),
  header: z.boolean().optional(),
  encoding: z.enum(ENCODINGS).optional(),
  sheet: z.string().min(1).optional(),
  ragged: z.enum(RAGGED_POLICIES).optional(),
  name: z.string().min(1).max(200).optional(),
});

/** CSV export options; `bom` left out means the encoding's default. */
export const csvOptionsSchema = z.strictObject({
  delimiter: z
    .string()
    .refine((s) => s.length === 1 && (s === '\t' || (s >= ' ' && s <= '~')) && s !== '"', 'the delimiter must be one printable ASCII character or a tab, and not a double quote')
    .default(','),
  quote: z.enum(CSV_QUOTING).default('minimal'),
  encoding: z.enum(CSV_ENCODINGS).default('utf-8'),
  bom: z.boolean().optional(),
});

const policyId = z.string().regex(/^p[0-9]+$/, 'a policy id looks like p3');
const runId = z.string().min(1).max(100);
const bundleId = z.string().regex(/^b[0-9]+$/, 'a bundle id looks like b2');
/** A path inside a bundle: relative, forward slashes, no `..`. */
const bundlePath = z.string().min(1).max(500).regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[^\\\0]+$/, 'a path inside the bundle (relative, no ..)');
const fingerprint = z.string().regex(/^[0-9a-f]{64}$/, 'a fingerprint is 64 lower-case hex digits (SHA-256 of the public key)');

/** A finding as a bundle carries it: never the found text, only its masked preview. */
export interface BundleFindingRow {
  rowId: number;
  column: string;
  entity: string;
  start: number;
  end: number;
  confidence: number;
  recogniser: string;
  preview: string;
  decision: string | null;
}
/** Which policy a run uses: a document given inline, a saved version, or built-in presets. */
export const policySourceSchema = z.union([
  z.strictObject({ policy: z.unknown() }),
  z.strictObject({ policyId, version: z.int().positive().optional() }),
  z.strictObject({ presets: z.array(z.string().min(1).max(100)).min(1).max(20) }),
]);
export type PolicySource = z.infer<typeof policySourceSchema>;
const stepFilter = {
  stepId: z.string().min(1).max(64).optional(),
  columnId: columnId.optional(),
};

export const viewSpecSchema = z.strictObject({
  filter: z
    .strictObject({
      text: z.string().max(1000),
      columnIds: z.array(columnId).max(10_000).optional(),
    })
    .optional(),
  sort: z
    .array(z.strictObject({ columnId, direction: z.enum(['asc', 'desc']) }))
    .max(8)
    .optional(),
  /** Only rows with changes in the ledger (optionally by one step and/or column). */
  changes: z.strictObject(stepFilter).optional(),
});

export const contract = {
  'app.info': method(none).returns<AppInfo>(),

  'workspace.current': method(none).returns<WorkspaceInfo>(),
  'workspace.open': method(z.strictObject({ path, create: z.boolean().default(false) })).returns<WorkspaceInfo>(),
  'workspace.recent': method(none).returns<RecentWorkspace[]>(),

  'fs.roots': method(none).returns<FsRoot[]>(),
  'fs.list': method(z.strictObject({ path, showHidden: z.boolean().default(false) })).returns<FsListing>(),

  'import.preview': method(z.strictObject({ path, options: importOptionsSchema.default({}) })).returns<ImportPreview>(),
  'import.start': method(z.strictObject({ path, options: importOptionsSchema.default({}) })).returns<{ jobId: string }>(),

  'dataset.list': method(none).returns<DatasetSummary[]>(),
  'dataset.get': method(
    z.strictObject({ datasetId, version: z.int().positive().optional() }),
  ).returns<DatasetDetail>(),
  'dataset.delete': method(z.strictObject({ datasetId })).returns<{ datasetId: string }>(),

  'grid.window': method(
    z.strictObject({
      datasetId,
      version: z.int().positive(),
      viewId: z.string().regex(/^v[0-9]+$/).optional(),
      offset: z.int().nonnegative(),
      limit: z.int().positive().max(2000),
      columnIds: z.array(columnId).max(10_000).optional(),
    }),
  ).returns<GridWindow>(),
  'grid.openView': method(
    z.strictObject({ datasetId, version: z.int().positive(), spec: viewSpecSchema }),
  ).returns<{ jobId: string }>(),
  'grid.closeView': method(z.strictObject({ viewId: z.string().regex(/^v[0-9]+$/) })).returns<{ closed: boolean }>(),

  'export.start': method(
    z.strictObject({
      datasetId,
      version: z.int().positive().optional(),
      path,
      format: z.enum(EXPORT_FORMATS).optional(),
      force: z.boolean().default(false),
      formulaEscape: z.boolean().default(true),
      /** CSV only (refused with any other format). */
      csv: csvOptionsSchema.optional(),
    }),
  ).returns<{ jobId: string }>(),

  'profile.start': method(z.strictObject({ datasetId, version: z.int().positive() })).returns<{ jobId: string }>(),
  'profile.get': method(z.strictObject({ datasetId, version: z.int().positive() })).returns<DatasetProfile | null>(),
  'policy.presets': method(none).returns<Preset[]>(),
  /** Every policy with its newest version's state, owner and ACTIVE version. */
  'policy.list': method(none).returns<PolicyListItem[]>(),
  'policy.get': method(z.strictObject({ policyId, version: z.int().positive().optional() })).returns<StoredPolicy>(),
  /**
   * Saves an edit (the engine records author and time): a new policy when policyId is absent; a new
   * revision of the open DRAFT version; else (the newest version is ACTIVE or RETIRED) a new DRAFT
   * version. Refused while a version is in REVIEW.
   */
  'policy.save': method(
    z.strictObject({ policyId: policyId.optional(), policy: z.unknown(), summary: z.string().max(2000).default('') }),
  ).returns<StoredPolicy>(),
  /** Every version of a policy, newest first: state, authors, transitions (signed, with reasons). */
  'policy.versions': method(z.strictObject({ policyId })).returns<PolicyVersionInfo[]>(),
  /** A readable diff between two versions (steps added, removed, moved, changed parameters); `from` 0 means "nothing" (everything added). */
  'policy.diff': method(z.strictObject({ policyId, from: z.int().nonnegative(), to: z.int().positive() })).returns<PolicyDiff>(),
  /**
   * A lifecycle transition, signed by the active identity, with its reason. Guards (FORBIDDEN, with
   * the guard in words): roles; separation of duties; validation, and a preview on `preview` (or the
   * newest dataset) without errors to enter REVIEW or ACTIVE. Approving retires the ACTIVE version.
   */
  'policy.transition': method(
    z.strictObject({
      policyId,
      version: z.int().positive(),
      action: z.enum(POLICY_ACTIONS),
      reason: reasonSchema,
      preview: z.strictObject({ datasetId, version: z.int().positive() }).optional(),
    }),
  ).returns<PolicyVersionInfo>(),
  /** Versions in REVIEW, with the diff against the ACTIVE version and whether the active identity may approve each. */
  'policy.queue': method(none).returns<ApprovalQueueItem[]>(),
  /** The signed approval of an ACTIVE (or RETIRED) version; written to `path` (atomically) when given. */
  'policy.approval': method(z.strictObject({ policyId, version: z.int().positive(), path: path.optional(), force: z.boolean().default(false) })).returns<ApprovalFile>(),
  /** Reads a recipe file (a policy JSON) and validates it. */
  'policy.readFile': method(z.strictObject({ path })).returns<{ policy: unknown; path: string }>(),
  'policy.writeFile': method(z.strictObject({ path, policy: z.unknown(), force: z.boolean().default(false) })).returns<{ path: string; sha256: string }>(),
  /** Which of a policy's column names a dataset version lacks. */
  'policy.checkColumns': method(z.strictObject({ datasetId, version: z.int().positive(), policy: z.unknown() })).returns<ColumnCheck>(),

  /** A dry run on a deterministic sample (or every row): counts and diffs, no version written. */
  'clean.preview': method(
    z.strictObject({ datasetId, version: z.int().positive(), source: policySourceSchema, full: z.boolean().default(false) }),
  ).returns<{ jobId: string }>(),
  /**
   * Runs a policy and writes a new version with its provenance ledger: a saved policy's ACTIVE version
   * (`{policyId}`, or its version number) is a compliance run stamped APPROVED with its signed approval;
   * anything else is stamped UNAPPROVED, and refused (FORBIDDEN) in a governed workspace.
   */
  'clean.run': method(z.strictObject({ datasetId, version: z.int().positive(), source: policySourceSchema })).returns<{ jobId: string }>(),
  'run.list': method(z.strictObject({ datasetId: datasetId.optional() })).returns<RunResult[]>(),

  'diff.summary': method(z.strictObject({ datasetId, version: z.int().positive() })).returns<DiffSummary>(),
  /** The ledger entries of the given rows of a version (what the diff grid highlights). */
  'diff.cells': method(
    z.strictObject({ datasetId, version: z.int().positive(), rowIds: z.array(z.int().positive()).max(2000), ...stepFilter }),
  ).returns<LedgerEntry[]>(),
  /** The grid position of the next (or previous) changed row after `from`, in the version or view. */
  'diff.next': method(
    z.strictObject({
      datasetId,
      version: z.int().positive(),
      viewId: z.string().regex(/^v[0-9]+$/).optional(),
      from: z.int().min(-1),
      direction: z.enum(['next', 'previous']).default('next'),
      ...stepFilter,
    }),
  ).returns<{ offset: number | null }>(),
  /** Writes a version's ledger as CSV or Parquet (columns row_id,kind,column,before,after,step_id,step,confidence). */
  'provenance.export': method(
    z.strictObject({ datasetId, version: z.int().positive(), path, format: z.enum(['csv', 'parquet']).optional(), force: z.boolean().default(false) }),
  ).returns<{ jobId: string }>(),

  /** Scans a version for personal data (all columns, or those named); the job's result is a PiiScanSummary. */
  'pii.start': method(z.strictObject({ datasetId, version: z.int().positive(), columnIds: z.array(columnId).max(10_000).optional() })).returns<{ jobId: string }>(),
  /** The latest scan of a version, with the review decisions in force; null before any scan. */
  'pii.summary': method(z.strictObject({ datasetId, version: z.int().positive() })).returns<PiiScanSummary | null>(),
  /** A window of a version's findings (optionally one column and/or entity), by row then column then start. */
  'pii.findings': method(
    z.strictObject({
      datasetId,
      version: z.int().positive(),
      offset: z.int().nonnegative(),
      limit: z.int().positive().max(2000),
      columnId: columnId.optional(),
      entity: z.enum(ENTITY_TYPES).optional(),
    }),
  ).returns<PiiFindingsPage>(),
  /** Accepts or rejects one finding or a whole column classification ('clear' removes the decision). */
  'pii.decide': method(
    z.strictObject({
      datasetId,
      version: z.int().positive(),
      target: z.union([z.strictObject({ findingId: z.int().positive() }), z.strictObject({ columnId, entity: z.enum(ENTITY_TYPES) })]),
      decision: z.enum(['accepted', 'rejected', 'clear']),
    }),
  ).returns<PiiScanSummary>(),
  /**
   * Writes the findings as CSV or Parquet (a job): row_id,column,entity,start,end,confidence,recogniser,preview,decision —
   * the masked preview only, never the found text or the cell.
   */
  'pii.exportFindings': method(
    z.strictObject({ datasetId, version: z.int().positive(), path, format: z.enum(['csv', 'parquet']).optional(), force: z.boolean().default(false) }),
  ).returns<{ jobId: string }>(),
  /** k-anonymity over quasi-identifiers, optionally against a later version; the job's result is a RiskResult. */
  'risk.start': method(
    z.strictObject({
      datasetId,
      version: z.int().positive(),
      quasi: z.array(columnId).min(1).max(20),
      k: z.int().min(2).max(1000).default(5),
      afterVersion: z.int().positive().optional(),
    }),
  ).returns<{ jobId: string }>(),
  /** The columns that look like quasi-identifiers (ZIP/postcode, birth date or year, sex, age), by header and a sample of values. */
  'risk.suggestQuasi': method(z.strictObject({ datasetId, version: z.int().positive() })).returns<RiskQuasiColumn[]>(),

  /** Suggests clusters of values in a text column; the job's result is a ClusterResult. */
  'cluster.start': method(clusterRequestSchema).returns<{ jobId: string }>(),

  /** Roles and blocking rules with their candidate-pair counts, before running; the job's result is a DedupePlan. */
  'dedupe.plan': method(z.strictObject({ datasetId, version: z.int().positive(), settings: dedupeSettingsSchema })).returns<{ jobId: string }>(),
  /** Finds exact and near duplicates and stores the run (the latest per version); the job's result is a DedupeSummary. */
  'dedupe.start': method(
    z.strictObject({
      datasetId,
      version: z.int().positive(),
      settings: dedupeSettingsSchema,
      /** Also write every row's cluster (record_id,cluster_id) and every scored pair as CSV (the CLI): absolute paths, published once the run is stored. */
      files: z.strictObject({ clusters: z.string().min(1).optional(), pairs: z.string().min(1).optional(), force: z.boolean().default(false) }).optional(),
    }),
  ).returns<{ jobId: string }>(),
  /** The latest duplicate run of a version; null before any. */
  'dedupe.summary': method(z.strictObject({ datasetId, version: z.int().positive() })).returns<DedupeSummary | null>(),
  /** A window of the clusters of two or more records, largest first (then by smallest row id). */
  'dedupe.clusters': method(
    z.strictObject({ datasetId, version: z.int().positive(), offset: z.int().nonnegative(), limit: z.int().positive().max(500), chainedOnly: z.boolean().default(false) }),
  ).returns<DedupeClusterPage>(),
  /** A window of the review queue: pairs in the review band, most uncertain first. */
  'dedupe.review': method(
    z.strictObject({ datasetId, version: z.int().positive(), offset: z.int().nonnegative(), limit: z.int().positive().max(200), include: z.enum(['undecided', 'all']).default('undecided') }),
  ).returns<DedupeReviewPage>(),
  /** One scored pair, side by side (e.g. two members of a cluster). */
  'dedupe.pair': method(
    z.strictObject({ datasetId, version: z.int().positive(), rowIdL: z.int().positive(), rowIdR: z.int().positive() }),
  ).returns<DedupeReviewItem>(),
  /** Records a reviewer's decision on a pair ('clear' removes it); decisions are kept per dataset and reused by later runs. */
  'dedupe.decide': method(
    z.strictObject({ datasetId, version: z.int().positive(), rowIdL: z.int().positive(), rowIdR: z.int().positive(), decision: z.enum([...PAIR_DECISIONS, 'clear']) }),
  ).returns<{ decidedPairs: number; reviewPairs: number }>(),

  /** Identities in this workspace, their roles (derived from the signed record) and fingerprints. */
  'identity.list': method(none).returns<IdentityInfo[]>(),
  'identity.session': method(none).returns<SessionInfo>(),
  /**
   * Creates an identity (Ed25519 key pair; private key encrypted with the passphrase). The first of
   * a workspace is its admin; later ones get `roles` only when the active identity is an admin.
   * The new identity becomes the active one when `activate`.
   */
  'identity.create': method(
    z.strictObject({ name: identityNameSchema, passphrase: passphraseSchema, roles: z.array(z.enum(ROLES)).max(4).default([]), activate: z.boolean().default(true) }),
  ).returns<IdentityInfo>(),
  /** Switches the acting identity: its passphrase is required (UNAUTHENTICATED otherwise). */
  'identity.unlock': method(z.strictObject({ name: identityNameSchema, passphrase: z.string().min(1).max(1024) })).returns<SessionInfo>(),
  /** Forgets the unlocked key: actions are then attributed to the OS user, unsigned. */
  'identity.lock': method(none).returns<SessionInfo>(),
  /** Grants or revokes a role: signed by the active identity, which must be an admin. */
  'identity.grant': method(z.strictObject({ name: identityNameSchema, role: z.enum(ROLES), reason: reasonSchema })).returns<IdentityInfo>(),
  'identity.revoke': method(z.strictObject({ name: identityNameSchema, role: z.enum(ROLES), reason: reasonSchema })).returns<IdentityInfo>(),

  'settings.get': method(none).returns<WorkspaceSettings>(),
  /** Governed on/off: admin only, signed and audited. */
  'settings.setGoverned': method(z.strictObject({ governed: z.boolean(), reason: reasonSchema })).returns<WorkspaceSettings>(),
  /** Writes the workspace key encrypted with a passphrase (scrypt + AES-256-GCM); admin only, audited. */
  'key.backup': method(z.strictObject({ path, passphrase: passphraseSchema, force: z.boolean().default(false) })).returns<{ path: string; generation: number; fingerprint: string }>(),
  /** A new workspace key generation (the old one is kept for earlier digests); admin only, audited. */
  'key.rotate': method(z.strictObject({ reason: reasonSchema })).returns<WorkspaceSettings>(),
  /** Puts a backed-up key back into this workspace when its key file is missing (never replaces one); admin only, audited. */
  'key.restore': method(z.strictObject({ path, passphrase: z.string().min(1).max(1024) })).returns<{ generation: number; fingerprint: string; restoredTo: string }>(),

  /** The audit log, newest first, filtered. */
  'audit.list': method(
    z.strictObject({ limit: z.int().positive().max(1000).default(100), beforeSeq: z.int().positive().optional(), filter: auditFilterSchema.default({}) }),
  ).returns<AuditEntry[]>(),
  'audit.entry': method(z.strictObject({ seq: z.int().positive() })).returns<AuditEntry>(),
  /** Recomputes every hash, link and signature, checks stored checkpoints and (optionally) one an auditor holds. */
  'audit.verify': method(z.strictObject({ checkpoint: path.optional() })).returns<AuditVerifyResult>(),
  /** Signs the current head (by the active identity, else the workspace's checkpoint key), stores it, and writes it to `path` when given. */
  'audit.checkpoint': method(z.strictObject({ path: path.optional(), force: z.boolean().default(false) })).returns<Checkpoint>(),
  /** GDPR erasure: drops a version's data, ledger, findings and duplicate pairs; the log keeps a tombstone. Admin only. */
  'dataset.purge': method(z.strictObject({ datasetId, version: z.int().positive(), reason: reasonSchema })).returns<{ datasetId: string; version: number; tombstoneSeq: number }>(),

  /** The report model of a run (no file written): what the HTML, PDF and JSON reports render. */
  'report.model': method(z.strictObject({ runId })).returns<ReportModel>(),
  /** Writes a run's report (format from `format`, else the extension); the job's result is a WrittenFile. */
  'report.write': method(
    z.strictObject({ runId, path, format: z.enum(REPORT_FORMATS).optional(), force: z.boolean().default(false) }),
  ).returns<{ jobId: string }>(),
  /**
   * Writes a run's evidence bundle (a folder, or a .zip when `path` ends in .zip), atomically: the
   * reports, policy, approvals, the audit log to a fresh signed head checkpoint, provenance and
   * findings (no raw personal data), optionally the cleaned data, public keys, and the manifest
   * signed by the active identity (countersigned by `countersign`'s identity when given, which must
   * be unlocked with its passphrase). The job's result is a WrittenBundle.
   */
  'bundle.write': method(
    z.strictObject({
      runId,
      path,
      includeData: z.boolean().default(false),
      countersign: z.strictObject({ identity: identityNameSchema, passphrase: z.string().min(1).max(1024) }).optional(),
      force: z.boolean().default(false),
    }),
  ).returns<{ jobId: string }>(),
  /**
   * Verifies a bundle (folder or .zip) without any workspace and without writing into it. With
   * `trust`, every signer must be one of those fingerprints; without, signers are not checked
   * against any list (bundle.open checks them against the user's saved trusted signers).
   */
  'bundle.verify': method(z.strictObject({ path, trust: z.array(fingerprint).max(100).default([]) })).returns<BundleVerifyResult>(),
  /** Auditor mode: verifies a bundle against the user's trusted signers and keeps it open for browsing. */
  'bundle.open': method(z.strictObject({ path })).returns<OpenedBundle>(),
  'bundle.close': method(z.strictObject({ bundleId })).returns<{ closed: boolean }>(),
  /** A text file of an open bundle (report.json, policy.json, an approval, VERIFY.txt, report.html …), at most 20 MB. */
  'bundle.readText': method(z.strictObject({ bundleId, file: bundlePath })).returns<{ file: string; text: string }>(),
  /** A window of an open bundle's provenance ledger, filtered. */
  'bundle.ledger': method(
    z.strictObject({
      bundleId,
      offset: z.int().nonnegative().default(0),
      limit: z.int().positive().max(1000).default(200),
      step: z.string().max(200).optional(),
      column: z.string().max(1000).optional(),
      kind: z.enum(['cell', 'row']).optional(),
    }),
  ).returns<{ total: number; rows: BundleLedgerRow[] }>(),
  /** A window of an open bundle's PII findings (masked previews only), filtered. */
  'bundle.findings': method(
    z.strictObject({
      bundleId,
      offset: z.int().nonnegative().default(0),
      limit: z.int().positive().max(1000).default(200),
      entity: z.enum(ENTITY_TYPES).optional(),
      column: z.string().max(1000).optional(),
    }),
  ).returns<{ total: number; rows: BundleFindingRow[] }>(),
  /** Hashes a file the auditor has (the original input or the cleaned output) and compares it with the bundle's digests. */
  'bundle.checkFile': method(z.strictObject({ bundleId, path })).returns<BundleDigestCheck>(),
  /** The auditor's trusted signer fingerprints (per user, outside any workspace). */
  'trust.list': method(none).returns<TrustedSigner[]>(),
  'trust.add': method(z.strictObject({ fingerprint, label: z.string().max(200).default('') })).returns<TrustedSigner[]>(),
  'trust.remove': method(z.strictObject({ fingerprint })).returns<TrustedSigner[]>(),

  'job.get': method(z.strictObject({ jobId: z.string().min(1) })).returns<JobInfo>(),
  'job.list': method(none).returns<JobInfo[]>(),
  'job.cancel': method(z.strictObject({ jobId: z.string().min(1) })).returns<{ cancelled: boolean }>(),

  'log.list': method(
    z.strictObject({ limit: z.int().positive().max(1000).default(100), beforeSeq: z.int().positive().optional() }),
  ).returns<EventLogEntry[]>(),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

/** What a caller passes (defaults may be omitted). */
export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
/** What a handler receives (defaults filled in, validated). */
export type MethodArgs<K extends MethodName> = z.output<Contract[K]['input']>;
/** The phantom `output` is optional; only its `undefined` is dropped, so a method may return null. */
export type MethodOutput<K extends MethodName> = Exclude<Contract[K]['output'], undefined>;

/** Commands the desktop shell's menus send to the UI (the UI owns the dialogs). */
export const APP_COMMANDS = ['import', 'export', 'open-workspace', 'new-workspace', 'open-bundle', 'find', 'show-log', 'about'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

/** Push events from the engine (or, for app.command, the desktop shell) to every client. */
export interface Events {
  'job.updated': JobInfo;
  'workspace.changed': WorkspaceInfo;
  'datasets.changed': { datasetId: string | null };
  'policies.changed': { policyId: string };
  /** Who acts, their roles or the governed setting changed (unlock, lock, create, grant, revoke, settings). */
  'identity.changed': { identity: string | null };
  'app.command': { command: AppCommand; path?: string };
}
export type EventName = keyof Events;
export const EVENT_NAMES: readonly EventName[] = ['job.updated', 'workspace.changed', 'datasets.changed', 'policies.changed', 'identity.changed', 'app.command'];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
