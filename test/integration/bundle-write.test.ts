// Writing evidence bundles through the real engine: what goes in (and what never does: no raw value
// of a de-identified cell anywhere, Parquet read through DuckDB), the VERIFY.txt recipe run with the
// real sha256sum and openssl, the runner when no identity is unlocked, countersigning, atomic writes
// (no clobbering, force, a cancel at any stage leaves nothing) and a deterministic .zip.
import { DuckDBInstance } from '@duckdb/node-api';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleManifest, WrittenBundle } from '../../src/shared/api/bundle-types';
import { REPORT_FORMAT } from '../../src/shared/api/report-types';
import { sha256Hex } from '../../src/main/engine/audit/canonical';
import { verifyBundle } from '../../src/main/engine/bundle/verify';
import { CHECKPOINT_KEY_SIGNER, writeBundle } from '../../src/main/engine/bundle/write';
import type { JobContext } from '../../src/main/engine/jobs/jobs';
import { copyBundle, filesUnder, flipByte, governedRun, PASS, SECRET_EMAILS, writeBundleVia, type Governed } from '../support/bundle';
import type { RunResult } from '../../src/shared/api/clean-types';
import { jobResult, writeCsv } from '../support/clean';
import { startTestEngine, tempDir } from '../support/engine';

let g: Governed;
let out: string;
let full: string;
let written: WrittenBundle;

beforeAll(async () => {
  g = await governedRun();
  out = tempDir('ds-bundle-w-');
  full = path.join(out, 'full');
  written = await writeBundleVia(g.t, { runId: g.run.runId, path: full, includeData: true, countersign: { identity: 'bob', passphrase: PASS } });
}, 120_000);
afterAll(async () => {
  await g.t.close();
  fs.rmSync(out, { recursive: true, force: true });
});

const manifestOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BundleManifest;

async function parquetText(file: string): Promise<{ rows: Record<string, unknown>[]; text: string }> {
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  try {
    const rows = (await conn.runAndReadAll(`SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`)).getRowObjectsJson() as Record<string, unknown>[];
    return { rows, text: JSON.stringify(rows) };
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}

describe('what a bundle holds', () => {
  it('lists every file but the manifest, its signatures and SHA256SUMS, by kind, sorted', () => {
    const m = manifestOf(full);
    const listed = m.files.map((f) => f.path);
    expect(listed).toEqual([...listed].sort());
    expect(filesUnder(full).filter((f) => !listed.includes(f))).toEqual(['SHA256SUMS', 'manifest.approver.sig', 'manifest.json', 'manifest.sig']);
    const kinds = Object.fromEntries(m.files.map((f) => [f.path, f.kind]));
    expect(kinds).toMatchObject({ 'policy.json': 'policy', 'provenance.parquet': 'provenance', 'findings.parquet': 'findings', 'VERIFY.txt': 'readme', 'audit/entries.jsonl': 'audit', 'report.json': 'report' });
    expect(m.files.filter((f) => f.kind === 'data').map((f) => f.path)).toEqual([expect.stringMatching(/^data\/.+\.csv$/)]);
    expect(m).toMatchObject({ runId: g.run.runId, runKind: 'compliance', signers: [{ role: 'runner', name: 'alice' }, { role: 'approver', name: 'bob' }] });
    expect(written).toMatchObject({ container: 'folder', runId: g.run.runId, files: filesUnder(full).length, manifestSha256: sha256Hex(fs.readFileSync(path.join(full, 'manifest.json'))) });
  });

  it('carries the run\'s report model as report.json (the same run, its policy digest)', () => {
    const report = JSON.parse(fs.readFileSync(path.join(full, 'report.json'), 'utf8')) as Record<string, unknown>;
    expect(report.reportFormat).toBe(REPORT_FORMAT);
    expect(JSON.stringify(report)).toContain(g.run.runId);
    expect(JSON.stringify(report)).toContain(g.run.policySha256);
  });

  it('carries the policy as run (its SHA-256 is the run\'s policy digest) and the signed approval', () => {
    expect(sha256Hex(fs.readFileSync(path.join(full, 'policy.json')))).toBe(g.run.policySha256);
    const approvals = filesUnder(full).filter((f) => f.startsWith('approvals/'));
    expect(approvals).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(path.join(full, approvals[0] as string), 'utf8'))).toEqual(g.run.approvals?.[0]);
  });

  it('names the run\'s own audit entries (the run and its approval)', () => {
    const m = manifestOf(full);
    const entries = fs.readFileSync(path.join(full, 'audit', 'entries.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { seq: number; action: string });
    const actions = m.runEntries.map((s) => entries.find((e) => e.seq === s)?.action);
    expect(actions).toEqual(expect.arrayContaining(['clean.run', 'policy.transition']));
    const approval = entries.find((e) => e.seq === g.run.approvals?.[0]?.seq) as { details?: { action?: string } } | undefined;
    expect(approval?.details?.action).toBe('approve');
    expect(entries[0]?.seq).toBe(1);
    expect(entries.at(-1)?.seq).toBe(written.checkpoint.seq);
  });

  it('has the ledger with keyed digests and masked previews, and the findings with masked previews', async () => {
    const prov = await parquetText(path.join(full, 'provenance.parquet'));
    const masked = prov.rows.filter((r) => r.column === 'email');
    expect(masked.length).toBeGreaterThanOrEqual(SECRET_EMAILS.length * 2);
    for (const r of masked) {
      expect(r.before).toBeNull();
      expect(r.before_digest).toMatch(/^[0-9a-f]{64}$/);
      expect(String(r.before_preview)).toContain('*');
    }
    const findings = await parquetText(path.join(full, 'findings.parquet'));
    expect(Object.keys(findings.rows[0] ?? {})).toEqual(['row_id', 'column', 'entity', 'start', 'end', 'confidence', 'recogniser', 'preview', 'decision']);
    expect(findings.rows.filter((r) => r.entity === 'EMAIL').length).toBe(SECRET_EMAILS.length);
  });

  it('holds no raw value of a de-identified cell in any file (Parquet read through DuckDB)', async () => {
    // The search can fail: the input holds every value.
    const input = fs.readFileSync((await g.t.call('dataset.get', { datasetId: g.run.datasetId, version: 1 })).dataset.sourcePath, 'utf8');
    for (const s of SECRET_EMAILS) expect(input).toContain(s);
    const needles = SECRET_EMAILS.flatMap((e) => [e, e.split('@')[0] as string]);
    for (const f of filesUnder(full)) {
      const p = path.join(full, f);
      const texts = [fs.readFileSync(p).toString('utf8'), fs.readFileSync(p).toString('latin1')];
      if (f.endsWith('.parquet')) texts.push((await parquetText(p)).text);
      for (const text of texts) for (const n of needles) expect(text.includes(n), `${n} found in ${f}`).toBe(false);
    }
  });
});

describe('the VERIFY.txt recipe, run with the real sha256sum and openssl', () => {
  const tools = ['sha256sum', 'openssl', 'jq', 'bash'];
  beforeAll(() => {
    for (const tool of tools) {
      const r = spawnSync('bash', ['-c', `command -v ${tool}`]);
      if (r.status !== 0) throw new Error(`${tool} is not installed: the VERIFY.txt recipe test needs ${tools.join(', ')}`);
    }
  });
  const commands = (dir: string) => fs.readFileSync(path.join(dir, 'VERIFY.txt'), 'utf8').split('\n')
    .filter((l) => /^ {3}(sha256sum|openssl|jq) /.test(l)).map((l) => l.trim());
  const sh = (dir: string, cmd: string) => spawnSync('bash', ['-c', cmd], { cwd: dir, encoding: 'utf8' });

  it('passes on an intact bundle: digests OK, fingerprints match, signatures verify', () => {
    const cmds = commands(full);
    expect(cmds.filter((c) => c.startsWith('openssl pkeyutl'))).toHaveLength(2);
    for (const c of cmds) {
      const r = sh(full, c);
      expect(r.status, `${c}\n${r.stdout}${r.stderr}`).toBe(0);
      if (c.startsWith('openssl pkeyutl')) expect(r.stdout).toContain('Signature Verified Successfully');
      if (c.startsWith('openssl pkey ')) {
        const fp = /keys\/([0-9a-f]{64})\.pem/.exec(c)?.[1];
        expect(r.stdout.split(/\s/)[0]).toBe(fp);
      }
      if (c.startsWith('sha256sum -c')) expect(r.stdout.trim().split('\n').every((l) => l.endsWith(': OK'))).toBe(true);
    }
  });

  it.each([
    { name: 'a data file changed', file: 'provenance.parquet', fails: 'sha256sum -c', says: 'provenance.parquet: FAILED' },
    { name: 'the manifest changed', file: 'manifest.json', fails: 'openssl pkeyutl', says: 'Signature Verification Failure' },
  ])('fails on a tampered bundle: $name', ({ file, fails, says }) => {
    const copy = copyBundle(full);
    flipByte(path.join(copy, file));
    const failing = commands(copy).filter((c) => c.startsWith(fails));
    expect(failing.length).toBeGreaterThan(0);
    for (const c of failing) {
      const r = sh(copy, c);
      expect(r.status, c).not.toBe(0);
      expect(r.stdout + r.stderr).toContain(says);
    }
  });
});

describe('who signs', () => {
  it('with no identity unlocked, the workspace checkpoint key signs and the manifest says so', async () => {
    await g.t.call('identity.lock', {});
    try {
      const p = path.join(out, 'anonymous');
      const w = await writeBundleVia(g.t, { runId: g.run.runId, path: p });
      const r = await verifyBundle(p);
      expect(r.problems).toEqual([]);
      expect(r.signers).toEqual([expect.objectContaining({ role: 'runner', name: CHECKPOINT_KEY_SIGNER, valid: true })]);
      expect(w.signers[0]?.fingerprint).not.toBe(g.alice.fingerprint);
    } finally {
      await g.t.call('identity.unlock', { name: 'alice', passphrase: PASS });
    }
  });

  it.each([
    { name: 'an identity without the approver role', who: 'alice', passphrase: PASS, code: 'FORBIDDEN' },
    { name: 'a wrong passphrase', who: 'bob', passphrase: 'not the passphrase', code: 'UNAUTHENTICATED' },
    { name: 'an unknown identity', who: 'zed', passphrase: PASS, code: 'NOT_FOUND' },
  ])('refuses a countersignature by $name ($code), writing nothing', async ({ who, passphrase, code }) => {
    const p = path.join(out, `cs-${who}`);
    const e = await g.t.fail('bundle.write', { runId: g.run.runId, path: p, includeData: false, force: false, countersign: { identity: who, passphrase } });
    expect(e.code).toBe(code);
    expect(fs.existsSync(p)).toBe(false);
  });

  it('refuses an unknown run', async () => {
    const e = await g.t.runJob('bundle.write', { runId: 'r999', path: path.join(out, 'none'), includeData: false, force: false });
    expect(e).toMatchObject({ state: 'failed', error: { code: 'NOT_FOUND', message: expect.stringContaining('r999') } });
  });

  it('verifies through the API, with a trust list', async () => {
    expect(await g.t.call('bundle.verify', { path: full, trust: [] })).toMatchObject({ ok: true });
    const r = await g.t.call('bundle.verify', { path: full, trust: [g.alice.fingerprint] });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.kind)).toEqual(['untrusted']);
  });
});

describe('atomic writes', () => {
  it.each(['folder', 'zip'])('never replaces an existing %s without force; force replaces it with a bundle that verifies', async (kind) => {
    const p = path.join(out, kind === 'zip' ? 'again.zip' : 'again');
    await writeBundleVia(g.t, { runId: g.run.runId, path: p });
    const first = kind === 'zip' ? fs.readFileSync(p) : fs.readFileSync(path.join(p, 'manifest.json'));
    const job = await g.t.runJob('bundle.write', { runId: g.run.runId, path: p, includeData: false, force: false });
    expect(job).toMatchObject({ state: 'failed', error: { code: 'ALREADY_EXISTS' } });
    expect(kind === 'zip' ? fs.readFileSync(p) : fs.readFileSync(path.join(p, 'manifest.json'))).toEqual(first);
    await writeBundleVia(g.t, { runId: g.run.runId, path: p, force: true, includeData: true });
    const r = await verifyBundle(p);
    expect(r.ok).toBe(true);
    expect(r.manifest?.files.some((f) => f.kind === 'data')).toBe(true);
    expect(fs.readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('with force still never replaces a folder that is not a bundle', async () => {
    const p = path.join(out, 'my-documents');
    fs.mkdirSync(p);
    fs.writeFileSync(path.join(p, 'thesis.txt'), 'years of work');
    const job = await g.t.runJob('bundle.write', { runId: g.run.runId, path: p, includeData: false, force: true });
    expect(job).toMatchObject({ state: 'failed', error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('not an evidence bundle') } });
    expect(fs.readFileSync(path.join(p, 'thesis.txt'), 'utf8')).toBe('years of work');
  });

  const stages = ['writing the reports', 'writing the provenance ledger', 'writing the PII findings', 'writing the cleaned data', 'writing the audit log', 'signing the manifest', 'writing the .zip', 'saving'];
  it.each(stages)('a cancel at "%s" leaves nothing behind and logs no bundle', async (stage) => {
    const dir = tempDir('ds-bundle-cancel-');
    const target = path.join(dir, 'cancelled.zip');
    const controller = new AbortController();
    const job: JobContext = {
      id: `jc${stages.indexOf(stage)}`,
      signal: controller.signal,
      progress: (p) => {
        if (p.stage === stage) controller.abort();
      },
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw Object.assign(new Error('cancelled'), { code: 'CANCELLED' });
      },
      onCancel: () => () => undefined,
    };
    const before = (await g.t.call('audit.list', { limit: 1, filter: { action: 'bundle.written' } }))[0]?.seq ?? 0;
    const ws = g.t.engine.workspace;
    await expect(writeBundle({ ws, identity: g.t.engine.identity, actor: 'alice' }, job, { runId: g.run.runId, path: target, includeData: true, force: false }))
      .rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fs.readdirSync(dir)).toEqual([]);
    expect((await g.t.call('audit.list', { limit: 1, filter: { action: 'bundle.written' } }))[0]?.seq ?? 0).toBe(before);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('a .zip bundle', () => {
  it('is deterministic in form: entries sorted, all at the manifest\'s time, and the same files as a folder', async () => {
    const p = path.join(out, 'form.zip');
    await writeBundleVia(g.t, { runId: g.run.runId, path: p, includeData: true });
    const entries = await new Promise<{ name: string; time: number }[]>((resolve, reject) => {
      yauzl.open(p, { lazyEntries: true }, (err, z) => {
        if (err) return reject(err);
        const list: { name: string; time: number }[] = [];
        z.on('entry', (e: yauzl.Entry) => {
          list.push({ name: e.fileName, time: e.getLastModDate({ timezone: 'UTC' }).getTime() });
          z.readEntry();
        });
        z.on('end', () => resolve(list));
        z.readEntry();
      });
    });
    const names = entries.map((e) => e.name);
    expect(names).toEqual([...names].sort());
    const r = await verifyBundle(p);
    expect(r.ok).toBe(true);
    const created = Date.parse(r.manifest?.createdAt ?? '');
    // DOS times have two-second steps.
    for (const e of entries) expect(Math.abs(e.time - created)).toBeLessThanOrEqual(2000);
    expect(execFileSync('unzip', ['-Z1', p], { encoding: 'utf8' }).trim().split('\n')).toEqual(names);
  });
});

describe('an unapproved run, and a workspace whose log was tampered with', () => {
  it('bundles an unapproved run (no approvals) that verifies; refuses to sign a log that does not verify, writing nothing', async () => {
    const t = await startTestEngine();
    try {
      const { datasetId } = await t.importFile(writeCsv(['city'], [[' Oslo '], ['Paris']]));
      const run = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId, version: 1, source: { presets: ['standard'] } }));
      const dir = tempDir('ds-bundle-unapproved-');
      const p = path.join(dir, 'unapproved.zip');
      await writeBundleVia(t, { runId: run.runId, path: p });
      const r = await verifyBundle(p);
      expect(r.problems).toEqual([]);
      expect(r.manifest).toMatchObject({ runKind: 'unapproved', signers: [{ role: 'runner', name: CHECKPOINT_KEY_SIGNER }] });
      expect(r.manifest?.files.some((f) => f.kind === 'approval')).toBe(false);

      await t.engine.workspace.db.run(`UPDATE _ds_event_log SET actor = 'mallory' WHERE seq = 2`);
      const refused = await t.runJob('bundle.write', { runId: run.runId, path: path.join(dir, 'after-tamper'), includeData: false, force: false });
      expect(refused).toMatchObject({ state: 'failed', error: { code: 'VERIFICATION_FAILED', message: expect.stringContaining('entry 2') } });
      expect(fs.readdirSync(dir)).toEqual(['unapproved.zip']);
      fs.rmSync(dir, { recursive: true, force: true });
    } finally {
      await t.close();
    }
  }, 120_000);
});
