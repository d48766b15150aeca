// The workspace's format: its version number and the migrations that bring older ones forward.
import type { DuckDBConnection } from '@duckdb/node-api';
import { randomUUID } from 'node:crypto';
import { entryHash, GENESIS_HASH, payloadDigest } from '../audit/chain';
import { table } from '../db/sql';
import { normaliseDetails } from './event-log';

export type Migration = (conn: DuckDBConnection) => Promise<void>;

/**
 * migrations[n] brings a workspace from format n to n + 1. A new workspace is format 0 (empty)
 * and runs them all. Never edit a released migration: append a new one.
 */
export const MIGRATIONS: readonly Migration[] = [
  // 0 → 1: the catalogue, columns with internal ids, and the append-only event log.
  async (c) => {
    await c.run(`CREATE TABLE ${table.meta} (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`);
    await c.run(`CREATE SEQUENCE ${table.dataset}_seq START 1`);
    await c.run(`CREATE TABLE ${table.dataset} (
      dataset_id VARCHAR PRIMARY KEY,
      name VARCHAR NOT NULL,
      format VARCHAR NOT NULL,
      source_path VARCHAR NOT NULL,
      source_size BIGINT NOT NULL,
      source_sha256 VARCHAR NOT NULL,
      source_modified_at TIMESTAMPTZ,
      import_options JSON NOT NULL,
      warnings JSON NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      created_by VARCHAR NOT NULL)`);
    await c.run(`CREATE TABLE ${table.version} (
      dataset_id VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      parent_version INTEGER,
      table_name VARCHAR NOT NULL,
      row_count BIGINT NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      created_by VARCHAR NOT NULL,
      note VARCHAR NOT NULL,
      PRIMARY KEY (dataset_id, version))`);
    await c.run(`CREATE TABLE ${table.column} (
      dataset_id VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      col_id VARCHAR NOT NULL,
      position INTEGER NOT NULL,
      header VARCHAR NOT NULL,
      logical_type VARCHAR NOT NULL,
      storage_type VARCHAR NOT NULL,
      null_count BIGINT NOT NULL,
      path JSON,
      PRIMARY KEY (dataset_id, version, col_id))`);
    // Governance later adds prev_hash / hash / payload digest columns: meaning stays, fields add.
    await c.run(`CREATE TABLE ${table.eventLog} (
      seq BIGINT PRIMARY KEY,
      "at" TIMESTAMPTZ NOT NULL,
      actor VARCHAR NOT NULL,
      action VARCHAR NOT NULL,
      subject JSON NOT NULL,
      details JSON NOT NULL)`);
  },
  // 1 → 2: whether a version's table is stored compressed. CSV imports load uncompressed for
  // speed and a background job compacts them; a job cut short by closing the app is resumed at
  // the next open. Tables of format 1 were all written compressed.
  async (c) => {
    await c.run(`ALTER TABLE ${table.version} ADD COLUMN compacted BOOLEAN DEFAULT true`);
  },
  // 2 → 3: the cached column profile of a dataset version (recomputed on request, never edited).
  async (c) => {
    await c.run(`CREATE TABLE ${table.profile} (
      dataset_id VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      computed_at TIMESTAMPTZ NOT NULL,
      profile JSON NOT NULL,
      PRIMARY KEY (dataset_id, version))`);
  },
  // 3 → 4: policies (each saved version a row), cleaning runs, and the provenance ledger; a
  // version written by a run names it and carries its stamp (UNAPPROVED until governance).
  async (c) => {
    await c.run(`CREATE SEQUENCE ${table.policy}_seq START 1`);
    await c.run(`CREATE TABLE ${table.policy} (
      policy_id VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      name VARCHAR NOT NULL,
      doc JSON NOT NULL,
      sha256 VARCHAR NOT NULL,
      saved_at TIMESTAMPTZ NOT NULL,
      saved_by VARCHAR NOT NULL,
      PRIMARY KEY (policy_id, version))`);
    await c.run(`CREATE SEQUENCE ${table.run}_seq START 1`);
    // approvals: the governance issue fills it for compliance runs; meaning stays, fields add.
    await c.run(`CREATE TABLE ${table.run} (
      run_id VARCHAR PRIMARY KEY,
      kind VARCHAR NOT NULL,
      dataset_id VARCHAR NOT NULL,
      input_version INTEGER NOT NULL,
      output_version INTEGER,
      policy_id VARCHAR,
      policy_version INTEGER,
      policy_sha256 VARCHAR NOT NULL,
      policy JSON NOT NULL,
      approvals JSON NOT NULL,
      stamp VARCHAR,
      started_at TIMESTAMPTZ NOT NULL,
      finished_at TIMESTAMPTZ NOT NULL,
      actor VARCHAR NOT NULL,
      result JSON NOT NULL)`);
    await c.run(`CREATE TABLE ${table.change} (
      dataset_id VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      row_id BIGINT NOT NULL,
      step_index INTEGER NOT NULL,
      kind VARCHAR NOT NULL,
      col_id VARCHAR,
      "before" VARCHAR,
      "after" VARCHAR,
      step_id VARCHAR NOT NULL,
      step_type VARCHAR NOT NULL,
      confidence DOUBLE NOT NULL)`);
    await c.run(`ALTER TABLE ${table.version} ADD COLUMN run_id VARCHAR`);
    await c.run(`ALTER TABLE ${table.version} ADD COLUMN stamp VARCHAR`);
  },
  // 4 → 5: the ledger never duplicates personal data. A de-identification step's entry (and the
  // entries of earlier steps on a cell it de-identified) keeps "before" NULL and, instead, a keyed
  // digest (HMAC-SHA-256 under the workspace key) and a masked preview of it.
  async (c) => {
    await c.run(`ALTER TABLE ${table.change} ADD COLUMN before_digest VARCHAR`);
    await c.run(`ALTER TABLE ${table.change} ADD COLUMN before_preview VARCHAR`);
  },
  // 5 → 6: PII scans (the latest per version, its summary), their findings — spans only: the found
  // text is read from the version's own cells, never copied — and review decisions. A decision on
  // a finding names its (row, column, entity, span), so it survives a re-scan that renumbers ids.
  async (c) => {
    await c.run(`CREATE TABLE ${table.piiScan} (
      dataset_id VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      scanned_at TIMESTAMPTZ NOT NULL,
      scanned_by VARCHAR NOT NULL,
      summary JSON NOT NULL,
      PRIMARY KEY (dataset_id, version))`);
    await c.run(`CREATE TABLE ${table.piiFinding} (
      dataset_id VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      finding_id BIGINT NOT NULL,
      row_id BIGINT NOT NULL,
      col_id VARCHAR NOT NULL,
      entity VARCHAR NOT NULL,
      "start" INTEGER NOT NULL,
      "end" INTEGER NOT NULL,
      confidence DOUBLE NOT NULL,
      recogniser VARCHAR NOT NULL,
      explanation JSON NOT NULL,
      preview VARCHAR NOT NULL)`);
    await c.run(`CREATE TABLE ${table.piiDecision} (
      dataset_id VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      kind VARCHAR NOT NULL,
      col_id VARCHAR NOT NULL,
      entity VARCHAR NOT NULL,
      row_id BIGINT,
      "start" INTEGER,
      "end" INTEGER,
      decision VARCHAR NOT NULL,
      decided_at TIMESTAMPTZ NOT NULL,
      decided_by VARCHAR NOT NULL)`);
  },
  // 6 → 7: each distinct explanation stored once per column instead of on every finding (on 1M
  // rows: 6.8M copies of ~215k distinct texts), and no stored preview: it is the found text masked,
  // computed when findings are read. Finding ids are (row × P + position) × K + n with P and K now
  // kept with the scan (finding_p, finding_k), so a scan of some columns can replace theirs and
  // renumber the others' by arithmetic. Existing findings are carried over with their ids (P and K
  // recovered from them), not dropped; decisions never named ids and stay as they are.
  migrateExplanations,
  // 7 → 8: duplicate detection — the latest run per version (summary and model), its scored pairs
  // worth keeping (probability ≥ 0.01 or decided: a million-row run scores millions of hopeless
  // pairs that nobody reads), its clusters of two or more, and review decisions on pairs, kept per
  // dataset (row ids follow rows through versions) with the version they were made on.
  async (c) => {
    await c.run(`CREATE TABLE ${table.dedupeRun} (
      dataset_id VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      ran_at TIMESTAMPTZ NOT NULL,
      ran_by VARCHAR NOT NULL,
      summary JSON NOT NULL,
      model JSON NOT NULL,
      PRIMARY KEY (dataset_id, version))`);
    await c.run(`CREATE TABLE ${table.dedupePair} (
      dataset_id VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      row_id_l BIGINT NOT NULL,
      row_id_r BIGINT NOT NULL,
      probability DOUBLE NOT NULL,
      weight DOUBLE NOT NULL,
      levels UTINYINT[] NOT NULL,
      weights FLOAT[] NOT NULL)`);
    await c.run(`CREATE TABLE ${table.dedupeCluster} (
      dataset_id VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      row_id BIGINT NOT NULL,
      cluster_id BIGINT NOT NULL)`);
    await c.run(`CREATE TABLE ${table.dedupeClusterInfo} (
      dataset_id VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      cluster_id BIGINT NOT NULL,
      size BIGINT NOT NULL,
      min_probability DOUBLE NOT NULL,
      fully_linked BOOLEAN NOT NULL)`);
    await c.run(`CREATE TABLE ${table.dedupeDecision} (
      dataset_id VARCHAR NOT NULL,
      row_id_l BIGINT NOT NULL,
      row_id_r BIGINT NOT NULL,
      decision VARCHAR NOT NULL,
      decided_at TIMESTAMPTZ NOT NULL,
      decided_by VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      PRIMARY KEY (dataset_id, row_id_l, row_id_r),
      CHECK (row_id_l < row_id_r),
      CHECK (decision IN ('match', 'non_match')))`);
  },
  // 8 → 9: governance. The event log becomes the audit log: each entry gets the digest of its
  // payload, the previous entry's hash, its own hash and (for governance actions) the signer's
  // fingerprint and signature; entries written before are chained now, in order, unsigned.
  // Policies get revisions (a DRAFT version is edited in place, revision by revision; ACTIVE and
  // RETIRED versions never change), lifecycle transitions, identities' encrypted keys, signed
  // checkpoints; runs record the workspace key generation they used; purged versions are marked.
  migrateGovernance,
];

async function migrateGovernance(c: DuckDBConnection): Promise<void> {
  const log = table.eventLog;
  for (const col of ['payload_digest', 'prev_hash', 'hash', 'signer', 'signature']) await c.run(`ALTER TABLE ${log} ADD COLUMN ${col} VARCHAR`);
  const r = await c.runAndReadAll(`SELECT seq, epoch_ms("at") AS at_ms, actor, action, subject::VARCHAR AS subject, details::VARCHAR AS details FROM ${log} ORDER BY seq`);
  let prev = GENESIS_HASH;
  const rows: { seq: number; at: string; digest: string; prev: string; hash: string; details: string }[] = [];
  for (const row of r.getRowObjects()) {
    const seq = Number(row.seq);
    const at = new Date(Number(row.at_ms)).toISOString();
    const details = normaliseDetails(JSON.parse(String(row.details)) as Record<string, unknown>);
    const digest = payloadDigest(details);
    const hash = entryHash({ seq, at, actor: String(row.actor), action: String(row.action), subject: JSON.parse(String(row.subject)) as Record<string, string>, payloadDigest: digest, prevHash: prev, signer: null });
    rows.push({ seq, at, digest, prev, hash, details: JSON.stringify(details) });
    prev = hash;
  }
  if (rows.length > 0) {
    await c.run(`CREATE TEMP TABLE chain_fix (seq BIGINT, at_iso VARCHAR, digest VARCHAR, prev VARCHAR, hash VARCHAR, details VARCHAR)`);
    const app = await c.createAppender('chain_fix', 'main', 'temp');
    for (const x of rows) {
      app.appendBigInt(BigInt(x.seq));
      app.appendVarchar(x.at);
      app.appendVarchar(x.digest);
      app.appendVarchar(x.prev);
      app.appendVarchar(x.hash);
      app.appendVarchar(x.details);
      app.endRow();
    }
    app.closeSync();
    // "at" is rewritten to its millisecond value (what the hash covers); details to the JSON digested.
    await c.run(`UPDATE ${log} l SET "at" = f.at_iso::TIMESTAMPTZ, details = f.details::JSON, payload_digest = f.digest, prev_hash = f.prev, hash = f.hash FROM chain_fix f WHERE l.seq = f.seq`);
    await c.run('DROP TABLE chain_fix');
  }

  const p = table.policy;
  await c.run(`CREATE TEMP TABLE old_policy AS SELECT * FROM ${p}`);
  await c.run(`DROP TABLE ${p}`);
  await c.run(`CREATE TABLE ${p} (
    policy_id VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    doc JSON NOT NULL,
    sha256 VARCHAR NOT NULL,
    saved_at TIMESTAMPTZ NOT NULL,
    saved_by VARCHAR NOT NULL,
    saved_by_key VARCHAR,
    PRIMARY KEY (policy_id, version, revision))`);
  await c.run(`INSERT INTO ${p} SELECT policy_id, version, 1, name, doc, sha256, saved_at, saved_by, NULL FROM old_policy`);
  await c.run('DROP TABLE old_policy');
  await c.run(`CREATE TABLE ${table.policyTransition} (
    policy_id VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    seq BIGINT NOT NULL,
    action VARCHAR NOT NULL,
    from_state VARCHAR NOT NULL,
    to_state VARCHAR NOT NULL,
    actor VARCHAR NOT NULL,
    fingerprint VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,
    preview JSON,
    approval JSON,
    PRIMARY KEY (policy_id, version, seq))`);
  await c.run(`CREATE TABLE ${table.identityKey} (
    identity_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    public_key VARCHAR NOT NULL,
    fingerprint VARCHAR NOT NULL,
    encrypted JSON NOT NULL,
    created_at TIMESTAMPTZ NOT NULL)`);
  await c.run(`CREATE TABLE ${table.checkpoint} (
    seq BIGINT NOT NULL,
    hash VARCHAR NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,
    signer_name VARCHAR,
    fingerprint VARCHAR NOT NULL,
    public_key VARCHAR NOT NULL,
    signature VARCHAR NOT NULL)`);
  await c.run(`ALTER TABLE ${table.run} ADD COLUMN key_generation INTEGER`);
  await c.run(`ALTER TABLE ${table.run} ADD COLUMN key_fingerprint VARCHAR`);
  await c.run(`ALTER TABLE ${table.version} ADD COLUMN purged_at TIMESTAMPTZ`);
  await c.run(`ALTER TABLE ${table.version} ADD COLUMN purged_by VARCHAR`);
  await c.run(`INSERT OR REPLACE INTO ${table.meta} VALUES ('workspace_id', $id)`, { id: randomUUID() });
  await c.run(`INSERT OR REPLACE INTO ${table.meta} VALUES ('key_generation', '1')`);
}

async function migrateExplanations(c: DuckDBConnection): Promise<void> {
  const f = table.piiFinding;
  const x = table.piiExplanation;
  await c.run(`CREATE TABLE ${x} (
    dataset_id VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    col_id VARCHAR NOT NULL,
    expl_id BIGINT NOT NULL,
    explanation JSON NOT NULL)`);
  await c.run(`INSERT INTO ${x} SELECT dataset_id, version, col_id, row_number() OVER (PARTITION BY dataset_id, version, col_id), e::JSON
    FROM (SELECT DISTINCT dataset_id, version, col_id, explanation::VARCHAR AS e FROM ${f})`);
  // Format 6 numbered with P = the highest scanned column's position + 1 (the summary's columns)
  // and K = the most findings in one value; K is the least (id − 1) // (row × P + position), which
  // the first finding of each cell reaches.
  await c.run(`ALTER TABLE ${table.piiScan} ADD COLUMN finding_p INTEGER`);
  await c.run(`ALTER TABLE ${table.piiScan} ADD COLUMN finding_k INTEGER`);
  await c.run(`UPDATE ${table.piiScan} s SET finding_p = coalesce((SELECT max(col.position) + 1 FROM ${table.column} col
    WHERE col.dataset_id = s.dataset_id AND col.version = s.version AND list_contains(json_extract_string(s.summary, '$.columns[*].columnId'), col.col_id)), 1)`);
  await c.run(`UPDATE ${table.piiScan} s SET finding_k = coalesce((SELECT min((f.finding_id - 1) // (f.row_id * s.finding_p + col.position)) FROM ${f} f
    JOIN ${table.column} col ON col.dataset_id = f.dataset_id AND col.version = f.version AND col.col_id = f.col_id
    WHERE f.dataset_id = s.dataset_id AND f.version = s.version), 1)`);
  await c.run(`CREATE TEMP TABLE old_finding AS SELECT f.dataset_id, f.version, f.finding_id, f.row_id, f.col_id, f.entity, f."start", f."end", f.confidence, f.recogniser, x.expl_id
    FROM ${f} f JOIN ${x} x ON x.dataset_id = f.dataset_id AND x.version = f.version AND x.col_id = f.col_id AND x.explanation::VARCHAR = f.explanation::VARCHAR`);
  await c.run(`DROP TABLE ${f}`);
  await c.run(`CREATE TABLE ${f} (
    dataset_id VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    finding_id BIGINT NOT NULL,
    row_id BIGINT NOT NULL,
    col_id VARCHAR NOT NULL,
    entity VARCHAR NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    confidence DOUBLE NOT NULL,
    recogniser VARCHAR NOT NULL,
    expl_id BIGINT NOT NULL)`);
  await c.run(`INSERT INTO ${f} SELECT * FROM old_finding`);
  await c.run('DROP TABLE old_finding');
}

export const CURRENT_FORMAT = MIGRATIONS.length;

/** Reads the format version; 0 for a database with no catalogue yet. */
export async function readFormatVersion(c: DuckDBConnection): Promise<number> {
  const exists = await c.runAndReadAll(
    `SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = '${table.meta}'`,
  );
  if (Number(exists.getRowObjects()[0]?.n ?? 0) === 0) return 0;
  const r = await c.runAndReadAll(`SELECT value FROM ${table.meta} WHERE key = 'format_version'`);
  const v = r.getRowObjects()[0]?.value;
  return v === undefined ? 0 : Number(v);
}

/** Runs every migration from `from` up to the end of `migrations`, each in its own transaction. */
export async function migrate(c: DuckDBConnection, from: number, migrations: readonly Migration[]): Promise<number> {
  for (let v = from; v < migrations.length; v++) {
    const step = migrations[v];
    if (!step) throw new Error(`missing migration ${v} → ${v + 1}`);
    await c.run('BEGIN TRANSACTION');
    try {
      await step(c);
      await c.run(
        `INSERT OR REPLACE INTO ${table.meta} VALUES ('format_version', $v)`,
        { v: String(v + 1) },
      );
      await c.run('COMMIT');
    } catch (err) {
      await c.run('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }
  return migrations.length;
}
