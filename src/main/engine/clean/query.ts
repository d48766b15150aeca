// The cleaning run's access to DuckDB: one connection, bound values, cancellable statements,
// scratch tables dropped at the end, and detection results cached per frame.
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { DetectedKind } from '../../../shared/policy/steps';
import type { Row } from '../db/database';
import { SCRATCH, qualified } from '../db/sql';
import { runTracked } from '../db/tracked';
import type { JobContext } from '../jobs/jobs';
import type { Frame } from './frame';
import { Binder } from './params';
import { detectKinds } from './select';

export class Query {
  private readonly binder = new Binder();
  private readonly scratch: string[] = [];
  private readonly detected = new Map<string, Map<string, Set<DetectedKind>>>();
  private seq = 0;

  constructor(
    readonly conn: DuckDBConnection,
    readonly job: JobContext,
    private readonly prefix: string,
  ) {}

  bind(value: DuckDBValue): string {
    return this.binder.bind(value);
  }

  async run(sql: string, onPercent?: (pct: number) => void): Promise<void> {
    await runTracked(this.conn, this.job, sql, this.binder.for(sql), onPercent);
  }

  async all(sql: string): Promise<Row[]> {
    this.job.throwIfCancelled();
    const r = await this.conn.runAndReadAll(sql, this.binder.for(sql));
    return r.getRowObjects();
  }

  async one(sql: string): Promise<Row> {
    return (await this.all(sql))[0] ?? {};
  }

  /** A fresh scratch (in-memory catalog) table name, quoted, dropped by `cleanup`. */
  newTable(label: string): string {
    return this.newTableNamed(label).sql;
  }

  /** The same, with its bare name too (for an appender). */
  newTableNamed(label: string): { name: string; sql: string } {
    const name = `${this.prefix}_${++this.seq}_${label}`;
    const sql = qualified(SCRATCH, 'main', name);
    this.scratch.push(sql);
    return { name, sql };
  }

  /** An appender into a scratch table. */
  appender(name: string) {
    return this.conn.createAppender(name, 'main', SCRATCH);
  }

  /** Whether a relation is one of this run's scratch tables. */
  owns(relation: string): boolean {
    return this.scratch.includes(relation);
  }

  async drop(name: string): Promise<void> {
    await this.conn.run(`DROP TABLE IF EXISTS ${name}`);
  }

  async detect(frame: Frame): Promise<Map<string, Set<DetectedKind>>> {
    let d = this.detected.get(frame.relation);
    if (!d) {
      d = await detectKinds(this, frame, frame.columns);
      this.detected.set(frame.relation, d);
    }
    return d;
  }

  async cleanup(): Promise<void> {
    for (const t of this.scratch.splice(0)) await this.conn.run(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
  }
}
