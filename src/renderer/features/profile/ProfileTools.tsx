// The Profile tab's tools in the dataset header: run (or re-run) the profile, and when the shown
// one was computed.
import { PaneTools } from '../../ui/PaneTools';
import { runProfile, useProfile } from './store';

export function ProfileTools() {
  const profile = useProfile((s) => s.profile);
  const running = useProfile((s) => s.jobId !== null);
  // With no profile yet, the tab itself invites to compute one.
  if (!profile && !running) return null;
  const done = profile ? { verb: 'Profiled', at: profile.computedAt, seconds: profile.seconds, testId: 'profile-computed-at' } : null;
  return <PaneTools running={running} onRun={() => void runProfile()} again="Profile again" busy="Profiling…" done={done} />;
}
