// Groups of distinct sampled values that share a key: the same text but for case ("case
// variants"), or the same fingerprint key ("near-identical values": also accents, punctuation,
// spacing and word order). The fingerprint is the one text/keys.ts defines for the clusters too.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { VariantGroup, VariantSummary } from '../../../shared/api/profile-types';
import { num } from '../db/database';
import type { JobContext } from '../jobs/jobs';
import { fingerprintSql } from '../text/keys';
import { rows, type Scratch } from './sample';

export const EXAMPLE_GROUPS = 5;
export const GROUP_VALUES = 5;

export type VariantKey = 'case' | 'fingerprint';

const KEY_SQL: Record<VariantKey, (v: string) => string> = {
  case: (v) => `lower(${v})`,
  fingerprint: fingerprintSql,
};

export const emptySummary = (): VariantSummary => ({ groups: 0, rows: 0, examples: [] });

/** Per column (plan index): how many groups, the rows off their group's most frequent value, the largest groups. */
export async function variantSummaries(conn: DuckDBConnection, job: JobContext, s: Scratch, key: VariantKey, cols: number[]): Promise<Map<number, VariantSummary>> {
  const out = new Map<number, VariantSummary>(cols.map((c) => [c, emptySummary()]));
  if (cols.length === 0) return out;
  const keyed = `SELECT col, ${KEY_SQL[key]('v')} AS key, v, n FROM ${s.freq} WHERE col IN (${cols.join(', ')}) AND v <> ''`;
  const groups = `SELECT col, key, sum(n) AS total, max(n) AS top FROM keyed WHERE key <> '' GROUP BY col, key HAVING count(*) > 1`;
  const ranked = `SELECT col, key, row_number() OVER (PARTITION BY col ORDER BY total DESC, key) AS gr,
    count(*) OVER (PARTITION BY col) AS groups, sum(total - top) OVER (PARTITION BY col) AS off FROM g`;
  // One query: the keys are computed once (materialised), the totals ride along on every row.
  const members = await rows(
    conn,
    job,
    `WITH keyed AS MATERIALIZED (${keyed}), g AS (${groups}), big AS (SELECT * FROM (${ranked}) WHERE gr <= ${EXAMPLE_GROUPS})
     SELECT * FROM (SELECT big.*, k.v, k.n, row_number() OVER (PARTITION BY big.col, big.key ORDER BY k.n DESC, k.v) AS vr
       FROM big JOIN keyed k ON k.col = big.col AND k.key = big.key)
     WHERE vr <= ${GROUP_VALUES} ORDER BY col, gr, vr`,
  );
  for (const r of members) {
    const col = num(r.col);
    const summary = out.get(col) ?? emptySummary();
    summary.groups = num(r.groups);
    summary.rows = num(r.off);
    out.set(col, summary);
    const k = String(r.key);
    let group: VariantGroup | undefined = summary.examples.at(-1);
    if (group?.key !== k) {
      group = { key: k, values: [] };
      summary.examples.push(group);
    }
    group.values.push({ value: String(r.v), count: num(r.n) });
  }
  return out;
}
