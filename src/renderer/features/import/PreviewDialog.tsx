// The import preview: detected settings (editable, re-previewed on change), the first rows
// with their detected types, warnings, and Import.
import { useEffect, useRef } from 'react';
import { formatBytes, plural } from '../../lib/format';
import { Dialog } from '../../ui/Dialog';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { Icon } from '../../ui/Icon';
import { changeSettings, closeImport, rename, runImport } from './actions';
import { PreviewSettings } from './PreviewSettings';
import { PreviewTable } from './PreviewTable';
import { delimiterName } from './settings';
import type { ImportStage } from './store';

type PreviewStage = Extract<ImportStage, { kind: 'preview' }>;

function summary(p: NonNullable<PreviewStage['preview']>): string {
  const parts = [formatBytes(p.size), p.options.format.toUpperCase()];
  if (p.options.format === 'csv') {
    parts.push(`${delimiterName(p.options.delimiter)}-delimited`);
    if (p.options.encoding) parts.push(p.options.encoding.toUpperCase());
  }
  if (p.options.sheet) parts.push(`sheet “${p.options.sheet}”`);
  parts.push(plural(p.headers.length, 'column'));
  return parts.join(' · ');
}

export function PreviewDialog({ stage }: { stage: PreviewStage }) {
  const { preview, error, loading } = stage;
  const canImport = preview !== null && error === null && !loading;
  const importRef = useRef<HTMLButtonElement>(null);
  // The first preview arrives after the dialog opened: hand focus to Import once it can act,
  // unless the user has moved into the settings meanwhile.
  useEffect(() => {
    const el = importRef.current;
    if (canImport && el && document.activeElement === el.closest('[role="dialog"]')) el.focus();
  }, [canImport]);
  return (
    <Dialog
      title={`Import ${preview?.fileName ?? stage.name}`}
      subtitle={
        <span className="preview-subtitle">
          <span className="mono preview-path" title={stage.path}>
            {stage.path}
          </span>
          {preview && !error ? <span>{summary(preview)}</span> : null}
        </span>
      }
      size="xl"
      onClose={closeImport}
      footer={
        <>
          <span className="help footer-note">
            <Icon name="info" size={13} /> The source file is only read; it is never changed.
          </span>
          <div className="spacer" />
          <button type="button" className="btn" onClick={closeImport}>
            Cancel
          </button>
          <button ref={importRef} type="button" className="btn btn-primary" data-autofocus disabled={!canImport} onClick={() => void runImport()}>
            <Icon name="upload" size={15} /> Import
          </button>
        </>
      }
    >
      <div className="preview-layout">
        <PreviewSettings preview={preview} overrides={stage.overrides} name={stage.name} onChange={(o) => void changeSettings(o)} onRename={rename} />
        <div className="preview-main">
          {error ? (
            <div className="banner banner-error" role="alert">
              <Icon name="errorCircle" />
              <div className="banner-body">
                <strong>These settings do not work for this file</strong>
                <ErrorDetails error={error} />
              </div>
            </div>
          ) : null}
          {preview && !error && preview.warnings.length > 0 ? (
            <div className="banner" role="status" aria-label="Preview warnings">
              <Icon name="alert" />
              <div className="banner-body">
                <ul>
                  {preview.warnings.map((w, i) => (
                    <li key={`${w.code}-${i}`}>{w.message}</li>
                  ))}
                </ul>
              </div>
            </div>
          ) : null}
          {loading || (preview && !error) ? (
            <div className={`preview-table-host ${loading ? 'is-loading' : ''}`} aria-busy={loading}>
              {preview && !error ? <PreviewTable preview={preview} /> : null}
              {loading ? (
                <div className="preview-loading">
                  <span className="spinner" /> Reading the first rows…
                </div>
              ) : null}
            </div>
          ) : null}
          {preview && !error ? <p className="help">First {plural(preview.rows.length, 'row')} shown. Types are detected from the whole column on import.</p> : null}
        </div>
      </div>
    </Dialog>
  );
}
