// Exporting a version's provenance ledger (row_id, kind, column, before, after, step_id, step,
// confidence) as CSV or Parquet: destination ("Replace X?" when it exists), a job with progress, then the file.
import { useState } from 'react';
import { api } from '../../api';
import { formatCount } from '../../lib/format';
import { useDatasets } from '../datasets/store';
import { ExportDone, FileJobFrame, SavePathField, TableFormatChoice, tableExportPath, useFileJob, type TableFormat } from '../export/FileJobDialog';
import { useWorkspace } from '../workspace/store';

type Format = TableFormat;

export const provenancePath = (workspace: string, datasetName: string, version: number, format: Format): string => tableExportPath(workspace, datasetName, version, 'provenance', format);

export function ProvenanceDialog({ onClose }: { onClose: () => void }) {
  const detail = useDatasets((s) => s.detail);
  const workspace = useWorkspace((s) => s.info?.path ?? '');
  const name = detail?.dataset.name ?? '';
  const version = detail?.version.version ?? 1;
  const [format, setFormat] = useState<Format>('csv');
  const [path, setPath] = useState(() => provenancePath(workspace, name, version, 'csv'));
  const { phase, job, run, replace, keep } = useFileJob('Provenance export');
  if (!detail) return null;

  const pick = (f: Format) => {
    setFormat(f);
    setPath((p) => p.replace(/\.(csv|parquet)$/i, '') + `.${f}`);
  };
  const start = () => void run((force) => api.send('provenance.export', { datasetId: detail.dataset.id, version, path: path.trim(), format, force }), path.trim());

  if (phase.kind === 'done') return <ExportDone result={phase.result} onClose={onClose} />;
  return (
    <FileJobFrame
      title="Export provenance"
      subtitle={`Every change the run made to version ${version} of ${name}: ${formatCount(detail.version.rowCount)} rows remain`}
      onClose={onClose}
      phase={phase}
      job={job}
      path={path}
      progressLabel="Provenance export progress"
      onStart={start}
      onReplace={replace}
      onKeep={keep}
    >
      <TableFormatChoice name="provenance-format" format={format} onPick={pick} />
      <p className="help">
        Columns <span className="mono">row_id, kind, column, before, after, step_id, step, confidence</span>: one row per changed cell, one per removed row.
      </p>
      <SavePathField id="provenance-path" path={path} setPath={setPath} folderTitle="Choose the provenance folder" />
    </FileJobFrame>
  );
}
