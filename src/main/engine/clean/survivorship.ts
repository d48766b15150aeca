// Survivorship: which record of each duplicate cluster is kept, and (merge) which blanks of the
// kept record are filled from the others — all in SQL over the finder's clusters and pairs and the
// frame. A removed row's confidence is its pair's probability with the survivor, or, when the two
// were only linked through others (a chain), its best link inside the cluster; a pair a reviewer
// accepted counts 1, one rejected does not link.
import type { Survivorship } from '../../../shared/api/dedupe-types';
import { AppError } from '../../../shared/api/result';
import { num } from '../db/database';
import { ident } from '../db/sql';
import type { Frame, FrameColumn } from './frame';
import { dateSql } from './ops-types';
import type { Query } from './query';

export interface SurvivorshipInput {
  /** The rows that took part (row_id and every column), as the finder saw them. */
  frame: Frame;
  /** row_id BIGINT, cluster_id BIGINT for every row (singletons too). */
  clusters: string;
  /** row_id_l, row_id_r, probability DOUBLE, decision VARCHAR (NULL, 'match', 'non_match'). */
  pairs: string;
  strategy: Survivorship;
  /** The column whose greatest value is the newest record (strategy `newest`). */
  newest?: FrameColumn;
  /** Names the step in errors. */
  where: string;
  /**
   * The match threshold: a scored pair below it is no link, so a member whose pair with the survivor
   * scored below it (the chain check scores every pair of a small cluster) is linked through others,
   * and its confidence is its best link. Absent, every scored pair with the survivor counts.
   */
  threshold?: number;
}

export interface SurvivorshipResult {
  /** row_id, survivor, confidence: every removed row. */
  removed: string;
  /** Merge: the survivors as rewritten and their filled cells (row_id, col_id, before, after, confidence). */
  filled?: { rows: string; cells: string };
  clusters: number;
  removedRows: number;
  filledCells: number;
  /** Strategy `newest`: records whose newest value is present but reads as neither a date nor a number (ranked as oldest). */
  unreadable: number;
}

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;
const DATED = /^(DATE|TIMESTAMP.*)$/;

/** SQL: the value is present (text: not blank). */
export function present(c: FrameColumn, x = ident(c.id)): string {
  return c.storageType === 'VARCHAR' ? `(${x} IS NOT NULL AND trim(${x}) <> '')` : `(${x} IS NOT NULL)`;
}

/** The newest column's two sort keys (a date's epoch, else a number), or an error for types that say nothing about age. */
function newestKeys(q: Query, c: FrameColumn, where: string): { date: string; number: string } {
  const x = ident(c.id);
  if (NUMERIC.test(c.storageType)) return { date: 'NULL::DOUBLE', number: `CAST(${x} AS DOUBLE)` };
  if (DATED.test(c.storageType)) return { date: `CAST(epoch(${x}) AS DOUBLE)`, number: 'NULL::DOUBLE' };
  if (c.storageType !== 'VARCHAR') {
    throw new AppError('POLICY_INVALID', `${where}: the newest column "${c.header}" holds ${c.storageType} values; keeping the newest record needs dates, numbers, or text holding them.`);
  }
  const t = `trim(${x})`;
  const n = `TRY_CAST(${t} AS DOUBLE)`;
  return { date: `CAST(epoch(coalesce(TRY_CAST(${t} AS TIMESTAMP), ${dateSql(q, t, 'by_value')})) AS DOUBLE)`, number: `CASE WHEN isfinite(${n}) THEN ${n} END` };
}

const ORDER: Record<Survivorship, string> = {
  most_complete: 'filled DESC, row_id',
  merge: 'filled DESC, row_id',
  first: 'row_id',
  newest: 'date_key DESC NULLS LAST, number_key DESC NULLS LAST, filled DESC, row_id',
};

export async function survive(q: Query, input: SurvivorshipInput): Promise<SurvivorshipResult> {
  const { frame, clusters, pairs, strategy } = input;
  const cols = frame.columns;
  if (strategy === 'newest' && !input.newest) throw new AppError('POLICY_INVALID', `${input.where}: keeping the newest record needs newestColumn.`);
  const keys = strategy === 'newest' && input.newest ? newestKeys(q, input.newest, input.where) : { date: 'NULL::DOUBLE', number: 'NULL::DOUBLE' };
  const filled = cols.length === 0 ? '0' : cols.map((c) => `${present(c)}::INTEGER`).join(' + ');
  const unread = input.newest && strategy === 'newest' ? `${present(input.newest)} AND date_key IS NULL AND number_key IS NULL` : 'false';

  // Members of clusters of two or more, ranked: the first of each cluster survives.
  const members = q.newTable('members');
  await q.run(
    `CREATE TABLE ${members} AS SELECT *, row_number() OVER (PARTITION BY cluster_id ORDER BY ${ORDER[strategy]}) = 1 AS survives, ${unread} AS unreadable FROM (
       SELECT c.cluster_id, f.row_id, ${filled} AS filled, ${keys.date} AS date_key, ${keys.number} AS number_key${input.newest ? `, f.${ident(input.newest.id)}` : ''}
       FROM ${frame.relation} f JOIN ${clusters} c USING (row_id)
       WHERE c.cluster_id IN (SELECT cluster_id FROM ${clusters} GROUP BY cluster_id HAVING count(*) > 1))`,
  );
  // Each other member's link: its pair with the survivor, else its best pair inside the cluster.
  const links = q.newTable('links');
  await q.run(
    `CREATE TABLE ${links} AS WITH p AS (
       SELECT row_id_l AS a, row_id_r AS b, CASE WHEN decision = 'match' THEN 1.0 ELSE probability END AS p FROM ${pairs}
       WHERE decision IS DISTINCT FROM 'non_match' AND row_id_l IN (SELECT row_id FROM ${members})),
     both_ways AS (SELECT a, b, p FROM p UNION ALL SELECT b, a, p FROM p),
     s AS (SELECT cluster_id, row_id AS survivor FROM ${members} WHERE survives)
     SELECT m.row_id, m.cluster_id, s.survivor, coalesce(max(w.p) FILTER (WHERE w.b = s.survivor AND w.p >= ${input.threshold === undefined ? 0 : `${input.threshold.toPrecision(15)}::DOUBLE`}), max(w.p)) AS confidence
     FROM ${members} m JOIN s USING (cluster_id)
     LEFT JOIN (SELECT w.a, w.b, w.p, o.cluster_id FROM both_ways w JOIN ${members} o ON o.row_id = w.b) w ON w.a = m.row_id AND w.cluster_id = m.cluster_id
     WHERE NOT m.survives GROUP BY m.row_id, m.cluster_id, s.survivor`,
  );
  const removed = q.newTable('removed');
  await q.run(`CREATE TABLE ${removed} AS SELECT row_id, survivor, confidence FROM ${links}`);
  const counts = await q.one(`SELECT count(DISTINCT cluster_id) AS clusters, count(*) FILTER (WHERE NOT survives) AS removed, count(*) FILTER (WHERE unreadable) AS unreadable FROM ${members}`);
  const out: SurvivorshipResult = { removed, clusters: num(counts.clusters), removedRows: num(counts.removed), filledCells: 0, unreadable: num(counts.unreadable) };
  if (strategy === 'merge' && cols.length > 0 && out.removedRows > 0) {
    out.filled = await merge(q, frame, members, links);
    out.filledCells = num((await q.one(`SELECT count(*) AS n FROM ${out.filled.cells}`)).n);
  }
  await q.drop(members);
  await q.drop(links);
  return out;
}

/**
 * Fills each blank of a survivor from the other members of its cluster: the value most of them
 * hold; ties go to the value held by the member linked most strongly (then the smaller row id).
 * Values are compared as text; a filled cell is cast back to its column's type.
 */
async function merge(q: Query, frame: Frame, members: string, links: string): Promise<{ rows: string; cells: string }> {
  const cols = frame.columns;
  const text = cols.map((c) => `CAST(${ident(c.id)} AS VARCHAR) AS ${ident(c.id)}`).join(', ');
  const unpivot = (rows: string) =>
    `SELECT * FROM (SELECT row_id, ${text} FROM ${frame.relation} WHERE row_id IN (${rows})) UNPIVOT INCLUDE NULLS (v FOR col_id IN (${cols.map((c) => ident(c.id)).join(', ')}))`;
  const blank = (v: string) => `(${v} IS NULL OR trim(${v}) = '')`;
  // The survivors' blank cells first: only their clusters' other members are read as donors
  // (on 1M rows with 110k duplicates, ranking every member's every cell took 4 s; these few, a fraction).
  const blanks = q.newTable('blanks');
  await q.run(
    `CREATE TABLE ${blanks} AS SELECT m.cluster_id, l.row_id, l.col_id, l.v AS "before" FROM (${unpivot(`SELECT row_id FROM ${members} WHERE survives`)}) l
     JOIN ${members} m USING (row_id) WHERE ${blank('l.v')}`,
  );
  const cells = q.newTable('merged_cells');
  await q.run(
    `CREATE TABLE ${cells} AS WITH
     donors AS (SELECT k.cluster_id, l.col_id, l.v, l.row_id, k.confidence FROM (${unpivot(`SELECT row_id FROM ${links} WHERE cluster_id IN (SELECT cluster_id FROM ${blanks})`)}) l
                JOIN ${links} k USING (row_id) SEMI JOIN ${blanks} b ON b.cluster_id = k.cluster_id AND b.col_id = l.col_id WHERE NOT ${blank('l.v')}),
     counted AS (SELECT *, count(*) OVER (PARTITION BY cluster_id, col_id, v) AS freq FROM donors),
     best AS (SELECT * FROM counted QUALIFY row_number() OVER (PARTITION BY cluster_id, col_id ORDER BY freq DESC, confidence DESC NULLS LAST, row_id) = 1)
     SELECT b.row_id, b.col_id, b."before", d.v AS "after", d.confidence, d.row_id AS donor FROM ${blanks} b JOIN best d USING (cluster_id, col_id)`,
  );
  await q.drop(blanks);
  const touched = new Set((await q.all(`SELECT DISTINCT col_id FROM ${cells}`)).map((r) => String(r.col_id)));
  const fill = cols.filter((c) => touched.has(c.id));
  const pick = fill.map((c) => `any_value("after") FILTER (WHERE col_id = ${q.bind(c.id)}) AS ${ident(`fill_${c.id}`)}`);
  const fields = cols.map((c) =>
    touched.has(c.id) ? `CASE WHEN x.${ident(`fill_${c.id}`)} IS NULL THEN f.${ident(c.id)} ELSE CAST(x.${ident(`fill_${c.id}`)} AS ${c.storageType}) END AS ${ident(c.id)}` : `f.${ident(c.id)}`,
  );
  const rows = q.newTable('merged_rows');
  await q.run(
    `CREATE TABLE ${rows} AS SELECT f.row_id${fields.map((f) => `, ${f}`).join('')} FROM ${frame.relation} f
     JOIN (SELECT row_id${pick.map((p) => `, ${p}`).join('')} FROM ${cells} GROUP BY row_id) x USING (row_id)`,
  );
  return { rows, cells };
}
