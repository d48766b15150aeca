// A workspace: a folder with one DuckDB file (data + catalogue + event log), exports/ and tmp/.
// Opening one migrates it forward, sweeps what an interrupted job left behind, and logs the open.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/result';
import { Database } from '../db/database';
import { INTERNAL_PREFIX, ident, table } from '../db/sql';
import { appendEvent } from './event-log';
import { isLockError, lockedError, removeLock, writeLock } from './lock';
import { MIGRATIONS, migrate, readFormatVersion, type Migration } from './schema';

export const DB_FILE = 'workspace.duckdb';

export interface OpenOptions {
  create: boolean;
  /** Names this process in the lock file: "Data Sanitizer desktop", "sanitizer import", … */
  processName: string;
  actor: string;
  isDefault?: boolean;
  /** Tests pass extra migrations to exercise the upgrade path. */
  migrations?: readonly Migration[];
  threads?: number;
}

export class Workspace {
  private writes: Promise<unknown> = Promise.resolve();

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
      fs.mkdirSync(dir, { recursive: true });
    }

    let db: Database;
    try {
      db = await Database.open(dbFile, opts.threads ? { threads: opts.threads } : {});
    } catch (err) {
      if (isLockError(err)) throw lockedError(dir, err);
      const msg = err instanceof Error ? err.message : String(err);
      throw new AppError('WORKSPACE_INCOMPATIBLE', `Cannot open the workspace database ${dbFile}: ${msg}`, { file: dbFile });
    }

    try {
      const found = await db.with((c) => readFormatVersion(c));
      if (found > migrations.length) {
        throw new AppError(
          'WORKSPACE_INCOMPATIBLE',
          `The workspace ${dir} has format ${found}, written by a newer version of Data Sanitizer; this version reads up to format ${migrations.length}.`,
          { file: dir, formatVersion: found },
        );
      }
      const version = await db.with((c) => migrate(c, found, migrations));
      writeLock(dir, opts.processName, opts.actor);
      const ws = new Workspace(dir, db, version, opts.isDefault ?? false);
      fs.rmSync(ws.tmpDir, { recursive: true, force: true });
      fs.mkdirSync(ws.tmpDir, { recursive: true });
      fs.mkdirSync(ws.exportsDir, { recursive: true });
      const swept = await ws.sweepOrphans();
      await db.with((c) =>
        appendEvent(c, {
          action: 'workspace.opened',
          actor: opts.actor,
          subject: { workspace: dir },
          details: { formatVersion: version, migratedFrom: found, process: opts.processName, sweptTables: swept },
        }),
      );
      return ws;
    } catch (err) {
      db.close();
      throw err;
    }
  }

  /** Drops staging tables and data tables with no catalogue entry (left by a killed job). */
  private async sweepOrphans(): Promise<string[]> {
    const rows = await this.db.all<{ name: string }>(
      `SELECT t.table_name AS name FROM duckdb_tables() t
       WHERE t.database_name = current_database() AND t.schema_name = 'main'
         AND t.table_name LIKE '${INTERNAL_PREFIX}%'
         AND (t.table_name LIKE '${INTERNAL_PREFIX}stage\\_%' ESCAPE '\\'
              OR (t.table_name LIKE '${INTERNAL_PREFIX}data\\_%' ESCAPE '\\'
                  AND t.table_name NOT IN (SELECT table_name FROM ${table.version})))`,
    );
    for (const r of rows) await this.db.run(`DROP TABLE IF EXISTS ${ident(r.name)}`);
    return rows.map((r) => r.name);
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
    removeLock(this.dir);
    fs.rmSync(this.tmpDir, { recursive: true, force: true });
  }
}
