// The `bench:profile` section of docs/BENCHMARKS.md: K profiles of the cached 1M-row dataset,
// median wall, CPU and peak RSS against the 2 s target, and when each stage began.
import { GENERATOR_VERSION } from '../gen/generate';
import type { Machine } from './machine';
import type { ProfileBench } from './profile-bench';
import { describeCounts, int, machineLines, mb, s2, stageTable, verdict } from './report';
import type { ProfileRun } from './results';
import { max, median } from './stats';

export const PROFILE_TARGET_SECONDS = 2;

type OkRun = Extract<ProfileRun, { ok: true }>;

export function profileSection(b: ProfileBench, m: Machine, date: string, note: string | null): string {
  const ok = b.runs.filter((r): r is OkRun => r.ok);
  const failed = b.runs.find((r) => !r.ok);
  const d = b.dataset;
  const head = [
    '## Profile',
    '',
    ...machineLines(m, date, note),
    '',
    `Data: ${int(d.rows)} generated customer records × 14 columns (${mb(d.bytes)} CSV, \`npm run gen -- --rows ${d.rows} --seed ${d.seed}\`, generator v${GENERATOR_VERSION}${describeCounts(d.counts, d.rows)}), ` +
      'imported once into a cached workspace and compacted, as the app leaves it; every column is stored as text, so numbers and dates are cast from it. ' +
      'Each run is a fresh child process profiling version 1 through the in-process API (`profile.start`, the code path of the app and the CLI): ' +
      '*wall* runs from the call to the job\'s final event, *CPU* is the whole process\'s CPU time meanwhile (all DuckDB threads). ' +
      `Every run is checked: the row count, all 14 columns, and figures consistent with it. Target (issue 3): under ${PROFILE_TARGET_SECONDS} s on this 2-core machine.`,
    '',
  ];
  if (ok.length === 0) return [...head, `Not measured: ${(failed && !failed.ok ? failed.error : 'no run').split('\n')[0]}`].join('\n');
  const wall = median(ok.map((r) => r.wall));
  return [
    ...head,
    '| runs | wall, median | wall, best | CPU, median | rows/s | sample | peak RSS, median | peak RSS, max | target |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    `| ${ok.length} | ${s2(wall)} s | ${s2(Math.min(...ok.map((r) => r.wall)))} s | ${s2(median(ok.map((r) => r.cpu)))} s | ${int(d.rows / wall)} | ${int(ok[0]!.sampleRows)} rows | ` +
      `${int(median(ok.map((r) => r.peakRssMiB)))} MiB | ${int(max(ok.map((r) => r.peakRssMiB)))} MiB | under ${PROFILE_TARGET_SECONDS} s: ${s2(wall)} s, ${verdict(wall < PROFILE_TARGET_SECONDS)} |`,
    ...(failed && !failed.ok ? ['', `A later run failed: ${failed.error.split('\n')[0]}`] : []),
    '',
    'Where a profile spends its time (job stages, from the job\'s progress events):',
    '',
    ...stageTable(ok),
  ].join('\n');
}
