// A version's latest duplicate run as stored: writing it from a finder's outcome (inside the
// caller's transaction), and reading it back — the summary with live review counts, windows of
// clusters and of the review queue, one pair side by side with its per-comparison contributions.
import type { DuckDBConnection } from '@duckdb/node-api';
import type {
  DedupeCluster,
  DedupeClusterPage,
  DedupeModel,
  DedupePair,
  DedupeReviewItem,
  DedupeReviewPage,
  DedupeSummary,
  PairContribution,
  RecordValues,
} from '../../../shared/api/dedupe-types';
import { AppError } from '../../../shared/api/result';
import type { ColumnInfo } from '../../../shared/api/types';
import { getColumns, versionTable } from '../datasets/catalog';
import { num, type Database } from '../db/database';
import { ident, table } from '../db/sql';
import { runTracked } from '../db/tracked';
import { displayExpr } from '../grid/grid';
import type { JobContext } from '../jobs/jobs';
import { normalisePair } from './decisions';
import { MISSING_LEVEL, type DedupeOutcome } from './types';

/**
 * Pairs scored below this are not stored (unless decided, or inside a review band set lower): on a million rows the finder scores
 * millions of hopeless pairs that no screen shows and no count needs (the counts and histograms
 * are the finder's, taken over every pair). `sanitizer dedupe --pairs` writes every pair.
 */
export const STORED_MIN_PROBABILITY = 0.01;

interface RunKey {
  datasetId: string;
  version: number;
}

/** Replaces the version's stored run with `outcome` and `summary`, on `conn` inside the caller's transaction. */
export async function writeRun(conn: DuckDBConnection, job: JobContext, key: RunKey, outcome: DedupeOutcome, summary: DedupeSummary): Promise<void> {
  const k = { ds: key.datasetId, v: key.version };
  for (const t of [table.dedupeRun, table.dedupePair, table.dedupeCluster, table.dedupeClusterInfo]) {
    await conn.run(`DELETE FROM ${t} WHERE dataset_id = $ds AND version = $v`, k);
  }
  const { model, ...rest } = summary;
  // A review band reaching below the floor queues pairs there: they are stored too, or the queue and
  // its count would miss pairs the finder counted in the band.
  const floor = Math.min(STORED_MIN_PROBABILITY, summary.settings.review.lower);
  await conn.run(`INSERT INTO ${table.dedupeRun} VALUES ($ds, $v, $at::TIMESTAMPTZ, $by, $summary, $model)`, {
    ...k, at: summary.ranAt, by: summary.ranBy, summary: JSON.stringify(rest), model: JSON.stringify(model),
  });
  await runTracked(
    conn,
    job,
    // The decided pairs below the floor are a semi-join of their own: an EXISTS or-ed into the filter
    // made DuckDB mark every scored pair (9.3M on 1M rows: 3.9 s and 1.4 GiB more, against 0.8 s).
    `INSERT INTO ${table.dedupePair}
     SELECT $ds, $v, p.row_id_l, p.row_id_r, p.probability, p.weight, p.levels::UTINYINT[], p.weights::FLOAT[] FROM (
       SELECT * FROM ${outcome.pairs} WHERE probability >= $floor OR decision IS NOT NULL
       UNION ALL
       SELECT p.* FROM ${outcome.pairs} p SEMI JOIN ${table.dedupeDecision} d ON d.dataset_id = $ds AND d.row_id_l = p.row_id_l AND d.row_id_r = p.row_id_r
       WHERE p.probability < $floor AND p.decision IS NULL) p
     ORDER BY p.row_id_l, p.row_id_r`,
    { ...k, floor },
  );
  await runTracked(
    conn,
    job,
    `INSERT INTO ${table.dedupeClusterInfo} SELECT $ds, $v, cluster_id, size, min_probability, fully_linked FROM ${outcome.clusterInfo} ORDER BY cluster_id`,
    k,
  );
  await runTracked(
    conn,
    job,
    `INSERT INTO ${table.dedupeCluster} SELECT $ds, $v, c.row_id, c.cluster_id FROM ${outcome.clusters} c
     WHERE c.cluster_id IN (SELECT cluster_id FROM ${outcome.clusterInfo}) ORDER BY c.cluster_id, c.row_id`,
    k,
  );
}

interface StoredRun {
  summary: DedupeSummary;
}

async function storedRun(db: Database, key: RunKey): Promise<StoredRun | null> {
  const r = await db.one(`SELECT summary::VARCHAR AS s, model::VARCHAR AS m FROM ${table.dedupeRun} WHERE dataset_id = $ds AND version = $v`, { ds: key.datasetId, v: key.version });
  if (!r) return null;
  const summary = { ...(JSON.parse(String(r.s)) as Omit<DedupeSummary, 'model'>), model: JSON.parse(String(r.m)) as DedupeModel };
  return { summary };
}

async function requireRun(db: Database, key: RunKey): Promise<StoredRun> {
  await versionTable(db, key.datasetId, key.version);
  const run = await storedRun(db, key);
  if (!run) throw new AppError('NOT_FOUND', `Version ${key.version} of ${key.datasetId} has not been searched for duplicates yet; run Find duplicates first.`);
  return run;
}

const BAND = `p.probability >= $lower AND p.probability < $upper`;
const DECIDED = `EXISTS (SELECT 1 FROM ${table.dedupeDecision} d WHERE d.dataset_id = p.dataset_id AND d.row_id_l = p.row_id_l AND d.row_id_r = p.row_id_r)`;

/** Review counts as they stand now (decisions made since the run change them). */
async function liveCounts(db: Database, key: RunKey, s: DedupeSummary): Promise<{ reviewPairs: number; decidedPairs: number }> {
  const r = await db.one(
    `SELECT (SELECT count(*) FROM ${table.dedupePair} p WHERE p.dataset_id = $ds AND p.version = $v AND ${BAND} AND NOT ${DECIDED}) AS review,
            (SELECT count(*) FROM ${table.dedupeDecision} WHERE dataset_id = $ds) AS decided`,
    { ds: key.datasetId, v: key.version, lower: s.settings.review.lower, upper: s.settings.review.upper },
  );
  return { reviewPairs: num(r?.review), decidedPairs: num(r?.decided) };
}

/** The version's latest run, its review counts brought up to date; null before any run. */
export async function readSummary(db: Database, datasetId: string, version: number): Promise<DedupeSummary | null> {
  const key = { datasetId, version };
  await versionTable(db, datasetId, version);
  const run = await storedRun(db, key);
  if (!run) return null;
  return { ...run.summary, counts: { ...run.summary.counts, ...(await liveCounts(db, key, run.summary)) } };
}

/** Counts for dedupe.decide's answer. */
export async function reviewCounts(db: Database, datasetId: string, version: number): Promise<{ decidedPairs: number; reviewPairs: number }> {
  const run = await storedRun(db, { datasetId, version });
  if (run) return liveCounts(db, { datasetId, version }, run.summary);
  const r = await db.one(`SELECT count(*) AS n FROM ${table.dedupeDecision} WHERE dataset_id = $ds`, { ds: datasetId });
  return { decidedPairs: num(r?.n), reviewPairs: 0 };
}

/** The values of all columns (display text, in column order) of some rows. */
async function recordsOf(db: Database, data: string, columns: ColumnInfo[], rowIds: number[]): Promise<Map<number, RecordValues>> {
  const out = new Map<number, RecordValues>();
  if (rowIds.length === 0) return out;
  const ids = [...new Set(rowIds)].map((n) => String(Math.trunc(n))).join(', ');
  const select = columns.map((c, i) => `${displayExpr(c)} AS v${i}`);
  const rows = await db.all(`SELECT row_id${select.map((s) => `, ${s}`).join('')} FROM ${ident(data)} WHERE row_id IN (${ids})`);
  for (const r of rows) {
    const rowId = num(r.row_id);
    out.set(rowId, { rowId, values: columns.map((_, i) => (r[`v${i}`] === null || r[`v${i}`] === undefined ? null : String(r[`v${i}`]))) });
  }
  return out;
}

const missingRecord = (rowId: number, n: number): RecordValues => ({ rowId, values: Array.from({ length: n }, () => null) });

/**
 * Members shown per cluster: a long chain can gather thousands of rows, which no one reads side
 * by side; `size` still says how many there are.
 */
export const MAX_MEMBERS = 100;

/** A window of the clusters of two or more, largest first, then by smallest row id (the cluster id); the first MAX_MEMBERS members of each. */
export async function clustersPage(db: Database, req: RunKey & { offset: number; limit: number; chainedOnly: boolean }): Promise<DedupeClusterPage> {
  await requireRun(db, req);
  const { table: data } = await versionTable(db, req.datasetId, req.version);
  const columns = await getColumns(db, req.datasetId, req.version);
  const where = `dataset_id = $ds AND version = $v${req.chainedOnly ? ' AND NOT fully_linked' : ''}`;
  const k = { ds: req.datasetId, v: req.version };
  const total = num((await db.one(`SELECT count(*) AS n FROM ${table.dedupeClusterInfo} WHERE ${where}`, k))?.n);
  const infos = await db.all(
    `SELECT cluster_id, size, min_probability, fully_linked FROM ${table.dedupeClusterInfo} WHERE ${where}
     ORDER BY size DESC, cluster_id LIMIT $lim OFFSET $off`,
    { ...k, lim: req.limit, off: req.offset },
  );
  const ids = infos.map((r) => num(r.cluster_id));
  const members = ids.length === 0 ? [] : await db.all(
    `SELECT cluster_id, row_id FROM ${table.dedupeCluster} WHERE dataset_id = $ds AND version = $v AND cluster_id IN (${ids.join(', ')})
     QUALIFY row_number() OVER (PARTITION BY cluster_id ORDER BY row_id) <= ${MAX_MEMBERS} ORDER BY cluster_id, row_id`,
    k,
  );
  const records = await recordsOf(db, data, columns, members.map((m) => num(m.row_id)));
  const clusters: DedupeCluster[] = infos.map((r) => {
    const id = num(r.cluster_id);
    return {
      clusterId: id,
      size: num(r.size),
      minProbability: Number(r.min_probability),
      fullyLinked: Boolean(r.fully_linked),
      members: members.filter((m) => num(m.cluster_id) === id).map((m) => records.get(num(m.row_id)) ?? missingRecord(num(m.row_id), columns.length)),
    };
  });
  return { columns: columns.map((c) => ({ id: c.id, header: c.header })), total, offset: req.offset, clusters };
}

/** A pair's score taken apart: the prior and each comparison's level and weight, from the stored model. */
export function pairOf(r: Record<string, unknown>, model: DedupeModel): DedupePair {
  const levels = listOf(r.levels);
  const weights = listOf(r.weights);
  const contributions: PairContribution[] = model.comparisons.map((c, i) => {
    const level = levels[i];
    const label = level === undefined || level === MISSING_LEVEL ? null : (c.levels[level]?.label ?? `level ${level}`);
    return { comparisonId: c.id, label: c.label, level: label, weight: weights[i] ?? 0 };
  });
  const lambda = model.lambda;
  const priorWeight = lambda > 0 && lambda < 1 ? Math.log2(lambda / (1 - lambda)) : 0;
  return {
    rowIdL: num(r.row_id_l),
    rowIdR: num(r.row_id_r),
    probability: Number(r.probability),
    weight: Number(r.weight),
    priorWeight,
    contributions,
    decision: r.decision === 'match' || r.decision === 'non_match' ? r.decision : null,
  };
}

function listOf(v: unknown): number[] {
  if (Array.isArray(v)) return v.map((x) => Number(x));
  if (v && typeof v === 'object' && 'items' in v && Array.isArray((v as { items: unknown[] }).items)) return (v as { items: unknown[] }).items.map((x) => Number(x));
  return [];
}

const norm = (v: string | null) => (v === null ? null : v.trim().toLowerCase());

/** Column ids whose values differ after trimming and lower-casing (a missing value differs from any text). */
export function differing(columns: { id: string }[], left: RecordValues, right: RecordValues): string[] {
  return columns.filter((_, i) => norm(left.values[i] ?? null) !== norm(right.values[i] ?? null)).map((c) => c.id);
}

const PAIR_COLUMNS = `p.row_id_l, p.row_id_r, p.probability, p.weight, p.levels, p.weights,
  (SELECT d.decision FROM ${table.dedupeDecision} d WHERE d.dataset_id = p.dataset_id AND d.row_id_l = p.row_id_l AND d.row_id_r = p.row_id_r) AS decision`;

async function items(db: Database, key: RunKey, model: DedupeModel, rows: Record<string, unknown>[]): Promise<{ columns: ColumnInfo[]; items: DedupeReviewItem[] }> {
  const { table: data } = await versionTable(db, key.datasetId, key.version);
  const columns = await getColumns(db, key.datasetId, key.version);
  const records = await recordsOf(db, data, columns, rows.flatMap((r) => [num(r.row_id_l), num(r.row_id_r)]));
  return {
    columns,
    items: rows.map((r) => {
      const pair = pairOf(r, model);
      const left = records.get(pair.rowIdL) ?? missingRecord(pair.rowIdL, columns.length);
      const right = records.get(pair.rowIdR) ?? missingRecord(pair.rowIdR, columns.length);
      return { pair, left, right, differing: differing(columns, left, right) };
    }),
  };
}

/** A window of the review queue: pairs in the run's review band, most uncertain (nearest 0.5) first. */
export async function reviewPage(db: Database, req: RunKey & { offset: number; limit: number; include: 'undecided' | 'all' }): Promise<DedupeReviewPage> {
  const { summary } = await requireRun(db, req);
  const where = `p.dataset_id = $ds AND p.version = $v AND ${BAND}${req.include === 'undecided' ? ` AND NOT ${DECIDED}` : ''}`;
  const k = { ds: req.datasetId, v: req.version, lower: summary.settings.review.lower, upper: summary.settings.review.upper };
  const total = num((await db.one(`SELECT count(*) AS n FROM ${table.dedupePair} p WHERE ${where}`, k))?.n);
  const rows = await db.all(
    `SELECT ${PAIR_COLUMNS} FROM ${table.dedupePair} p WHERE ${where}
     ORDER BY abs(p.probability - 0.5), p.row_id_l, p.row_id_r LIMIT $lim OFFSET $off`,
    { ...k, lim: req.limit, off: req.offset },
  );
  const page = await items(db, req, summary.model, rows);
  return { columns: page.columns.map((c) => ({ id: c.id, header: c.header })), total, offset: req.offset, items: page.items };
}

/** One stored pair side by side (the row ids in either order). */
export async function pairItem(db: Database, req: RunKey & { rowIdL: number; rowIdR: number }): Promise<DedupeReviewItem> {
  const { summary } = await requireRun(db, req);
  const { rowIdL: l, rowIdR: r } = normalisePair(req.rowIdL, req.rowIdR);
  const rows = await db.all(`SELECT ${PAIR_COLUMNS} FROM ${table.dedupePair} p WHERE p.dataset_id = $ds AND p.version = $v AND p.row_id_l = $l AND p.row_id_r = $r`, {
    ds: req.datasetId, v: req.version, l, r,
  });
  if (rows.length === 0) {
    throw new AppError(
      'NOT_FOUND',
      `Rows ${l} and ${r} of ${req.datasetId} v${req.version} are not a pair the latest run kept: no blocking rule paired them, or they scored below ${STORED_MIN_PROBABILITY}.`,
      { rowIdL: l, rowIdR: r },
    );
  }
  const page = await items(db, req, summary.model, rows);
  const item = page.items[0];
  if (!item) throw new AppError('INTERNAL', `The pair ${l}–${r} could not be read.`);
  return item;
}
