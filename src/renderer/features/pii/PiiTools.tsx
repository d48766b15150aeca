// The Personal data tab's tools in the dataset header: export the findings, scan (or scan again),
// and when the shown scan ran.
import { useState } from 'react';
import { Icon } from '../../ui/Icon';
import { PaneTools } from '../../ui/PaneTools';
import { FindingsExportDialog } from './FindingsExportDialog';
import { runScan, usePii } from './store';

export function PiiTools() {
  const summary = usePii((s) => s.summary);
  const running = usePii((s) => s.jobId !== null);
  const [exporting, setExporting] = useState(false);
  // With no scan yet, the tab itself invites to run one.
  if (!summary && !running) return null;
  const done = summary ? { verb: 'Scanned', at: summary.scannedAt, seconds: summary.seconds, testId: 'pii-scanned-at' } : null;
  return (
    <>
      {summary ? (
        <button type="button" className="btn" disabled={running} title="Every finding with its masked preview and decision, as CSV or Parquet" onClick={() => setExporting(true)}>
          <Icon name="export" size={14} /> Export findings…
        </button>
      ) : null}
      <PaneTools running={running} onRun={() => void runScan()} again="Scan again" busy="Scanning…" done={done} />
      {exporting && summary ? <FindingsExportDialog findings={summary.findings} onClose={() => setExporting(false)} /> : null}
    </>
  );
}
