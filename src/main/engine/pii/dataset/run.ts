// A dataset scan, as a job: group each column's distinct values (with the deterministic sample's
// counts), scan them on the worker pool, classify the columns from the sampled values, write each
// class's effect onto the findings, then — in one transaction — replace the version's findings
// (joined back to every row holding each value) and its scan summary, and log the scan.
// Cancelled or failed at any point, the version keeps its previous scan and findings untouched.
import type { DuckDBConnection } from '@duckdb/node-api';
import { ENTITY_TYPES, type PiiColumnSummary, type PiiScanSummary } from '../../../../shared/api/pii-types';
import { AppError } from '../../../../shared/api/result';
import type { ColumnInfo, LogicalType } from '../../../../shared/api/types';
import { getDataset, versionTable } from '../../datasets/catalog';
import { memoryLimit } from '../../db/database';
import { ident, literal, table } from '../../db/sql';
import { runTracked } from '../../db/tracked';
import type { JobContext } from '../../jobs/jobs';
import { sampleEvery } from '../../profile/sample';
import { PII_RULES_VERSION } from '../registry';
import type { WorkerPool } from '../../workers/pool';
import { appendEvent } from '../../workspace/event-log';
import type { Workspace } from '../../workspace/workspace';
import { applyColumnEffects, classifyColumns, countColumn, countFindings } from './classes';
import type { ColumnClass } from './classify';
import { createFindingsTable, groupValues, scanColumn, scanColumnValues, type ScanColumn } from './scan-values';
import { dropScanScratch, scanScratch, type ScanScratch } from './scratch';
import { CAVEAT, readSummary } from './store';

/** Logical types whose values cannot be personal data on their own (true/false, amounts, times of day, bytes). */
const NOT_SCANNED: ReadonlySet<LogicalType> = new Set(['boolean', 'decimal', 'time', 'binary']);

export interface ScanRequest {
  datasetId: string;
  version: number;
  columnIds?: string[] | undefined;
}

function chooseColumns(all: ColumnInfo[], ids: string[] | undefined): ColumnInfo[] {
  if (ids === undefined) return all;
  const unknown = ids.filter((id) => !all.some((c) => c.id === id));
  if (unknown.length > 0) throw new AppError('INVALID_ARGUMENT', `This version has no column ${unknown.join(', ')}.`, { columnIds: unknown });
  return all.filter((c) => ids.includes(c.id));
}

async function buildColumns(conn: DuckDBConnection, columns: ScanColumn[], classes: Map<number, ColumnClass>, s: ScanScratch): Promise<PiiColumnSummary[]> {
  const out: PiiColumnSummary[] = [];
  for (const c of columns) {
    const cls = classes.get(c.info.position);
    const counts = await countColumn(conn, c.info.position, s);
    out.push({
      columnId: c.info.id,
      header: c.info.header,
      entity: cls?.entity ?? null,
      share: cls?.share ?? 0,
      confidence: cls?.confidence ?? 0,
      freeText: cls?.freeText ?? false,
      nonMissing: counts.nonMissing,
      entities: counts.entities,
      decision: null,
    });
  }
  return out;
}

/**
 * Finding ids in window order (row, column position, start) without sorting the findings: a
 * value's findings are numbered by start already (`idx`), so (row_id × P + position) × K + idx + 1
 * orders them, P and K bounding positions and findings per value. Ids are not dense.
 */
async function idFormula(conn: DuckDBConnection, data: string, columns: ScanColumn[], s: ScanScratch): Promise<string> {
  const p = Math.max(...columns.map((c) => c.info.position)) + 1;
  const r = (await conn.runAndReadAll(`SELECT (SELECT coalesce(max(idx), 0) + 1 FROM ${s.findings}) AS k, (SELECT coalesce(max(row_id), 0) FROM ${ident(data)}) AS m`)).getRowObjects()[0];
  const k = Number(r?.k ?? 1);
  const maxRow = Number(r?.m ?? 0);
  if ((maxRow + 1) * p * k >= Number.MAX_SAFE_INTEGER) {
    throw new AppError('INTERNAL', `Too many findings per cell (${k}) in ${maxRow} rows × ${p} columns to number them.`);
  }
  return `(row_id * ${p} + pos) * ${k} + idx + 1`;
}

/** Replaces the version's findings (every row holding each found value) inside the caller's transaction. */
async function writeFindings(conn: DuckDBConnection, job: JobContext, req: ScanRequest, data: string, columns: ScanColumn[], s: ScanScratch): Promise<void> {
  await conn.run(`DELETE FROM ${table.piiFinding} WHERE dataset_id = $ds AND version = $v`, { ds: req.datasetId, v: req.version });
  if (columns.length === 0) return;
  const id = await idFormula(conn, data, columns, s);
  const parts = columns.map((c) => {
    const pos = c.info.position;
    return `SELECT d.row_id, ${pos} AS pos, ${literal(c.info.id)} AS col_id, f.idx, f.entity, f."start", f."end", f.confidence, f.recogniser, f.explanation, f.preview
      FROM ${ident(data)} d JOIN (SELECT v.v, f.* FROM (SELECT rowid AS vid, v FROM ${s.values(pos)}) v JOIN ${s.findings} f ON f.col_pos = ${pos} AND f.vid = v.vid) f
      ON ${c.expr.replaceAll(ident(c.info.id), `d.${ident(c.info.id)}`)} = f.v`;
  });
  await runTracked(
    conn, job,
    `INSERT INTO ${table.piiFinding} (dataset_id, version, finding_id, row_id, col_id, entity, "start", "end", confidence, recogniser, explanation, preview)
     SELECT $ds, $v, ${id}, row_id, col_id, entity, "start", "end", confidence, recogniser, explanation, preview
     FROM (${parts.join(' UNION ALL ')})`,
    { ds: req.datasetId, v: req.version },
  );
}

async function summarise(
  conn: DuckDBConnection, req: ScanRequest, rows: number, columns: ScanColumn[], skipped: ColumnInfo[], classes: Map<number, ColumnClass>, s: ScanScratch,
): Promise<PiiScanSummary> {
  const byEntity = await countFindings(conn, columns, s);
  const notScanned = skipped.length === 0 ? '' : ` Not scanned (their types cannot hold personal data on their own): ${skipped.map((c) => `"${c.header}" (${c.logicalType})`).join(', ')}.`;
  return {
    datasetId: req.datasetId,
    version: req.version,
    scannedAt: new Date().toISOString(),
    seconds: 0,
    rows,
    columns: await buildColumns(conn, columns, classes, s),
    findings: [...byEntity.values()].reduce((a, b) => a + b, 0),
    byEntity: ENTITY_TYPES.filter((e) => byEntity.has(e)).map((e) => ({ entity: e, findings: byEntity.get(e) ?? 0 })).sort((a, b) => b.findings - a.findings),
    decisionsSha256: '',
    rulesVersion: PII_RULES_VERSION,
    caveat: CAVEAT + notScanned,
  };
}

/**
 * DuckDB's memory limit while a scan runs. Joining millions of findings (each with its explanation)
 * back to every row would otherwise fill the instance's whole share of RAM; under this limit DuckDB
 * spills to its temporary file instead (measured on 1M rows: see docs/BENCHMARKS.md, pii speed).
 * A limit the user set (DATA_SANITIZER_MEMORY_LIMIT) is left alone.
 */
export const SCAN_MEMORY_LIMIT = '512MB';

/** Runs `fn` under SCAN_MEMORY_LIMIT, restoring the workspace's own limit afterwards, whatever happens. */
async function underScanMemoryLimit<T>(conn: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
  if (process.env.DATA_SANITIZER_MEMORY_LIMIT?.trim()) return fn();
  // The limit is the instance's: other work meanwhile runs under it too (and spills sooner); a
  // second scan that ends later restores the same workspace limit.
  await conn.run(`SET memory_limit = ${literal(SCAN_MEMORY_LIMIT)}`);
  try {
    return await fn();
  } finally {
    await conn.run(`SET memory_limit = ${literal(memoryLimit())}`);
  }
}

export async function runPiiScan(ws: Workspace, workers: WorkerPool, job: JobContext, req: ScanRequest, actor: string): Promise<PiiScanSummary> {
  const started = performance.now();
  const detail = await getDataset(ws.db, req.datasetId, req.version);
  const chosen = chooseColumns(detail.columns, req.columnIds);
  const columns = chosen.filter((c) => !NOT_SCANNED.has(c.logicalType)).map(scanColumn);
  const skipped = chosen.filter((c) => NOT_SCANNED.has(c.logicalType));
  const { table: data, rowCount: rows } = await versionTable(ws.db, req.datasetId, req.version);
  const s = scanScratch(job.id);
  job.progress({ stage: 'grouping distinct values', done: 0, total: null, unit: 'steps' });
  try {
    return await ws.db.with((conn) => underScanMemoryLimit(conn, async () => {
      const counts = await groupValues(conn, job, data, columns, sampleEvery(rows), s);
      await createFindingsTable(conn, s);
      const progress = { done: 0, total: [...counts.values()].reduce((a, b) => a + b, 0) };
      for (const [i, c] of columns.entries()) {
        job.progress({ stage: `scanning "${c.info.header}" (${i + 1} of ${columns.length})`, done: progress.done, total: progress.total });
        await scanColumnValues(conn, job, workers, c, s, counts.get(c.info.position) ?? 0, progress);
      }
      job.progress({ stage: 'classifying columns' });
      const classes = await classifyColumns(conn, columns, s);
      await applyColumnEffects(conn, columns, classes, s);
      const summary = await summarise(conn, req, rows, columns, skipped, classes, s);
      job.throwIfCancelled();
      job.progress({ stage: 'writing findings' });
      summary.seconds = Math.round((performance.now() - started) / 10) / 100;
      await ws.exclusive(async () => {
        await conn.run('BEGIN TRANSACTION');
        try {
          const exists = (await conn.runAndReadAll(`SELECT count(*) AS n FROM ${table.version} WHERE dataset_id = $ds AND version = $v`, { ds: req.datasetId, v: req.version })).getRowObjects()[0];
          if (Number(exists?.n ?? 0) === 0) throw new AppError('NOT_FOUND', `Dataset ${req.datasetId} version ${req.version} was deleted while it was being scanned; nothing was saved.`);
          await writeFindings(conn, job, req, data, columns, s);
          await conn.run(`INSERT OR REPLACE INTO ${table.piiScan} VALUES ($ds, $v, $at::TIMESTAMPTZ, $by, $summary)`, {
            ds: req.datasetId, v: req.version, at: summary.scannedAt, by: actor, summary: JSON.stringify(summary),
          });
          await appendEvent(conn, {
            action: 'pii.scanned',
            actor,
            subject: { dataset: req.datasetId, version: String(req.version) },
            details: { rows, columns: columns.map((c) => c.info.id), notScanned: skipped.map((c) => c.id), findings: summary.findings, byEntity: summary.byEntity, seconds: summary.seconds },
          });
          job.throwIfCancelled();
          await conn.run('COMMIT');
        } catch (err) {
          await conn.run('ROLLBACK').catch(() => undefined);
          throw err;
        }
      });
      return (await readSummary(ws.db, req.datasetId, req.version)) ?? summary;
    }));
  } finally {
    await ws.db.with((conn) => dropScanScratch(conn, s));
  }
}
