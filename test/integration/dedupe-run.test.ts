// Duplicate detection end to end through the API with the real finder, on the generator's
// customers (2,000 rows with its duplicate truth): plan and run as jobs, the stored run agreeing
// with its summary (clusters, review queue order and band, contributions adding up to the weight),
// decisions reused by the next run (a rejected link splits its cluster, an accepted pair joins),
// and a run cancelled at once leaving the previous one whole.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DedupePlan, DedupeSummary } from '../../src/shared/api/dedupe-types';
import { table } from '../../src/main/engine/db/sql';
import { generate } from '../../tools/gen/generate';
import { jobResult } from '../support/clean';
import { startTestEngine, tempDir, type TestEngine } from '../support/engine';

const ROWS = 2000;
let t: TestEngine;
let dir: string;
let datasetId: string;
let idColumn: string;
let first: DedupeSummary;

async function start(settings: Record<string, unknown> = {}): Promise<DedupeSummary> {
  return jobResult<DedupeSummary>(await t.runJob('dedupe.start', { datasetId, version: 1, settings: { idColumn, ...settings } }));
}

async function clusterOf(rowId: number): Promise<number | null> {
  const r = await t.engine.workspace.db.one(`SELECT cluster_id FROM ${table.dedupeCluster} WHERE dataset_id = $ds AND version = 1 AND row_id = $r`, { ds: datasetId, r: rowId });
  return r ? Number(r.cluster_id) : null;
}

beforeAll(async () => {
  dir = tempDir('ds-dedupe-run-');
  const csv = path.join(dir, 'customers.csv');
  await generate({ rows: ROWS, seed: 'dedupe-run', out: csv, truth: path.join(dir, 'truth.csv') });
  t = await startTestEngine();
  datasetId = (await t.importFile(csv)).datasetId;
  await t.settle();
  const detail = await t.call('dataset.get', { datasetId, version: 1 });
  idColumn = detail.columns.find((c) => c.header === 'customer_id')!.id;
  first = await start();
}, 300_000);

afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('duplicate detection through the API', () => {
  it('plans: roles with the id column not compared, rules with their pair counts', async () => {
    const plan = await jobResult<DedupePlan>(await t.runJob('dedupe.plan', { datasetId, version: 1, settings: { idColumn } }));
    expect(plan).toMatchObject({ datasetId, version: 1, rows: ROWS });
    expect(plan.roles.find((r) => r.columnId === idColumn)).toMatchObject({ role: 'ignore', overridden: true });
    expect(plan.rules.some((r) => r.used && r.pairs > 0)).toBe(true);
    expect(plan.candidatePairs).toBeGreaterThan(0);
    expect(plan.rules.flatMap((r) => r.columnIds)).not.toContain(idColumn);
  });

  it('stores a run that agrees with its summary', async () => {
    expect(first.counts.rows).toBe(ROWS);
    expect(first.counts.clusters).toBeGreaterThan(0);
    expect(await t.call('dedupe.summary', { datasetId, version: 1 })).toEqual(first);
    const db = t.engine.workspace.db;
    const n = async (sql: string) => Number((await db.one(sql, { ds: datasetId }))?.n);
    expect(await n(`SELECT count(*) AS n FROM ${table.dedupeClusterInfo} WHERE dataset_id = $ds`)).toBe(first.counts.clusters);
    expect(await n(`SELECT count(*) AS n FROM ${table.dedupeCluster} WHERE dataset_id = $ds`)).toBe(first.counts.rowsInClusters);
    expect(await n(`SELECT count(*) AS n FROM ${table.dedupePair} WHERE dataset_id = $ds AND probability < 0.01`)).toBe(0);
    // Matched pairs count near duplicates; each exact duplicate is also stored, paired with its group's first row.
    expect(await n(`SELECT count(*) AS n FROM ${table.dedupePair} WHERE dataset_id = $ds AND probability >= ${first.settings.threshold}`)).toBe(first.counts.matchedPairs + first.counts.exactDuplicateRows);
    const page = await t.call('dedupe.clusters', { datasetId, version: 1, offset: 0, limit: 500, chainedOnly: false });
    expect(page.total).toBe(first.counts.clusters);
    expect(page.clusters[0]!.size).toBe(first.counts.largestCluster);
    const sizes = page.clusters.map((c) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    for (const c of page.clusters) expect(c.members.map((m) => m.values.length)).toEqual(c.members.map(() => page.columns.length));
  });

  it('queues the review band most uncertain first, each pair\'s contributions adding up to its weight', async () => {
    const page = await t.call('dedupe.review', { datasetId, version: 1, offset: 0, limit: 200, include: 'all' });
    expect(page.total).toBe(first.counts.reviewPairs);
    const { lower, upper } = first.settings.review;
    const distance = page.items.map((i) => Math.abs(i.pair.probability - 0.5));
    expect(distance).toEqual([...distance].sort((a, b) => a - b));
    for (const { pair, left, right, differing } of page.items) {
      expect(pair.probability).toBeGreaterThanOrEqual(lower);
      expect(pair.probability).toBeLessThan(upper);
      expect(pair.contributions.map((c) => c.comparisonId)).toEqual(first.model.comparisons.map((c) => c.id));
      expect(pair.weight).toBeCloseTo(pair.priorWeight + pair.contributions.reduce((a, c) => a + c.weight, 0), 3);
      const norm = (v: string | null) => v?.trim().toLowerCase() ?? null;
      expect(differing).toEqual(page.columns.filter((_, i) => norm(left.values[i]!) !== norm(right.values[i]!)).map((c) => c.id));
    }
  });

  it('reuses decisions: a rejected link splits its pair, an accepted pair joins one cluster', async () => {
    const page = await t.call('dedupe.clusters', { datasetId, version: 1, offset: 0, limit: 500, chainedOnly: false });
    // A near-duplicate pair (exact duplicates always stay together: the finder drops decisions inside an exact group).
    const pairCluster = page.clusters.filter((c) => c.size === 2).sort((x, y) => x.minProbability - y.minProbability)[0]!;
    expect(pairCluster.minProbability).toBeLessThan(1);
    const [a, b] = pairCluster.members.map((m) => m.rowId) as [number, number];
    const clustered = new Set(page.clusters.flatMap((c) => c.members.map((m) => m.rowId)));
    const singles = Array.from({ length: ROWS }, (_, i) => i + 1).filter((r) => !clustered.has(r)).slice(0, 2) as [number, number];
    await t.call('dedupe.decide', { datasetId, version: 1, rowIdL: b, rowIdR: a, decision: 'non_match' });
    await t.call('dedupe.decide', { datasetId, version: 1, rowIdL: singles[0], rowIdR: singles[1], decision: 'match' });
    const again = await start();
    expect(again.digests.decisionCount).toBe(2);
    expect(again.digests.decisions).not.toBe(first.digests.decisions);
    const [ca, cb] = [await clusterOf(a), await clusterOf(b)];
    expect(ca === null || ca !== cb, `rows ${a} and ${b} are still in cluster ${ca}`).toBe(true);
    expect(await clusterOf(singles[0])).toBe(singles[0]);
    expect(await clusterOf(singles[1])).toBe(singles[0]);
    const pair = await t.call('dedupe.pair', { datasetId, version: 1, rowIdL: singles[1], rowIdR: singles[0] });
    expect(pair.pair).toMatchObject({ rowIdL: singles[0], rowIdR: singles[1], decision: 'match' });
    // Cleared, the next run finds the first run's clusters again.
    await t.call('dedupe.decide', { datasetId, version: 1, rowIdL: a, rowIdR: b, decision: 'clear' });
    await t.call('dedupe.decide', { datasetId, version: 1, rowIdL: singles[0], rowIdR: singles[1], decision: 'clear' });
    first = await start();
    expect(await clusterOf(a)).toBe(await clusterOf(b));
  });

  it('keeps the previous run whole when a run is cancelled', async () => {
    const before = await t.call('dedupe.summary', { datasetId, version: 1 });
    const { jobId } = await t.call('dedupe.start', { datasetId, version: 1, settings: { idColumn, threshold: 0.5 } });
    await t.call('job.cancel', { jobId });
    const job = await t.engine.jobs.wait(jobId);
    expect(job.state).toBe('cancelled');
    expect(await t.call('dedupe.summary', { datasetId, version: 1 })).toEqual(before);
  });
});
