// Workspaces on disk: create, reopen, migrate forward (and refuse newer formats), folders and
// files that are not workspaces, orphan sweeping, the event log, and the in-process guard.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { ident, table } from '../../src/main/engine/db/sql';
import { listEvents } from '../../src/main/engine/workspace/event-log';
import { LOCK_FILE, readLock } from '../../src/main/engine/workspace/lock';
import { MIGRATIONS, type Migration } from '../../src/main/engine/workspace/schema';
import { DB_FILE, Workspace, type OpenOptions } from '../../src/main/engine/workspace/workspace';
import { startTestEngine, tempDir, writeFixture } from '../support/engine';

const opened: Workspace[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const ws of opened.splice(0)) ws.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function newDir(): string {
  const d = tempDir('ds-ws-');
  dirs.push(d);
  return path.join(d, 'workspace');
}

async function open(dir: string, over: Partial<OpenOptions> = {}): Promise<Workspace> {
  const ws = await Workspace.open(dir, { create: true, processName: 'vitest', actor: 'tester', ...over });
  opened.push(ws);
  return ws;
}

function close(ws: Workspace): void {
  opened.splice(opened.indexOf(ws), 1);
  ws.close();
}

async function openError(dir: string, over: Partial<OpenOptions> = {}) {
  try {
    close(await open(dir, over));
  } catch (err) {
    return err as { code: string; message: string; details?: Record<string, unknown> };
  }
  throw new Error(`opening ${dir} was expected to fail`);
}

const tables = async (ws: Workspace) =>
  (await ws.db.all<{ n: string }>(`SELECT table_name AS n FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1`)).map((r) => r.n);

const actions = async (ws: Workspace) => (await listEvents(ws.db, 100)).reverse().map((e) => e.action);

/** An extra migration (format N → N + 1) as a later version of the app would ship it. */
const addNotes: Migration = async (c) => {
  await c.run(`CREATE TABLE _ds_note (note_id INTEGER PRIMARY KEY, body VARCHAR NOT NULL)`);
  await c.run(`INSERT INTO _ds_note VALUES (1, 'added by migration 2')`);
};

describe('create and reopen', () => {
  it('creates the folder, the database, exports/ and tmp/, at the current format, and logs it', async () => {
    const dir = newDir();
    const ws = await open(dir);
    expect(ws.dir).toBe(dir);
    expect(ws.formatVersion).toBe(MIGRATIONS.length);
    for (const f of [DB_FILE, 'exports', 'tmp', LOCK_FILE]) expect(fs.existsSync(path.join(dir, f))).toBe(true);
    expect(readLock(dir)).toMatchObject({ pid: process.pid, process: 'vitest', user: 'tester' });
    expect(await actions(ws)).toEqual(['workspace.created', 'workspace.opened']);
  });

  it('reopens without migrating, logging the open, and cleans tmp/ and the lock on close', async () => {
    const dir = newDir();
    const first = await open(dir);
    fs.writeFileSync(path.join(first.tmpDir, 'j1-partial.csv'), 'half');
    close(first);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'tmp'))).toBe(false);
    const again = await open(dir, { create: false });
    expect(again.formatVersion).toBe(MIGRATIONS.length);
    expect(fs.readdirSync(again.tmpDir)).toEqual([]);
    const events = (await listEvents(again.db, 10)).reverse();
    expect(events.map((e) => e.action)).toEqual(['workspace.created', 'workspace.opened', 'workspace.opened']);
    expect(events[2]).toMatchObject({ actor: 'tester', subject: { workspace: dir }, details: { migratedFrom: MIGRATIONS.length, process: 'vitest' } });
  });
});

describe('migrations', () => {
  it('brings an older workspace forward, keeps its data, and logs the upgrade', async () => {
    const dir = newDir();
    const t = await startTestEngine({ workspaceDir: dir });
    const file = writeFixture(path.dirname(dir), 'a.csv', 'x,y\n1,2\n');
    const imported = await t.importFile(file);
    await t.engine.close();

    const ws = await open(dir, { create: false, migrations: [...MIGRATIONS, addNotes] });
    expect(ws.formatVersion).toBe(MIGRATIONS.length + 1);
    expect(await ws.db.all(`SELECT * FROM _ds_note`)).toEqual([{ note_id: 1, body: 'added by migration 2' }]);
    expect(await ws.db.one(`SELECT value FROM ${table.meta} WHERE key = 'format_version'`)).toEqual({ value: String(MIGRATIONS.length + 1) });
    expect(await ws.db.one(`SELECT count(*)::INTEGER AS n FROM ${table.data(imported.datasetId, 1)}`)).toEqual({ n: 1 });
    const events = (await listEvents(ws.db, 100)).reverse();
    expect(events.slice(-2)).toMatchObject([
      { action: 'workspace.migrated', actor: 'tester', details: { from: MIGRATIONS.length, to: MIGRATIONS.length + 1 } },
      { action: 'workspace.opened', details: { formatVersion: MIGRATIONS.length + 1, migratedFrom: MIGRATIONS.length } },
    ]);
  });

  it('refuses a workspace from a newer version, naming both formats, and leaves it as it was', async () => {
    const dir = newDir();
    close(await open(dir, { migrations: [...MIGRATIONS, addNotes] }));
    const err = await openError(dir, { create: false });
    expect(err.code).toBe('WORKSPACE_INCOMPATIBLE');
    expect(err.message).toContain(`has format ${MIGRATIONS.length + 1}, written by a newer version`);
    expect(err.message).toContain(`reads up to format ${MIGRATIONS.length}`);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const ws = await open(dir, { create: false, migrations: [...MIGRATIONS, addNotes] });
    expect(ws.formatVersion).toBe(MIGRATIONS.length + 1);
  });

  it('rolls back a migration that fails, names the step, and opens fine with the old steps', async () => {
    const dir = newDir();
    close(await open(dir));
    const broken: Migration = async (c) => {
      await c.run(`CREATE TABLE _ds_half (x INTEGER)`);
      throw new Error('disk full');
    };
    const err = await openError(dir, { create: false, migrations: [...MIGRATIONS, broken] });
    expect(err.code).toBe('WORKSPACE_INCOMPATIBLE');
    expect(err.message).toContain(`could not be upgraded from format ${MIGRATIONS.length} to ${MIGRATIONS.length + 1}: disk full`);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const ws = await open(dir, { create: false });
    expect(await tables(ws)).not.toContain('_ds_half');
    expect(ws.formatVersion).toBe(MIGRATIONS.length);
  });
});

describe('what is not a workspace', () => {
  it.each([
    ['a folder without a database', (d: string) => fs.mkdirSync(d, { recursive: true }), false, 'WORKSPACE_INCOMPATIBLE', /is not a Data Sanitizer workspace/],
    ['a path that does not exist', () => undefined, false, 'NOT_FOUND', /There is no workspace at/],
    ['a file, to create a workspace in', (d: string) => fs.writeFileSync(d, 'x'), true, 'INVALID_ARGUMENT', /is a file, not a folder/],
    ['a database file that is not DuckDB', (d: string) => {
      fs.mkdirSync(d, { recursive: true });
      fs.writeFileSync(path.join(d, DB_FILE), 'PK\u0003\u0004 this is a zip, not a database'.repeat(200));
    }, false, 'WORKSPACE_INCOMPATIBLE', /Cannot open the workspace database/],
  ])('%s', async (_name, make, create, code, message) => {
    const dir = newDir();
    make(dir);
    const before = fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? fs.readdirSync(dir) : null;
    const err = await openError(dir, { create });
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(err.message).toContain(dir);
    if (before) expect(fs.readdirSync(dir).filter((f) => f !== LOCK_FILE)).toEqual(before.filter((f) => f !== LOCK_FILE));
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('leaves someone else\'s DuckDB database untouched', async () => {
    const dir = newDir();
    fs.mkdirSync(dir, { recursive: true });
    const other = await DuckDBInstance.create(path.join(dir, DB_FILE));
    const c = await other.connect();
    await c.run(`CREATE TABLE patients (id INTEGER, name VARCHAR)`);
    c.closeSync();
    other.closeSync();

    const err = await openError(dir, { create: false });
    expect(err.code).toBe('WORKSPACE_INCOMPATIBLE');
    expect(err.message).toMatch(/a DuckDB database that Data Sanitizer did not create/);

    const again = await DuckDBInstance.create(path.join(dir, DB_FILE));
    const c2 = await again.connect();
    const names = (await c2.runAndReadAll(`SELECT table_name FROM duckdb_tables()`)).getRowObjects().map((r) => r.table_name);
    c2.closeSync();
    again.closeSync();
    expect(names).toEqual(['patients']);
  });
});

describe('orphans left by a killed job', () => {
  it('drops staging tables and uncatalogued data tables at open, keeps everything else, and logs them', async () => {
    const dir = newDir();
    const t = await startTestEngine({ workspaceDir: dir });
    const kept = await t.importFile(writeFixture(path.dirname(dir), 'b.csv', 'k\nv\n'));
    const ws = t.engine.workspace;
    for (const name of ['_ds_stage_j9', '_ds_stage_j9_rejects', '_ds_data_d77_v1', 'xds_stage_keep', '_dsXdata_keep']) {
      await ws.db.run(`CREATE TABLE ${ident(name)} (x INTEGER)`);
    }
    await t.engine.close();

    const again = await open(dir, { create: false });
    const names = await tables(again);
    expect(names).not.toContain('_ds_stage_j9');
    expect(names).not.toContain('_ds_stage_j9_rejects');
    expect(names).not.toContain('_ds_data_d77_v1');
    expect(names).toEqual(expect.arrayContaining(['xds_stage_keep', '_dsXdata_keep', table.data(kept.datasetId, 1)]));
    const openedEvent = (await listEvents(again.db, 1))[0];
    expect(openedEvent?.details.sweptTables).toEqual(['_ds_data_d77_v1', '_ds_stage_j9', '_ds_stage_j9_rejects']);
  });
});

describe('the event log', () => {
  it('records the open and each import with time, actor, subject and details, in order', async () => {
    const t = await startTestEngine();
    try {
      const before = Date.now();
      const file = writeFixture(path.dirname(t.dir), 'people.csv', 'id,name\n1,Ann\n2,Bob\n3,Cy\n');
      const r = await t.importFile(file);
      const log = await t.call('log.list', {});
      expect(log.map((e) => e.action)).toEqual(['dataset.imported', 'workspace.opened', 'workspace.created']);
      expect(log.map((e) => e.seq)).toEqual([3, 2, 1]);
      const imported = log[0];
      expect(imported).toMatchObject({
        actor: t.engine.actor,
        subject: { dataset: r.datasetId, version: '1' },
        details: { source: file, sha256: r.sourceSha256, rows: 3, columns: 2, format: 'csv' },
      });
      expect(Date.parse(imported?.at ?? '')).toBeGreaterThanOrEqual(before - 1000);
      expect(await t.call('log.list', { limit: 1, beforeSeq: 3 })).toEqual([log[1]]);
    } finally {
      await t.close();
    }
  });
});

describe('one process, one open copy', () => {
  it('refuses to open a workspace this process already has open, by any path', async () => {
    const dir = newDir();
    await open(dir);
    const link = `${dir}-link`;
    fs.symlinkSync(dir, link);
    for (const p of [dir, `${dir}/`, link]) {
      const err = await openError(p, { create: false });
      expect(err.code).toBe('WORKSPACE_LOCKED');
      expect(err.message).toContain(`already open in this process (PID ${process.pid})`);
    }
    expect(readLock(dir)?.pid).toBe(process.pid);
  });
});
