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
  const r = await q.one(`SELECT ${columns.map((c, i) => `${countRows(frame, cond(c))} AS f${i}`).join(', ')} FROM ${over(frame, columns)}`);
  let failures = 0;
  const failureExamples: StepFailure[] = [];
  for (const [i, c] of columns.entries()) {
    const n = num(r[`f${i}`]);
    failures += n;
    if (n === 0) continue;
    const rows = await q.all(`SELECT row_id, CAST(${ident(c.id)} AS VARCHAR) AS v FROM ${over(frame, [c])} WHERE ${cond(c)} ORDER BY row_id LIMIT ${EXAMPLES_PER_COLUMN}`);
    for (const x of rows) {
      failureExamples.push({ rowId: num(x.row_id), columnId: c.id, value: String(x.v), reason: typeof reason === 'string' ? reason : reason(c) });
    }
  }
  return { failures, failureExamples };
}
