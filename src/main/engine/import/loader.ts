// What every format loader provides: a preview, and a load into a staging table that holds
// `row_id` (the 1-based record number in the source) and one column per source column, named
// by internal id (c1, c2, …) so that any header text survives.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportOptions, ImportPreview, ImportWarning, ResolvedImportOptions } from '../../../shared/api/types';
import type { JobContext } from '../jobs/jobs';
import type { Workspace } from '../workspace/workspace';
import type { Probe } from './probe';

export interface StageColumn {
  id: string;
  header: string;
  /** Nested JSON: the key path this column came from. */
  path?: string[];
}

export interface LoadOutput {
  columns: StageColumn[];
  warnings: ImportWarning[];
  options: ResolvedImportOptions;
  /** The source digest when the loader computed it while reading (e.g. while transcoding). */
  sha256?: string;
  /** The stage was written uncompressed for speed; a background job compacts it afterwards. */
  uncompressed?: boolean;
}

export interface LoadContext {
  ws: Workspace;
  conn: DuckDBConnection;
  job: JobContext;
  probe: Probe;
  options: ImportOptions;
  stage: string;
  /** Load text columns uncompressed for speed (a big source, compacted by a background job afterwards). */
  loadUncompressed: boolean;
  /** Reports load progress as a fraction of the source read (0–1). */
  progress(fraction: number, stage?: string): void;
}

export interface Loader {
  preview(ws: Workspace, probe: Probe, options: ImportOptions): Promise<ImportPreview>;
  load(ctx: LoadContext): Promise<LoadOutput>;
}

export const columnId = (i: number): string => `c${i + 1}`;

/** Marks which settings the user gave and which were detected. */
export function origins(options: ImportOptions, keys: (keyof ImportOptions)[]): Record<string, 'detected' | 'user'> {
  return Object.fromEntries(keys.map((k) => [k, options[k] === undefined ? 'detected' : 'user']));
}
