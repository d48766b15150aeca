// The open dataset's header: name, version (with a cleaning run's stamp and policy), source path,
// SHA-256 (short, with copy), shape, import warnings as a dismissible banner, Export, then the
// tabs with the active tab's tools.
import { useState } from 'react';
import { copyText } from '../../lib/clipboard';
import { formatBytes, formatCount, formatDateTime, formatRelative } from '../../lib/format';
import { MOD_LABEL } from '../../lib/keys';
import { Icon } from '../../ui/Icon';
import { ProvenanceAction, RunFacts, RunStamp } from '../diff/RunStamp';
import { openExport } from '../export/store';
import { DatasetTabBar } from './DatasetTabs';
import { useDatasets, warningKey } from './store';

export function DatasetHeader() {
  const d = useDatasets((s) => s.detail);
  const dismissed = useDatasets((s) => s.dismissedWarnings);
  const dismiss = useDatasets((s) => s.dismissWarnings);
  const [copied, setCopied] = useState(false);
  if (!d) return null;
  const { dataset, version, warnings } = d;
  const key = warningKey(d);
  const copySha = () =>
    void copyText(dataset.sourceSha256).then((ok) => {
      setCopied(ok);
      setTimeout(() => setCopied(false), 1500);
    });
  return (
    <section className="ds-header" aria-label="Dataset">
      <div className="ds-title-row">
        <h1 className="ds-title" title={dataset.name}>
          {dataset.name}
        </h1>
        <span className="badge">{dataset.format}</span>
        <span className="badge badge-accent">v{version.version}</span>
        <RunStamp />
        <div className="ds-toolbar-spacer" />
        <ProvenanceAction />
        <button type="button" className="btn" onClick={openExport} title={`Export (${MOD_LABEL}+E)`}>
          <Icon name="download" size={15} /> Export…
        </button>
      </div>
      <div className="ds-facts">
        <span className="ds-fact num" data-testid="dataset-shape">
          <strong>{formatCount(version.rowCount)}</strong> rows × <strong>{formatCount(version.columnCount)}</strong> columns
        </span>
        <span className="ds-fact ds-path" title={dataset.sourcePath}>
          <Icon name="file" size={13} />
          <span className="mono ds-path-text">{dataset.sourcePath}</span>
          <span className="faint">({formatBytes(dataset.sourceSize)})</span>
        </span>
        <span className="ds-fact">
          <span className="faint">SHA-256</span>
          <span className="mono" title={dataset.sourceSha256}>
            {dataset.sourceSha256.slice(0, 12)}…
          </span>
          <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label="Copy SHA-256" title="Copy the full SHA-256" onClick={copySha}>
            <Icon name={copied ? 'check' : 'copy'} size={13} />
          </button>
        </span>
        {version.runId ? (
          <RunFacts />
        ) : (
          <span className="ds-fact faint" title={formatDateTime(version.createdAt)}>
            Imported {formatRelative(version.createdAt)} by {version.createdBy}
          </span>
        )}
      </div>
      {warnings.length > 0 && !dismissed[key] ? (
        <div className="banner ds-warnings" role="status" aria-label="Import warnings">
          <Icon name="alert" />
          <div className="banner-body">
            <strong>
              {warnings.length === 1 ? 'The import noted one thing' : `The import noted ${warnings.length} things`}
            </strong>
            <ul>
              {warnings.map((w, i) => (
                <li key={`${w.code}-${i}`}>{w.message}</li>
              ))}
            </ul>
          </div>
          <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label="Dismiss import warnings" onClick={() => dismiss(key)}>
            <Icon name="x" size={14} />
          </button>
        </div>
      ) : null}
      <div className="ds-toolbar">
        <DatasetTabBar />
      </div>
    </section>
  );
}
