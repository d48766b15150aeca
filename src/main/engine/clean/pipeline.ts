// Runs compiled steps over a frame. Consecutive cell rewrites share one pass: a nested query,
// one level per step, materialised once with a "changed" flag per step and column; the ledger
// is then filled by replaying the same levels over the changed rows only, keeping each step's
// before and after. Row steps (duplicates, filters) and steps that read the data materialise
// what came before them first.
import type { StepReport } from '../../../shared/api/clean-types';
import { STEP_INFO } from '../../../shared/policy/catalog';
import type { Step } from '../../../shared/policy/steps';
import { num } from '../db/database';
import { ident } from '../db/sql';
import { compileStep, needsData } from './compile';
import type { CompiledStep, Frame, FrameColumn, MapOp } from './frame';
import { freeHeader, nextColumnId } from './frame';
import type { Query } from './query';

export interface PipelineResult {
  frame: Frame;
  /** Scratch table (row_id, step_index, kind, col_id, before, after). */
  ledger: string;
  reports: StepReport[];
}

const mask = (k: number, id: string) => ident(`_m${k}_${id}`);
const before = (k: number, id: string) => ident(`_b${k}_${id}`);
const after = (k: number, id: string) => ident(`_a${k}_${id}`);

/** The nested query of a segment of map steps over `relation` (whose columns are `start`). */
function segmentSql(relation: string, start: FrameColumn[], steps: CompiledStep[], mode: 'masks' | 'ledger'): string {
  let cols = start.map((c) => c.id);
  const carried: string[] = [];
  let sql = `SELECT row_id, ${cols.map((id) => ident(id)).join(', ')} FROM ${relation}`;
  for (const s of steps) {
    const op = s.op;
    if (op.kind === 'columns') {
      cols = cols.filter((id) => !op.drop.includes(id));
      sql = `SELECT row_id, ${[...cols.map((id) => ident(id)), ...carried].join(', ')} FROM (${sql})`;
      continue;
    }
    if (op.kind !== 'map') throw new Error('a segment holds cell and column steps only');
    const fields = cols.map((id) => (op.exprs.has(id) ? `${op.exprs.get(id) as string} AS ${ident(id)}` : ident(id)));
    const extra: string[] = [];
    for (const [id, expr] of op.exprs) {
      if (mode === 'masks') extra.push(`(${ident(id)} IS DISTINCT FROM ${expr}) AS ${mask(s.index, id)}`);
      else extra.push(`CAST(${ident(id)} AS VARCHAR) AS ${before(s.index, id)}`, `CAST(${expr} AS VARCHAR) AS ${after(s.index, id)}`);
    }
    const added = op.added.map((a) => `${a.expr} AS ${ident(a.column.id)}`);
    sql = `SELECT row_id, ${[...fields, ...added, ...carried, ...extra].join(', ')} FROM (${sql})`;
    cols = [...cols, ...op.added.map((a) => a.column.id)];
    carried.push(...extra.map((e) => e.slice(e.lastIndexOf(' AS ') + 4)));
  }
  return sql;
}

export class Pipeline {
  private physical: Frame;
  /** Columns after every compiled step (ahead of `physical` while a segment is pending). */
  private columns: FrameColumn[];
  private pending: CompiledStep[] = [];
  readonly reports: StepReport[] = [];
  readonly ledger: string;

  constructor(private readonly q: Query, input: Frame, private readonly onStep: (done: number, label: string) => void) {
    this.physical = input;
    this.columns = input.columns.map((c) => ({ ...c }));
    this.ledger = q.newTable('ledger');
  }

  async run(steps: Step[]): Promise<PipelineResult> {
    await this.q.run(`CREATE TABLE ${this.ledger} (row_id BIGINT, step_index INTEGER, kind VARCHAR, col_id VARCHAR, "before" VARCHAR, "after" VARCHAR)`);
    for (const [index, step] of steps.entries()) {
      this.onStep(index, STEP_INFO[step.type].label);
      if (!step.enabled) {
        this.reports.push(report(step, { op: { kind: 'columns', drop: [], rename: [] }, columnIds: [], failures: 0, failureExamples: [], notes: ['disabled'], step, index }));
        continue;
      }
      if (needsData(step)) await this.flush();
      const frame = { ...this.physical, columns: this.columns };
      const compiled: CompiledStep = { ...(await compileStep(this.q, frame, step, index)), step, index };
      this.apply(compiled);
      if (compiled.op.kind === 'rows') {
        await this.flush();
        await this.keepRows(compiled);
      } else this.pending.push(compiled);
    }
    await this.flush();
    await this.count();
    return { frame: this.physical, ledger: this.ledger, reports: this.reports };
  }

  /** Updates the column picture: ids for added columns, drops, renames, new logical types. */
  private apply(s: CompiledStep): void {
    const rep = report(s.step, s);
    const op = s.op;
    if (op.kind === 'map') {
      const taken = new Set<string>();
      for (const a of op.added) {
        a.column.id = nextColumnId(this.columns, taken);
        a.column.header = freeHeader(this.columns, a.column.header);
        taken.add(a.column.id);
        this.columns.push(a.column);
        rep.addedColumnIds.push(a.column.id);
      }
      for (const [id, t] of op.types) {
        const c = this.columns.find((x) => x.id === id);
        if (c) c.logicalType = t;
      }
    } else if (op.kind === 'columns') {
      this.columns = this.columns.filter((c) => !op.drop.includes(c.id));
      rep.droppedColumnIds.push(...op.drop);
      for (const r of op.rename) {
        const c = this.columns.find((x) => x.id === r.id);
        if (c) c.header = r.header;
      }
    }
    this.reports.push(rep);
  }

  /** Materialises the pending segment and records its changed cells in the ledger. */
  private async flush(): Promise<void> {
    const steps = this.pending.splice(0);
    if (steps.length === 0) return;
    const from = this.physical;
    const maps = steps.filter((s): s is CompiledStep & { op: MapOp } => s.op.kind === 'map');
    const seg = this.q.newTable('segment');
    await this.q.run(`CREATE TABLE ${seg} AS ${segmentSql(from.relation, from.columns, steps, 'masks')}`);
    const masks = maps.flatMap((s) => [...s.op.exprs.keys()].map((id) => mask(s.index, id)));
    if (masks.length > 0) {
      const changed = this.q.newTable('changed');
      await this.q.run(`CREATE TABLE ${changed} AS ${segmentSql(`(SELECT * FROM ${from.relation} WHERE row_id IN (SELECT row_id FROM ${seg} WHERE ${masks.join(' OR ')}))`, from.columns, steps, 'ledger')}`);
      const parts = maps.flatMap((s) => [...s.op.exprs.keys()].map((id) =>
        `SELECT row_id, ${s.index} AS step_index, 'cell' AS kind, '${id}' AS col_id, ${before(s.index, id)}, ${after(s.index, id)} FROM ${changed} WHERE ${before(s.index, id)} IS DISTINCT FROM ${after(s.index, id)}`));
      await this.q.run(`INSERT INTO ${this.ledger} ${parts.join(' UNION ALL ')}`);
      await this.q.drop(changed);
    }
    const keep = this.columns.map((c) => ident(c.id)).join(', ');
    const next = this.q.newTable('frame');
    await this.q.run(`CREATE TABLE ${next} AS SELECT row_id${keep ? `, ${keep}` : ''} FROM ${seg}`);
    await this.q.drop(seg);
    await this.retire(from);
    this.physical = { relation: next, columns: this.columns.map((c) => ({ ...c })), rowCount: from.rowCount };
  }

  private async keepRows(s: CompiledStep): Promise<void> {
    const op = s.op;
    if (op.kind !== 'rows') return;
    const from = this.physical;
    const next = this.q.newTable('frame');
    await this.q.run(`CREATE TABLE ${next} AS SELECT * FROM ${from.relation}${op.where ? ` WHERE ${op.where}` : ''}${op.qualify ? ` QUALIFY ${op.qualify}` : ''} ORDER BY row_id`);
    await this.q.run(`INSERT INTO ${this.ledger} SELECT row_id, ${s.index}, 'row', NULL, NULL, NULL FROM ${from.relation} ANTI JOIN ${next} USING (row_id)`);
    const n = await this.q.one(`SELECT count(*) AS n FROM ${next}`);
    await this.retire(from);
    this.physical = { relation: next, columns: from.columns, rowCount: num(n.n) };
  }

  /** Drops an intermediate table (never the input version's table). */
  private async retire(f: Frame): Promise<void> {
    if (this.q.owns(f.relation)) await this.q.drop(f.relation);
  }

  private async count(): Promise<void> {
    const rows = await this.q.all(`SELECT step_index, kind, count(*) AS n FROM ${this.ledger} GROUP BY ALL`);
    for (const r of rows) {
      const rep = this.reports[num(r.step_index)];
      if (!rep) continue;
      if (r.kind === 'row') rep.rowsRemoved = num(r.n);
      else rep.cellsChanged = num(r.n);
    }
  }
}

function report(step: Step, c: Omit<CompiledStep, 'step'> & { step?: Step }): StepReport {
  return {
    stepId: step.id,
    stepType: step.type,
    label: STEP_INFO[step.type].label,
    enabled: step.enabled,
    columnIds: c.columnIds,
    cellsChanged: 0,
    rowsRemoved: 0,
    failures: c.failures,
    failureExamples: c.failureExamples,
    notes: c.notes,
    addedColumnIds: [],
    droppedColumnIds: [],
  };
}
