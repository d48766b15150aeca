// Reading the provenance ledger: a version's run and per-column counts, the entries of given rows
// (the diff grid), the next changed row, and the ledger as a file.
import type { DiffSummary, LedgerEntry, RunResult } from '../../../shared/api/clean-types';
import { AppError } from '../../../shared/api/result';
import type { ColumnInfo, ExportResult } from '../../../shared/api/types';
import type { StepType } from '../../../shared/policy/steps';
import { getColumns, getDataset, versionTable } from '../datasets/catalog';
import { num, type Database, type Params } from '../db/database';
import { ident, table } from '../db/sql';
import { exportTable } from '../export/exporter';
import type { JobContext } from '../jobs/jobs';
import type { Workspace } from '../workspace/workspace';

export interface StepColumnFilter {
  stepId?: string | undefined;
  columnId?: string | undefined;
}

/** SQL conditions (and their values) selecting a version's cell entries, optionally by step and column. */
export function ledgerWhere(datasetId: string, version: number, f: StepColumnFilter, alias = ''): { sql: string; params: Record<string, string | number> } {
  const a = alias ? `${alias}.` : '';
  const parts = [`${a}dataset_id = $lds`, `${a}version = $lv`, `${a}kind = 'cell'`];
  const params: Record<string, string | number> = { lds: datasetId, lv: version };
  if (f.stepId) {
    parts.push(`${a}step_id = $lstep`);
    params.lstep = f.stepId;
  }
  if (f.columnId) {
    parts.push(`${a}col_id = $lcol`);
    params.lcol = f.columnId;
  }
  return { sql: parts.join(' AND '), params };
}

export async function runOfVersion(db: Database, datasetId: string, version: number): Promise<RunResult | null> {
  const r = await db.one(
    `SELECT r.result::VARCHAR AS result FROM ${table.version} v JOIN ${table.run} r USING (run_id) WHERE v.dataset_id = $ds AND v.version = $v`,
    { ds: datasetId, v: version },
  );
  return r ? (JSON.parse(String(r.result)) as RunResult) : null;
}

export async function listRuns(db: Database, datasetId?: string): Promise<RunResult[]> {
  const rows = await db.all(`SELECT result::VARCHAR AS result FROM ${table.run} WHERE $ds IS NULL OR dataset_id = $ds ORDER BY started_at DESC, run_id DESC`, { ds: datasetId ?? null });
  return rows.map((r) => JSON.parse(String(r.result)) as RunResult);
}

export async function diffSummary(db: Database, datasetId: string, version: number): Promise<DiffSummary> {
  await versionTable(db, datasetId, version);
  const w = ledgerWhere(datasetId, version, {});
  const removed = `(SELECT row_id FROM ${table.change} WHERE dataset_id = $lds AND version = $lv AND kind = 'row')`;
  const kept = `${w.sql} AND row_id NOT IN ${removed}`;
  // A cell two steps changed is one changed cell here (the ledger has both entries).
  const cols = await db.all(`SELECT col_id, count(DISTINCT row_id) AS n FROM ${table.change} WHERE ${kept} GROUP BY col_id ORDER BY col_id`, w.params);
  const totals = await db.one(`SELECT count(DISTINCT (row_id, col_id)) AS cells, count(DISTINCT row_id) AS rows, (SELECT count(*) FROM ${removed}) AS removed FROM ${table.change} WHERE ${kept}`, w.params);
  return {
    datasetId,
    version,
    run: await runOfVersion(db, datasetId, version),
    columns: cols.map((c) => ({ columnId: String(c.col_id), cellsChanged: num(c.n) })),
    cellsChanged: num(totals?.cells),
    rowsChanged: num(totals?.rows),
    rowsRemoved: num(totals?.removed),
  };
}

export function toEntry(r: Record<string, unknown>): LedgerEntry {
  return {
    rowId: num(r.row_id),
    kind: r.kind === 'row' ? 'row' : 'cell',
    columnId: r.col_id === null ? null : String(r.col_id),
    before: r.before === null ? null : String(r.before),
    after: r.after === null ? null : String(r.after),
    stepId: String(r.step_id),
    stepType: String(r.step_type) as StepType,
    confidence: Number(r.confidence),
    beforeDigest: r.before_digest === null || r.before_digest === undefined ? null : String(r.before_digest),
    beforePreview: r.before_preview === null || r.before_preview === undefined ? null : String(r.before_preview),
  };
}

/** The cell entries of the given rows, in row and step order. */
export async function diffCells(db: Database, datasetId: string, version: number, rowIds: number[], f: StepColumnFilter): Promise<LedgerEntry[]> {
  if (rowIds.length === 0) return [];
  const w = ledgerWhere(datasetId, version, f);
  const ids = [...rowIds].sort((a, b) => a - b);
  // The range lets DuckDB skip row groups by their min/max (the ledger is stored in row order).
  const rows = await db.all(
    `SELECT row_id, kind, col_id, "before", "after", step_id, step_type, confidence, before_digest, before_preview FROM ${table.change}
     WHERE ${w.sql} AND row_id BETWEEN $lo AND $hi AND list_contains($ids::BIGINT[], row_id) ORDER BY row_id, step_index, col_id`,
    { ...w.params, lo: ids[0] as number, hi: ids.at(-1) as number, ids: `[${ids.join(',')}]` },
  );
  return rows.map(toEntry);
}

/**
 * The position (grid offset) of the next or previous changed row after `from`, in `relation`
 * (the version's table or a view's), or null when there is none.
 */
export async function nextChange(db: Database, relation: string, datasetId: string, version: number, from: number, direction: 'next' | 'previous', f: StepColumnFilter): Promise<number | null> {
  const w = ledgerWhere(datasetId, version, f);
  const cmp = direction === 'next' ? '>' : '<';
  const agg = direction === 'next' ? 'min' : 'max';
  const params: Params = { ...w.params, from };
  const r = await db.one(
    `SELECT ${agg}(rowid) AS p FROM ${relation} WHERE rowid ${cmp} $from AND row_id IN (SELECT row_id FROM ${table.change} WHERE ${w.sql})`,
    params,
  );
  return r?.p === null || r?.p === undefined ? null : num(r.p);
}

const PROVENANCE_HEADERS = ['row_id', 'kind', 'column', 'before', 'after', 'step_id', 'step', 'confidence', 'before_digest', 'before_preview'];

/**
 * Writes a version's ledger: row_id,kind,column,before,after,step_id,step,confidence,
 * before_digest,before_preview (column = the original header). De-identified cells carry no
 * personal data: their before is empty, the keyed digest and masked preview stand in for it.
 */
export async function exportProvenance(
  ws: Workspace, job: JobContext, req: { datasetId: string; version: number; path: string; format?: 'csv' | 'parquet' | undefined; force: boolean }, actor: string,
): Promise<ExportResult> {
  const detail = await getDataset(ws.db, req.datasetId, req.version);
  const run = await runOfVersion(ws.db, req.datasetId, req.version);
  if (!run) throw new AppError('INVALID_ARGUMENT', `Version ${req.version} of ${req.datasetId} was imported, not written by a cleaning run; it has no provenance.`);
  const headers = new Map<string, string>();
  for (const c of [...detail.columns, ...(await getColumns(ws.db, req.datasetId, run.inputVersion))]) headers.set(c.id, c.header);
  const stage = table.stage(job.id);
  const { name: headerTable, values } = { name: `${stage}_h`, values: [...headers] };
  try {
    await ws.db.with(async (c) => {
      await c.run(`CREATE TABLE ${ident(headerTable)} (col_id VARCHAR, header VARCHAR)`);
      for (const [id, h] of values) await c.run(`INSERT INTO ${ident(headerTable)} VALUES ($id, $h)`, { id, h });
      await c.run(
        `CREATE TABLE ${ident(stage)} AS SELECT l.row_id AS c1, l.kind AS c2, h.header AS c3, l."before" AS c4, l."after" AS c5, l.step_id AS c6, l.step_type AS c7, l.confidence AS c8, l.before_digest AS c9, l.before_preview AS c10
         FROM ${table.change} l LEFT JOIN ${ident(headerTable)} h USING (col_id) WHERE l.dataset_id = $ds AND l.version = $v ORDER BY l.row_id, l.step_index, l.col_id`,
        { ds: req.datasetId, v: req.version },
      );
    });
    const n = num((await ws.db.one(`SELECT count(*) AS n FROM ${ident(stage)}`))?.n);
    const types = ['BIGINT', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'DOUBLE', 'VARCHAR', 'VARCHAR'];
    const columns: ColumnInfo[] = PROVENANCE_HEADERS.map((header, i) => ({
      id: `c${i + 1}`, header, position: i, logicalType: i === 0 ? 'integer' : i === 7 ? 'decimal' : 'text', storageType: types[i] as string, nullCount: 0,
    }));
    return await exportTable(ws, job, {
      table: stage, rowCount: n, columns, name: 'provenance', sources: [detail.dataset.sourcePath], path: req.path, format: req.format,
      force: req.force, formulaEscape: false, action: 'provenance.exported', subject: { dataset: req.datasetId, version: String(req.version) }, actor,
    });
  } finally {
    await ws.db.run(`DROP TABLE IF EXISTS ${ident(stage)}`).catch(() => undefined);
    await ws.db.run(`DROP TABLE IF EXISTS ${ident(headerTable)}`).catch(() => undefined);
  }
}
