// A profile run, as a job: the deterministic sample, then — on two connections at once — the
// sample's text figures and (the type decision, distributions, then the pass over every row,
// column by column), then the result cached with an event-log entry in one transaction.
// Cancelled at any point, it leaves nothing: scratch tables are dropped and nothing is cached.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetProfile } from '../../../shared/api/profile-types';
import { getDataset, versionTable } from '../datasets/catalog';
import type { JobContext } from '../jobs/jobs';
import { appendEvent } from '../workspace/event-log';
import type { Workspace } from '../workspace/workspace';
import { basisFor, columnProfile, type TextFigures } from './assemble';
import { writeProfile } from './cache';
import { exactDistinctColumns } from './distinct';
import { variantSummaries } from './near-groups';
import { sampleDistributions } from './numeric';
import { numericKind, plansFor, type ColumnPlan } from './plan';
import { buildSample, dropScratch, inferTypes, sampleEvery, scratchFor, type Scratch } from './sample';
import { scanAll } from './scan';
import { failingExamples, patterns, topValues, whitespace } from './text-stats';


/** Runs `fn` on a connection of its own set to UTC, so timestamps without an offset read the same on every machine. */
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

/** Both results, once both have ended (so nothing still reads the scratch tables when they go). */
async function both<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === 'rejected') throw ra.reason;
  if (rb.status === 'rejected') throw rb.reason;
  return [ra.value, rb.value];
}

/** The sample's text figures; those that need the column types wait for `typesDecided`. */
async function textFigures(conn: DuckDBConnection, job: JobContext, plans: ColumnPlan[], s: Scratch, typesDecided: Promise<void>): Promise<TextFigures> {
  const top = await topValues(conn, job, s);
  const pats = await patterns(conn, job, s);
  const ws = await whitespace(conn, job, s);
  await typesDecided;
  const lettered = plans.filter((p) => numericKind(p.type) === null).map((p) => p.index);
  const caseVariants = await variantSummaries(conn, job, s, 'case', lettered);
  const nearGroups = await variantSummaries(conn, job, s, 'fingerprint', plans.filter((p) => p.type === 'text').map((p) => p.index));
  const failing = await failingExamples(conn, job, plans, s);
  return { topValues: top, patternCounts: pats.distinct, patterns: pats.top, whitespace: ws, caseVariants, nearGroups, failingExamples: failing };
}

/** The sample's distributions (the scan needs their fences), then the scan over every row. */
async function everyRow(conn: DuckDBConnection, job: JobContext, t: { data: string; plans: ColumnPlan[]; scratch: Scratch; every: number; rowCount: number }) {
  const distributions = await sampleDistributions(conn, job, t.plans, t.scratch);
  const exact = t.every === 1 ? null : await exactDistinctColumns(conn, job, t);
  const scan = await scanAll(conn, job, t.data, t.plans, distributions, {
    exactDistinct: (p) => exact === null || exact.has(p.index),
    rowCountHint: t.rowCount,
    // Progress counts the rows the scan has read (the sample's stages before it read few).
    onPercent: (pct) => job.progress({ done: Math.round((pct / 100) * t.rowCount), rows: Math.round((pct / 100) * t.rowCount) }),
  });
  return { distributions, scan };
}

async function measure(ws: Workspace, job: JobContext, datasetId: string, version: number): Promise<DatasetProfile> {
  const detail = await getDataset(ws.db, datasetId, version);
  const { table: data, rowCount } = await versionTable(ws.db, datasetId, version);
  const plans = plansFor(detail.columns);
  const every = sampleEvery(rowCount);
  const scratch = scratchFor(job.id);
  job.progress({ stage: 'reading the sample', done: 0, total: rowCount, unit: 'rows' });
  try {
    const sampleRows = await inUtc(ws, (conn) => buildSample(conn, job, data, every, plans, scratch));
    job.progress({ stage: 'deciding column types' });
    // The text figures that do not depend on the types start at once, on the second connection.
    const typesDecided = inUtc(ws, (conn) => inferTypes(conn, job, plans, scratch));
    const [text, { distributions, scan }] = await both(
      inUtc(ws, (conn) => textFigures(conn, job, plans, scratch, typesDecided)),
      typesDecided.then(() => {
        job.progress({ stage: 'scanning every row' });
        return inUtc(ws, (conn) => everyRow(conn, job, { data, plans, scratch, every, rowCount }));
      }),
    );
    const columns = Object.fromEntries(plans.map((p) => [p.info.id, columnProfile(p, scan.columns.get(p.index)!, text, distributions.get(p.index))]));
    return {
      datasetId,
      version,
      rowCount: scan.rowCount,
      computedAt: new Date().toISOString(),
      seconds: 0,
      sample: { rows: sampleRows, every, complete: every === 1 },
      basis: basisFor(every === 1, Object.values(columns).every((c) => c.distinctExact)),
      columns,
    };
  } finally {
    await ws.db.with((conn) => dropScratch(conn, scratch));
  }
}

export async function runProfile(ws: Workspace, job: JobContext, datasetId: string, version: number, actor: string): Promise<DatasetProfile> {
  const started = performance.now();
  const profile = await measure(ws, job, datasetId, version);
  job.throwIfCancelled();
  job.progress({ stage: 'saving', done: profile.rowCount });
  profile.seconds = Math.round((performance.now() - started) / 10) / 100;
  await ws.exclusive(() =>
    ws.db.transaction(async (conn) => {
      await writeProfile(conn, profile);
      await appendEvent(conn, {
        action: 'dataset.profiled',
        actor,
        subject: { dataset: datasetId, version: String(version) },
        details: { rows: profile.rowCount, columns: Object.keys(profile.columns).length, sampleRows: profile.sample.rows, seconds: profile.seconds },
      });
    }),
  );
  return profile;
}
