// The shapes of benchmark results, as child processes report them and reports read them.
export const RESULT_MARK = 'BENCH-RESULT ';

export type ImportRun =
  | {
      ok: true;
      /** Seconds from import.start to the job's final event. */
      wall: number;
      /** The job's own ImportResult.seconds (rounded to 0.1 s by the engine). */
      jobSeconds: number;
      /** CPU seconds of the process during the import (all threads). */
      cpu: number;
      rows: number;
      columns: number;
      stages: Record<string, number>;
      lastRowId: number | null;
      sha256: string;
      peakRssMiB: number;
      datasetId: string;
      /** Seconds the background compaction (CSV) took after the import, null when none ran. */
      compactSeconds: number | null;
    }
  | { ok: false; error: string; wall: number; stages: Record<string, number>; peakRssMiB: number };

export interface WindowStats {
  count: number;
  limit: number;
  p50: number;
  p95: number;
  max: number;
}

export interface GridResult {
  rows: number;
  columns: number;
  /** Set when this run imported the dataset (the workspace is cached between runs). */
  imported: ImportRun | null;
  unsorted: WindowStats;
  sorted: WindowStats;
  sortSeconds: number;
  sortColumn: string;
  filterSeconds: number;
  filterMatches: number | null;
  peakRssMiB: number;
}

export interface FormatSummary {
  format: string;
  file: string;
  bytes: number;
  rows: number;
  counts: { original: number; exact: number; near: number } | null;
  runs: ImportRun[];
  error: string | null;
}

/** One measured profile of the cached dataset, in a fresh process. */
export type ProfileRun =
  | {
      ok: true;
      /** Seconds from profile.start to the job's final event. */
      wall: number;
      /** CPU seconds of the process meanwhile (all DuckDB threads). */
      cpu: number;
      /** The profile's own `seconds`. */
      jobSeconds: number;
      rows: number;
      columns: number;
      sampleRows: number;
      stages: Record<string, number>;
      peakRssMiB: number;
    }
  | { ok: false; error: string; wall: number; stages: Record<string, number>; peakRssMiB: number };

/** The cached profile workspace: its import (null when it existed already). */
export interface ProfileSetup {
  imported: ImportRun | null;
  datasetId: string;
}
