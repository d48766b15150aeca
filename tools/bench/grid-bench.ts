// `bench grid`: a large generated CSV imported once into a cached workspace (the import is timed
// and kept), then grid windows at random positions, unsorted and through a sorted view, and the
// sort and filter jobs — all in one child process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDataset, type Dataset } from './datasets';
import type { GridResult, ImportRun } from './results';
import { runChild } from './spawn';

export interface GridBenchOptions {
  /** Cache of generated inputs and the grid workspace. */
  dir: string;
  rows: number;
  seed: string;
  windows: number;
  log: (s: string) => void;
}

/** The import that built the cached workspace, with when and how busy the machine was. */
export interface ImportRecord {
  run: ImportRun;
  date: string;
  load: number;
}

export interface GridBench {
  dataset: Dataset;
  result: GridResult;
  /** This run's import, or the one recorded when the cached workspace was built. */
  importRecord: ImportRecord | null;
}

function readRecord(file: string): ImportRecord | null {
  if (!fs.existsSync(file)) return null;
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ImportRecord>;
  return r.run && typeof r.date === 'string' && typeof r.load === 'number' ? (r as ImportRecord) : null;
}

export async function benchGrid(o: GridBenchOptions): Promise<GridBench> {
  const dataset = await ensureDataset(o.dir, 'csv', o.rows, o.seed, o.log);
  const dir = path.join(o.dir, `grid-${path.basename(dataset.file)}`);
  const record = path.join(dir, 'import.json');
  const args = ['grid', '--file', dataset.file, '--workspace', path.join(dir, 'workspace'), '--windows', String(o.windows), '--seed', o.seed];
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(record)) {
    // No record of a finished import: whatever is there is stale.
    fs.rmSync(path.join(dir, 'workspace'), { recursive: true, force: true });
    o.log(`importing ${dataset.rows.toLocaleString('en-US')} rows into the cached grid workspace (once) …`);
  }
  let result: GridResult;
  try {
    result = await runChild<GridResult>(args);
  } catch (err) {
    // A workspace from an older build of the app may not open: build it again, once.
    o.log(`the cached grid workspace did not work (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); rebuilding it`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    result = await runChild<GridResult>(args);
  }
  if (result.imported) {
    const built: ImportRecord = { run: result.imported, date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`, load: os.loadavg()[0] ?? 0 };
    fs.writeFileSync(record, JSON.stringify(built));
  }
  return { dataset, result, importRecord: readRecord(record) };
}
