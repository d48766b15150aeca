// The Personal data tab's tools in the dataset header: scan (or scan again), and when the shown
// scan ran.
import { PaneTools } from '../../ui/PaneTools';
import { runScan, usePii } from './store';

export function PiiTools() {
  const summary = usePii((s) => s.summary);
  const running = usePii((s) => s.jobId !== null);
  // With no scan yet, the tab itself invites to run one.
  if (!summary && !running) return null;
  const done = summary ? { verb: 'Scanned', at: summary.scannedAt, seconds: summary.seconds, testId: 'pii-scanned-at' } : null;
  return <PaneTools running={running} onRun={() => void runScan()} again="Scan again" busy="Scanning…" done={done} />;
}
