// Figures over the sample's value frequencies: top values, patterns, whitespace anomalies and the
// most frequent values failing the column's type. Each is one query over every column at once.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { PatternCount, ValueCount, WhitespaceCounts } from '../../../shared/api/profile-types';
import { num, type Row } from '../db/database';
import type { JobContext } from '../jobs/jobs';
import { patternSql } from './patterns';
import { castSql, failingSql, isTyped, valueSql, type ColumnPlan } from './plan';
import { rows, type Scratch } from './sample';

export const TOP_VALUES = 10;
export const TOP_PATTERNS = 10;
export const EXAMPLES = 5;

/** Whitespace as RE2 sees it, plus Unicode spaces (no-break space and friends). */
const WS = '[\\s\\p{Z}]';
const NON_WS = '[^\\s\\p{Z}]';
export const EDGE_WS_RE = `^${WS}|${WS}$`;
export const DOUBLED_WS_RE = `${NON_WS}${WS}{2,}${NON_WS}`;

/** The first `limit` rows per column of `inner` (which has col, v, n), most frequent first, ties by value. */
function topPerColumn(inner: string, limit: number, extra = ''): string {
  return `SELECT * FROM (SELECT *${extra}, row_number() OVER (PARTITION BY col ORDER BY n DESC, v) AS r FROM (${inner})) WHERE r <= ${limit} ORDER BY col, r`;
}

function byColumn<T>(list: Row[], make: (r: Row) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of list) {
    const col = num(r.col);
    const items = out.get(col) ?? [];
    items.push(make(r));
    out.set(col, items);
  }
  return out;
}

const valueCount = (r: Row): ValueCount => ({ value: String(r.v), count: num(r.n) });

export async function topValues(conn: DuckDBConnection, job: JobContext, s: Scratch): Promise<Map<number, ValueCount[]>> {
  return byColumn(await rows(conn, job, topPerColumn(`SELECT col, v, n FROM ${s.freq}`, TOP_VALUES)), valueCount);
}

export interface PatternFigures {
  distinct: Map<number, number>;
  top: Map<number, PatternCount[]>;
}

/** Patterns of the non-empty values, each with its most frequent value as the example. */
export async function patterns(conn: DuckDBConnection, job: JobContext, s: Scratch): Promise<PatternFigures> {
  const grouped = `SELECT col, p AS v, sum(n) AS n, first(value ORDER BY n DESC, value) AS example
    FROM (SELECT col, ${patternSql('v')} AS p, v AS value, n FROM ${s.freq} WHERE v <> '') GROUP BY col, p`;
  const list = await rows(conn, job, topPerColumn(grouped, TOP_PATTERNS, ', count(*) OVER (PARTITION BY col) AS patterns'));
  const distinct = new Map(list.map((r) => [num(r.col), num(r.patterns)]));
  return { distinct, top: byColumn(list, (r) => ({ pattern: String(r.v), count: num(r.n), example: String(r.example) })) };
}

/** Whitespace anomalies per column; one query returns the totals and the most frequent examples. */
export async function whitespace(conn: DuckDBConnection, job: JobContext, s: Scratch): Promise<Map<number, WhitespaceCounts>> {
  const flagged = `SELECT col, v, n, regexp_matches(v, '${EDGE_WS_RE}') AS edge, regexp_matches(v, '${DOUBLED_WS_RE}') AS doubled FROM ${s.freq}`;
  const list = await rows(
    conn,
    job,
    `SELECT * FROM (SELECT col, v, n, edge OR doubled AS odd,
        sum(CASE WHEN edge THEN n ELSE 0 END) OVER (PARTITION BY col) AS edges,
        sum(CASE WHEN doubled THEN n ELSE 0 END) OVER (PARTITION BY col) AS doubles,
        row_number() OVER (PARTITION BY col, edge OR doubled ORDER BY n DESC, v) AS r
      FROM (${flagged}))
     WHERE r = 1 OR (odd AND r <= ${EXAMPLES}) ORDER BY col, r`,
  );
  const out = new Map<number, WhitespaceCounts>();
  for (const r of list) {
    const col = num(r.col);
    const w = out.get(col) ?? { edges: num(r.edges), doubled: num(r.doubles), examples: [] };
    if (r.odd === true) w.examples.push(valueCount(r));
    out.set(col, w);
  }
  return out;
}

/** The most frequent sampled values of each typed text column that do not hold its type. */
export async function failingExamples(conn: DuckDBConnection, job: JobContext, plans: ColumnPlan[], s: Scratch): Promise<Map<number, ValueCount[]>> {
  const typed = plans.filter((p) => p.text && isTyped(p));
  if (typed.length === 0) return new Map();
  const parts = typed.map((p) => {
    const value = valueSql(p, `(${castSql(p, 'v')})`);
    return `SELECT col, v, n FROM ${s.freq} WHERE col = ${p.index} AND ${failingSql(value, 'v')}`;
  });
  return byColumn(await rows(conn, job, topPerColumn(parts.join(' UNION ALL '), EXAMPLES)), valueCount);
}
