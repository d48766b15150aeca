// The Personal data tab's tools in the dataset header: scan (or scan again), and when the shown
// scan ran.
import { formatDateTime, formatRelative } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { runScan, usePii } from './store';

export function PiiTools() {
  const summary = usePii((s) => s.summary);
  const running = usePii((s) => s.jobId !== null);
  // With no scan yet, the tab itself invites to run one.
  if (!summary && !running) return null;
  return (
    <div className="pii-tools">
      <button type="button" className="btn" disabled={running} onClick={() => void runScan()}>
        {running ? <span className="spinner" aria-hidden="true" /> : <Icon name="refresh" size={15} />}
        {running ? 'Scanning…' : 'Scan again'}
      </button>
      {summary ? (
        <span className="faint pii-when" title={formatDateTime(summary.scannedAt)} data-testid="pii-scanned-at">
          Scanned {formatRelative(summary.scannedAt)} in {summary.seconds} s
        </span>
      ) : null}
    </div>
  );
}
