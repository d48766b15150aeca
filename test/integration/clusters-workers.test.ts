// Cluster jobs on a large distinct set: the JavaScript keys run in worker threads and agree with
// the in-process path, and a cancel at any stage (SQL, workers, blocking) ends the job cleanly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterMethod, ClusterResult } from '../../src/shared/api/cluster-types';
import type { JobInfo } from '../../src/shared/api/types';
import { startTestEngine, tempDir, writeFixture, type TestEngine } from '../support/engine';

const SYL = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'be', 'da', 'fe', 'gu', 'ha', 'jo', 'pi', 'qu', 'ze', 'xo', 'wa', 'yi'];
const word = (i: number) => SYL[i % 20]! + SYL[Math.floor(i / 20) % 20]! + SYL[Math.floor(i / 400) % 20]!;
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const BASES = 7000;
const ACUTE: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' };

/** 7,000 two-word names, each also lower-cased and with an accent: 21,000 distinct values. */
function names(): string {
  const rows = ['name'];
  for (let i = 0; i < BASES; i++) {
    const base = `${cap(word(i))} ${cap(word(7999 - i))}`;
    rows.push(base, base, base.toLowerCase(), base.replace(/[aeiou]/, (v) => ACUTE[v]!));
  }
  return rows.join('\n') + '\n';
}

describe('cluster jobs on 21,000 distinct values', () => {
  let workers: TestEngine;
  let inProcess: TestEngine;
  const ids = new Map<TestEngine, string>();
  const file = writeFixture(tempDir(), 'names.csv', names());

  beforeAll(async () => {
    workers = await startTestEngine({ workers: { maxThreads: 2 } });
    inProcess = await startTestEngine({ workers: { inProcessBelow: Number.POSITIVE_INFINITY } });
    for (const t of [workers, inProcess]) {
      ids.set(t, (await t.importFile(file)).datasetId);
      await t.settle();
    }
  });
  afterAll(async () => {
    await workers.close();
    await inProcess.close();
  });

  const run = (t: TestEngine, method: ClusterMethod) => t.runJob('cluster.start', { datasetId: ids.get(t)!, version: 1, columnId: 'c1', method });

  it.each(['ngram', 'metaphone'] as const)('%s keys run in workers and give the in-process clusters', async (method) => {
    const before = workers.engine.workers.tasksRunInWorkers;
    const [a, b] = await Promise.all([run(workers, method), run(inProcess, method)]);
    expect([a.state, b.state]).toEqual(['succeeded', 'succeeded']);
    expect(workers.engine.workers.tasksRunInWorkers).toBeGreaterThan(before);
    expect(inProcess.engine.workers.tasksRunInWorkers).toBe(0);
    const ra = a.result as ClusterResult;
    const rb = b.result as ClusterResult;
    expect(ra.distinctValues).toBe(3 * BASES);
    expect(ra.clusters.length).toBeGreaterThan(1000);
    expect(ra.clusters).toEqual(rb.clusters);
    expect(ra.truncated).toBe(rb.truncated);
  });

  it.each([
    ['counting distinct values', 'metaphone'],
    ['computing keys', 'metaphone'],
    ['blocking', 'levenshtein'],
  ] as const)('cancels at "%s" (%s) and leaves nothing behind', async (stage, method) => {
    const seen: string[] = [];
    const off = workers.engine.events.on('job.updated', (j: JobInfo) => {
      if (j.kind !== 'cluster' || j.state !== 'running') return;
      seen.push(j.stage);
      // Events are delivered synchronously: the cancel lands while the stage runs.
      if (j.stage === stage) workers.engine.jobs.cancel(j.id);
    });
    try {
      const job = await run(workers, method);
      expect(seen).toContain(stage);
      expect(job.state).toBe('cancelled');
      expect(job.error?.code).toBe('CANCELLED');
    } finally {
      off();
    }
    const left = await workers.engine.workspace.db.all(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'cluster_%'`);
    expect(left).toEqual([]);
    // The pool still works after a cancel.
    expect((await run(workers, 'metaphone')).state).toBe('succeeded');
  });
});
