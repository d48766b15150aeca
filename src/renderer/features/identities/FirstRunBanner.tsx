// The first-run prompt: a workspace with no identity yet is told that its first one becomes the
// admin. A strip under the top bar (nothing is blocked), dismissible for this workspace.
import { Icon } from '../../ui/Icon';
import { useWorkspace } from '../workspace/store';
import { showFirstRun } from './identity-logic';
import { useSession } from './session-store';

export function FirstRunBanner() {
  const session = useSession((s) => s.session);
  const dismissed = useSession((s) => s.dismissed);
  const workspace = useWorkspace((s) => s.info?.path ?? null);
  if (!showFirstRun(session, workspace, dismissed)) return null;
  return (
    <div className="id-firstrun" role="region" aria-label="First identity">
      <Icon name="shield" size={16} />
      <p>
        <strong>No identity yet.</strong> Create the first identity: it becomes the admin. Until then, actions are recorded as {session?.osUser}, unsigned.
      </p>
      <button type="button" className="btn btn-sm btn-primary" onClick={() => useSession.getState().openCreate(true)}>
        Create the first identity…
      </button>
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => workspace && useSession.getState().dismissFirstRun(workspace)}>
        Not now
      </button>
    </div>
  );
}
