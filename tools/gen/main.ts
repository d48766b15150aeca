// `npm run gen -- --rows N --seed S --out F [--format …] [--truth T]`: the dirty-data generator's CLI.
import { Command, InvalidArgumentError } from 'commander';
import { AppError } from '../../src/shared/api/result';
import { GEN_FORMATS, MAX_ROWS, generate, type GenFormat } from './generate';
import { NOISE_PROFILES, type NoiseProfile } from './hard';

function rowCount(v: string): number {
  const n = Number(v.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_ROWS) throw new InvalidArgumentError(`expected a whole number from 1 to ${MAX_ROWS}`);
  return n;
}

function format(v: string): GenFormat {
  if (!(GEN_FORMATS as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of ${GEN_FORMATS.join(', ')}`);
  return v as GenFormat;
}

/** Prints the row count now and then on one line of stderr. */
function progress(): (rows: number) => void {
  let shown = 0;
  return (rows) => {
    if (rows - shown < 250_000) return;
    shown = rows;
    process.stderr.write(`\r${rows.toLocaleString('en-US')} rows`);
  };
}

const program = new Command('gen')
  .description('Writes deterministic, dirty, customer-like records and a ground truth of duplicate clusters.')
  .requiredOption('--rows <n>', 'number of records', rowCount)
  .requiredOption('--out <file>', 'output file (replaced atomically)')
  .option('--seed <seed>', 'any text; the same seed and rows give byte-identical files', '1')
  .option('--format <format>', `${GEN_FORMATS.join(' | ')} (default: from the extension, else csv)`, format)
  .option('--noise <profile>', 'standard | hard (two to five edits per near duplicate, several fields at once, look-alike non-duplicates)', (v) => {
    if (!(NOISE_PROFILES as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of ${NOISE_PROFILES.join(', ')}`);
    return v as NoiseProfile;
  })
  .option('--truth <file>', 'ground-truth CSV row_id,cluster_id (default: <out>.truth.csv)')
  .option('--workers <n>', 'formatting threads (default: one per core for 50,000 rows or more; 0: none)', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 64) throw new InvalidArgumentError('expected a whole number from 0 to 64');
    return n;
  })
  .option('--quiet', 'print nothing but errors')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

program.parse();
const o = program.opts<{ rows: number; out: string; seed: string; format?: GenFormat; noise?: NoiseProfile; truth?: string; workers?: number; quiet?: boolean }>();

try {
  const s = await generate({
    rows: o.rows, seed: o.seed, out: o.out, ...(o.format ? { format: o.format } : {}), ...(o.noise ? { noise: o.noise } : {}), ...(o.truth ? { truth: o.truth } : {}),
    ...(o.workers !== undefined ? { workers: o.workers } : {}),
    ...(o.quiet || !process.stderr.isTTY ? {} : { onProgress: progress() }),
  });
  if (!o.quiet) {
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    console.log(
      `${s.file}: ${s.rows} rows (${s.counts.original} customers, ${s.counts.exact} exact and ${s.counts.near} near duplicates), ` +
        `${(s.bytes / 1e6).toFixed(1)} MB ${s.format} in ${s.seconds.toFixed(1)} s; truth: ${s.truth}`,
    );
  }
} catch (err) {
  const code = err instanceof AppError && err.code !== 'INTERNAL' ? 2 : 1;
  console.error(`gen: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(code);
}
