// The benchmark's arithmetic and reporting: percentiles, the run checks, the Markdown tables
// with their verdicts against the targets, and replacing only its own doc section.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verify } from '../../tools/bench/import-bench';
import type { Machine } from '../../tools/bench/machine';
import { gridSection, importSection, machineLines, writeSection } from '../../tools/bench/report';
import type { FormatSummary, GridResult, ImportRun } from '../../tools/bench/results';
import { max, median, percentile } from '../../tools/bench/stats';
import { tempDir } from '../support/engine';

const dir = tempDir('ds-bench-report-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const machine: Machine = { cpu: 'Test CPU', cores: 2, memoryGiB: 24, os: 'TestOS', node: 'v20', duckdb: 'v1.5.5', load: [0.1, 0.2] };
const okRun = (wall: number, rss: number): ImportRun => ({
  ok: true, wall, jobSeconds: Math.round(wall * 10) / 10, cpu: wall * 1.5, rows: 1000, columns: 14, stages: { reading: 0, loading: 0.1, saving: wall - 0.1 },
  lastRowId: 1000, sha256: 'a'.repeat(64), peakRssMiB: rss, datasetId: 'd1', compactSeconds: null,
});

describe('statistics', () => {
  it.each([
    [[5], 50, 5],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4], 95, 4],
    [Array.from({ length: 100 }, (_, i) => i + 1), 95, 95],
    [Array.from({ length: 300 }, (_, i) => 300 - i), 50, 150],
  ])('percentile(%j, %i) = %i', (values, p, want) => {
    expect(percentile(values, p)).toBe(want);
  });
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[], Number.NaN],
  ])('median(%j) = %s', (values, want) => {
    expect(median(values)).toBe(want);
  });
  it('max of nothing is NaN, not -Infinity', () => {
    expect(max([])).toBeNaN();
    expect(max([1, 9, 3])).toBe(9);
  });
});

describe('run checks', () => {
  it.each([
    ['a correct run', okRun(1, 100), true],
    ['a wrong row count', { ...okRun(1, 100), rows: 999 }, false],
    ['a renumbered last row', { ...okRun(1, 100), lastRowId: 998 }, false],
    ['another digest', { ...okRun(1, 100), sha256: 'b'.repeat(64) }, false],
  ] as [string, ImportRun, boolean][])('%s passes: %s', (_, run, pass) => {
    expect(verify(run, { rows: 1000 }, 'a'.repeat(64)).ok).toBe(pass);
  });
});

describe('import section', () => {
  const summary = (format: string, runs: ImportRun[], error: string | null = null): FormatSummary => ({
    format, file: `/x.${format}`, bytes: 150e6, rows: 1000, counts: { original: 890, exact: 75, near: 35 }, runs, error,
  });

  it.each([
    [2.5, 700, '2.50 s, ✅ met', '✅ met'],
    [4.2, 700, '4.20 s, ❌ missed', '✅ met'],
    [2.0, 1500, '2.00 s, ✅ met', '❌ missed'],
  ])('CSV at %s s and %s MiB: time %s, memory %s', (wall, rss, timeVerdict, rssVerdict) => {
    const text = importSection([summary('csv', [okRun(wall, rss), okRun(wall + 1, rss - 10), okRun(wall - 0.5, rss - 20)])], machine, '2030-01-01', 's', null);
    expect(text).toContain(timeVerdict);
    expect(text).toContain(`${Math.round(rss).toLocaleString('en-US')} MiB, ${rssVerdict}`);
    expect(text).toMatch(new RegExp(`\\| csv \\| 150\\.0 MB \\| 3 \\| ${wall.toFixed(2)} s \\|`));
    expect(text).toContain('| saving |');
    expect(text).toContain('890 customers; 75 exact (7.5 %) and 35 near duplicates (3.5 %)');
  });

  it('shows a format that could not be imported, with its reason', () => {
    const text = importSection([summary('xlsx', [{ ok: false, error: 'UNSUPPORTED: XLSX import is being built', wall: 0, stages: {}, peakRssMiB: 0 }], 'UNSUPPORTED: XLSX import is being built')], machine, 'd', 's', null);
    expect(text).toContain('| xlsx | 150.0 MB | 0 | — | — | — |');
    expect(text).toContain('not measured: UNSUPPORTED: XLSX import is being built');
  });

  it.each([
    [[0.5, 0.7], false],
    [[1.5, 0.7], true],
    [[0.2, 3.0], true],
  ] as [[number, number], boolean][])('load %j on 2 cores: busy note %s', (load, busy) => {
    expect(machineLines({ ...machine, load }, 'd', null).join(' ').includes('busy machine')).toBe(busy);
  });
});

describe('grid section', () => {
  const windows = (p95: number) => ({ count: 300, limit: 50, p50: p95 / 2, p95, max: p95 * 2 });
  it.each([
    [12, 80, ['| unsorted | 300 × 50 rows × 14 columns | 6.00 ms | 12.00 ms | 24.00 ms | ✅ met |', '| sorted view | 300 × 50 rows × 14 columns | 40.00 ms | 80.00 ms | 160.00 ms | ❌ missed |']],
  ])('p95 %s ms unsorted, %s ms sorted', (a, b, lines) => {
    const result: GridResult = { rows: 1e7, columns: 14, imported: null, unsorted: windows(a), sorted: windows(b), sortSeconds: 9.5, sortColumn: 'last_name', filterSeconds: 3, filterMatches: 1234, peakRssMiB: 900 };
    const text = gridSection({ dataset: { format: 'csv', file: '/x.csv', bytes: 1.5e9, rows: 1e7, seed: 's', noise: 'standard', truth: '/x.csv.truth.csv', generatedIn: null, counts: { original: 8_900_000, exact: 750_000, near: 350_000 } }, result, importRecord: { run: okRun(60, 800), date: '2030-01-01 10:00 UTC', load: 0.4 } }, machine, 'd', 'a note');
    for (const l of lines) expect(text).toContain(l);
    expect(text).toContain('| sort by last_name (`grid.openView`, builds the view) | 9.50 |');
    expect(text).toContain('Note: a note');
    expect(text).toContain('that import took 60.00 s (90.00 CPU-s) at peak RSS 800 MiB, measured 2030-01-01 10:00 UTC at load 0.4');
    expect(text).toContain('8,900,000 customers; 750,000 exact (7.5 %) and 350,000 near duplicates (3.5 %)');
  });
});

describe('the doc section', () => {
  it('creates the doc, then replaces only its own section', () => {
    const doc = path.join(dir, 'BENCH.md');
    writeSection(doc, 'import', 'first import');
    writeSection(doc, 'grid', 'first grid');
    fs.appendFileSync(doc, '\n## Hand-written notes\nkept\n');
    writeSection(doc, 'import', 'second import');
    const text = fs.readFileSync(doc, 'utf8');
    expect(text.startsWith('# Benchmarks')).toBe(true);
    expect(text).toContain('<!-- bench:import:begin -->\nsecond import\n<!-- bench:import:end -->');
    expect(text).not.toContain('first import');
    expect(text).toContain('first grid');
    expect(text).toContain('## Hand-written notes\nkept');
    expect(text.indexOf('bench:import')).toBeLessThan(text.indexOf('bench:grid'));
  });
});
