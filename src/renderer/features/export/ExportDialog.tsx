// The export dialog: format, destination, formula escaping and — for CSV only — delimiter,
// quoting, encoding and BOM → a job with progress → the written file's path (or the error in
// place). An existing file is replaced only after "Replace X?" (FileJobDialog).
import { useEffect, useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/api/types';
import { api } from '../../api';
import { formatCount } from '../../lib/format';
import { useDatasets } from '../datasets/store';
import { useWorkspace } from '../workspace/store';
import { CsvOptionsFields } from './CsvOptionsFields';
import { csvRequest, DEFAULT_CSV_FORM, type CsvForm } from './csv-options';
import { defaultExportPath, withExtension } from './destination';
import { ExportDone, FileJobFrame, SavePathField, useFileJob } from './FileJobDialog';
import { useExport } from './store';
import './export.css';

const FORMAT_LABEL: Record<ExportFormat, { name: string; hint: string }> = {
  csv: { name: 'CSV', hint: 'Delimited text' },
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
  const [escape, setEscape] = useState(true);
  const [csv, setCsv] = useState<CsvForm>(DEFAULT_CSV_FORM);
  const { phase, job, run, replace, keep } = useFileJob('Export');
  const escapable = format === 'csv' || format === 'xlsx';
  const csvOptions = format === 'csv' ? csvRequest(csv) : null;
  const close = () => setOpen(false);

  const pickFormat = (f: ExportFormat) => {
    setFormat(f);
    setPath((p) => withExtension(p, f));
  };
  const start = () => {
    if (csvOptions && !csvOptions.ok) return;
    const target = path.trim();
    void run(
      (force) =>
        api.send('export.start', {
          datasetId: detail.dataset.id,
          version: detail.version.version,
          path: target,
          format,
          force,
          formulaEscape: escapable ? escape : false,
          ...(csvOptions?.ok ? { csv: csvOptions.value } : {}),
        }),
      target,
    );
  };

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
      onReplace={replace}
      onKeep={keep}
    >
      <fieldset className="field format-choice">
        <legend className="field-label">Format</legend>
        <div className="segmented segmented-5">
          {EXPORT_FORMATS.map((f) => (
            <label key={f} className={`segment ${format === f ? 'is-on' : ''}`}>
              <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => pickFormat(f)} {...(f === 'csv' ? { 'data-autofocus': true } : {})} />
              <span className="segment-name">{FORMAT_LABEL[f].name}</span>
              <span className="segment-hint">{FORMAT_LABEL[f].hint}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {format === 'csv' ? <CsvOptionsFields value={csv} onChange={setCsv} problem={csvOptions && !csvOptions.ok ? csvOptions.problem : null} /> : null}
      <SavePathField id="export-path" path={path} setPath={setPath} folderTitle="Choose the export folder" help="The file is written to a temporary name first and renamed when complete." />
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
