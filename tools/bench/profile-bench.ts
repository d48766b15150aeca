// `bench profile`: the generated CSV imported once into a cached workspace (compacted, as the app
// leaves it), then K profiles of it, each in a fresh child process: wall, CPU and peak RSS.
import fs from 'node:fs';
import path from 'node:path';
import { ensureDataset, type Dataset } from './datasets';
import type { ProfileRun, ProfileSetup } from './results';
import { runChild } from './spawn';

export interface ProfileBenchOptions {
  dir: string;
  rows: number;
  runs: number;
  seed: string;
  log: (s: string) => void;
}

export interface ProfileBench {
  dataset: Dataset;
  setup: ProfileSetup;
  runs: ProfileRun[];
}

export async function benchProfile(o: ProfileBenchOptions): Promise<ProfileBench> {
  const dataset = await ensureDataset(o.dir, 'csv', o.rows, o.seed, o.log);
  const dir = path.join(o.dir, `profile-${path.basename(dataset.file)}`);
  const workspace = path.join(dir, 'workspace');
  const args = ['--file', dataset.file, '--workspace', workspace];
  fs.mkdirSync(dir, { recursive: true });
  let setup: ProfileSetup;
  try {
    setup = await runChild<ProfileSetup>(['profile-setup', ...args]);
  } catch (err) {
    // A workspace from an older build of the app may not open: build it again, once.
    o.log(`the cached profile workspace did not work (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); rebuilding it`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    setup = await runChild<ProfileSetup>(['profile-setup', ...args]);
  }
  if (setup.imported?.ok) o.log(`imported ${dataset.rows.toLocaleString('en-US')} rows into the cached profile workspace in ${setup.imported.wall.toFixed(2)} s`);
  const runs: ProfileRun[] = [];
  for (let n = 1; n <= o.runs; n++) {
    const run = await runChild<ProfileRun>(['profile', ...args]).catch(
      (err: unknown): ProfileRun => ({ ok: false, error: err instanceof Error ? err.message : String(err), wall: 0, stages: {}, peakRssMiB: 0 }),
    );
    runs.push(run);
    o.log(
      run.ok
        ? `profile run ${n}/${o.runs}: ${run.wall.toFixed(2)} s (${run.cpu.toFixed(2)} CPU-s), peak RSS ${run.peakRssMiB.toFixed(0)} MiB`
        : `profile run ${n}/${o.runs}: failed: ${run.error.split('\n')[0]}`,
    );
    if (!run.ok) break;
  }
  return { dataset, setup, runs };
}
