// The compliance report model: one JSON document per run, from which the HTML, PDF and JSON
// reports are rendered. A zod schema, so the published JSON Schema (docs/report.schema.json,
// `npm run report-schema`) and the renderers' types come from one place. Nothing in it is raw
// personal data: values of cells a de-identification step touched appear masked only.
import { z } from 'zod';

export const REPORT_FORMAT = 1;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');
const isoTime = z.string().min(1);
const count = z.int().nonnegative();

/** How the first page names the run: never ambiguous. */
export const RUN_KIND_TITLES = {
  compliance: 'Compliance run — ACTIVE approved policy',
  unapproved: 'Unapproved run — the policy was not approved',
  preview: 'Preview — nothing was written',
} as const;

export const reportRunSchema = z.strictObject({
  runId: z.string(),
  kind: z.enum(['compliance', 'unapproved', 'preview']),
  /** RUN_KIND_TITLES[kind]. */
  title: z.string(),
  stamp: z.enum(['APPROVED', 'UNAPPROVED']).nullable(),
  startedAt: isoTime,
  seconds: z.number().nonnegative(),
  /** Who ran it: an identity's name, or the operating-system user when none was unlocked. */
  actor: z.string(),
  /** The acting identity's key fingerprint when the run was signed. */
  actorFingerprint: sha256.nullable(),
  datasetId: z.string(),
  datasetName: z.string(),
  inputVersion: z.int().positive(),
  outputVersion: z.int().positive().nullable(),
  rowsIn: count,
  rowsOut: count,
  cellsChanged: count,
  rowsRemoved: count,
});

export const reportInputSchema = z.strictObject({
  fileName: z.string(),
  sizeBytes: count.nullable(),
  sha256: sha256.nullable(),
  format: z.string(),
  rows: count,
  columns: count,
  /** The import settings as resolved (delimiter, quote, header, encoding, sheet, ragged …). */
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  importedAt: isoTime.nullable(),
});

export const reportApprovalSchema = z.strictObject({
  by: z.string(),
  role: z.string().nullable(),
  at: isoTime,
  reason: z.string(),
  keyFingerprint: sha256,
});

export const reportPolicySchema = z.strictObject({
  name: z.string(),
  policyId: z.string().nullable(),
  version: z.int().positive(),
  sha256,
  /** Lifecycle state at report time (DRAFT, REVIEW, ACTIVE, RETIRED), or null for an inline policy. */
  state: z.string().nullable(),
  author: z.string().nullable(),
  /** The full policy document as run (steps with every parameter). */
  document: z.unknown(),
  approvals: z.array(reportApprovalSchema),
});

export const reportStepSchema = z.strictObject({
  stepId: z.string(),
  type: z.string(),
  label: z.string(),
  enabled: z.boolean(),
  columns: z.array(z.string()),
  cellsChanged: count,
  rowsRemoved: count,
  failures: count,
  notes: z.array(z.string()),
  /** Cells this step changed, per column header (the chart per column). */
  perColumn: z.array(z.strictObject({ column: z.string(), cellsChanged: count })),
});

export const histogramBinSchema = z.strictObject({ from: z.number(), to: z.number(), count });

export const reportPiiSchema = z.strictObject({
  /** Whether the input version was scanned; false means nothing below was measured. */
  scanned: z.boolean(),
  scannedAt: isoTime.nullable(),
  decisionsSha256: sha256.nullable(),
  findings: count,
  byEntity: z.array(
    z.strictObject({
      entity: z.string(),
      findings: count,
      columns: z.array(z.strictObject({ column: z.string(), findings: count, accepted: count, rejected: count })),
      /** Confidence distribution: 10 bins of 0.1. */
      confidence: z.array(histogramBinSchema),
      /** The operator the run applied to this entity (redact, mask, hash, pseudonymise, generalise …), or null when none did. */
      operator: z.string().nullable(),
    }),
  ),
  caveat: z.string(),
});

export const reportDedupeSchema = z.strictObject({
  /** Where the figures come from: a dedupe step of this run, or the latest search on the input version. */
  source: z.enum(['run-step', 'latest-search']),
  pairsScored: count,
  clusters: count,
  rowsInClusters: count,
  rowsRemoved: count,
  cellsFilled: count,
  clusterSizes: z.array(z.strictObject({ size: z.int().positive(), clusters: count })),
  /** Scored pairs by match probability (20 bins of 0.05). */
  probabilities: z.array(histogramBinSchema),
  decisionsSha256: sha256.nullable(),
  modelSha256: sha256.nullable(),
});

export const riskMeasureSchema = z.strictObject({
  version: z.int().positive(),
  rows: count,
  classes: count,
  k: count,
  recordsBelowK: count,
  uniqueRecords: count,
});

export const reportRiskSchema = z.strictObject({
  quasiIdentifiers: z.array(z.string()),
  targetK: z.int().positive(),
  before: riskMeasureSchema,
  after: riskMeasureSchema.nullable(),
  notes: z.array(z.string()),
});

export const reportDiffSchema = z.strictObject({
  rowId: z.int().positive(),
  column: z.string().nullable(),
  kind: z.enum(['cell', 'row']),
  /** Masked when the cell held personal data (a de-identification step touched it); never raw. */
  before: z.string().nullable(),
  after: z.string().nullable(),
  step: z.string(),
  confidence: z.number(),
  masked: z.boolean(),
});

export const HIPAA_STATUSES = ['handled', 'not-detected', 'not-handled'] as const;

export const reportHipaaSchema = z.strictObject({
  /** 'A' … 'R', as 45 CFR 164.514(b)(2)(i) lists them. */
  code: z.string().regex(/^[A-R]$/),
  category: z.string(),
  status: z.enum(HIPAA_STATUSES),
  /** In words: which columns and steps, or why it is not handled. */
  evidence: z.string(),
});

export const reportGdprFieldSchema = z.strictObject({
  field: z.string(),
  value: z.string().nullable(),
  /** 'workspace' when the app knows it; 'controller' marks a field the controller must fill in. */
  source: z.enum(['workspace', 'controller']),
});

export const reportReproSchema = z.strictObject({
  engineVersion: z.string(),
  policySha256: sha256,
  keyFingerprint: z.string().nullable(),
  keyGeneration: z.int().nonnegative().nullable(),
  piiDecisionsSha256: sha256.nullable(),
  dedupeDecisionsSha256: sha256.nullable(),
  inputSha256: z.array(sha256),
  /** SHA-256 of the output version as canonical CSV (UTF-8, comma, RFC 4180 quoting, header, row_id order). */
  outputSha256: sha256.nullable(),
  /** The exact CLI command that reproduces the run. */
  command: z.string(),
});

export const reportModelSchema = z.strictObject({
  reportFormat: z.literal(REPORT_FORMAT),
  generatedAt: isoTime,
  generatedBy: z.string(),
  workspaceId: z.string(),
  run: reportRunSchema,
  inputs: z.array(reportInputSchema),
  policy: reportPolicySchema,
  steps: z.array(reportStepSchema),
  /** Cells changed per column over the whole run. */
  columns: z.array(z.strictObject({ column: z.string(), cellsChanged: count })),
  pii: reportPiiSchema,
  dedupe: reportDedupeSchema.nullable(),
  valuesImputed: count,
  outliersHandled: count,
  rowsDropped: count,
  risk: reportRiskSchema.nullable(),
  /** A sample of cell-level diffs in row order (at most 50), personal data masked. */
  sampleDiffs: z.array(reportDiffSchema),
  hipaa: z.array(reportHipaaSchema).length(18),
  gdpr: z.array(reportGdprFieldSchema),
  reproducibility: reportReproSchema,
});

export type ReportModel = z.infer<typeof reportModelSchema>;
export type ReportStep = z.infer<typeof reportStepSchema>;
export type ReportHipaa = z.infer<typeof reportHipaaSchema>;
export type ReportDiff = z.infer<typeof reportDiffSchema>;

export const REPORT_FORMATS = ['html', 'pdf', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What report.write's job returns: the file written, its format, size and SHA-256. */
export interface WrittenFile {
  path: string;
  format: ReportFormat;
  bytes: number;
  sha256: string;
}
