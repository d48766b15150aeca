// A run's files (`sanitizer dedupe --clusters OUT.csv --pairs PAIRS.csv`): every row's cluster and
// every scored pair, written by DuckDB's COPY from the finder's scratch tables into hidden temp
// files beside the destinations, published only once the run is stored (atomic, never clobbering
// without force, never a source file).
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../../shared/api/result';
import type { ColumnInfo } from '../../../shared/api/types';
import { ident, literal } from '../db/sql';
import { runTracked } from '../db/tracked';
import { cleanup, prepareDestination, publish, type Destination } from '../export/destination';
import { IN_ROW_ORDER } from '../export/writer';
import { displayExpr } from '../grid/grid';
import type { JobContext } from '../jobs/jobs';
import type { DedupeOutcome } from './types';

/** Where a run's files go (absolute paths). */
export interface DedupeFiles {
  clusters?: string | undefined;
  pairs?: string | undefined;
  force: boolean;
}

export interface WrittenFile {
  kind: 'clusters' | 'pairs';
  path: string;
  rows: number;
  sha256: string;
}

export interface PendingFiles {
  clusters?: { dest: Destination; rows: number };
  pairs?: { dest: Destination; rows: number };
  /** A note on the record ids (e.g. the id column has repeated or missing values). */
  warnings: string[];
}

/** Claims the destinations before any work, so a bad path fails at once and leaves nothing. */
export function claimFiles(files: DedupeFiles, sources: string[]): { clusters?: Destination; pairs?: Destination } {
  const out: { clusters?: Destination; pairs?: Destination } = {};
  try {
    if (files.clusters) out.clusters = prepareDestination(files.clusters, files.force, sources);
    if (files.pairs) {
      if (files.pairs === files.clusters) throw new AppError('INVALID_ARGUMENT', `The clusters and the pairs cannot both go to ${files.pairs}.`, { file: files.pairs });
      out.pairs = prepareDestination(files.pairs, files.force, sources);
    }
    return out;
  } catch (err) {
    dropFiles(out);
    throw err;
  }
}

export function dropFiles(d: { clusters?: Destination | undefined; pairs?: Destination | undefined }): void {
  if (d.clusters) cleanup(d.clusters);
  if (d.pairs) cleanup(d.pairs);
}

/** The record id of a row of `alias`: the id column's text, or the row id. */
function recordId(alias: string, idColumn: ColumnInfo | undefined): string {
  return idColumn ? `${alias}.${displayExpr(idColumn)}` : `CAST(${alias}.row_id AS VARCHAR)`;
}

async function copy(conn: DuckDBConnection, job: JobContext, select: string, temp: string, onPercent?: (pct: number) => void): Promise<void> {
  await runTracked(conn, job, `COPY (${select}) TO ${literal(temp)} (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', ESCAPE '"', NEW_LINE '\\n', ${IN_ROW_ORDER})`, undefined, onPercent);
}

/**
 * Writes the claimed files into their temp files: `record_id,cluster_id` for every row (a
 * cluster's id is its smallest row's record id; a singleton's its own), and
 * `record_id_l,record_id_r,probability` for every scored pair.
 */
export async function writeFiles(
  conn: DuckDBConnection,
  job: JobContext,
  claimed: { clusters?: Destination; pairs?: Destination },
  t: { data: string; idColumn: ColumnInfo | undefined; rowCount: number; outcome: DedupeOutcome },
): Promise<PendingFiles> {
  const data = ident(t.data);
  const out: PendingFiles = { warnings: [] };
  if (t.idColumn) out.warnings.push(...(await idWarnings(conn, data, t.idColumn)));
  if (claimed.clusters) {
    job.progress({ stage: 'writing the clusters file', done: 0, total: t.rowCount, unit: 'rows' });
    const cluster = t.idColumn
      ? `(SELECT ${recordId('f', t.idColumn)} FROM ${data} f WHERE f.row_id = c.cluster_id)`
      : 'CAST(c.cluster_id AS VARCHAR)';
    await copy(
      conn,
      job,
      `SELECT ${recordId('d', t.idColumn)} AS record_id, coalesce(${cluster}, ${recordId('d', t.idColumn)}) AS cluster_id
       FROM ${data} d LEFT JOIN ${t.outcome.clusters} c ON c.row_id = d.row_id ORDER BY d.row_id`,
      claimed.clusters.temp,
      (pct) => job.progress({ done: Math.round((pct / 100) * t.rowCount) }),
    );
    out.clusters = { dest: claimed.clusters, rows: t.rowCount };
  }
  if (claimed.pairs) {
    const n = Number((await conn.runAndReadAll(`SELECT count(*) AS n FROM ${t.outcome.pairs}`)).getRowObjects()[0]?.n ?? 0);
    job.progress({ stage: 'writing the pairs file', done: 0, total: n, unit: 'rows' });
    const select = t.idColumn
      ? `SELECT ${recordId('l', t.idColumn)} AS record_id_l, ${recordId('r', t.idColumn)} AS record_id_r, p.probability
         FROM ${t.outcome.pairs} p JOIN ${data} l ON l.row_id = p.row_id_l JOIN ${data} r ON r.row_id = p.row_id_r ORDER BY p.row_id_l, p.row_id_r`
      : `SELECT CAST(p.row_id_l AS VARCHAR) AS record_id_l, CAST(p.row_id_r AS VARCHAR) AS record_id_r, p.probability FROM ${t.outcome.pairs} p ORDER BY p.row_id_l, p.row_id_r`;
    await copy(conn, job, select, claimed.pairs.temp, (pct) => job.progress({ done: Math.round((pct / 100) * n) }));
    out.pairs = { dest: claimed.pairs, rows: n };
  }
  return out;
}

/** An id column with missing or repeated values does not identify every row: said, not refused. */
async function idWarnings(conn: DuckDBConnection, data: string, c: ColumnInfo): Promise<string[]> {
  const v = displayExpr(c);
  const r = (await conn.runAndReadAll(`SELECT count(*) - count(${v}) AS missing, count(${v}) - count(DISTINCT ${v}) AS repeated FROM ${data}`)).getRowObjects()[0];
  const missing = Number(r?.missing ?? 0);
  const repeated = Number(r?.repeated ?? 0);
  if (missing === 0 && repeated === 0) return [];
  const parts = [missing > 0 ? `${missing.toLocaleString('en-US')} rows have no value` : '', repeated > 0 ? `${repeated.toLocaleString('en-US')} rows repeat another row's value` : ''].filter(Boolean);
  return [`The id column ${JSON.stringify(c.header)} does not identify every row (${parts.join('; ')}): record ids in the files are ambiguous there.`];
}

async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Moves the written files into place (after the run is stored); returns what was written. */
export async function publishFiles(p: PendingFiles, force: boolean): Promise<WrittenFile[]> {
  const out: WrittenFile[] = [];
  for (const [kind, f] of [['clusters', p.clusters], ['pairs', p.pairs]] as const) {
    if (!f) continue;
    const sha256 = await sha256Of(f.dest.temp);
    publish(f.dest, force);
    out.push({ kind, path: f.dest.path, rows: f.rows, sha256 });
  }
  return out;
}
