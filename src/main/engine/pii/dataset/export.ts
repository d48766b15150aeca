// A version's findings as a file (CSV or Parquet): exactly row_id,column,entity,start,end,confidence,
// recogniser — `column` the original header — and never a found value or its preview. Findings a
// reviewer rejected are left out. Written atomically by the shared exporter (never overwriting
// without force), and logged.
import { AppError } from '../../../../shared/api/result';
import type { ColumnInfo, ExportResult } from '../../../../shared/api/types';
import { getDataset } from '../../datasets/catalog';
import { num } from '../../db/database';
import { ident, table } from '../../db/sql';
import { exportTable } from '../../export/exporter';
import type { JobContext } from '../../jobs/jobs';
import type { Workspace } from '../../workspace/workspace';

export const FINDINGS_HEADERS = ['row_id', 'column', 'entity', 'start', 'end', 'confidence', 'recogniser'] as const;
const TYPES = ['BIGINT', 'VARCHAR', 'VARCHAR', 'INTEGER', 'INTEGER', 'DOUBLE', 'VARCHAR'];

export interface FindingsExportRequest {
  datasetId: string;
  version: number;
  path: string;
  format: 'csv' | 'parquet';
  force: boolean;
}

export async function exportFindings(ws: Workspace, job: JobContext, req: FindingsExportRequest, actor: string): Promise<ExportResult> {
  const detail = await getDataset(ws.db, req.datasetId, req.version);
  const scanned = await ws.db.one(`SELECT 1 AS x FROM ${table.piiScan} WHERE dataset_id = $ds AND version = $v`, { ds: req.datasetId, v: req.version });
  if (!scanned) throw new AppError('INVALID_ARGUMENT', `Version ${req.version} of ${req.datasetId} has not been scanned for personal data; scan it first.`);
  const stage = table.stage(job.id);
  const headers = `${stage}_h`;
  try {
    await ws.db.with(async (c) => {
      await c.run(`CREATE TABLE ${ident(headers)} (col_id VARCHAR, header VARCHAR)`);
      for (const col of detail.columns) await c.run(`INSERT INTO ${ident(headers)} VALUES ($id, $h)`, { id: col.id, h: col.header });
      await c.run(
        `CREATE TABLE ${ident(stage)} AS SELECT f.row_id AS c1, h.header AS c2, f.entity AS c3, f."start" AS c4, f."end" AS c5, f.confidence AS c6, f.recogniser AS c7
         FROM ${table.piiFinding} f JOIN ${ident(headers)} h USING (col_id)
         WHERE f.dataset_id = $ds AND f.version = $v AND NOT EXISTS (
           SELECT 1 FROM ${table.piiDecision} d WHERE d.dataset_id = f.dataset_id AND d.version = f.version AND d.decision = 'rejected' AND d.col_id = f.col_id AND d.entity = f.entity
             AND (d.kind = 'column' OR (d.row_id = f.row_id AND d."start" = f."start" AND d."end" = f."end")))
         ORDER BY f.finding_id`,
        { ds: req.datasetId, v: req.version },
      );
    });
    const n = num((await ws.db.one(`SELECT count(*) AS n FROM ${ident(stage)}`))?.n);
    const columns: ColumnInfo[] = FINDINGS_HEADERS.map((header, i) => ({
      id: `c${i + 1}`, header, position: i, logicalType: i === 0 || i === 3 || i === 4 ? 'integer' : i === 5 ? 'decimal' : 'text', storageType: TYPES[i] ?? 'VARCHAR', nullCount: 0,
    }));
    return await exportTable(ws, job, {
      table: stage, rowCount: n, columns, name: 'pii-findings', sources: [detail.dataset.sourcePath], path: req.path, format: req.format,
      force: req.force, formulaEscape: true, action: 'pii.exported', subject: { dataset: req.datasetId, version: String(req.version) }, actor,
    });
  } finally {
    await ws.db.run(`DROP TABLE IF EXISTS ${ident(stage)}`).catch(() => undefined);
    await ws.db.run(`DROP TABLE IF EXISTS ${ident(headers)}`).catch(() => undefined);
  }
}
