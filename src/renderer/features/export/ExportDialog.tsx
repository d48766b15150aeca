// The export dialog: format, destination, overwrite and formula escaping → a job with
// progress → the written file's path (or the error, in place).
import { useEffect, useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/api/types';
import { api } from '../../api';
import { formatCount } from '../../lib/format';
import { useDatasets } from '../datasets/store';
import { useWorkspace } from '../workspace/store';
import { defaultExportPath, withExtension } from './destination';
import { ExportDone, FileJobFrame, SavePathField, useFileJob } from './FileJobDialog';
import { useExport } from './store';
import './export.css';

const FORMAT_LABEL: Record<ExportFormat, { name: string; hint: string }> = {
  csv: { name: 'CSV', hint: 'Comma-separated text, UTF-8' },
  parquet: { name: 'Parquet', hint: 'Columnar, typed, compact' },
  jsonl: { name: 'JSONL', hint: 'One JSON object per line' },
  json: { name: 'JSON', hint: 'One array; nested keys restored' },
  xlsx: { name: 'Excel', hint: '.xlsx, up to 1,048,576 rows' },
};

export function ExportDialog() {
  const open = useExport((s) => s.open);
  const detail = useDatasets((s) => s.detail);
  // The dataset went away (deleted, workspace switched): the request to export it goes too.
  useEffect(() => {
    if (open && !detail) useExport.getState().setOpen(false);
  }, [open, detail]);
  if (!open || !detail) return null;
  return <ExportForm key={`${detail.dataset.id}:${detail.version.version}`} />;
}

function ExportForm() {
  const detail = useDatasets((s) => s.detail)!;
  const workspace = useWorkspace((s) => s.info?.path ?? '');
  const setOpen = useExport((s) => s.setOpen);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [path, setPath] = useState(() => defaultExportPath(workspace, detail.dataset.name, 'csv'));
  const [force, setForce] = useState(false);
  const [escape, setEscape] = useState(true);
  const { phase, job, run } = useFileJob('Export');
  const escapable = format === 'csv' || format === 'xlsx';
  const close = () => setOpen(false);

  const pickFormat = (f: ExportFormat) => {
    setFormat(f);
    setPath((p) => withExtension(p, f));
  };
  const start = () =>
    void run(() =>
      api.send('export.start', {
        datasetId: detail.dataset.id,
        version: detail.version.version,
        path: path.trim(),
        format,
        force,
        formulaEscape: escapable ? escape : false,
      }),
    );

  if (phase.kind === 'done') return <ExportDone result={phase.result} onClose={close} />;
  return (
    <FileJobFrame
      title={`Export “${detail.dataset.name}”`}
      subtitle={`Version ${detail.version.version} · ${formatCount(detail.version.rowCount)} rows × ${formatCount(detail.version.columnCount)} columns`}
      onClose={close}
      phase={phase}
      job={job}
      path={path}
      progressLabel="Export progress"
      onStart={start}
      errorHint={(e) => (e.code === 'ALREADY_EXISTS' ? <p className="help">Tick “Overwrite” to replace it, or choose another name.</p> : null)}
    >
      <fieldset className="field format-choice">
        <legend className="field-label">Format</legend>
        <div className="segmented">
          {EXPORT_FORMATS.map((f) => (
            <label key={f} className={`segment ${format === f ? 'is-on' : ''}`}>
              <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => pickFormat(f)} {...(f === 'csv' ? { 'data-autofocus': true } : {})} />
              <span className="segment-name">{FORMAT_LABEL[f].name}</span>
              <span className="segment-hint">{FORMAT_LABEL[f].hint}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <SavePathField id="export-path" path={path} setPath={setPath} folderTitle="Choose the export folder" help="The file is written to a temporary name first and renamed when complete." />
      <label className="check">
        <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
        Overwrite the file if it exists
      </label>
      <div className="field">
        <label className={`check ${escapable ? '' : 'is-disabled'}`}>
          <input type="checkbox" checked={escapable && escape} disabled={!escapable} onChange={(e) => setEscape(e.target.checked)} />
          Escape spreadsheet formulas
        </label>
        <span className="help check-help">
          {escapable
            ? 'Cells starting with =, +, - or @ get a leading apostrophe, so Excel shows them as text instead of running them.'
            : 'Only CSV and Excel files are opened by spreadsheets; this format keeps values as they are.'}
        </span>
      </div>
    </FileJobFrame>
  );
}
