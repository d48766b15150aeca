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
import { levelsFor, type Level } from './hierarchy';
import { q, rowsOf } from './measure';

export interface SearchColumn {
  columnId: string;
  header: string;
  role: RiskColumnRole;
}

export interface SearchTables {
  combos: string;
  /** One per column: distinct value, its row count, and a code per level. */
  dist: (i: number) => string;
  coded: string;
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
    readonly loss: number[][],
    private readonly targetK: number,
  ) {
    this.heights = levels.map((l) => l.length);
  }

  lossOf(node: number[]): number {
    return node.length === 0 ? 0 : node.reduce((s, l, i) => s + this.loss[i]![l]!, 0) / node.length;
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

/** Codes each column's values per level and re-keys the combinations by them. */
async function prepare(conn: DuckDBConnection, job: JobContext, t: SearchTables, levels: Level[][]): Promise<void> {
  for (let i = 0; i < levels.length; i++) {
    const codes = levels[i]!.slice(0, -1).map((lv, j) => `dense_rank() OVER (ORDER BY ${lv.sql('v')} NULLS FIRST) AS ${g(i, j + 1)}`);
    await rowsOf(
      conn,
      job,
      `CREATE TABLE ${t.dist(i)} AS SELECT v, cnt, dense_rank() OVER (ORDER BY v NULLS FIRST) AS ${g(i, 0)}${codes.map((c) => `, ${c}`).join('')}
       FROM (SELECT ${q(i)} AS v, sum(n) AS cnt FROM ${t.combos} GROUP BY 1)`,
    );
  }
  const cols = levels.flatMap((l, i) => Array.from({ length: l.length }, (_, j) => `d${i}.${g(i, j)}`));
  const joins = levels.map((_, i) => `JOIN ${t.dist(i)} d${i} ON c.${q(i)} IS NOT DISTINCT FROM d${i}.v`).join(' ');
  await rowsOf(conn, job, `CREATE TABLE ${t.coded} AS SELECT ${cols.join(', ')}, c.n FROM ${t.combos} c ${joins}`);
}

/**
 * Information loss per column and level: the share of the column's entropy the level removes
 * (0 at the raw values; 1 when suppressed, unless the column held one value and had none to lose).
 */
async function entropyLoss(conn: DuckDBConnection, job: JobContext, t: SearchTables, levels: Level[][]): Promise<number[][]> {
  const out: number[][] = [];
  for (let i = 0; i < levels.length; i++) {
    const hs: number[] = [];
    for (let j = 0; j < levels[i]!.length; j++) {
      const [r] = await rowsOf(
        conn,
        job,
        `SELECT coalesce(ln(sum(s)) - sum(s * ln(s)) / sum(s), 0) AS h FROM (SELECT CAST(sum(cnt) AS DOUBLE) AS s FROM ${t.dist(i)} GROUP BY ${g(i, j)})`,
      );
      hs.push(Math.max(0, Number(r?.h ?? 0)));
    }
    const h0 = hs[0] ?? 0;
    const lossAt = (j: number) => (h0 <= 1e-12 ? 0 : j === hs.length ? 1 : Math.min(1, Math.max(0, (h0 - hs[j]!) / h0)));
    out.push(Array.from({ length: hs.length + 1 }, (_, j) => lossAt(j)));
  }
  return out;
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
  const loss = await entropyLoss(conn, job, t, levels);
  const lat = new Lattice(conn, job, t, levels, loss, targetK);
  job.progress({ stage: 'searching generalisations', done: 0 });
  const notes: string[] = [];
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
