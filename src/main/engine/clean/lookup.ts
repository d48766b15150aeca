// Steps whose rule is JavaScript (Unicode NFKC, title case, phone numbers) or a user's map
// (aliases) run on each column's distinct values, never per row: the results go into a
// scratch lookup table and the step's SQL reads them with a join.
import { ident } from '../db/sql';
import { over, type FrameColumn, type Frame } from './frame';
import type { Query } from './query';

/** What a rule makes of one distinct value: the new value, or a failure reason (value kept). */
export type ValueRule = (value: string) => { value: string } | { fail: string };

export interface Lookup {
  table: string;
  /** The value after the step: the looked-up one where the table has it, else unchanged. */
  expr(col: string): string;
  /** True where the rule failed on the value. */
  failed(col: string): string;
}

const BATCH = 2000;

/** Applies `rule` to the distinct values of `column` (optionally only those matching `filter`). */
export async function distinctLookup(q: Query, frame: Frame, column: FrameColumn, rule: ValueRule, filter?: (col: string) => string): Promise<Lookup> {
  const col = ident(column.id);
  const rows = await q.all(`SELECT DISTINCT ${col} AS v FROM ${over(frame, [column])} WHERE ${col} IS NOT NULL${filter ? ` AND ${filter(col)}` : ''}`);
  const { name, sql: table } = q.newTableNamed('lookup');
  await q.run(`CREATE TABLE ${table} (src VARCHAR, dst VARCHAR, fail VARCHAR)`);
  const appender = await q.appender(name);
  try {
    for (let i = 0; i < rows.length; i++) {
      if (i % BATCH === 0) {
        q.job.throwIfCancelled();
        await new Promise((r) => setImmediate(r));
      }
      const v = String(rows[i]?.v);
      const out = rule(v);
      if ('fail' in out) {
        appender.appendVarchar(v);
        appender.appendVarchar(v);
        appender.appendVarchar(out.fail);
        appender.endRow();
      } else if (out.value !== v) {
        appender.appendVarchar(v);
        appender.appendVarchar(out.value);
        appender.appendNull();
        appender.endRow();
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
