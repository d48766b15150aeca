// The identity screens' pure parts: fingerprints in groups people can read aloud, the passphrase
// checks before a create or a backup, who may change roles, and which roles a grant or revoke offers.
import { ROLES, type IdentityInfo, type Role, type SessionInfo } from '../../../shared/api/governance-types';

/** "3f9a0c…" → "3f9a 0c12 …": groups of four so two people can compare them out of band. */
export function groupFingerprint(fp: string): string {
  return (fp.toLowerCase().match(/.{1,4}/g) ?? []).join(' ');
}

/** The first four groups: enough to tell identities apart at a glance (not to check a key). */
export function shortFingerprint(fp: string): string {
  return groupFingerprint(fp.slice(0, 16));
}

/** Why two typed passphrases cannot be used yet, or null when they can. */
export function passphraseProblem(first: string, second: string): string | null {
  if (first.length === 0) return 'type a passphrase';
  if (first.length < 8) return 'a passphrase has at least 8 characters';
  if (second.length === 0) return 'type the passphrase again';
  if (first !== second) return 'the two passphrases differ';
  return null;
}

export function isAdmin(session: SessionInfo | null): boolean {
  return session?.identity?.roles.includes('admin') ?? false;
}

/** Roles a grant may add (not held yet) or a revoke may remove (held). */
export function roleChoices(identity: Pick<IdentityInfo, 'roles'>, mode: 'grant' | 'revoke'): Role[] {
  return ROLES.filter((r) => identity.roles.includes(r) === (mode === 'revoke'));
}

/** Said plainly before an admin-only action when the actor is not an admin; null when they are. */
export function adminOnlyNote(session: SessionInfo | null, what: string): string | null {
  if (!session) return null;
  if (!session.identity) return `Only an admin can ${what}. You act as ${session.osUser} (unsigned): switch to an admin identity first.`;
  if (session.identity.roles.includes('admin')) return null;
  const roles = session.identity.roles.length > 0 ? session.identity.roles.join(', ') : 'no role';
  return `Only an admin can ${what}. You act as ${session.identity.name} (${roles}).`;
}

export const ROLE_HINT: Record<Role, string> = {
  admin: 'grants roles, changes settings, backs up and rotates the key',
  steward: 'writes policies and submits them for review',
  approver: 'approves or rejects policies written by others',
  auditor: 'reads and verifies the audit log',
};

/** Whether the first-run prompt shows: a workspace without identities, not dismissed for it. */
export function showFirstRun(session: SessionInfo | null, workspace: string | null, dismissed: readonly string[]): boolean {
  return session !== null && !session.identitiesExist && workspace !== null && !dismissed.includes(workspace);
}
