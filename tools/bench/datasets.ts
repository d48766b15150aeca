// Benchmark inputs, generated once into .bench/ and reused: the file name carries every argument
// that shapes the data (rows, seed, generator version), and generation is atomic, so a file
// that exists is complete.
import fs from 'node:fs';
import path from 'node:path';
import { GENERATOR_VERSION, generate, type GenFormat, type GenSummary } from '../gen/generate';
import { HARD_VERSION, type NoiseProfile } from '../gen/hard';
import { planCounts } from '../gen/plan';

/** The default cache and scratch folder (git-ignored). */
export const BENCH_DIR = path.resolve('.bench');

export interface Dataset {
  format: GenFormat;
  file: string;
  bytes: number;
  rows: number;
  seed: string;
  noise: NoiseProfile;
  /** The ground truth (row_id,cluster_id) written with it. */
  truth: string;
  /** Seconds spent generating it now; null when it came from the cache. */
  generatedIn: number | null;
  /** Customers and duplicate rows (from the generator's plan, which decides them). */
  counts: GenSummary['counts'];
}

/** The standard profile's names are what they always were; the hard profile's carry its own version. */
export function datasetPath(benchDir: string, format: GenFormat, rows: number, seed: string, noise: NoiseProfile = 'standard'): string {
  const hard = noise === 'hard' ? `-hard${HARD_VERSION}` : '';
  return path.join(benchDir, 'data', `customers-${rows}-s${seed.replace(/[^\w-]/g, '_')}-g${GENERATOR_VERSION}${hard}.${format}`);
}

export async function ensureDataset(benchDir: string, format: GenFormat, rows: number, seed: string, log: (s: string) => void, noise: NoiseProfile = 'standard'): Promise<Dataset> {
  const file = datasetPath(benchDir, format, rows, seed, noise);
  let generatedIn: number | null = null;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    log(`generating ${path.relative(process.cwd(), file)} …`);
    const s = await generate({ rows, seed, out: file, format, truth: `${file}.truth.csv`, noise });
    generatedIn = s.seconds;
    log(`  ${s.rows.toLocaleString('en-US')} rows, ${(s.bytes / 1e6).toFixed(1)} MB in ${s.seconds.toFixed(1)} s`);
  }
  return { format, file, bytes: fs.statSync(file).size, rows, seed, noise, truth: `${file}.truth.csv`, generatedIn, counts: planCounts(seed, rows, noise) };
}
