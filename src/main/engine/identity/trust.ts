// Who may do what, derived from the audit log alone: identities (their public keys), roles, and the
// governed setting are replayed from signed governance entries, never read from an editable table.
// An entry counts only if its hash is right and it carries a valid signature by a key that, at that
// point in the log, was allowed to make it: an identity signs its own creation; the first identity
// is the admin; grants, revocations and settings are signed by an identity that was admin then.
import type { AuditEntry, Role } from '../../../shared/api/governance-types';
import { ENTRY_COLUMNS, toEntry } from '../audit/entries';
import { AppError } from '../../../shared/api/result';
import { entryHash, GENESIS_HASH, payloadDigest, signedBytes } from '../audit/chain';
import { num, type Database } from '../db/database';
import { literal, table } from '../db/sql';
import { fingerprintOf, verifyData } from './keys';

/** The audit actions that make up trust (their details are described beside each). */
export const TRUST_ACTIONS = {
  /** { identityId, name, publicKey, fingerprint } — signed by the new identity's own key. */
  created: 'identity.created',
  /** { identityId, name, role, reason } — signed by an admin (or, for the first identity, by itself). */
  granted: 'identity.roleGranted',
  revoked: 'identity.roleRevoked',
  /** { governed, reason } — signed by an admin. */
  governed: 'settings.governed',
} as const;

export interface TrustedIdentity {
  id: string;
  name: string;
  publicKey: string;
  fingerprint: string;
  roles: Set<Role>;
  createdAt: string;
  createdSeq: number;
}

export interface TrustProblem {
  seq: number;
  message: string;
}

export interface Trust {
  /** By identity id, in order of creation. */
  identities: Map<string, TrustedIdentity>;
  governed: boolean;
  /**
   * Whether the log holds any identity.created entry, valid or not: only the first of them can make
   * the admin, so editing the admin's creation entry never promotes the next identity in its place.
   */
  anyCreation: boolean;
  /** Governance entries that were ignored (bad hash, bad signature, unauthorised signer). */
  problems: TrustProblem[];
  /**
   * The first broken link of the log (a gap in the sequence, or a previous-hash that is not the
   * entry before's hash): entries were deleted, inserted or reordered outside the app. Trust then
   * fails closed — the workspace counts as governed and no governance action is taken
   * (assertIntact) — until the log is restored; `audit verify` says more.
   */
  broken: TrustProblem | null;
}

/** A log entry as the replay reads it (audit/entries.ts toEntry: hand-edited JSON reads as a marker, never throws). */
type Row = AuditEntry;

export function byName(trust: Trust, name: string): TrustedIdentity | undefined {
  const n = name.toLowerCase();
  return [...trust.identities.values()].find((i) => i.name.toLowerCase() === n);
}

export function byFingerprint(trust: Trust, fp: string): TrustedIdentity[] {
  return [...trust.identities.values()].filter((i) => i.fingerprint === fp);
}

/** Whether `who` held `role` (current trust). */
export function hasRole(trust: Trust, who: string, role: Role): boolean {
  return trust.identities.get(who)?.roles.has(role) ?? false;
}

/** Replays the governance entries of the log (optionally only up to `uptoSeq`). */
export async function deriveTrust(db: Database, uptoSeq?: number): Promise<Trust> {
  const actions = Object.values(TRUST_ACTIONS);
  const rows = await db.all(
    `SELECT ${ENTRY_COLUMNS} FROM ${table.eventLog} WHERE action IN (${actions.map(literal).join(', ')}) AND seq <= $upto ORDER BY seq`,
    { upto: uptoSeq ?? Number.MAX_SAFE_INTEGER },
  );
  const broken = await firstBrokenLink(db, uptoSeq);
  const trust = replayTrust(rows.map(toEntry));
  if (broken) Object.assign(trust, { broken, governed: true });
  return trust;
}

/** One SQL pass over the links (not the hashes: `audit verify` recomputes those). */
async function firstBrokenLink(db: Database, uptoSeq?: number): Promise<TrustProblem | null> {
  const r = await db.one(
    `SELECT seq, pseq FROM (
       SELECT seq, prev_hash, lag(seq) OVER (ORDER BY seq) AS pseq, lag(hash) OVER (ORDER BY seq) AS phash
       FROM ${table.eventLog} WHERE seq <= $upto)
     WHERE CASE WHEN pseq IS NULL THEN seq <> 1 OR prev_hash IS DISTINCT FROM $genesis ELSE seq <> pseq + 1 OR prev_hash IS DISTINCT FROM phash END
     ORDER BY seq LIMIT 1`,
    { upto: uptoSeq ?? Number.MAX_SAFE_INTEGER, genesis: GENESIS_HASH },
  );
  if (!r) return null;
  const seq = num(r.seq);
  const message = r.pseq === null || r.pseq === undefined
    ? seq !== 1 ? `the audit log starts at entry ${seq}: the entries before it were deleted` : 'the first entry of the audit log does not start the chain'
    : seq !== num(r.pseq) + 1
      ? `the audit log jumps from entry ${num(r.pseq)} to entry ${seq}`
      : `entry ${seq} of the audit log does not link to entry ${num(r.pseq)}`;
  return { seq, message };
}

/** Refuses a governance action while the log's chain is broken (fail closed). */
export function assertIntact(trust: Trust, what: string): void {
  if (!trust.broken) return;
  throw new AppError(
    'VERIFICATION_FAILED',
    `${what} refused: ${trust.broken.message} — it was changed outside the app. Governance actions are refused and the workspace counts as governed until the log is restored from a backup; run \`sanitizer audit verify\` for the details.`,
    { guard: 'audit-log', seq: trust.broken.seq },
  );
}

/** The replay itself, on entries in sequence order (exported for tests and for audit verification). */
export function replayTrust(rows: readonly Row[]): Trust {
  const trust: Trust = { identities: new Map(), governed: false, broken: null, anyCreation: false, problems: [] };
  const admins = () => [...trust.identities.values()].filter((i) => i.roles.has('admin'));
  for (const r of rows) {
    const bad = (message: string) => trust.problems.push({ seq: r.seq, message: `entry ${r.seq} (${r.action}): ${message}; ignored` });
    const firstCreation = r.action === TRUST_ACTIONS.created && !trust.anyCreation;
    if (r.action === TRUST_ACTIONS.created) trust.anyCreation = true;
    const recomputed = entryHash({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, subject: r.subject, payloadDigest: payloadDigest(r.details), prevHash: r.prevHash, signer: r.signer });
    if (recomputed !== r.hash || payloadDigest(r.details) !== r.payloadDigest) {
      bad('its content does not match its hash');
      continue;
    }
    if (!r.signer || !r.signature) {
      bad('it is not signed');
      continue;
    }
    const d = r.details;
    if (r.action === TRUST_ACTIONS.created) {
      const publicKey = String(d.publicKey ?? '');
      let fp: string;
      try {
        fp = fingerprintOf(publicKey);
      } catch {
        bad('its public key cannot be read');
        continue;
      }
      if (fp !== r.signer || !verifyData(publicKey, signedBytes(r.hash), r.signature)) {
        bad('it is not signed by the key it introduces');
        continue;
      }
      const id = String(d.identityId ?? '');
      if (!/^i[0-9]+$/.test(id) || trust.identities.has(id)) {
        bad(`identity id ${id} is missing or already taken`);
        continue;
      }
      const sameName = byName(trust, String(d.name ?? ''));
      if (sameName) {
        bad(`the name ${JSON.stringify(d.name)} is already ${sameName.id}'s (names are compared ignoring case)`);
        continue;
      }
      const sameKey = byFingerprint(trust, fp)[0];
      if (sameKey) {
        bad(`its key is already ${sameKey.name}'s (one key, one identity)`);
        continue;
      }
      const first = firstCreation;
      trust.identities.set(id, { id, name: String(d.name ?? ''), publicKey, fingerprint: fp, roles: new Set(first ? ['admin'] : []), createdAt: r.at, createdSeq: r.seq });
      continue;
    }
    // Everything else is an admin's act: the signer must be an admin at this point in the log.
    const signer = admins().find((a) => a.fingerprint === r.signer);
    if (!signer || !verifyData(signer.publicKey, signedBytes(r.hash), r.signature)) {
      bad(signer ? 'its signature does not verify' : 'it is not signed by an admin');
      continue;
    }
    if (r.action === TRUST_ACTIONS.governed) {
      trust.governed = d.governed === true;
      continue;
    }
    const target = trust.identities.get(String(d.identityId ?? ''));
    const role = String(d.role ?? '') as Role;
    if (!target || !['admin', 'steward', 'approver', 'auditor'].includes(role)) {
      bad('it names no known identity or role');
      continue;
    }
    if (r.action === TRUST_ACTIONS.granted) target.roles.add(role);
    else if (role === 'admin' && target.roles.has('admin') && admins().length === 1) bad('it would leave the workspace without an admin');
    else target.roles.delete(role);
  }
  return trust;
}
