// The bundle's Parquet files as windows: the provenance ledger and the PII findings, filtered,
// with totals. Read by a DuckDB instance of the bundle's own (in memory, never the workspace's);
// columns are found by name, so a bundle that lacks an optional column reads it as null.
import type { LedgerEntry } from '../../../shared/api/clean-types';
import type { BundleFindingRow } from '../../../shared/api/contract';
import type { StepType } from '../../../shared/policy/steps';
import { AppError } from '../../../shared/api/result';
import { num, type Database } from '../db/database';
import { ident, literal } from '../db/sql';

/** For each field we return: the Parquet column names that may carry it, first match wins. */
const LEDGER_FIELDS = {
  row_id: ['row_id'],
  kind: ['kind'],
  column: ['column', 'col_id', 'column_id'],
  before: ['before'],
  after: ['after'],
  step_id: ['step_id'],
  step_type: ['step', 'step_type'],
  confidence: ['confidence'],
  before_digest: ['before_digest'],
  before_preview: ['before_preview'],
} as const;

const FINDING_FIELDS = {
  row_id: ['row_id'],
  column: ['column', 'col_id', 'column_id'],
  entity: ['entity'],
  start: ['start'],
  end: ['end'],
  confidence: ['confidence'],
  recogniser: ['recogniser', 'recognizer'],
  preview: ['preview', 'masked_preview', 'masked'],
  decision: ['decision'],
} as const;

type Fields = Record<string, readonly string[]>;

export interface ParquetView {
  /** The relation to select from: read_parquet of the file, with our field names. */
  relation: string;
}

/** A SELECT over `file` renaming whatever columns it has to our field names (null where absent). */
async function projected(db: Database, file: string, fields: Fields, label: string): Promise<ParquetView> {
  const source = `read_parquet(${literal(file)})`;
  let names: string[];
  try {
    names = (await db.all(`DESCRIBE SELECT * FROM ${source}`)).map((r) => String(r.column_name));
  } catch (err) {
    throw new AppError('BAD_FILE', `${label} cannot be read as Parquet: ${(err as Error).message}`);
  }
  const lower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const select = Object.entries(fields).map(([field, candidates]) => {
    const found = candidates.map((c) => lower.get(c)).find((n) => n !== undefined);
    return `${found === undefined ? 'NULL' : ident(found)} AS ${ident(field)}`;
  });
  return { relation: `(SELECT ${select.join(', ')} FROM ${source})` };
}

export const ledgerView = (db: Database, file: string, label: string) => projected(db, file, LEDGER_FIELDS, label);
export const findingsView = (db: Database, file: string, label: string) => projected(db, file, FINDING_FIELDS, label);

interface Window {
  offset: number;
  limit: number;
}

function where(filters: Array<[string, string | undefined]>): { sql: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  filters.forEach(([field, value], i) => {
    if (value === undefined) return;
    parts.push(`CAST(${ident(field)} AS VARCHAR) = $f${i}`);
    params[`f${i}`] = value;
  });
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * The matching rows' count and one window of them, in file order (the ledger's order: row, step,
 * column); the row number keeps windows stable.
 */
async function filteredWindow(db: Database, view: ParquetView, w: ReturnType<typeof where>, req: Window) {
  const total = num((await db.one(`SELECT count(*) AS n FROM ${view.relation} ${w.sql}`, w.params))?.n);
  const rows = await db.all(
    `SELECT * FROM (SELECT *, row_number() OVER () AS _pos FROM ${view.relation}) ${w.sql} ORDER BY _pos LIMIT $limit OFFSET $offset`,
    { ...w.params, limit: req.limit, offset: req.offset },
  );
  return { total, rows };
}

export async function ledgerWindow(
  db: Database, view: ParquetView, req: Window & { step?: string | undefined; column?: string | undefined; kind?: 'cell' | 'row' | undefined },
): Promise<{ total: number; rows: LedgerEntry[] }> {
  const { total, rows } = await filteredWindow(db, view, where([['step_id', req.step], ['column', req.column], ['kind', req.kind]]), req);
  return {
    total,
    rows: rows.map((r) => ({
      rowId: num(r.row_id),
      kind: r.kind === 'row' ? 'row' : 'cell',
      columnId: str(r.column),
      before: str(r.before),
      after: str(r.after),
      stepId: str(r.step_id) ?? '',
      stepType: (str(r.step_type) ?? '') as StepType,
      confidence: Number(r.confidence ?? 0),
      beforeDigest: str(r.before_digest),
      beforePreview: str(r.before_preview),
    })),
  };
}

export async function findingsWindow(
  db: Database, view: ParquetView, req: Window & { entity?: string | undefined; column?: string | undefined },
): Promise<{ total: number; rows: BundleFindingRow[] }> {
  const { total, rows } = await filteredWindow(db, view, where([['entity', req.entity], ['column', req.column]]), req);
  return {
    total,
    rows: rows.map((r) => ({
      rowId: num(r.row_id),
      column: str(r.column) ?? '',
      entity: str(r.entity) ?? '',
      start: num(r.start),
      end: num(r.end),
      confidence: Number(r.confidence ?? 0),
      recogniser: str(r.recogniser) ?? '',
      preview: str(r.preview) ?? '',
      decision: str(r.decision),
    })),
  };
}
