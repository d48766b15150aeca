// A risk measurement, as a job: group the version by its quasi-identifiers (the one pass over the
// data), measure k-anonymity, search for generalisations that reach the target k, and measure a
// later version the same way. Scratch tables live in the in-memory catalogue and are dropped
// however the job ends; the measurement is recorded in the event log.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RiskMeasure, RiskResult } from '../../../shared/api/pii-types';
import { AppError } from '../../../shared/api/result';
import type { ColumnInfo } from '../../../shared/api/types';
import { versionTable } from '../datasets/catalog';
import { SCRATCH, qualified } from '../db/sql';
import type { JobContext } from '../jobs/jobs';
import { appendEvent } from '../workspace/event-log';
import type { Workspace } from '../workspace/workspace';
import { matchAfter, rolesOf } from './columns';
import { groupCombos, measureCombos } from './measure';
import { searchGeneralisations, type SearchColumn, type SearchTables } from './search';

export interface RiskRequest {
  datasetId: string;
  version: number;
  /** The quasi-identifiers, already checked against the version (resolveQuasi). */
  quasi: ColumnInfo[];
  k: number;
  afterVersion?: number;
}

export function caveatFor(quasi: readonly { header: string }[]): string {
  return (
    `k-anonymity over the chosen quasi-identifiers only (${quasi.map((c) => JSON.stringify(c.header)).join(', ')}): it says nothing of the columns not chosen, ` +
    'nor of what someone could link from outside this table. Personal data that detection did not find is "not detected", never "not present".'
  );
}

/** Checks the later version before the job starts, so a bad request fails at once. */
export async function checkAfterVersion(ws: Workspace, datasetId: string, version: number, afterVersion: number | undefined): Promise<void> {
  if (afterVersion === undefined) return;
  if (afterVersion <= version) throw new AppError('INVALID_ARGUMENT', `afterVersion must be later than version ${version}; got ${afterVersion}.`, { afterVersion });
  await versionTable(ws.db, datasetId, afterVersion);
}

interface Scratch extends SearchTables {
  after: string;
  all: string[];
}

function scratchFor(jobId: string): Scratch {
  const base = `risk_${jobId}_${Date.now()}`;
  const all: string[] = [];
  const name = (s: string) => {
    const n = qualified(SCRATCH, 'main', `${base}_${s}`);
    if (!all.includes(n)) all.push(n);
    return n;
  };
  return { combos: name('combos'), coded: name('coded'), after: name('after'), dist: (i) => name(`dist${i}`), work: (s) => name(`work_${s}`), all };
}

/** Runs `fn` on a connection of its own set to UTC, so timestamps read as text the same everywhere. */
function inUtc<T>(ws: Workspace, fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  return ws.db.with(async (conn) => {
    await conn.run(`SET TimeZone = 'UTC'`);
    try {
      return await fn(conn);
    } finally {
      await conn.run('RESET TimeZone').catch(() => undefined);
    }
  });
}

async function measureVersion(
  conn: DuckDBConnection,
  job: JobContext,
  ws: Workspace,
  t: { datasetId: string; version: number; columnIds: string[]; target: string; k: number; stage: string },
): Promise<RiskMeasure> {
  const { table: data, rowCount } = await versionTable(ws.db, t.datasetId, t.version);
  job.progress({ stage: t.stage, done: 0, total: rowCount, unit: 'rows' });
  await groupCombos(conn, job, data, t.columnIds, t.target, (pct) => {
    const done = Math.round((pct / 100) * rowCount);
    job.progress({ done, rows: done });
  });
  return measureCombos(conn, job, t.target, t.version, t.k);
}

/** Measures `r` (no log entry); `search: false` skips the search for generalisations (a report needs the measures only). */
export async function measure(ws: Workspace, job: JobContext, r: RiskRequest, opts: { search: boolean } = { search: true }): Promise<RiskResult> {
  const roles = await rolesOf(ws.db, r.datasetId, r.version, r.quasi);
  const cols: SearchColumn[] = r.quasi.map((c) => ({ columnId: c.id, header: c.header, role: roles.get(c.id) ?? 'categorical' }));
  const s = scratchFor(job.id);
  const notes: string[] = [];
  try {
    return await inUtc(ws, async (conn) => {
      const before = await measureVersion(conn, job, ws, {
        datasetId: r.datasetId, version: r.version, columnIds: cols.map((c) => c.columnId), target: s.combos, k: r.k, stage: 'grouping rows by the quasi-identifiers',
      });
      let suggestions: RiskResult['suggestions'] = [];
      if (before.rows > 0 && before.rows < r.k) {
        notes.push(`Version ${r.version} has ${before.rows} rows, fewer than k = ${r.k}: no generalisation can reach it.`);
      } else if (opts.search && before.rows > 0 && before.k < r.k) {
        const found = await searchGeneralisations(conn, job, s, cols, r.k);
        suggestions = found.suggestions;
        notes.push(...found.notes);
      }
      let after: RiskMeasure | null = null;
      if (r.afterVersion !== undefined) {
        const m = await matchAfter(ws.db, r.datasetId, r.afterVersion, r.quasi);
        notes.push(...m.notes);
        after = await measureVersion(conn, job, ws, {
          datasetId: r.datasetId, version: r.afterVersion, columnIds: m.kept.map((c) => c.id), target: s.after, k: r.k, stage: `measuring version ${r.afterVersion}`,
        });
      }
      return {
        datasetId: r.datasetId,
        quasi: cols.map((c) => ({ columnId: c.columnId, header: c.header })),
        targetK: r.k,
        before,
        after,
        suggestions,
        notes,
        caveat: caveatFor(r.quasi),
      };
    });
  } finally {
    await ws.db.with(async (conn) => {
      for (const t of s.all) await conn.run(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
    });
  }
}

export async function runRisk(ws: Workspace, job: JobContext, r: RiskRequest, actor: string): Promise<RiskResult> {
  const started = performance.now();
  const result = await measure(ws, job, r);
  job.throwIfCancelled();
  await ws.exclusive(() =>
    ws.db.transaction((conn) =>
      appendEvent(conn, {
        action: 'dataset.risk_measured',
        actor,
        subject: { dataset: r.datasetId, version: String(r.version) },
        details: {
          quasi: result.quasi,
          targetK: r.k,
          k: result.before.k,
          recordsBelowK: result.before.recordsBelowK,
          ...(result.after ? { afterVersion: result.after.version, afterK: result.after.k, afterRecordsBelowK: result.after.recordsBelowK } : {}),
          suggestions: result.suggestions.length,
          seconds: Math.round((performance.now() - started) / 10) / 100,
        },
      }),
    ),
  );
  return result;
}
