// The data grid's server side: windows of rows keyed by position (DuckDB's rowid, so a window
// at row 10 million costs what one at row 1 does), and views — a filter and/or sort built once
// as a job into a scratch copy of the rows in view order, after which windows are keyed again.
// (A table of positions alone is not enough: DuckDB fetches scattered rowids by scanning, ~0.5 s
// for 50 rows at 10M, while a keyed range costs milliseconds.)
import { AppError } from '../../../shared/api/result';
import type { ColumnInfo, GridWindow, ViewInfo, ViewSpec } from '../../../shared/api/types';
import { num } from '../db/database';
import { SCRATCH, ident, qualified, table } from '../db/sql';
import { ledgerWhere } from '../clean/ledger';
import { runTracked } from '../db/tracked';
import { getColumns, versionTable } from '../datasets/catalog';
import type { JobContext } from '../jobs/jobs';
import type { Workspace } from '../workspace/workspace';

/** Longest cell text sent to the grid; the rest is elided (export always writes full values). */
export const MAX_CELL_CHARS = 2000;

interface View {
  id: string;
  datasetId: string;
  version: number;
  table: string;
  total: number;
}

/** A column as display text: what the grid shows and the filter searches. */
export function displayExpr(c: ColumnInfo): string {
  const col = ident(c.id);
  if (c.storageType === 'VARCHAR') return col;
  if (c.logicalType === 'json' && c.storageType !== 'JSON') return `CAST(to_json(${col}) AS VARCHAR)`;
  if (c.storageType === 'BLOB') return `hex(${col})`;
  return `CAST(${col} AS VARCHAR)`;
}

/** The value to sort a column by: text sources sort by the type their values hold. */
function sortExpr(c: ColumnInfo): string {
  const col = ident(c.id);
  if (c.storageType !== 'VARCHAR') return c.logicalType === 'json' ? displayExpr(c) : col;
  switch (c.logicalType) {
    case 'integer':
    case 'decimal':
      return `TRY_CAST(trim(${col}) AS DOUBLE)`;
    case 'date':
      return `TRY_CAST(trim(${col}) AS DATE)`;
    case 'timestamp':
      return `TRY_CAST(trim(${col}) AS TIMESTAMPTZ)`;
    case 'time':
      return `TRY_CAST(trim(${col}) AS TIME)`;
    case 'boolean':
      return `TRY_CAST(trim(${col}) AS BOOLEAN)`;
    default:
      return `lower(${col}), ${col}`;
  }
}

export class Grid {
  private views = new Map<string, View>();
  private seq = 0;

  constructor(private readonly ws: Workspace) {}

  async window(a: { datasetId: string; version: number; viewId?: string; offset: number; limit: number; columnIds?: string[] }): Promise<GridWindow> {
    const { table: data, rowCount } = await versionTable(this.ws.db, a.datasetId, a.version);
    const all = await getColumns(this.ws.db, a.datasetId, a.version);
    const cols = a.columnIds ? a.columnIds.map((id) => {
      const c = all.find((x) => x.id === id);
      if (!c) throw new AppError('NOT_FOUND', `Dataset ${a.datasetId} version ${a.version} has no column ${id}.`);
      return c;
    }) : all;
    const select = cols
      .map((c) => `CASE WHEN length(${displayExpr(c)}) > ${MAX_CELL_CHARS} THEN left(${displayExpr(c)}, ${MAX_CELL_CHARS}) || '…' ELSE ${displayExpr(c)} END AS ${ident(c.id)}`)
      .join(', ');
    const fields = select ? `, ${select}` : '';
    let source = ident(data);
    let total = rowCount;
    if (a.viewId) {
      const view = this.views.get(a.viewId);
      if (!view || view.datasetId !== a.datasetId || view.version !== a.version) {
        throw new AppError('NOT_FOUND', `The view ${a.viewId} is closed or belongs to another dataset; open it again.`);
      }
      source = qualified(SCRATCH, 'main', view.table);
      total = view.total;
    }
    const rows = await this.ws.db.all(`SELECT row_id${fields} FROM ${source} WHERE rowid BETWEEN $a AND $b ORDER BY rowid`, {
      a: a.offset,
      b: a.offset + a.limit - 1,
    });
    return {
      offset: a.offset,
      total,
      columnIds: cols.map((c) => c.id),
      rowIds: rows.map((r) => num(r.row_id)),
      rows: rows.map((r) => cols.map((c) => (r[c.id] === null || r[c.id] === undefined ? null : String(r[c.id])))),
    };
  }

  async openView(job: JobContext, datasetId: string, version: number, spec: ViewSpec): Promise<ViewInfo> {
    const { table: data, rowCount } = await versionTable(this.ws.db, datasetId, version);
    const cols = await getColumns(this.ws.db, datasetId, version);
    const byId = (id: string) => {
      const c = cols.find((x) => x.id === id);
      if (!c) throw new AppError('NOT_FOUND', `Dataset ${datasetId} version ${version} has no column ${id}.`);
      return c;
    };
    const text = spec.filter?.text.trim() ?? '';
    const searched = spec.filter?.columnIds?.map(byId) ?? cols;
    const conds: string[] = [];
    const params: Record<string, string | number> = {};
    if (text && searched.length > 0) {
      conds.push(`(${searched.map((c) => `contains(lower(${displayExpr(c)}), $q)`).join(' OR ')})`);
      params.q = text.toLowerCase();
    }
    if (spec.changes) {
      const w = ledgerWhere(datasetId, version, spec.changes);
      conds.push(`row_id IN (SELECT row_id FROM ${table.change} WHERE ${w.sql})`);
      Object.assign(params, w.params);
    }
    const where = conds.length > 0 ? `WHERE ${conds.join(' AND ')}` : '';
    const order = [
      ...(spec.sort ?? []).map((k) => {
        const dir = k.direction === 'desc' ? 'DESC' : 'ASC';
        return sortExpr(byId(k.columnId))
          .split(', ')
          .map((e) => `${e} ${dir} NULLS LAST`)
          .join(', ');
      }),
      'rowid',
    ].join(', ');
    const id = `v${++this.seq}`;
    const name = `view_${id}_${Date.now()}`;
    job.progress({ stage: where ? 'filtering' : 'sorting', done: 0, total: rowCount, unit: 'rows' });
    await this.ws.db.with((conn) =>
      runTracked(
        conn,
        job,
        `CREATE TABLE ${qualified(SCRATCH, 'main', name)} AS SELECT * FROM ${ident(data)} ${where} ORDER BY ${order}`,
        Object.keys(params).length > 0 ? params : undefined,
        (pct) => job.progress({ done: Math.round((pct / 100) * rowCount), rows: Math.round((pct / 100) * rowCount) }),
      ),
    ).catch(async (err: unknown) => {
      await this.ws.db.run(`DROP TABLE IF EXISTS ${qualified(SCRATCH, 'main', name)}`).catch(() => undefined);
      throw err;
    });
    const total = num((await this.ws.db.one(`SELECT count(*) AS n FROM ${qualified(SCRATCH, 'main', name)}`))?.n);
    this.views.set(id, { id, datasetId, version, table: name, total });
    return { viewId: id, total };
  }

  /** The relation whose rowids are the grid's positions: a view's table, or the version's. */
  async relation(datasetId: string, version: number, viewId?: string): Promise<string> {
    if (!viewId) return ident((await versionTable(this.ws.db, datasetId, version)).table);
    const view = this.views.get(viewId);
    if (!view || view.datasetId !== datasetId || view.version !== version) {
      throw new AppError('NOT_FOUND', `The view ${viewId} is closed or belongs to another dataset; open it again.`);
    }
    return qualified(SCRATCH, 'main', view.table);
  }

  async closeView(viewId: string): Promise<boolean> {
    const v = this.views.get(viewId);
    if (!v) return false;
    this.views.delete(viewId);
    await this.ws.db.run(`DROP TABLE IF EXISTS ${qualified(SCRATCH, 'main', v.table)}`);
    return true;
  }

  /** Drops the views of a dataset (when it is deleted). */
  async closeDataset(datasetId: string): Promise<void> {
    for (const v of [...this.views.values()]) if (v.datasetId === datasetId) await this.closeView(v.id);
  }
}
