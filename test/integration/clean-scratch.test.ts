// What a run keeps in the scratch catalogue while it works: one frame at a time (frames behind an
// anti-join are dropped when replaced, not at the end), and value tables only for the columns a
// value step touches (counted as they are built). Checked on the pipeline itself, before the run's
// final clean-up.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { frameColumns } from '../../src/main/engine/clean/frame';
import { Pipeline } from '../../src/main/engine/clean/pipeline';
import { Query } from '../../src/main/engine/clean/query';
import { getColumns, versionTable } from '../../src/main/engine/datasets/catalog';
import { ident } from '../../src/main/engine/db/sql';
import type { JobContext } from '../../src/main/engine/jobs/jobs';
import { parsePolicy } from '../../src/main/engine/policy/store';
import type { StepInput } from '../../src/shared/policy/steps';
import { policyDoc, writeCsv } from '../support/clean';
import { startTestEngine, type TestEngine } from '../support/engine';
import { NEAR_HEADER, NEAR_ROWS } from '../support/near-people';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(async () => {
  await t.close();
});

const job: JobContext = { id: 'scratch', signal: new AbortController().signal, progress: () => undefined, throwIfCancelled: () => undefined, onCancel: () => () => undefined };

async function scratchAfter(steps: Omit<StepInput, 'id'>[]): Promise<{ frames: number; valueTables: number }> {
  const rows = Array.from({ length: 50 }, (_, i) => [` a${i % 7} `, `${i % 5}`, `x${i}`]);
  const imp = await t.importFile(writeCsv(['a', 'b', 'c'], rows));
  const db = t.engine.workspace.db;
  const { table: data, rowCount } = await versionTable(db, imp.datasetId, 1);
  const columns = await getColumns(db, imp.datasetId, 1);
  const policy = parsePolicy(policyDoc(steps.map((s, i) => ({ id: `s${i + 1}`, ...s }) as StepInput)));
  return db.with(async (conn) => {
    const prefix = `scratch_${imp.datasetId}`;
    const q = new Query(conn, job, prefix, t.engine.workers);
    const run = vi.spyOn(Query.prototype, 'run');
    try {
      await new Pipeline(q, { relation: ident(data), columns: frameColumns(columns), rowCount }, () => undefined).run(policy.steps);
      const count = async (kind: string) => Number((await conn.runAndReadAll(
        `SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = 'ds_scratch' AND table_name LIKE '${prefix}\\_%\\_${kind}' ESCAPE '\\'`,
      )).getRowObjects()[0]?.n);
      const built = run.mock.calls.filter(([sql]) => /_values" AS SELECT/.test(sql)).length;
      return { frames: await count('frame'), valueTables: built };
    } finally {
      run.mockRestore();
      await q.cleanup();
    }
  });
}

const impute: Omit<StepInput, 'id'> = { type: 'impute', columns: { names: ['b'] }, params: { method: 'constant', value: '0' } };

describe('scratch tables during a run', () => {
  it.each([
    { name: 'cell passes and row removals alternating keep one frame', steps: [impute, { type: 'drop_rows', where: { column: 'b', op: 'equals', value: '1' } }, impute, { type: 'drop_rows', where: { column: 'b', op: 'equals', value: '2' } }, impute], frames: 1, valueTables: 0 },
    { name: 'a lone rename builds no value table', steps: [{ type: 'rename_column', columns: { names: ['a'] }, params: { to: 'A' } }], frames: 1, valueTables: 0 },
    { name: 'an alias step on one column builds that column\'s value table', steps: [{ type: 'category_aliases', columns: { names: ['a'] }, params: { map: [{ to: 'A', from: [' a1 '] }] } }], frames: 1, valueTables: 1 },
    { name: 'trim (text columns: a and c, not the numbers in b) builds one value table each', steps: [{ type: 'trim' }], frames: 1, valueTables: 2 },
  ] as { name: string; steps: Omit<StepInput, 'id'>[]; frames: number; valueTables: number }[])('$name', async ({ steps, frames, valueTables }) => {
    expect(await scratchAfter(steps)).toEqual({ frames, valueTables });
  });
});

it('a near-duplicate step leaves only its result behind, none of the finder\'s working tables', async () => {
  const imp = await t.importFile(writeCsv(NEAR_HEADER, NEAR_ROWS));
  const db = t.engine.workspace.db;
  const { table: data, rowCount } = await versionTable(db, imp.datasetId, 1);
  const columns = await getColumns(db, imp.datasetId, 1);
  const policy = parsePolicy(policyDoc([{ id: 's1', type: 'dedupe_near', params: { survivorship: 'merge' } }, { id: 's2', type: 'trim' }]));
  await db.with(async (conn) => {
    const prefix = `near_${imp.datasetId}`;
    const q = new Query(conn, job, prefix, t.engine.workers);
    try {
      const out = await new Pipeline(q, { relation: ident(data), columns: frameColumns(columns), rowCount }, () => undefined).run(policy.steps);
      expect(out.frame.rowCount).toBe(60);
      const names = (await conn.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'ds_scratch' AND starts_with(table_name, '${prefix}_') ORDER BY ALL`)).getRowObjects().map((r) => String(r.table_name).slice(prefix.length + 1).replace(/^[0-9]+_/, ''));
      // The run's ledger, and the removed rows and merged survivors behind the frame's anti-join (the trim after it changed nothing).
      expect(names.sort()).toEqual(['ledger', 'merged_rows', 'removed']);
    } finally {
      await q.cleanup();
    }
  });
});
