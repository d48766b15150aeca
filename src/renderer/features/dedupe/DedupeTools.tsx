// The Duplicates tab's tools in the dataset header: find again with the setup's settings, and when
// the shown run ran.
import { PaneTools } from '../../ui/PaneTools';
import { findDuplicates, useDedupe } from './store';

export function DedupeTools() {
  const summary = useDedupe((s) => s.summary);
  const running = useDedupe((s) => s.runJobId !== null || s.planJobId !== null);
  // With no run yet, the Setup view itself invites to run one.
  if (!summary && !running) return null;
  const done = summary ? { verb: 'Ran', at: summary.ranAt, seconds: summary.seconds, testId: 'dedupe-ran-at' } : null;
  return <PaneTools running={running} onRun={() => void findDuplicates()} again="Find again" busy="Working…" done={done} />;
}
