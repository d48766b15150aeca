// Export as a job: check the destination before any work, write the version's rows (row order,
// original headers) into a temp file beside it, digest it, then — in one step with the event-log
// entry — move it into place. A failure or cancellation leaves no file and the destination as it was.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/result';
import type { ColumnInfo, ExportFormat, ExportResult } from '../../../shared/api/types';
import { getDataset, versionTable } from '../datasets/catalog';
import { sha256File } from '../import/digest';
import type { JobContext } from '../jobs/jobs';
import { checkpointKeySigner, writeCheckpoint } from '../audit/checkpoint';
import { appendEvent } from '../workspace/event-log';
import type { Workspace } from '../workspace/workspace';
import { csvWriter } from './csv-writer';
import { cleanup, prepareDestination, publish } from './destination';
import { resolveCsvOptions, resolveFormat, type CsvOptionsInput } from './format';
import { jsonWriter } from './json-writer';
import { jsonlWriter } from './jsonl-writer';
import { parquetWriter } from './parquet-writer';
import type { WriteContext, Writer } from './writer';
import { xlsxWriter } from './xlsx-writer';

export interface ExportRequest {
  datasetId: string;
  version?: number;
  path: string;
  format?: ExportFormat;
  force: boolean;
  formulaEscape: boolean;
  csv?: CsvOptionsInput | undefined;
}

const WRITERS: Record<ExportFormat, Writer> = { csv: csvWriter, parquet: parquetWriter, jsonl: jsonlWriter, json: jsonWriter, xlsx: xlsxWriter };

export async function runExport(ws: Workspace, job: JobContext, req: ExportRequest, actor: string): Promise<ExportResult> {
  const detail = await getDataset(ws.db, req.datasetId, req.version);
  const version = detail.version.version;
  const { table, rowCount } = await versionTable(ws.db, req.datasetId, version);
  if (detail.columns.length === 0) throw new AppError('INVALID_ARGUMENT', `Dataset ${req.datasetId} version ${version} has no columns; there is nothing to export.`);
  return exportTable(ws, job, {
    table, rowCount, columns: detail.columns, name: detail.dataset.name, sources: [detail.dataset.sourcePath],
    path: req.path, format: req.format, force: req.force, formulaEscape: req.formulaEscape, csv: req.csv,
    action: 'dataset.exported', subject: { dataset: req.datasetId, version: String(version) }, actor,
  });
}

export interface TableExport {
  /** A table of the workspace database (not a scratch one). */
  table: string;
  rowCount: number;
  columns: ColumnInfo[];
  name: string;
  /** Files the export must never overwrite (the dataset's source). */
  sources: string[];
  path: string;
  format?: ExportFormat | undefined;
  force: boolean;
  formulaEscape: boolean;
  /** CSV options as asked (refused for other formats); unset fields take their defaults. */
  csv?: CsvOptionsInput | undefined;
  action: string;
  subject: Record<string, string>;
  actor: string;
}

/** Writes a table's rows (row order, original headers) to a file atomically, logging the export. */
export async function exportTable(ws: Workspace, job: JobContext, t: TableExport): Promise<ExportResult> {
  const format = resolveFormat(t.path, t.format);
  const csv = resolveCsvOptions(t.path, format, t.csv);
  const dest = prepareDestination(t.path, t.force, t.sources);
  job.progress({ stage: 'checking', done: 0, total: t.rowCount, unit: 'rows' });
  try {
    const writer = WRITERS[format];
    const outcome = await ws.db.with(async (conn) => {
      const ctx: WriteContext = {
        conn, job, table: t.table, rowCount: t.rowCount,
        columns: t.columns,
        datasetName: t.name,
        formulaEscape: t.formulaEscape,
        csv,
        temp: dest.temp,
        scratchPrefix: dest.scratchPrefix,
        progress: (rows, stage) => job.progress({ ...(stage ? { stage } : {}), done: rows, rows }),
      };
      await writer.check?.(ctx);
      job.throwIfCancelled();
      job.progress({ stage: `writing ${format.toUpperCase()}` });
      return writer.write(ctx);
    });
    job.throwIfCancelled();
    job.progress({ stage: 'computing the digest' });
    const sha256 = outcome.sha256 ?? (await sha256File(dest.temp, undefined, job.signal));
    const bytes = fs.statSync(dest.temp).size;
    job.throwIfCancelled();
    job.progress({ stage: 'saving' });
    const result: ExportResult = { path: dest.path, format, rows: t.rowCount, bytes, sha256, ...(csv ? { csv } : {}) };
    await ws.exclusive(async () => {
      // The checkpoint key is introduced (once) before the export's entry, so that entry stays the newest.
      await checkpointKeySigner(ws, t.actor).catch(() => undefined);
      await ws.db.transaction(async (conn) => {
        await appendEvent(conn, {
          action: t.action,
          actor: t.actor,
          subject: t.subject,
          details: { path: dest.path, format, rows: t.rowCount, bytes, sha256, formulaEscape: t.formulaEscape, ...(csv ? { csv } : {}), overwrote: t.force && fs.existsSync(dest.path) },
        });
        // Last step before COMMIT: if the move fails, the log entry is rolled back with it.
        publish(dest, t.force);
      });
    });
    // Every export leaves a signed head checkpoint (the workspace's checkpoint key): the log up to
    // this export can no longer be cut short unnoticed. The file is already in place, so a failure
    // here is reported, not turned into a failed export.
    await writeCheckpoint(ws, null, t.actor).catch((err: unknown) => console.warn(`The export was written, but no audit checkpoint: ${(err as Error).message}`));
    return result;
  } catch (err) {
    if (job.signal.aborted) throw new AppError('CANCELLED', `Export to ${path.basename(dest.path)}: cancelled; nothing was written.`);
    throw err;
  } finally {
    cleanup(dest);
  }
}
