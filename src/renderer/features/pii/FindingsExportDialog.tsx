// Exporting a scanned version's findings (row_id, column, entity, start, end, confidence,
// recogniser, preview, decision) as CSV or Parquet: the masked preview only, never the found text.
// Destination ("Replace X?" when it exists), a job with progress, then the file.
import { useState } from 'react';
import { api } from '../../api';
import { formatCount } from '../../lib/format';
import { useDatasets } from '../datasets/store';
import { ExportDone, FileJobFrame, SavePathField, TableFormatChoice, tableExportPath, useFileJob, type TableFormat } from '../export/FileJobDialog';
import { useWorkspace } from '../workspace/store';
import '../export/export.css';

type Format = TableFormat;

export const findingsPath = (workspace: string, datasetName: string, version: number, format: Format): string => tableExportPath(workspace, datasetName, version, 'findings', format);

export function FindingsExportDialog({ findings, onClose }: { findings: number; onClose: () => void }) {
  const detail = useDatasets((s) => s.detail);
  const workspace = useWorkspace((s) => s.info?.path ?? '');
  const name = detail?.dataset.name ?? '';
  const version = detail?.version.version ?? 1;
  const [format, setFormat] = useState<Format>('csv');
  const [path, setPath] = useState(() => findingsPath(workspace, name, version, 'csv'));
  const { phase, job, run, replace, keep } = useFileJob('Findings export');
  if (!detail) return null;

  const pick = (f: Format) => {
    setFormat(f);
    setPath((p) => p.replace(/\.(csv|parquet)$/i, '') + `.${f}`);
  };
  const start = () => void run((force) => api.send('pii.exportFindings', { datasetId: detail.dataset.id, version, path: path.trim(), format, force }), path.trim());

  if (phase.kind === 'done') return <ExportDone result={phase.result} onClose={onClose} />;
  return (
    <FileJobFrame
      title="Export findings"
      subtitle={`${formatCount(findings)} personal-data findings in version ${version} of ${name}`}
      onClose={onClose}
      phase={phase}
      job={job}
      path={path}
      progressLabel="Findings export progress"
      onStart={start}
      onReplace={replace}
      onKeep={keep}
    >
      <TableFormatChoice name="findings-format" format={format} onPick={pick} />
      <p className="help">
        Columns <span className="mono">row_id, column, entity, start, end, confidence, recogniser, preview, decision</span>: one row per finding, rejected ones
        included and marked. The preview is masked (<span className="mono">j***@***.org</span>); the found text is never written.
      </p>
      <SavePathField id="findings-path" path={path} setPath={setPath} folderTitle="Choose the findings folder" />
    </FileJobFrame>
  );
}
