// The duplicate finder end to end on real DuckDB tables: generated customers with their true
// clusters (pairwise F1 at zero configuration), every row in exactly one cluster named by its
// smallest row id, exact duplicates at probability 1, review decisions that link and unlink, the
// chain check, and the digests that make a run reproducible.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../tools/gen/generate';
import { num } from '../../src/main/engine/db/database';
import { ident } from '../../src/main/engine/db/sql';
import type { FrameColumn } from '../../src/main/engine/clean/frame';
import { findDuplicates, planDuplicates } from '../../src/main/engine/dedupe/find';
import type { DedupeOutcome } from '../../src/main/engine/dedupe/types';
import { dedupeDb, input, records, type DedupeDb } from '../support/dedupe';

const ROWS = 3000;
let d: DedupeDb;
let dir: string;
let people: { relation: string; columns: FrameColumn[] };
let base: DedupeOutcome;

/** Pairwise precision and recall of a clusters table against the truth table. */
async function score(clusters: string): Promise<{ p: number; r: number; f1: number }> {
  const s = await d.q.one(`WITH j AS (SELECT c.cluster_id AS pc, t.cluster_id AS tc FROM ${clusters} c JOIN truth t USING (row_id)),
    tp AS (SELECT sum(n * (n - 1) / 2) AS v FROM (SELECT count(*) AS n FROM j GROUP BY pc, tc)),
    pp AS (SELECT sum(n * (n - 1) / 2) AS v FROM (SELECT count(*) AS n FROM j GROUP BY pc)),
    ap AS (SELECT sum(n * (n - 1) / 2) AS v FROM (SELECT count(*) AS n FROM j GROUP BY tc))
    SELECT tp.v AS tp, pp.v AS pp, ap.v AS ap FROM tp, pp, ap`);
  const p = num(s.tp) / num(s.pp);
  const r = num(s.tp) / num(s.ap);
  return { p, r, f1: (2 * p * r) / (p + r) };
}

beforeAll(async () => {
  d = await dedupeDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-dedupe-'));
  const csv = path.join(dir, 'people.csv');
  await generate({ rows: ROWS, seed: 'dedupe-find', out: csv, truth: path.join(dir, 'truth.csv'), workers: 0 });
  const headers = fs.readFileSync(csv, 'utf8').split('\n')[0]!.split(',');
  people = {
    relation: ident('people'),
    columns: headers.map((header, i) => ({ id: `c${i + 1}`, header, logicalType: 'text', storageType: 'VARCHAR' })),
  };
  await d.conn.run(`CREATE TABLE people AS SELECT row_number() OVER () AS row_id, ${headers.map((h, i) => `${ident(h)} AS c${i + 1}`).join(', ')}
    FROM read_csv('${csv}', header = true, all_varchar = true)`);
  await d.conn.run(`CREATE TABLE truth AS SELECT * FROM read_csv('${path.join(dir, 'truth.csv')}', header = true, columns = {'row_id': 'BIGINT', 'cluster_id': 'BIGINT'})`);
  base = await findDuplicates(d.q, input(people, ROWS));
}, 120_000);

afterAll(async () => {
  await d.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('zero configuration on generated customers', () => {
  it('infers the roles a person table has', () => {
    const roles = Object.fromEntries(base.roles.map((r) => [r.header, r.role]));
    expect(roles).toMatchObject({
      customer_id: 'ignore',
      first_name: 'given_name',
      last_name: 'family_name',
      email: 'email',
      phone: 'phone',
      date_of_birth: 'date',
      street: 'address',
      city: 'city',
      postcode: 'postcode',
      notes: 'ignore',
    });
  });

  it('reaches pairwise F1 ≥ 0.98 against the generator’s truth', async () => {
    const s = await score(base.clusters);
    expect(s.f1).toBeGreaterThanOrEqual(0.98);
    expect(s.r).toBeGreaterThanOrEqual(0.98);
  });

  it('puts every row in exactly one cluster, named by its smallest row id', async () => {
    const c = await d.q.one(`SELECT count(*) AS n, count(DISTINCT row_id) AS rows,
        count(*) FILTER (WHERE cluster_id > row_id) AS bad,
        (SELECT count(*) FROM (SELECT cluster_id, min(row_id) AS least FROM ${base.clusters} GROUP BY cluster_id) WHERE least <> cluster_id) AS misnamed
      FROM ${base.clusters}`);
    expect([num(c.n), num(c.rows), num(c.bad), num(c.misnamed)]).toEqual([ROWS, ROWS, 0, 0]);
  });

  it('pairs exact duplicates with probability 1 and counts them', async () => {
    const truthExact = await d.q.one(`SELECT count(*) AS n FROM people a JOIN people b ON a.row_id < b.row_id AND ${people.columns.map((c) => `a.${ident(c.id)} IS NOT DISTINCT FROM b.${ident(c.id)}`).join(' AND ')}`);
    expect(num(truthExact.n)).toBeGreaterThan(0);
    expect(base.counts.exactDuplicateRows).toBeGreaterThanOrEqual(num(truthExact.n) > 0 ? 1 : 0);
    const exact = await d.q.one(`SELECT count(*) AS n, min(probability) AS p FROM ${base.pairs} WHERE probability = 1`);
    expect(num(exact.n)).toBeGreaterThanOrEqual(base.counts.exactDuplicateRows);
  });

  it('reports counts that agree with the tables', async () => {
    const info = await d.q.one(`SELECT count(*) AS clusters, sum(size) AS rows, max(size) AS largest, count(*) FILTER (WHERE NOT fully_linked) AS chained FROM ${base.clusterInfo}`);
    expect(base.counts).toMatchObject({
      rows: ROWS,
      clusters: num(info.clusters),
      rowsInClusters: num(info.rows),
      duplicateRows: num(info.rows) - num(info.clusters),
      largestCluster: num(info.largest),
      chainedClusters: num(info.chained),
    });
    expect(base.clusterSizes.reduce((a, s) => a + s.clusters, 0)).toBe(base.counts.clusters);
    expect(base.probabilities).toHaveLength(20);
  });

  it('is deterministic: the same input gives the same model digest and clusters', async () => {
    const again = await findDuplicates(d.q, input(people, ROWS));
    expect(again.digests).toEqual(base.digests);
    const diff = await d.q.one(`SELECT count(*) AS n FROM ${base.clusters} a JOIN ${again.clusters} b USING (row_id) WHERE a.cluster_id <> b.cluster_id`);
    expect(num(diff.n)).toBe(0);
  });

  it('plans without scoring: the same roles and rules, pair counts first', async () => {
    const plan = await planDuplicates(d.q, input(people, ROWS));
    expect(plan.rules).toEqual(base.rules);
    expect(plan.candidatePairs).toBe(base.candidatePairs);
  });
});

describe('review decisions', () => {
  it('links a pair decided as a match and unlinks one decided as no match', async () => {
    // Two records the model matched (not exact duplicates), and two different people it kept apart.
    const matched = await d.q.one(`SELECT row_id_l AS l, row_id_r AS r FROM ${base.pairs} WHERE probability >= 0.99 AND probability < 1 ORDER BY row_id_l LIMIT 1`);
    const apart = await d.q.one(`SELECT a.row_id AS l, b.row_id AS r FROM ${base.clusters} a, ${base.clusters} b
      WHERE a.row_id = a.cluster_id AND b.row_id = b.cluster_id AND a.row_id < b.row_id
        AND a.cluster_id NOT IN (SELECT cluster_id FROM ${base.clusterInfo}) AND b.cluster_id NOT IN (SELECT cluster_id FROM ${base.clusterInfo})
      ORDER BY a.row_id, b.row_id LIMIT 1`);
    const decisions = [
      { rowIdL: num(matched.l), rowIdR: num(matched.r), decision: 'non_match' as const },
      { rowIdL: num(apart.l), rowIdR: num(apart.r), decision: 'match' as const },
    ];
    const run = await findDuplicates(d.q, input(people, ROWS, {}, decisions));
    const cluster = async (row: number) => num((await d.q.one(`SELECT cluster_id FROM ${run.clusters} WHERE row_id = ${row}`)).cluster_id);
    expect(await cluster(num(apart.l))).toBe(await cluster(num(apart.r)));
    const pair = await d.q.one(`SELECT decision FROM ${run.pairs} WHERE row_id_l = ${num(matched.l)} AND row_id_r = ${num(matched.r)}`);
    expect(pair.decision).toBe('non_match');
    expect(run.counts.decidedPairs).toBe(2);
    expect(run.digests.decisionCount).toBe(2);
    expect(run.digests.decisions).not.toBe(base.digests.decisions);
    // Without decisions in use, the same run as before.
    const ignored = await findDuplicates(d.q, input(people, ROWS, { useDecisions: false }, decisions));
    expect(ignored.digests.decisions).toBe(base.digests.decisions);
  });
});

describe('chains', () => {
  it('scores every inner pair of a small cluster and marks one whose ends do not match', async () => {
    // Three different people, joined a–b and b–c by reviewers' decisions: a and c never matched.
    const three = (await d.q.all(`SELECT row_id FROM ${base.clusters} WHERE row_id = cluster_id
        AND cluster_id NOT IN (SELECT cluster_id FROM ${base.clusterInfo}) ORDER BY row_id LIMIT 3 OFFSET 100`)).map((r) => num(r.row_id));
    const [a, b, c] = three as [number, number, number];
    const run = await findDuplicates(d.q, input(people, ROWS, {}, [
      { rowIdL: a, rowIdR: b, decision: 'match' },
      { rowIdL: b, rowIdR: c, decision: 'match' },
    ]));
    const inner = await d.q.one(`SELECT probability, decision FROM ${run.pairs} WHERE row_id_l = ${a} AND row_id_r = ${c}`);
    expect(inner.decision).toBeNull();
    expect(num(inner.probability)).toBeLessThan(0.5);
    const info = await d.q.one(`SELECT size, fully_linked, min_probability FROM ${run.clusterInfo} WHERE cluster_id = ${a}`);
    expect([num(info.size), info.fully_linked]).toEqual([3, false]);
    expect(num(info.min_probability)).toBeLessThan(0.5);
    expect(run.counts.chainedClusters).toBeGreaterThan(base.counts.chainedClusters);
    expect(run.warnings.join(' ')).toMatch(/do not all match each other/);
  });
});

describe('bad input', () => {
  it('refuses a run where nothing is compared', async () => {
    const t = await records(d.conn, ['a'], [['x'], ['y']]);
    await expect(findDuplicates(d.q, input(t, 2, { exclude: ['c1'] }))).rejects.toThrow(/No column is compared/);
  });
});
