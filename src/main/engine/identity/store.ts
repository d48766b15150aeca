// Identities of a workspace: creation (a fresh Ed25519 key pair, the private key encrypted under
// the person's passphrase), unlocking (switching requires the passphrase), and role grants and
// revocations signed by an admin. What is trusted — names, public keys, roles — is replayed from
// the audit log (trust.ts); _ds_identity_key only stores the encrypted private keys.
import type { IdentityInfo, Role, SessionInfo } from '../../../shared/api/governance-types';
import { AppError } from '../../../shared/api/result';
import { num } from '../db/database';
import { table } from '../db/sql';
import { appendEvent } from '../workspace/event-log';
import type { Workspace } from '../workspace/workspace';
import type { KeyObject } from 'node:crypto';
import { generateIdentityKeys, identityKeysFrom, signerFor, unlockPrivateKey, type EncryptedKey } from './keys';
import type { ActiveIdentity } from './session';
import { assertIntact, byFingerprint, byName, deriveTrust, TRUST_ACTIONS, type Trust, type TrustedIdentity } from './trust';

/**
 * Passphrase rules beyond the contract's length (8 to 1024 characters): not the name it protects,
 * and not a run of one or two characters repeated ("aaaaaaaa", "abababab"). INVALID_ARGUMENT says which.
 */
export function checkPassphrase(passphrase: string, what: string, name?: string): void {
  const p = passphrase.normalize('NFC');
  if ([...p].length < 8) throw new AppError('INVALID_ARGUMENT', `The passphrase for ${what} is too short: a passphrase has at least 8 characters (a sentence is better).`, { guard: 'passphrase' });
  if (name !== undefined && p.trim().toLowerCase() === name.normalize('NFC').trim().toLowerCase()) {
    throw new AppError('INVALID_ARGUMENT', `The passphrase for ${what} cannot be the name itself.`, { guard: 'passphrase' });
  }
  if (new Set(p.toLowerCase()).size < 3) {
    throw new AppError('INVALID_ARGUMENT', `The passphrase for ${what} repeats one or two characters; use at least three different characters (a sentence is better).`, { guard: 'passphrase' });
  }
}

export function identityInfo(i: TrustedIdentity, active: ActiveIdentity | null): IdentityInfo {
  return {
    id: i.id, name: i.name, roles: [...i.roles].sort(), fingerprint: i.fingerprint, publicKey: i.publicKey, createdAt: i.createdAt,
    active: active?.id === i.id,
  };
}

export async function sessionInfo(ws: Workspace, active: ActiveIdentity | null, osUser: string): Promise<SessionInfo> {
  const trust = await deriveTrust(ws.db);
  const found = active ? trust.identities.get(active.id) : undefined;
  const me = found && found.fingerprint === active?.fingerprint ? found : undefined;
  return { identity: me ? identityInfo(me, active) : null, osUser, governed: trust.governed, identitiesExist: trust.identities.size > 0 };
}

/** The active identity, required: UNAUTHENTICATED names what needed it. */
export function requireIdentity(active: ActiveIdentity | null, what: string): ActiveIdentity {
  if (!active) throw new AppError('UNAUTHENTICATED', `${what} must be signed: choose your identity and enter its passphrase first (CLI: --as NAME).`);
  return active;
}

/** The active identity, which must hold `role` now (FORBIDDEN otherwise, naming who and what). */
export function requireRole(trust: Trust, active: ActiveIdentity | null, roles: readonly Role[], what: string): TrustedIdentity {
  const a = requireIdentity(active, what);
  assertIntact(trust, what);
  const me = trust.identities.get(a.id);
  // The session's key must be the one the record trusts under that id (ids are not secrets).
  if (!me || me.fingerprint !== a.fingerprint) throw new AppError('FORBIDDEN', `${what} refused: ${a.name} is not a trusted identity of this workspace.`);
  if (!roles.some((r) => me.roles.has(r))) {
    const held = me.roles.size ? `holds ${[...me.roles].join(', ')}` : 'holds no role';
    throw new AppError('FORBIDDEN', `${what} refused: ${me.name} ${held}; it needs ${roles.join(' or ')}.`, { guard: 'role', identity: me.name, needs: [...roles] });
  }
  return me;
}

export interface CreateRequest {
  name: string;
  passphrase: string;
  roles: Role[];
}

/**
 * Creates an identity. The first of a workspace is its admin (and takes the other roles asked
 * for, signing them itself); later ones get `roles` only if `by` is an admin, who signs the grants.
 * Returns the new identity, unlocked.
 */
export async function createIdentity(
  ws: Workspace,
  req: CreateRequest,
  by: ActiveIdentity | null,
  /** Existing key material (tests, and a future key import); a fresh key pair otherwise. */
  privateKey?: KeyObject,
): Promise<{ info: IdentityInfo; active: ActiveIdentity }> {
  return ws.exclusive(async () => {
    const trust = await deriveTrust(ws.db);
    const same = byName(trust, req.name);
    if (same) throw new AppError('ALREADY_EXISTS', `There is already an identity named ${JSON.stringify(same.name)} in this workspace (names are compared ignoring case).`, { name: req.name });
    checkPassphrase(req.passphrase, req.name, req.name);
    // The first creation in the log, not the first one trusted: an edited admin entry makes no new admin.
    const first = !trust.anyCreation;
    const grants = [...new Set(req.roles)].filter((r) => !(first && r === 'admin'));
    if (!first && grants.length > 0) requireRole(trust, by, ['admin'], `Granting ${grants.join(', ')} to ${req.name}`);
    const keys = privateKey ? identityKeysFrom(privateKey, req.passphrase) : generateIdentityKeys(req.passphrase);
    // One key, one identity: a second identity on the same key material would let one person
    // pass as two (author and approver) wherever only names were compared.
    const holder = byFingerprint(trust, keys.fingerprint)[0];
    if (holder) {
      throw new AppError('FORBIDDEN', `Creating ${req.name} refused: its key material is already registered to ${holder.name} (fingerprint ${keys.fingerprint.slice(0, 16)}…); one key, one identity.`, { guard: 'duplicate-key', holder: holder.name });
    }
    // Past every id the table or the log has used: a missing key row must not hand out a trusted id.
    const n = await ws.db.one(`SELECT coalesce(max(TRY_CAST(substr(identity_id, 2) AS BIGINT)), 0) AS n FROM ${table.identityKey}`);
    const used = [...trust.identities.keys()].map((k) => Number(k.slice(1)));
    const id = `i${Math.max(num(n?.n), ...used) + 1}`;
    const active: ActiveIdentity = { id, name: req.name, fingerprint: keys.fingerprint, publicKey: keys.publicKey, signer: signerFor(id, req.name, keys.publicKey, keys.privateKey) };
    // Without grants no one but the new identity signs: anyone may add an identity with no role.
    const granter = first ? active.signer : by?.signer;
    await ws.db.transaction(async (c) => {
      await c.run(`INSERT INTO ${table.identityKey} VALUES ($id, $name, $pub, $fp, $enc, now())`, { id, name: req.name, pub: keys.publicKey, fp: keys.fingerprint, enc: JSON.stringify(keys.encrypted) });
      await appendEvent(c, {
        action: TRUST_ACTIONS.created, actor: req.name, subject: { identity: id },
        details: { identityId: id, name: req.name, publicKey: keys.publicKey, fingerprint: keys.fingerprint, firstOfWorkspace: first },
        signer: active.signer,
      });
      for (const role of grants) {
        if (!granter) throw new AppError('UNAUTHENTICATED', `Granting ${role} to ${req.name} must be signed by an admin.`);
        await appendEvent(c, {
          action: TRUST_ACTIONS.granted, actor: granter.name, subject: { identity: id },
          details: { identityId: id, name: req.name, role, reason: first ? 'the first identity of the workspace' : `granted at creation by ${granter.name}` },
          signer: granter,
        });
      }
    });
    const after = await deriveTrust(ws.db);
    const me = after.identities.get(id);
    if (!me || me.fingerprint !== keys.fingerprint) throw new AppError('INTERNAL', `The new identity ${req.name} is not in the audit log's record.`);
    return { info: identityInfo(me, active), active };
  });
}

/** Unlocks `name` with its passphrase: the stored key must decrypt and match the logged public key. */
export async function unlockIdentity(ws: Workspace, name: string, passphrase: string, actor: string): Promise<ActiveIdentity> {
  const trust = await deriveTrust(ws.db);
  const who = byName(trust, name);
  if (!who) throw new AppError('NOT_FOUND', `There is no identity named ${JSON.stringify(name)} in this workspace${trust.identities.size ? ` (there are: ${[...trust.identities.values()].map((i) => i.name).join(', ')})` : ''}.`, { name });
  const row = await ws.db.one(`SELECT encrypted::VARCHAR AS enc FROM ${table.identityKey} WHERE identity_id = $id`, { id: who.id });
  if (!row) throw new AppError('NOT_FOUND', `The signing key of ${who.name} is missing from this workspace.`);
  let key;
  try {
    let enc: EncryptedKey;
    try {
      enc = JSON.parse(String(row.enc)) as EncryptedKey;
    } catch {
      throw new AppError('VERIFICATION_FAILED', `${who.name}'s stored signing key is not readable; it was edited outside the app.`);
    }
    key = unlockPrivateKey(enc, passphrase, who.publicKey, who.name);
  } catch (err) {
    if (err instanceof AppError && (err.code === 'UNAUTHENTICATED' || err.code === 'VERIFICATION_FAILED')) {
      const reason = err.code === 'UNAUTHENTICATED' ? 'wrong passphrase' : 'stored key does not verify';
      await ws.exclusive(() => ws.db.with((c) => appendEvent(c, { action: 'identity.unlockFailed', actor, subject: { identity: who.id }, details: { name: who.name, reason } })));
    }
    throw err;
  }
  const active: ActiveIdentity = { id: who.id, name: who.name, fingerprint: who.fingerprint, publicKey: who.publicKey, signer: signerFor(who.id, who.name, who.publicKey, key) };
  await ws.exclusive(() => ws.db.with((c) => appendEvent(c, { action: 'identity.unlocked', actor: who.name, subject: { identity: who.id }, details: { name: who.name, previousActor: actor }, signer: active.signer })));
  return active;
}

/** Grants or revokes a role; `by` must be an admin now. The last admin cannot give up admin. */
export async function changeRole(ws: Workspace, by: ActiveIdentity | null, name: string, role: Role, grant: boolean, reason: string): Promise<IdentityInfo> {
  return ws.exclusive(async () => {
    const trust = await deriveTrust(ws.db);
    const verb = grant ? 'Granting' : 'Revoking';
    const admin = requireRole(trust, by, ['admin'], `${verb} ${role} ${grant ? 'to' : 'from'} ${name}`);
    const target = byName(trust, name);
    if (!target) throw new AppError('NOT_FOUND', `There is no identity named ${JSON.stringify(name)} in this workspace (there are: ${[...trust.identities.values()].map((i) => i.name).join(', ')}).`, { name });
    if (grant && target.roles.has(role)) throw new AppError('ALREADY_EXISTS', `${target.name} already holds ${role}.`);
    if (!grant && !target.roles.has(role)) throw new AppError('NOT_FOUND', `${target.name} does not hold ${role}.`);
    if (!grant && role === 'admin' && [...trust.identities.values()].filter((i) => i.roles.has('admin')).length === 1) {
      throw new AppError('FORBIDDEN', `Revoking admin from ${target.name} refused: it is the workspace's only admin; grant admin to someone else first.`, { guard: 'last-admin' });
    }
    await ws.db.with((c) => appendEvent(c, {
      action: grant ? TRUST_ACTIONS.granted : TRUST_ACTIONS.revoked, actor: admin.name, subject: { identity: target.id },
      details: { identityId: target.id, name: target.name, role, reason }, signer: by!.signer,
    }));
    const after = await deriveTrust(ws.db);
    return identityInfo(after.identities.get(target.id)!, by);
  });
}

/**
 * Review decisions (PII findings and classes, duplicate pairs) steer compliance runs, so in a
 * governed workspace they are a reviewer's signed act: a steward, approver or admin must be
 * unlocked. Elsewhere an unlocked identity still signs them. Returns the signer, if any.
 */
export async function reviewSigner(ws: Workspace, active: ActiveIdentity | null, what: string): Promise<ActiveIdentity['signer'] | undefined> {
  const trust = await deriveTrust(ws.db);
  if (trust.governed) {
    requireRole(trust, active, ['steward', 'approver', 'admin'], `${what} in a governed workspace`);
    return active!.signer;
  }
  return active?.signer;
}
