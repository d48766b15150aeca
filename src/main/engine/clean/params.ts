// Bound values for the generated SQL: steps register values and get a placeholder back; each
// statement is run with exactly the values its text uses.
import type { DuckDBValue } from '@duckdb/node-api';

/** Anything that turns a value into a placeholder. */
export interface Binds {
  bind(value: DuckDBValue): string;
}

export class Binder implements Binds {
  private values = new Map<string, DuckDBValue>();

  /** A placeholder (`$p12`) for a value; the value never enters the SQL text. */
  bind(value: DuckDBValue): string {
    const name = `p${this.values.size + 1}`;
    this.values.set(name, value);
    return `$${name}`;
  }

  /** The values a statement's text refers to. */
  for(sql: string): Record<string, DuckDBValue> | undefined {
    const out: Record<string, DuckDBValue> = {};
    let any = false;
    for (const m of sql.matchAll(/\$(p[0-9]+)\b/g)) {
      const name = m[1] as string;
      if (this.values.has(name)) {
        out[name] = this.values.get(name) as DuckDBValue;
        any = true;
      }
    }
    return any ? out : undefined;
  }
}
