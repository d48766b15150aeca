// The generator as a function (the CLI, the benchmark and the tests call it): plans the rows,
// has worker threads format them, streams them into the chosen format in order, and writes the
// ground truth alongside — both atomically, nothing held in memory beyond a few chunks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../src/shared/api/result';
import { FileWriter } from './file-writer';
import type { NoiseProfile } from './hard';
import { Materializer, RowPlan, type PlanChunk, type RowKind } from './plan';
import { FormatPool } from './pool';
import { parquetSink } from './sinks/parquet';
import type { Sink } from './sinks/sink';
import { textSink } from './sinks/text';
import { xlsxSink } from './sinks/xlsx';
import { chunkText } from './text';

export const GEN_FORMATS = ['csv', 'tsv', 'jsonl', 'json', 'parquet', 'xlsx'] as const;
export type GenFormat = (typeof GEN_FORMATS)[number];
/** Bump when the output for a given seed changes, so cached benchmark data is regenerated. */
export const GENERATOR_VERSION = 1;
export const MAX_ROWS = 1_000_000_000;
const CHUNK_ROWS = 8192;
/** Below this, starting worker threads costs more than it saves. */
const WORKERS_FROM_ROWS = 50_000;

export interface GenOptions {
  rows: number;
  seed: string;
  out: string;
  format?: GenFormat;
  /** Defaults to `<out>.truth.csv`. */
  truth?: string;
  /** Formatting threads; 0 formats in this thread. Default: one per core for large outputs. The output never depends on it. */
  workers?: number;
  /** `hard`: the second labelled set (tools/gen/hard.ts); `standard` (the default) is what the benchmarks have always used. */
  noise?: NoiseProfile;
  /** Parquet conversion threads (the output does not depend on it either). */
  threads?: number;
  onProgress?: (rows: number) => void;
}

export interface GenSummary {
  file: string;
  truth: string;
  format: GenFormat;
  noise: NoiseProfile;
  rows: number;
  bytes: number;
  clusters: number;
  counts: Record<RowKind, number>;
  seconds: number;
}

export function formatFromPath(file: string): GenFormat {
  const ext = path.extname(file).slice(1).toLowerCase();
  return (GEN_FORMATS as readonly string[]).includes(ext) ? (ext as GenFormat) : 'csv';
}

function openSink(format: GenFormat, file: string, rows: number, threads?: number): Sink {
  if (format === 'parquet') return parquetSink(file, threads);
  if (format === 'xlsx') return xlsxSink(file, rows);
  return textSink(file, format);
}

function checkOptions(o: GenOptions, out: string, truth: string): void {
  if (!Number.isSafeInteger(o.rows) || o.rows < 1 || o.rows > MAX_ROWS) {
    throw new AppError('INVALID_ARGUMENT', `--rows must be a whole number from 1 to ${MAX_ROWS}; got ${o.rows}.`);
  }
  if (truth === out) throw new AppError('INVALID_ARGUMENT', `The truth file cannot be the output file (${out}).`);
  for (const folder of new Set([path.dirname(out), path.dirname(truth)])) {
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
      throw new AppError('NOT_FOUND', `${folder}: the output folder does not exist; create it first.`, { file: folder });
    }
  }
}

function truthText(c: PlanChunk, counts: Record<RowKind, number>): string {
  let s = '';
  for (let i = 0; i < c.kind.length; i++) {
    s += `${c.firstRowId + i},${c.entity[i]! + 1}\n`;
    counts[c.kind[i] === 0 ? 'original' : c.kind[i] === 1 ? 'exact' : 'near']++;
  }
  return s;
}

export async function generate(o: GenOptions): Promise<GenSummary> {
  const started = performance.now();
  const out = path.resolve(o.out);
  const format = o.format ?? formatFromPath(out);
  const truthPath = path.resolve(o.truth ?? `${out}.truth.csv`);
  checkOptions(o, out, truthPath);
  const sink = openSink(format, out, o.rows, o.threads);
  const truth = new FileWriter(truthPath);
  const noise = o.noise ?? 'standard';
  const plan = new RowPlan(o.seed, noise);
  const m = new Materializer(o.seed, noise);
  const workers = sink.kind === 'rows' ? 0 : (o.workers ?? (o.rows >= WORKERS_FROM_ROWS ? os.availableParallelism() : 0));
  const pool = workers > 0 ? new FormatPool(workers, o.seed, noise) : null;
  const inFlight: Promise<string>[] = [];
  const counts: Record<RowKind, number> = { original: 0, exact: 0, near: 0 };
  try {
    truth.write('row_id,cluster_id\n');
    for (let done = 0; done < o.rows; ) {
      const n = Math.min(CHUNK_ROWS, o.rows - done);
      const c = plan.chunk(n);
      truth.write(truthText(c, counts));
      if (sink.kind === 'rows') {
        for (let i = 0; i < n; i++) await sink.row(m.row(c, i));
      } else if (pool) {
        const p = pool.format(sink.format, c);
        p.catch(() => undefined);
        inFlight.push(p);
        if (inFlight.length >= 2 * pool.size) sink.chunk(await inFlight.shift()!);
      } else {
        sink.chunk(chunkText(sink.format, m, c));
      }
      done += n;
      o.onProgress?.(done);
    }
    if (sink.kind === 'text') for (const p of inFlight.splice(0)) sink.chunk(await p);
    const bytes = await sink.finish();
    truth.commit();
    return {
      file: out, truth: truthPath, format, noise, rows: o.rows, bytes, clusters: counts.original, counts,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (err) {
    await sink.abort().catch(() => undefined);
    truth.abort();
    throw err;
  } finally {
    await pool?.close();
  }
}
