// Which data an approver's preview runs on: the open dataset's version, else the newest dataset's
// newest version (what the engine's guard previews on too).
import type { DatasetDetail, DatasetSummary } from '../../../shared/api/types';

export interface PreviewOn {
  datasetId: string;
  name: string;
  version: number;
  rows: number;
}

export function previewTarget(open: DatasetDetail | null, list: readonly DatasetSummary[]): PreviewOn | null {
  if (open) return { datasetId: open.dataset.id, name: open.dataset.name, version: open.version.version, rows: open.version.rowCount };
  let newest: DatasetSummary | null = null;
  for (const d of list) if (!newest || d.createdAt > newest.createdAt) newest = d;
  if (!newest || newest.versions.length === 0) return null;
  const v = newest.versions.reduce((a, b) => (b.version > a.version ? b : a));
  return { datasetId: newest.id, name: newest.name, version: v.version, rows: v.rowCount };
}
