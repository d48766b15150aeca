// The single owner of a workspace's DuckDB file: one instance, a small pool of connections.
// Extensions that are not compiled in are never installed or loaded: both are off at creation,
// and no SQL we run is written by a user.
import type { Signer } from '../identity/keys';
import os from 'node:os';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { SCRATCH, ident } from './sql';

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

/** Settings fixed at instance creation. */
const INSTANCE_OPTIONS: Record<string, string> = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  allow_community_extensions: 'false',
  allow_unsigned_extensions: 'false',
};

/**
 * DuckDB's share of memory. Its default (80% of RAM) is meant for a database server; a desktop app
 * shares the machine. Beyond this limit DuckDB spills to `<workspace>.duckdb.tmp`, including the
 * in-memory scratch copies behind sorted grid views (measured: a 10M-row sorted view built under a
 * 1 GB limit peaks at 1.2 GB RSS instead of 6.5 GB, in the same time).
 * `DATA_SANITIZER_MEMORY_LIMIT` (e.g. `4GB`) overrides it.
 */
export function memoryLimit(env: NodeJS.ProcessEnv = process.env, totalBytes = os.totalmem()): string {
  const given = env.DATA_SANITIZER_MEMORY_LIMIT?.trim();
  if (given && /^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(given)) return given;
  const mib = Math.max(1024, Math.floor((totalBytes * 0.3) / 2 ** 20));
  return `${mib}MiB`;
}

/**
 * Runs `fn` under a lower DuckDB memory limit (it spills to its temporary file beyond it), restoring
 * the workspace's own limit afterwards, whatever happens. The limit is the instance's: other work
 * meanwhile runs under it too (and spills sooner). A limit the user set
 * (DATA_SANITIZER_MEMORY_LIMIT) is left alone.
 */
export async function underMemoryLimit<T>(conn: DuckDBConnection, limit: string, fn: () => Promise<T>): Promise<T> {
  if (process.env.DATA_SANITIZER_MEMORY_LIMIT?.trim()) return fn();
  await conn.run(`SET memory_limit = '${limit.replace(/'/g, "''")}'`);
  try {
    return await fn();
  } finally {
    await conn.run(`SET memory_limit = '${memoryLimit().replace(/'/g, "''")}'`);
  }
}

/** Session settings every connection gets (query progress drives job progress bars). */
const SESSION_SETTINGS = ['SET enable_progress_bar = true', 'SET enable_progress_bar_print = false'];

/** Which database each handed-out connection belongs to (so the log can find who acts). */
const OWNER = new WeakMap<DuckDBConnection, Database>();

/** The database a connection of ours belongs to. */
export function ownerOf(conn: DuckDBConnection): Database | undefined {
  return OWNER.get(conn);
}

export class Database {
  private idle: DuckDBConnection[] = [];
  private closed = false;
  /**
   * Who acts in this workspace now (the unlocked identity's signer, set by the engine): the audit
   * log signs an entry attributed to that actor with it, whatever code path appends it.
   */
  actingSigner: Signer | null = null;

  private constructor(
    readonly file: string,
    private readonly instance: DuckDBInstance,
  ) {}

  static async open(file: string, options: { threads?: number } = {}): Promise<Database> {
    const opts: Record<string, string> = { ...INSTANCE_OPTIONS, memory_limit: memoryLimit() };
    if (options.threads) opts.threads = String(options.threads);
    const instance = await DuckDBInstance.create(file, opts);
    const db = new Database(file, instance);
    await db.run(`ATTACH ':memory:' AS ${ident(SCRATCH)}`);
    return db;
  }

  private async connect(): Promise<DuckDBConnection> {
    const conn = await this.instance.connect();
    OWNER.set(conn, this);
    for (const s of SESSION_SETTINGS) await conn.run(s);
    return conn;
  }

  /** Runs `fn` with a connection of its own; concurrent callers get different connections. */
  async with<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('the workspace database is closed');
    const conn = this.idle.pop() ?? (await this.connect());
    try {
      return await fn(conn);
    } finally {
      if (this.closed) conn.closeSync();
      else this.idle.push(conn);
    }
  }

  async run(sql: string, params?: Params): Promise<void> {
    await this.with((c) => c.run(sql, params));
  }

  /** All rows as plain objects (BigInt kept for BIGINT columns). */
  async all<T extends Row = Row>(sql: string, params?: Params): Promise<T[]> {
    return this.with(async (c) => {
      const reader = await c.runAndReadAll(sql, params);
      return reader.getRowObjects() as T[];
    });
  }

  async one<T extends Row = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Runs statements in one transaction on one connection; rolls back on any error. */
  async transaction<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.with(async (c) => {
      await c.run('BEGIN TRANSACTION');
      try {
        const out = await fn(c);
        await c.run('COMMIT');
        return out;
      } catch (err) {
        await c.run('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const c of this.idle) c.closeSync();
    this.idle = [];
    this.instance.closeSync();
  }
}

/** Converts DuckDB's BigInt counts to numbers (counts here stay far below 2^53). */
export function num(v: unknown): number {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return 0;
  return Number(v);
}
