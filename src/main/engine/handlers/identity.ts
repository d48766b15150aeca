// identity.* (the lead's core; the identities work adds settings.* and key.*).
import type { Handlers } from '../../../shared/api/client';
import { AppError } from '../../../shared/api/result';
import type { Engine } from '../engine';
import { changeRole, createIdentity, identityInfo, sessionInfo, unlockIdentity } from '../identity/store';
import { deriveTrust } from '../identity/trust';
import { appendEvent } from '../workspace/event-log';

type Names = 'identity.list' | 'identity.session' | 'identity.create' | 'identity.unlock' | 'identity.lock' | 'identity.grant' | 'identity.revoke' | 'settings.get' | 'settings.setGoverned' | 'key.backup' | 'key.rotate';
const later = (): never => {
  throw new AppError('UNSUPPORTED', 'not built yet');
};
export function identityHandlers(e: Engine): Pick<Handlers, Names> {
  const session = () => sessionInfo(e.workspace, e.identity, e.osUser);
  return {
    'identity.list': async () => [...(await deriveTrust(e.workspace.db)).identities.values()].map((i) => identityInfo(i, e.identity)),
    'identity.session': session,
    'identity.create': async ({ name, passphrase, roles, activate }) => {
      const made = await createIdentity(e.workspace, { name, passphrase, roles }, e.identity);
      if (activate) e.setIdentity(made.active);
      return { ...made.info, active: activate };
    },
    'identity.unlock': async ({ name, passphrase }) => {
      e.setIdentity(await unlockIdentity(e.workspace, name, passphrase, e.actor));
      return session();
    },
    'identity.lock': async () => {
      const was = e.identity;
      e.setIdentity(null);
      if (was) await e.workspace.exclusive(() => e.workspace.db.with((c) => appendEvent(c, { action: 'identity.locked', actor: was.name, subject: { identity: was.id }, details: { name: was.name } })));
      return session();
    },
    'identity.grant': ({ name, role, reason }) => changeRole(e.workspace, e.identity, name, role, true, reason),
    'identity.revoke': ({ name, role, reason }) => changeRole(e.workspace, e.identity, name, role, false, reason),
    'settings.get': later, 'settings.setGoverned': later, 'key.backup': later, 'key.rotate': later,
  };
}
