// How a duplicate run is stored and read back, on a hand-made finder whose every pair's score is
// known in advance (test/support/fake-finder.ts): only pairs worth keeping are stored, the clusters
// page, the review queue (order, differing columns, contributions), one pair, decisions (checked,
// normalised, reused by the next run), a cancelled or failed run leaving the previous one intact,
// settings naming unknown columns, the CLI's files, deleting a dataset, and format 7 → 8.
import { undoGovernance } from '../support/downgrade';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dedupeSettingsSchema, type DedupeSettingsInput, type DedupeSummary } from '../../src/shared/api/dedupe-types';
import { SCRATCH, table } from '../../src/main/engine/db/sql';
import { readDecisions } from '../../src/main/engine/dedupe/decisions';
import { runDedupe, type DedupeRunResult, type Finder } from '../../src/main/engine/dedupe/run';
import { MAX_MEMBERS } from '../../src/main/engine/dedupe/store';
import { MIGRATIONS } from '../../src/main/engine/workspace/schema';
import { Workspace } from '../../src/main/engine/workspace/workspace';
import { jobResult, writeCsv } from '../support/clean';
import { startTestEngine, tempDir, type TestEngine } from '../support/engine';
import { DIFFERENT_WEIGHT, PRIOR_WEIGHT, SAME_WEIGHT, fakeFinder, fakeProbability } from '../support/fake-finder';

const HEADER = ['id', 'name', 'email', 'city', 'phone'];
// Compared: name, email, city, phone (id is the id column). Scores (same, different):
//   1–2 (4,0) 0.9986 · 1–11, 2–11, 11–12 (3,1) 0.9 · 4–5 (3,0, city missing) 0.988 · 1–3, 1–12, 2–3, 2–12, 3–11, 4–7 (2,2) 0.1
//   8–9 (2,1, city missing) 0.5 · 5–7 (1,2) 0.012 · 3–4, 3–7, 3–12, 1–6, 2–6, 6–11, 6–12 (1,3) 0.0014: not stored.
// Threshold 0.85: clusters {1, 2, 11, 12} (chained: 1–12 and 2–12 do not match) and {4, 5}.
const ROWS: (string | null)[][] = [
  ['P01', 'Ann Smith', 'ann@x.org', 'Leeds', '111'],
  ['P02', ' ann smith', 'ann@x.org', 'Leeds', '111'],
  ['P03', 'Ann Smith', 'ann@x.org', 'York', '333'],
  ['P04', 'Bob Jones', 'bob@y.org', 'York', '444'],
  ['P05', 'Bob Jones', 'bob@y.org', null, '444'],
  ['P06', 'Cy', 'cy@z.org', 'Leeds', '666'],
  ['P07', 'Bob Jonas', 'bob@y.org', 'York', '777'],
  ['P08', 'Dee', 'dee@w.org', null, '888'],
  ['P09', 'Dee', 'dee@w.org', 'Hull', '999'],
  ['P10', 'Eve', 'eve@v.org', 'Bath', '100'],
  ['P11', 'Ann Smith', 'ann@x.org', 'Leeds', '112'],
  ['P12', 'Ann Smyth', 'ann@x.org', 'Leeds', '112'],
];
const SETTINGS: DedupeSettingsInput = { idColumn: 'c1', threshold: 0.85, review: { lower: 0.05, upper: 0.85 } };
const P = { four: fakeProbability(4, 0), three: fakeProbability(3, 1), threeMissing: fakeProbability(3, 0), half: fakeProbability(2, 1), tenth: fakeProbability(2, 2), low: fakeProbability(1, 2), hopeless: fakeProbability(1, 3) };

async function run(t: TestEngine, datasetId: string, settings: DedupeSettingsInput = SETTINGS, finder: Finder = fakeFinder(), files?: { clusters?: string; pairs?: string; force: boolean }) {
  const req = { datasetId, version: 1, settings: dedupeSettingsSchema.parse(settings) };
  const job = t.engine.jobs.start('dedupe', 'test run', (ctx) => runDedupe(t.engine.workspace, t.engine.workers, ctx, req, 'tester', finder, files));
  return t.engine.jobs.wait(job.id);
}

async function stored(t: TestEngine, datasetId: string): Promise<string[]> {
  const rows = await t.engine.workspace.db.all(`SELECT row_id_l, row_id_r FROM ${table.dedupePair} WHERE dataset_id = $ds ORDER BY row_id_l, row_id_r`, { ds: datasetId });
  return rows.map((r) => `${Number(r.row_id_l)}-${Number(r.row_id_r)}`);
}

async function clusterMembers(t: TestEngine, datasetId: string): Promise<number[][]> {
  const page = await t.call('dedupe.clusters', { datasetId, version: 1, offset: 0, limit: 100, chainedOnly: false });
  return page.clusters.map((c) => c.members.map((m) => m.rowId));
}

describe('a stored duplicate run', () => {
  let t: TestEngine;
  let datasetId: string;
  let summary: DedupeSummary;
  beforeAll(async () => {
    t = await startTestEngine();
    datasetId = (await t.importFile(writeCsv(HEADER, ROWS))).datasetId;
    summary = await jobResult<DedupeSummary>(await run(t, datasetId));
  });
  afterAll(async () => t.close());

  it('has no summary before a run, and pages refuse clearly', async () => {
    const other = (await t.importFile(writeCsv(HEADER, ROWS.slice(0, 2)))).datasetId;
    expect(await t.call('dedupe.summary', { datasetId: other, version: 1 })).toBeNull();
    const e = await t.fail('dedupe.clusters', { datasetId: other, version: 1, offset: 0, limit: 10, chainedOnly: false });
    expect(e).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('has not been searched for duplicates yet') });
    expect(await t.fail('dedupe.summary', { datasetId: other, version: 9 })).toMatchObject({ code: 'NOT_FOUND', message: `Dataset ${other} has no version 9.` });
  });

  it('stores pairs scoring at least 0.01, never the hopeless ones', async () => {
    expect(await stored(t, datasetId)).toEqual(['1-2', '1-3', '1-11', '1-12', '2-3', '2-11', '2-12', '3-11', '4-5', '4-7', '5-7', '8-9', '11-12']);
    expect(P.low).toBeGreaterThan(0.01);
    expect(P.hopeless).toBeLessThan(0.01);
    // The counts are the finder's, over every candidate pair (the hopeless ones too).
    expect(summary.counts).toMatchObject({ rows: 12, candidatePairs: 20, matchedPairs: 5, clusters: 2, rowsInClusters: 6, duplicateRows: 4, largestCluster: 4, chainedClusters: 1 });
  });

  it('returns the summary as stored, with the settings given and the model', async () => {
    const s = await t.call('dedupe.summary', { datasetId, version: 1 });
    expect(s).toEqual(summary);
    expect(s?.settings).toEqual(dedupeSettingsSchema.parse(SETTINGS));
    expect(s?.roles.find((r) => r.columnId === 'c1')).toMatchObject({ role: 'ignore', overridden: true });
    expect(s?.model.comparisons.map((c) => c.id)).toEqual(['c2', 'c3', 'c4', 'c5']);
    expect(s?.ranBy).toBe('tester');
    const log = await t.call('log.list', { limit: 5 });
    expect(log.find((e) => e.action === 'dedupe.ran')).toMatchObject({ subject: { dataset: datasetId, version: '1' }, details: { rows: 12, matchedPairs: 5, clusters: 2, threshold: 0.85 } });
  });

  it('pages clusters largest first, members with every column in order; chainedOnly keeps the chained one', async () => {
    const page = await t.call('dedupe.clusters', { datasetId, version: 1, offset: 0, limit: 10, chainedOnly: false });
    expect(page.columns).toEqual(HEADER.map((h, i) => ({ id: `c${i + 1}`, header: h })));
    expect(page.total).toBe(2);
    expect(page.clusters.map((c) => [c.clusterId, c.size, c.fullyLinked])).toEqual([[1, 4, false], [4, 2, true]]);
    expect(page.clusters[0]!.minProbability).toBeCloseTo(P.three, 6);
    expect(page.clusters[0]!.members.map((m) => m.rowId)).toEqual([1, 2, 11, 12]);
    expect(page.clusters[0]!.members[3]).toEqual({ rowId: 12, values: ['P12', 'Ann Smyth', 'ann@x.org', 'Leeds', '112'] });
    expect(page.clusters[1]!.members[1]).toEqual({ rowId: 5, values: ['P05', 'Bob Jones', 'bob@y.org', null, '444'] });
    const window = await t.call('dedupe.clusters', { datasetId, version: 1, offset: 1, limit: 1, chainedOnly: false });
    expect(window).toMatchObject({ total: 2, offset: 1, clusters: [{ clusterId: 4 }] });
    const chained = await t.call('dedupe.clusters', { datasetId, version: 1, offset: 0, limit: 10, chainedOnly: true });
    expect(chained.total).toBe(1);
    expect(chained.clusters.map((c) => c.clusterId)).toEqual([1]);
  });

  it('queues the pairs of the review band, most uncertain first, with differing columns and contributions', async () => {
    const page = await t.call('dedupe.review', { datasetId, version: 1, offset: 0, limit: 50, include: 'undecided' });
    expect(page.total).toBe(7);
    expect(page.items.map((i) => `${i.pair.rowIdL}-${i.pair.rowIdR}`)).toEqual(['8-9', '1-3', '1-12', '2-3', '2-12', '3-11', '4-7']);
    const first = page.items[0]!;
    expect(first.pair.probability).toBeCloseTo(P.half, 6);
    expect(first.left.values).toEqual(['P08', 'Dee', 'dee@w.org', null, '888']);
    // The id differs too; a missing city differs from "Hull"; name and e-mail are the same.
    expect(first.differing).toEqual(['c1', 'c4', 'c5']);
    expect(first.pair.priorWeight).toBeCloseTo(PRIOR_WEIGHT, 9);
    expect(first.pair.contributions).toEqual([
      { comparisonId: 'c2', label: 'Column c2', level: 'same', weight: expect.closeTo(SAME_WEIGHT, 5) },
      { comparisonId: 'c3', label: 'Column c3', level: 'same', weight: expect.closeTo(SAME_WEIGHT, 5) },
      { comparisonId: 'c4', label: 'Column c4', level: null, weight: 0 },
      { comparisonId: 'c5', label: 'Column c5', level: 'different', weight: expect.closeTo(DIFFERENT_WEIGHT, 5) },
    ]);
    expect(first.pair.weight).toBeCloseTo(first.pair.priorWeight + first.pair.contributions.reduce((a, c) => a + c.weight, 0), 4);
    // Trimmed and lower-cased: " ann smith" is no different from "Ann Smith".
    const p12 = await t.call('dedupe.pair', { datasetId, version: 1, rowIdL: 2, rowIdR: 1 });
    expect(p12.differing).toEqual(['c1']);
    expect(p12.pair).toMatchObject({ rowIdL: 1, rowIdR: 2, decision: null });
    expect(p12.pair.probability).toBeCloseTo(P.four, 6);
  });

  it.each([
    ['the same row twice', { rowIdL: 5, rowIdR: 5 }, 'INVALID_ARGUMENT', 'A pair needs two different rows; both are row 5.'],
    ['a pair below 0.01 (not stored)', { rowIdL: 3, rowIdR: 4 }, 'NOT_FOUND', 'Rows 3 and 4 of'],
    ['a row the version lacks', { rowIdL: 1, rowIdR: 99 }, 'NOT_FOUND', 'are not a pair the latest run kept'],
  ])('dedupe.pair refuses %s', async (_what, rows, code, message) => {
    expect(await t.fail('dedupe.pair', { datasetId, version: 1, ...rows })).toMatchObject({ code, message: expect.stringContaining(message) });
  });

  it.each([
    ['the same row twice', { rowIdL: 4, rowIdR: 4, decision: 'match' }, 'INVALID_ARGUMENT', 'A pair needs two different rows; both are row 4.'],
    ['a row the version lacks', { rowIdL: 99, rowIdR: 3, decision: 'match' }, 'NOT_FOUND', 'has no row 99; nothing was decided.'],
    ['two rows the version lacks', { rowIdL: 98, rowIdR: 99, decision: 'non_match' }, 'NOT_FOUND', 'has no row 98 or 99'],
    ['a version that does not exist', { rowIdL: 1, rowIdR: 2, decision: 'match', version: 7 }, 'NOT_FOUND', 'has no version 7'],
  ] as const)('dedupe.decide refuses %s', async (_what, req, code, message) => {
    const e = await t.fail('dedupe.decide', { datasetId, version: 1, ...req });
    expect(e).toMatchObject({ code, message: expect.stringContaining(message) });
    expect(await t.engine.workspace.db.with((c) => readDecisions(c, datasetId))).toEqual([]);
  });

  it('records decisions (pairs normalised), leaves them out of the undecided queue, and clears them', async () => {
    expect(await t.call('dedupe.decide', { datasetId, version: 1, rowIdL: 9, rowIdR: 8, decision: 'non_match' })).toEqual({ decidedPairs: 1, reviewPairs: 6 });
    const undecided = await t.call('dedupe.review', { datasetId, version: 1, offset: 0, limit: 50, include: 'undecided' });
    expect(undecided.items.map((i) => `${i.pair.rowIdL}-${i.pair.rowIdR}`)).not.toContain('8-9');
    const all = await t.call('dedupe.review', { datasetId, version: 1, offset: 0, limit: 1, include: 'all' });
    expect(all.total).toBe(7);
    expect(all.items[0]!.pair).toMatchObject({ rowIdL: 8, rowIdR: 9, decision: 'non_match' });
    // Deciding again replaces; two rows never compared can be decided (both exist).
    expect(await t.call('dedupe.decide', { datasetId, version: 1, rowIdL: 8, rowIdR: 9, decision: 'match' })).toEqual({ decidedPairs: 1, reviewPairs: 6 });
    expect(await t.call('dedupe.decide', { datasetId, version: 1, rowIdL: 10, rowIdR: 6, decision: 'match' })).toEqual({ decidedPairs: 2, reviewPairs: 6 });
    expect((await t.call('dedupe.summary', { datasetId, version: 1 }))?.counts).toMatchObject({ decidedPairs: 2, reviewPairs: 6 });
    expect(await t.call('dedupe.decide', { datasetId, version: 1, rowIdL: 6, rowIdR: 10, decision: 'clear' })).toEqual({ decidedPairs: 1, reviewPairs: 6 });
    const rows = await t.engine.workspace.db.all(`SELECT row_id_l, row_id_r, decision, decided_by, version FROM ${table.dedupeDecision} WHERE dataset_id = $ds`, { ds: datasetId });
    expect(rows).toEqual([{ row_id_l: 8n, row_id_r: 9n, decision: 'match', decided_by: t.engine.actor, version: 1 }]);
    const log = await t.call('log.list', { limit: 3 });
    expect(log[0]).toMatchObject({ action: 'dedupe.decided', details: { rowIdL: 6, rowIdR: 10, decision: 'clear' } });
    await t.call('dedupe.decide', { datasetId, version: 1, rowIdL: 8, rowIdR: 9, decision: 'clear' });
  });

  it('reuses decisions in the next run: a rejected link no longer joins, an accepted pair does, a decided hopeless pair is kept', async () => {
    await t.call('dedupe.decide', { datasetId, version: 1, rowIdL: 11, rowIdR: 12, decision: 'non_match' });
    await t.call('dedupe.decide', { datasetId, version: 1, rowIdL: 8, rowIdR: 9, decision: 'match' });
    await t.call('dedupe.decide', { datasetId, version: 1, rowIdL: 3, rowIdR: 4, decision: 'non_match' });
    const again = await jobResult<DedupeSummary>(await run(t, datasetId));
    expect(again.digests.decisionCount).toBe(3);
    expect(await clusterMembers(t, datasetId)).toEqual([[1, 2, 11], [4, 5], [8, 9]]);
    expect(await stored(t, datasetId)).toContain('3-4');
    expect((await t.call('dedupe.pair', { datasetId, version: 1, rowIdL: 3, rowIdR: 4 })).pair).toMatchObject({ decision: 'non_match', probability: 0 });
    // Not used when the settings say so.
    const ignored = await jobResult<DedupeSummary>(await run(t, datasetId, { ...SETTINGS, useDecisions: false }));
    expect(ignored.digests.decisionCount).toBe(0);
    expect(await clusterMembers(t, datasetId)).toEqual([[1, 2, 11, 12], [4, 5]]);
    // The decided pair below 0.01 is still stored: its decision is shown with it.
    expect(await stored(t, datasetId)).toContain('3-4');
    for (const [l, r] of [[11, 12], [8, 9], [3, 4]] as const) await t.call('dedupe.decide', { datasetId, version: 1, rowIdL: l, rowIdR: r, decision: 'clear' });
    summary = await jobResult<DedupeSummary>(await run(t, datasetId));
  });

  it('keeps the previous run whole when a run is cancelled or fails', async () => {
    const before = { summary: await t.call('dedupe.summary', { datasetId, version: 1 }), pairs: await stored(t, datasetId), clusters: await clusterMembers(t, datasetId) };
    const cancelling = fakeFinder({ afterScoring: (q) => void t.engine.jobs.cancel(q.job.id) });
    const cancelled = await run(t, datasetId, { ...SETTINGS, threshold: 0.05 }, cancelling);
    expect(cancelled.state).toBe('cancelled');
    const failing: Finder = { ...fakeFinder(), find: async (q, input) => {
      await fakeFinder().find(q, input);
      throw new Error('disk full');
    } };
    const failed = await run(t, datasetId, { ...SETTINGS, threshold: 0.05 }, failing);
    expect(failed).toMatchObject({ state: 'failed', error: { message: expect.stringContaining('disk full') } });
    // Failing halfway through storing (the pairs written, the clusters table unreadable): rolled back.
    const broken: Finder = { ...fakeFinder(), find: async (q, input) => {
      const outcome = await fakeFinder().find(q, input);
      const clusters = q.newTable('broken');
      await q.run(`CREATE TABLE ${clusters} (row_id BIGINT)`);
      return { ...outcome, clusters };
    } };
    expect(await run(t, datasetId, { ...SETTINGS, threshold: 0.05 }, broken)).toMatchObject({ state: 'failed', error: { message: expect.stringContaining('cluster_id') } });
    expect({ summary: await t.call('dedupe.summary', { datasetId, version: 1 }), pairs: await stored(t, datasetId), clusters: await clusterMembers(t, datasetId) }).toEqual(before);
    const scratch = await t.engine.workspace.db.all(`SELECT table_name FROM duckdb_tables() WHERE database_name = '${SCRATCH}' AND table_name LIKE 'dedupe%'`);
    expect(scratch).toEqual([]);
  });

  it.each<[string, DedupeSettingsInput, string]>([
    ['roles', { roles: { c9: 'email' } }, 'settings.roles names column c9'],
    ['idColumn', { idColumn: 'c6' }, 'settings.idColumn names column c6'],
    ['exclude', { exclude: ['c2', 'c77'] }, 'settings.exclude names column c77'],
  ])('refuses settings naming an unknown column in %s, listing the columns', async (_field, settings, message) => {
    for (const method of ['dedupe.start', 'dedupe.plan'] as const) {
      const e = await t.fail(method, { datasetId, version: 1, settings });
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toContain(message);
      expect(e.message).toContain('Its columns are: c1 "id", c2 "name", c3 "email", c4 "city", c5 "phone".');
    }
  });

  it('turns --exclude columns into "ignore" roles the finder never compares', async () => {
    const s = await jobResult<DedupeSummary>(await run(t, datasetId, { ...SETTINGS, exclude: ['c5'], roles: { c5: 'phone' } }));
    expect(s.roles.find((r) => r.columnId === 'c5')).toMatchObject({ role: 'ignore', overridden: true });
    expect(s.model.comparisons.map((c) => c.id)).toEqual(['c2', 'c3', 'c4']);
    expect(s.settings.exclude).toEqual(['c5']);
    summary = await jobResult<DedupeSummary>(await run(t, datasetId));
  });

  it('writes every row\'s cluster and every scored pair (the hopeless ones too) when asked', async () => {
    const dir = tempDir('ds-dedupe-files-');
    const files = { clusters: path.join(dir, 'clusters.csv'), pairs: path.join(dir, 'pairs.csv'), force: false };
    const r = await jobResult<DedupeRunResult>(await run(t, datasetId, SETTINGS, fakeFinder(), files));
    const lines = fs.readFileSync(files.clusters, 'utf8').split('\n');
    expect(lines).toEqual([
      'record_id,cluster_id',
      'P01,P01', 'P02,P01', 'P03,P03', 'P04,P04', 'P05,P04', 'P06,P06', 'P07,P07', 'P08,P08', 'P09,P09', 'P10,P10', 'P11,P01', 'P12,P01', '',
    ]);
    const pairs = fs.readFileSync(files.pairs, 'utf8').trim().split('\n');
    expect(pairs[0]).toBe('record_id_l,record_id_r,probability');
    expect(pairs).toHaveLength(1 + summary.counts.candidatePairs);
    const hopeless = pairs.find((l) => l.startsWith('P03,P04,'));
    expect(Number(hopeless?.split(',')[2])).toBeCloseTo(P.hopeless, 8);
    expect(r.files?.map((f) => [path.basename(f.path), f.rows])).toEqual([['clusters.csv', 12], ['pairs.csv', 20]]);
    expect(fs.readdirSync(dir).sort()).toEqual(['clusters.csv', 'pairs.csv']);
    // Existing files are refused before any work, and left as they were.
    const refused = await run(t, datasetId, SETTINGS, fakeFinder(), files);
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'ALREADY_EXISTS' } });
    expect(fs.readdirSync(dir).sort()).toEqual(['clusters.csv', 'pairs.csv']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a review band reaching below 0.01 stores the pairs it queues: the queue and its count agree with the finder', async () => {
    const other = (await t.importFile(writeCsv(HEADER, ROWS))).datasetId;
    const low = await jobResult<DedupeSummary>(await run(t, other, { ...SETTINGS, review: { lower: 0.001, upper: 0.85 } }));
    // The seven hopeless pairs (0.0014) are in the band: counted by the finder, so stored and queued.
    const queue = await t.call('dedupe.review', { datasetId: other, version: 1, offset: 0, limit: 50, include: 'undecided' });
    expect(queue.total).toBe(6 + 1 + 1 + 7);
    expect(low.counts.reviewPairs).toBe(queue.total);
    expect(await stored(t, other)).toHaveLength(20);
  });
});

describe('a cluster larger than a page shows', () => {
  it('lists its first MAX_MEMBERS members by row id, and its true size', async () => {
    const t = await startTestEngine();
    try {
      const rows = Array.from({ length: MAX_MEMBERS + 20 }, (_, i) => [`R${i + 1}`, 'Same Name', 'same@x.org', 'Leeds', '1']);
      const { datasetId } = await t.importFile(writeCsv(HEADER, rows));
      await jobResult(await run(t, datasetId));
      const page = await t.call('dedupe.clusters', { datasetId, version: 1, offset: 0, limit: 10, chainedOnly: false });
      expect(page.clusters.map((c) => [c.size, c.members.length])).toEqual([[MAX_MEMBERS + 20, MAX_MEMBERS]]);
      expect(page.clusters[0]!.members.map((m) => m.rowId)).toEqual(Array.from({ length: MAX_MEMBERS }, (_, i) => i + 1));
    } finally {
      await t.close();
    }
  });
});

describe('deleting a dataset', () => {
  it('removes its runs, pairs, clusters and decisions', async () => {
    const t = await startTestEngine();
    try {
      const { datasetId } = await t.importFile(writeCsv(HEADER, ROWS));
      await jobResult(await run(t, datasetId));
      await t.call('dedupe.decide', { datasetId, version: 1, rowIdL: 1, rowIdR: 2, decision: 'match' });
      await t.call('dataset.delete', { datasetId });
      for (const x of [table.dedupeRun, table.dedupePair, table.dedupeCluster, table.dedupeClusterInfo, table.dedupeDecision]) {
        expect(await t.engine.workspace.db.one(`SELECT count(*) AS n FROM ${x}`)).toEqual({ n: 0n });
      }
    } finally {
      await t.close();
    }
  });
});

describe('a workspace of format 7', () => {
  it('gains the duplicate tables, keeping its data, and runs duplicate detection', async () => {
    const wsDir = path.join(tempDir('ds-dedupe-migrate-'), 'workspace');
    const t = await startTestEngine({ workspaceDir: wsDir });
    const { datasetId } = await t.importFile(writeCsv(HEADER, ROWS));
    await t.settle();
    await t.engine.close();
    // Back to format 7 by hand: the tables migration 7 → 8 adds are gone.
    const ws = await Workspace.open(wsDir, { create: false, processName: 'vitest', actor: 'tester' });
    await ws.db.with(async (c) => {
      await undoGovernance(c);
      for (const x of [table.dedupeRun, table.dedupePair, table.dedupeCluster, table.dedupeClusterInfo, table.dedupeDecision]) await c.run(`DROP TABLE ${x}`);
      await c.run(`UPDATE ${table.meta} SET value = '7' WHERE key = 'format_version'`);
    });
    ws.close();
    const again = await startTestEngine({ workspaceDir: wsDir });
    try {
      expect(again.engine.workspace.formatVersion).toBe(MIGRATIONS.length);
      const log = await again.call('log.list', { limit: 5 });
      expect(log.find((e) => e.action === 'workspace.migrated')?.details).toEqual({ from: 7, to: MIGRATIONS.length });
      expect((await again.call('grid.window', { datasetId, version: 1, offset: 0, limit: 1 })).rows[0]).toEqual(ROWS[0]);
      expect(await again.call('dedupe.summary', { datasetId, version: 1 })).toBeNull();
      const s = await jobResult<DedupeSummary>(await run(again, datasetId));
      expect(s.counts.clusters).toBe(2);
      await again.call('dedupe.decide', { datasetId, version: 1, rowIdL: 2, rowIdR: 1, decision: 'match' });
      expect(await again.engine.workspace.db.with((c) => readDecisions(c, datasetId))).toEqual([{ rowIdL: 1, rowIdR: 2, decision: 'match' }]);
    } finally {
      await again.close();
    }
  });
});
