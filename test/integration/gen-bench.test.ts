// The benchmark end to end at a small scale: inputs generated once and reused, each import run
// in its own child process through the real engine (checked rows, row ids, digest, RSS), scratch
// workspaces removed, and the grid run importing once into a cached workspace.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDataset } from '../../tools/bench/datasets';
import { benchGrid } from '../../tools/bench/grid-bench';
import { benchImport } from '../../tools/bench/import-bench';
import { tempDir } from '../support/engine';

const dir = tempDir('ds-bench-');
const logs: string[] = [];
const log = (s: string) => logs.push(s);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('bench import', () => {
  it('runs every format in fresh child processes and checks each run', async () => {
    const results = await benchImport({ dir, rows: 300, runs: 2, formats: ['csv', 'jsonl', 'parquet'], seed: 't', log });
    expect(results.map((r) => r.format)).toEqual(['csv', 'jsonl', 'parquet']);
    for (const r of results) {
      expect(r.error).toBeNull();
      expect(r.runs).toHaveLength(2);
      const digest = crypto.createHash('sha256').update(fs.readFileSync(r.file)).digest('hex');
      for (const run of r.runs) {
        expect(run).toMatchObject({ ok: true, rows: 300, lastRowId: 300, sha256: digest });
        // JSONL's extra keys on a few records become extra columns (the union of keys).
        if (run.ok) expect(r.format === 'jsonl' ? run.columns > 14 : run.columns === 14).toBe(true);
        expect(run.peakRssMiB).toBeGreaterThan(20);
        expect(run.wall).toBeGreaterThan(0);
      }
    }
    expect(fs.readdirSync(path.join(dir, 'tmp'))).toEqual([]);
  }, 300_000);

  it('reuses a generated input instead of generating it again', async () => {
    const first = await ensureDataset(dir, 'csv', 300, 't', log);
    expect(first.generatedIn).toBeNull();
    const other = await ensureDataset(dir, 'csv', 301, 't', log);
    expect(other.generatedIn).not.toBeNull();
    expect(other.file).not.toBe(first.file);
  });

  it('reports a file the engine refuses as a failed format, not a crash', async () => {
    const bad = await ensureDataset(dir, 'csv', 50, 'bad', log);
    fs.writeFileSync(bad.file, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]));
    const [r] = await benchImport({ dir, rows: 50, runs: 3, formats: ['csv'], seed: 'bad', log });
    expect(r!.runs).toHaveLength(1);
    expect(r!.error).toMatch(/BAD_FILE/);
  }, 120_000);
});

describe('bench grid', () => {
  it('imports once into a cached workspace, then times windows unsorted and sorted', async () => {
    const first = await benchGrid({ dir, rows: 3000, seed: 'g', windows: 20, log });
    expect(first.result.imported).toMatchObject({ ok: true, rows: 3000, lastRowId: 3000 });
    expect(first.result).toMatchObject({ rows: 3000, columns: 14, sortColumn: 'last_name' });
    for (const w of [first.result.unsorted, first.result.sorted]) {
      expect(w.count).toBe(20);
      expect(w.p50).toBeGreaterThan(0);
      expect(w.p50).toBeLessThanOrEqual(w.p95);
      expect(w.p95).toBeLessThanOrEqual(w.max);
    }
    const again = await benchGrid({ dir, rows: 3000, seed: 'g', windows: 20, log });
    expect(again.result.imported).toBeNull();
    expect(again.importRecord?.run).toEqual(first.result.imported);
    expect(again.importRecord?.date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
  }, 300_000);
});
