// PLACEHOLDER — replaced by the exporter.
import { AppError } from '../../../shared/api/result';
import type { ExportFormat, ExportResult } from '../../../shared/api/types';
import type { JobContext } from '../jobs/jobs';
import type { Workspace } from '../workspace/workspace';
export interface ExportRequest { datasetId: string; version?: number; path: string; format?: ExportFormat; force: boolean; formulaEscape: boolean }
export async function runExport(_ws: Workspace, _job: JobContext, _req: ExportRequest, _actor: string): Promise<ExportResult> {
  throw new AppError('UNSUPPORTED', 'export is being built');
}
