// The profile benchmark's child-process side: `profile-setup` imports the generated file into the
// cached workspace once (and lets its compaction finish, so every run profiles the same stored
// table); `profile` profiles it once and checks what came back.
import type { DatasetProfile } from '../../src/shared/api/profile-types';
import type { ImportRun, ProfileRun, ProfileSetup } from './results';
import { openEngine, runJob, type BenchEngine } from './client';

const rssMiB = () => process.resourceUsage().maxRSS / 1024;

async function findDataset(b: BenchEngine, file: string): Promise<string | null> {
  return (await b.call('dataset.list', {})).find((d) => d.sourcePath === file)?.id ?? null;
}

export async function profileSetup(file: string, workspace: string, importOnce: (b: BenchEngine, file: string) => Promise<ImportRun>): Promise<ProfileSetup> {
  const b = await openEngine(workspace);
  try {
    const found = await findDataset(b, file);
    if (found) return { imported: null, datasetId: found };
    const imported = await importOnce(b, file);
    if (!imported.ok) throw new Error(`import of ${file} failed: ${imported.error}`);
    return { imported, datasetId: imported.datasetId };
  } finally {
    await b.close();
  }
}

/** A profile that misses rows or columns, or has a column without its figures, is a failure. */
export function checkProfile(p: DatasetProfile, rows: number): string | null {
  const cols = Object.values(p.columns);
  if (p.rowCount !== rows) return `profiled ${p.rowCount} rows instead of ${rows}`;
  if (cols.length === 0) return 'no columns profiled';
  const bad = cols.find((c) => c.nulls + c.empty > rows || c.distinct > rows || (c.nulls < rows && c.topValues.length === 0));
  return bad ? `column ${bad.header} has inconsistent figures` : null;
}

export async function profileOnce(file: string, workspace: string): Promise<ProfileRun> {
  const b = await openEngine(workspace);
  try {
    const datasetId = await findDataset(b, file);
    if (!datasetId) throw new Error(`${file} is not in ${workspace}; run profile-setup first`);
    const rows = (await b.call('dataset.get', { datasetId })).version.rowCount;
    const run = await runJob(b, 'profile.start', { datasetId, version: 1 });
    if (run.job.state !== 'succeeded') {
      return { ok: false, error: `${run.job.error?.code ?? run.job.state}: ${run.job.error?.message ?? ''}`, wall: run.wall, stages: run.stages, peakRssMiB: rssMiB() };
    }
    const p = run.job.result as DatasetProfile;
    const problem = checkProfile(p, rows);
    if (problem) return { ok: false, error: problem, wall: run.wall, stages: run.stages, peakRssMiB: rssMiB() };
    return {
      ok: true, wall: run.wall, cpu: run.cpu, jobSeconds: p.seconds, rows: p.rowCount, columns: Object.keys(p.columns).length,
      sampleRows: p.sample.rows, stages: run.stages, peakRssMiB: rssMiB(),
    };
  } finally {
    await b.close();
  }
}
