// Which columns the risk measure reads: the chosen quasi-identifiers checked against a version,
// their roles from a deterministic sample (rows whose row_id is a multiple of k), the columns
// proposed as quasi-identifiers, and the same columns found again (by id) in a later version.
import type { RiskColumnRole, RiskQuasiColumn } from '../../../shared/api/pii-types';
import { AppError } from '../../../shared/api/result';
import type { ColumnInfo } from '../../../shared/api/types';
import { getColumns, versionTable } from '../datasets/catalog';
import type { Database } from '../db/database';
import { ident } from '../db/sql';
import { detectRole, SUGGESTED_ROLES } from './roles';

/** Rows the role decision reads. */
export const ROLE_SAMPLE_ROWS = 2_000;

const describeColumns = (cols: ColumnInfo[]) => cols.map((c) => `${c.id} ${JSON.stringify(c.header)}`).join(', ');

/** The chosen columns of a version, in the order given; unknown or repeated ids are refused by name. */
export async function resolveQuasi(db: Database, datasetId: string, version: number, ids: readonly string[]): Promise<ColumnInfo[]> {
  await versionTable(db, datasetId, version);
  const cols = await getColumns(db, datasetId, version);
  const seen = new Set<string>();
  return ids.map((id) => {
    const c = cols.find((x) => x.id === id);
    if (!c) throw new AppError('INVALID_ARGUMENT', `Version ${version} of ${datasetId} has no column ${id}. Its columns: ${describeColumns(cols)}.`, { columnId: id });
    if (seen.has(id)) throw new AppError('INVALID_ARGUMENT', `The quasi-identifier ${id} (${JSON.stringify(c.header)}) is named twice.`, { columnId: id });
    seen.add(id);
    return c;
  });
}

/** Each column's non-missing values in the sample, as text. */
export async function sampleValues(db: Database, data: string, rowCount: number, columnIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(columnIds.map((id) => [id, []]));
  if (columnIds.length === 0 || rowCount === 0) return out;
  const every = Math.max(1, Math.ceil(rowCount / ROLE_SAMPLE_ROWS));
  const rows = await db.all(
    `SELECT ${columnIds.map((id, i) => `CAST(${ident(id)} AS VARCHAR) AS v${i}`).join(', ')} FROM ${ident(data)} WHERE row_id % $k = 0 ORDER BY row_id LIMIT ${ROLE_SAMPLE_ROWS}`,
    { k: every },
  );
  columnIds.forEach((id, i) => {
    const vals = out.get(id)!;
    for (const r of rows) {
      const v = r[`v${i}`];
      if (typeof v === 'string' && v.trim() !== '') vals.push(v);
    }
  });
  return out;
}

/** The roles of the given columns of a version, from header and sample. */
export async function rolesOf(db: Database, datasetId: string, version: number, cols: readonly ColumnInfo[]): Promise<Map<string, RiskColumnRole>> {
  const { table: data, rowCount } = await versionTable(db, datasetId, version);
  const values = await sampleValues(db, data, rowCount, cols.map((c) => c.id));
  return new Map(cols.map((c) => [c.id, detectRole(c.header, values.get(c.id) ?? [])]));
}

/** The columns that look like quasi-identifiers (ZIP/postcode, birth date or year, sex, age), in dataset order. */
export async function suggestQuasi(db: Database, datasetId: string, version: number): Promise<RiskQuasiColumn[]> {
  await versionTable(db, datasetId, version);
  const cols = await getColumns(db, datasetId, version);
  const roles = await rolesOf(db, datasetId, version, cols);
  return cols.flatMap((c) => {
    const role = roles.get(c.id) ?? 'categorical';
    return SUGGESTED_ROLES.has(role) ? [{ columnId: c.id, header: c.header, role }] : [];
  });
}

export interface AfterColumns {
  /** The quasi-identifiers still in the later version (by id), in the order chosen. */
  kept: ColumnInfo[];
  notes: string[];
}

/** Finds the chosen columns in a later version by id, saying which were dropped or renamed. */
export async function matchAfter(db: Database, datasetId: string, afterVersion: number, chosen: readonly ColumnInfo[]): Promise<AfterColumns> {
  const cols = await getColumns(db, datasetId, afterVersion);
  const kept: ColumnInfo[] = [];
  const notes: string[] = [];
  for (const c of chosen) {
    const later = cols.find((x) => x.id === c.id);
    if (!later) {
      notes.push(`Column ${JSON.stringify(c.header)} (${c.id}) was dropped in version ${afterVersion}: the measure of version ${afterVersion} leaves it out.`);
      continue;
    }
    if (later.header !== c.header) notes.push(`Column ${JSON.stringify(c.header)} (${c.id}) is headed ${JSON.stringify(later.header)} in version ${afterVersion}; it is matched by its id.`);
    kept.push(later);
  }
  if (kept.length === 0) notes.push(`None of the quasi-identifiers is left in version ${afterVersion}: every record is in one class.`);
  return { kept, notes };
}
