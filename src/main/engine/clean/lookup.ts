// Steps whose rule is JavaScript (Unicode NFKC, title case, phone numbers: in worker threads) or a
// user's map (aliases) run on each column's distinct values, never per row: the results go into a
// scratch lookup table and the step's SQL reads them with a join.
import { ident } from '../db/sql';
import { over, type FrameColumn, type Frame } from './frame';
import type { Query } from './query';

/** A JavaScript rule run on distinct values in the worker pool (value-tasks.ts). */
export type ValueTask = { task: 'clean.nfkc' } | { task: 'clean.titleCase' } | { task: 'clean.phone'; region: string };

export interface Lookup {
  table: string;
  /** The value after the step: the looked-up one where the table has it, else unchanged. */
  expr(col: string): string;
  /** True where the rule failed on the value. */
  failed(col: string): string;
}

/** Applies a rule to the distinct values of `column` (optionally only those matching `filter`), in worker threads. */
export async function distinctLookup(q: Query, frame: Frame, column: FrameColumn, rule: ValueTask, filter?: (col: string) => string): Promise<Lookup> {
  const col = ident(column.id);
  const rows = await q.all(`SELECT DISTINCT ${col} AS v FROM ${over(frame, [column])} WHERE ${col} IS NOT NULL${filter ? ` AND ${filter(col)}` : ''}`);
  const values = rows.map((r) => String(r.v));
  const batches = await q.workers.map(rule.task, values, {
    input: (batch: string[]) => ('region' in rule ? { values: batch, region: rule.region } : { values: batch }),
    signal: q.job.signal,
  });
  const { name, sql: table } = q.newTableNamed('lookup');
  await q.run(`CREATE TABLE ${table} (src VARCHAR, dst VARCHAR, fail VARCHAR)`);
  const appender = await q.appender(name);
  try {
    let i = 0;
    for (const batch of batches) {
      for (const out of batch) {
        const v = values[i++] as string;
        if ('f' in out) {
          appender.appendVarchar(v);
          appender.appendVarchar(v);
          appender.appendVarchar(out.f);
          appender.endRow();
        } else if (out.v !== v) {
          appender.appendVarchar(v);
          appender.appendVarchar(out.v);
          appender.appendNull();
          appender.endRow();
        }
      }
    }
  } finally {
    appender.closeSync();
  }
  return lookupOver(table);
}

/** A lookup over an existing (src, dst, fail) table. */
export function lookupOver(table: string, key: (col: string) => string = (c) => c): Lookup {
  return {
    table,
    expr: (c) => `CASE WHEN ${c} IS NULL THEN NULL ELSE coalesce((SELECT l.dst FROM ${table} l WHERE l.src = ${key(c)} AND l.fail IS NULL), ${c}) END`,
    failed: (c) => `(${c} IS NOT NULL AND EXISTS (SELECT 1 FROM ${table} l WHERE l.src = ${key(c)} AND l.fail IS NOT NULL))`,
  };
}
