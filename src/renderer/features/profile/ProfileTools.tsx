// The Profile tab's tools in the dataset header: run (or re-run) the profile, and when the shown
// one was computed.
import { formatDateTime, formatRelative } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { runProfile, useProfile } from './store';

export function ProfileTools() {
  const profile = useProfile((s) => s.profile);
  const running = useProfile((s) => s.jobId !== null);
  // With no profile yet, the tab itself invites to compute one.
  if (!profile && !running) return null;
  return (
    <div className="profile-tools">
      <button type="button" className="btn" disabled={running} onClick={() => void runProfile()}>
        {running ? <span className="spinner" aria-hidden="true" /> : <Icon name="refresh" size={15} />}
        {running ? 'Profiling…' : 'Profile again'}
      </button>
      {profile ? (
        <span className="faint profile-when" title={formatDateTime(profile.computedAt)} data-testid="profile-computed-at">
          Profiled {formatRelative(profile.computedAt)} in {profile.seconds} s
        </span>
      ) : null}
    </div>
  );
}
