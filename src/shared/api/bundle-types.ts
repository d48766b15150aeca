// Evidence bundles: a folder or .zip an auditor can check with standard tools alone. The manifest
// lists every file with its size and SHA-256; it is canonical JSON (RFC 8785) with a detached
// Ed25519 signature by the identity that ran the job (`manifest.sig`, raw 64 bytes, so
// `openssl pkeyutl -verify -rawin` checks it), and an approver's countersignature
// (`manifest.approver.sig`) where the workflow asks for it. SHA256SUMS covers every other file.
import { z } from 'zod';

export const BUNDLE_FORMAT = 1;
export const MANIFEST_FORMAT = 'data-sanitizer/bundle@1';

/** Fixed names inside a bundle (a folder, or the root of a .zip). */
export const BUNDLE_FILES = {
  manifest: 'manifest.json',
  signature: 'manifest.sig',
  countersignature: 'manifest.approver.sig',
  sums: 'SHA256SUMS',
  verify: 'VERIFY.txt',
  reportHtml: 'report.html',
  reportPdf: 'report.pdf',
  reportJson: 'report.json',
  policy: 'policy.json',
  /** approvals/<policyId>-v<version>-<n>.json: the signed approval files. */
  approvalsDir: 'approvals',
  /** The audit log from its first entry up to the head checkpoint (JSON Lines, AuditEntry per line). */
  auditEntries: 'audit/entries.jsonl',
  auditCheckpoint: 'audit/checkpoint.json',
  provenance: 'provenance.parquet',
  findings: 'findings.parquet',
  /** data/<dataset name>.csv when the cleaned data is included. */
  dataDir: 'data',
  /** keys/<fingerprint>.pem: every signer's public key (SPKI PEM). */
  keysDir: 'keys',
} as const;

export const BUNDLE_FILE_KINDS = ['report', 'policy', 'approval', 'audit', 'provenance', 'findings', 'data', 'key', 'readme'] as const;
export type BundleFileKind = (typeof BUNDLE_FILE_KINDS)[number];

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSignerSchema = z.strictObject({
  role: z.enum(['runner', 'approver']),
  name: z.string(),
  fingerprint: sha256,
  /** The bundle path of the public key (keys/<fingerprint>.pem). */
  publicKey: z.string(),
  /** The bundle path of the detached signature over manifest.json. */
  signature: z.string(),
});

export const manifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  bundleFormat: z.literal(BUNDLE_FORMAT),
  createdAt: z.string(),
  engineVersion: z.string(),
  workspaceId: z.string(),
  runId: z.string(),
  runKind: z.enum(['compliance', 'unapproved', 'preview']),
  datasetName: z.string(),
  /** Every file but manifest.json, its signatures and SHA256SUMS, sorted by path. */
  files: z.array(z.strictObject({ path: z.string(), kind: z.enum(BUNDLE_FILE_KINDS), size: z.int().nonnegative(), sha256 })),
  /** Who signs the manifest: the runner always; an approver when the workflow asks for a countersignature. */
  signers: z.array(manifestSignerSchema).min(1),
  /** Seqs of the audit entries that belong to this run (within audit/entries.jsonl). */
  runEntries: z.array(z.int().positive()),
});

export type BundleManifest = z.infer<typeof manifestSchema>;
export type ManifestSigner = z.infer<typeof manifestSignerSchema>;

/** One thing a verification found wrong, in words, naming the file (and entry) it concerns. */
export interface BundleProblem {
  /** The bundle path concerned (e.g. `provenance.parquet`, `manifest.sig`, `audit/entries.jsonl`). */
  file: string;
  kind: 'missing' | 'unexpected' | 'size' | 'digest' | 'signature' | 'untrusted' | 'manifest' | 'sums' | 'audit' | 'unreadable';
  message: string;
  expected?: string;
  actual?: string;
  /** The audit entry concerned, for kind 'audit'. */
  seq?: number;
}

export interface BundleSignerStatus {
  role: 'runner' | 'approver';
  name: string;
  fingerprint: string;
  /** The signature over manifest.json checks out with the bundled public key. */
  valid: boolean;
  /** In the auditor's trusted list (or given by --trust); null when no list was given. */
  trusted: boolean | null;
}

export interface BundleVerifyResult {
  /** Every signature, digest and the audit chain check out (and, with a trust list, every signer is trusted). */
  ok: boolean;
  /** The bundle as given: a folder or a .zip. */
  path: string;
  container: 'folder' | 'zip';
  manifest: BundleManifest | null;
  signers: BundleSignerStatus[];
  /** Files checked against the manifest. */
  filesChecked: number;
  audit: { entries: number; head: { seq: number; hash: string } | null; ok: boolean } | null;
  problems: BundleProblem[];
  verifiedAt: string;
}

/** A file of the bundle the auditor may browse, as the app lists it. */
export interface BundleFileInfo {
  path: string;
  kind: BundleFileKind;
  size: number;
  sha256: string;
}

/** What auditor mode shows after opening a bundle: the verdict first, then what there is to browse. */
export interface OpenedBundle {
  bundleId: string;
  verification: BundleVerifyResult;
  files: BundleFileInfo[];
}

/** The result of checking an input or output file the auditor has against the bundle's digest. */
export interface BundleDigestCheck {
  path: string;
  sha256: string;
  /** Which of the bundle's recorded digests it matches, if any. */
  matches: 'input' | 'output' | null;
  expected: { input: string[]; output: string | null };
}

/** The auditor's trusted signers (kept per user, outside any workspace). */
export interface TrustedSigner {
  fingerprint: string;
  label: string;
  addedAt: string;
}

/** The columns of the bundle's Parquet files, in order (auditor mode reads them by these names). */
export const BUNDLE_COLUMNS = {
  /** One row per changed cell or removed row; de-identified cells carry no `before`, only its keyed digest and masked preview. */
  provenance: ['row_id', 'kind', 'column', 'before', 'after', 'step_id', 'step', 'confidence', 'before_digest', 'before_preview'],
  /** One row per PII finding of the run's input version: never the found text or the cell, only a masked preview. */
  findings: ['row_id', 'column', 'entity', 'start', 'end', 'confidence', 'recogniser', 'preview', 'decision'],
} as const;

/** The result of a 'bundle' job. */
export interface WrittenBundle {
  path: string;
  container: 'folder' | 'zip';
  runId: string;
  /** SHA-256 of manifest.json (what the signatures cover). */
  manifestSha256: string;
  /** Files in the bundle, manifest, signatures and SHA256SUMS included. */
  files: number;
  bytes: number;
  signers: { role: 'runner' | 'approver'; name: string; fingerprint: string }[];
  /** The signed head checkpoint the audit slice ends at. */
  checkpoint: { seq: number; hash: string };
}
