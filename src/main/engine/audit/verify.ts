// Verifying the audit log: every entry's payload digest, hash, link to the one before, place in the
// sequence and signature, the trust replay's verdict on who granted what, and every checkpoint —
// and the first bad entry named in plain words. Pure over entries, so the CLI, the app and a bundle
// verifier (issue 7) share it; verifyWorkspaceLog streams a workspace's log through it.
import type { AuditEntry, AuditProblem, AuditVerifyResult, Checkpoint } from '../../../shared/api/governance-types';
import { entryHash, GENESIS_HASH, payloadDigest, signedBytes } from './chain';
import { checkpointProblem } from './checkpoint-sign';
import { fingerprintOf, shortFingerprint, verifyData } from '../identity/keys';
import { replayTrust, TRUST_ACTIONS } from '../identity/trust';

/** The entry that introduces the workspace's checkpoint key (details: { publicKey, fingerprint }), signed by that key. */
export const CHECKPOINT_KEY_ACTION = 'audit.checkpointKey';

/** A key the log introduces (an identity's, or the checkpoint key), by fingerprint. */
export interface KnownKey {
  publicKey: string;
  /** The identity's name; null for the workspace's checkpoint key. */
  name: string | null;
  seq: number;
}

const TRUST = new Set<string>(Object.values(TRUST_ACTIONS));
const label = (e: AuditEntry) => `entry ${e.seq} (${e.action})`;

function introducedKey(e: AuditEntry): string | null {
  if (e.action !== TRUST_ACTIONS.created && e.action !== CHECKPOINT_KEY_ACTION) return null;
  const pk = e.details.publicKey;
  if (typeof pk !== 'string') return null;
  try {
    return fingerprintOf(pk) === e.signer ? pk : null;
  } catch {
    return null;
  }
}

/** Feeds entries in stored (seq) order; `finish` adds the trust replay and the checkpoints. */
export class ChainVerifier {
  readonly problems: AuditProblem[] = [];
  readonly keys = new Map<string, KnownKey>();
  private prev: AuditEntry | null = null;
  private count = 0;
  private trustRows: AuditEntry[] = [];
  /** Hashes of the entries checkpoints name (asked for before streaming), and the first seen hash per seq otherwise. */
  private readonly wanted: Map<number, string | null>;

  constructor(wantedSeqs: Iterable<number> = []) {
    this.wanted = new Map([...wantedSeqs].map((s) => [s, null]));
  }

  add(e: AuditEntry): void {
    this.count++;
    const prev = this.prev;
    const problem = (kind: AuditProblem['kind'], message: string) => this.problems.push({ seq: e.seq, kind, message });
    const expected = prev ? prev.seq + 1 : 1;
    let gap = false;
    if (prev && e.seq <= prev.seq) {
      problem('sequence', `entry ${e.seq} comes after entry ${prev.seq} — the sequence repeats or runs backwards; entries were renumbered`);
      gap = true;
    } else if (e.seq !== expected) {
      const missing = e.seq - expected === 1 ? `entry ${expected} was deleted` : `entries ${expected}–${e.seq - 1} were deleted`;
      problem('sequence', prev ? `the log jumps from entry ${prev.seq} to entry ${e.seq} — ${missing}` : `the log starts at entry ${e.seq} — ${missing}`);
      gap = true;
    }
    // The link first: for an insertion or a reordering it says more than the hash of a moved entry.
    if (!gap) {
      const want = prev ? prev.hash : GENESIS_HASH;
      if (e.prevHash !== want) {
        problem('chain', prev
          ? `entry ${e.seq}: its previous-hash does not match entry ${prev.seq} — an entry was removed, inserted or reordered`
          : `entry ${e.seq}: it does not start the chain (its previous-hash is not the genesis value) — earlier entries were removed`);
      }
    }
    const digest = payloadDigest(e.details);
    if (digest !== e.payloadDigest) problem('hash', `${label(e)}: its details do not match its payload digest — edited after it was written`);
    else if (entryHash({ ...e, payloadDigest: e.payloadDigest }) !== e.hash) {
      problem('hash', `${label(e)}: its sequence number, time, actor, action, subject or signer do not match its hash — edited or moved after it was written`);
    }
    this.checkSignature(e, problem);
    if (this.wanted.has(e.seq) && this.wanted.get(e.seq) === null) this.wanted.set(e.seq, e.hash);
    if (TRUST.has(e.action)) this.trustRows.push(e);
    this.prev = e;
  }

  private checkSignature(e: AuditEntry, problem: (kind: AuditProblem['kind'], message: string) => void): void {
    if (e.signer === null) {
      if (e.signature !== null) problem('signature', `${label(e)}: it carries a signature but names no signer — altered`);
      return;
    }
    if (e.signature === null) {
      problem('signature', `${label(e)}: it names signer ${shortFingerprint(e.signer)} but carries no signature — its signature was removed`);
      return;
    }
    const own = introducedKey(e);
    const known = own ? { publicKey: own, name: e.action === CHECKPOINT_KEY_ACTION ? null : String(e.details.name ?? ''), seq: e.seq } : this.keys.get(e.signer);
    if (!known) {
      problem('signature', `${label(e)}: it is signed by key ${shortFingerprint(e.signer)}, which no earlier entry introduces — forged or out of order`);
      return;
    }
    if (!verifyData(known.publicKey, signedBytes(e.hash), e.signature)) {
      const whose = known.name === null ? "the workspace's checkpoint key" : `${known.name}'s key`;
      problem('signature', `${label(e)}: its signature does not verify against ${whose} (${shortFingerprint(e.signer)}) — the entry or its signature was altered`);
      return;
    }
    if (own && !this.keys.has(e.signer)) this.keys.set(e.signer, known);
  }

  /** The last entry seen. */
  get head(): { seq: number; hash: string } | null {
    return this.prev ? { seq: this.prev.seq, hash: this.prev.hash } : null;
  }

  /** The trust replay's refusals (unsigned or unauthorised grants…) and every checkpoint, then the verdict. */
  finish(checkpoints: readonly { checkpoint: Checkpoint; source: string }[], workspaceId: string | null): AuditVerifyResult {
    const flagged = new Set(this.problems.map((p) => p.seq));
    for (const t of replayTrust(this.trustRows).problems) {
      if (flagged.has(t.seq)) continue;
      this.problems.push({ seq: t.seq, kind: 'unauthorised', message: `${t.message} — a change of who may do what that no admin made` });
    }
    for (const { checkpoint, source } of checkpoints) {
      const p = checkpointProblem(checkpoint, {
        workspaceId,
        head: this.head,
        hashAt: (seq) => this.wanted.get(seq) ?? null,
        knownKey: (fp) => this.keys.get(fp) ?? null,
      });
      if (p) this.problems.push({ ...p, message: `${p.message} (${source})` });
    }
    const order = (p: AuditProblem) => (p.seq === null ? Number.MAX_SAFE_INTEGER : p.seq);
    const sorted = this.problems.map((p, i) => ({ p, i })).sort((a, b) => order(a.p) - order(b.p) || a.i - b.i).map((x) => x.p);
    return {
      ok: sorted.length === 0,
      entries: this.count,
      head: this.head,
      checkpoints: checkpoints.length,
      firstBad: sorted[0] ?? null,
      problems: sorted,
      verifiedAt: new Date().toISOString(),
    };
  }
}

/** Verifies a list of entries (in stored order) against checkpoints: what a bundle verifier calls. */
export function verifyEntries(entries: Iterable<AuditEntry>, checkpoints: readonly Checkpoint[] = [], workspaceId: string | null = null): AuditVerifyResult {
  const v = new ChainVerifier(checkpoints.map((c) => c.seq));
  for (const e of entries) v.add(e);
  return v.finish(checkpoints.map((c, i) => ({ checkpoint: c, source: `checkpoint ${i + 1} given` })), workspaceId);
}
