// A hand-made duplicate finder for storage and job tests: it follows the engine boundary
// (dedupe/types.ts) to the letter but scores pairs by a fixed, readable rule, so a test knows
// every pair's probability in advance. Each compared column is one comparison with two levels
// (0 "different", 1 "same after trim and lower-case"; missing on either side is MISSING_LEVEL);
// candidate pairs are rows sharing any compared column's value; decisions pin a pair to 1 or 0.
import { createHash } from 'node:crypto';
import type { BlockingRule, ColumnRole, Comparison, DedupeModel } from '../../src/shared/api/dedupe-types';
import type { Query } from '../../src/main/engine/clean/query';
import { ident } from '../../src/main/engine/db/sql';
import { MISSING_LEVEL, type DedupeInput, type DedupeOutcome, type DedupePlanOutcome } from '../../src/main/engine/dedupe/types';

/** m and u of the "same" level; the "different" level has 1 − m and 1 − u. */
export const FAKE_M = 0.9;
export const FAKE_U = 0.1;
export const FAKE_LAMBDA = 0.1;
export const SAME_WEIGHT = Math.log2(FAKE_M / FAKE_U);
export const DIFFERENT_WEIGHT = Math.log2((1 - FAKE_M) / (1 - FAKE_U));
export const PRIOR_WEIGHT = Math.log2(FAKE_LAMBDA / (1 - FAKE_LAMBDA));

/** The probability the fake gives a pair with `same` equal and `different` unequal compared columns. */
export function fakeProbability(same: number, different: number): number {
  const w = PRIOR_WEIGHT + same * SAME_WEIGHT + different * DIFFERENT_WEIGHT;
  return 2 ** w / (1 + 2 ** w);
}

export interface FakeHooks {
  /** Called after the pairs are scored, before clustering (e.g. to cancel the job there). */
  afterScoring?: (q: Query) => Promise<void> | void;
}

function rolesOf(input: DedupeInput): ColumnRole[] {
  return input.columns.map((c) => {
    const given = input.settings.roles[c.id];
    return { columnId: c.id, header: c.header, role: given ?? 'text', inferred: 'text', reason: 'the fake finder compares every column as text', overridden: given !== undefined };
  });
}

const key = (id: string, alias?: string) => `nullif(lower(trim(CAST(${alias ? `${alias}.` : ''}${ident(id)} AS VARCHAR))), '')`;

async function plan(q: Query, input: DedupeInput): Promise<DedupePlanOutcome & { compared: string[] }> {
  const roles = rolesOf(input);
  const compared = roles.filter((r) => r.role !== 'ignore').map((r) => r.columnId);
  const rules: BlockingRule[] = [];
  for (const id of compared) {
    const r = await q.one(`SELECT coalesce(sum(n * (n - 1) / 2), 0) AS p FROM (SELECT count(*) AS n FROM ${input.relation} WHERE ${key(id)} IS NOT NULL GROUP BY ${key(id)})`);
    rules.push({ id: `same_${id}`, label: `Same ${id}`, columnIds: [id], kind: 'key', pairs: Number(r.p), used: true });
  }
  const candidatePairs = compared.length === 0 ? 0 : Number((await q.one(`SELECT count(*) AS n FROM (${candidates(input, compared)})`)).n);
  return { roles, rules, candidatePairs, warnings: [], compared };
}

function candidates(input: DedupeInput, compared: string[]): string {
  return compared
    .map((id) => `SELECT a.row_id AS row_id_l, b.row_id AS row_id_r FROM ${input.relation} a JOIN ${input.relation} b ON ${key(id, 'a')} = ${key(id, 'b')} AND a.row_id < b.row_id`)
    .join(' UNION ');
}

export function fakeFinder(hooks: FakeHooks = {}) {
  return {
    async plan(q: Query, input: DedupeInput): Promise<DedupePlanOutcome> {
      const { compared: _c, ...p } = await plan(q, input);
      return p;
    },
    async find(q: Query, input: DedupeInput): Promise<DedupeOutcome> {
      const p = await plan(q, input);
      const comparisons: Comparison[] = p.compared.map((id) => ({
        id,
        label: `Column ${id}`,
        columnIds: [id],
        role: 'text',
        levels: [
          { label: 'different', m: 1 - FAKE_M, u: 1 - FAKE_U, weight: DIFFERENT_WEIGHT },
          { label: 'same', m: FAKE_M, u: FAKE_U, weight: SAME_WEIGHT },
        ],
      }));
      const model: DedupeModel = { comparisons, lambda: FAKE_LAMBDA, iterations: 1, converged: true, decisionsUsed: input.decisions.length };
      const decisions = q.newTable('decisions');
      await q.run(`CREATE TABLE ${decisions} (row_id_l BIGINT, row_id_r BIGINT, decision VARCHAR)`);
      for (const d of input.decisions) await q.run(`INSERT INTO ${decisions} VALUES (${d.rowIdL}, ${d.rowIdR}, '${d.decision}')`);
      const pairs = q.newTable('pairs');
      const lv = (id: string) => `CASE WHEN ${key(id, 'a')} IS NULL OR ${key(id, 'b')} IS NULL THEN ${MISSING_LEVEL}
        WHEN ${key(id, 'a')} = ${key(id, 'b')} THEN 1 ELSE 0 END`;
      const levels = p.compared.length === 0 ? '[]::UTINYINT[]' : `[${p.compared.map(lv).join(', ')}]::UTINYINT[]`;
      const cand = p.compared.length === 0 ? 'SELECT NULL::BIGINT AS row_id_l, NULL::BIGINT AS row_id_r WHERE false' : candidates(input, p.compared);
      await q.run(`CREATE TABLE ${pairs} AS
        WITH c AS (${cand}),
        s AS (SELECT c.row_id_l, c.row_id_r, ${levels} AS levels FROM c JOIN ${input.relation} a ON a.row_id = c.row_id_l JOIN ${input.relation} b ON b.row_id = c.row_id_r),
        w AS (SELECT *, list_transform(levels, x -> CASE x WHEN 1 THEN ${SAME_WEIGHT} WHEN 0 THEN ${DIFFERENT_WEIGHT} ELSE 0 END)::FLOAT[] AS weights FROM s)
        SELECT w.row_id_l, w.row_id_r, w.levels, w.weights, ${PRIOR_WEIGHT} + list_sum(w.weights::DOUBLE[]) AS weight, d.decision,
          CASE d.decision WHEN 'match' THEN 1.0 WHEN 'non_match' THEN 0.0 ELSE pow(2, ${PRIOR_WEIGHT} + list_sum(w.weights::DOUBLE[])) / (1 + pow(2, ${PRIOR_WEIGHT} + list_sum(w.weights::DOUBLE[]))) END AS probability
        FROM w LEFT JOIN ${decisions} d USING (row_id_l, row_id_r)`);
      await hooks.afterScoring?.(q);
      q.job.throwIfCancelled();
      const threshold = input.settings.threshold;
      // Connected components of the matched pairs, by label propagation.
      const clusters = q.newTable('clusters');
      await q.run(`CREATE TABLE ${clusters} AS SELECT row_id, row_id AS cluster_id FROM ${input.relation}`);
      for (;;) {
        const before = Number((await q.one(`SELECT sum(cluster_id) AS s FROM ${clusters}`)).s ?? 0);
        await q.run(`UPDATE ${clusters} c SET cluster_id = m.low FROM (
          SELECT x.row_id, min(least(x.cluster_id, y.cluster_id)) AS low FROM ${clusters} x
          JOIN (SELECT row_id_l AS a, row_id_r AS b FROM ${pairs} WHERE probability >= ${threshold} UNION ALL SELECT row_id_r, row_id_l FROM ${pairs} WHERE probability >= ${threshold}) e ON e.a = x.row_id
          JOIN ${clusters} y ON y.row_id = e.b GROUP BY x.row_id) m WHERE m.row_id = c.row_id AND m.low < c.cluster_id`);
        const after = Number((await q.one(`SELECT sum(cluster_id) AS s FROM ${clusters}`)).s ?? 0);
        if (after === before) break;
      }
      const clusterInfo = q.newTable('cluster_info');
      await q.run(`CREATE TABLE ${clusterInfo} AS
        SELECT c.cluster_id, count(*) AS size,
          coalesce((SELECT min(p.probability) FROM ${pairs} p JOIN ${clusters} l ON l.row_id = p.row_id_l JOIN ${clusters} r ON r.row_id = p.row_id_r
            WHERE l.cluster_id = c.cluster_id AND r.cluster_id = c.cluster_id AND p.probability >= ${threshold}), 1) AS min_probability,
          (SELECT count(*) FROM ${pairs} p JOIN ${clusters} l ON l.row_id = p.row_id_l JOIN ${clusters} r ON r.row_id = p.row_id_r
            WHERE l.cluster_id = c.cluster_id AND r.cluster_id = c.cluster_id AND p.probability >= ${threshold}) = count(*) * (count(*) - 1) / 2 AS fully_linked
        FROM ${clusters} c GROUP BY c.cluster_id HAVING count(*) >= 2`);
      const n = async (sql: string) => Number((await q.one(sql)).n ?? 0);
      const clusterCount = await n(`SELECT count(*) AS n FROM ${clusterInfo}`);
      const rowsInClusters = await n(`SELECT coalesce(sum(size), 0) AS n FROM ${clusterInfo}`);
      const sizes = await q.all(`SELECT size, count(*) AS n FROM ${clusterInfo} GROUP BY size ORDER BY size`);
      const bins = await q.all(`SELECT least(floor(probability * 20), 19)::INTEGER AS b, count(*) AS n FROM ${pairs} GROUP BY b`);
      const digest = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');
      return {
        roles: p.roles,
        rules: p.rules,
        candidatePairs: p.candidatePairs,
        warnings: p.warnings,
        model,
        pairs,
        clusters,
        clusterInfo,
        counts: {
          rows: input.rowCount,
          exactDuplicateRows: 0,
          candidatePairs: p.candidatePairs,
          matchedPairs: await n(`SELECT count(*) AS n FROM ${pairs} WHERE probability >= ${threshold}`),
          reviewPairs: await n(`SELECT count(*) AS n FROM ${pairs} WHERE decision IS NULL AND probability >= ${input.settings.review.lower} AND probability < ${input.settings.review.upper}`),
          decidedPairs: await n(`SELECT count(*) AS n FROM ${pairs} WHERE decision IS NOT NULL`),
          clusters: clusterCount,
          rowsInClusters,
          duplicateRows: rowsInClusters - clusterCount,
          largestCluster: await n(`SELECT coalesce(max(size), 0) AS n FROM ${clusterInfo}`),
          chainedClusters: await n(`SELECT count(*) AS n FROM ${clusterInfo} WHERE NOT fully_linked`),
        },
        digests: { decisions: digest(input.decisions), model: digest(model), decisionCount: input.decisions.length },
        clusterSizes: sizes.map((s) => ({ size: Number(s.size), clusters: Number(s.n) })),
        probabilities: Array.from({ length: 20 }, (_, i) => ({ from: i / 20, to: (i + 1) / 20, count: Number(bins.find((b) => Number(b.b) === i)?.n ?? 0) })),
      };
    },
  };
}
