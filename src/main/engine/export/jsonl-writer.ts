// JSONL: one JSON object per row, built by DuckDB (json_object, keys bound as parameters) and
// written by COPY as bare lines — JSON text never holds a raw newline, so a CSV writer with no
// quoting writes each object exactly as it is. Values: see columns.ts (jsonValueExpr).
import { ident, literal } from '../db/sql';
import { runTracked } from '../db/tracked';
import { jsonValueExpr } from './columns';
import { keyTree, type KeyNode } from './jsonl-keys';
import type { Writer } from './writer';
import { IN_ROW_ORDER } from './writer';

/** SQL for the object of `nodes`; keys go into `params` ($k0, $k1, …). */
export function objectSql(nodes: KeyNode[], params: Record<string, string>): string {
  const parts = nodes.map((n) => {
    const name = `k${Object.keys(params).length}`;
    params[name] = n.key;
    return `$${name}, ${'column' in n ? jsonValueExpr(n.column) : objectSql(n.children, params)}`;
  });
  return `json_object(${parts.join(', ')})`;
}

export const jsonlWriter: Writer = {
  async check(ctx) {
    keyTree(ctx.columns);
  },

  async write(ctx) {
    const params: Record<string, string> = {};
    const object = objectSql(keyTree(ctx.columns), params);
    await runTracked(
      ctx.conn,
      ctx.job,
      `COPY (SELECT ${object} AS line FROM ${ident(ctx.table)}) TO ${literal(ctx.temp)} (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', NEW_LINE '\\n', ${IN_ROW_ORDER})`,
      params,
      (pct) => ctx.progress(Math.round((pct / 100) * ctx.rowCount)),
    );
    return {};
  },
};
