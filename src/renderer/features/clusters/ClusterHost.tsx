// Hosts the cluster dialog for the open dataset version, opened from a column header's menu;
// accepted clusters become a category_aliases step of the draft policy (see accept.ts).
import { useEffect } from 'react';
import { useDatasets } from '../datasets/store';
import { acceptClusters } from './accept';
import { ClusterDialog } from './ClusterDialog';
import { useClusterDialog } from './store';

export function ClusterHost() {
  const target = useClusterDialog((s) => s.target);
  const close = useClusterDialog((s) => s.close);
  const detail = useDatasets((s) => s.detail);
  const current = detail !== null && target !== null && detail.dataset.id === target.datasetId && detail.version.version === target.version;
  // Another dataset or version opened (or none): the dialog was about the one before.
  useEffect(() => {
    if (target && !current) close();
  }, [target, current, close]);
  if (!target || !detail || !current) return null;
  return (
    <ClusterDialog
      key={`${target.datasetId}:${target.version}:${target.columnId}`}
      datasetId={target.datasetId}
      version={target.version}
      datasetName={detail.dataset.name}
      columns={detail.columns}
      initialColumnId={target.columnId}
      onAccept={(map, column) => {
        acceptClusters(column, detail.columns, map);
        close();
      }}
      onClose={close}
    />
  );
}
