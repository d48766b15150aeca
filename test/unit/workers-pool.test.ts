// The engine's worker pool: the same outputs in-process and in workers, in order; a cancel ends
// a task running in a worker; unknown tasks are refused; the built app's worker entry is found.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_ENTRY, WorkerPool, workerEntry } from '../../src/main/engine/workers/pool';
import { runTask } from '../../src/main/engine/workers/tasks';
import { tempDir } from '../support/engine';

describe('WorkerPool', () => {
  const pool = new WorkerPool({ maxThreads: 2, inProcessBelow: 100 });
  afterAll(() => pool.close());
  const values = Array.from({ length: 12_345 }, (_, i) => `Smith ${i % 97} Jones${i}`);
  const input = (b: string[]) => ({ values: b });

  it('gives the same keys, in order, in-process and in workers', async () => {
    const seen: number[] = [];
    const here = (await pool.map('cluster.metaphoneKeys', values, { input, where: 'in-process' })).flat();
    const before = pool.tasksRunInWorkers;
    const there = (await pool.map('cluster.metaphoneKeys', values, { input, onProgress: (n) => seen.push(n) })).flat();
    expect(there).toEqual(here);
    expect(here).toHaveLength(values.length);
    expect(pool.tasksRunInWorkers).toBeGreaterThan(before);
    expect(seen.at(-1)).toBe(values.length);
  });

  it('stays in-process below its threshold', async () => {
    const before = pool.tasksRunInWorkers;
    expect((await pool.map('cluster.ngramKeys', ['ab', 'ba'], { input: (b) => ({ values: b, n: 1 }) })).flat()).toEqual(['ab', 'ab']);
    expect(pool.tasksRunInWorkers).toBe(before);
  });

  it.each(['in-process', 'workers'] as const)('stops %s when cancelled mid-way', async (where) => {
    const ac = new AbortController();
    const big = Array.from({ length: 200_000 }, (_, i) => `Value number ${i}`);
    const run = pool.map('cluster.metaphoneKeys', big, { input, where, signal: ac.signal, onProgress: () => ac.abort() });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    // Still usable afterwards.
    expect((await pool.map('cluster.metaphoneKeys', ['Smith'], { input, where })).flat()).toEqual(['SM0']);
  });

  it('refuses an unknown task by name', () => {
    expect(() => runTask({ task: 'nope', input: {} })).toThrow(/unknown worker task "nope" \(known: cluster\./);
  });
});

describe('workerEntry', () => {
  it('boots TypeScript through tsx when running from source', () => {
    expect(workerEntry(pathToFileURL('/src/main/engine/workers/pool.ts').href)).toBe(path.normalize('/src/main/engine/workers/worker-boot.mjs'));
  });

  it.each([
    ['beside the bundle', 'main/index.js', 'main'],
    ['one folder up from a chunk', 'main/chunks/engine-abc.js', 'main'],
  ])('finds the built entry %s', (_name, bundle, entryDir) => {
    const out = tempDir();
    fs.mkdirSync(path.join(out, entryDir), { recursive: true });
    fs.writeFileSync(path.join(out, entryDir, BUILT_ENTRY), '');
    expect(workerEntry(pathToFileURL(path.join(out, bundle)).href)).toBe(path.join(out, entryDir, BUILT_ENTRY));
  });

  it('says what is missing from a build without it', () => {
    expect(() => workerEntry(pathToFileURL(path.join(tempDir(), 'main/index.js')).href)).toThrow(/engine-worker\.js is missing from the build/);
  });
});
