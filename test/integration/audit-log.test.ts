// The audit log as people read it: a format-8 workspace's plain entries become a verifiable chain
// when it opens; audit.list filters and pages; checkpoint files are written atomically and never
// over an existing file without force; close writes a checkpoint when the log grew.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCheckpoint } from '../../src/main/engine/audit/checkpoint-sign';
import { GENESIS_HASH } from '../../src/main/engine/audit/chain';
import { verifyWorkspaceLog } from '../../src/main/engine/audit/verify-workspace';
import { MIGRATIONS, migrate } from '../../src/main/engine/workspace/schema';
import { policyDoc } from '../support/clean';
import { startTestEngine, tempDir, writeFixture } from '../support/engine';

describe('a format-8 workspace', () => {
  it('opens, is chained, and verifies; its old entries read as they were written', async () => {
    const dir = path.join(tempDir('ds-audit-f8-'), 'workspace');
    fs.mkdirSync(dir, { recursive: true });
    const inst = await DuckDBInstance.create(path.join(dir, 'workspace.duckdb'));
    const c = await inst.connect();
    expect(await migrate(c, 0, MIGRATIONS.slice(0, 8))).toBe(8);
    // Written the old way: microsecond times, big numbers, non-ASCII text, nested details.
    const old = [
      [1, '2025-03-01 10:00:00.123456+00', 'olduser', 'workspace.created', { workspace: dir }, { formatVersion: 8 }],
      [2, '2025-03-01 10:00:01.5+00', 'olduser', 'dataset.imported', { dataset: 'd1', version: '1' }, { rows: 12345678901234, name: 'Café ☃', nested: { a: [1, 2, { b: null }] } }],
      [3, '2025-03-02 09:00:00+00', 'olduser', 'workspace.opened', { workspace: dir }, { formatVersion: 8, sweptTables: [] }],
    ] as const;
    for (const [seq, at, actor, action, subject, details] of old) {
      await c.run('INSERT INTO _ds_event_log VALUES ($seq, $at::TIMESTAMPTZ, $actor, $action, $subject::JSON, $details::JSON)', { seq, at, actor, action, subject: JSON.stringify(subject), details: JSON.stringify(details) });
    }
    c.closeSync();
    inst.closeSync();

    const t = await startTestEngine({ workspaceDir: dir });
    try {
      const r = await t.call('audit.verify', {});
      expect(r.problems).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.entries).toBe(5);
      const list = (await t.call('audit.list', { limit: 10, filter: {} })).reverse();
      expect(list.map((e) => e.action)).toEqual(['workspace.created', 'dataset.imported', 'workspace.opened', 'workspace.migrated', 'workspace.opened']);
      expect(list[0]!.prevHash).toBe(GENESIS_HASH);
      for (let i = 1; i < list.length; i++) expect(list[i]!.prevHash).toBe(list[i - 1]!.hash);
      expect(list[0]!.at).toBe('2025-03-01T10:00:00.123Z');
      expect(list[1]!.details).toEqual({ rows: 12345678901234, name: 'Café ☃', nested: { a: [1, 2, { b: null }] } });
      expect(list[3]!.details).toEqual({ from: 8, to: MIGRATIONS.length });
      // Streamed in chunks: the same verdict whatever the chunk size, and a gap on a chunk boundary is seen.
      for (const chunk of [1, 2, 3, 5000]) expect(await verifyWorkspaceLog(t.engine.workspace.db, { chunk })).toMatchObject({ ok: true, entries: 5 });
      await t.engine.workspace.db.run('DELETE FROM _ds_event_log WHERE seq = 3');
      for (const chunk of [1, 2, 3, 5000]) {
        expect((await verifyWorkspaceLog(t.engine.workspace.db, { chunk })).firstBad?.message).toBe('the log jumps from entry 2 to entry 4 — entry 3 was deleted');
      }
    } finally {
      await t.close();
    }
  });
});

describe('audit.list', () => {
  it('filters by actor, action, action prefix and subject, newest first, and pages with beforeSeq', async () => {
    const t = await startTestEngine();
    try {
      await t.call('identity.create', { name: 'alice', passphrase: 'correct horse', roles: [] });
      await t.call('identity.create', { name: 'bob', passphrase: 'battery staple', roles: ['approver'], activate: false });
      const csv = writeFixture(path.dirname(t.dir), 'a.csv', 'x\n1\n');
      const d1 = (await t.importFile(csv)).datasetId;
      await t.call('identity.lock', {});
      const d2 = (await t.importFile(csv)).datasetId;
      await t.settle();
      const all = await t.call('audit.list', { limit: 100, filter: {} });
      expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => b - a));
      const cases: { filter: Record<string, string>; actions: string[] }[] = [
        { filter: { action: 'identity.' }, actions: ['identity.locked', 'identity.roleGranted', 'identity.created', 'identity.created'] },
        { filter: { action: 'dataset.imported' }, actions: ['dataset.imported', 'dataset.imported'] },
        { filter: { action: 'dataset' }, actions: [] },
        { filter: { actor: 'ALICE', action: 'dataset.' }, actions: ['dataset.imported'] },
        { filter: { subject: d2 }, actions: ['dataset.imported'] },
        { filter: { subject: d1, actor: t.engine.osUser }, actions: [] },
        { filter: { subject: 'i2' }, actions: ['identity.roleGranted', 'identity.created'] },
      ];
      for (const c of cases) {
        const got = await t.call('audit.list', { limit: 100, filter: c.filter });
        expect(got.map((e) => e.action).filter((a) => !a.startsWith('identity.unlock')), JSON.stringify(c.filter)).toEqual(c.actions);
      }
      const page1 = await t.call('audit.list', { limit: 2, filter: {} });
      const page2 = await t.call('audit.list', { limit: 2, filter: {}, beforeSeq: page1[1]!.seq });
      expect([...page1, ...page2].map((e) => e.seq)).toEqual(all.slice(0, 4).map((e) => e.seq));
      expect((await t.call('audit.entry', { seq: all.at(-1)!.seq })).action).toBe('workspace.created');
      expect(await t.fail('audit.entry', { seq: 9999 })).toMatchObject({ code: 'NOT_FOUND', message: 'The audit log has no entry 9999.' });
    } finally {
      await t.close();
    }
  });
});

describe('checkpoints', () => {
  it('writes a signed file atomically, refuses to overwrite without force, and one at close when the log grew', async () => {
    const t = await startTestEngine();
    const dir = t.dir;
    const file = path.join(path.dirname(dir), 'head.json');
    await t.call('identity.create', { name: 'alice', passphrase: 'correct horse', roles: [] });
    const cp = await t.call('audit.checkpoint', { path: file, force: false });
    expect(cp.signer.name).toBe('alice');
    expect(parseCheckpoint(fs.readFileSync(file, 'utf8'), file)).toEqual(cp);
    const again = await t.fail('audit.checkpoint', { path: file, force: false });
    expect(again).toMatchObject({ code: 'ALREADY_EXISTS', message: `${file} already exists; give force (CLI: --force) to replace it.` });
    expect(parseCheckpoint(fs.readFileSync(file, 'utf8'), file)).toEqual(cp);
    await t.call('identity.lock', {});
    const replaced = await t.call('audit.checkpoint', { path: file, force: true });
    expect(replaced.signer.name).toBeNull();
    expect(replaced.seq).toBeGreaterThan(cp.seq);
    expect(fs.readdirSync(path.dirname(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(fs.statSync(path.join(dir, 'audit.key')).mode & 0o777).toBe(0o600);
    // A damaged file is named, not crashed on.
    fs.writeFileSync(file, '{"format":"data-sanitizer/checkpoint@1"}');
    expect((await t.fail('audit.verify', { checkpoint: file })).message).toMatch(/^The checkpoint file .*head\.json is not a Data Sanitizer checkpoint: workspaceId/);
    const stored = await t.engine.workspace.db.all('SELECT seq FROM _ds_checkpoint ORDER BY seq');
    await t.engine.close();

    // Reopening grows the log (workspace.opened): closing again leaves a checkpoint of the new head.
    const t2 = await startTestEngine({ workspaceDir: dir });
    try {
      const head = (await t2.call('audit.list', { limit: 1, filter: {} }))[0]!.seq;
      await t2.engine.close();
      const inst = await DuckDBInstance.create(path.join(dir, 'workspace.duckdb'));
      const c = await inst.connect();
      const seqs = (await c.runAndReadAll('SELECT seq FROM _ds_checkpoint ORDER BY seq')).getRowObjects().map((r) => Number(r.seq));
      c.closeSync();
      inst.closeSync();
      expect(seqs.length).toBe(stored.length + 1);
      expect(seqs.at(-1)).toBe(head);
    } finally {
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });
});

describe('the whole governance flow', () => {
  it('leaves a log that verifies: signed policy saves, submit, approve, a purge, and their signers', async () => {
    const t = await startTestEngine();
    try {
      await t.call('identity.create', { name: 'alice', passphrase: 'alice passphrase', roles: ['steward'] });
      await t.call('identity.create', { name: 'bob', passphrase: 'bob passphrase', roles: ['approver'], activate: false });
      const d = (await t.importFile(writeFixture(path.dirname(t.dir), 'c.csv', 'city\n nyc\nParis\n'))).datasetId;
      await t.settle();
      const saved = await t.call('policy.save', { policy: policyDoc([{ id: 'trim', type: 'trim' }], 'tidy'), summary: 'first' });
      await t.call('policy.transition', { policyId: saved.policyId, version: 1, action: 'submit', reason: 'ready for review' });
      await t.call('identity.unlock', { name: 'bob', passphrase: 'bob passphrase' });
      await t.call('policy.transition', { policyId: saved.policyId, version: 1, action: 'approve', reason: 'looks right' });
      await t.call('identity.unlock', { name: 'alice', passphrase: 'alice passphrase' });
      await t.call('dataset.purge', { datasetId: d, version: 1, reason: 'erasure request 7' });
      await t.call('audit.checkpoint', {});
      const r = await t.call('audit.verify', {});
      expect(r.problems).toEqual([]);
      expect(r.ok).toBe(true);
      const signed = (await t.call('audit.list', { limit: 100, filter: { action: 'policy.' } })).map((e) => [e.action, e.actor, e.signer !== null]);
      expect(signed).toEqual(expect.arrayContaining([['policy.transition', 'bob', true], ['policy.transition', 'alice', true]]));
    } finally {
      await t.close();
    }
  });
});
