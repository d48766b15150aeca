// Tampering with the audit log directly in the DuckDB file — after the engine closed it — is found
// by audit.verify when the workspace is reopened, which names the first bad entry and why. Each case
// starts from a copy of one real workspace (identities, an import, a profile, an export, a
// checkpoint held in a file outside it).
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryHash, payloadDigest, signedBytes } from '../../src/main/engine/audit/chain';
import { signerFor } from '../../src/main/engine/identity/keys';
import { startTestEngine, tempDir, writeFixture } from '../support/engine';

let root: string;
let template: string;
let held: string;
/** The template's log: seq by action (the first of each), the signer of each seq, and the head. */
let seqOf: (action: string, nth?: number) => number;
let signerAt: Map<number, string | null>;
let head: number;
let aliceFp: string;

interface Row {
  seq: number;
  at_iso: string;
  actor: string;
  action: string;
  subject: string;
  details: string;
  prev_hash: string;
  hash: string;
  signer: string | null;
}

async function withDb<T>(dir: string, fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  const inst = await DuckDBInstance.create(path.join(dir, 'workspace.duckdb'));
  const c = await inst.connect();
  try {
    return await fn(c);
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}

async function rows(c: DuckDBConnection, where = 'true'): Promise<Row[]> {
  const r = await c.runAndReadAll(`SELECT seq, strftime("at" AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS at_iso, actor, action, subject::VARCHAR AS subject, details::VARCHAR AS details, prev_hash, hash, signer
    FROM _ds_event_log WHERE ${where} ORDER BY seq`);
  return r.getRowObjects().map((o) => ({ ...o, seq: Number(o.seq) }) as unknown as Row);
}

/** Inserts a forged entry at `seq`, chained to `prev`, with a self-consistent digest and hash. */
async function forge(c: DuckDBConnection, seq: number, prev: string, e: { action: string; actor: string; subject: object; details: object; signer?: string; sign?: (h: Buffer) => string }): Promise<void> {
  const at = '2026-06-01T00:00:00.000Z';
  const digest = payloadDigest(e.details as Record<string, unknown>);
  const hash = entryHash({ seq, at, actor: e.actor, action: e.action, subject: e.subject as Record<string, string>, payloadDigest: digest, prevHash: prev, signer: e.signer ?? null });
  await c.run(`INSERT INTO _ds_event_log (seq, "at", actor, action, subject, details, payload_digest, prev_hash, hash, signer, signature) VALUES ($seq, $at::TIMESTAMPTZ, $actor, $action, $subject, $details, $digest, $prev, $hash, $signer, $sig)`, {
    seq, at, actor: e.actor, action: e.action, subject: JSON.stringify(e.subject), details: JSON.stringify(e.details), digest, prev, hash,
    signer: e.signer ?? null, sig: e.sign ? e.sign(signedBytes(hash)) : null,
  });
}

/** Recomputes digests, links and hashes from `from` to the end (what a careful forger does). */
async function rechain(c: DuckDBConnection, from: number): Promise<void> {
  const all = await rows(c);
  let prev = all.find((r) => r.seq === from - 1)!.hash;
  for (const r of all.filter((x) => x.seq >= from)) {
    const details = JSON.parse(r.details) as Record<string, unknown>;
    const digest = payloadDigest(details);
    const hash = entryHash({ seq: r.seq, at: r.at_iso, actor: r.actor, action: r.action, subject: JSON.parse(r.subject) as Record<string, string>, payloadDigest: digest, prevHash: prev, signer: r.signer });
    await c.run('UPDATE _ds_event_log SET payload_digest = $d, prev_hash = $p, hash = $h WHERE seq = $s', { d: digest, p: prev, h: hash, s: r.seq });
    prev = hash;
  }
}

beforeAll(async () => {
  root = tempDir('ds-audit-');
  template = path.join(root, 'template', 'workspace');
  held = path.join(root, 'held-checkpoint.json');
  const t = await startTestEngine({ workspaceDir: template });
  await t.call('identity.create', { name: 'alice', passphrase: 'correct horse', roles: [] });
  await t.call('identity.create', { name: 'bob', passphrase: 'battery staple', roles: ['approver'], activate: false });
  const csv = writeFixture(root, 'people.csv', 'name,city\nAda,Paris\nBo,Oslo\nCy,Rome\n');
  const imp = await t.importFile(csv);
  await t.settle();
  await t.call('identity.lock', {});
  expect((await t.runJob('profile.start', { datasetId: imp.datasetId, version: 1 })).state).toBe('succeeded');
  expect((await t.runJob('export.start', { datasetId: imp.datasetId, path: path.join(root, 'out.csv'), force: false, formulaEscape: true })).state).toBe('succeeded');
  await t.importFile(writeFixture(root, 'more.csv', 'a,b\n1,2\n'));
  await t.settle();
  await t.runJob('profile.start', { datasetId: 'd2', version: 1 });
  await t.call('audit.checkpoint', { path: held, force: false });
  const ok = await t.call('audit.verify', { checkpoint: held });
  expect(ok.problems).toEqual([]);
  await t.engine.close();
  const log = await withDb(template, (c) => rows(c));
  seqOf = (action, nth = 1) => {
    const s = log.filter((r) => r.action === action)[nth - 1]?.seq;
    if (s === undefined) throw new Error(`no ${action} #${nth} in ${log.map((r) => r.action).join(', ')}`);
    return s;
  };
  signerAt = new Map(log.map((r) => [r.seq, r.signer]));
  head = log.at(-1)!.seq;
  aliceFp = log.find((r) => r.action === 'identity.created')!.signer!;
}, 180_000);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

interface Case {
  name: string;
  tamper: (c: DuckDBConnection) => Promise<void>;
  /** Verify with the checkpoint file held outside the workspace. */
  useHeld?: boolean;
  first: null | (() => { seq: number | null; kind: string; message: RegExp });
}

const CASES: Case[] = [
  { name: 'nothing (intact)', tamper: async () => {}, useHeld: true, first: null },
  { name: 'details edited', tamper: (c) => c.run(`UPDATE _ds_event_log SET details = '{"rows": 300}' WHERE seq = ${seqOf('dataset.imported')}`).then(() => undefined),
    first: () => ({ seq: seqOf('dataset.imported'), kind: 'hash', message: new RegExp(`^entry ${seqOf('dataset.imported')} \\(dataset\\.imported\\): its details do not match its payload digest — edited after it was written$`) }) },
  { name: 'actor edited', tamper: (c) => c.run(`UPDATE _ds_event_log SET actor = 'mallory' WHERE seq = ${seqOf('dataset.profiled')}`).then(() => undefined),
    first: () => ({ seq: seqOf('dataset.profiled'), kind: 'hash', message: /\(dataset\.profiled\): its sequence number, time, actor, action, subject or signer do not match its hash/ }) },
  { name: 'time edited', tamper: (c) => c.run(`UPDATE _ds_event_log SET "at" = "at" - INTERVAL 1 DAY WHERE seq = ${seqOf('dataset.exported')}`).then(() => undefined),
    first: () => ({ seq: seqOf('dataset.exported'), kind: 'hash', message: /do not match its hash/ }) },
  { name: 'action edited', tamper: (c) => c.run(`UPDATE _ds_event_log SET action = 'dataset.viewed' WHERE seq = ${seqOf('dataset.exported')}`).then(() => undefined),
    first: () => ({ seq: seqOf('dataset.exported'), kind: 'hash', message: /\(dataset\.viewed\): .*do not match its hash/ }) },
  { name: 'subject edited', tamper: (c) => c.run(`UPDATE _ds_event_log SET subject = '{"dataset":"d7"}' WHERE seq = ${seqOf('dataset.imported')}`).then(() => undefined),
    first: () => ({ seq: seqOf('dataset.imported'), kind: 'hash', message: /do not match its hash/ }) },
  { name: 'a middle entry deleted', tamper: (c) => c.run(`DELETE FROM _ds_event_log WHERE seq = ${seqOf('dataset.profiled')}`).then(() => undefined),
    first: () => {
      const s = seqOf('dataset.profiled');
      return { seq: s + 1, kind: 'sequence', message: new RegExp(`^the log jumps from entry ${s - 1} to entry ${s + 1} — entry ${s} was deleted$`) };
    } },
  {
    name: 'two entries swapped',
    tamper: async (c) => {
      const s = seqOf('dataset.profiled');
      await c.run(`UPDATE _ds_event_log SET seq = -1 WHERE seq = ${s}`);
      await c.run(`UPDATE _ds_event_log SET seq = ${s} WHERE seq = ${s + 1}`);
      await c.run(`UPDATE _ds_event_log SET seq = ${s + 1} WHERE seq = -1`);
    },
    first: () => ({ seq: seqOf('dataset.profiled'), kind: 'chain', message: new RegExp(`^entry ${seqOf('dataset.profiled')}: its previous-hash does not match entry ${seqOf('dataset.profiled') - 1} — an entry was removed, inserted or reordered$`) }),
  },
  {
    name: 'a forged entry inserted with a self-consistent hash',
    tamper: async (c) => {
      const s = seqOf('dataset.profiled');
      await c.run(`UPDATE _ds_event_log SET seq = seq + 1000000 WHERE seq > ${s}`);
      await c.run(`UPDATE _ds_event_log SET seq = seq - 1000000 + 1 WHERE seq > 1000000`);
      const prev = (await rows(c, `seq = ${s}`))[0]!.hash;
      await forge(c, s + 1, prev, { action: 'dataset.deleted', actor: 'alice', subject: { dataset: 'd1' }, details: { tables: [] } });
    },
    first: () => ({ seq: seqOf('dataset.profiled') + 2, kind: 'chain', message: new RegExp(`^entry ${seqOf('dataset.profiled') + 2}: its previous-hash does not match entry ${seqOf('dataset.profiled') + 1}`) }),
  },
  {
    name: 'the chain rewritten consistently after an edit (caught by the stored checkpoints)',
    tamper: async (c) => {
      const s = seqOf('dataset.imported', 2);
      await c.run(`UPDATE _ds_event_log SET details = '{"rows": 1000}' WHERE seq = ${s}`);
      await rechain(c, s);
    },
    // The edit itself cannot be told apart from the rewrite: the first checkpoint after it is what breaks.
    first: () => ({ seq: head, kind: 'checkpoint', message: new RegExp(`^entry ${head} no longer has the hash the checkpoint of entry ${head} signed by .* recorded — the log was rewritten at or before entry ${head} \\(stored in the workspace\\)`) }),
  },
  {
    name: 'the chain rewritten and the stored checkpoints deleted (caught by the checkpoint held outside)',
    tamper: async (c) => {
      const s = seqOf('dataset.imported', 2);
      await c.run(`UPDATE _ds_event_log SET details = '{"rows": 1000}' WHERE seq = ${s}`);
      await rechain(c, s);
      await c.run('DELETE FROM _ds_checkpoint');
    },
    useHeld: true,
    first: () => ({ seq: head, kind: 'checkpoint', message: new RegExp(`^entry ${head} no longer has the hash the checkpoint of entry ${head} signed by the workspace's checkpoint key on .* recorded .*\\(held in `) }),
  },
  {
    name: 'the end cut off (caught by the checkpoint held outside)',
    tamper: async (c) => {
      await c.run(`DELETE FROM _ds_event_log WHERE seq > ${head - 3}`);
      await c.run(`DELETE FROM _ds_checkpoint WHERE seq > ${head - 3}`);
    },
    useHeld: true,
    // Reopening logs workspace.opened as entry head − 2: the log then ends there.
    first: () => ({ seq: head - 1, kind: 'truncated', message: new RegExp(`^the log ends at entry ${head - 2} but a checkpoint of entry ${head} signed by the workspace's checkpoint key on .* covers entry ${head} — entries were cut off the end`) }),
  },
  {
    name: 'an unsigned role grant forged at the end',
    tamper: async (c) => {
      const last = (await rows(c, `seq = ${head}`))[0]!;
      await forge(c, head + 1, last.hash, { action: 'identity.roleGranted', actor: 'bob', subject: { identity: 'i2' }, details: { identityId: 'i2', name: 'bob', role: 'admin', reason: 'promoted myself' } });
    },
    first: () => ({ seq: head + 1, kind: 'unauthorised', message: new RegExp(`^entry ${head + 1} \\(identity\\.roleGranted\\): it is not signed; ignored`) }),
  },
  {
    name: 'a role grant forged with a wrong signature',
    tamper: async (c) => {
      const last = (await rows(c, `seq = ${head}`))[0]!;
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const eve = signerFor(null, 'eve', publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey);
      await forge(c, head + 1, last.hash, { action: 'identity.roleGranted', actor: 'alice', subject: { identity: 'i2' }, details: { identityId: 'i2', name: 'bob', role: 'admin', reason: 'x' }, signer: aliceFp, sign: (h) => eve.sign(h) });
    },
    first: () => ({ seq: head + 1, kind: 'signature', message: /\(identity\.roleGranted\): its signature does not verify against alice's key/ }),
  },
];

describe('audit.verify on a tampered workspace file', () => {
  it.each(CASES)('$name', async ({ name, tamper, useHeld, first }) => {
    const dir = path.join(root, name.replace(/[^a-z]+/gi, '-'), 'workspace');
    fs.cpSync(path.dirname(template), path.dirname(dir), { recursive: true });
    await withDb(dir, tamper);
    const t = await startTestEngine({ workspaceDir: dir });
    try {
      const r = await t.call('audit.verify', useHeld ? { checkpoint: held } : {});
      if (!first) {
        expect(r.problems).toEqual([]);
        expect(r.ok).toBe(true);
        expect(r.checkpoints).toBeGreaterThanOrEqual(3);
        return;
      }
      const want = first();
      expect(r.ok).toBe(false);
      expect(r.firstBad).toMatchObject({ seq: want.seq, kind: want.kind });
      expect(r.firstBad?.message).toMatch(want.message);
      // A forged grant never makes bob an admin: trust is replayed from signed entries only.
      const bob = (await t.call('identity.list', {})).find((i) => i.name === 'bob');
      expect(bob?.roles).toEqual(['approver']);
    } finally {
      await t.close();
    }
  });

  it('the template signs what it should: identities and grants by their keys, the checkpoint key entry by itself', () => {
    expect(signerAt.get(seqOf('identity.created'))).toBe(aliceFp);
    expect(signerAt.get(seqOf('identity.roleGranted'))).toBe(aliceFp);
    expect(signerAt.get(seqOf('audit.checkpointKey'))).toMatch(/^[0-9a-f]{64}$/);
    expect(signerAt.get(seqOf('dataset.profiled'))).toBeNull();
    expect(seqOf('audit.checkpointKey')).toBeLessThan(seqOf('dataset.imported', 2));
  });

  it('a rewritten log with its stored checkpoints deleted verifies without the held checkpoint: only a checkpoint kept outside catches it', async () => {
    const dir = path.join(root, 'rewrite-no-held', 'workspace');
    fs.cpSync(path.dirname(template), path.dirname(dir), { recursive: true });
    await withDb(dir, async (c) => {
      const s = seqOf('dataset.imported', 2);
      await c.run(`UPDATE _ds_event_log SET details = '{"rows": 1000}' WHERE seq = ${s}`);
      await rechain(c, s);
      await c.run('DELETE FROM _ds_checkpoint');
    });
    const t = await startTestEngine({ workspaceDir: dir });
    try {
      expect((await t.call('audit.verify', {})).ok).toBe(true);
      expect((await t.call('audit.verify', { checkpoint: held })).ok).toBe(false);
    } finally {
      await t.close();
    }
  });
});
