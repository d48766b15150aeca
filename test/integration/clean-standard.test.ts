// Generated dirty data through the `standard` preset: the ledger and the output agree (replaying
// every before → after over the input, and dropping the removed rows, gives the output exactly),
// the preset did what it promises, and the same input and policy give byte-identical exports.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/shared/api/clean-types';
import { EXPORT_FORMATS } from '../../src/shared/api/types';
import { generate } from '../../tools/gen/generate';
import { jobResult } from '../support/clean';
import { startTestEngine, tempDir, type TestEngine } from '../support/engine';

const ROWS = 20_000;
let dir: string;
let csv: string;
let t: TestEngine;
let run: RunResult;
let datasetId: string;

type Row = (string | null)[];
async function rows(e: TestEngine, tableOf: { datasetId: string; version: number }): Promise<Map<number, Row>> {
  const db = e.engine.workspace.db;
  const v = await db.one(`SELECT table_name FROM _ds_version WHERE dataset_id = $d AND version = $v`, { d: tableOf.datasetId, v: tableOf.version });
  const cols = await db.all(`SELECT col_id FROM _ds_column WHERE dataset_id = $d AND version = $v ORDER BY position`, { d: tableOf.datasetId, v: tableOf.version });
  const ids = cols.map((c) => `"${String(c.col_id)}"`).join(', ');
  const data = await db.all(`SELECT row_id, ${ids} FROM "${String(v?.table_name)}" ORDER BY row_id`);
  return new Map(data.map((r) => [Number(r.row_id), cols.map((c) => (r[String(c.col_id)] === null ? null : String(r[String(c.col_id)])))]));
}

beforeAll(async () => {
  dir = tempDir('ds-clean-std-');
  csv = path.join(dir, 'customers.csv');
  await generate({ rows: ROWS, seed: 'clean', out: csv, truth: path.join(dir, 'truth.csv') });
  t = await startTestEngine();
  datasetId = (await t.importFile(csv)).datasetId;
  run = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId, version: 1, source: { presets: ['standard'] } }));
}, 180_000);

afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('standard on generated dirty data', () => {
  it('writes version 2, stamped UNAPPROVED, with the run recorded', async () => {
    expect(run.outputVersion).toBe(2);
    expect(run.stamp).toBe('UNAPPROVED');
    const d = await t.call('dataset.get', { datasetId, version: 2 });
    expect(d.version).toMatchObject({ stamp: 'UNAPPROVED', runId: run.runId, parentVersion: 1 });
    expect((await t.call('run.list', { datasetId }))[0]?.runId).toBe(run.runId);
    expect(run.cellsChanged).toBeGreaterThan(ROWS / 10);
    expect(run.rowsRemoved).toBeGreaterThan(ROWS / 50);
  });

  it('replaying the ledger over the input gives the output exactly', async () => {
    const input = await rows(t, { datasetId, version: 1 });
    const output = await rows(t, { datasetId, version: 2 });
    const cols = (await t.call('dataset.get', { datasetId, version: 1 })).columns.map((c) => c.id);
    const ledger = await t.engine.workspace.db.all(
      `SELECT row_id, kind, col_id, "before", "after" FROM _ds_change WHERE dataset_id = $d AND version = 2 ORDER BY row_id, step_index, col_id`, { d: datasetId },
    );
    let mismatched = 0;
    for (const e of ledger) {
      const row = input.get(Number(e.row_id));
      if (!row) throw new Error(`ledger names row ${String(e.row_id)}, not in the input`);
      if (e.kind === 'row') {
        input.delete(Number(e.row_id));
        continue;
      }
      const i = cols.indexOf(String(e.col_id));
      if (row[i] !== e.before) mismatched++;
      row[i] = e.after === null ? null : String(e.after);
    }
    expect(mismatched).toBe(0);
    expect(input.size).toBe(output.size);
    expect([...input]).toEqual([...output]);
  });

  it('leaves no edge whitespace, no missing-value tokens, no upper-case e-mails and no duplicate rows', async () => {
    const output = await rows(t, { datasetId, version: 2 });
    const cells = [...output.values()].flat().filter((v): v is string => v !== null);
    expect(cells.filter((v) => v !== v.trim() || /\s\s/.test(v))).toEqual([]);
    expect(cells.filter((v) => ['N/A', 'NULL', '-', 'n/a', 'none', '?', ''].includes(v))).toEqual([]);
    const email = (await t.call('dataset.get', { datasetId, version: 2 })).columns.findIndex((c) => c.header === 'email');
    expect([...output.values()].map((r) => r[email]).filter((v) => v && v !== v.toLowerCase() && v.includes('@'))).toEqual([]);
    const keys = [...output.values()].map((r) => JSON.stringify(r));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is deterministic: the same input and policy in a fresh workspace give byte-identical exports', async () => {
    const other = await startTestEngine();
    try {
      const id2 = (await other.importFile(csv)).datasetId;
      const run2 = await jobResult<RunResult>(await other.runJob('clean.run', { datasetId: id2, version: 1, source: { presets: ['standard'] } }));
      for (const format of EXPORT_FORMATS) {
        const digests = [];
        for (const [e, id, v] of [[t, datasetId, run.outputVersion], [other, id2, run2.outputVersion]] as const) {
          const file = path.join(tempDir(), `out.${format}`);
          await jobResult(await e.runJob('export.start', { datasetId: id, version: v as number, path: file }));
          digests.push(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
        }
        expect(digests[0], format).toBe(digests[1]);
      }
    } finally {
      await other.close();
    }
  }, 120_000);
});
