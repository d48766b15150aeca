// Survivorship on hand-made clusters and pairs (real DuckDB, in memory): which record each strategy
// keeps (ties, NULLs, unreadable dates), each removed row's survivor and confidence (a direct pair,
// a reviewer's accepted pair as 1, a rejected pair skipped for the best link in a chain), and
// merge: blanks filled by the most frequent value, ties to the strongest link, typed cells cast back.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Survivorship } from '../../src/shared/api/dedupe-types';
import type { FrameColumn } from '../../src/main/engine/clean/frame';
import { Query } from '../../src/main/engine/clean/query';
import { survive, type SurvivorshipResult } from '../../src/main/engine/clean/survivorship';
import { SCRATCH, ident } from '../../src/main/engine/db/sql';
import type { JobContext } from '../../src/main/engine/jobs/jobs';
import { WorkerPool } from '../../src/main/engine/workers/pool';

const job: JobContext = { id: 'surv', signal: new AbortController().signal, progress: () => undefined, throwIfCancelled: () => undefined, onCancel: () => () => undefined };

const col = (id: string, header: string, storageType: string): FrameColumn => ({ id, header, storageType, logicalType: storageType === 'VARCHAR' ? 'text' : storageType === 'BIGINT' ? 'integer' : storageType === 'DATE' ? 'date' : 'boolean' });
const COLUMNS = [col('c1', 'name', 'VARCHAR'), col('c2', 'email', 'VARCHAR'), col('c3', 'updated', 'VARCHAR'), col('c4', 'amount', 'BIGINT'), col('c5', 'seen', 'DATE')];

type Row = [number, string | null, string | null, string | null, number | null, string | null];
// Clusters: A {1,2,3}, B {4,5}, singleton 6, C {7,8,9,10}, E {12,13,14}, D {15,16,17}.
const ROWS: Row[] = [
  [1, 'Ann Lee', null, '2020-01-05', null, '2023-01-01'],
  [2, 'Ann Lee', 'ann@x.org', '2021-03-01', 10, '2022-01-01'],
  [3, 'Anne Lee', '  ', '15/07/2022', null, null],
  [4, 'Bob', 'b@x', null, 5, null],
  [5, 'Bob', 'b@x', 'soon', 7, null],
  [6, 'Cy', null, null, null, null],
  [7, 'Di', null, '2020', null, null],
  [8, 'Di', 'd8@x', null, null, null],
  [9, 'Di', 'd9@x', null, null, null],
  [10, null, 'd9@x', null, 4, null],
  [12, 'Fay', 'f@x', null, null, null],
  [13, 'Fay', null, null, null, null],
  [14, 'Faye', 'f@x', '2019-01-01', 1, null],
  [15, 'Ed', '  ', null, 1, null],
  [16, 'Ed', 'e16@x', null, null, null],
  [17, 'Ed', 'e17@x', null, null, null],
];
const CLUSTER: Record<number, number> = { 1: 1, 2: 1, 3: 1, 4: 4, 5: 4, 6: 6, 7: 7, 8: 7, 9: 7, 10: 7, 12: 12, 13: 12, 14: 12, 15: 15, 16: 15, 17: 15 };
const PAIRS: [number, number, number, string | null][] = [
  [1, 2, 0.97, null], [1, 3, 0.92, null], [2, 3, 0.95, null],
  [4, 5, 0.99, null],
  [7, 8, 0.93, null], [7, 9, 0.96, null], [7, 10, 0.91, null], [8, 9, 0.5, 'non_match'], [9, 10, 0.99, null],
  [12, 13, 0.6, 'match'], [13, 14, 0.95, null], [12, 14, 0.4, 'non_match'],
  [15, 16, 0.91, null], [15, 17, 0.98, null], [16, 17, 0.97, null],
  // A pair below the threshold across clusters: never a link.
  [6, 7, 0.2, null],
];

let instance: DuckDBInstance;
let conn: DuckDBConnection;
let q: Query;
const workers = new WorkerPool({ maxThreads: 1 });

const sqlValue = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`);

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await conn.run(`ATTACH ':memory:' AS ${ident(SCRATCH)}`);
  await conn.run(`CREATE TABLE f (row_id BIGINT, c1 VARCHAR, c2 VARCHAR, c3 VARCHAR, c4 BIGINT, c5 DATE)`);
  await conn.run(`INSERT INTO f VALUES ${ROWS.map((r) => `(${r.map(sqlValue).join(', ')})`).join(', ')}`);
  await conn.run(`CREATE TABLE clusters AS SELECT * FROM (VALUES ${Object.entries(CLUSTER).map(([r, c]) => `(${r}, ${c})`).join(', ')}) v(row_id, cluster_id)`);
  await conn.run(`CREATE TABLE pairs (row_id_l BIGINT, row_id_r BIGINT, probability DOUBLE, decision VARCHAR)`);
  await conn.run(`INSERT INTO pairs VALUES ${PAIRS.map((p) => `(${p.map(sqlValue).join(', ')})`).join(', ')}`);
  q = new Query(conn, job, 'surv', workers);
});
afterAll(async () => {
  await q.cleanup();
  conn.closeSync();
  instance.closeSync();
  await workers.close();
});

async function run(strategy: Survivorship, newest?: FrameColumn, columns = COLUMNS): Promise<SurvivorshipResult> {
  return survive(q, { frame: { relation: 'f', columns, rowCount: ROWS.length }, clusters: 'clusters', pairs: 'pairs', strategy, ...(newest ? { newest } : {}), where: 'Step 1 ("near")' });
}
async function rows(sql: string): Promise<unknown[][]> {
  return (await conn.runAndReadAll(sql)).getRowsJson() as unknown[][];
}
/** [removed row, confidence, survivor] in row order. */
const removedOf = async (r: SurvivorshipResult) => rows(`SELECT row_id::INTEGER, round(confidence, 4), survivor::INTEGER FROM ${r.removed} ORDER BY row_id`);

// Completeness (present cells of 5): A 1:3 2:5 3:2 · B 4:3 5:4 · C all 2 · E 12:2 13:1 14:4 · D all 2.
const CASES: { name: string; strategy: Survivorship; newest?: FrameColumn; removed: [number, number, number][]; unreadable?: number }[] = [
  {
    name: 'most complete (ties → smallest row id; a rejected direct pair → the best link; an accepted pair → 1)',
    strategy: 'most_complete',
    removed: [[1, 0.97, 2], [3, 0.95, 2], [4, 0.99, 5], [8, 0.93, 7], [9, 0.96, 7], [10, 0.91, 7], [12, 1, 14], [13, 0.95, 14], [16, 0.91, 15], [17, 0.98, 15]],
  },
  {
    name: 'first by row id',
    strategy: 'first',
    removed: [[2, 0.97, 1], [3, 0.92, 1], [5, 0.99, 4], [8, 0.93, 7], [9, 0.96, 7], [10, 0.91, 7], [13, 1, 12], [14, 0.95, 12], [16, 0.91, 15], [17, 0.98, 15]],
  },
  {
    name: 'newest by a text column (ISO and day-first dates, a bare year read as a number, "soon" unreadable and ranked last, NULL ties → most complete)',
    strategy: 'newest',
    newest: COLUMNS[2],
    removed: [[1, 0.92, 3], [2, 0.95, 3], [4, 0.99, 5], [8, 0.93, 7], [9, 0.96, 7], [10, 0.91, 7], [12, 1, 14], [13, 0.95, 14], [16, 0.91, 15], [17, 0.98, 15]],
    unreadable: 1,
  },
  {
    name: 'newest by a DATE column (NULLs last)',
    strategy: 'newest',
    newest: COLUMNS[4],
    removed: [[2, 0.97, 1], [3, 0.92, 1], [4, 0.99, 5], [8, 0.93, 7], [9, 0.96, 7], [10, 0.91, 7], [12, 1, 14], [13, 0.95, 14], [16, 0.91, 15], [17, 0.98, 15]],
  },
  {
    name: 'merge keeps the most complete',
    strategy: 'merge',
    removed: [[1, 0.97, 2], [3, 0.95, 2], [4, 0.99, 5], [8, 0.93, 7], [9, 0.96, 7], [10, 0.91, 7], [12, 1, 14], [13, 0.95, 14], [16, 0.91, 15], [17, 0.98, 15]],
  },
];

describe('survivorship', () => {
  it.each(CASES)('$name', async (c) => {
    const r = await run(c.strategy, c.newest);
    expect(await removedOf(r)).toEqual(c.removed);
    expect(r.clusters).toBe(5);
    expect(r.removedRows).toBe(c.removed.length);
    expect(r.unreadable).toBe(c.unreadable ?? 0);
    if (c.strategy !== 'merge') expect(r.filled).toBeUndefined();
  });

  it('merge fills a survivor\'s blanks: the most frequent value, ties to the strongest link, typed cells cast back', async () => {
    const r = await run('merge');
    expect(r.filledCells).toBe(3);
    // C (survivor 7): e-mail d9@x (held by 9 and 10, over d8@x; the donor is 9, linked at 0.96), amount 4 from 10 (0.91).
    // D (survivor 15, e-mail blank): e17@x and e16@x once each → 17's link to 15 (0.98) beats 16's (0.91). Nobody has a date.
    expect(await rows(`SELECT row_id::INTEGER, col_id, "before", "after", round(confidence, 4), donor::INTEGER FROM ${r.filled?.cells} ORDER BY row_id, col_id`)).toEqual([
      [7, 'c2', null, 'd9@x', 0.96, 9],
      [7, 'c4', null, '4', 0.91, 10],
      [15, 'c2', '  ', 'e17@x', 0.98, 17],
    ]);
    expect(await rows(`SELECT row_id::INTEGER, c1, c2, c3, c4::INTEGER, typeof(c4), c5 FROM ${r.filled?.rows} ORDER BY row_id`)).toEqual([
      [7, 'Di', 'd9@x', '2020', 4, 'BIGINT', null],
      [15, 'Ed', 'e17@x', null, 1, 'BIGINT', null],
    ]);
  });

  it('merge over only some columns counts and fills only those', async () => {
    // On (updated, amount) C's members have 1, 0, 0, 1 present: 7 survives, and only its amount is blank.
    const r = await run('merge', undefined, [COLUMNS[2] as FrameColumn, COLUMNS[3] as FrameColumn]);
    expect(await rows(`SELECT row_id::INTEGER, col_id, "after" FROM ${r.filled?.cells} ORDER BY row_id, col_id`)).toEqual([[7, 'c4', '4']]);
    expect(await rows(`SELECT row_id::INTEGER, c3, c4::INTEGER FROM ${r.filled?.rows} ORDER BY row_id`)).toEqual([[7, '2020', 4]]);
  });

  it('a member whose own pair with the survivor scored below the threshold has its best link as confidence (a chain)', async () => {
    // 20–21 and 21–22 match; 20–22 was scored by the chain check at 0.05: 22 joins 20 only through 21.
    await conn.run(`CREATE TABLE chain_clusters AS SELECT * FROM (VALUES (20, 20), (21, 20), (22, 20)) v(row_id, cluster_id)`);
    await conn.run(`CREATE TABLE chain_pairs AS SELECT * FROM (VALUES (20, 21, 0.95::DOUBLE, NULL::VARCHAR), (21, 22, 0.93, NULL), (20, 22, 0.05, NULL)) v(row_id_l, row_id_r, probability, decision)`);
    await conn.run(`CREATE TABLE chain_f AS SELECT * FROM (VALUES (20, 'Al'), (21, 'Al'), (22, 'Al')) v(row_id, c1)`);
    const input = { frame: { relation: 'chain_f', columns: [COLUMNS[0] as FrameColumn], rowCount: 3 }, clusters: 'chain_clusters', pairs: 'chain_pairs', strategy: 'first' as const, where: 'Step 1 ("near")' };
    expect(await removedOf(await survive(q, { ...input, threshold: 0.9 }))).toEqual([[21, 0.95, 20], [22, 0.93, 20]]);
    // Without the threshold the direct pair counts whatever its score (the old reading).
    expect(await removedOf(await survive(q, input))).toEqual([[21, 0.95, 20], [22, 0.05, 20]]);
  });

  it('no clusters: nothing removed, nothing filled', async () => {
    await conn.run(`CREATE OR REPLACE TABLE lonely AS SELECT row_id, row_id AS cluster_id FROM f`);
    const r = await survive(q, { frame: { relation: 'f', columns: COLUMNS, rowCount: ROWS.length }, clusters: 'lonely', pairs: 'pairs', strategy: 'merge', where: 'Step 1 ("near")' });
    expect(r).toMatchObject({ clusters: 0, removedRows: 0, filledCells: 0 });
    expect(await removedOf(r)).toEqual([]);
  });

  it('refuses a newest column whose type says nothing about age, naming the step and column', async () => {
    await conn.run(`CREATE OR REPLACE TABLE fb AS SELECT row_id, row_id % 2 = 0 AS c9 FROM f`);
    const flag = col('c9', 'active', 'BOOLEAN');
    await expect(survive(q, { frame: { relation: 'fb', columns: [flag], rowCount: ROWS.length }, clusters: 'clusters', pairs: 'pairs', strategy: 'newest', newest: flag, where: 'Step 1 ("near")' }))
      .rejects.toThrow(/Step 1 \("near"\): the newest column "active" holds BOOLEAN values/);
  });
});
