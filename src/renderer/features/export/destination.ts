// Export destinations: the default path under the workspace, and keeping the extension in step
// with the chosen format.
import type { ExportFormat } from '../../../shared/api/types';
import { joinPath, stem } from '../../lib/format';

export const EXTENSION: Record<ExportFormat, string> = { csv: 'csv', parquet: 'parquet', jsonl: 'jsonl', json: 'json', xlsx: 'xlsx' };

export function defaultExportPath(workspace: string, datasetName: string, format: ExportFormat): string {
  const base = stem(datasetName).replace(/[\\/:*?"<>|]+/g, '_') || 'export';
  return joinPath(joinPath(workspace, 'exports'), `${base}.${EXTENSION[format]}`);
}

/** Swaps a known export extension for the new format's; other names get it appended. */
export function withExtension(path: string, format: ExportFormat): string {
  const m = /\.(csv|parquet|jsonl|json|xlsx)$/i.exec(path);
  const ext = EXTENSION[format];
  if (m) return `${path.slice(0, m.index)}.${ext}`;
  return path === '' ? path : `${path}.${ext}`;
}
