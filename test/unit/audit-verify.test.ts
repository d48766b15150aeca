// The chain verifier on in-memory logs: every kind of tampering is found and the first bad entry is
// named in words; checkpoints catch a consistent rewrite and a cut-off end.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, Checkpoint } from '../../src/shared/api/governance-types';
import { entryHash, GENESIS_HASH, payloadDigest, signedBytes } from '../../src/main/engine/audit/chain';
import { signCheckpoint } from '../../src/main/engine/audit/checkpoint-sign';
import { CHECKPOINT_KEY_ACTION, verifyEntries } from '../../src/main/engine/audit/verify';
import { signerFor, type Signer } from '../../src/main/engine/identity/keys';

function newSigner(id: string | null, name: string): Signer {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return signerFor(id, name, publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey);
}

interface Spec {
  action: string;
  actor?: string;
  details?: Record<string, unknown>;
  subject?: Record<string, string>;
  signer?: Signer;
}

/** Seals entries: seq from `from`, chained to `prev`, hashes and signatures recomputed. */
function seal(specs: (Spec | AuditEntry)[], from = 1, prev = GENESIS_HASH): AuditEntry[] {
  const out: AuditEntry[] = [];
  specs.forEach((s, i) => {
    const seq = from + i;
    const details = s.details ?? {};
    const subject = s.subject ?? {};
    const actor = s.actor ?? 'alice';
    const signerFp = 'signer' in s && s.signer && typeof s.signer === 'object' ? s.signer.fingerprint : ((s as AuditEntry).signer ?? null);
    const at = new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString();
    const digest = payloadDigest(details);
    const hash = entryHash({ seq, at, actor, action: s.action, subject, payloadDigest: digest, prevHash: prev, signer: signerFp });
    const signature = 'signer' in s && s.signer && typeof s.signer === 'object' ? s.signer.sign(signedBytes(hash)) : null;
    out.push({ seq, at, actor, action: s.action, subject, details, payloadDigest: digest, prevHash: prev, hash, signer: signerFp, signature });
    prev = hash;
  });
  return out;
}

const alice = newSigner('i1', 'alice');
const bob = newSigner('i2', 'bob');
const ckpt = newSigner(null, 'checkpoint key');
const created = (s: Signer, id: string): Spec => ({ action: 'identity.created', actor: s.name, details: { identityId: id, name: s.name, publicKey: s.publicKey, fingerprint: s.fingerprint }, signer: s });
const grant = (id: string, role: string, signer?: Signer): Spec => ({ action: 'identity.roleGranted', details: { identityId: id, name: 'bob', role, reason: 'test' }, ...(signer ? { signer } : {}) });

/** 1 opened · 2 alice created · 3 bob created · 4 bob approver (alice) · 5 import · 6 checkpoint key · 7 profile · 8 export */
const base = (): AuditEntry[] => seal([
  { action: 'workspace.opened', details: { formatVersion: 9 } },
  created(alice, 'i1'),
  created(bob, 'i2'),
  grant('i2', 'approver', alice),
  { action: 'dataset.imported', subject: { dataset: 'd1' }, details: { rows: 3, name: 'people' } },
  { action: CHECKPOINT_KEY_ACTION, details: { publicKey: ckpt.publicKey, fingerprint: ckpt.fingerprint }, signer: ckpt },
  { action: 'dataset.profiled', subject: { dataset: 'd1', version: '1' }, details: { columns: 2 } },
  { action: 'dataset.exported', subject: { dataset: 'd1', version: '1' }, details: { rows: 3, sha256: 'ab'.repeat(32) } },
]);

const cp = (log: AuditEntry[], seq: number, by: Signer = ckpt, ws = 'ws-1'): Checkpoint =>
  signCheckpoint({ workspaceId: ws, seq, hash: log[seq - 1]!.hash, at: '2026-01-02T00:00:00.000Z' }, by, by === ckpt ? null : by.name);

const edit = (log: AuditEntry[], seq: number, patch: Partial<AuditEntry>) => log.map((e) => (e.seq === seq ? { ...e, ...patch } : e));

interface Case {
  name: string;
  tamper: (log: AuditEntry[]) => { log: AuditEntry[]; checkpoints?: Checkpoint[] };
  first: { seq: number | null; kind: string; message: RegExp } | null;
}

const CASES: Case[] = [
  { name: 'an untouched log', tamper: (log) => ({ log, checkpoints: [cp(log, 8), cp(log, 4, alice)] }), first: null },
  { name: 'edited details', tamper: (log) => ({ log: edit(log, 5, { details: { rows: 30, name: 'people' } }) }),
    first: { seq: 5, kind: 'hash', message: /^entry 5 \(dataset\.imported\): its details do not match its payload digest — edited after it was written$/ } },
  { name: 'edited actor', tamper: (log) => ({ log: edit(log, 7, { actor: 'mallory' }) }), first: { seq: 7, kind: 'hash', message: /^entry 7 \(dataset\.profiled\): its sequence number, time, actor/ } },
  { name: 'edited time', tamper: (log) => ({ log: edit(log, 7, { at: '2025-01-01T00:00:00.000Z' }) }), first: { seq: 7, kind: 'hash', message: /do not match its hash/ } },
  { name: 'edited action', tamper: (log) => ({ log: edit(log, 7, { action: 'dataset.viewed' }) }), first: { seq: 7, kind: 'hash', message: /^entry 7 \(dataset\.viewed\)/ } },
  { name: 'edited subject', tamper: (log) => ({ log: edit(log, 5, { subject: { dataset: 'd9' } }) }), first: { seq: 5, kind: 'hash', message: /do not match its hash/ } },
  { name: 'a middle entry deleted', tamper: (log) => ({ log: log.filter((e) => e.seq !== 5) }),
    first: { seq: 6, kind: 'sequence', message: /^the log jumps from entry 4 to entry 6 — entry 5 was deleted$/ } },
  { name: 'two entries deleted', tamper: (log) => ({ log: log.filter((e) => e.seq !== 5 && e.seq !== 6) }), first: { seq: 7, kind: 'sequence', message: /entries 5–6 were deleted/ } },
  { name: 'the first entry deleted', tamper: (log) => ({ log: log.slice(1) }), first: { seq: 2, kind: 'sequence', message: /^the log starts at entry 2 — entry 1 was deleted$/ } },
  { name: 'two entries swapped', tamper: (log) => ({ log: [...log.slice(0, 4), { ...log[5]!, seq: 5 }, { ...log[4]!, seq: 6 }, ...log.slice(6)] }),
    first: { seq: 5, kind: 'chain', message: /^entry 5: its previous-hash does not match entry 4 — an entry was removed, inserted or reordered$/ } },
  {
    name: 'a forged entry inserted with a self-consistent hash',
    tamper: (log) => {
      const forged = seal([{ action: 'dataset.deleted', subject: { dataset: 'd1' } }], 5, log[3]!.hash);
      return { log: [...log.slice(0, 4), ...forged, ...log.slice(4).map((e) => ({ ...e, seq: e.seq + 1 }))] };
    },
    first: { seq: 6, kind: 'chain', message: /^entry 6: its previous-hash does not match entry 5/ },
  },
  { name: 'a signature replaced', tamper: (log) => ({ log: edit(log, 4, { signature: bob.sign(signedBytes(log[3]!.hash)) }) }),
    first: { seq: 4, kind: 'signature', message: /^entry 4 \(identity\.roleGranted\): its signature does not verify against alice's key/ } },
  { name: 'a signature removed', tamper: (log) => ({ log: edit(log, 4, { signature: null }) }), first: { seq: 4, kind: 'signature', message: /carries no signature/ } },
  { name: 'an unsigned role grant appended', tamper: (log) => ({ log: [...log, ...seal([grant('i2', 'admin')], 9, log[7]!.hash)] }),
    first: { seq: 9, kind: 'unauthorised', message: /^entry 9 \(identity\.roleGranted\): it is not signed; ignored/ } },
  { name: 'a role grant signed by a non-admin', tamper: (log) => ({ log: [...log, ...seal([grant('i2', 'admin', bob)], 9, log[7]!.hash)] }),
    first: { seq: 9, kind: 'unauthorised', message: /it is not signed by an admin/ } },
  { name: 'a grant signed by an unknown key', tamper: (log) => ({ log: [...log, ...seal([grant('i2', 'admin', newSigner('i9', 'eve'))], 9, log[7]!.hash)] }),
    first: { seq: 9, kind: 'signature', message: /which no earlier entry introduces/ } },
  {
    name: 'a consistent rewrite after an edit (caught by the checkpoint)',
    tamper: (log) => {
      const checkpoints = [cp(log, 8)];
      const rewritten = [...log.slice(0, 6), ...seal([{ ...log[6]!, action: 'dataset.profiled', details: { columns: 99 }, subject: log[6]!.subject, actor: log[6]!.actor }, { action: log[7]!.action, subject: log[7]!.subject, details: log[7]!.details }], 7, log[5]!.hash)];
      return { log: rewritten, checkpoints };
    },
    first: { seq: 8, kind: 'checkpoint', message: /^entry 8 no longer has the hash the checkpoint of entry 8 signed by the workspace's checkpoint key on 2026-01-02 00:00:00 UTC recorded — the log was rewritten/ },
  },
  { name: 'the end cut off (caught by the checkpoint)', tamper: (log) => ({ log: log.slice(0, 6), checkpoints: [cp(log, 8, alice)] }),
    first: { seq: 7, kind: 'truncated', message: /^the log ends at entry 6 but a checkpoint of entry 8 signed by alice on 2026-01-02 00:00:00 UTC covers entry 8 — entries were cut off the end/ } },
  { name: 'a checkpoint of another workspace', tamper: (log) => ({ log, checkpoints: [cp(log, 8, ckpt, 'ws-2')] }), first: { seq: null, kind: 'checkpoint', message: /belongs to another workspace/ } },
  { name: 'an altered checkpoint', tamper: (log) => ({ log, checkpoints: [{ ...cp(log, 8), seq: 7, hash: log[6]!.hash }] }), first: { seq: 7, kind: 'checkpoint', message: /signature that does not verify/ } },
  { name: 'a checkpoint by a key the log never introduces', tamper: (log) => ({ log, checkpoints: [cp(log, 8, newSigner(null, 'x'))] }), first: { seq: 8, kind: 'checkpoint', message: /which the log never introduces/ } },
];

describe('verifyEntries', () => {
  it.each(CASES)('$name', ({ tamper, first }) => {
    const { log, checkpoints = [] } = tamper(base());
    const r = verifyEntries(log, checkpoints, 'ws-1');
    if (first === null) {
      expect(r.problems).toEqual([]);
      expect(r).toMatchObject({ ok: true, firstBad: null, entries: log.length, checkpoints: checkpoints.length });
      return;
    }
    expect(r.ok).toBe(false);
    expect(r.firstBad).toMatchObject({ seq: first.seq, kind: first.kind });
    expect(r.firstBad?.message).toMatch(first.message);
    expect(r.problems[0]).toEqual(r.firstBad);
  });

  it('does not let a forged grant change trust, and reports every problem, first bad first', () => {
    const log = base();
    const bad = [...edit(log, 7, { actor: 'x' }), ...seal([grant('i2', 'admin')], 9, log[7]!.hash)];
    const r = verifyEntries(bad, [], 'ws-1');
    expect(r.problems.map((p) => [p.seq, p.kind])).toEqual([[7, 'hash'], [9, 'unauthorised']]);
  });
});
