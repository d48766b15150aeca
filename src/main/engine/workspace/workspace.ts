// A workspace: a folder with one DuckDB file (data + catalogue + event log), exports/ and tmp/.
// Opening one migrates it forward, sweeps what an interrupted job left behind, and logs the open.
import type { DuckDBConnection } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { makeDirs } from '../files/make-dirs';
import { AppError } from '../../../shared/api/result';
import { Database } from '../db/database';
import { INTERNAL_PREFIX, ident, table } from '../db/sql';
import { appendEvent } from './event-log';
import { readOrCreateKey } from './key';
import { recoverKeyRotation } from './key-rotation';
import { isLockError, liveHolder, lockedError, removeLock, writeLock } from './lock';
import { MIGRATIONS, migrate, readFormatVersion, type Migration } from './schema';

export const DB_FILE = 'workspace.duckdb';
/** The workspace's secret key for keyed hashes, pseudonyms and ledger digests (32 random bytes, mode 0600). */
export const KEY_FILE = 'workspace.key';

export interface OpenOptions {
  create: boolean;
  /** Names this process in the lock file: "Data Sanitizer desktop", "sanitizer import", … */
  processName: string;
  actor: string;
  isDefault?: boolean;
  /**
   * Record the opening in the audit log (default). Off for a look that must not change what it looks
   * at: `audit verify` / `audit list` (an entry appended at the open would take the number of one cut
   * off the end, and every verify would paper over a little more of the gap).
   */
  logOpen?: boolean;
  /** Tests pass extra migrations to exercise the upgrade path. */
  migrations?: readonly Migration[];
  threads?: number;
}

export class Workspace {
  /**
   * Database files open in this process. DuckDB's file lock only keeps other processes out: a
   * second instance on the same file in this process would open it again and corrupt it.
   */
  private static openHere = new Set<string>();
  private writes: Promise<unknown> = Promise.resolve();
  private key = '';
  private actor = '';
  private secret: Buffer | null = null;
  /** Why the key is not handed out now (a rotation in progress, a key that went missing); null if it is. */
  private keyHeld: { code: 'BUSY' | 'NOT_FOUND'; why: string } | null = null;

  private constructor(
    readonly dir: string,
    readonly db: Database,
    readonly formatVersion: number,
    readonly isDefault: boolean,
  ) {}

  get databaseFile(): string {
    return path.join(this.dir, DB_FILE);
  }
  get tmpDir(): string {
    return path.join(this.dir, 'tmp');
  }
  get exportsDir(): string {
    return path.join(this.dir, 'exports');
  }

  static async open(dirIn: string, opts: OpenOptions): Promise<Workspace> {
    const dir = path.resolve(dirIn);
    const dbFile = path.join(dir, DB_FILE);
    const migrations = opts.migrations ?? MIGRATIONS;
    if (!fs.existsSync(dbFile)) {
      if (!opts.create) {
        throw new AppError(
          fs.existsSync(dir) ? 'WORKSPACE_INCOMPATIBLE' : 'NOT_FOUND',
          fs.existsSync(dir)
            ? `${dir} is not a Data Sanitizer workspace (it has no ${DB_FILE}). Choose "create" to make one there.`
            : `There is no workspace at ${dir}.`,
          { file: dir },
        );
      }
      if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
        throw new AppError('INVALID_ARGUMENT', `${dir} is a file, not a folder.`, { file: dir });
      }
      makeDirs(dir);
    }

    const key = fs.realpathSync(dir);
    if (Workspace.openHere.has(key)) {
      throw new AppError('WORKSPACE_LOCKED', `The workspace ${dir} is already open in this process (PID ${process.pid}).`, { file: dir, pid: process.pid });
    }

    let db: Database;
    try {
      db = await Database.open(dbFile, opts.threads ? { threads: opts.threads } : {});
    } catch (err) {
      if (isLockError(err) || liveHolder(dir)) throw lockedError(dir, err);
      const msg = err instanceof Error ? err.message : String(err);
      throw new AppError('WORKSPACE_INCOMPATIBLE', `Cannot open the workspace database ${dbFile}: ${msg}`, { file: dbFile });
    }

    Workspace.openHere.add(key);
    let locked = false;
    try {
      const found = await db.with((c) => checkFormat(c, dir, migrations.length));
      const version = await db.with((c) => migrateOrExplain(c, dir, found, migrations));
      writeLock(dir, opts.processName, opts.actor);
      locked = true;
      const ws = new Workspace(dir, db, version, opts.isDefault ?? false);
      ws.key = key;
      ws.actor = opts.actor;
      fs.rmSync(ws.tmpDir, { recursive: true, force: true });
      makeDirs(ws.tmpDir);
      makeDirs(ws.exportsDir);
      const swept = await ws.sweepOrphans();
      const keyRepair = found === 0 ? null : await recoverKeyRotation(dir, db, ws.keyFile);
      if (found > 0 && !fs.existsSync(ws.keyFile) && (await keyWasUsed(db))) {
        ws.keyHeld = {
          code: 'NOT_FOUND',
          why: `the workspace key ${ws.keyFile} is missing; restore it from a backup (sanitizer key restore --from FILE --as ADMIN) — a new key would not reproduce earlier pseudonyms and digests`,
        };
      }
      await db.transaction(async (c) => {
        if (keyRepair) await appendEvent(c, { action: keyRepair.action === 'finished' ? 'key.rotationFinished' : 'key.rotationDiscarded', actor: opts.actor, subject: { workspace: dir }, details: keyRepair });
        if (found === 0) await appendEvent(c, { action: 'workspace.created', actor: opts.actor, subject: { workspace: dir }, details: { formatVersion: version } });
        else if (found < version) await appendEvent(c, { action: 'workspace.migrated', actor: opts.actor, subject: { workspace: dir }, details: { from: found, to: version } });
        if (opts.logOpen !== false) await appendEvent(c, {
          action: 'workspace.opened',
          actor: opts.actor,
          subject: { workspace: dir },
          details: { formatVersion: version, migratedFrom: found, process: opts.processName, sweptTables: swept },
        });
      });
      return ws;
    } catch (err) {
      db.close();
      Workspace.openHere.delete(key);
      if (locked) removeLock(dir);
      throw err;
    }
  }

  /** Drops staging tables and data tables with no catalogue entry (left by a killed job). */
  private async sweepOrphans(): Promise<string[]> {
    const rows = await this.db.all<{ name: string }>(
      `SELECT t.table_name AS name FROM duckdb_tables() t
       WHERE t.database_name = current_database() AND t.schema_name = 'main'
         AND (starts_with(t.table_name, $stage)
              OR (starts_with(t.table_name, $data)
                  AND t.table_name NOT IN (SELECT table_name FROM ${table.version})))
       ORDER BY t.table_name`,
      { stage: `${INTERNAL_PREFIX}stage_`, data: `${INTERNAL_PREFIX}data_` },
    );
    for (const r of rows) await this.db.run(`DROP TABLE IF EXISTS ${ident(r.name)}`);
    return rows.map((r) => r.name);
  }

  get keyFile(): string {
    return path.join(this.dir, KEY_FILE);
  }

  /**
   * The workspace's secret key: created once (32 random bytes in a file next to the database,
   * readable by its owner only), then read. Keyed hashes and pseudonyms are stable within a
   * workspace and across workspaces that share this file; without it they cannot be reversed or
   * recomputed. It is never logged and never leaves the machine; worker tasks get it per batch.
   */
  secretKey(): Buffer {
    if (this.keyHeld) throw new AppError(this.keyHeld.code, `The workspace key cannot be used: ${this.keyHeld.why}.`, { file: this.keyFile });
    if (!this.secret) this.secret = readOrCreateKey(this.keyFile, { warn: (m) => this.keyUnprotected(m) });
    return this.secret;
  }

  /** Refuses to hand out the key (with `why`) until releaseKey; key-rotation.ts holds it while it swaps keys. */
  holdKey(why: string): void {
    this.keyHeld = { code: 'BUSY', why };
  }
  /** Hands the key out again, read afresh from its file. */
  releaseKey(): void {
    this.keyHeld = null;
    this.secret = null;
  }
  /** Drops the cached key: the next use reads the file (after a rotation or a restore). */
  forgetSecretKey(): void {
    this.secret = null;
    if (this.keyHeld?.code === 'NOT_FOUND' && fs.existsSync(this.keyFile)) this.keyHeld = null;
  }

  /**
   * A key on a file system that keeps no permissions (key.ts) is used, and said so once per
   * opening: on stderr and in the event log, so an audit of the workspace shows it.
   */
  private keyUnprotected(message: string): void {
    console.warn(message);
    const log = () => this.db.with((c) => appendEvent(c, { action: 'workspace.keyUnprotected', actor: this.actor, subject: { workspace: this.dir }, details: { file: this.keyFile, message } }));
    this.exclusive(log).catch((err: unknown) => console.warn(`Could not record the unprotected key in the event log: ${(err as Error).message}`));
  }

  /**
   * Runs catalogue-and-log writes one at a time: the event log's sequence numbers and the
   * catalogue's ids are taken inside these sections, so two jobs can never race for them.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.writes.then(fn, fn);
    this.writes = run.catch(() => undefined);
    return run;
  }

  close(): void {
    this.db.close();
    Workspace.openHere.delete(this.key);
    removeLock(this.dir);
    fs.rmSync(this.tmpDir, { recursive: true, force: true });
  }
}

/**
 * Whether the workspace key may have been relied on, by what the record shows (a later generation,
 * a backup, any run — its ledger digests and pseudonyms are keyed): then a missing key file is not
 * silently replaced by a new one.
 */
async function keyWasUsed(db: Database): Promise<boolean> {
  const r = await db.one(
    `SELECT (SELECT count(*) FROM ${table.eventLog} WHERE action IN ('key.rotated', 'key.backedUp', 'key.restored'))
          + (SELECT count(*) FROM ${table.run})
          + (SELECT count(*) FROM ${table.meta} WHERE key = 'key_generation' AND value <> '1') AS n`,
  );
  return Number(r?.n ?? 0) > 0;
}

/** The workspace's format, refusing what this version cannot read. */
async function checkFormat(c: DuckDBConnection, dir: string, current: number): Promise<number> {
  const found = await readFormatVersion(c);
  if (!Number.isInteger(found) || found < 0) {
    throw new AppError('WORKSPACE_INCOMPATIBLE', `The workspace ${dir} records an unreadable format version; it was not written by Data Sanitizer, or it is damaged.`, { file: dir });
  }
  if (found > current) {
    throw new AppError(
      'WORKSPACE_INCOMPATIBLE',
      `The workspace ${dir} has format ${found}, written by a newer version of Data Sanitizer; this version reads up to format ${current}.`,
      { file: dir, formatVersion: found },
    );
  }
  if (found === 0 && (await userTables(c)).length > 0) {
    throw new AppError('WORKSPACE_INCOMPATIBLE', `${path.join(dir, DB_FILE)} is a DuckDB database that Data Sanitizer did not create; it was left untouched.`, { file: dir });
  }
  return found;
}

async function userTables(c: DuckDBConnection): Promise<string[]> {
  const r = await c.runAndReadAll(
    `SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() UNION ALL
     SELECT view_name FROM duckdb_views() WHERE database_name = current_database() AND NOT internal`,
  );
  return r.getRowObjects().map((row) => String(row.table_name));
}

/** Brings the workspace forward; a failed step is rolled back and named. */
async function migrateOrExplain(c: DuckDBConnection, dir: string, found: number, migrations: readonly Migration[]): Promise<number> {
  try {
    return await migrate(c, found, migrations);
  } catch (err) {
    const at = await readFormatVersion(c).catch(() => found);
    const msg = err instanceof Error ? err.message : String(err);
    throw new AppError('WORKSPACE_INCOMPATIBLE', `The workspace ${dir} could not be upgraded from format ${at} to ${at + 1}: ${msg}`, { file: dir, formatVersion: at });
  }
}
