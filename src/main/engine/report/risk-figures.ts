// The re-identification risk section of a report: k-anonymity of the run's input version and of
// its output version over the columns proposed as quasi-identifiers (risk/columns.ts), measured
// by the risk code itself (no generalisation search, no log entry); null when none is proposed.
import type { ReportModel } from '../../../shared/api/report-types';
import type { RiskMeasure } from '../../../shared/api/pii-types';
import type { JobContext } from '../jobs/jobs';
import { resolveQuasi, suggestQuasi } from '../risk/columns';
import { measure } from '../risk/run';
import type { Workspace } from '../workspace/workspace';

/** The k a report measures against (the risk view's default). */
export const REPORT_TARGET_K = 5;

const brief = (m: RiskMeasure) => ({ version: m.version, rows: m.rows, classes: m.classes, k: m.k, recordsBelowK: m.recordsBelowK, uniqueRecords: m.uniqueRecords });

export async function riskFigures(ws: Workspace, job: JobContext, datasetId: string, inputVersion: number, outputVersion: number): Promise<ReportModel['risk']> {
  const suggested = await suggestQuasi(ws.db, datasetId, inputVersion);
  if (suggested.length === 0) return null;
  const quasi = await resolveQuasi(ws.db, datasetId, inputVersion, suggested.map((q) => q.columnId));
  const r = await measure(ws, job, { datasetId, version: inputVersion, quasi, k: REPORT_TARGET_K, afterVersion: outputVersion }, { search: false });
  return {
    quasiIdentifiers: r.quasi.map((q) => q.header),
    targetK: REPORT_TARGET_K,
    before: brief(r.before),
    after: r.after ? brief(r.after) : null,
    notes: [...r.notes, r.caveat],
  };
}
