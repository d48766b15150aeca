// Values a step could not handle: counted per column in one pass, with the first few examples.
import type { StepFailure } from '../../../shared/api/clean-types';
import { num } from '../db/database';
import { ident } from '../db/sql';
import { countRows, over, type Frame, type FrameColumn } from './frame';
import type { Query } from './query';

const EXAMPLES_PER_COLUMN = 3;

/** `failed(col)` is SQL true where the value failed; `reason` says why, in words. */
export async function countFailures(
  q: Query,
  frame: Frame,
  columns: FrameColumn[],
  failed: (col: string, c: FrameColumn) => string,
  reason: string | ((c: FrameColumn) => string),
  where: string | null,
): Promise<{ failures: number; failureExamples: StepFailure[] }> {
  if (columns.length === 0) return { failures: 0, failureExamples: [] };
  const cond = (c: FrameColumn) => `(${failed(ident(c.id), c)})${where ? ` AND ${where}` : ''}`;
  // Counts and the first examples in one pass (a second query for the examples evaluated the
  // condition over every value again).
  const aggs = columns.map((c, i) => `${countRows(frame, cond(c))} AS f${i},
    min_by({r: row_id, v: CAST(${ident(c.id)} AS VARCHAR)}, row_id, ${EXAMPLES_PER_COLUMN}) FILTER (WHERE ${cond(c)}) AS x${i}`);
  const r = (await q.allJson(`SELECT ${aggs.join(', ')} FROM ${over(frame, columns)}`))[0] ?? {};
  let failures = 0;
  const failureExamples: StepFailure[] = [];
  for (const [i, c] of columns.entries()) {
    failures += num(r[`f${i}`]);
    const examples = (r[`x${i}`] ?? []) as { r: string; v: string }[];
    for (const x of examples) failureExamples.push({ rowId: num(x.r), columnId: c.id, value: x.v, reason: typeof reason === 'string' ? reason : reason(c) });
  }
  return { failures, failureExamples };
}
