// identity.* (the lead's core), settings.* and key.*: the workspace's identities, its governed
// setting, and its key's backup, rotation and restore — each change signed by an admin.
import type { Handlers } from '../../../shared/api/client';
import type { WorkspaceSettings } from '../../../shared/api/governance-types';
import { AppError } from '../../../shared/api/result';
import type { Engine } from '../engine';
import { changeRole, checkPassphrase, createIdentity, identityInfo, requireRole, sessionInfo, unlockIdentity } from '../identity/store';
import { deriveTrust, TRUST_ACTIONS } from '../identity/trust';
import { appendEvent } from '../workspace/event-log';
import { currentKeyInfo } from '../workspace/key-generation';
import { backupWorkspaceKey, restoreWorkspaceKey, rotateWorkspaceKey, workspaceId } from '../workspace/key-rotation';

type Names =
  | 'identity.list' | 'identity.session' | 'identity.create' | 'identity.unlock' | 'identity.lock' | 'identity.grant' | 'identity.revoke'
  | 'settings.get' | 'settings.setGoverned' | 'key.backup' | 'key.rotate' | 'key.restore';

export async function workspaceSettings(e: Engine): Promise<WorkspaceSettings> {
  const ws = e.workspace;
  const trust = await deriveTrust(ws.db);
  const key = await currentKeyInfo(ws);
  return { workspaceId: await workspaceId(ws), governed: trust.governed, keyGeneration: key.generation, keyFingerprint: key.fingerprint };
}

export function identityHandlers(e: Engine): Pick<Handlers, Names> {
  const session = () => sessionInfo(e.workspace, e.identity, e.osUser);
  /** Tells every client that roles or settings changed (the acting identity's changes: Engine.setIdentity). */
  const changed = <T>(value: T): T => {
    e.events.emit('identity.changed', { identity: e.identity?.name ?? null });
    return value;
  };
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
    'identity.grant': async ({ name, role, reason }) => changed(await changeRole(e.workspace, e.identity, name, role, true, reason)),
    'identity.revoke': async ({ name, role, reason }) => changed(await changeRole(e.workspace, e.identity, name, role, false, reason)),

    'settings.get': () => workspaceSettings(e),
    'settings.setGoverned': async ({ governed, reason }) => {
      const ws = e.workspace;
      await ws.exclusive(async () => {
        const trust = await deriveTrust(ws.db);
        const what = `Turning governed mode ${governed ? 'on' : 'off'}`;
        const admin = requireRole(trust, e.identity, ['admin'], what);
        if (trust.governed === governed) {
          throw new AppError('INVALID_ARGUMENT', `${what} changes nothing: the workspace is already ${governed ? 'governed' : 'not governed'}. Nothing was recorded.`, { guard: 'no-op', governed });
        }
        await ws.db.with((c) => appendEvent(c, { action: TRUST_ACTIONS.governed, actor: admin.name, subject: { workspace: ws.dir }, details: { governed, reason }, signer: e.identity!.signer }));
      });
      return changed(await workspaceSettings(e));
    },
    'key.backup': async ({ path, passphrase, force }) => {
      requireRole(await deriveTrust(e.workspace.db), e.identity, ['admin'], 'Backing up the workspace key');
      checkPassphrase(passphrase, 'the key backup');
      return backupWorkspaceKey(e.workspace, e.allowPath(path), passphrase, force, e.identity!.signer);
    },
    'key.rotate': async ({ reason }) => {
      requireRole(await deriveTrust(e.workspace.db), e.identity, ['admin'], 'Rotating the workspace key');
      // Background compaction never reads the key; every other job might (pseudonyms, digests).
      const running = e.jobs.running().filter((j) => j.kind !== 'compact');
      if (running.length > 0) {
        throw new AppError('BUSY', `Rotating the workspace key refused while ${running.length} job(s) run (${running.map((j) => j.label).join(', ')}): they use the key. Wait for them or cancel them first.`, { guard: 'jobs-running' });
      }
      await rotateWorkspaceKey(e.workspace, e.identity!.signer, reason);
      return changed(await workspaceSettings(e));
    },
    'key.restore': async ({ path, passphrase }) => {
      requireRole(await deriveTrust(e.workspace.db), e.identity, ['admin'], 'Restoring the workspace key');
      return restoreWorkspaceKey(e.workspace, e.allowPath(path), passphrase, e.identity!.signer);
    },
  };
}
