// Export safety: checks before any work (exists without force, missing folder, a folder, a source
// file, a relative path, an unknown format), atomic publish (cancel mid-way leaves nothing and the
// old file intact; a file that appears during the export is never clobbered), and the event log.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobInfo } from '../../src/shared/api/types';
import { startTestEngine, tempDir, writeFixture, type TestEngine } from '../support/engine';
import { exportFails, exportOk, typedDataset } from './export-support';

let t: TestEngine;
let dir: string;
let small: string;
let smallSource: string;
let big: string;
/** Under the XLSX row limit, and still large enough to cancel while it is written. */
let medium: string;
beforeAll(async () => {
  t = await startTestEngine();
  dir = tempDir('ds-export-atomic-');
  smallSource = writeFixture(dir, 'small.csv', 'a,b\n1,2\n3,4\n');
  small = (await t.importFile(smallSource, { delimiter: ',' })).datasetId;
  big = await typedDataset(
    t,
    'big',
    [{ header: 'n', type: 'BIGINT' }, { header: 'a', type: 'VARCHAR' }, { header: 'b', type: 'VARCHAR' }, { header: 'c', type: 'VARCHAR' }],
    `SELECT range, md5(range::VARCHAR), md5((range * 7)::VARCHAR), repeat('z', 40) FROM range(3000000)`,
  );
  medium = await typedDataset(t, 'medium', [{ header: 'n', type: 'BIGINT' }, { header: 'a', type: 'VARCHAR' }], `SELECT range, md5(range::VARCHAR) FROM range(300000)`);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const scratch = (d: string) => fs.readdirSync(d).filter((f) => f.startsWith('.'));
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** Runs an export, calling `during` once it is writing; returns the final job. */
async function exportWhileWriting(datasetId: string, file: string, force: boolean, during: (jobId: string) => void | Promise<void>): Promise<JobInfo> {
  const { jobId } = await t.call('export.start', { datasetId, path: file, force });
  let fired = false;
  await new Promise<void>((resolve) => {
    const off = t.api.on('job.updated', (j) => {
      if (j.id !== jobId) return;
      if (!fired && j.state === 'running' && j.stage.startsWith('writing')) {
        fired = true;
        void Promise.resolve(during(jobId)).then(() => undefined);
      }
      if (j.state !== 'running') {
        off();
        resolve();
      }
    });
  });
  expect(fired).toBe(true);
  return t.engine.jobs.wait(jobId);
}

describe('export destination checks', () => {
  it.each([
    ['an existing file without force', () => writeFixture(dir, 'exists.csv', 'old'), 'ALREADY_EXISTS', 'already exists; nothing was written'],
    ['a missing folder', () => path.join(dir, 'no-such-folder', 'x.csv'), 'NOT_FOUND', 'does not exist'],
    ['a folder', () => (fs.mkdirSync(path.join(dir, 'folder.csv'), { recursive: true }), path.join(dir, 'folder.csv')), 'INVALID_ARGUMENT', 'is a folder'],
    ['a relative path', () => 'relative.csv', 'INVALID_ARGUMENT', 'absolute path'],
    ['an unknown extension', () => path.join(dir, 'x.txt'), 'INVALID_ARGUMENT', 'cannot tell the format'],
    ['a name and a format that disagree', () => path.join(dir, 'x.json'), 'INVALID_ARGUMENT', 'ends in .json (json) but the format asked is jsonl'],
  ])('refuses %s', async (name, target, code, message) => {
    const file = target();
    const before = fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : null;
    const err = await exportFails(t, { datasetId: small, path: file, ...(name.includes('disagree') ? { format: 'jsonl' as const } : {}) });
    expect(err.code).toBe(code);
    expect(err.message).toContain(message);
    if (before !== null) expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(scratch(dir)).toEqual([]);
  });

  it('refuses to overwrite the dataset source, even with force', async () => {
    const err = await exportFails(t, { datasetId: small, path: smallSource, force: true });
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.message).toContain('source file of this dataset');
    expect(fs.readFileSync(smallSource, 'utf8')).toBe('a,b\n1,2\n3,4\n');
  });

  it('refuses a format that disagrees with the name', async () => {
    const job = await t.runJob('export.start', { datasetId: small, path: path.join(dir, 'x.parquet'), format: 'csv' });
    expect(job.error?.code).toBe('INVALID_ARGUMENT');
    expect(job.error?.message).toContain('ends in .parquet (parquet) but the format asked is csv');
  });

  it('takes the format as asked when the name has no known extension', async () => {
    const out = path.join(dir, 'data.out');
    const r = await exportOk(t, { datasetId: small, path: out, format: 'jsonl' });
    expect(r.format).toBe('jsonl');
    expect(fs.readFileSync(out, 'utf8')).toBe('{"a":"1","b":"2"}\n{"a":"3","b":"4"}\n');
  });

  it('overwrites with force, and logs the export with the digest of what was written', async () => {
    const out = writeFixture(dir, 'forced.csv', 'old content');
    const r = await exportOk(t, { datasetId: small, path: out, force: true });
    expect(fs.readFileSync(out, 'utf8')).toBe('a,b\n1,2\n3,4\n');
    expect(r.sha256).toBe(sha(out));
    expect(r.bytes).toBe(fs.statSync(out).size);
    const [entry] = await t.call('log.list', { limit: 1 });
    expect(entry).toMatchObject({
      action: 'dataset.exported',
      subject: { dataset: small, version: '1' },
      details: { path: out, format: 'csv', rows: 2, bytes: r.bytes, sha256: r.sha256, overwrote: true },
    });
  });

  it('refuses a version that does not exist', async () => {
    const err = await exportFails(t, { datasetId: small, path: path.join(dir, 'v9.csv'), version: 9 });
    expect(err.code).toBe('NOT_FOUND');
  });
});

describe('atomic publish', () => {
  it.each(['csv', 'parquet', 'jsonl', 'xlsx'])('cancelling a %s export mid-way leaves the old file and no scratch files', async (format) => {
    const sub = fs.mkdtempSync(path.join(dir, 'cancel-'));
    const out = writeFixture(sub, `big.${format}`, 'the old file');
    const job = await exportWhileWriting(format === 'xlsx' ? medium : big, out, true, (id) => {
      void t.api.send('job.cancel', { jobId: id });
    });
    expect(job.state).toBe('cancelled');
    expect(fs.readFileSync(out, 'utf8')).toBe('the old file');
    expect(fs.readdirSync(sub)).toEqual([`big.${format}`]);
    fs.rmSync(sub, { recursive: true, force: true });
  });

  it('never clobbers a file that appears during the export (without force)', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'race-'));
    const out = path.join(sub, 'race.csv');
    const job = await exportWhileWriting(big, out, false, () => fs.writeFileSync(out, 'written by someone else'));
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('ALREADY_EXISTS');
    expect(fs.readFileSync(out, 'utf8')).toBe('written by someone else');
    expect(fs.readdirSync(sub)).toEqual(['race.csv']);
    const log = await t.call('log.list', { limit: 5 });
    expect(log.some((e) => e.action === 'dataset.exported' && e.details.path === out)).toBe(false);
    fs.rmSync(sub, { recursive: true, force: true });
  });
});
