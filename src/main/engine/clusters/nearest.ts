// Nearest neighbour by Levenshtein distance, within blocks, in DuckDB SQL. Candidates are distinct
// values sharing a substring of `blockChars` characters (OpenRefine's n-gram blocking); close
// pairs are linked, and clusters are the connected components of the links (union-find).
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

/** Close pairs (a, b) among the candidates of blocks of at most `cap` values. */
export function closePairsSql(scratch: string, prefix: string, p: LevenshteinParams): string {
  const within = p.relative ? '$r * greatest(sa.len, sb.len)' : '$r';
  return `
    WITH b AS (SELECT gram FROM ${prefix} GROUP BY gram HAVING count(*) BETWEEN 2 AND $cap),
    pb AS (SELECT id, gram, len FROM ${prefix} SEMI JOIN b USING (gram)),
    candidates AS (
      SELECT DISTINCT x.id AS a, y.id AS b FROM pb x JOIN pb y ON x.gram = y.gram AND x.id < y.id
      WHERE abs(x.len - y.len) <= ${p.relative ? '$r * greatest(x.len, y.len)' : '$r'}),
    s AS (SELECT id, lower(trim(v)) AS s, length(lower(trim(v))) AS len FROM ${scratch})
    SELECT c.a, c.b FROM candidates c JOIN s sa ON sa.id = c.a JOIN s sb ON sb.id = c.b
    WHERE levenshtein(sa.s, sb.s) <= ${within}`;
}

export interface NearestOutcome {
  groups: Group[];
  /** Said when the budget skipped blocks. */
  warnings: string[];
}

export async function levenshteinGroups(
  conn: DuckDBConnection,
  ctx: JobContext,
  t: { distinct: string; prefix: string },
  p: LevenshteinParams,
  distinct: number,
): Promise<NearestOutcome> {
  const percent = (pct: number) => ctx.progress({ done: Math.round(pct) });
  ctx.progress({ stage: 'blocking', done: 0, total: 100, unit: 'steps' });
  await runTracked(conn, ctx, prefixSql(t.distinct, t.prefix, p), { k: p.blockChars, r: p.radius }, percent);
  const capRow = (await (await runTracked(conn, ctx, blockCapSql(t.prefix), { budget: PAIR_BUDGET })).getRowObjectsJS())[0] ?? {};
  const cap = num(capRow.cap);
  const skipped = num(capRow.skipped);
  ctx.progress({ stage: 'comparing candidate pairs', done: 0 });
  const r = await runTracked(conn, ctx, closePairsSql(t.distinct, t.prefix, p), { r: p.radius, cap }, percent);
  const [as, bs] = (await r.getColumnsJS()) as [number[], number[]];
  ctx.progress({ stage: 'linking close values' });
  const uf = new UnionFind(distinct);
  for (let i = 0; i < as.length; i++) uf.union(as[i]!, bs[i]!);
  const warnings =
    skipped > 0
      ? [
          `${skipped.toLocaleString('en-US')} blocks of more than ${cap.toLocaleString('en-US')} values (shared substrings such as ${(capRow.examples as string[]).map((g) => JSON.stringify(g)).join(', ')}) were not compared, to stay within ${PAIR_BUDGET.toLocaleString('en-US')} candidate pairs; values close only through those were not linked. A larger blockChars makes blocks smaller.`,
        ]
      : [];
  return { groups: uf.groups().map((ids) => ({ ids })), warnings };
}
