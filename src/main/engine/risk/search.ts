// The search for generalisations that reach the target k, least information loss first. It runs
// on the combinations table, not on the data: each column's distinct values get an integer code
// per hierarchy level, the combinations are re-keyed by those codes once, and a candidate (one
// level per column) is a GROUP BY over them — fast even when the data has a million rows.
// Small lattices are searched whole for their minimal k-anonymous nodes (no node one step below
// reaches k); large ones greedily, one step at a time, then lowered where k still holds.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RiskColumnRole, RiskGeneralisation, RiskSuggestion } from '../../../shared/api/pii-types';
import { num } from '../db/database';
import type { JobContext } from '../jobs/jobs';
import { isoDateSql, levelsFor, type Level } from './hierarchy';
import { q, rowsOf } from './measure';

export interface SearchColumn {
  columnId: string;
  header: string;
  role: RiskColumnRole;
}

export interface SearchTables {
  combos: string;
  /** One per column: distinct value, its row count, each level's value and code. */
  dist: (i: number) => string;
  coded: string;
  /** A further scratch table's name (dropped with the others). */
  work: (name: string) => string;
}

export interface SearchOutcome {
  suggestions: RiskSuggestion[];
  notes: string[];
}

/** Lattices up to this many nodes are searched whole. */
export const MAX_LATTICE = 4096;
/** Evaluations a whole search may spend before it gives way to the greedy one. */
export const MAX_EVALUATIONS = 600;
export const MAX_SUGGESTIONS = 5;

const g = (i: number, level: number) => `g${i}_${level}`;

interface Evaluation {
  k: number;
  below: number;
}

class Lattice {
  readonly heights: number[];
  private readonly cache = new Map<string, Evaluation>();
  evaluations = 0;

  constructor(
    private readonly conn: DuckDBConnection,
    private readonly job: JobContext,
    private readonly t: SearchTables,
    readonly levels: Level[][],
    private readonly figures: ColumnFigures,
    private readonly targetK: number,
  ) {
    this.heights = levels.map((l) => l.length);
  }

  lossOf(node: number[]): number {
    return node.length === 0 ? 0 : node.reduce((s, l, i) => s + this.figures.loss[i]![l]!, 0) / node.length;
  }

  /** True when one column alone, at its level, already makes a class below k. */
  surelyBelow(node: number[]): boolean {
    return node.some((l, i) => this.figures.smallest[i]![l]! < this.targetK);
  }

  /** The classes a node makes: suppressed columns drop out of the grouping. */
  async evaluate(node: number[]): Promise<Evaluation> {
    const key = node.join(',');
    const hit = this.cache.get(key);
    if (hit) return hit;
    const keys = node.flatMap((l, i) => (l === this.heights[i] ? [] : [g(i, l)]));
    const [r] = await rowsOf(
      this.conn,
      this.job,
      `SELECT coalesce(min(s), 0) AS k, coalesce(sum(s) FILTER (WHERE s < $k), 0) AS below
       FROM (SELECT sum(n) AS s FROM ${this.t.coded}${keys.length > 0 ? ` GROUP BY ${keys.join(', ')}` : ''}) WHERE s IS NOT NULL`,
      { k: this.targetK },
    );
    const e = { k: num(r?.k), below: num(r?.below) };
    this.cache.set(key, e);
    this.evaluations++;
    return e;
  }
}

/**
 * Codes each column's values per level and re-keys the combinations by them. The level values are
 * computed one level at a time, each from the one before, so a date is parsed once.
 */
async function prepare(conn: DuckDBConnection, job: JobContext, t: SearchTables, levels: Level[][]): Promise<void> {
  for (let i = 0; i < levels.length; i++) {
    const inner = levels[i]!.slice(0, -1);
    let from = t.work(`v${i}_0`);
    await rowsOf(conn, job, `CREATE TABLE ${from} AS SELECT ${q(i)} AS v, sum(n) AS cnt, ${q(i)} AS l0 FROM ${t.combos} GROUP BY 1`);
    for (let j = 1; j <= inner.length; j++) {
      const next = t.work(`v${i}_${j}`);
      await rowsOf(conn, job, `CREATE TABLE ${next} AS SELECT *, ${inner[j - 1]!.sql('v', `l${j - 1}`)} AS l${j} FROM ${from}`);
      await conn.run(`DROP TABLE ${from}`);
      from = next;
    }
    // Codes without sorting: the raw values are distinct rows already; each coarser level's
    // distinct values are numbered in a small table and joined back.
    const levelsAbove = Array.from({ length: inner.length }, (_, j) => j + 1);
    const numbered = levelsAbove.map((j) => `n${j} AS (SELECT l${j} AS x, CAST(row_number() OVER () AS INTEGER) AS code FROM (SELECT DISTINCT l${j} FROM ${from}))`);
    await rowsOf(
      conn,
      job,
      `CREATE TABLE ${t.dist(i)} AS ${numbered.length > 0 ? `WITH ${numbered.join(', ')} ` : ''}
       SELECT f.*, CAST(row_number() OVER () AS INTEGER) AS ${g(i, 0)}${levelsAbove.map((j) => `, n${j}.code AS ${g(i, j)}`).join('')}
       FROM ${from} f ${levelsAbove.map((j) => `JOIN n${j} ON f.l${j} IS NOT DISTINCT FROM n${j}.x`).join(' ')}`,
    );
    await conn.run(`DROP TABLE ${from}`);
  }
  const cols = levels.flatMap((l, i) => Array.from({ length: l.length }, (_, j) => `d${i}.${g(i, j)}`));
  const joins = levels.map((_, i) => `JOIN ${t.dist(i)} d${i} ON c.${q(i)} IS NOT DISTINCT FROM d${i}.v`).join(' ');
  await rowsOf(conn, job, `CREATE TABLE ${t.coded} AS SELECT ${cols.join(', ')}, c.n FROM ${t.combos} c ${joins}`);
}

interface ColumnFigures {
  /** Per column and level (suppressed last): the share of entropy lost. */
  loss: number[][];
  /** Per column and level: the smallest class that column alone makes at that level. */
  smallest: number[][];
}

/**
 * Per column and level, from the column's distinct values: the information lost (the share of the
 * column's entropy the level removes: 0 at the raw values; 1 when suppressed, unless the column
 * held one value and had none to lose) and its smallest class. A node cannot reach k where one
 * of its columns alone makes a class below k (the node's classes only split those further).
 */
async function columnFigures(conn: DuckDBConnection, job: JobContext, t: SearchTables, levels: Level[][]): Promise<ColumnFigures> {
  const loss: number[][] = [];
  const smallest: number[][] = [];
  for (let i = 0; i < levels.length; i++) {
    const hs: number[] = [];
    const mins: number[] = [];
    for (let j = 0; j < levels[i]!.length; j++) {
      const [r] = await rowsOf(
        conn,
        job,
        `SELECT coalesce(ln(sum(s)) - sum(s * ln(s)) / sum(s), 0) AS h, min(s) AS m FROM (SELECT CAST(sum(cnt) AS DOUBLE) AS s FROM ${t.dist(i)} GROUP BY ${g(i, j)})`,
      );
      hs.push(Math.max(0, Number(r?.h ?? 0)));
      mins.push(Number(r?.m ?? 0));
    }
    const h0 = hs[0] ?? 0;
    const lossAt = (j: number) => (h0 <= 1e-12 ? 0 : j === hs.length ? 1 : Math.min(1, Math.max(0, (h0 - hs[j]!) / h0)));
    loss.push(Array.from({ length: hs.length + 1 }, (_, j) => lossAt(j)));
    smallest.push([...mins, Number.POSITIVE_INFINITY]);
  }
  return { loss, smallest };
}

/** Date columns with dates not written as ISO: the suggestion reads them, a policy's generalise step needs ISO. */
async function writtenDateNotes(conn: DuckDBConnection, job: JobContext, t: SearchTables, cols: SearchColumn[]): Promise<string[]> {
  const notes: string[] = [];
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i]!;
    if (c.role !== 'birth_date' && c.role !== 'date') continue;
    // l2 is the year level's value: a date read in another form has one that differs from it.
    const [r] = await rowsOf(
      conn,
      job,
      `SELECT coalesce(sum(cnt) FILTER (WHERE v IS NOT NULL AND NOT ${isoDateSql('v')} AND l2 <> v), 0) AS other, coalesce(sum(cnt), 0) AS total FROM ${t.dist(i)}`,
    );
    const other = num(r?.other);
    if (other === 0) continue;
    const pct = Math.round((other / Math.max(1, num(r?.total))) * 1000) / 10;
    notes.push(
      `${pct} % of the values of ${JSON.stringify(c.header)} are dates not written as ISO (YYYY-MM-DD, e.g. 10/09/1991): the suggestions read their year (and their month where the day/month order is certain); a policy's generalise step reads ISO dates only, so put a dates-to-ISO cleaning step before it.`,
    );
  }
  return notes;
}

/** Every node, lowest total level first. */
function allNodes(heights: number[]): number[][] {
  let nodes: number[][] = [[]];
  for (const h of heights) nodes = nodes.flatMap((n) => Array.from({ length: h + 1 }, (_, l) => [...n, l]));
  return nodes.sort((a, b) => a.reduce((s, x) => s + x, 0) - b.reduce((s, x) => s + x, 0));
}

const below = (node: number[]) => node.flatMap((l, i) => (l > 0 ? [node.map((x, j) => (j === i ? x - 1 : x))] : []));

/** The minimal nodes that reach k, or null when the evaluation budget ran out first. */
async function wholeSearch(lat: Lattice, job: JobContext, targetK: number): Promise<number[][] | null> {
  const nodes = allNodes(lat.heights);
  const reaches = new Set<string>();
  const minimal: number[][] = [];
  for (let idx = 0; idx < nodes.length; idx++) {
    const node = nodes[idx]!;
    job.progress({ done: idx, total: nodes.length, unit: 'steps' });
    if (below(node).some((p) => reaches.has(p.join(',')))) {
      reaches.add(node.join(','));
      continue;
    }
    if (lat.surelyBelow(node)) continue;
    if (lat.evaluations >= MAX_EVALUATIONS) return null;
    const e = await lat.evaluate(node);
    if (e.k >= targetK) {
      reaches.add(node.join(','));
      minimal.push(node);
    }
  }
  return minimal;
}

/** One step at a time up the column that leaves the fewest records below k, then back down where k holds. */
async function greedySearch(lat: Lattice, job: JobContext, targetK: number): Promise<number[]> {
  let node = lat.heights.map(() => 0);
  let e = await lat.evaluate(node);
  const steps = lat.heights.reduce((s, h) => s + h, 0);
  while (e.k < targetK) {
    job.progress({ done: node.reduce((s, x) => s + x, 0), total: steps, unit: 'steps' });
    let best: { node: number[]; e: Evaluation; loss: number } | null = null;
    for (let i = 0; i < node.length; i++) {
      if (node[i]! >= lat.heights[i]!) continue;
      const next = node.map((x, j) => (j === i ? x + 1 : x));
      const ne = await lat.evaluate(next);
      const loss = lat.lossOf(next);
      if (!best || ne.below < best.e.below || (ne.below === best.e.below && loss < best.loss)) best = { node: next, e: ne, loss };
    }
    if (!best) break;
    node = best.node;
    e = best.e;
  }
  for (let i = 0; i < node.length; i++) {
    while (node[i]! > 0) {
      const lower = node.map((x, j) => (j === i ? x - 1 : x));
      if ((await lat.evaluate(lower)).k < targetK) break;
      node = lower;
    }
  }
  return node;
}

function describe(node: number[], cols: SearchColumn[], levels: Level[][]): RiskGeneralisation[] {
  return node.flatMap((l, i) => {
    if (l === 0) return [];
    const lv = levels[i]![l - 1]!;
    const c = cols[i]!;
    return [{ columnId: c.columnId, header: c.header, kind: lv.kind, ...(lv.width === undefined ? {} : { width: lv.width }), label: `${c.header} → ${lv.words}` }];
  });
}

/**
 * Generalisations of `cols` (the combinations table's q0…) that reach `targetK`, least loss
 * first. The caller has checked that the data does not reach k already and has at least k rows.
 */
export async function searchGeneralisations(conn: DuckDBConnection, job: JobContext, t: SearchTables, cols: SearchColumn[], targetK: number): Promise<SearchOutcome> {
  const levels = cols.map((c) => levelsFor(c.role));
  job.progress({ stage: 'coding values per generalisation level' });
  await prepare(conn, job, t, levels);
  const notes = await writtenDateNotes(conn, job, t, cols);
  const figures = await columnFigures(conn, job, t, levels);
  const lat = new Lattice(conn, job, t, levels, figures, targetK);
  job.progress({ stage: 'searching generalisations', done: 0 });
  const size = lat.heights.reduce((p, h) => p * (h + 1), 1);
  let nodes = size <= MAX_LATTICE ? await wholeSearch(lat, job, targetK) : null;
  if (nodes === null) {
    notes.push(
      `The search over ${size.toLocaleString('en-US')} combinations of generalisation levels was too large to search whole; the suggestion comes from a step-by-step search and may not be the one with the least loss.`,
    );
    nodes = [await greedySearch(lat, job, targetK)];
  }
  const suggestions: RiskSuggestion[] = [];
  for (const node of nodes) {
    const e = await lat.evaluate(node);
    suggestions.push({ generalisations: describe(node, cols, levels), k: e.k, recordsBelowK: e.below, loss: Math.round(lat.lossOf(node) * 10_000) / 10_000 });
  }
  suggestions.sort((a, b) => a.loss - b.loss || a.generalisations.length - b.generalisations.length || b.k - a.k);
  return { suggestions: suggestions.slice(0, MAX_SUGGESTIONS), notes };
}
