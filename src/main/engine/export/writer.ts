// What every export format's writer gets: one connection, the version's table and columns, the
// temp file to fill, and progress/cancel. A writer writes the rows in row order (the table's
// rowid order) without row_id, and leaves any extra scratch file under `scratchPrefix`.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo } from '../../../shared/api/types';
import type { JobContext } from '../jobs/jobs';

export interface WriteContext {
  conn: DuckDBConnection;
  job: JobContext;
  table: string;
  rowCount: number;
  columns: ColumnInfo[];
  /** The dataset's display name (XLSX sheet name). */
  datasetName: string;
  formulaEscape: boolean;
  /** The file to write (it exists, empty). */
  temp: string;
  /** Scratch files must start with this. */
  scratchPrefix: string;
  /** Rows written so far. */
  progress(rows: number, stage?: string): void;
}

export interface WriteOutcome {
  /** SHA-256 of the temp file, when the writer computed it while writing. */
  sha256?: string;
}

export interface Writer {
  /** Refuses, before anything is written, what the format cannot hold. */
  check?(ctx: WriteContext): Promise<void>;
  write(ctx: WriteContext): Promise<WriteOutcome>;
}

/** The version's rows in row order. DuckDB's COPY does not keep scan order on its own when the
 *  projection is costly (measured: most rows of a 1M-row table out of place), so it is explicit. */
export const ROW_ORDER = 'ORDER BY rowid';
