// Test support for cleaning: import a small CSV, run steps over it, and read back the rows of the
// new version and its ledger — all through the real engine and API.
import fs from 'node:fs';
import path from 'node:path';
import type { LedgerEntry, PreviewResult, RunResult } from '../../src/shared/api/clean-types';
import type { PolicySource } from '../../src/shared/api/contract';
import type { JobInfo } from '../../src/shared/api/types';
import { POLICY_FORMAT, POLICY_FORMAT_VERSION } from '../../src/shared/policy/policy';
import type { StepInput } from '../../src/shared/policy/steps';
import { tempDir, type TestEngine } from './engine';

/** A CSV file from a header and rows (null = an empty field). */
export function writeCsv(header: string[], rows: (string | null)[][], dir = tempDir()): string {
  const field = (v: string | null) => (v === null ? '' : /[",\r\n]/.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v);
  const file = path.join(dir, 'in.csv');
  fs.writeFileSync(file, [header, ...rows].map((r) => r.map(field).join(',')).join('\n') + '\n');
  return file;
}

export function policyDoc(steps: StepInput[], name = 'test policy'): unknown {
  return { format: POLICY_FORMAT, formatVersion: POLICY_FORMAT_VERSION, name, version: 1, author: 'tester', createdAt: '2026-01-01T00:00:00.000Z', steps };
}

export interface Cleaned {
  datasetId: string;
  run: RunResult;
  headers: string[];
  columnIds: string[];
  rows: (string | null)[][];
  rowIds: number[];
  ledger: LedgerEntry[];
  /** Row ids the run removed (the ledger's row entries). */
  removed: number[];
}

export async function jobResult<T>(job: JobInfo): Promise<T> {
  if (job.state !== 'succeeded') throw new Error(`job ${job.kind} ${job.state}: ${job.error?.code} ${job.error?.message}`);
  return job.result as T;
}

/** Imports `file` and runs `source` over it; returns the new version's rows and its ledger. */
export async function cleanFile(t: TestEngine, file: string, source: PolicySource): Promise<Cleaned> {
  const imp = await t.importFile(file);
  const run = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId: imp.datasetId, version: 1, source }));
  const v = run.outputVersion as number;
  const detail = await t.call('dataset.get', { datasetId: imp.datasetId, version: v });
  const w = await t.call('grid.window', { datasetId: imp.datasetId, version: v, offset: 0, limit: 2000 });
  const ledger = await t.call('diff.cells', { datasetId: imp.datasetId, version: v, rowIds: Array.from({ length: Math.min(2000, run.rowsIn) }, (_, i) => i + 1) });
  const removed = await t.engine.workspace.db.all(`SELECT row_id FROM _ds_change WHERE dataset_id = $ds AND version = $v AND kind = 'row' ORDER BY row_id`, { ds: imp.datasetId, v });
  return { datasetId: imp.datasetId, run, headers: detail.columns.map((c) => c.header), columnIds: w.columnIds, rows: w.rows, rowIds: w.rowIds, ledger, removed: removed.map((r) => Number(r.row_id)) };
}

export async function previewFile(t: TestEngine, file: string, source: PolicySource, full = false): Promise<PreviewResult> {
  const imp = await t.importFile(file);
  return jobResult<PreviewResult>(await t.runJob('clean.preview', { datasetId: imp.datasetId, version: 1, source, full }));
}
