// `npm run bench -- import|grid|profile|clean|pii|dedupe|all [--rows N] [--runs K] [--formats …]
// [--sizes …]`: measures import, the grid, the profile, cleaning, PII detection and duplicate
// detection through the real engine, prints the figures and writes them into docs/BENCHMARKS.md.
import { Command, InvalidArgumentError, Option } from 'commander';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GEN_FORMATS, type GenFormat } from '../gen/generate';
import { NOISE_PROFILES, type NoiseProfile } from '../gen/hard';
import { BENCH_DIR } from './datasets';
import { benchClean, cleanSection } from './clean-bench';
import { benchDedupe } from './dedupe-bench';
import { dedupeSection } from './dedupe-report';
import { benchGrid } from './grid-bench';
import { benchImport } from './import-bench';
import { describeMachine } from './machine';
import { benchPiiSpeed, piiSpeedSection } from './pii-speed';
import { benchProfile } from './profile-bench';
import { benchPiiAccuracy } from './pii-accuracy';
import { profileSection } from './profile-report';
import { gridSection, importSection, writeSection } from './report';

const whole = (min: number) => (v: string) => {
  const n = Number(v.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`expected a whole number ≥ ${min}`);
  return n;
};
const formats = (v: string): GenFormat[] => {
  const list = v.split(',').map((f) => f.trim()).filter(Boolean);
  const bad = list.filter((f) => !(GEN_FORMATS as readonly string[]).includes(f));
  if (bad.length > 0 || list.length === 0) throw new InvalidArgumentError(`unknown format ${bad.join(', ')}; use ${GEN_FORMATS.join(', ')}`);
  return list as GenFormat[];
};

const sizes = (v: string): number[] => {
  const list = v.split(',').map((x) => whole(2)(x.trim()));
  if (list.length === 0) throw new InvalidArgumentError('expected sizes such as 10000,100000');
  return list;
};
const noises = (v: string): NoiseProfile[] => {
  const list = v.split(',').map((x) => x.trim());
  const bad = list.filter((x) => !(NOISE_PROFILES as readonly string[]).includes(x));
  if (bad.length > 0 || list.length === 0) throw new InvalidArgumentError(`unknown profile ${bad.join(', ')}; use ${NOISE_PROFILES.join(', ')}`);
  return list as NoiseProfile[];
};

interface Opts {
  rows: number;
  runs: number;
  formats: GenFormat[];
  seed: string;
  gridRows: number;
  piiRows: number;
  windows: number;
  sizes: number[];
  noise: NoiseProfile[];
  doc: string | false;
  note?: string;
}

const program = new Command('bench')
  .description('Benchmarks import (per format), the data grid, the column profile, cleaning, PII and duplicate detection through the real engine.')
  .addOption(new Option('--rows <n>', 'rows of the import datasets').default(1_000_000).argParser(whole(1)))
  .addOption(new Option('--runs <k>', 'import runs per format, and profile runs, each in a fresh process').default(5).argParser(whole(1)))
  .addOption(new Option('--formats <list>', 'import formats').default(['csv', 'jsonl', 'json', 'parquet', 'xlsx']).argParser(formats))
  .option('--seed <seed>', 'generator seed', 'bench')
  .addOption(new Option('--grid-rows <n>', 'rows of the grid dataset').default(10_000_000).argParser(whole(100)))
  .addOption(new Option('--pii-rows <n>', 'rows of the labelled PII table (accuracy)').default(20_000).argParser(whole(1)))
  .addOption(new Option('--windows <n>', 'grid windows per measurement').default(300).argParser(whole(1)))
  .addOption(new Option('--sizes <list>', 'dedupe: rows of each generated dataset').default([10_000, 100_000, 1_000_000]).argParser(sizes))
  .addOption(new Option('--noise <list>', 'dedupe: generator noise profiles').default(['standard', 'hard']).argParser(noises))
  .option('--doc <file>', 'Markdown file to write the figures into', 'docs/BENCHMARKS.md')
  .option('--no-doc', 'print the figures only')
  .option('--note <text>', 'a note to print with the figures')
  .argument('<suite>', 'import | grid | profile | clean | pii | dedupe | all')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .action(async (suite: string, o: Opts) => {
    if (!['import', 'grid', 'profile', 'clean', 'pii', 'dedupe', 'all'].includes(suite)) throw new InvalidArgumentError(`unknown suite ${suite}; use import, grid, profile, clean, pii, dedupe or all`);
    const log = (s: string) => console.error(s);
    /** When a suite starts and how busy the machine was then. */
    const start = () => ({ load: os.loadavg()[0] ?? 0, date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC` });
    const note = o.note ?? null;
    fs.mkdirSync(path.join(BENCH_DIR, 'results'), { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    if (suite === 'import' || suite === 'all') {
      const { load, date } = start();
      const results = await benchImport({ dir: BENCH_DIR, rows: o.rows, runs: o.runs, formats: o.formats, seed: o.seed, log });
      const machine = await describeMachine(load);
      const section = importSection(results, machine, date, o.seed, note);
      fs.writeFileSync(path.join(BENCH_DIR, 'results', `import-${stamp}.json`), JSON.stringify({ machine, date, results }, null, 2));
      console.log(`\n${section}\n`);
      if (o.doc) writeSection(o.doc, 'import', section);
    }
    if (suite === 'grid' || suite === 'all') {
      const { load, date } = start();
      const grid = await benchGrid({ dir: BENCH_DIR, rows: o.gridRows, seed: o.seed, windows: o.windows, log });
      const machine = await describeMachine(load);
      const section = gridSection(grid, machine, date, note);
      fs.writeFileSync(path.join(BENCH_DIR, 'results', `grid-${stamp}.json`), JSON.stringify({ machine, date, grid }, null, 2));
      console.log(`\n${section}\n`);
      if (o.doc) writeSection(o.doc, 'grid', section);
    }
    if (suite === 'profile' || suite === 'all') {
      const { load, date } = start();
      const profile = await benchProfile({ dir: BENCH_DIR, rows: o.rows, runs: o.runs, seed: o.seed, log });
      const machine = await describeMachine(load);
      const section = profileSection(profile, machine, date, note);
      fs.writeFileSync(path.join(BENCH_DIR, 'results', `profile-${stamp}.json`), JSON.stringify({ machine, date, profile }, null, 2));
      console.log(`\n${section}\n`);
      if (o.doc) writeSection(o.doc, 'profile', section);
    }
    if (suite === 'clean' || suite === 'all') {
      const { load, date } = start();
      const clean = await benchClean({ dir: BENCH_DIR, rows: o.rows, runs: o.runs, seed: o.seed, log });
      const machine = await describeMachine(load);
      const section = cleanSection(clean, machine, date, note);
      fs.writeFileSync(path.join(BENCH_DIR, 'results', `clean-${stamp}.json`), JSON.stringify({ machine, date, clean }, null, 2));
      console.log(`\n${section}\n`);
      if (o.doc) writeSection(o.doc, 'clean', section);
    }
    if (suite === 'pii' || suite === 'all') {
      await benchPiiAccuracy({ rows: o.piiRows, seed: o.seed, doc: o.doc, note, stamp, log });
      const { load, date } = start();
      const pii = await benchPiiSpeed({ dir: BENCH_DIR, rows: o.rows, runs: o.runs, seed: o.seed, log });
      const machine = await describeMachine(load);
      const section = piiSpeedSection(pii, machine, date, note);
      fs.writeFileSync(path.join(BENCH_DIR, 'results', `pii-speed-${stamp}.json`), JSON.stringify({ machine, date, pii }, null, 2));
      console.log(`\n${section}\n`);
      if (o.doc) writeSection(o.doc, 'pii-speed', section);
    }
    if (suite === 'dedupe' || suite === 'all') {
      const { load, date } = start();
      const dedupe = await benchDedupe({ dir: BENCH_DIR, sizes: o.sizes, runs: o.runs, seed: o.seed, noises: o.noise, log });
      const machine = await describeMachine(load);
      const section = dedupeSection(dedupe, machine, date, note);
      fs.writeFileSync(path.join(BENCH_DIR, 'results', `dedupe-${stamp}.json`), JSON.stringify({ machine, date, dedupe }, null, 2));
      console.log(`\n${section}\n`);
      if (o.doc) writeSection(o.doc, 'dedupe', section);
    }
  });

try {
  await program.parseAsync();
} catch (err) {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(err instanceof InvalidArgumentError ? 2 : 1);
}
