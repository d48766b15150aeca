// What a report counts from the provenance ledger of a run's output version, in SQL and
// independently of the figures the run stored: cells and rows per step and column, cells per
// column over the whole run, and the first entries in row order with personal data masked.
import type { ReportDiff } from '../../../shared/api/report-types';
import { num, type Database } from '../db/database';
import { table } from '../db/sql';
import { maskedPreview } from '../pii/operators/masking';

export interface StepFigures {
  cells: number;
  rowsRemoved: number;
  /** Cell entries per column id. */
  perColumn: Map<string, number>;
}

export interface LedgerKey {
  datasetId: string;
  /** The run's output version (its ledger). */
  version: number;
  /** The run's input version (its PII scan). */
  inputVersion: number;
}

/** Per step id: its cell entries per column, and its row entries. */
export async function stepFigures(db: Database, k: LedgerKey): Promise<Map<string, StepFigures>> {
  const rows = await db.all(
    `SELECT step_id, kind, col_id, count(*) AS n FROM ${table.change} WHERE dataset_id = $ds AND version = $v GROUP BY ALL ORDER BY step_id, kind, col_id`,
    { ds: k.datasetId, v: k.version },
  );
  const out = new Map<string, StepFigures>();
  for (const r of rows) {
    const id = String(r.step_id);
    const f = out.get(id) ?? { cells: 0, rowsRemoved: 0, perColumn: new Map<string, number>() };
    out.set(id, f);
    if (r.kind === 'row') f.rowsRemoved += num(r.n);
    else {
      f.cells += num(r.n);
      f.perColumn.set(String(r.col_id), (f.perColumn.get(String(r.col_id)) ?? 0) + num(r.n));
    }
  }
  return out;
}

/** Changed cells per column id over the whole run: a cell two steps changed counts once; rows the run removed are not counted (as the diff view). */
export async function runColumnFigures(db: Database, k: LedgerKey): Promise<Map<string, number>> {
  const rows = await db.all(
    `SELECT col_id, count(DISTINCT row_id) AS n FROM ${table.change}
     WHERE dataset_id = $ds AND version = $v AND kind = 'cell'
       AND row_id NOT IN (SELECT row_id FROM ${table.change} WHERE dataset_id = $ds AND version = $v AND kind = 'row')
     GROUP BY col_id ORDER BY col_id`,
    { ds: k.datasetId, v: k.version },
  );
  return new Map(rows.map((r) => [String(r.col_id), num(r.n)]));
}

/** Cell entries of the given steps (imputed values, outliers clipped or set missing). */
export async function cellsOfSteps(db: Database, k: LedgerKey, stepIds: string[]): Promise<number> {
  if (stepIds.length === 0) return 0;
  const r = await db.one(
    `SELECT count(*) AS n FROM ${table.change} WHERE dataset_id = $ds AND version = $v AND kind = 'cell' AND list_contains($ids::VARCHAR[], step_id)`,
    { ds: k.datasetId, v: k.version, ids: JSON.stringify(stepIds) },
  );
  return num(r?.n);
}

export const SAMPLE_DIFFS = 50;

/**
 * The first ledger entries in row order (then step, then column). A value that is or was personal
 * data is masked, never raw: an entry that carries a keyed digest (a de-identification step, or an
 * earlier step on a cell one de-identified) shows its stored masked preview; an entry in a column
 * the scan classed as personal, in a column a de-identification step touched, or in a cell with
 * a finding is masked with the masker, by the entity found there.
 */
export async function sampleDiffs(
  db: Database, k: LedgerKey, headerOf: (colId: string) => string, personalColumns: ReadonlyMap<string, string>,
): Promise<ReportDiff[]> {
  const rows = await db.all(
    `SELECT l.row_id, l.kind, l.col_id, l."before", l."after", l.step_id, l.confidence, l.before_digest, l.before_preview,
       (SELECT min(f.entity) FROM ${table.piiFinding} f WHERE f.dataset_id = $ds AND f.version = $in AND f.row_id = l.row_id AND f.col_id = l.col_id) AS finding_entity,
       l.col_id IN (SELECT DISTINCT col_id FROM ${table.change} WHERE dataset_id = $ds AND version = $v AND before_digest IS NOT NULL) AS deidentified_column
     FROM ${table.change} l WHERE l.dataset_id = $ds AND l.version = $v ORDER BY l.row_id, l.step_index, l.col_id LIMIT ${SAMPLE_DIFFS}`,
    { ds: k.datasetId, v: k.version, in: k.inputVersion },
  );
  return rows.map((r) => {
    const base = { rowId: num(r.row_id), step: String(r.step_id), confidence: Number(r.confidence) };
    if (r.kind === 'row') return { ...base, column: null, kind: 'row' as const, before: null, after: null, masked: false };
    const col = String(r.col_id);
    const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
    if (r.before_digest !== null && r.before_digest !== undefined) {
      // The ledger kept no raw value: its preview stands for `before`, `after` is the operator's output (or masked already).
      return { ...base, column: headerOf(col), kind: 'cell' as const, before: text(r.before_preview), after: text(r.after), masked: true };
    }
    const entity = text(r.finding_entity) ?? personalColumns.get(col) ?? (r.deidentified_column === true ? 'personal data' : null);
    const mask = (v: string | null) => (v === null ? null : maskedPreview(v, entity ?? ''));
    return entity === null
      ? { ...base, column: headerOf(col), kind: 'cell' as const, before: text(r.before), after: text(r.after), masked: false }
      : { ...base, column: headerOf(col), kind: 'cell' as const, before: mask(text(r.before)), after: mask(text(r.after)), masked: true };
  });
}
