// What an import leaves behind: the source byte-identical and its SHA-256 recorded; after a
// cancel or a failure no staging table, no dataset and no temp file; a source deleted while it
// is read is refused at the end.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOptions, JobInfo } from '../../src/shared/api/types';
import { startTestEngine, tempDir, writeFixture, type TestEngine } from '../support/engine';

let t: TestEngine;
let dir: string;
beforeAll(async () => {
  t = await startTestEngine();
  dir = tempDir('ds-life-');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha256 = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A CSV big enough that an import is still reading when its first progress arrives. */
function bigCsv(name: string, rows: number, latin1 = false): string {
  const file = path.join(dir, name);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'id,name,city,amount,note\n');
  let buf = '';
  for (let i = 1; i <= rows; i++) {
    buf += `${i},Name ${i},${latin1 ? 'Zürich' : 'Oslo'},${(i * 1.25).toFixed(2)},"some text, with a comma ${i}"\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, Buffer.from(buf, latin1 ? 'latin1' : 'utf8'));
      buf = '';
    }
  }
  fs.writeSync(fd, Buffer.from(buf, latin1 ? 'latin1' : 'utf8'));
  fs.closeSync(fd);
  return file;
}

function bigJsonl(name: string, rows: number): string {
  const file = path.join(dir, name);
  const lines = Array.from({ length: rows }, (_, i) => JSON.stringify({ id: i + 1, name: `Name ${i}`, address: { city: 'Oslo', zip: String(i % 9999) }, tags: ['a', i] }));
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function bigXlsx(name: string, rows: number): Promise<string> {
  const file = path.join(dir, name);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('Data');
  ws.addRow(['id', 'name', 'city', 'amount']).commit();
  for (let i = 1; i <= rows; i++) ws.addRow([i, `Name ${i}`, 'Oslo', i * 1.25]).commit();
  ws.commit();
  await wb.commit();
  return file;
}

/** Leftovers of any import: staging tables in the workspace and files in its tmp folder. */
async function leftovers(): Promise<{ tables: string[]; tmp: string[] }> {
  await t.settle();
  const rows = await t.engine.workspace.db.all(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '_ds_stage%'`);
  const tmpDir = t.engine.workspace.tmpDir;
  return { tables: rows.map((r) => String(r.table_name)), tmp: fs.existsSync(tmpDir) ? fs.readdirSync(tmpDir).filter((f) => f !== 'uploads') : [] };
}

/**
 * Starts an import and runs `act` once, when the job reports the given stage — which it does
 * before the work of that stage ends, so the action always lands mid-import, on any machine.
 */
async function importWith(file: string, options: ImportOptions, stage: RegExp, act: (job: JobInfo) => void): Promise<{ job: JobInfo; acted: boolean }> {
  let acted = false;
  let jobId = '';
  const off = t.engine.events.on('job.updated', (info) => {
    if (acted || info.id !== jobId || info.state !== 'running' || !stage.test(info.stage)) return;
    acted = true;
    act(info);
  });
  try {
    ({ jobId } = await t.call('import.start', { path: file, options }));
    return { job: await t.engine.jobs.wait(jobId), acted };
  } finally {
    off();
  }
}

describe('import lifecycle', () => {
  it.each([
    ['csv', 'data.csv', 'a,b\n1,2\n'],
    ['transcoded csv', 'latin.csv', Buffer.from('a,b\nå,ø\n', 'latin1')],
    ['json', 'data.json', '[{"a": 1}]'],
    ['jsonl', 'data.jsonl', '{"a": 1}\n'],
  ])('%s: the source is unchanged and its SHA-256 recorded', async (_label, name, content) => {
    const file = writeFixture(dir, name, content);
    const before = sha256(file);
    const stat = fs.statSync(file);
    const res = await t.importFile(file);
    expect(sha256(file)).toBe(before);
    expect(fs.statSync(file).mtimeMs).toBe(stat.mtimeMs);
    expect(res.sourceSha256).toBe(before);
    const detail = await t.call('dataset.get', { datasetId: res.datasetId });
    expect(detail.dataset.sourceSha256).toBe(before);
    expect(await leftovers()).toEqual({ tables: [], tmp: [] });
  });

  it.each([
    ['a UTF-8 CSV while DuckDB reads it', false, /loading/],
    ['a Windows-1252 CSV while it is converted', true, /converting/],
  ])('cancelling %s leaves nothing behind', async (_label, latin1, stage) => {
    const file = bigCsv(latin1 ? 'cancel-latin1.csv' : 'cancel-utf8.csv', 600_000, latin1);
    const before = sha256(file);
    const datasets = (await t.call('dataset.list', {})).length;
    const { job, acted } = await importWith(file, {}, stage, (info) => void t.call('job.cancel', { jobId: info.id }));
    expect(acted).toBe(true);
    expect(job.state).toBe('cancelled');
    expect(await leftovers()).toEqual({ tables: [], tmp: [] });
    expect((await t.call('dataset.list', {})).length).toBe(datasets);
    expect(sha256(file)).toBe(before);
  });

  it.each([
    ['JSON lines while DuckDB reads them', () => bigJsonl('cancel.jsonl', 400_000), /reading records/],
    ['an XLSX sheet between batches', () => bigXlsx('cancel.xlsx', 60_000), /reading sheet/],
  ])('cancelling %s leaves nothing behind', async (_label, make, stage) => {
    const file = await make();
    const datasets = (await t.call('dataset.list', {})).length;
    const { job, acted } = await importWith(file, {}, stage, (info) => void t.call('job.cancel', { jobId: info.id }));
    expect(acted).toBe(true);
    expect(job.state).toBe('cancelled');
    expect(await leftovers()).toEqual({ tables: [], tmp: [] });
    expect((await t.call('dataset.list', {})).length).toBe(datasets);
  });

  it('a failed import leaves nothing behind', async () => {
    const file = writeFixture(dir, 'ragged-fail.csv', 'a,b\n1,2\n3\n');
    const datasets = (await t.call('dataset.list', {})).length;
    const job = await t.runJob('import.start', { path: file, options: {} });
    expect(job.state).toBe('failed');
    expect(await leftovers()).toEqual({ tables: [], tmp: [] });
    expect((await t.call('dataset.list', {})).length).toBe(datasets);
  });

  it.each([
    ['as DuckDB is about to read it', /loading/],
    ['after it was read, before the final check (on Linux an open file stays readable)', /verifying the source digest/],
  ])('a file deleted %s is refused, and nothing is imported', async (_label, stage) => {
    const file = bigCsv('vanishing.csv', 200_000);
    const datasets = (await t.call('dataset.list', {})).length;
    const { job, acted } = await importWith(file, {}, stage, () => fs.rmSync(file));
    expect(acted).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('FILE_UNREADABLE');
    expect(job.error?.message).toContain(file);
    expect(job.error?.message).toMatch(/disappeared while it was being imported/);
    expect(await leftovers()).toEqual({ tables: [], tmp: [] });
    expect((await t.call('dataset.list', {})).length).toBe(datasets);
  });
});
