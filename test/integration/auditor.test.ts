// Auditor mode through the real engine, on real bundles written by bundle.write: a folder and a
// .zip open verified in a second engine (its own workspace and user folder, as on the auditor's
// machine), the ledger and findings read as filtered windows, report and policy as text, files
// checked against the bundle's digests, the trusted signers kept in the user's folder; a tampered
// copy names the file; and nothing in the bundle, nor in the auditor's workspace log, changes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedBundle } from '../../src/shared/api/bundle-types';
import { Engine } from '../../src/main/engine/engine';
import { inProcessApi } from '../../src/main/engine/in-process';
import { TRUST_FILE } from '../../src/main/engine/auditor/trust-store';
import { copyBundle, flipByte, governedRun, PASS, SECRET_EMAILS, writeBundleVia, type Governed } from '../support/bundle';
import { startTestEngine, tempDir, type TestEngine } from '../support/engine';

let g: Governed;
let auditor: TestEngine;
let out: string;
let folder: string;
let zip: string;
let inputFile: string;

/** Every file and folder under `root` with its size, mode and modification time (ns), for before/after comparison. */
function listing(root: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = fs.lstatSync(p, { bigint: true });
    out.push(`${path.relative(root, p) || '.'} ${st.size} ${st.mode} ${st.mtimeNs} ${st.isFile() ? crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex') : ''}`);
    if (st.isDirectory()) for (const n of fs.readdirSync(p).sort()) walk(path.join(p, n));
  };
  walk(root);
  return out;
}

beforeAll(async () => {
  g = await governedRun();
  out = tempDir('ds-aud-');
  folder = path.join(out, 'evidence');
  zip = path.join(out, 'evidence.zip');
  await writeBundleVia(g.t, { runId: g.run.runId, path: folder, countersign: { identity: 'bob', passphrase: PASS }, includeData: true });
  await writeBundleVia(g.t, { runId: g.run.runId, path: zip });
  inputFile = (await g.t.call('dataset.get', { datasetId: g.run.datasetId })).dataset.sourcePath;
  auditor = await startTestEngine();
}, 180_000);
afterAll(async () => {
  await auditor?.close();
  await g?.t.close();
  fs.rmSync(out, { recursive: true, force: true });
});

const everything = async (b: OpenedBundle) => {
  const ledger = await auditor.call('bundle.ledger', { bundleId: b.bundleId, limit: 1000 });
  const findings = await auditor.call('bundle.findings', { bundleId: b.bundleId, limit: 1000 });
  return { ledger, findings };
};

describe('an intact folder bundle', () => {
  it('opens verified, lists the manifest files and both signers, reads everything, and changes nothing in the bundle or the workspace', async () => {
    const before = listing(folder);
    const logBefore = await auditor.call('audit.list', { limit: 1000 });
    const b = await auditor.call('bundle.open', { path: folder });
    expect(b.verification.problems).toEqual([]);
    expect(b.verification).toMatchObject({ ok: true, container: 'folder', audit: { ok: true } });
    expect(b.verification.signers.map((s) => [s.role, s.name, s.fingerprint, s.valid])).toEqual([
      ['runner', 'alice', g.alice.fingerprint, true],
      ['approver', 'bob', g.bob.fingerprint, true],
    ]);
    expect(b.files.map((f) => f.path)).toEqual(expect.arrayContaining(['report.json', 'policy.json', 'provenance.parquet', 'findings.parquet', 'VERIFY.txt']));
    expect(b.files.some((f) => f.kind === 'data')).toBe(true);

    const report = JSON.parse((await auditor.call('bundle.readText', { bundleId: b.bundleId, file: 'report.json' })).text) as { run?: { runId?: string } };
    expect(report.run?.runId ?? (report as { runId?: string }).runId).toBe(g.run.runId);
    await auditor.call('bundle.readText', { bundleId: b.bundleId, file: 'policy.json' });
    await auditor.call('bundle.readText', { bundleId: b.bundleId, file: 'manifest.json' });
    await everything(b);
    await auditor.call('bundle.checkFile', { bundleId: b.bundleId, path: inputFile });
    expect((await auditor.call('bundle.close', { bundleId: b.bundleId })).closed).toBe(true);

    expect(listing(folder)).toEqual(before);
    expect(await auditor.call('audit.list', { limit: 1000 })).toEqual(logBefore);
  });

  it('windows the ledger: filters by step, column and kind, pages add up, and no raw e-mail address appears', async () => {
    const b = await auditor.call('bundle.open', { path: folder });
    const all = await auditor.call('bundle.ledger', { bundleId: b.bundleId, limit: 1000 });
    expect(all.total).toBe(all.rows.length);
    expect(all.total).toBeGreaterThanOrEqual(SECRET_EMAILS.length * 2);
    const steps = new Set(all.rows.map((r) => r.stepId));
    expect(steps).toEqual(new Set(['trim', 'mask']));
    const cases = [
      [{ step: 'mask' }, (r: (typeof all.rows)[number]) => r.stepId === 'mask'],
      [{ step: 'trim' }, (r: (typeof all.rows)[number]) => r.stepId === 'trim'],
      [{ column: 'email' }, (r: (typeof all.rows)[number]) => r.columnId === 'email'],
      [{ column: 'email', step: 'trim' }, (r: (typeof all.rows)[number]) => r.columnId === 'email' && r.stepId === 'trim'],
      [{ kind: 'row' as const }, (r: (typeof all.rows)[number]) => r.kind === 'row'],
      [{ step: 'no-such-step' }, () => false],
    ] as const;
    for (const [filter, keep] of cases) {
      const got = await auditor.call('bundle.ledger', { bundleId: b.bundleId, limit: 1000, ...filter });
      expect(got.rows, JSON.stringify(filter)).toEqual(all.rows.filter(keep));
      expect(got.total, JSON.stringify(filter)).toBe(got.rows.length);
    }
    const mask = all.rows.filter((r) => r.stepId === 'mask');
    expect(mask).toHaveLength(SECRET_EMAILS.length);
    for (const r of mask) expect(r).toMatchObject({ columnId: 'email', before: null, kind: 'cell' });
    for (const r of mask) expect(r.beforePreview).toMatch(/\*/);
    const first = await auditor.call('bundle.ledger', { bundleId: b.bundleId, offset: 0, limit: 3 });
    const rest = await auditor.call('bundle.ledger', { bundleId: b.bundleId, offset: 3, limit: 1000 });
    expect([...first.rows, ...rest.rows]).toEqual(all.rows);
    expect(first.total).toBe(all.total);
    const text = JSON.stringify(all);
    for (const e of SECRET_EMAILS) expect(text).not.toContain(e);
    await auditor.call('bundle.close', { bundleId: b.bundleId });
  });

  it('windows the findings by entity and column with masked previews only', async () => {
    const b = await auditor.call('bundle.open', { path: folder });
    const all = await auditor.call('bundle.findings', { bundleId: b.bundleId, limit: 1000 });
    expect(all.total).toBe(all.rows.length);
    const emails = await auditor.call('bundle.findings', { bundleId: b.bundleId, entity: 'EMAIL' });
    expect(emails.total).toBe(SECRET_EMAILS.length);
    expect(emails.rows.every((r) => r.entity === 'EMAIL' && r.column === 'email' && r.preview.includes('*'))).toBe(true);
    expect((await auditor.call('bundle.findings', { bundleId: b.bundleId, entity: 'US_SSN' })).total).toBe(0);
    expect((await auditor.call('bundle.findings', { bundleId: b.bundleId, column: 'email' })).rows).toEqual(all.rows.filter((r) => r.column === 'email'));
    expect((await auditor.call('bundle.findings', { bundleId: b.bundleId, column: 'no such column' })).total).toBe(0);
    const text = JSON.stringify(all);
    for (const e of SECRET_EMAILS) expect(text).not.toContain(e);
    await auditor.call('bundle.close', { bundleId: b.bundleId });
  });

  it('reads as text only files the manifest lists, and only text', async () => {
    const b = await auditor.call('bundle.open', { path: folder });
    fs.writeFileSync(path.join(out, 'outside.txt'), 'not in the bundle');
    const cases: Array<[string, string, RegExp]> = [
      ['nothing.txt', 'NOT_FOUND', /not a file of this bundle's manifest/],
      ['../outside.txt', 'INVALID_ARGUMENT', /relative, no \.\./],
      ['provenance.parquet', 'UNSUPPORTED', /not UTF-8 text/],
    ];
    for (const [file, code, message] of cases) {
      const err = await auditor.fail('bundle.readText', { bundleId: b.bundleId, file });
      expect([file, err.code]).toEqual([file, code]);
      expect(err.message).toMatch(message);
    }
    await auditor.call('bundle.close', { bundleId: b.bundleId });
    expect((await auditor.fail('bundle.ledger', { bundleId: b.bundleId })).code).toBe('NOT_FOUND');
  });

  it('refuses (VERIFICATION_FAILED, naming the file) any file changed on disk after the bundle was verified; unchanged ones still read', async () => {
    const copy = copyBundle(folder);
    const b = await auditor.call('bundle.open', { path: copy });
    expect(b.verification.ok).toBe(true);
    // Changed after opening: each read names the file and the digests; nothing of the new bytes is served.
    const cases: Array<[string, () => Promise<unknown>]> = [
      // First, while report.json (which names the dataset whose import entries are read) is intact.
      ['audit/entries.jsonl', () => auditor.fail('bundle.checkFile', { bundleId: b.bundleId, path: inputFile })],
      ['report.json', () => auditor.fail('bundle.readText', { bundleId: b.bundleId, file: 'report.json' })],
      ['manifest.json', () => auditor.fail('bundle.readText', { bundleId: b.bundleId, file: 'manifest.json' })],
      ['SHA256SUMS', () => auditor.fail('bundle.readText', { bundleId: b.bundleId, file: 'SHA256SUMS' })],
      ['provenance.parquet', () => auditor.fail('bundle.ledger', { bundleId: b.bundleId, limit: 10 })],
    ];
    for (const [file, read] of cases) {
      flipByte(path.join(copy, ...file.split('/')));
      const err = (await read()) as { code: string; message: string };
      expect([file, err.code]).toEqual([file, 'VERIFICATION_FAILED']);
      expect(err.message).toMatch(new RegExp(`^${file.replace('.', '\\.')} changed after the bundle was verified \\(SHA-256 expected [0-9a-f]{64}, found [0-9a-f]{64}\\)`));
    }
    // What was not changed is still served, the findings through a private copy DuckDB reads.
    expect(JSON.parse((await auditor.call('bundle.readText', { bundleId: b.bundleId, file: 'policy.json' })).text)).toBeTruthy();
    expect((await auditor.call('bundle.findings', { bundleId: b.bundleId, limit: 5 })).total).toBe(SECRET_EMAILS.length);
    // A Parquet file changed after it was copied is not read again: the verified copy is.
    flipByte(path.join(copy, 'findings.parquet'));
    expect((await auditor.call('bundle.findings', { bundleId: b.bundleId, limit: 5 })).total).toBe(SECRET_EMAILS.length);
    await auditor.call('bundle.close', { bundleId: b.bundleId });
    fs.rmSync(path.dirname(copy), { recursive: true, force: true });
  });

  it('checks a file the auditor has: the input matches, the cleaned data matches the output, anything else matches nothing', async () => {
    const b = await auditor.call('bundle.open', { path: folder });
    const data = b.files.find((f) => f.kind === 'data')?.path as string;
    const altered = path.join(out, 'altered.csv');
    fs.writeFileSync(altered, `${fs.readFileSync(inputFile, 'utf8')}extra,row,here\n`);
    const inputSha = crypto.createHash('sha256').update(fs.readFileSync(inputFile)).digest('hex');
    const cases: Array<[string, 'input' | 'output' | null]> = [
      [inputFile, 'input'],
      [path.join(folder, ...data.split('/')), 'output'],
      [altered, null],
    ];
    for (const [file, matches] of cases) {
      const r = await auditor.call('bundle.checkFile', { bundleId: b.bundleId, path: file });
      expect([path.basename(file), r.matches]).toEqual([path.basename(file), matches]);
      expect(r.expected.input).toContain(inputSha);
    }
    expect((await auditor.fail('bundle.checkFile', { bundleId: b.bundleId, path: path.join(out, 'missing.csv') })).code).toBe('NOT_FOUND');
    expect((await auditor.fail('bundle.checkFile', { bundleId: b.bundleId, path: out })).code).toBe('INVALID_ARGUMENT');
    await auditor.call('bundle.close', { bundleId: b.bundleId });
  });

  it('opens a bundle folder by its manifest.json (what the desktop file dialog picks)', async () => {
    const b = await auditor.call('bundle.open', { path: path.join(folder, 'manifest.json') });
    expect(b.verification).toMatchObject({ ok: true, container: 'folder', path: folder });
    await auditor.call('bundle.close', { bundleId: b.bundleId });
  });
});

describe('a .zip bundle', () => {
  it('opens verified, unpacks only into a private folder outside the bundle, removed on close; the .zip is unchanged', async () => {
    const before = listing(out);
    const b = await auditor.call('bundle.open', { path: zip });
    expect(b.verification.problems).toEqual([]);
    expect(b.verification).toMatchObject({ ok: true, container: 'zip' });
    const { ledger, findings } = await everything(b);
    expect(ledger.total).toBeGreaterThan(0);
    expect(findings.total).toBe(SECRET_EMAILS.length);
    const tmp = auditor.engine.bundles.openFolders().at(-1);
    expect(tmp && fs.existsSync(tmp)).toBe(true);
    expect(path.relative(out, tmp as string).startsWith('..')).toBe(true);
    expect(fs.statSync(tmp as string).mode & 0o777).toBe(0o700);
    await auditor.call('bundle.close', { bundleId: b.bundleId });
    expect(fs.existsSync(tmp as string)).toBe(false);
    expect(listing(out)).toEqual(before);
  });

  it('a .zip uploaded by a browser-mode drop is removed when closed (or when it fails to open); nothing else is', async () => {
    const uploads = path.join(auditor.engine.workspace.tmpDir, 'uploads');
    const put = (dir: string, name: string, from: string | null) => {
      fs.mkdirSync(path.join(uploads, dir), { recursive: true });
      const p = path.join(uploads, dir, name);
      if (from) fs.copyFileSync(from, p);
      else fs.writeFileSync(p, 'not a zip');
      return p;
    };
    const dropped = put('0123456789abcdef', 'evidence.zip', zip);
    const b = await auditor.call('bundle.open', { path: dropped });
    expect(b.verification.ok).toBe(true);
    await auditor.call('bundle.close', { bundleId: b.bundleId });
    expect(fs.existsSync(path.dirname(dropped))).toBe(false);
    const broken = put('fedcba9876543210', 'broken.zip', null);
    await auditor.fail('bundle.open', { path: broken });
    expect(fs.existsSync(path.dirname(broken))).toBe(false);
    const sneaky = put('0000000000000000', 'keep.zip', null);
    await auditor.fail('bundle.open', { path: path.join(uploads, '..', 'uploads', '0000000000000000', '..', 'x.zip') });
    expect(fs.existsSync(sneaky)).toBe(true);
    expect(fs.existsSync(zip)).toBe(true);
  });

  it('closing the engine closes every open bundle and removes its folder', async () => {
    const other = await startTestEngine();
    await other.call('bundle.open', { path: zip });
    await other.call('bundle.open', { path: folder });
    const tmps = other.engine.bundles.openFolders();
    expect(tmps).toHaveLength(2);
    await other.close();
    for (const t of tmps) expect(fs.existsSync(t)).toBe(false);
  });
});

describe('a tampered bundle', () => {
  it.each(['provenance.parquet', 'report.json', 'policy.json'])('with a byte flipped in %s opens with the failure naming that file', async (file) => {
    const copy = copyBundle(folder);
    flipByte(path.join(copy, file));
    const b = await auditor.call('bundle.open', { path: copy });
    expect(b.verification.ok).toBe(false);
    const named = b.verification.problems.filter((p) => p.file === file);
    expect(named.map((p) => p.kind)).toContain('digest');
    expect(named.find((p) => p.kind === 'digest')).toMatchObject({ expected: b.files.find((f) => f.path === file)?.sha256 });
    await auditor.call('bundle.close', { bundleId: b.bundleId });
    fs.rmSync(path.dirname(copy), { recursive: true, force: true });
  });

  it('refuses what is not a bundle, naming the path', async () => {
    const notZip = path.join(out, 'notes.txt');
    fs.writeFileSync(notZip, 'hello');
    expect((await auditor.fail('bundle.open', { path: path.join(out, 'nowhere') })).message).toMatch(/There is no bundle at .*nowhere/);
    expect((await auditor.fail('bundle.open', { path: notZip })).message).toMatch(/notes\.txt is not a bundle/);
  });
});

describe('trusted signers', () => {
  it('are added, relabelled and removed, kept in the user folder across engines, and mark the signers of an opened bundle', async () => {
    const home = tempDir('ds-aud-home-');
    const env = { ...process.env, DATA_SANITIZER_HOME: home };
    const start = async () => {
      const e = await Engine.start({ workspaceDir: path.join(home, 'ws'), create: true, processName: 'vitest', rememberRecent: false, env });
      return { e, api: inProcessApi(e) };
    };
    const one = await start();
    const call = async <T>(p: Promise<{ ok: boolean; value?: T; error?: { message: string } }>): Promise<T> => {
      const r = await p;
      if (!r.ok) throw new Error(r.error?.message);
      return r.value as T;
    };
    expect(await call(one.api.send('trust.list', {}))).toEqual([]);
    await call(one.api.send('trust.add', { fingerprint: g.alice.fingerprint, label: 'alice' }));
    await call(one.api.send('trust.add', { fingerprint: g.bob.fingerprint }));
    const relabelled = await call(one.api.send('trust.add', { fingerprint: g.bob.fingerprint, label: 'bob (privacy officer)' }));
    expect(relabelled.map((t) => [t.fingerprint, t.label])).toEqual([[g.alice.fingerprint, 'alice'], [g.bob.fingerprint, 'bob (privacy officer)']]);
    await one.e.close();

    const file = path.join(home, TRUST_FILE);
    expect((JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ fingerprint: string }>).map((t) => t.fingerprint)).toEqual([g.alice.fingerprint, g.bob.fingerprint]);
    expect(fs.readdirSync(home).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    const two = await start();
    expect((await call(two.api.send('trust.list', {}))).length).toBe(2);
    const opened = await call<OpenedBundle>(two.api.send('bundle.open', { path: folder }));
    expect(opened.verification.signers.map((s) => s.trusted)).toEqual([true, true]);
    expect(opened.verification.ok).toBe(true);
    expect((await call(two.api.send('trust.remove', { fingerprint: g.bob.fingerprint }))).map((t) => t.fingerprint)).toEqual([g.alice.fingerprint]);
    const again = await call<OpenedBundle>(two.api.send('bundle.open', { path: folder }));
    expect(again.verification.signers.map((s) => [s.name, s.trusted])).toEqual([['alice', true], ['bob', false]]);
    expect(again.verification.problems.map((p) => p.kind)).toEqual(['untrusted']);
    await two.e.close();

    fs.writeFileSync(file, '{ not json');
    const three = await start();
    const bad = await three.api.send('trust.list', {});
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain(file);
    await three.e.close();
    fs.rmSync(home, { recursive: true, force: true });
  });
});
