// A dataset scan, as a job: group each column's distinct values (with the deterministic sample's
// counts), scan them on the worker pool, classify the columns from the sampled values, write each
// class's effect onto the findings, then — in one transaction — replace the scanned columns'
// findings (write.ts) and the scan summary (merged with the previous one when only some columns
// were scanned), and log the scan.
// Cancelled or failed at any point, the version keeps its previous scan and findings untouched.
import type { DuckDBConnection } from '@duckdb/node-api';
import { ENTITY_TYPES, type PiiColumnSummary, type PiiScanSummary } from '../../../../shared/api/pii-types';
import { AppError } from '../../../../shared/api/result';
import type { ColumnInfo, LogicalType } from '../../../../shared/api/types';
import { getDataset, versionTable } from '../../datasets/catalog';
import { underMemoryLimit } from '../../db/database';
import { table } from '../../db/sql';
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
import { groupExplanations, mergeSummary, previousScan, writeFindings } from './write';

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

async function summarise(
  conn: DuckDBConnection, req: ScanRequest, rows: number, columns: ScanColumn[], skipped: ColumnInfo[], classes: Map<number, ColumnClass>, s: ScanScratch,
): Promise<PiiScanSummary> {
  const byEntity = await countFindings(conn, columns, s);
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
    caveat: caveat(skipped),
  };
}

function caveat(skipped: ColumnInfo[]): string {
  const notScanned = skipped.length === 0 ? '' : ` Not scanned (their types cannot hold personal data on their own): ${skipped.map((c) => `"${c.header}" (${c.logicalType})`).join(', ')}.`;
  return CAVEAT + notScanned;
}

/**
 * DuckDB's memory limit while a scan runs. Joining millions of findings back to every row (each
 * carried its explanation until format 7) would otherwise fill the instance's whole share of RAM;
 * under this limit DuckDB spills to its temporary file instead (measured on 1M rows: see
 * docs/BENCHMARKS.md, pii speed). A limit the user set (DATA_SANITIZER_MEMORY_LIMIT) is left alone.
 */
export const SCAN_MEMORY_LIMIT = '512MB';

/** Runs `fn` under SCAN_MEMORY_LIMIT, restoring the workspace's own limit afterwards, whatever happens. */
function underScanMemoryLimit<T>(conn: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
  return underMemoryLimit(conn, SCAN_MEMORY_LIMIT, fn);
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
      await groupExplanations(conn, job, s);
      let summary = await summarise(conn, req, rows, columns, skipped, classes, s);
      job.throwIfCancelled();
      job.progress({ stage: 'writing findings' });
      summary.seconds = Math.round((performance.now() - started) / 10) / 100;
      await ws.exclusive(async () => {
        await conn.run('BEGIN TRANSACTION');
        try {
          const exists = (await conn.runAndReadAll(`SELECT count(*) AS n FROM ${table.version} WHERE dataset_id = $ds AND version = $v`, { ds: req.datasetId, v: req.version })).getRowObjects()[0];
          if (Number(exists?.n ?? 0) === 0) throw new AppError('NOT_FOUND', `Dataset ${req.datasetId} version ${req.version} was deleted while it was being scanned; nothing was saved.`);
          const partial = req.columnIds !== undefined;
          const previous = partial ? await previousScan(conn, req.datasetId, req.version) : null;
          const p = Math.max(...detail.columns.map((c) => c.position)) + 1;
          const k = await writeFindings(conn, job, { datasetId: req.datasetId, version: req.version, data, p, partial, previous }, columns, s);
          if (previous) {
            summary = await mergeSummary(conn, summary, previous.summary, chosen, detail.columns);
            // Columns left out as not scannable, by this scan or (as its caveat named them) the previous one.
            const named = (c: ColumnInfo) => previous.summary.caveat.includes(`"${c.header}" (${c.logicalType})`);
            summary.caveat = caveat(detail.columns.filter((c) => NOT_SCANNED.has(c.logicalType) && (skipped.includes(c) || named(c))));
          }
          await conn.run(`INSERT OR REPLACE INTO ${table.piiScan} (dataset_id, version, scanned_at, scanned_by, summary, finding_p, finding_k) VALUES ($ds, $v, $at::TIMESTAMPTZ, $by, $summary, $p, $k)`, {
            ds: req.datasetId, v: req.version, at: summary.scannedAt, by: actor, summary: JSON.stringify(summary), p, k,
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
