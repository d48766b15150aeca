// The acting identity in the top bar: who signs now (or the OS user, unsigned); a click opens the
// switch dialog. It also keeps the session fresh across workspace switches and hosts the dialogs.
import { useEffect } from 'react';
import { api } from '../../api';
import { Icon } from '../../ui/Icon';
import { useAudit } from '../audit/audit-store';
import { CreateIdentityDialog } from './CreateIdentityDialog';
import { useSession } from './session-store';
import { SwitchIdentityDialog } from './SwitchIdentityDialog';
import './identities.css';

export function IdentityChip() {
  const session = useSession((s) => s.session);
  useEffect(() => {
    void useSession.getState().load();
    return api.on('workspace.changed', () => {
      useSession.getState().closeSwitch();
      useSession.getState().closeCreate();
      useAudit.getState().reset();
      void useSession.getState().load();
      void useSession.getState().loadSettings();
    });
  }, []);
  const who = session?.identity;
  const title = who
    ? `Acting as ${who.name} (${who.roles.join(', ') || 'no role'}): actions are signed with this key. Switch identity…`
    : `Acting as ${session?.osUser ?? 'the OS user'}, unsigned: no identity is unlocked. Switch identity…`;
  return (
    <>
      <button type="button" className={`btn btn-ghost topbar-btn id-chip ${who ? 'is-signed' : 'is-unsigned'}`} title={title} aria-label={title} onClick={() => useSession.getState().openSwitch()}>
        <Icon name={who ? 'shield' : 'info'} size={15} />
        <span className="id-chip-name">{who ? who.name : (session?.osUser ?? '…')}</span>
        <span className="id-chip-sub">{who ? (who.roles[0] ?? 'no role') : 'unsigned'}</span>
      </button>
      <SwitchIdentityDialog />
      <CreateIdentityDialog />
    </>
  );
}
