// `sanitizer clean … --bundle` and `sanitizer verify` through the real bin: a compliance run's
// countersigned .zip verifies (exit 0), an untrusted signer or a tampered file fails (exit 3, each
// failure printed with its file and digests), bad flags are refused (exit 2).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleVerifyResult } from '../../src/shared/api/bundle-types';
import { flipByte, governedRun, PASS } from '../support/bundle';
import { tempDir } from '../support/engine';
import { runCli, type CliEnv } from './cli-support';

let root: string;
let env: CliEnv;
let ws: string;
let datasetId: string;
const fps: Record<string, string> = {};

beforeAll(async () => {
  root = tempDir('ds-bundle-cli-');
  env = { home: path.join(root, 'home'), tmp: path.join(root, 'tmp'), cwd: root };
  fs.mkdirSync(env.home);
  fs.mkdirSync(env.tmp);
  const g = await governedRun();
  ws = g.t.dir;
  datasetId = g.run.datasetId;
  fps.alice = g.alice.fingerprint;
  fps.bob = g.bob.fingerprint;
  await g.t.settle();
  await g.t.engine.close();
  fs.writeFileSync(path.join(root, 'alice.txt'), `${PASS}\n`);
  fs.writeFileSync(path.join(root, 'bob.txt'), `${PASS}\n`);
}, 120_000);
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('sanitizer clean --bundle, then sanitizer verify', () => {
  it('writes a countersigned .zip that verifies (exit 0), trusted or not as --trust says (exit 3)', async () => {
    const clean = await runCli(['clean', datasetId, '--workspace', ws, '--policy', 'mask emails', '--out', 'out.csv', '--bundle', 'ev.zip', '--include-data',
      '--countersign', 'bob', '--countersign-passphrase-file', 'bob.txt', '--as', 'alice', '--passphrase-file', 'alice.txt'], env);
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/Wrote the evidence bundle .*ev\.zip \(\d+ files, manifest sha256 [0-9a-f]{64}, signed by alice [0-9a-f]{16}… and bob [0-9a-f]{16}…\); check it with `sanitizer verify ev\.zip`/);

    const ok = await runCli(['verify', 'ev.zip', '--trust', fps.alice as string, '--trust', (fps.bob as string).toUpperCase()], env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^The bundle .*ev\.zip is intact: \d+ files checked, signed by runner alice \(key [0-9a-f]{64}, trusted\) and approver bob \(key [0-9a-f]{64}, trusted\); audit log: \d+ entries up to the signed checkpoint of entry \d+\.\n$/);

    const untrusted = await runCli(['verify', 'ev.zip', '--trust', fps.alice as string, '--json'], env);
    expect(untrusted.code).toBe(3);
    const r = JSON.parse(untrusted.stdout) as BundleVerifyResult;
    expect(r).toMatchObject({ ok: false, problems: [{ kind: 'untrusted', file: `keys/${fps.bob}.pem`, actual: fps.bob }] });
    expect(untrusted.stderr).toMatch(/^sanitizer: bundle verification failed: 1 problem, first: keys\/[0-9a-f]{64}\.pem: the approver bob/);
  }, 120_000);

  it('prints each failure of a tampered folder bundle with its file and digests (exit 3)', async () => {
    const clean = await runCli(['clean', datasetId, '--workspace', ws, '--policy', 'mask emails', '--out', 'out2.csv', '--bundle', 'ev-dir', '--as', 'alice', '--passphrase-file', 'alice.txt'], env);
    expect(clean.code, clean.stderr).toBe(0);
    expect((await runCli(['verify', 'ev-dir'], env)).code).toBe(0);
    flipByte(path.join(root, 'ev-dir', 'provenance.parquet'));
    fs.writeFileSync(path.join(root, 'ev-dir', 'extra.txt'), 'added later\n');
    const bad = await runCli(['verify', 'ev-dir'], env);
    expect(bad.code).toBe(3);
    expect(bad.stdout).toMatch(/^The bundle .*ev-dir FAILED verification/);
    expect(bad.stdout).toMatch(/ {2}- provenance\.parquet: \[digest\] provenance\.parquet does not match its SHA-256 in the manifest — altered \(expected [0-9a-f]{64}, actual [0-9a-f]{64}\)/);
    expect(bad.stdout).toContain('  - extra.txt: [unexpected] extra.txt is in the bundle but not in the manifest');
  }, 120_000);

  it.each([
    { name: 'a malformed --trust', args: ['verify', 'ev.zip', '--trust', 'abc'], says: /--trust "abc": a fingerprint is 64 hex digits/ },
    { name: 'no bundle there', args: ['verify', 'nothing-here'], says: /There is no bundle at .*nothing-here/ },
    { name: '--include-data without --bundle', args: ['clean', 'x.csv', '--preset', 'standard', '--out', 'y.csv', '--include-data'], says: /--include-data goes with --bundle/ },
  ])('refuses $name (exit 2)', async ({ args, says }) => {
    const r = await runCli(args, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(says);
  }, 60_000);
});
