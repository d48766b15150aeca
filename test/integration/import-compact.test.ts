// Big CSV imports load uncompressed, then a background job compresses the table in place: same
// rows, same positions, smaller storage; a deleted dataset or a cancelled job leaves things
// consistent. Small sources load compressed and need no job. (`loadUncompressedFromBytes: 0`
// treats every source here as big, so the files can stay small.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobInfo } from '../../src/shared/api/types';
import { num } from '../../src/main/engine/db/database';
import { table } from '../../src/main/engine/db/sql';
import { readAll, startTestEngine, tempDir, writeFixture, type TestEngine } from '../support/engine';

const csv = (rows: number) =>
  ['id,city,note', ...Array.from({ length: rows }, (_, i) => `${i + 1},${['Oslo', 'Lyon', 'Porto'][i % 3]},note ${i % 50}`)].join('\n');

async function compactJob(t: TestEngine): Promise<JobInfo> {
  for (;;) {
    const job = t.engine.jobs.list().find((j) => j.kind === 'compact');
    if (job) return t.engine.jobs.wait(job.id);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function compressions(t: TestEngine, datasetId: string): Promise<string[]> {
  const rows = await t.engine.workspace.db.all(
    `SELECT DISTINCT compression FROM pragma_storage_info('${table.data(datasetId, 1)}') WHERE segment_type = 'VARCHAR' ORDER BY 1`,
  );
  return rows.map((r) => String(r.compression));
}

describe('compaction after a CSV import', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await startTestEngine({ loadUncompressedFromBytes: 0 });
  });
  afterEach(() => t.close());

  it('compresses the table and keeps every row at its position', async () => {
    const file = writeFixture(tempDir(), 'c.csv', csv(30_000));
    const { datasetId } = await t.importFile(file);
    const before = await readAll(t, datasetId);
    const job = await compactJob(t);
    expect(job.state).toBe('succeeded');
    expect(job.result).toEqual({ datasetId, version: 1, compacted: true });
    await t.engine.workspace.db.run('CHECKPOINT');
    expect(await compressions(t, datasetId)).not.toContain('Uncompressed');
    expect(await readAll(t, datasetId)).toEqual(before);
    const w = await t.call('grid.window', { datasetId, version: 1, offset: 29_999, limit: 1 });
    expect(w.rowIds).toEqual([30_000]);
  });

  it('a dataset deleted before the swap is left deleted, and the copy dropped', async () => {
    const file = writeFixture(tempDir(), 'c.csv', csv(30_000));
    const { datasetId } = await t.importFile(file);
    await t.call('dataset.delete', { datasetId });
    const job = await compactJob(t);
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({ compacted: false });
    // Every internal table but the catalogue's own (the string entries of `table`; the others name data tables).
    const catalogue: unknown[] = Object.values(table).filter((v) => typeof v === 'string');
    const left = await t.engine.workspace.db.all(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '\\_ds\\_%' ESCAPE '\\'`);
    expect(left.filter((r) => !catalogue.includes(String(r.table_name)))).toEqual([]);
  });

  it('cancelled, it keeps the uncompressed table and drops its copy', async () => {
    const file = writeFixture(tempDir(), 'c.csv', csv(200_000));
    const { datasetId } = await t.importFile(file);
    const running = t.engine.jobs.list().find((j) => j.kind === 'compact');
    expect(running).toBeDefined();
    t.engine.jobs.cancel(running!.id);
    const job = await t.engine.jobs.wait(running!.id);
    // A job that had already swapped by the time the cancel arrived reports success; both are consistent.
    expect(['cancelled', 'succeeded']).toContain(job.state);
    const n = await t.engine.workspace.db.one(`SELECT count(*) AS n FROM ${table.data(datasetId, 1)}`);
    expect(num(n?.n)).toBe(200_000);
    const stages = await t.engine.workspace.db.all(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '\\_ds\\_stage%' ESCAPE '\\'`);
    expect(stages).toEqual([]);
  });

  it.each([
    { what: 'a source below the size limit', limit: 1024 * 1024, jobs: 0, compression: 'compressed' },
    { what: 'a source at the size limit', limit: 0, jobs: 1, compression: 'uncompressed' },
  ])('$what loads $compression ($jobs compaction job)', async ({ limit, jobs }) => {
    const small = await startTestEngine({ loadUncompressedFromBytes: limit });
    try {
      const { datasetId } = await small.importFile(writeFixture(tempDir(), 'c.csv', csv(30_000)));
      expect(small.engine.jobs.list().filter((j) => j.kind === 'compact')).toHaveLength(jobs);
      await small.settle();
      await small.engine.workspace.db.run('CHECKPOINT');
      expect(await compressions(small, datasetId)).not.toContain('Uncompressed');
      const v = await small.engine.workspace.db.one(`SELECT compacted FROM ${table.version} WHERE table_name = '${table.data(datasetId, 1)}'`);
      expect(v?.compacted).toBe(true);
    } finally {
      await small.close();
    }
  });

  it('ragged imports (already compressed) are not compacted', async () => {
    const file = writeFixture(tempDir(), 'r.csv', 'a,b\n1,2\n3\n4,5\n');
    await t.importFile(file, { ragged: 'pad' });
    expect(t.engine.jobs.list().filter((j) => j.kind === 'compact')).toEqual([]);
  });
});

describe('compaction across app restarts', () => {
  it('a compaction cut short by closing is resumed at the next open', async () => {
    const first = await startTestEngine({ loadUncompressedFromBytes: 0 });
    const dir = first.dir;
    const file = writeFixture(tempDir(), 'c.csv', csv(200_000));
    const { datasetId } = await first.importFile(file);
    // Closing cancels the running compaction, which leaves the version marked "not compacted";
    // mark it so in any case, for a machine fast enough to finish before the close.
    await first.engine.close();
    const { Workspace } = await import('../../src/main/engine/workspace/workspace');
    const ws = await Workspace.open(dir, { create: false, processName: 'vitest', actor: 'tester' });
    await ws.db.run(`UPDATE ${table.version} SET compacted = false`);
    ws.close();
    const again = await startTestEngine({ workspaceDir: dir, loadUncompressedFromBytes: 0 });
    try {
      const job = await compactJob(again);
      expect(job.state).toBe('succeeded');
      expect(job.result).toMatchObject({ datasetId, compacted: true });
      const v = await again.engine.workspace.db.one(`SELECT compacted FROM ${table.version} WHERE dataset_id = $d`, { d: datasetId });
      expect(v?.compacted).toBe(true);
      expect((await readAll(again, datasetId)).rowIds.at(-1)).toBe(200_000);
    } finally {
      await again.close();
    }
  });

  it('a format-1 workspace gains the compaction flag, true for its existing tables', async () => {
    const { Workspace } = await import('../../src/main/engine/workspace/workspace');
    const { MIGRATIONS } = await import('../../src/main/engine/workspace/schema');
    const dir = `${tempDir()}/ws`;
    const old = await Workspace.open(dir, { create: true, processName: 'vitest', actor: 'tester', migrations: MIGRATIONS.slice(0, 1) });
    await old.db.run(`INSERT INTO ${table.version} VALUES ('d1', 1, NULL, 't', 0, now(), 'tester', 'imported')`);
    old.close();
    const ws = await Workspace.open(dir, { create: false, processName: 'vitest', actor: 'tester' });
    try {
      expect(ws.formatVersion).toBe(MIGRATIONS.length);
      expect(await ws.db.all(`SELECT dataset_id, compacted FROM ${table.version}`)).toEqual([{ dataset_id: 'd1', compacted: true }]);
    } finally {
      ws.close();
    }
  });
});
