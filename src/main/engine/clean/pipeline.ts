// Runs compiled steps over a frame. A run of steps that rewrite each text cell from its own value
// (values.ts) works on each column's distinct values and rewrites the frame once at its end. Any
// other cell-rewriting step is one pass that writes the next frame, and the ledger takes the
// changed cells from the old and new frames joined on row id. Frames are not kept in row order
// (DuckDB may reorder a parallel CTAS): everything that needs an order sorts by row id —
// detection's first rows, the ledger, and the version written. Passes are not fused: DuckDB
// inlines nested projections, so a chain of steps that each read a value twice grows
// exponentially (measured: 4 fused steps on 20,000 rows took 0.9 s, one pass each 0.1 s).
// Row steps (duplicates, filters) remove rows by an anti-join, column steps (drop, rename) need
// no pass of their own.
import type { StepReport } from '../../../shared/api/clean-types';
import { STEP_INFO } from '../../../shared/policy/catalog';
import type { Step } from '../../../shared/policy/steps';
import { num } from '../db/database';
import { ident } from '../db/sql';
import { compileStep, needsData } from './compile';
import { scrubLedger } from './ledger-privacy';
import type { CompiledStep, Frame, FrameColumn, MapOp } from './frame';
import { freeHeader, nextColumnId } from './frame';
import type { Query } from './query';
import { resolveColumns } from './select';
import { fitsValueRun, runsOnValues, ValueRun } from './values';

export interface PipelineResult {
  frame: Frame;
  /** Scratch table (row_id, step_index, kind, col_id, before, after, before_digest, before_preview, confidence: NULL = the step's). */
  ledger: string;
  reports: StepReport[];
}

/** A frame's flag: the step changed this column in this row. */
const mask = (id: string) => ident(`_changed_${id}`);

export class Pipeline {
  private physical: Frame;
  /** Columns after every compiled step (ahead of `physical` while a segment is pending). */
  private columns: FrameColumn[];
  private pending: CompiledStep[] = [];
  /** The open run of value steps, if any. */
  private values: ValueRun | null = null;
  readonly reports: StepReport[] = [];
  readonly ledger: string;

  constructor(private readonly q: Query, input: Frame, private readonly onStep: (done: number, label: string) => void) {
    this.physical = input;
    this.columns = input.columns.map((c) => ({ ...c }));
    this.ledger = q.newTable('ledger');
  }

  async run(steps: Step[]): Promise<PipelineResult> {
    // A PII step's entries hold NULL before, and its keyed digest and masked preview instead.
    // Confidence is NULL for a deterministic step (its catalogue confidence) and a pair's score for a duplicate.
    await this.q.run(`CREATE TABLE ${this.ledger} (row_id BIGINT, step_index INTEGER, kind VARCHAR, col_id VARCHAR, "before" VARCHAR, "after" VARCHAR, before_digest VARCHAR, before_preview VARCHAR, confidence DOUBLE)`);
    for (const [index, step] of steps.entries()) {
      this.onStep(index, STEP_INFO[step.type].label);
      if (!step.enabled) {
        this.reports.push(report(step, { op: { kind: 'columns', drop: [], rename: [] }, columnIds: [], failures: 0, failureExamples: [], notes: ['disabled'], step, index }));
        continue;
      }
      if (fitsValueRun(step, this.values !== null)) {
        await this.onValues(step, index);
        continue;
      }
      await this.closeValues();
      if (needsData(step)) await this.flush();
      const frame = { ...this.physical, columns: this.columns };
      const compiled: CompiledStep = { ...(await compileStep(this.q, frame, step, index)), step, index };
      this.apply(compiled);
      if (compiled.op.kind === 'rows') {
        await this.flush();
        await this.keepRows(compiled);
      } else {
        this.pending.push(compiled);
        if (compiled.op.kind === 'map') await this.flush();
      }
    }
    await this.closeValues();
    await this.flush();
    await scrubLedger(this.q, this.ledger, steps, this.reports);
    await this.count();
    return { frame: this.physical, ledger: this.ledger, reports: this.reports };
  }

  /** A step of a run of value steps (values.ts): compiled against the value tables, applied to them. */
  private async onValues(step: Step, index: number): Promise<void> {
    if (!this.values) {
      // Column steps queued before the run are applied when it closes (its frame keeps `this.columns`).
      this.values = await ValueRun.open(this.q, this.physical);
    }
    // Value tables only for the columns the step touches (detection, if any, reads the head).
    if (runsOnValues(step)) {
      const { columns } = await resolveColumns(this.q, this.values.frame(this.columns), step, index);
      await this.values.ensure(columns);
    }
    const frame = this.values.frame(this.columns);
    const compiled: CompiledStep = { ...(await compileStep(this.q, frame, step, index)), step, index };
    this.apply(compiled);
    if (compiled.op.kind === 'map') {
      await this.values.apply(compiled.op, index, (id, t) => {
        const c = this.columns.find((x) => x.id === id);
        if (c) c.logicalType = t as FrameColumn['logicalType'];
      });
    }
  }

  /** Ends a run of value steps: the frame rewritten once, its changes in the ledger. */
  private async closeValues(): Promise<void> {
    const run = this.values;
    if (!run) return;
    this.values = null;
    this.pending = [];
    const from = this.physical;
    const relation = await run.close(this.columns, this.ledger);
    const columns = this.columns.map((c) => ({ ...c }));
    if (relation === from.relation) {
      this.physical = { ...from, columns };
      return;
    }
    await this.retire(from);
    this.physical = { relation, columns, rowCount: from.rowCount };
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
      for (const id of op.exprs.keys()) {
        const c = this.columns.find((x) => x.id === id);
        if (c) c.stamp = (c.stamp ?? 0) + 1;
      }
      for (const [id, t] of op.types) {
        const c = this.columns.find((x) => x.id === id);
        if (c) c.logicalType = t;
      }
      for (const [id, t] of op.storage ?? []) {
        const c = this.columns.find((x) => x.id === id);
        if (c) c.storageType = t;
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

  /** Runs the pending cell step (with any column steps queued before it) and records its changes. */
  private async flush(): Promise<void> {
    const steps = this.pending.splice(0);
    if (steps.length === 0) return;
    const from = this.physical;
    const dropped = new Set(steps.flatMap((s) => (s.op.kind === 'columns' ? s.op.drop : [])));
    const map = steps.find((s): s is CompiledStep & { op: MapOp } => s.op.kind === 'map');
    const fields: string[] = [];
    const changed: string[] = [];
    for (const c of from.columns) {
      if (dropped.has(c.id)) continue;
      const expr = map?.op.exprs.get(c.id);
      fields.push(expr ? `${expr} AS ${ident(c.id)}` : ident(c.id));
      // In the same projection the expression is evaluated once for the value and the flag.
      // A typed column a step turns into text (a DATE generalised to its year, a BIGINT hashed) is
      // compared as text: DuckDB would otherwise cast the new text back to the old type, and fail.
      const toText = map?.op.storage?.get(c.id) === 'VARCHAR' && c.storageType !== 'VARCHAR';
      const before = toText ? `CAST(${ident(c.id)} AS VARCHAR)` : ident(c.id);
      if (expr) changed.push(`(${before} IS DISTINCT FROM ${expr}) AS ${mask(c.id)}`);
    }
    for (const a of map?.op.added ?? []) fields.push(`${a.expr} AS ${ident(a.column.id)}`);
    const next = this.q.newTable('frame');
    await this.q.run(`CREATE TABLE ${next} AS SELECT row_id${[...fields, ...changed].map((f) => `, ${f}`).join('')} FROM ${from.relation}`);
    const privateIds = [...(map?.op.private?.keys() ?? [])];
    for (const id of privateIds) {
      // A PII step's changes: the value before is not kept, only its keyed digest and masked preview.
      const lookup = map?.op.private?.get(id) ?? { values: '', rows: null };
      const [digest, preview, rows] = lookup.rows
        ? ['CASE WHEN r.rid IS NULL THEN l.digest ELSE r.digest END', 'CASE WHEN r.rid IS NULL THEN l.preview ELSE r.preview END', `LEFT JOIN ${lookup.rows} r ON r.rid = n.row_id`]
        : ['l.digest', 'l.preview', ''];
      await this.q.run(
        `INSERT INTO ${this.ledger} (row_id, step_index, kind, col_id, "before", "after", before_digest, before_preview) SELECT n.row_id, ${map?.index ?? 0}, 'cell', ${this.q.bind(id)}, NULL, CAST(n.${ident(id)} AS VARCHAR), ${digest}, ${preview}
         FROM (SELECT row_id, ${ident(id)} FROM ${next} WHERE ${mask(id)}) n JOIN ${from.relation} o ON o.row_id = n.row_id
         LEFT JOIN ${lookup.values} l ON l.src = CAST(o.${ident(id)} AS VARCHAR) ${rows}`,
      );
    }
    const plainIds = [...(map?.op.exprs.keys() ?? [])].filter((id) => !privateIds.includes(id));
    if (map && plainIds.length > 0) {
      // The old and new frames joined on row id (not by position: a CTAS with a costly projection
      // does not keep row order in DuckDB 1.5 — measured at 1M rows); a changed row gives its changed cells.
      // Only the changed rows of the new frame take part in the join.
      const ids = plainIds;
      const cells = ids.map((id) => `{c: ${this.q.bind(id)}, b: CAST(o.${ident(id)} AS VARCHAR), a: CAST(n.${ident(id)} AS VARCHAR), m: n.${mask(id)}}`);
      await this.q.run(
        `INSERT INTO ${this.ledger} (row_id, step_index, kind, col_id, "before", "after") SELECT row_id, ${map.index}, 'cell', x.c, x.b, x.a FROM (
           SELECT n.row_id, unnest(list_filter([${cells.join(', ')}], e -> e.m)) AS x
           FROM (SELECT * FROM ${next} WHERE ${ids.map((id) => mask(id)).join(' OR ')}) n JOIN ${from.relation} o ON o.row_id = n.row_id)`,
      );
    }
    if (map?.op.typesFromData && map.op.typesFromData.size > 0) {
      const entries = [...map.op.typesFromData];
      const r = await this.q.one(`SELECT ${entries.map(([id, f], i) => `${f(`n.${ident(id)}`)} AS t${i}`).join(', ')} FROM ${next} n`);
      entries.forEach(([id], i) => {
        const c = this.columns.find((x) => x.id === id);
        if (c && typeof r[`t${i}`] === 'string') c.logicalType = r[`t${i}`] as FrameColumn['logicalType'];
      });
    }
    await this.retire(from);
    this.physical = { relation: next, columns: this.columns.map((c) => ({ ...c })), rowCount: from.rowCount };
  }

  /**
   * Removes rows without copying the frame: the removed row ids go into a scratch table and the
   * frame becomes the old one without them (an anti-join, cheap to repeat; copying 1M rows of 14
   * text columns costs more than a second — measured). Rows a duplicate step rewrote (merged
   * survivors) replace their old selves the same way.
   */
  private async keepRows(s: CompiledStep): Promise<void> {
    const op = s.op;
    if (op.kind !== 'rows') return;
    const from = this.physical;
    let removed: string;
    if ('removed' in op) removed = op.removed;
    else {
      removed = this.q.newTable('removed');
      await this.q.run(`CREATE TABLE ${removed} AS SELECT row_id FROM ${from.relation} WHERE (${op.keep}) IS NOT TRUE`);
    }
    const linked = 'removed' in op && op.linked === true;
    await this.q.run(
      linked
        ? `INSERT INTO ${this.ledger} (row_id, step_index, kind, "after", confidence) SELECT row_id, ${s.index}, 'row', CAST(survivor AS VARCHAR), confidence FROM ${removed}`
        : `INSERT INTO ${this.ledger} (row_id, step_index, kind) SELECT row_id, ${s.index}, 'row' FROM ${removed}`,
    );
    const n = await this.q.one(`SELECT count(*) AS n FROM ${removed}`);
    const filled = 'removed' in op ? op.filled : undefined;
    let relation = `(SELECT * FROM ${from.relation} ANTI JOIN ${removed} USING (row_id))`;
    if (filled) {
      await this.q.run(
        `INSERT INTO ${this.ledger} (row_id, step_index, kind, col_id, "before", "after", confidence) SELECT row_id, ${s.index}, 'cell', col_id, "before", "after", confidence FROM ${filled.cells}`,
      );
      // A filled column has new values: detection and classes cached for it are stale.
      for (const r of await this.q.all(`SELECT DISTINCT col_id FROM ${filled.cells}`)) {
        const c = this.columns.find((x) => x.id === String(r.col_id));
        if (c) c.stamp = (c.stamp ?? 0) + 1;
      }
      await this.q.drop(filled.cells);
      // Named columns: a frame table may carry a pass's change flags, which the rewritten rows lack.
      const cols = ['row_id', ...from.columns.map((c) => ident(c.id))].join(', ');
      relation = `(SELECT ${cols} FROM ${from.relation} ANTI JOIN ${removed} USING (row_id) ANTI JOIN ${filled.rows} USING (row_id) UNION ALL SELECT ${cols} FROM ${filled.rows})`;
    }
    this.physical = {
      relation,
      tables: [...(from.tables ?? [from.relation]), removed, ...(filled ? [filled.rows] : [])],
      columns: filled ? this.columns.map((c) => ({ ...c })) : from.columns,
      rowCount: from.rowCount - num(n.n),
    };
  }

  /** Drops an intermediate table (never the input version's table). */
  private async retire(f: Frame): Promise<void> {
    for (const t of f.tables ?? [f.relation]) if (this.q.owns(t)) await this.q.drop(t);
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
