// Evidence bundles end to end through the real engine: a compliance run's bundle (folder and .zip)
// verifies; then every way of tampering — one byte flipped in each file in turn, a file removed or
// added, the manifest swapped, an unknown signer, a truncated or edited audit slice, unsafe zip
// entries and links — fails, naming the file (and entry) concerned.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleManifest, BundleVerifyResult } from '../../src/shared/api/bundle-types';
import { verifyBundle } from '../../src/main/engine/bundle/verify';
import { entryHash, payloadDigest } from '../../src/main/engine/audit/chain';
import { copyBundle, filesUnder, flipByte, governedRun, PASS, resign, writeBundleVia, zipFolder, type Governed } from '../support/bundle';
import { tempDir } from '../support/engine';

let g: Governed;
let out: string;
let folder: string;
let zip: string;

beforeAll(async () => {
  g = await governedRun();
  out = tempDir('ds-bundle-');
  folder = path.join(out, 'evidence');
  zip = path.join(out, 'evidence.zip');
  await writeBundleVia(g.t, { runId: g.run.runId, path: folder, countersign: { identity: 'bob', passphrase: PASS } });
  await writeBundleVia(g.t, { runId: g.run.runId, path: zip });
}, 120_000);
afterAll(async () => {
  await g.t.close();
  fs.rmSync(out, { recursive: true, force: true });
});

const named = (r: BundleVerifyResult, file: string) => r.problems.filter((p) => p.file === file);
const describeProblems = (r: BundleVerifyResult) => r.problems.map((p) => `${p.file} [${p.kind}] ${p.message}`).join('\n');

describe('an intact bundle', () => {
  it('verifies as a folder, with both signers valid and the audit slice intact', async () => {
    const r = await verifyBundle(folder);
    expect(r.problems, describeProblems(r)).toEqual([]);
    expect(r).toMatchObject({ ok: true, container: 'folder', audit: { ok: true } });
    expect(r.signers).toEqual([
      { role: 'runner', name: 'alice', fingerprint: g.alice.fingerprint, valid: true, trusted: null },
      { role: 'approver', name: 'bob', fingerprint: g.bob.fingerprint, valid: true, trusted: null },
    ]);
    expect(r.filesChecked).toBe(r.manifest?.files.length);
    expect(r.manifest?.runEntries.length).toBeGreaterThan(0);
    expect(r.audit?.head?.seq).toBe(r.audit?.entries);
  });

  it('verifies as a .zip', async () => {
    const r = await verifyBundle(zip);
    expect(r.problems, describeProblems(r)).toEqual([]);
    expect(r).toMatchObject({ ok: true, container: 'zip', signers: [{ role: 'runner', name: 'alice', valid: true }] });
  });

  it('holds the layout the issue asks for', () => {
    const files = filesUnder(folder);
    for (const f of ['manifest.json', 'manifest.sig', 'manifest.approver.sig', 'SHA256SUMS', 'VERIFY.txt', 'report.json', 'policy.json', 'audit/entries.jsonl', 'audit/checkpoint.json', 'provenance.parquet', 'findings.parquet', `keys/${g.alice.fingerprint}.pem`, `keys/${g.bob.fingerprint}.pem`]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.startsWith('approvals/'))).toHaveLength(1);
    expect(fs.statSync(path.join(folder, 'manifest.sig')).size).toBe(64);
  });

  it('is trusted when every signer is in the trusted list, and names the signer that is not', async () => {
    expect((await verifyBundle(folder, { trust: [g.alice.fingerprint, g.bob.fingerprint] })).ok).toBe(true);
    const r = await verifyBundle(folder, { trust: [g.alice.fingerprint] });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'untrusted', file: `keys/${g.bob.fingerprint}.pem`, actual: g.bob.fingerprint, message: expect.stringContaining('bob') })]);
    expect(r.signers.map((s) => s.trusted)).toEqual([true, false]);
  });
});

describe('one byte flipped in every file in turn', () => {
  const FILES = () => filesUnder(folder);
  it('fails a folder bundle, naming that file', async () => {
    const files = FILES();
    expect(files.length).toBeGreaterThan(12);
    for (const f of files) {
      const copy = copyBundle(folder);
      flipByte(path.join(copy, f));
      const r = await verifyBundle(copy);
      expect(r.ok, `${f} flipped`).toBe(false);
      expect(named(r, f).length, `${f} flipped:\n${describeProblems(r)}`).toBeGreaterThan(0);
      fs.rmSync(path.dirname(copy), { recursive: true, force: true });
    }
  }, 120_000);

  it('fails a .zip bundle, naming that file', async () => {
    for (const f of FILES()) {
      const copy = copyBundle(folder);
      flipByte(path.join(copy, f));
      const z = path.join(path.dirname(copy), 'tampered.zip');
      await zipFolder(copy, z);
      const r = await verifyBundle(z);
      expect(r.ok, `${f} flipped`).toBe(false);
      expect(named(r, f).length, `${f} flipped:\n${describeProblems(r)}`).toBeGreaterThan(0);
      fs.rmSync(path.dirname(copy), { recursive: true, force: true });
    }
  }, 120_000);

  it('fails a .zip whose stored bytes were flipped inside the archive, naming the entry', async () => {
    const copy = copyBundle(folder);
    const z = path.join(path.dirname(copy), 'raw.zip');
    await zipFolder(copy, z);
    const bytes = fs.readFileSync(z);
    // The first entry's data starts after its 30-byte local header, name and extra field.
    const nameLen = bytes.readUInt16LE(26);
    const extraLen = bytes.readUInt16LE(28);
    const first = bytes.subarray(30, 30 + nameLen).toString('utf8');
    bytes[30 + nameLen + extraLen + 2] = (bytes[30 + nameLen + extraLen + 2] as number) ^ 0x55;
    fs.writeFileSync(z, bytes);
    const r = await verifyBundle(z);
    expect(r.ok).toBe(false);
    expect(named(r, first).length, describeProblems(r)).toBeGreaterThan(0);
  });
});

describe('other tampering', () => {
  const cases: { name: string; tamper: (dir: string) => void; file: string | (() => string); kind: string }[] = [
    { name: 'a file removed', tamper: (d) => fs.rmSync(path.join(d, 'provenance.parquet')), file: 'provenance.parquet', kind: 'missing' },
    { name: 'a key removed', tamper: (d) => fs.rmSync(path.join(d, 'keys', `${g.bob.fingerprint}.pem`)), file: () => `keys/${g.bob.fingerprint}.pem`, kind: 'missing' },
    { name: 'a file added', tamper: (d) => fs.writeFileSync(path.join(d, 'data', 'extra.csv'), 'a,b\n', { flag: 'w' }), file: 'data/extra.csv', kind: 'unexpected' },
    { name: 'a file added at the top', tamper: (d) => fs.writeFileSync(path.join(d, 'notes.txt'), 'trust me\n'), file: 'notes.txt', kind: 'unexpected' },
    { name: 'the countersignature removed', tamper: (d) => fs.rmSync(path.join(d, 'manifest.approver.sig')), file: 'manifest.approver.sig', kind: 'missing' },
    {
      name: 'the audit slice truncated (last entry cut, digests left)',
      tamper: (d) => {
        const p = path.join(d, 'audit', 'entries.jsonl');
        const lines = fs.readFileSync(p, 'utf8').trimEnd().split('\n');
        fs.writeFileSync(p, `${lines.slice(0, -1).join('\n')}\n`);
      },
      file: 'audit/entries.jsonl', kind: 'audit',
    },
    {
      name: 'an audit entry edited',
      tamper: (d) => {
        const p = path.join(d, 'audit', 'entries.jsonl');
        const lines = fs.readFileSync(p, 'utf8').trimEnd().split('\n');
        const e = JSON.parse(lines[2] as string) as { details: Record<string, unknown> };
        e.details = { ...e.details, note: 'added later' };
        lines[2] = JSON.stringify(e);
        fs.writeFileSync(p, `${lines.join('\n')}\n`);
      },
      file: 'audit/entries.jsonl', kind: 'audit',
    },
    {
      name: 'a link in the folder',
      tamper: (d) => fs.symlinkSync(path.join(d, 'policy.json'), path.join(d, 'approvals', 'link.json')),
      file: 'approvals/link.json', kind: 'unexpected',
    },
  ];
  it.each(cases)('$name: fails, naming $kind on the file', async ({ tamper, file, kind }) => {
    const copy = copyBundle(folder);
    fs.mkdirSync(path.join(copy, 'data'), { recursive: true });
    tamper(copy);
    const r = await verifyBundle(copy);
    const f = typeof file === 'string' ? file : file();
    expect(r.ok).toBe(false);
    expect(named(r, f).map((p) => p.kind), describeProblems(r)).toContain(kind);
  });

  it('names the cut entries of a truncated slice and the edited entry by number', async () => {
    const copy = copyBundle(folder);
    const p = path.join(copy, 'audit', 'entries.jsonl');
    const lines = fs.readFileSync(p, 'utf8').trimEnd().split('\n');
    fs.writeFileSync(p, `${lines.slice(0, -2).join('\n')}\n`);
    const r = await verifyBundle(copy);
    expect(r.problems.find((x) => x.kind === 'audit')?.message).toMatch(/cut off the end/);
    const edited = copyBundle(folder);
    const q = path.join(edited, 'audit', 'entries.jsonl');
    const e = JSON.parse(lines[4] as string) as { actor: string; seq: number };
    e.actor = 'mallory';
    lines[4] = JSON.stringify(e);
    fs.writeFileSync(q, `${lines.join('\n')}\n`);
    const r2 = await verifyBundle(edited);
    expect(r2.problems).toContainEqual(expect.objectContaining({ file: 'audit/entries.jsonl', kind: 'audit', seq: e.seq }));
  });

  it('fails when the manifest (and its signature) come from another bundle of the same run', async () => {
    const other = path.join(out, 'other');
    await writeBundleVia(g.t, { runId: g.run.runId, path: other });
    const onlyManifest = copyBundle(folder);
    fs.copyFileSync(path.join(other, 'manifest.json'), path.join(onlyManifest, 'manifest.json'));
    const r1 = await verifyBundle(onlyManifest);
    expect(r1.ok).toBe(false);
    expect(named(r1, 'manifest.sig').map((p) => p.kind), describeProblems(r1)).toContain('signature');
    expect(named(r1, 'manifest.json').length, describeProblems(r1)).toBeGreaterThan(0);

    const both = copyBundle(folder);
    for (const f of ['manifest.json', 'manifest.sig']) fs.copyFileSync(path.join(other, f), path.join(both, f));
    const r2 = await verifyBundle(both);
    expect(r2.ok).toBe(false);
    // Signed, but for other bytes: the files it lists differ (VERIFY.txt's date, the longer audit slice…).
    expect(named(r2, 'audit/entries.jsonl').map((p) => p.kind), describeProblems(r2)).toEqual(expect.arrayContaining([expect.stringMatching(/^(size|digest)$/)]));
    expect(named(r2, 'manifest.approver.sig').map((p) => p.kind), describeProblems(r2)).toContain('unexpected');
  });

  it('refuses zip entries that climb out or are links, and names them', async () => {
    const copy = copyBundle(folder);
    fs.writeFileSync(path.join(copy, 'zz_evil.txt'), 'x');
    const z = path.join(path.dirname(copy), 'evil.zip');
    // Same length, so the archive stays well-formed after the bytes are patched.
    await zipFolder(copy, z, (n) => (n === 'zz_evil.txt' ? 'zz/evil.txt' : n));
    const b = fs.readFileSync(z);
    let at = b.indexOf('zz/evil.txt');
    while (at >= 0) {
      b.write('../evil.txt', at);
      at = b.indexOf('zz/evil.txt', at + 1);
    }
    fs.writeFileSync(z, b);
    const r = await verifyBundle(z);
    expect(r.ok).toBe(false);
    expect(named(r, '../evil.txt')).toEqual([expect.objectContaining({ kind: 'unexpected', message: expect.stringContaining('climbs out') })]);
  });

  it.each([
    { name: 'a symbolic link entry', entry: { name: 'keys/link.pem', data: '/etc/passwd', mode: 0o120777 }, says: 'symbolic link' },
    { name: 'a second entry with a listed name', entry: { name: 'policy.json', data: '{"steps":[]}', mode: 0o100644 }, says: 'two entries' },
    { name: 'a device entry', entry: { name: 'dev.bin', data: '', mode: 0o060644 }, says: 'not a regular file' },
  ])('refuses $name in a .zip, naming it', async ({ entry, says }) => {
    const copy = copyBundle(folder);
    const z = path.join(path.dirname(copy), 'odd.zip');
    await zipFolder(copy, z, (n) => n, [entry]);
    const r = await verifyBundle(z);
    expect(r.ok).toBe(false);
    expect(named(r, entry.name).map((p) => p.message).join('\n'), describeProblems(r)).toContain(says);
  });

  it('says a path with nothing there is not found, and a file that is not a zip is unreadable', async () => {
    await expect(verifyBundle(path.join(out, 'nothing-here'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const notZip = path.join(out, 'not.zip');
    fs.writeFileSync(notZip, 'hello');
    const r = await verifyBundle(notZip);
    expect(r).toMatchObject({ ok: false, problems: [{ kind: 'unreadable', file: notZip }] });
  });
});

describe('re-signed by an insider who holds the keys: what signatures cannot cover still fails', () => {
  const entriesFile = (d: string) => path.join(d, 'audit', 'entries.jsonl');
  const readLines = (d: string) => fs.readFileSync(entriesFile(d), 'utf8').trimEnd().split('\n');
  const cases: { name: string; tamper: (d: string) => void; edit?: (m: BundleManifest) => BundleManifest; file: string | (() => string); says: RegExp }[] = [
    {
      name: 'the audit slice cut short',
      tamper: (d) => fs.writeFileSync(entriesFile(d), `${readLines(d).slice(0, -1).join('\n')}\n`),
      file: 'audit/entries.jsonl', says: /cut off the end/,
    },
    {
      name: 'an audit entry edited',
      tamper: (d) => {
        const lines = readLines(d);
        const e = JSON.parse(lines[3] as string) as { actor: string };
        e.actor = 'mallory';
        lines[3] = JSON.stringify(e);
        fs.writeFileSync(entriesFile(d), `${lines.join('\n')}\n`);
      },
      file: 'audit/entries.jsonl', says: /entry 4 .*do not match its hash/,
    },
    {
      name: 'an entry appended after the signed checkpoint (its hash chained correctly)',
      tamper: (d) => {
        const lines = readLines(d);
        const last = JSON.parse(lines.at(-1) as string) as { seq: number; hash: string };
        const details = { note: 'slipped in' };
        const fields = { seq: last.seq + 1, at: new Date().toISOString(), actor: 'mallory', action: 'note', subject: {}, payloadDigest: payloadDigest(details), prevHash: last.hash, signer: null };
        lines.push(JSON.stringify({ ...fields, details, hash: entryHash(fields), signature: null }));
        fs.writeFileSync(entriesFile(d), `${lines.join('\n')}\n`);
      },
      file: 'audit/entries.jsonl', says: /goes on past the signed checkpoint/,
    },
    {
      name: 'a key file that is not the key its name gives',
      tamper: (d) => fs.copyFileSync(path.join(d, 'keys', `${g.bob.fingerprint}.pem`), path.join(d, 'keys', `${'0'.repeat(64)}.pem`)),
      file: `keys/${'0'.repeat(64)}.pem`, says: /not the public key its name gives/,
    },
    {
      name: 'a run entry that is not in the slice',
      tamper: () => undefined,
      edit: (m) => ({ ...m, runEntries: [...m.runEntries, 9999] }),
      file: 'audit/entries.jsonl', says: /names entry 9999 as one of the run's/,
    },
    {
      name: 'the runner renamed',
      tamper: () => undefined,
      edit: (m) => ({ ...m, signers: m.signers.map((s) => (s.role === 'runner' ? { ...s, name: 'carol' } : s)) }),
      file: 'manifest.json', says: /names the runner carol, but the audit log gives key .* to alice/,
    },
  ];
  it.each(cases)('$name', async ({ tamper, edit, file, says }) => {
    const copy = copyBundle(folder);
    tamper(copy);
    const keys = { alice: g.alice.signer, bob: g.bob.signer, carol: g.alice.signer };
    resign(copy, keys, edit);
    expect((await verifyBundle(copy)).problems.filter((p) => p.kind === 'digest' || p.kind === 'sums' || p.kind === 'size')).toEqual([]);
    const r = await verifyBundle(copy);
    expect(r.ok).toBe(false);
    const f = typeof file === 'string' ? file : file();
    expect(named(r, f).map((p) => p.message).join('\n'), describeProblems(r)).toMatch(says);
  });

  it('a re-signed bundle with nothing changed verifies (the helper itself is sound)', async () => {
    const copy = copyBundle(folder);
    resign(copy, { alice: g.alice.signer, bob: g.bob.signer });
    const r = await verifyBundle(copy);
    expect(r.problems, describeProblems(r)).toEqual([]);
  });
});
