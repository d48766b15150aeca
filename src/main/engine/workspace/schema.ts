// The workspace's format: its version number and the migrations that bring older ones forward.
import type { DuckDBConnection } from '@duckdb/node-api';
import { table } from '../db/sql';

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
  // 4 → 5: PII scans (the latest per version, its summary), their findings — spans only: the found
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
];

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
