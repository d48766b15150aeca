// The pipeline's picture of the data between steps: the relation holding the rows, its columns
// (ids, headers, types), and what a compiled step hands the executor.
import type { ColumnInfo, LogicalType } from '../../../shared/api/types';
import type { StepFailure } from '../../../shared/api/clean-types';
import type { Step } from '../../../shared/policy/steps';

export interface FrameColumn {
  id: string;
  header: string;
  logicalType: LogicalType;
  storageType: string;
  path?: string[];
  /** How many steps have rewritten this column in the run so far (keys cached detection). */
  stamp?: number;
}

export interface Frame {
  /** A quoted relation name (a version table, or a scratch table). */
  relation: string;
  columns: FrameColumn[];
  rowCount: number;
  /**
   * A value frame (values.ts): each row is one distinct value of one column and stands for `_w`
   * rows. Counts go through `countRows`.
   */
  weighted?: boolean;
  /** The relation holding (at least) these columns' rows: cheaper than `relation` for a value frame. */
  of?: (columnIds: string[]) => string;
  /** The frame's first rows as a row relation, where `relation` is not one (a value frame). */
  head?: string;
  /** A value frame's column as a row relation (row_id and the column's current value): what row-id samples read. */
  rowsOf?: (columnId: string) => string;
  /** The tables behind `relation` when it is a query over them (rows removed by an anti-join). */
  tables?: string[];
}

/** The relation to read some columns from. */
export function over(frame: Frame, columns: FrameColumn[]): string {
  return frame.of ? frame.of(columns.map((c) => c.id)) : frame.relation;
}

/** SQL counting the frame's rows where `cond` holds (summing the weights of a value frame). */
export function countRows(frame: Frame, cond: string): string {
  return frame.weighted ? `coalesce(sum(_w) FILTER (WHERE ${cond}), 0)` : `count(*) FILTER (WHERE ${cond})`;
}

/** A cell-by-cell rewrite of some columns: each expression reads the column's value before the step. */
export interface MapOp {
  kind: 'map';
  exprs: Map<string, string>;
  /** New columns (flags), each computed from the values before the step. */
  added: { column: FrameColumn; expr: string }[];
  /** Logical types the step gives its columns (e.g. dates after coercion). */
  types: Map<string, LogicalType>;
  /** Types read from the rewritten column: an aggregate over it giving a logical type's name. */
  typesFromData?: Map<string, (col: string) => string>;
  /** Storage types the step gives its columns (a de-identified typed column becomes text). */
  storage?: Map<string, string>;
  /**
   * Columns whose ledger entries must not hold the value before (PII steps): per column a lookup
   * table (src, digest, preview) whose keyed digest and masked preview the ledger keeps instead,
   * and optionally one per row (rid, digest, preview) that wins for the rows it holds.
   */
  private?: Map<string, { values: string; rows: string | null }>;
}

/** Keeps the rows for which `keep` (a condition over the frame) holds, or removes the rows listed. */
export type RowsOp =
  | { kind: 'rows'; keep: string }
  | {
      kind: 'rows';
      /** The rows to remove, already found: a scratch table of their row ids. */
      removed: string;
      /**
       * Duplicates: `removed` also has `survivor BIGINT` (the row each removed row duplicates, which
       * the ledger keeps as the entry's after) and `confidence DOUBLE` (how sure: the pair's score).
       */
      linked?: boolean;
      /**
       * Cells of kept rows the step rewrote (merging duplicates): `rows` holds those rows as they
       * become (row_id and every frame column), `cells` the changes (row_id, col_id, before, after, confidence).
       */
      filled?: { rows: string; cells: string };
    };

/** Drops or renames columns; no data pass. */
export interface ColumnsOp {
  kind: 'columns';
  drop: string[];
  rename: { id: string; header: string }[];
}

export type Op = MapOp | RowsOp | ColumnsOp;

export interface Compiled {
  op: Op;
  columnIds: string[];
  failures: number;
  failureExamples: StepFailure[];
  notes: string[];
}

export interface CompiledStep extends Compiled {
  step: Step;
  index: number;
}

export function frameColumns(columns: ColumnInfo[]): FrameColumn[] {
  return columns.map((c) => ({
    id: c.id,
    header: c.header,
    logicalType: c.logicalType,
    storageType: c.storageType,
    ...(c.path ? { path: c.path } : {}),
  }));
}

/** Numeric ids of the columns, for giving an added column the next free id. */
export function nextColumnId(columns: FrameColumn[], taken: Set<string> = new Set()): string {
  let max = 0;
  for (const c of [...columns.map((x) => x.id), ...taken]) max = Math.max(max, Number(c.slice(1)));
  return `c${max + 1}`;
}

/** A header not yet used by any column: `balance_imputed`, then `balance_imputed_2`, … */
export function freeHeader(columns: FrameColumn[], wanted: string): string {
  const used = new Set(columns.map((c) => c.header));
  if (!used.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!used.has(`${wanted}_${i}`)) return `${wanted}_${i}`;
}
