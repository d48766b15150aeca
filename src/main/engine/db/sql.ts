// SQL building: the one identifier-quoting helper, and literal helpers for the few places
// DuckDB cannot take a bound parameter (struct keys in read_csv's `columns`, DDL).

/** Quotes any string as a DuckDB identifier. */
export function ident(name: string): string {
  if (name.length === 0) throw new Error('an SQL identifier cannot be empty');
  if (name.includes('\u0000')) throw new Error('an SQL identifier cannot contain NUL');
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a qualified name (`schema.table`) part by part. */
export function qualified(...parts: string[]): string {
  return parts.map(ident).join('.');
}

/** A string literal, for DDL and table-function struct keys that cannot be bound. */
export function literal(value: string): string {
  if (value.includes('\u0000')) throw new Error('an SQL string literal cannot contain NUL');
  return `'${value.replaceAll("'", "''")}'`;
}

/** Internal tables carry this prefix, so user data can never collide with them. */
export const INTERNAL_PREFIX = '_ds_';

export const table = {
  meta: `${INTERNAL_PREFIX}meta`,
  dataset: `${INTERNAL_PREFIX}dataset`,
  version: `${INTERNAL_PREFIX}version`,
  column: `${INTERNAL_PREFIX}column`,
  eventLog: `${INTERNAL_PREFIX}event_log`,
  /** The cached column profile of each dataset version. */
  profile: `${INTERNAL_PREFIX}profile`,
  policy: `${INTERNAL_PREFIX}policy`,
  run: `${INTERNAL_PREFIX}run`,
  /** The provenance ledger: one row per changed cell or removed row of a written version. */
  change: `${INTERNAL_PREFIX}change`,
  /** The latest PII scan of each dataset version (its summary as JSON). */
  piiScan: `${INTERNAL_PREFIX}pii_scan`,
  /** One row per PII finding of a version's latest scan: (row, column, span), its explanation by reference. */
  piiFinding: `${INTERNAL_PREFIX}pii_finding`,
  /** Each distinct explanation of a version's findings, once per column; findings name theirs by expl_id. */
  piiExplanation: `${INTERNAL_PREFIX}pii_explanation`,
  /** Review decisions in force on findings and on column classifications. */
  piiDecision: `${INTERNAL_PREFIX}pii_decision`,
  /** The latest duplicate run of each dataset version: its summary and match model (JSON). */
  dedupeRun: `${INTERNAL_PREFIX}dedupe_run`,
  /** A run's scored pairs worth keeping (probability ≥ 0.01, or decided): levels and weights per comparison. */
  dedupePair: `${INTERNAL_PREFIX}dedupe_pair`,
  /** A run's rows in clusters of two or more: (row_id, cluster_id = the cluster's smallest row id). */
  dedupeCluster: `${INTERNAL_PREFIX}dedupe_cluster`,
  /** A run's clusters of two or more: size, weakest link, whether every member matches every other. */
  dedupeClusterInfo: `${INTERNAL_PREFIX}dedupe_cluster_info`,
  /** Review decisions on pairs of rows, per dataset (row ids follow rows through versions). */
  dedupeDecision: `${INTERNAL_PREFIX}dedupe_decision`,
  /** Identities' public keys and passphrase-encrypted private keys (untrusted storage: roles and keys are trusted only as the audit log records them). */
  identityKey: `${INTERNAL_PREFIX}identity_key`,
  /** Policy lifecycle transitions (each also a signed audit entry, by seq); a version's state is its latest one's `to_state`, DRAFT before any. */
  policyTransition: `${INTERNAL_PREFIX}policy_transition`,
  /** Signed head checkpoints of the audit log. */
  checkpoint: `${INTERNAL_PREFIX}checkpoint`,
  /** The data of one dataset version. */
  data: (datasetId: string, version: number) => `${INTERNAL_PREFIX}data_${datasetId}_v${version}`,
  /** The data of a version written by a cleaning run (named by the run, numbered in its transaction). */
  runData: (datasetId: string, runId: string) => `${INTERNAL_PREFIX}data_${datasetId}_${runId}`,
  /** A staging table of a running import: dropped if the import does not finish. */
  stage: (jobId: string) => `${INTERNAL_PREFIX}stage_${jobId}`,
} as const;

/** The in-memory catalog for per-session scratch tables (grid views). */
export const SCRATCH = 'ds_scratch';
