// Purging a dataset version (erasure): admin only, signed, the chain stays valid, and no value of the
// purged version is left in any table of the workspace — while the versions written from it keep
// their own data, and every read of the purged one says when, by whom and why.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ident } from '../../src/main/engine/db/sql';
import type { RunResult } from '../../src/shared/api/clean-types';
import { jobResult, policyDoc } from '../support/clean';
import { readAll, startTestEngine, writeFixture, type TestEngine } from '../support/engine';

let t: TestEngine;
let datasetId: string;
const MARKERS = ['zephyrina quux', 'xylophonia', 'qqmarker1@example.org', 'rare-city-omicron'];

/** How many rows of every table of the workspace database contain `marker` (as JSON text). */
async function occurrences(marker: string): Promise<Record<string, number>> {
  const tables = await t.engine.workspace.db.all(`SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'`);
  const out: Record<string, number> = {};
  for (const r of tables) {
    const name = String(r.table_name);
    const n = await t.engine.workspace.db.one(`SELECT count(*) AS n FROM ${ident(name)} x WHERE contains(to_json(x)::VARCHAR, $m)`, { m: marker });
    if (Number(n?.n) > 0) out[name] = Number(n?.n);
  }
  return out;
}

beforeAll(async () => {
  t = await startTestEngine();
  await t.call('identity.create', { name: 'alice', passphrase: 'correct horse', roles: [] });
  await t.call('identity.create', { name: 'bob', passphrase: 'battery staple', roles: ['steward', 'approver'], activate: false });
  const csv = writeFixture(path.dirname(t.dir), 'people.csv', 'name,email,city\nzephyrina quux,qqmarker1@example.org,rare-city-omicron\nxylophonia,other@example.org,Oslo\nplain,third@example.org,Rome\n');
  datasetId = (await t.importFile(csv)).datasetId;
  await t.settle();
  const run = await jobResult<RunResult>(await t.runJob('clean.run', {
    datasetId, version: 1, source: { policy: policyDoc([{ id: 's1', type: 'change_case', columns: { names: ['name', 'email', 'city'] }, params: { mode: 'upper' } }]) },
  }));
  expect(run.outputVersion).toBe(2);
  expect((await t.runJob('profile.start', { datasetId, version: 1 })).state).toBe('succeeded');
  expect((await t.runJob('pii.start', { datasetId, version: 1 })).state).toBe('succeeded');
}, 180_000);

afterAll(async () => {
  await t.close();
});

describe('dataset.purge', () => {
  it('is refused without an identity and to a non-admin, and leaves the data', async () => {
    await t.call('identity.lock', {});
    expect(await t.fail('dataset.purge', { datasetId, version: 1, reason: 'erasure request 12' })).toMatchObject({ code: 'UNAUTHENTICATED' });
    await t.call('identity.unlock', { name: 'bob', passphrase: 'battery staple' });
    const refused = await t.fail('dataset.purge', { datasetId, version: 1, reason: 'erasure request 12' });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toBe('Purging v1 of people.csv refused: bob holds steward, approver; it needs admin.');
    expect((await readAll(t, datasetId, 1)).rows[0]).toEqual(['zephyrina quux', 'qqmarker1@example.org', 'rare-city-omicron']);
  });

  it('removes every copy of the version\'s values, keeps the derived version, signs a tombstone, and keeps the chain valid', async () => {
    for (const m of MARKERS) expect(Object.keys(await occurrences(m)).length).toBeGreaterThan(0);
    const before = await t.call('audit.list', { limit: 1, filter: {} });
    await t.call('identity.unlock', { name: 'alice', passphrase: 'correct horse' });
    const alice = (await t.call('identity.session', {})).identity!;

    const r = await t.call('dataset.purge', { datasetId, version: 1, reason: 'erasure request 12' });
    expect(r.tombstoneSeq).toBeGreaterThan(before[0]!.seq);
    for (const m of MARKERS) expect(await occurrences(m), m).toEqual({});

    const tomb = await t.call('audit.entry', { seq: r.tombstoneSeq });
    expect(tomb).toMatchObject({ action: 'dataset.purged', actor: 'alice', signer: alice.fingerprint, subject: { dataset: datasetId, version: '1' } });
    expect(tomb.details).toMatchObject({ datasetId, version: 1, reason: 'erasure request 12', rows: 3, contentDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const removed = tomb.details.removed as Record<string, number>;
    expect(removed.findings).toBeGreaterThan(0);
    expect(removed.profiles).toBe(1);
    expect(removed.childLedgerValuesCleared).toBeGreaterThan(0);

    const v = await t.call('audit.verify', {});
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);

    // The version written from it keeps its own data; the catalogue still lists v1 for history.
    expect((await readAll(t, datasetId, 2)).rows[0]).toEqual(['ZEPHYRINA QUUX', 'QQMARKER1@EXAMPLE.ORG', 'RARE-CITY-OMICRON']);
    expect((await t.call('dataset.get', { datasetId })).version.version).toBe(2);
    expect((await t.call('dataset.list', {})).find((d) => d.id === datasetId)?.versions.map((x) => x.version)).toEqual([1, 2]);
  });

  /** The error of a job method: refused at the call, or the job's failure. */
  const jobError = async (r: Awaited<ReturnType<TestEngine['api']['send']>>): Promise<string> => {
    if (!r.ok) return r.error.message;
    const job = await t.engine.jobs.wait((r.value as { jobId: string }).jobId);
    return job.error?.message ?? job.state;
  };
  const READS: { name: string; read: () => Promise<string> }[] = [
    { name: 'grid.window', read: async () => (await t.fail('grid.window', { datasetId, version: 1, offset: 0, limit: 10 })).message },
    { name: 'dataset.get', read: async () => (await t.fail('dataset.get', { datasetId, version: 1 })).message },
    { name: 'profile.start', read: async () => jobError(await t.api.send('profile.start', { datasetId, version: 1 })) },
    { name: 'export.start', read: async () => jobError(await t.api.send('export.start', { datasetId, version: 1, path: path.join(path.dirname(t.dir), 'x.csv'), force: false, formulaEscape: true })) },
    { name: 'clean.run', read: async () => jobError(await t.api.send('clean.run', { datasetId, version: 1, source: { policy: policyDoc([{ id: 's1', type: 'trim' }]) } })) },
  ];
  it.each(READS)('refuses $name of the purged version, saying when, by whom and why', async ({ read }) => {
    const today = new Date().toISOString().slice(0, 10);
    expect(await read()).toBe(`v1 of people.csv was purged on ${today} by alice: erasure request 12`);
  });

  it('refuses to purge the same version twice', async () => {
    const again = await t.fail('dataset.purge', { datasetId, version: 1, reason: 'again please' });
    expect(again.code).toBe('ALREADY_EXISTS');
    expect(again.message).toMatch(/^v1 of people\.csv was purged on .* by alice: erasure request 12/);
  });
});
