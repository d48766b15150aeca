// A version's findings as a file (CSV or Parquet): row_id,column,entity,start,end,confidence,
// recogniser,preview,decision — `column` the original header, `preview` the masked preview the
// findings view shows (maskedPreview of the found span), `decision` accepted/rejected/empty (a
// finding's own decision, else its column class's). Never the found text or the cell: the spans
// are cut in an in-memory scratch table, masked in batches, and only the previews reach the
// workspace table the shared exporter writes (atomically, never overwriting without force; logged).
import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../../../shared/api/result';
import type { ColumnInfo, ExportResult } from '../../../../shared/api/types';
import { getDataset, versionTable } from '../../datasets/catalog';
import { num } from '../../db/database';
import { ident, literal, qualified, SCRATCH, table } from '../../db/sql';
import { exportTable } from '../../export/exporter';
import { displayExpr } from '../../grid/grid';
import type { JobContext } from '../../jobs/jobs';
import type { Workspace } from '../../workspace/workspace';
import { maskedPreview } from '../operators/masking';
import { DECISION_SQL } from './store';

export const FINDINGS_HEADERS = ['row_id', 'column', 'entity', 'start', 'end', 'confidence', 'recogniser', 'preview', 'decision'] as const;
const TYPES = ['BIGINT', 'VARCHAR', 'VARCHAR', 'INTEGER', 'INTEGER', 'DOUBLE', 'VARCHAR', 'VARCHAR', 'VARCHAR'];
const LOGICAL: ColumnInfo['logicalType'][] = ['integer', 'text', 'text', 'integer', 'integer', 'decimal', 'text', 'text', 'text'];
const BATCH = 50_000;

export interface FindingsExportRequest {
  datasetId: string;
  version: number;
  path: string;
  format: 'csv' | 'parquet';
  force: boolean;
}

/** finding_id → masked preview, in `previews` (a scratch table), from the spans in `spans`. */
async function maskSpans(conn: DuckDBConnection, job: JobContext, spans: string, previews: string, total: number): Promise<void> {
  await conn.run(`CREATE TABLE ${qualified(SCRATCH, 'main', previews)} (finding_id BIGINT, preview VARCHAR)`);
  for (let from = 0; from < total; from += BATCH) {
    job.throwIfCancelled();
    const rows = (await conn.runAndReadAll(`SELECT finding_id, entity, span FROM ${qualified(SCRATCH, 'main', spans)} WHERE n > ${from} AND n <= ${from + BATCH}`)).getRowObjects();
    const a = await conn.createAppender(previews, 'main', SCRATCH);
    try {
      for (const r of rows) {
        a.appendBigInt(BigInt(num(r.finding_id)));
        a.appendVarchar(maskedPreview(r.span === null ? '' : String(r.span), String(r.entity)));
        a.endRow();
      }
      a.flushSync();
    } finally {
      a.closeSync();
    }
    job.progress({ stage: 'masking the found text', done: Math.min(total, from + BATCH), total, unit: 'rows' });
  }
}

export async function exportFindings(ws: Workspace, job: JobContext, req: FindingsExportRequest, actor: string): Promise<ExportResult> {
  const detail = await getDataset(ws.db, req.datasetId, req.version);
  const scanned = await ws.db.one(`SELECT 1 AS x FROM ${table.piiScan} WHERE dataset_id = $ds AND version = $v`, { ds: req.datasetId, v: req.version });
  if (!scanned) throw new AppError('INVALID_ARGUMENT', `Version ${req.version} of ${req.datasetId} has not been scanned for personal data; scan it first.`);
  const { table: data } = await versionTable(ws.db, req.datasetId, req.version);
  const stage = table.stage(job.id);
  const headers = `${stage}_h`;
  const spans = `${stage}_spans`;
  const previews = `${stage}_previews`;
  const where = { ds: req.datasetId, v: req.version };
  try {
    await ws.db.with(async (c) => {
      await c.run(`CREATE TABLE ${ident(headers)} (col_id VARCHAR, header VARCHAR)`);
      for (const col of detail.columns) await c.run(`INSERT INTO ${ident(headers)} VALUES ($id, $h)`, { id: col.id, h: col.header });
      // The cell text the offsets count in (code points, like the scan), for the columns with findings only.
      const used = new Set((await c.runAndReadAll(`SELECT DISTINCT col_id FROM ${table.piiFinding} WHERE dataset_id = $ds AND version = $v`, where)).getRowObjects().map((r) => String(r.col_id)));
      const cols = detail.columns.filter((col) => used.has(col.id));
      const cell = cols.length === 0 ? 'NULL' : `CASE f.col_id ${cols.map((col) => `WHEN ${literal(col.id)} THEN ${displayExpr(col)}`).join(' ')} END`;
      await c.run(
        `CREATE TABLE ${qualified(SCRATCH, 'main', spans)} AS
         SELECT row_number() OVER (ORDER BY f.finding_id) AS n, f.finding_id, f.entity, substring(${cell}, f."start" + 1, f."end" - f."start") AS span
         FROM ${table.piiFinding} f LEFT JOIN ${ident(data)} d ON d.row_id = f.row_id
         WHERE f.dataset_id = $ds AND f.version = $v`,
        where,
      );
      const total = num((await c.runAndReadAll(`SELECT count(*) AS n FROM ${qualified(SCRATCH, 'main', spans)}`)).getRowObjects()[0]?.n);
      await maskSpans(c, job, spans, previews, total);
      await c.run(`DROP TABLE ${qualified(SCRATCH, 'main', spans)}`);
      await c.run(
        `CREATE TABLE ${ident(stage)} AS SELECT f.row_id AS c1, h.header AS c2, f.entity AS c3, f."start" AS c4, f."end" AS c5, f.confidence AS c6, f.recogniser AS c7,
           p.preview AS c8, ${DECISION_SQL} AS c9
         FROM ${table.piiFinding} f JOIN ${ident(headers)} h USING (col_id) JOIN ${qualified(SCRATCH, 'main', previews)} p USING (finding_id)
         WHERE f.dataset_id = $ds AND f.version = $v
         ORDER BY f.finding_id`,
        where,
      );
    });
    const n = num((await ws.db.one(`SELECT count(*) AS n FROM ${ident(stage)}`))?.n);
    const columns: ColumnInfo[] = FINDINGS_HEADERS.map((header, i) => ({
      id: `c${i + 1}`, header, position: i, logicalType: LOGICAL[i] ?? 'text', storageType: TYPES[i] ?? 'VARCHAR', nullCount: 0,
    }));
    return await exportTable(ws, job, {
      table: stage, rowCount: n, columns, name: 'pii-findings', sources: [detail.dataset.sourcePath], path: req.path, format: req.format,
      force: req.force, formulaEscape: true, action: 'pii.exported', subject: { dataset: req.datasetId, version: String(req.version) }, actor,
    });
  } finally {
    for (const name of [spans, previews]) await ws.db.run(`DROP TABLE IF EXISTS ${qualified(SCRATCH, 'main', name)}`).catch(() => undefined);
    await ws.db.run(`DROP TABLE IF EXISTS ${ident(stage)}`).catch(() => undefined);
    await ws.db.run(`DROP TABLE IF EXISTS ${ident(headers)}`).catch(() => undefined);
  }
}
