// The catalogue of datasets, their versions and columns: reads, registration and deletion.
import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../../shared/api/result';
import type {
  ColumnInfo,
  DatasetDetail,
  DatasetSummary,
  ImportWarning,
  LogicalType,
  ResolvedImportOptions,
  SourceFormat,
  VersionSummary,
} from '../../../shared/api/types';
import { num, type Database } from '../db/database';
import { ident, table } from '../db/sql';
import { purgedError } from '../audit/purged';

const iso = (ms: unknown): string => new Date(num(ms)).toISOString();

function toVersion(r: Record<string, unknown>): VersionSummary {
  return {
    version: num(r.version),
    parentVersion: r.parent_version === null ? null : num(r.parent_version),
    rowCount: num(r.row_count),
    columnCount: num(r.column_count),
    createdAt: iso(r.created_ms),
    createdBy: String(r.created_by),
    note: String(r.note),
    runId: r.run_id === null || r.run_id === undefined ? null : String(r.run_id),
    stamp: r.stamp === null || r.stamp === undefined ? null : String(r.stamp),
  };
}

export async function listDatasets(db: Database): Promise<DatasetSummary[]> {
  const ds = await db.all(
    `SELECT dataset_id, name, format, source_path, source_size, source_sha256, epoch_ms(created_at) AS created_ms, created_by
     FROM ${table.dataset} ORDER BY created_at DESC, dataset_id DESC`,
  );
  const versions = await db.all(
    `SELECT v.dataset_id, v.version, v.parent_version, v.row_count, epoch_ms(v.created_at) AS created_ms, v.created_by, v.note, v.run_id, v.stamp,
       (SELECT count(*) FROM ${table.column} c WHERE c.dataset_id = v.dataset_id AND c.version = v.version) AS column_count
     FROM ${table.version} v ORDER BY v.dataset_id, v.version`,
  );
  return ds.map((d) => ({
    id: String(d.dataset_id),
    name: String(d.name),
    format: String(d.format) as SourceFormat,
    sourcePath: String(d.source_path),
    sourceSize: num(d.source_size),
    sourceSha256: String(d.source_sha256),
    createdAt: iso(d.created_ms),
    createdBy: String(d.created_by),
    versions: versions.filter((v) => v.dataset_id === d.dataset_id).map(toVersion),
  }));
}

export async function getDataset(db: Database, datasetId: string, version?: number): Promise<DatasetDetail> {
  const all = await listDatasets(db);
  const dataset = all.find((d) => d.id === datasetId);
  if (!dataset) throw new AppError('NOT_FOUND', `There is no dataset ${datasetId} in this workspace.`);
  const purged = await db.all(`SELECT version, epoch_ms(purged_at) AS at_ms, purged_by FROM ${table.version} WHERE dataset_id = $id AND purged_at IS NOT NULL`, { id: datasetId });
  const isPurged = (n: number) => purged.some((p) => num(p.version) === n);
  // Without a version: the newest one that still has its data (a purged version's catalogue row stays).
  const v = version === undefined ? (dataset.versions.filter((x) => !isPurged(x.version)).at(-1) ?? dataset.versions.at(-1)) : dataset.versions.find((x) => x.version === version);
  if (!v) throw new AppError('NOT_FOUND', `Dataset ${datasetId} has no version ${version}.`);
  const p = purged.find((x) => num(x.version) === v.version);
  if (p) throw await purgedError(db, datasetId, v.version, p.at_ms, p.purged_by);
  const meta = await db.one(`SELECT import_options::VARCHAR AS o, warnings::VARCHAR AS w FROM ${table.dataset} WHERE dataset_id = $id`, {
    id: datasetId,
  });
  return {
    dataset,
    version: v,
    columns: await getColumns(db, datasetId, v.version),
    importOptions: JSON.parse(String(meta?.o)) as ResolvedImportOptions,
    warnings: JSON.parse(String(meta?.w)) as ImportWarning[],
  };
}

export async function getColumns(db: Database, datasetId: string, version: number): Promise<ColumnInfo[]> {
  const rows = await db.all(
    `SELECT col_id, position, header, logical_type, storage_type, null_count, path::VARCHAR AS path
     FROM ${table.column} WHERE dataset_id = $id AND version = $v ORDER BY position`,
    { id: datasetId, v: version },
  );
  return rows.map((r) => ({
    id: String(r.col_id),
    header: String(r.header),
    position: num(r.position),
    logicalType: String(r.logical_type) as LogicalType,
    storageType: String(r.storage_type),
    nullCount: num(r.null_count),
    ...(r.path === null ? {} : { path: JSON.parse(String(r.path)) as string[] }),
  }));
}

/** The physical table of a version, after checking it exists and was not purged. */
export async function versionTable(db: Database, datasetId: string, version: number): Promise<{ table: string; rowCount: number }> {
  const r = await db.one(`SELECT table_name, row_count, epoch_ms(purged_at) AS purged_ms, purged_by FROM ${table.version} WHERE dataset_id = $id AND version = $v`, { id: datasetId, v: version });
  if (!r) throw new AppError('NOT_FOUND', `Dataset ${datasetId} has no version ${version}.`);
  if (r.purged_ms !== null && r.purged_ms !== undefined) throw await purgedError(db, datasetId, version, r.purged_ms, r.purged_by);
  return { table: String(r.table_name), rowCount: num(r.row_count) };
}

export interface NewDataset {
  datasetId: string;
  name: string;
  format: SourceFormat;
  sourcePath: string;
  sourceSize: number;
  sourceSha256: string;
  sourceModifiedAt: Date;
  importOptions: ResolvedImportOptions;
  warnings: ImportWarning[];
  actor: string;
  dataTable: string;
  rowCount: number;
  /** False when the table was written uncompressed and awaits compaction. */
  compacted: boolean;
  columns: ColumnInfo[];
}

export async function nextDatasetId(conn: DuckDBConnection): Promise<string> {
  const r = await conn.runAndReadAll(`SELECT nextval('${table.dataset}_seq') AS n`);
  return `d${num(r.getRowObjects()[0]?.n)}`;
}

/** Registers a dataset and its version 1 (call inside the import's final transaction). */
export async function registerDataset(conn: DuckDBConnection, d: NewDataset): Promise<void> {
  await conn.run(
    `INSERT INTO ${table.dataset} VALUES ($id, $name, $format, $path, $size, $sha, make_timestamptz($mtime::BIGINT * 1000), $opts, $warn, now(), $actor)`,
    {
      id: d.datasetId,
      name: d.name,
      format: d.format,
      path: d.sourcePath,
      size: d.sourceSize,
      sha: d.sourceSha256,
      mtime: Math.round(d.sourceModifiedAt.getTime()),
      opts: JSON.stringify(d.importOptions),
      warn: JSON.stringify(d.warnings),
      actor: d.actor,
    },
  );
  await conn.run(
    `INSERT INTO ${table.version} (dataset_id, version, parent_version, table_name, row_count, created_at, created_by, note, compacted)
     VALUES ($id, 1, NULL, $tbl, $rows, now(), $actor, 'imported', $compacted)`, {
    compacted: d.compacted,
    id: d.datasetId,
    tbl: d.dataTable,
    rows: d.rowCount,
    actor: d.actor,
  });
  await insertColumns(conn, d.datasetId, 1, d.columns);
}

/** Records the columns of a dataset version. */
export async function insertColumns(conn: DuckDBConnection, datasetId: string, version: number, columns: ColumnInfo[]): Promise<void> {
  const appender = await conn.createAppender(table.column);
  for (const c of columns) {
    appender.appendVarchar(datasetId);
    appender.appendInteger(version);
    appender.appendVarchar(c.id);
    appender.appendInteger(c.position);
    appender.appendVarchar(c.header);
    appender.appendVarchar(c.logicalType);
    appender.appendVarchar(c.storageType);
    appender.appendBigInt(BigInt(c.nullCount));
    if (c.path) appender.appendVarchar(JSON.stringify(c.path));
    else appender.appendNull();
    appender.endRow();
  }
  appender.closeSync();
}

export interface NewVersion {
  datasetId: string;
  parentVersion: number;
  dataTable: string;
  rowCount: number;
  actor: string;
  note: string;
  runId: string;
  stamp: string | null;
  compacted: boolean;
  columns: ColumnInfo[];
}

/** Registers a version written by a run (call inside its final transaction); returns its number. */
export async function registerVersion(conn: DuckDBConnection, v: NewVersion): Promise<number> {
  const r = await conn.runAndReadAll(`SELECT coalesce(max(version), 0) + 1 AS v FROM ${table.version} WHERE dataset_id = $id`, { id: v.datasetId });
  const version = num(r.getRowObjects()[0]?.v);
  await conn.run(
    `INSERT INTO ${table.version} (dataset_id, version, parent_version, table_name, row_count, created_at, created_by, note, compacted, run_id, stamp)
     VALUES ($id, $v, $parent, $tbl, $rows, now(), $actor, $note, $compacted, $run, $stamp)`,
    { id: v.datasetId, v: version, parent: v.parentVersion, tbl: v.dataTable, rows: v.rowCount, actor: v.actor, note: v.note, compacted: v.compacted, run: v.runId, stamp: v.stamp },
  );
  await insertColumns(conn, v.datasetId, version, v.columns);
  return version;
}

/** Versions whose tables still await compaction (oldest first). */
export async function uncompactedVersions(db: Database): Promise<{ datasetId: string; version: number }[]> {
  const rows = await db.all(`SELECT dataset_id, version FROM ${table.version} WHERE NOT compacted ORDER BY created_at`);
  return rows.map((r) => ({ datasetId: String(r.dataset_id), version: num(r.version) }));
}

export async function deleteDataset(conn: DuckDBConnection, datasetId: string): Promise<string[]> {
  const r = await conn.runAndReadAll(`SELECT table_name FROM ${table.version} WHERE dataset_id = $id`, { id: datasetId });
  const tables = r.getRowObjects().map((x) => String(x.table_name));
  if (tables.length === 0) throw new AppError('NOT_FOUND', `There is no dataset ${datasetId} in this workspace.`);
  for (const t of tables) await conn.run(`DROP TABLE IF EXISTS ${ident(t)}`);
  await conn.run(`DELETE FROM ${table.profile} WHERE dataset_id = $id`, { id: datasetId });
  for (const t of [table.piiScan, table.piiFinding, table.piiExplanation, table.piiDecision, table.dedupeRun, table.dedupePair, table.dedupeCluster, table.dedupeClusterInfo, table.dedupeDecision]) await conn.run(`DELETE FROM ${t} WHERE dataset_id = $id`, { id: datasetId });
  await conn.run(`DELETE FROM ${table.column} WHERE dataset_id = $id`, { id: datasetId });
  await conn.run(`DELETE FROM ${table.change} WHERE dataset_id = $id`, { id: datasetId });
  await conn.run(`DELETE FROM ${table.version} WHERE dataset_id = $id`, { id: datasetId });
  await conn.run(`DELETE FROM ${table.dataset} WHERE dataset_id = $id`, { id: datasetId });
  return tables;
}
