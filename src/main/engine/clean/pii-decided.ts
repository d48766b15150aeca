// Review decisions on single findings, as a de-identification step applies them (docs/POLICY.md,
// "Review decisions in a run"): the rows of a column with decisions read as the run has them now,
// each decided span found again in its cell, and — for span steps — those rows run through the
// worker pool one row at a time with their spans (rows, not distinct values: two rows holding the
// same value may have been decided apart). The results win over the per-value lookup (ops-pii.ts).
import type { FindingDecision } from '../pii/dataset/store';
import { locateDecided, type DeidBatch, type DeidOutcome, type SpanOverride } from '../pii/deidentify';
import { num } from '../db/database';
import { ident } from '../db/sql';
import type { Frame, FrameColumn } from './frame';
import { over } from './frame';
import type { Query } from './query';

const asText = (col: string) => `CAST(${col} AS VARCHAR)`;

/** Per-row results for the cells a reviewer decided on: (rid, dst, fail, digest, preview); they win over the value lookup. */
export interface RowResult {
  rid: number;
  dst: string;
  outcome: DeidOutcome | null;
}

/** The current text of some rows of a column (NULL cells left out). */
async function currentCells(q: Query, frame: Frame, column: FrameColumn, rowIds: number[]): Promise<Map<number, string>> {
  const { name, sql } = q.newTableNamed('decided_ids');
  await q.run(`CREATE TABLE ${sql} (rid BIGINT)`);
  const a = await q.appender(name);
  try {
    for (const id of new Set(rowIds)) {
      a.appendBigInt(BigInt(id));
      a.endRow();
    }
  } finally {
    a.closeSync();
  }
  const col = ident(column.id);
  const rows = await q.all(`SELECT row_id, ${asText(col)} AS v FROM ${over(frame, [column])} WHERE ${col} IS NOT NULL AND row_id IN (SELECT rid FROM ${sql})`);
  await q.drop(sql);
  return new Map(rows.map((r) => [num(r.row_id), String(r.v)]));
}

/** How a column's review decisions fared, for the run's notes. */
export interface Tally {
  rejected: number;
  accepted: number;
  missed: number;
}

export function tallyNote(column: FrameColumn, t: Tally, what: { rejected: string; accepted: string }): string[] {
  if (t.rejected + t.accepted + t.missed === 0) return [];
  const parts = [
    t.rejected > 0 ? `${t.rejected} ${what.rejected}` : '',
    t.accepted > 0 ? `${t.accepted} ${what.accepted}` : '',
    t.missed > 0 ? `${t.missed} not found in the cell as earlier steps left it (the step acted as without the decision)` : '',
  ].filter((x) => x !== '');
  return [`"${column.header}": review decisions on findings of the input version: ${parts.join('; ')}`];
}

/**
 * The rows of a column with decisions on their findings, run through the span step one row at a
 * time (rows, not distinct values: two rows holding the same value may have been decided apart).
 */
export async function decidedSpanRows(
  q: Query, frame: Frame, column: FrameColumn, decisions: FindingDecision[], batch: (values: string[], overrides: (SpanOverride[] | null)[]) => DeidBatch,
): Promise<{ rows: RowResult[]; tally: Tally }> {
  const tally: Tally = { rejected: 0, accepted: 0, missed: 0 };
  if (decisions.length === 0) return { rows: [], tally };
  const cells = await currentCells(q, frame, column, decisions.map((d) => d.rowId));
  const perRow = new Map<number, SpanOverride[]>();
  for (const d of decisions) {
    const v = cells.get(d.rowId);
    if (v === undefined) continue;
    const at = locateDecided(v, d);
    if (at.length === 0) tally.missed++;
    else tally[d.decision]++;
    const list = perRow.get(d.rowId) ?? [];
    for (const s of at) list.push({ entity: d.entity, start: s.start, end: s.end, decision: d.decision });
    perRow.set(d.rowId, list);
  }
  const items = [...perRow].map(([rid, overrides]) => ({ rid, v: cells.get(rid) ?? '', overrides }));
  const outs = (await q.workers.map('pii.deidentify', items, { input: (b) => batch(b.map((x) => x.v), b.map((x) => x.overrides)), signal: q.job.signal })).flat();
  return { rows: items.map((x, i) => ({ rid: x.rid, dst: x.v, outcome: outs[i] ?? null })), tally };
}

/**
 * Cells a whole-cell step leaves as they are: the scan found something there and a reviewer
 * rejected every finding, and each rejected span is still where the cell (as earlier steps left it) can be found.
 */
export async function rejectedWholeCells(q: Query, frame: Frame, column: FrameColumn): Promise<{ rows: RowResult[]; tally: Tally }> {
  const tally: Tally = { rejected: 0, accepted: 0, missed: 0 };
  const cellsOf = new Set((q.pii.decisions?.rejectedCells ?? []).filter((c) => c.columnId === column.id).map((c) => c.rowId));
  if (cellsOf.size === 0) return { rows: [], tally };
  const byRow = new Map<number, FindingDecision[]>();
  for (const d of q.pii.decisions?.findings ?? []) if (d.columnId === column.id && cellsOf.has(d.rowId)) byRow.set(d.rowId, [...(byRow.get(d.rowId) ?? []), d]);
  const cells = await currentCells(q, frame, column, [...cellsOf]);
  const rows: RowResult[] = [];
  for (const rid of cellsOf) {
    const v = cells.get(rid);
    if (v === undefined) continue;
    if ((byRow.get(rid) ?? []).every((d) => locateDecided(v, d).length > 0)) {
      rows.push({ rid, dst: v, outcome: null });
      tally.rejected++;
    } else tally.missed++;
  }
  return { rows, tally };
}
