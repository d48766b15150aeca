// The deterministic sample — rows whose row_id is a multiple of k — copied into the in-memory
// scratch catalogue, its value frequencies per column, and the type decision made from them.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LogicalType } from '../../../shared/api/types';
import type { Params, Row } from '../db/database';
import { num } from '../db/database';
import { SCRATCH, ident, qualified } from '../db/sql';
import { runTracked } from '../db/tracked';
import { DECISIONS, kindSql } from '../import/column-stats';
import type { JobContext } from '../jobs/jobs';
import { textSql, type ColumnPlan } from './plan';

/** Rows in the sample; a table with at most this many is profiled whole, every figure exact. */
export const SAMPLE_ROWS = 10_000;

/** k: the sample takes rows whose row_id is a multiple of k. */
export const sampleEvery = (rowCount: number): number => Math.max(1, Math.ceil(rowCount / SAMPLE_ROWS));

/** Scratch tables of one profile run (in-memory, dropped when it ends). */
export interface Scratch {
  sample: string;
  freq: string;
}

export function scratchFor(jobId: string): Scratch {
  const base = `profile_${jobId}_${Date.now()}`;
  return { sample: qualified(SCRATCH, 'main', `${base}_sample`), freq: qualified(SCRATCH, 'main', `${base}_freq`) };
}

export async function dropScratch(conn: DuckDBConnection, s: Scratch): Promise<void> {
  for (const t of [s.sample, s.freq]) await conn.run(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
}

/** Runs one cancellable statement and returns its rows. */
export async function rows(conn: DuckDBConnection, job: JobContext, sql: string, params?: Params): Promise<Row[]> {
  const result = await runTracked(conn, job, sql, params);
  return (await result.getRowObjects()) as Row[];
}

/**
 * Copies the sample, then counts each column's values in it: `freq(col, v, n)` holds every
 * distinct non-null value (as text) of column `col` (the plan index) and its count.
 */
export async function buildSample(conn: DuckDBConnection, job: JobContext, data: string, every: number, plans: ColumnPlan[], s: Scratch): Promise<number> {
  const where = every > 1 ? 'WHERE row_id % $k = 0' : '';
  await runTracked(conn, job, `CREATE TABLE ${s.sample} AS SELECT * FROM ${ident(data)} ${where}`, every > 1 ? { k: every } : undefined);
  await conn.run(`CREATE TABLE ${s.freq} (col INTEGER, v VARCHAR, n BIGINT)`);
  if (plans.length > 0) {
    const parts = plans.map((p) => `SELECT ${p.index} AS col, ${textSql(p)} AS v, count(*) AS n FROM ${s.sample} WHERE ${ident(p.info.id)} IS NOT NULL GROUP BY ALL`);
    await runTracked(conn, job, `INSERT INTO ${s.freq} ${parts.join(' UNION ALL ')}`);
  }
  const r = await rows(conn, job, `SELECT count(*) AS n FROM ${s.sample}`);
  return num(r[0]?.n);
}

/** Distinct values per column the type decision looks at (each weighted by its count). */
export const TYPE_VALUES = 2_000;

/** A wider type must cover this much more of the values than a narrower one to be chosen. */
export const WIDER_MARGIN = 0.05;

/**
 * The type most non-empty values hold. Each candidate (integer, decimal, boolean, date, timestamp,
 * time, from narrow to wide) covers a share of the values: the kinds the import's detection
 * recognises for it. A candidate needs more than half; a wider one replaces a narrower one only
 * when it covers at least 5 % more: whole numbers with a few decimals stay integer (the decimals
 * count as failing), dates with a few timestamps stay dates, mostly-decimal numbers are decimal.
 * Null when there is nothing to judge.
 */
export function decideType(kindCounts: ReadonlyMap<number, number>): LogicalType | null {
  const total = [...kindCounts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let best: { type: LogicalType; share: number } | null = null;
  for (const d of DECISIONS) {
    const share = d.kinds.reduce((sum, k) => sum + (kindCounts.get(k) ?? 0), 0) / total;
    if (share > 0.5 && (best === null || share >= best.share + WIDER_MARGIN)) best = { type: d.type, share };
  }
  return best?.type ?? 'text';
}

/** Decides the type of each column stored as text from the sample's values (others keep theirs). */
export async function inferTypes(conn: DuckDBConnection, job: JobContext, plans: ColumnPlan[], s: Scratch): Promise<void> {
  const text = plans.filter((p) => p.text);
  if (text.length === 0) return;
  // The most frequent distinct values of each column, the rest in a fixed pseudo-random order.
  const judged = `SELECT col, v, n FROM (SELECT *, row_number() OVER (PARTITION BY col ORDER BY n DESC, hash(v), v) AS r FROM ${s.freq}
    WHERE col IN (${text.map((p) => p.index).join(', ')})) WHERE r <= ${TYPE_VALUES}`;
  const r = await rows(
    conn,
    job,
    `SELECT col, k, sum(n) AS n FROM (SELECT col, ${kindSql('t')} AS k, n FROM (SELECT col, trim(v) AS t, n FROM (${judged})))
     WHERE k IS NOT NULL GROUP BY ALL`,
  );
  for (const p of text) {
    const counts = new Map(r.filter((x) => num(x.col) === p.index).map((x) => [num(x.k), num(x.n)]));
    p.type = decideType(counts) ?? p.info.logicalType;
  }
}
