// The dataset scan beyond text columns and small tables: typed columns from Parquet (integer SSNs,
// dates of birth by header, shipping dates never, decimals and booleans not scanned), the same
// findings from worker threads as in-process, a cancel in the middle of scanning leaving the
// previous scan whole, and a workspace of format 5 opening with the PII tables added.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PiiFindingRow, PiiScanSummary } from '../../src/shared/api/pii-types';
import type { JobInfo } from '../../src/shared/api/types';
import { table } from '../../src/main/engine/db/sql';
import { MIGRATIONS } from '../../src/main/engine/workspace/schema';
import { Workspace } from '../../src/main/engine/workspace/workspace';
import { jobResult, writeCsv } from '../support/clean';
import { startTestEngine, tempDir, type TestEngine } from '../support/engine';

const ROWS = 40;
/** The format that added the PII tables (migration 5 → 6). */
const PII_FORMAT = 6;
const SSNS = [536228726, 412331234, 287654321, 601123456];
let dir: string;
let file: string;

async function allFindings(t: TestEngine, datasetId: string, filter: { columnId?: string } = {}): Promise<PiiFindingRow[]> {
  const out: PiiFindingRow[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await t.call('pii.findings', { datasetId, version: 1, offset, limit: 1000, ...filter });
    out.push(...page.rows);
    if (offset + 1000 >= page.total) return out;
  }
}

beforeAll(async () => {
  dir = tempDir('ds-pii-engine-');
  file = path.join(dir, 'typed.parquet');
  const writer = await DuckDBInstance.create(':memory:');
  const conn = await writer.connect();
  await conn.run(`COPY (SELECT i::BIGINT AS id, [${SSNS.join(', ')}][(i % ${SSNS.length}) + 1]::BIGINT AS ssn,
      (DATE '1950-01-01' + INTERVAL (i * 400) DAY)::DATE AS date_of_birth, (DATE '2024-01-01' + INTERVAL (i) DAY)::DATE AS shipped,
      (i * 12.5)::DECIMAL(10, 2) AS amount, i % 2 = 0 AS active, 'user' || i || '@example.org' AS email
    FROM range(1, ${ROWS + 1}) t(i)) TO '${file.replaceAll("'", "''")}' (FORMAT parquet)`);
  conn.closeSync();
  writer.closeSync();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('typed columns', () => {
  let t: TestEngine;
  let datasetId: string;
  let summary: PiiScanSummary;
  beforeAll(async () => {
    t = await startTestEngine();
    datasetId = (await t.importFile(file)).datasetId;
    summary = await jobResult<PiiScanSummary>(await t.runJob('pii.start', { datasetId, version: 1 }));
  });
  afterAll(async () => t.close());
  const col = (h: string) => summary.columns.find((c) => c.header === h);

  it.each([
    ['ssn', 'US_SSN'],
    ['date_of_birth', 'DATE_OF_BIRTH'],
    ['email', 'EMAIL'],
    ['shipped', null],
    ['id', null],
  ])('classifies %s as %s', (header, entity) => {
    expect(col(header)?.entity).toBe(entity);
    if (entity === null) expect(col(header)?.entities).toEqual([]);
    else expect(col(header)?.entities[0]).toMatchObject({ entity, cells: ROWS });
  });

  it('reads integers and dates as the grid shows them: the found text is the cell', async () => {
    const ssn = await allFindings(t, datasetId, { columnId: col('ssn')!.columnId });
    expect(ssn.map((f) => f.text)).toEqual(Array.from({ length: ROWS }, (_, i) => String(SSNS[(i + 1) % SSNS.length])));
    const dob = await allFindings(t, datasetId, { columnId: col('date_of_birth')!.columnId });
    expect(dob[0]).toMatchObject({ rowId: 1, start: 0, end: 10, text: '1951-02-05', entity: 'DATE_OF_BIRTH' });
  });

  it('deleting a dataset removes its scan, findings, explanations and decisions', async () => {
    const other = (await t.importFile(file)).datasetId;
    await jobResult(await t.runJob('pii.start', { datasetId: other, version: 1 }));
    const f = (await t.call('pii.findings', { datasetId: other, version: 1, offset: 0, limit: 1 })).rows[0]!;
    await t.call('pii.decide', { datasetId: other, version: 1, target: { findingId: f.findingId }, decision: 'rejected' });
    await t.call('dataset.delete', { datasetId: other });
    const db = t.engine.workspace.db;
    expect(Number((await db.one(`SELECT count(*) AS n FROM ${table.piiExplanation} WHERE dataset_id = $d`, { d: datasetId }))?.n)).toBeGreaterThan(0);
    for (const x of [table.piiScan, table.piiFinding, table.piiExplanation, table.piiDecision]) {
      expect(Number((await db.one(`SELECT count(*) AS n FROM ${x} WHERE dataset_id = $d`, { d: other }))?.n)).toBe(0);
    }
    expect(Number((await db.one(`SELECT count(*) AS n FROM ${table.piiFinding} WHERE dataset_id = $d`, { d: datasetId }))?.n)).toBe(ROWS * 3);
  });

  it('does not scan decimal and boolean columns, and names them', () => {
    expect(summary.columns.map((c) => c.header)).toEqual(['id', 'ssn', 'date_of_birth', 'shipped', 'email']);
    expect(summary.caveat).toContain('"amount" (decimal), "active" (boolean)');
  });
});

describe('worker threads', () => {
  it('give the same findings as the in-process path', async () => {
    const inProcess = await startTestEngine();
    const threads = await startTestEngine({ workers: { inProcessBelow: 1, maxThreads: 2 } });
    try {
      const a = (await inProcess.importFile(file)).datasetId;
      const b = (await threads.importFile(file)).datasetId;
      await jobResult(await inProcess.runJob('pii.start', { datasetId: a, version: 1 }));
      await jobResult(await threads.runJob('pii.start', { datasetId: b, version: 1 }));
      expect(threads.engine.workers.tasksRunInWorkers).toBeGreaterThan(0);
      expect(inProcess.engine.workers.tasksRunInWorkers).toBe(0);
      const fa = await allFindings(inProcess, a);
      expect(fa.length).toBe(ROWS * 3);
      expect(await allFindings(threads, b)).toEqual(fa);
    } finally {
      await inProcess.close();
      await threads.close();
    }
  });
});

describe('cancel while scanning', () => {
  it('leaves the previous scan, its findings and no scratch tables', async () => {
    const t = await startTestEngine({ workers: { inProcessBelow: 1, maxThreads: 1 } });
    try {
      const rows = Array.from({ length: 30_000 }, (_, i) => [`person${i}@example.org`, `note ${i}: call +44 20 7946 ${String(i % 10_000).padStart(4, '0')}`]);
      const datasetId = (await t.importFile(writeCsv(['email', 'note'], rows))).datasetId;
      await t.settle();
      const first = await jobResult<PiiScanSummary>(await t.runJob('pii.start', { datasetId, version: 1, columnIds: ['c1'] }));
      const db = t.engine.workspace.db;
      const count = async () => Number((await db.one(`SELECT count(*) AS n FROM ${table.piiFinding} WHERE dataset_id = $d`, { d: datasetId }))?.n);
      const limit = async () => String((await db.one(`SELECT current_setting('memory_limit') AS m`))?.m);
      const workspaceLimit = await limit();
      expect(await count()).toBe(30_000);
      const { jobId } = await t.call('pii.start', { datasetId, version: 1 });
      // Cancel once values are being scanned (not before the job began its work).
      let scanLimit = '';
      await new Promise<void>((resolve) => {
        const off = t.engine.events.on('job.updated', (j: JobInfo) => {
          if (j.id === jobId && j.stage.startsWith('scanning') && j.done > 0) {
            off();
            void limit().then((m) => {
              scanLimit = m;
              return t.call('job.cancel', { jobId });
            }).then(() => resolve());
          }
        });
      });
      const job = await t.engine.jobs.wait(jobId);
      expect(job.state).toBe('cancelled');
      // The scan runs under its own, lower memory limit; completed or cancelled, the workspace's comes back.
      expect(scanLimit).toBe('488.2 MiB');
      expect(await limit()).toBe(workspaceLimit);
      expect(await count()).toBe(30_000);
      expect((await t.call('pii.summary', { datasetId, version: 1 }))).toMatchObject({ scannedAt: first.scannedAt, findings: 30_000 });
      expect(await db.all(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'pii_%'`)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe('workspace format', () => {
  it('brings a workspace of the format before the PII tables forward, with them empty', async () => {
    const wsDir = path.join(tempDir('ds-pii-format-'), 'workspace');
    const old = await Workspace.open(wsDir, { create: true, processName: 'vitest', actor: 'tester', migrations: MIGRATIONS.slice(0, PII_FORMAT - 1) });
    expect(old.formatVersion).toBe(PII_FORMAT - 1);
    old.close();
    const ws = await Workspace.open(wsDir, { create: false, processName: 'vitest', actor: 'tester' });
    try {
      expect(ws.formatVersion).toBe(MIGRATIONS.length);
      for (const t of [table.piiScan, table.piiFinding, table.piiDecision]) expect(await ws.db.all(`SELECT * FROM ${t}`)).toEqual([]);
    } finally {
      ws.close();
      fs.rmSync(path.dirname(wsDir), { recursive: true, force: true });
    }
  });
});
