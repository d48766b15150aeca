// Writing a run's report as a job: the model, rendered, into a temp file beside the destination,
// digested, then moved into place with its audit entry (the export destination helpers: no
// clobbering without force, never a source file). A failure or cancel leaves no file behind.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/result';
import type { ReportFormat, WrittenFile } from '../../../shared/api/report-types';
import { sha256Hex } from '../audit/canonical';
import { getDataset } from '../datasets/catalog';
import { cleanup, prepareDestination, publish } from '../export/destination';
import type { JobContext } from '../jobs/jobs';
import { appendEvent } from '../workspace/event-log';
import type { Workspace } from '../workspace/workspace';
import { buildReportModel, findRun } from './model';
import { renderReport, reportFormatOf } from './render';

export interface ReportRequest {
  runId: string;
  path: string;
  format?: ReportFormat | undefined;
  force: boolean;
}

/** The checks made before a job starts: the run exists, the format is known, the file is not there (without force). */
export async function checkReportRequest(ws: Workspace, req: ReportRequest): Promise<ReportFormat> {
  const format = reportFormatOf(req.path, req.format);
  await findRun(ws.db, req.runId);
  if (!path.isAbsolute(req.path)) throw new AppError('INVALID_ARGUMENT', `${req.path}: give an absolute path for the report.`, { file: req.path });
  if (!req.force && fs.existsSync(req.path)) throw new AppError('ALREADY_EXISTS', `${req.path} already exists; nothing was written. Choose another name, or write with force (--force) to overwrite it.`, { file: req.path });
  return format;
}

export async function writeReport(ws: Workspace, job: JobContext, req: ReportRequest, actor: string): Promise<WrittenFile> {
  const format = reportFormatOf(req.path, req.format);
  const { run } = await findRun(ws.db, req.runId);
  const source = (await getDataset(ws.db, run.datasetId, run.inputVersion)).dataset.sourcePath;
  const dest = prepareDestination(req.path, req.force, [source]);
  try {
    const model = await buildReportModel({ ws, job, actor }, req.runId);
    job.throwIfCancelled();
    job.progress({ stage: `rendering ${format.toUpperCase()}` });
    const bytes = await renderReport(model, format);
    job.throwIfCancelled();
    fs.writeFileSync(dest.temp, bytes);
    const result: WrittenFile = { path: dest.path, format, bytes: bytes.length, sha256: sha256Hex(bytes) };
    job.progress({ stage: 'saving' });
    await ws.exclusive(() =>
      ws.db.transaction(async (conn) => {
        await appendEvent(conn, {
          action: 'report.written', actor, subject: { dataset: run.datasetId, run: req.runId },
          details: { path: dest.path, format, bytes: result.bytes, sha256: result.sha256, overwrote: req.force && fs.existsSync(dest.path) },
        });
        // Last before COMMIT: if the move fails, the log entry is rolled back with it.
        publish(dest, req.force);
      }),
    );
    return result;
  } catch (err) {
    if (job.signal.aborted) throw new AppError('CANCELLED', `Report to ${path.basename(dest.path)}: cancelled; nothing was written.`);
    throw err;
  } finally {
    cleanup(dest);
  }
}

/** A job context for work that is not a job (report.model): never cancelled, reports nothing. */
export function quietJob(): JobContext {
  const controller = new AbortController();
  return {
    id: `model_${randomUUID().slice(0, 8)}`,
    signal: controller.signal,
    progress: () => undefined,
    throwIfCancelled: () => undefined,
    onCancel: () => () => undefined,
  };
}
