// Duplicate detection as jobs: `plan` (roles and blocking rules with their pair counts) and `run`
// (the whole finder over a version), with the settings checked against the version's columns.
// A run stores its summary, model, pairs and clusters in one transaction and logs it; cancelled or
// failed at any point, the version keeps its previous run untouched.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DedupePlan, DedupeRole, DedupeSettings, DedupeSummary } from '../../../shared/api/dedupe-types';
import { AppError } from '../../../shared/api/result';
import type { ColumnInfo } from '../../../shared/api/types';
import { frameColumns } from '../clean/frame';
import { Query } from '../clean/query';
import { getDataset, versionTable } from '../datasets/catalog';
import { ident, table } from '../db/sql';
import type { JobContext } from '../jobs/jobs';
import type { WorkerPool } from '../workers/pool';
import { checkpointKeySigner, writeCheckpoint } from '../audit/checkpoint';
import { appendEvent } from '../workspace/event-log';
import type { Workspace } from '../workspace/workspace';
import { decisionsFor } from './decisions';
import { claimFiles, dropFiles, publishFiles, writeFiles, type DedupeFiles, type WrittenFile } from './export';
import { readSummary, writeRun } from './store';
import type { DedupeInput, FindDuplicates, PlanDuplicates } from './types';

export interface DedupeRequest {
  datasetId: string;
  version: number;
  settings: DedupeSettings;
}

/** The finder's entry points (find.ts); tests may pass others. */
export interface Finder {
  plan: PlanDuplicates;
  find: FindDuplicates;
}

/** A run's job result: the stored summary, and the files written when asked (the CLI). */
export type DedupeRunResult = DedupeSummary & { files?: WrittenFile[]; fileWarnings?: string[] };

/** Every column id the settings name must be one of the version's; the first unknown one is named. */
export function checkSettings(columns: ColumnInfo[], s: DedupeSettings, where: string): void {
  const known = new Set(columns.map((c) => c.id));
  const named: [string, string][] = [
    ...Object.keys(s.roles).map((id): [string, string] => [id, `settings.roles`]),
    ...(s.idColumn ? [[s.idColumn, 'settings.idColumn'] as [string, string]] : []),
    ...s.exclude.map((id): [string, string] => [id, 'settings.exclude']),
  ];
  for (const [id, field] of named) {
    if (!known.has(id)) {
      const list = columns.map((c) => `${c.id} ${JSON.stringify(c.header)}`).join(', ');
      throw new AppError('INVALID_ARGUMENT', `${field} names column ${id}, which ${where} does not have. Its columns are: ${list}.`, { columnId: id, field });
    }
  }
}

/** The roles the finder uses: the user's corrections, with the id column and the excluded ones never compared. */
export function finderRoles(s: DedupeSettings): Record<string, DedupeRole> {
  const roles: Record<string, DedupeRole> = { ...s.roles };
  for (const id of [...(s.idColumn ? [s.idColumn] : []), ...s.exclude]) roles[id] = 'ignore';
  return roles;
}

/** Checks the request against the catalogue (before a job starts, and again in it). */
export async function resolveRequest(ws: Workspace, req: DedupeRequest): Promise<{ data: string; rowCount: number; columns: ColumnInfo[]; sources: string[] }> {
  const detail = await getDataset(ws.db, req.datasetId, req.version);
  const { table: data, rowCount } = await versionTable(ws.db, req.datasetId, req.version);
  checkSettings(detail.columns, req.settings, `version ${req.version} of ${req.datasetId}`);
  // Without this, a header-only file fails later with "No column is compared" (every role of an
  // empty column is "not compared"), which sends the user hunting through roles for nothing.
  if (rowCount === 0) throw new AppError('INVALID_ARGUMENT', `${detail.dataset.name} (version ${req.version} of ${req.datasetId}) has no rows, only a header: there is nothing to compare.`, { datasetId: req.datasetId, version: req.version });
  return { data, rowCount, columns: detail.columns, sources: [detail.dataset.sourcePath] };
}

async function inputOf(conn: DuckDBConnection, req: DedupeRequest, t: { data: string; rowCount: number; columns: ColumnInfo[] }): Promise<DedupeInput> {
  return {
    relation: ident(t.data),
    columns: frameColumns(t.columns),
    rowCount: t.rowCount,
    settings: { ...req.settings, roles: finderRoles(req.settings) },
    decisions: req.settings.useDecisions ? await decisionsFor(conn, req.datasetId, t.data) : [],
  };
}

export async function planDedupe(ws: Workspace, workers: WorkerPool, job: JobContext, req: DedupeRequest, finder: Finder): Promise<DedupePlan> {
  const t = await resolveRequest(ws, req);
  job.progress({ stage: 'inferring roles and counting candidate pairs', done: 0, total: null, unit: 'steps' });
  return ws.db.with(async (conn) => {
    const q = new Query(conn, job, `dedupe_plan_${job.id}`, workers);
    try {
      const plan = await finder.plan(q, await inputOf(conn, req, t));
      return { datasetId: req.datasetId, version: req.version, rows: t.rowCount, roles: plan.roles, rules: plan.rules, candidatePairs: plan.candidatePairs, warnings: plan.warnings };
    } finally {
      await q.cleanup();
    }
  });
}

export async function runDedupe(
  ws: Workspace, workers: WorkerPool, job: JobContext, req: DedupeRequest, actor: string, finder: Finder, files?: DedupeFiles,
): Promise<DedupeRunResult> {
  const started = performance.now();
  const t = await resolveRequest(ws, req);
  const idColumn = t.columns.find((c) => c.id === req.settings.idColumn);
  const claimed = files ? claimFiles(files, t.sources) : {};
  job.progress({ stage: 'finding duplicates', done: 0, total: null, unit: 'steps' });
  try {
    return await ws.db.with(async (conn) => {
      const q = new Query(conn, job, `dedupe_${job.id}`, workers);
      try {
        const outcome = await finder.find(q, await inputOf(conn, req, t));
        job.throwIfCancelled();
        const pending = await writeFiles(conn, job, claimed, { data: t.data, idColumn, rowCount: t.rowCount, outcome });
        const summary: DedupeSummary = {
          datasetId: req.datasetId,
          version: req.version,
          ranAt: new Date().toISOString(),
          ranBy: actor,
          settings: req.settings,
          roles: outcome.roles,
          rules: outcome.rules,
          model: outcome.model,
          counts: outcome.counts,
          clusterSizes: outcome.clusterSizes,
          probabilities: outcome.probabilities,
          digests: outcome.digests,
          warnings: outcome.warnings,
          seconds: 0,
        };
        job.progress({ stage: 'storing the run', done: 0, total: null });
        await ws.exclusive(async () => {
          await conn.run('BEGIN TRANSACTION');
          try {
            const exists = (await conn.runAndReadAll(`SELECT count(*) AS n FROM ${table.version} WHERE dataset_id = $ds AND version = $v`, { ds: req.datasetId, v: req.version })).getRowObjects()[0];
            if (Number(exists?.n ?? 0) === 0) throw new AppError('NOT_FOUND', `Dataset ${req.datasetId} version ${req.version} was deleted while duplicates were being found; nothing was saved.`);
            summary.seconds = Math.round((performance.now() - started) / 10) / 100;
            await writeRun(conn, job, req, outcome, summary);
            await appendEvent(conn, {
              action: 'dedupe.ran',
              actor,
              subject: { dataset: req.datasetId, version: String(req.version) },
              details: {
                rows: outcome.counts.rows,
                candidatePairs: outcome.counts.candidatePairs,
                matchedPairs: outcome.counts.matchedPairs,
                clusters: outcome.counts.clusters,
                duplicateRows: outcome.counts.duplicateRows,
                exactDuplicateRows: outcome.counts.exactDuplicateRows,
                reviewPairs: outcome.counts.reviewPairs,
                threshold: req.settings.threshold,
                rules: outcome.rules.filter((r) => r.used).map((r) => r.id),
                digests: outcome.digests,
                seconds: summary.seconds,
              },
            });
            job.throwIfCancelled();
            await conn.run('COMMIT');
          } catch (err) {
            await conn.run('ROLLBACK').catch(() => undefined);
            throw err;
          }
        });
        const stored = (await readSummary(ws.db, req.datasetId, req.version)) ?? summary;
        if (!files) return stored;
        const written = await publishFiles(pending, files.force);
        // Files leaving the workspace are exports: logged (with their digests) and checkpointed like the others.
        if (written.length > 0) {
          await ws.exclusive(async () => {
            await checkpointKeySigner(ws, actor).catch(() => undefined);
            await ws.db.with((c) => appendEvent(c, {
              action: 'dedupe.exported', actor, subject: { dataset: req.datasetId, version: String(req.version) },
              details: { files: written.map((f) => ({ kind: f.kind, path: f.path, rows: f.rows, sha256: f.sha256 })) },
            }));
          });
          await writeCheckpoint(ws, null, actor).catch((err: unknown) => console.warn(`The files were written, but no audit checkpoint: ${(err as Error).message}`));
        }
        return { ...stored, files: written, fileWarnings: pending.warnings };
      } finally {
        await q.cleanup();
      }
    });
  } finally {
    dropFiles(claimed);
  }
}
