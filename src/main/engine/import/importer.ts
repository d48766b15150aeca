// Import as a job: probe → load into a staging table (digest computed alongside) → column facts
// → one transaction that renames the stage into place, registers the dataset and logs it.
// Anything that fails or is cancelled drops the stage and its temp files: nothing is left behind.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/result';
import type { ColumnInfo, ImportOptions, ImportPreview, ImportResult, SourceFormat } from '../../../shared/api/types';
import { num } from '../db/database';
import { ident, table } from '../db/sql';
import type { JobContext } from '../jobs/jobs';
import { appendEvent } from '../workspace/event-log';
import type { Workspace } from '../workspace/workspace';
import { nextDatasetId, registerDataset } from '../datasets/catalog';
import { analyseColumns } from './column-stats';
import { csvLoader } from './csv';
import { sha256File } from './digest';
import { jsonLoader, jsonlLoader } from './json';
import type { Loader } from './loader';
import { parquetLoader } from './parquet';
import { probeFile, type Probe } from './probe';
import { xlsxLoader } from './xlsx';

const LOADERS: Record<SourceFormat, Loader> = {
  csv: csvLoader,
  json: jsonLoader,
  jsonl: jsonlLoader,
  parquet: parquetLoader,
  xlsx: xlsxLoader,
};

function checkPath(p: string): string {
  if (!path.isAbsolute(p)) throw new AppError('INVALID_ARGUMENT', `${p}: give an absolute path.`, { file: p });
  return path.normalize(p);
}

export async function previewImport(ws: Workspace, file: string, options: ImportOptions): Promise<ImportPreview> {
  const probe = probeFile(checkPath(file), options.format);
  return LOADERS[probe.format].preview(ws, probe, options);
}

/** The file must still be there, unchanged, when the load has finished. */
function checkUnchanged(probe: Probe): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(probe.path);
  } catch {
    throw new AppError('FILE_UNREADABLE', `${probe.path} disappeared while it was being imported; nothing was imported.`, { file: probe.path });
  }
  if (st.size !== probe.size || st.mtimeMs !== probe.modifiedMs) {
    throw new AppError('FILE_UNREADABLE', `${probe.path} changed while it was being imported (size ${probe.size} → ${st.size} bytes, modified ${st.mtime.toISOString()}); nothing was imported. Try again once it is complete.`, {
      file: probe.path,
    });
  }
}

/**
 * From this source size a CSV loads uncompressed (DuckDB's compression analysis would double the
 * load time) and a background job compresses it once the dataset is usable; below it the table is
 * compressed as it loads, which costs milliseconds and spares a job that waits for quiet first.
 */
export const LOAD_UNCOMPRESSED_FROM_BYTES = 8 * 1024 * 1024;

export async function runImport(
  ws: Workspace,
  job: JobContext,
  file: string,
  options: ImportOptions,
  actor: string,
  /** Called once the dataset is committed, when its table should be compacted in the background. */
  compactLater?: (datasetId: string, version: number) => void,
  /** Sources from this size on load uncompressed and are compacted later (with compactLater only). */
  uncompressedFromBytes = LOAD_UNCOMPRESSED_FROM_BYTES,
): Promise<ImportResult> {
  const started = Date.now();
  const probe = probeFile(checkPath(file), options.format);
  const loader = LOADERS[probe.format];
  const stage = table.stage(job.id);
  let fraction = 0;
  let hashed = 0;
  const report = () => job.progress({ done: Math.round(Math.min(fraction, hashed / probe.size) * probe.size), total: probe.size, unit: 'bytes' });
  job.progress({ stage: 'reading', done: 0, total: probe.size, unit: 'bytes' });

  return ws.db.with(async (conn) => {
    const tempFiles = () => fs.readdirSync(ws.tmpDir).filter((f) => f.startsWith(`${job.id}-`));
    try {
      // The digest is computed alongside the load unless the loader reads the bytes itself.
      const digest = sha256File(probe.path, (b) => ((hashed = b), report()), job.signal);
      digest.catch(() => undefined);
      const out = await loader.load({
        ws, conn, job, probe, options, stage,
        loadUncompressed: compactLater !== undefined && probe.size >= uncompressedFromBytes,
        progress: (f, stageName) => {
          fraction = f;
          if (stageName) job.progress({ stage: stageName });
          report();
        },
      });
      job.throwIfCancelled();
      job.progress({ stage: 'verifying the source digest' });
      const sha256 = out.sha256 ?? (await digest);
      if (out.sha256) await digest.catch(() => undefined);
      checkUnchanged(probe);

      job.progress({ stage: 'analysing columns' });
      const facts = await analyseColumns(conn, { name: stage }, out.columns.map((c) => c.id));
      const rowCount = num((await conn.runAndReadAll(`SELECT count(*) AS n FROM ${ident(stage)}`)).getRowObjects()[0]?.n);
      const columns: ColumnInfo[] = out.columns.map((c, i) => {
        const f = facts.get(c.id);
        return {
          id: c.id,
          header: c.header,
          position: i,
          logicalType: f?.logicalType ?? 'text',
          storageType: f?.storageType ?? 'VARCHAR',
          nullCount: f?.nullCount ?? 0,
          ...(c.path ? { path: c.path } : {}),
        };
      });
      job.throwIfCancelled();
      job.progress({ stage: 'saving', rows: rowCount });

      const name = options.name ?? probe.fileName;
      const datasetId = await ws.exclusive(async () => {
        await conn.run('BEGIN TRANSACTION');
        try {
          const id = await nextDatasetId(conn);
          const dataTable = table.data(id, 1);
          await conn.run(`ALTER TABLE ${ident(stage)} RENAME TO ${ident(dataTable)}`);
          await registerDataset(conn, {
            datasetId: id, name, format: probe.format, sourcePath: probe.path, sourceSize: probe.size, sourceSha256: sha256,
            sourceModifiedAt: probe.modifiedAt, importOptions: out.options, warnings: out.warnings, actor, dataTable, rowCount, columns,
            compacted: !out.uncompressed,
          });
          await appendEvent(conn, {
            action: 'dataset.imported',
            actor,
            subject: { dataset: id, version: '1' },
            details: { source: probe.path, sha256, size: probe.size, format: probe.format, rows: rowCount, columns: columns.length, options: out.options, warnings: out.warnings.map((w) => w.code) },
          });
          job.throwIfCancelled();
          await conn.run('COMMIT');
          return id;
        } catch (err) {
          await conn.run('ROLLBACK').catch(() => undefined);
          throw err;
        }
      });
      if (out.uncompressed) compactLater?.(datasetId, 1);
      return {
        datasetId, version: 1, rowCount, columns, warnings: out.warnings, sourceSha256: sha256,
        seconds: Math.round((Date.now() - started) / 100) / 10,
      };
    } catch (err) {
      await conn.run(`DROP TABLE IF EXISTS ${ident(stage)}`).catch(() => undefined);
      // A source deleted before a reader opened it fails that reader with its own wording
      // (DuckDB: "No files found"); say what happened instead. Cancelling still wins.
      if (!(err instanceof AppError && err.code === 'CANCELLED') && !job.signal.aborted && !fs.existsSync(probe.path)) {
        throw new AppError('FILE_UNREADABLE', `${probe.path} disappeared while it was being imported; nothing was imported.`, { file: probe.path });
      }
      throw translateDuckdbError(err, probe);
    } finally {
      for (const t of [`${stage}_rejects`, `${stage}_rejects_scan`]) await conn.run(`DROP TABLE IF EXISTS ${ident(t)}`).catch(() => undefined);
      for (const f of tempFiles()) fs.rmSync(path.join(ws.tmpDir, f), { force: true });
    }
  });
}

/** DuckDB's own messages name the problem but not always the file; make them ours. */
function translateDuckdbError(err: unknown, probe: Probe): unknown {
  if (err instanceof AppError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  const line = /line[: ]+(\d+)/i.exec(msg);
  const firstLine = msg.split('\n')[0] ?? msg;
  return new AppError('BAD_FILE', `${probe.path}: ${firstLine}`, { file: probe.path, ...(line ? { line: Number(line[1]) } : {}) });
}
