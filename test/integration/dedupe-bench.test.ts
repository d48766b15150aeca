// The dedupe benchmark end to end on a small generated file of each profile: the CLI run in-process
// as the bench child runs it (`sanitizer dedupe FILE --clusters OUT.csv --json`), its clusters
// covering every row, the same clusters twice, the JSON's counts read, the scorer and the error
// breakdown agreeing — and the zero-config finder well above chance on both sets.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dedupeOnce } from '../../tools/bench/dedupe-bench';
import { errorBreakdown } from '../../tools/bench/dedupe-errors';
import { alignToTruth, pairwiseScore } from '../../tools/bench/dedupe-score';
import { generate } from '../../tools/gen/generate';
import type { NoiseProfile } from '../../tools/gen/hard';
import { rows } from '../../tools/gen/plan';
import { tempDir } from '../support/engine';

const dir = tempDir('ds-dedupe-bench-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const ROWS = 3000;

describe.each<[NoiseProfile, number]>([
  ['standard', 0.9],
  ['hard', 0.6],
])('the %s profile', (noise, floor) => {
  it(`is deduplicated through the CLI, deterministically, and scored (F1 ≥ ${floor})`, async () => {
    const file = path.join(dir, `${noise}.csv`);
    await generate({ rows: ROWS, seed: 'dedupe-bench', out: file, noise, workers: 0 });
    const a = await dedupeOnce(file, path.join(dir, `${noise}-a.csv`), path.join(dir, 'home'));
    const b = await dedupeOnce(file, path.join(dir, `${noise}-b.csv`), path.join(dir, 'home'));
    if (!a.ok || !b.ok) throw new Error(`a run failed: ${JSON.stringify([a, b])}`);
    expect(b.sha256).toBe(a.sha256);
    expect(a.counts.rows).toBe(ROWS);
    expect(a.counts.candidatePairs).toBeGreaterThan(0);
    expect(a.rules.some((r) => r.used)).toBe(true);
    expect(a.peakRssMiB).toBeGreaterThan(0);
    const aligned = alignToTruth(path.join(dir, `${noise}-a.csv`), `${file}.truth.csv`);
    const score = pairwiseScore(aligned.predicted, aligned.truth);
    const errors = errorBreakdown(aligned.predicted, rows('dedupe-bench', ROWS, 4096, noise));
    expect(errors.falsePairs.reduce((s, x) => s + x.pairs, 0)).toBe(score.falsePositives);
    expect(errors.exactMissed).toBe(0);
    expect(score.f1).toBeGreaterThanOrEqual(floor);
  }, 180_000);
});
