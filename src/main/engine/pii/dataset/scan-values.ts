// The scan's middle: each column's distinct values grouped in DuckDB (one GROUP BY per column,
// also counting the deterministic sample's rows), then read out in chunks and scanned in batches on
// the worker pool; their findings appended to one scratch table, keyed by (column, value id).
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo } from '../../../../shared/api/types';
import { num } from '../../db/database';
import { SCRATCH, ident } from '../../db/sql';
import { runTracked } from '../../db/tracked';
import { displayExpr } from '../../grid/grid';
import type { JobContext } from '../../jobs/jobs';
import type { WorkerPool } from '../../workers/pool';
import type { ScanScratch } from './scratch';
import type { ScanValuesOutput } from './task';

/** Values read out of DuckDB at a time (the pool batches them further): at 200,000 one 1M-row scan in three peaked over 1.5 GiB (docs/BENCHMARKS.md). */
export const CHUNK = 100_000;
/** Regions phone numbers without a country code are read in, most likely first. */
export const DEFAULT_REGIONS = ['US', 'GB'];

export interface ScanColumn {
  info: ColumnInfo;
  /** The cell as text, as the grid shows it and as the findings' offsets count it. */
  expr: string;
}

export const scanColumn = (info: ColumnInfo): ScanColumn => ({ info, expr: displayExpr(info) });

/**
 * Groups each column's non-empty values: v, n (rows), ns (rows in the sample: row_id a multiple of
 * `every`). Empty strings cannot hold an entity (every recogniser skips blank text), so they go.
 * Returns the distinct values per column position.
 */
export async function groupValues(conn: DuckDBConnection, job: JobContext, data: string, columns: ScanColumn[], every: number, s: ScanScratch): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const c of columns) {
    const t = s.values(c.info.position);
    await runTracked(
      conn, job,
      `CREATE TABLE ${t} AS SELECT v, count(*) AS n, count(*) FILTER (WHERE row_id % ${every} = 0) AS ns
       FROM (SELECT ${c.expr} AS v, row_id FROM ${ident(data)} WHERE ${ident(c.info.id)} IS NOT NULL) WHERE v <> '' GROUP BY v`,
    );
    const r = await conn.runAndReadAll(`SELECT count(*) AS n FROM ${t}`);
    counts.set(c.info.position, num(r.getRowObjects()[0]?.n));
  }
  return counts;
}

export async function createFindingsTable(conn: DuckDBConnection, s: ScanScratch): Promise<void> {
  await conn.run(`CREATE TABLE ${s.findings} (col_pos INTEGER, vid BIGINT, idx INTEGER, whole BOOLEAN, entity VARCHAR, "start" INTEGER, "end" INTEGER,
    confidence DOUBLE, recogniser VARCHAR, explanation VARCHAR)`);
}

function append(a: DuckDBAppender, pos: number, base: number, out: ScanValuesOutput): void {
  let idx = 0;
  for (let k = 0; k < out.i.length; k++) {
    // Findings of one value are adjacent: number them within the value.
    idx = k > 0 && out.i[k - 1] === out.i[k] ? idx + 1 : 0;
    a.appendInteger(pos);
    a.appendBigInt(BigInt(base + (out.i[k] ?? 0)));
    a.appendInteger(idx);
    a.appendBoolean(out.whole[k] ?? false);
    a.appendVarchar(out.entity[k] ?? '');
    a.appendInteger(out.start[k] ?? 0);
    a.appendInteger(out.end[k] ?? 0);
    a.appendDouble(out.confidence[k] ?? 0);
    a.appendVarchar(out.recogniser[k] ?? '');
    a.appendVarchar(out.explanation[k] ?? '{}');
    a.endRow();
  }
}

export interface ScanProgress {
  done: number;
  total: number;
}

/** Scans one column's distinct values on the pool and appends their findings. */
export async function scanColumnValues(
  conn: DuckDBConnection, job: JobContext, workers: WorkerPool, c: ScanColumn, s: ScanScratch, count: number, progress: ScanProgress,
): Promise<void> {
  const t = s.values(c.info.position);
  for (let from = 0; from < count; from += CHUNK) {
    job.throwIfCancelled();
    const r = await conn.runAndReadAll(`SELECT v FROM ${t} WHERE rowid >= ${from} AND rowid < ${from + CHUNK} ORDER BY rowid`);
    const values = r.getColumns()[0]?.map((v) => String(v)) ?? [];
    const before = progress.done;
    const outs = await workers.map('pii.scanValues', values, {
      input: (batch: string[]) => ({ values: batch, header: c.info.header, regions: DEFAULT_REGIONS }),
      signal: job.signal,
      onProgress: (done) => {
        progress.done = before + done;
        job.progress({ done: progress.done, total: progress.total });
      },
    });
    job.throwIfCancelled();
    const a = await conn.createAppender(s.findingsName, 'main', SCRATCH);
    try {
      let base = from;
      for (const out of outs) {
        append(a, c.info.position, base, out);
        base += out.n;
      }
      a.flushSync();
    } finally {
      a.closeSync();
    }
  }
}
