// Nearest neighbour by Levenshtein distance (in characters), within blocks, in DuckDB SQL, with
// pairs of non-ASCII text settled in JavaScript. Candidates are distinct values sharing a substring
// of `blockChars` characters (OpenRefine's n-gram blocking); close pairs are linked, and clusters
// are the connected components of the links (union-find).
//
// Comparing every pair sharing any substring is quadratic in the big blocks ("straße", "@gmail"),
// so two things keep it small:
// - Prefix filtering (Ed-Join): an edit destroys at most `blockChars` substrings, so two values within
//   distance t share, among each one's t·blockChars + 1 rarest substrings, at least one. Indexing only
//   those finds exactly the close pairs that full blocking finds, from far fewer candidates.
// - A pair budget: when the blocks that remain would still give more than PAIR_BUDGET candidates,
//   the largest blocks are skipped (the result says which) — raise blockChars for smaller blocks.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LevenshteinParams } from '../../../shared/api/cluster-types';
import { num } from '../db/database';
import { runTracked } from '../db/tracked';
import type { JobContext } from '../jobs/jobs';
import type { WorkerPool } from '../workers/pool';
import type { Group } from './build';
import { UnionFind } from './union-find';

/** Candidate pairs compared at most (an estimate that counts a pair once per shared block). */
export const PAIR_BUDGET = 3_000_000;

/**
 * The largest distance a partner of a value of length `len` can be at: the radius, or for a
 * relative radius r, r·max(la, lb) ≤ r·len/(1 − r) (a partner is at most len/(1 − r) long).
 */
function maxDistanceSql(p: LevenshteinParams, len: string): string {
  return p.relative ? `CAST(floor($r * ${len} / (1 - $r) + 1e-9) AS INTEGER)` : 'CAST($r AS INTEGER)';
}

/**
 * Creates `prefix` (id, gram, len): each value's rarest substrings, as many as prefix filtering
 * needs. Values are compared lower-cased and trimmed (case and edge spaces are the fingerprint's
 * business and should not use up the radius); a value no longer than `blockChars` is one block
 * key by itself (as in OpenRefine), so a short value meets only values that contain it.
 */
export function prefixSql(scratch: string, prefix: string, p: LevenshteinParams): string {
  return `
    CREATE TABLE ${prefix} AS
    WITH k AS (SELECT CAST($k AS INTEGER) AS k),
    s AS (SELECT id, lower(trim(v)) AS s, length(lower(trim(v))) AS len FROM ${scratch}),
    grams AS (
      SELECT DISTINCT id, len, gram FROM (
        SELECT id, len, unnest(CASE WHEN len <= k THEN [s] ELSE list_transform(range(1, len - k + 2), i -> substr(s, i, k)) END) AS gram
        FROM s, k)),
    freq AS (SELECT gram, count(*) AS f FROM grams GROUP BY gram),
    ranked AS (SELECT g.id, g.len, g.gram, row_number() OVER (PARTITION BY g.id ORDER BY f.f, g.gram) AS rk FROM grams g JOIN freq f USING (gram))
    SELECT id, gram, len FROM ranked, k WHERE rk <= ${maxDistanceSql(p, 'len')} * k + 1`;
}

/** The largest block size that keeps the estimated candidate pairs within the budget. */
function blockCapSql(prefix: string): string {
  return `
    WITH b AS (SELECT gram, count(*) AS n FROM ${prefix} GROUP BY gram HAVING count(*) > 1),
    c AS (SELECT gram, n, sum(n * (n - 1) / 2) OVER (ORDER BY n) AS cum FROM b)
    SELECT coalesce(max(n) FILTER (WHERE cum <= $budget), 1) AS cap,
      count(*) FILTER (WHERE cum > $budget) AS skipped,
      list(gram ORDER BY n DESC, gram) FILTER (WHERE cum > $budget)[1:3] AS examples
    FROM c`;
}

/**
 * Close pairs among the candidates of blocks of at most `cap` values. DuckDB's levenshtein()
 * counts bytes, exact for ASCII; a pair with other text comes back with its strings (a char is at
 * most 4 bytes, so its byte distance is at most 4× the real one) for closePairs to settle.
 */
export function closePairsSql(scratch: string, prefix: string, p: LevenshteinParams): string {
  const within = (a: string, b: string) => (p.relative ? `$r * greatest(${a}.len, ${b}.len)` : 'CAST($r AS DOUBLE)');
  return `
    WITH b AS (SELECT gram FROM ${prefix} GROUP BY gram HAVING count(*) BETWEEN 2 AND $cap),
    pb AS (SELECT id, gram, len FROM ${prefix} SEMI JOIN b USING (gram)),
    candidates AS (
      SELECT DISTINCT x.id AS a, y.id AS b FROM pb x JOIN pb y ON x.gram = y.gram AND x.id < y.id
      WHERE abs(x.len - y.len) <= ${within('x', 'y')}),
    s AS (SELECT id, lower(trim(v)) AS s, length(lower(trim(v))) AS len FROM ${scratch}),
    pairs AS (
      SELECT c.a, c.b, sa.s AS sa, sb.s AS sb, ${within('sa', 'sb')} AS within, strlen(sa.s) = sa.len AND strlen(sb.s) = sb.len AS ascii
      FROM candidates c JOIN s sa ON sa.id = c.a JOIN s sb ON sb.id = c.b)
    SELECT a, b, CASE WHEN ascii THEN NULL ELSE sa END AS sa, CASE WHEN ascii THEN NULL ELSE sb END AS sb, within
    FROM pairs WHERE levenshtein(sa, sb) <= CASE WHEN ascii THEN within ELSE 4 * within END`;
}

interface PairRows {
  a: number[];
  b: number[];
  /** NULL when the pair is settled (ASCII); else the compared strings. */
  sa: (string | null)[];
  sb: (string | null)[];
  within: number[];
}

/** Links the settled pairs, and the unsettled ones that closePairs finds close. */
async function linkPairs(pool: WorkerPool, ctx: JobContext, rows: PairRows, uf: UnionFind): Promise<void> {
  const open: number[] = [];
  for (let i = 0; i < rows.a.length; i++) {
    if (rows.sa[i] === null) uf.union(rows.a[i]!, rows.b[i]!);
    else open.push(i);
  }
  if (open.length === 0) return;
  ctx.progress({ stage: 'measuring non-ASCII pairs', done: 0, total: open.length });
  const flags = await pool.map('cluster.closePairs', open, {
    signal: ctx.signal,
    onProgress: (done) => ctx.progress({ done }),
    input: (batch) => ({ left: batch.map((i) => rows.sa[i]!), right: batch.map((i) => rows.sb[i]!), max: batch.map((i) => rows.within[i]!) }),
  });
  let k = 0;
  for (const f of flags) for (const close of f) {
    const i = open[k++]!;
    if (close) uf.union(rows.a[i]!, rows.b[i]!);
  }
}

export interface NearestOutcome {
  groups: Group[];
  /** Said when the budget skipped blocks. */
  warnings: string[];
}

export async function levenshteinGroups(
  conn: DuckDBConnection,
  pool: WorkerPool,
  ctx: JobContext,
  t: { distinct: string; work: string },
  p: LevenshteinParams,
  distinct: number,
  budget = PAIR_BUDGET,
): Promise<NearestOutcome> {
  const percent = (pct: number) => ctx.progress({ done: Math.round(pct) });
  ctx.progress({ stage: 'blocking', done: 0, total: 100, unit: 'steps' });
  await runTracked(conn, ctx, prefixSql(t.distinct, t.work, p), { k: p.blockChars, r: p.radius }, percent);
  const capRow = (await (await runTracked(conn, ctx, blockCapSql(t.work), { budget })).getRowObjectsJS())[0] ?? {};
  const cap = num(capRow.cap);
  const skipped = num(capRow.skipped);
  ctx.progress({ stage: 'comparing candidate pairs', done: 0 });
  const r = await runTracked(conn, ctx, closePairsSql(t.distinct, t.work, p), { r: p.radius, cap }, percent);
  // An empty result has no columns at all.
  const [a = [], b = [], sa = [], sb = [], within = []] = (await r.getColumnsJS()) as Partial<[number[], number[], (string | null)[], (string | null)[], number[]]>;
  const uf = new UnionFind(distinct);
  await linkPairs(pool, ctx, { a, b, sa, sb, within }, uf);
  const warnings =
    skipped > 0
      ? [
          `${skipped.toLocaleString('en-US')} blocks of more than ${cap.toLocaleString('en-US')} values (shared substrings such as ${(capRow.examples as string[]).map((g) => JSON.stringify(g)).join(', ')}) were not compared, to stay within ${budget.toLocaleString('en-US')} candidate pairs; values close only through those were not linked. A larger blockChars makes blocks smaller.`,
        ]
      : [];
  return { groups: uf.groups().map((ids) => ({ ids })), warnings };
}
