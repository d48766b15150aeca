// The data parts of a bundle, each written into the bundle's temp folder: the run's provenance
// ledger and its input's PII findings as Parquet (never raw personal data: de-identified cells carry
// a keyed digest and a masked preview, findings only a masked preview), the cleaned data as CSV, and
// the audit log from entry 1 up to a signed head checkpoint (the trust replay needs the whole prefix).
import fs from 'node:fs';
import path from 'node:path';
import type { RunResult } from '../../../shared/api/clean-types';
import type { AuditEntry, Checkpoint } from '../../../shared/api/governance-types';
import { BUNDLE_COLUMNS } from '../../../shared/api/bundle-types';
import { AppError } from '../../../shared/api/result';
import { readAllEntries } from '../audit/entries';
import { ChainVerifier } from '../audit/verify';
import { getColumns, getDataset, versionTable } from '../datasets/catalog';
import { num } from '../db/database';
import { ident, literal, table } from '../db/sql';
import { runTracked } from '../db/tracked';
import { csvWriter } from '../export/csv-writer';
import type { JobContext } from '../jobs/jobs';
import { findingsPage } from '../pii/dataset/store';
import type { Workspace } from '../workspace/workspace';

const FINDINGS_PAGE = 5000;

/** Runs `work` with scratch tables named after the job, dropped afterwards whatever happens. */
async function withStages<T>(ws: Workspace, job: JobContext, names: string[], work: (stages: string[]) => Promise<T>): Promise<T> {
  const stages = names.map((n) => `${table.stage(job.id)}_${n}`);
  try {
    return await work(stages);
  } finally {
    for (const s of stages) await ws.db.run(`DROP TABLE IF EXISTS ${ident(s)}`).catch(() => undefined);
  }
}

/** Every header a run's ledger can name: the output's columns, and the input's (dropped ones too). */
async function headersOf(ws: Workspace, run: RunResult): Promise<Map<string, string>> {
  const headers = new Map<string, string>();
  for (const c of await getColumns(ws.db, run.datasetId, run.inputVersion)) headers.set(c.id, c.header);
  if (run.outputVersion !== null) for (const c of await getColumns(ws.db, run.datasetId, run.outputVersion)) headers.set(c.id, c.header);
  return headers;
}

async function headerTable(ws: Workspace, name: string, headers: Map<string, string>): Promise<void> {
  await ws.db.with(async (c) => {
    await c.run(`CREATE TABLE ${ident(name)} (col_id VARCHAR, header VARCHAR)`);
    const a = await c.createAppender(name);
    for (const [id, h] of headers) {
      a.appendVarchar(id);
      a.appendVarchar(h);
      a.endRow();
    }
    a.closeSync();
  });
}

async function copyParquet(ws: Workspace, job: JobContext, stage: string, file: string): Promise<void> {
  await ws.db.with((c) => runTracked(c, job, `COPY ${ident(stage)} TO ${literal(file)} (FORMAT parquet, COMPRESSION zstd)`));
}

/** The run's ledger (BUNDLE_COLUMNS.provenance) in row, step and column order. Returns its row count. */
export async function writeProvenance(ws: Workspace, job: JobContext, run: RunResult, file: string): Promise<number> {
  const version = run.outputVersion as number;
  return withStages(ws, job, ['ph', 'prov'], async ([h, stage]) => {
    await headerTable(ws, h as string, await headersOf(ws, run));
    const [rowId, kind, column, before, after, stepId, step, confidence, digest, preview] = BUNDLE_COLUMNS.provenance.map(ident);
    await ws.db.run(
      `CREATE TABLE ${ident(stage as string)} AS SELECT l.row_id AS ${rowId}, l.kind AS ${kind}, h.header AS ${column}, l."before" AS ${before}, l."after" AS ${after},
         l.step_id AS ${stepId}, l.step_type AS ${step}, l.confidence AS ${confidence}, l.before_digest AS ${digest}, l.before_preview AS ${preview}
       FROM ${table.change} l LEFT JOIN ${ident(h as string)} h USING (col_id) WHERE l.dataset_id = $ds AND l.version = $v ORDER BY l.row_id, l.step_index, l.col_id`,
      { ds: run.datasetId, v: version },
    );
    job.throwIfCancelled();
    await copyParquet(ws, job, stage as string, file);
    return num((await ws.db.one(`SELECT count(*) AS n FROM ${ident(stage as string)}`))?.n);
  });
}

/**
 * The input version's PII findings (BUNDLE_COLUMNS.findings), each with its masked preview and
 * decision — never the found text or the cell. No scan: an empty file with the same columns.
 */
export async function writeFindings(ws: Workspace, job: JobContext, run: RunResult, file: string): Promise<number> {
  const headers = await headersOf(ws, run);
  return withStages(ws, job, ['find'], async ([stage]) => {
    const name = stage as string;
    const [rowId, column, entity, start, end, confidence, recogniser, preview, decision] = BUNDLE_COLUMNS.findings.map(ident);
    await ws.db.run(`CREATE TABLE ${ident(name)} (${rowId} BIGINT, ${column} VARCHAR, ${entity} VARCHAR, ${start} INTEGER, ${end} INTEGER,
      ${confidence} DOUBLE, ${recogniser} VARCHAR, ${preview} VARCHAR, ${decision} VARCHAR)`);
    const scanned = await ws.db.one(`SELECT 1 AS x FROM ${table.piiScan} WHERE dataset_id = $ds AND version = $v`, { ds: run.datasetId, v: run.inputVersion });
    let n = 0;
    if (scanned) {
      for (let offset = 0; ; offset += FINDINGS_PAGE) {
        job.throwIfCancelled();
        const page = await findingsPage(ws.db, run.datasetId, run.inputVersion, offset, FINDINGS_PAGE, {});
        await ws.db.with(async (c) => {
          const a = await c.createAppender(name);
          for (const f of page.rows) {
            a.appendBigInt(BigInt(f.rowId));
            a.appendVarchar(headers.get(f.columnId) ?? f.columnId);
            a.appendVarchar(f.entity);
            a.appendInteger(f.start);
            a.appendInteger(f.end);
            a.appendDouble(f.confidence);
            a.appendVarchar(f.recogniser);
            a.appendVarchar(f.preview);
            if (f.decision === null) a.appendNull();
            else a.appendVarchar(f.decision);
            a.endRow();
          }
          a.closeSync();
        });
        n += page.rows.length;
        job.progress({ stage: 'writing the PII findings', done: n, total: page.total, unit: 'rows' });
        if (page.rows.length < FINDINGS_PAGE || n >= page.total) break;
      }
    }
    await copyParquet(ws, job, name, file);
    return n;
  });
}

/** The cleaned data as CSV (UTF-8, comma, RFC 4180 quoting, original headers, no formula escaping). */
export async function writeData(ws: Workspace, job: JobContext, run: RunResult, file: string): Promise<void> {
  const version = run.outputVersion as number;
  const detail = await getDataset(ws.db, run.datasetId, version);
  const { table: data, rowCount } = await versionTable(ws.db, run.datasetId, version);
  fs.closeSync(fs.openSync(file, 'wx'));
  await ws.db.with((conn) => csvWriter.write({
    conn, job, table: data, rowCount, columns: detail.columns, datasetName: detail.dataset.name, formulaEscape: false,
    temp: file, scratchPrefix: path.join(path.dirname(file), `.${path.basename(file)}`),
    progress: (rows) => job.progress({ stage: 'writing the cleaned data', done: rows, total: rowCount, unit: 'rows', rows }),
  }));
  for (const n of fs.readdirSync(path.dirname(file))) if (n.startsWith(`.${path.basename(file)}`)) fs.rmSync(path.join(path.dirname(file), n), { force: true });
}

export interface AuditSlice {
  entries: number;
  /** Seqs of the entries that belong to the run (its own, and its approvals'). */
  runEntries: number[];
  /** Public keys (PEM) the slice introduces and uses, by fingerprint. */
  keys: Map<string, string>;
}

/**
 * Writes entries 1..checkpoint.seq as JSON Lines and checks them on the way (a log that does not
 * verify is never signed into a bundle: VERIFICATION_FAILED names the first problem).
 */
export async function writeAuditSlice(ws: Workspace, job: JobContext, cp: Checkpoint, run: RunResult, file: string): Promise<AuditSlice> {
  const chain = new ChainVerifier([cp.seq]);
  const runEntries: number[] = [];
  const approvalSeqs = new Set((run.approvals ?? []).map((a) => a.seq));
  const used = new Set<string>([cp.signer.fingerprint]);
  const fd = fs.openSync(file, 'wx');
  let entries = 0;
  try {
    for await (const chunk of readAllEntries(ws.db)) {
      job.throwIfCancelled();
      const lines: string[] = [];
      for (const e of chunk) {
        if (e.seq > cp.seq) break;
        chain.add(e);
        if (e.subject.run === run.runId || approvalSeqs.has(e.seq)) runEntries.push(e.seq);
        if (e.signer !== null) used.add(e.signer);
        lines.push(`${JSON.stringify(entryLine(e))}\n`);
      }
      fs.writeSync(fd, lines.join(''));
      entries += lines.length;
      if (chunk.length > 0 && (chunk.at(-1) as AuditEntry).seq >= cp.seq) break;
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  const result = chain.finish([{ checkpoint: cp, source: 'the bundle checkpoint' }], cp.workspaceId);
  if (!result.ok) {
    throw new AppError('VERIFICATION_FAILED', `The workspace's audit log does not verify, so no bundle was written: ${result.firstBad?.message ?? 'unknown problem'}. Run \`sanitizer audit verify\`.`);
  }
  const keys = new Map<string, string>();
  for (const [fp, k] of chain.keys) if (used.has(fp)) keys.set(fp, k.publicKey);
  return { entries, runEntries, keys };
}

/** The entry's fields in a fixed order (what the verifier parses). */
function entryLine(e: AuditEntry): AuditEntry {
  return {
    seq: e.seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, details: e.details,
    payloadDigest: e.payloadDigest, prevHash: e.prevHash, hash: e.hash, signer: e.signer, signature: e.signature,
  };
}
