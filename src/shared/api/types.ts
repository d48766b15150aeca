// The values that cross the API: datasets, columns, previews, grid windows, jobs, the event log.
import type { ErrorInfo } from './result';

export const SOURCE_FORMATS = ['csv', 'json', 'jsonl', 'parquet', 'xlsx'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export const EXPORT_FORMATS = ['csv', 'parquet', 'jsonl', 'json', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** CSV export: `minimal` quotes a field only when it must (delimiter, quote, CR, LF); `all` quotes every value. */
export const CSV_QUOTING = ['minimal', 'all'] as const;
export type CsvQuoting = (typeof CSV_QUOTING)[number];
export const CSV_ENCODINGS = ['utf-8', 'utf-16le', 'windows-1252'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** How a CSV export is written (resolved: every field set). */
export interface CsvOptions {
  /** One ASCII character (not a quote, CR or LF). */
  delimiter: string;
  quote: CsvQuoting;
  encoding: CsvEncoding;
  /** A byte-order mark first (default: on for UTF-16LE, off for UTF-8; Windows-1252 has none). */
  bom: boolean;
}

export const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** What to do with CSV rows whose field count differs from the header's. */
export const RAGGED_POLICIES = ['abort', 'pad', 'skip'] as const;
export type RaggedPolicy = (typeof RAGGED_POLICIES)[number];

/** The type a column's values hold. Text sources (CSV, XLSX) keep the raw text and record this. */
export type LogicalType =
  | 'text'
  | 'integer'
  | 'decimal'
  | 'boolean'
  | 'date'
  | 'timestamp'
  | 'time'
  | 'json'
  | 'binary';

/** Import settings as the user may give them; anything missing is detected. */
export interface ImportOptions {
  format?: SourceFormat;
  delimiter?: string;
  quote?: string;
  header?: boolean;
  encoding?: Encoding;
  sheet?: string;
  ragged?: RaggedPolicy;
  name?: string;
}

/** Import settings after detection: what the import actually used. */
export interface ResolvedImportOptions {
  format: SourceFormat;
  delimiter?: string;
  quote?: string;
  header?: boolean;
  encoding?: Encoding;
  sheet?: string;
  ragged: RaggedPolicy;
  /** Per setting: 'detected' or 'user'. */
  origin: Record<string, 'detected' | 'user'>;
}

export type ImportWarningCode =
  | 'BLANK_HEADER'
  | 'DUPLICATE_HEADER'
  | 'ROWS_SKIPPED'
  | 'ROWS_PADDED'
  | 'EXTRA_FIELDS'
  | 'SCHEMA_DRIFT'
  | 'NESTED_FLATTENED'
  | 'TRANSCODED'
  | 'EMPTY_ROWS_SKIPPED';

export interface ImportWarning {
  code: ImportWarningCode;
  message: string;
  details?: Record<string, unknown>;
}

export interface ColumnInfo {
  /** Internal id (`c1`, `c2`, …): stable across versions; never shown as a header. */
  id: string;
  /** The original header text, exactly as in the source (may be empty, duplicated, anything). */
  header: string;
  /** 0-based display position. */
  position: number;
  logicalType: LogicalType;
  /** DuckDB storage type (VARCHAR for text sources). */
  storageType: string;
  nullCount: number;
  /** For nested JSON: the key path this column was flattened from (restored on export). */
  path?: string[];
}

export interface VersionSummary {
  version: number;
  parentVersion: number | null;
  rowCount: number;
  columnCount: number;
  createdAt: string;
  createdBy: string;
  note: string;
  /** The cleaning run that wrote this version (null for an import). */
  runId: string | null;
  /** "UNAPPROVED" for a version written by a run of an unapproved policy. */
  stamp: string | null;
}

export interface DatasetSummary {
  id: string;
  name: string;
  format: SourceFormat;
  sourcePath: string;
  sourceSize: number;
  sourceSha256: string;
  createdAt: string;
  createdBy: string;
  versions: VersionSummary[];
}

export interface DatasetDetail {
  dataset: DatasetSummary;
  version: VersionSummary;
  columns: ColumnInfo[];
  importOptions: ResolvedImportOptions;
  warnings: ImportWarning[];
}

export interface ImportPreview {
  path: string;
  fileName: string;
  size: number;
  options: ResolvedImportOptions;
  /** XLSX: the sheets in workbook order. */
  sheets?: string[];
  headers: string[];
  logicalTypes: LogicalType[];
  /** The first rows as display text. */
  rows: (string | null)[][];
  warnings: ImportWarning[];
}

export interface ImportResult {
  datasetId: string;
  version: number;
  rowCount: number;
  columns: ColumnInfo[];
  warnings: ImportWarning[];
  sourceSha256: string;
  seconds: number;
}

export interface ExportResult {
  path: string;
  format: ExportFormat;
  rows: number;
  bytes: number;
  sha256: string;
  /** For CSV: the options the file was written with. */
  csv?: CsvOptions;
}

export interface SortKey {
  columnId: string;
  direction: 'asc' | 'desc';
}

export interface ViewSpec {
  filter?: { text: string; columnIds?: string[] };
  sort?: SortKey[];
  /** Only rows with ledger entries (optionally of one step and/or column). */
  changes?: { stepId?: string; columnId?: string };
}

export interface ViewInfo {
  viewId: string;
  total: number;
}

export interface GridWindow {
  offset: number;
  /** Rows in the dataset version or view. */
  total: number;
  columnIds: string[];
  rowIds: number[];
  /** Cell text; null for a missing value. */
  rows: (string | null)[][];
}

export type JobKind = 'import' | 'export' | 'view' | 'compact' | 'profile' | 'clean' | 'preview' | 'provenance' | 'cluster' | 'pii' | 'risk' | 'dedupe' | 'report' | 'bundle';
export type JobState = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobInfo {
  id: string;
  kind: JobKind;
  label: string;
  state: JobState;
  stage: string;
  done: number;
  total: number | null;
  unit: 'bytes' | 'rows' | 'steps';
  /** Rows per second, when known. */
  rowsPerSecond: number | null;
  etaSeconds: number | null;
  startedAt: string;
  finishedAt: string | null;
  error: ErrorInfo | null;
  result: unknown;
}

export interface WorkspaceInfo {
  path: string;
  databaseFile: string;
  formatVersion: number;
  isDefault: boolean;
  datasetCount: number;
}

export interface RecentWorkspace {
  path: string;
  lastOpenedAt: string;
  exists: boolean;
}

export interface FsRoot {
  label: string;
  path: string;
}

export interface FsEntry {
  name: string;
  path: string;
  kind: 'file' | 'dir';
  size: number | null;
  modifiedAt: string | null;
}

export interface FsListing {
  path: string;
  parent: string | null;
  entries: FsEntry[];
}

export interface EventLogEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: Record<string, string>;
  details: Record<string, unknown>;
}

export interface AppInfo {
  name: string;
  version: string;
  engineVersion: string;
  duckdbVersion: string;
  actor: string;
  platform: string;
}
