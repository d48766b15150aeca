// `sanitizer verify` prints what a bundle says — file names, signer names, messages quoting them —
// so a crafted name must not drive the terminal: control characters are shown escaped, and every
// problem stays on its own line.
import { describe, expect, it } from 'vitest';
import type { BundleVerifyResult } from '../../src/shared/api/bundle-types';
import { bundleReport, printable } from '../../src/cli/commands/verify';

const ESC = '\u001b';

describe('printable', () => {
  it.each([
    ['plain.txt', 'plain.txt'],
    [`a${ESC}[2Kb`, 'a\\u001b[2Kb'],
    ['line\nThe bundle is intact', 'line\\u000aThe bundle is intact'],
    ['back\rspace\b', 'back\\u000dspace\\u0008'],
    ['c1\u009bcsi', 'c1\\u009bcsi'],
    ['ls\u2028ps\u2029', 'ls\\u2028ps\\u2029'],
    ['naïve — café', 'naïve — café'],
  ])('%j → %j', (given, shown) => {
    expect(printable(given)).toBe(shown);
  });
});

describe('bundleReport', () => {
  it('escapes control characters from the bundle in every line, one line per problem', () => {
    const evil = `x${ESC}[1A${ESC}[2K\rThe bundle is intact\n.txt`;
    const r: BundleVerifyResult = {
      ok: false, path: '/media/stick/ev', container: 'folder', manifest: null, filesChecked: 3, audit: null, verifiedAt: '2026-01-01T00:00:00.000Z',
      signers: [{ role: 'runner', name: `eve${ESC}[8m`, fingerprint: 'a'.repeat(64), valid: true, trusted: null }],
      problems: [
        { file: evil, kind: 'unexpected', message: `${evil} is in the bundle but not in the manifest — added after signing` },
        { file: 'report.json', kind: 'digest', message: 'report.json does not match its SHA-256 in the manifest — altered', expected: 'b'.repeat(64), actual: 'c'.repeat(64) },
      ],
    };
    const text = bundleReport(r);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const lines = text.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain('eve\\u001b[8m');
    expect(lines[2]).toBe('  - x\\u001b[1A\\u001b[2K\\u000dThe bundle is intact\\u000a.txt: [unexpected] x\\u001b[1A\\u001b[2K\\u000dThe bundle is intact\\u000a.txt is in the bundle but not in the manifest — added after signing');
    expect(lines[3]).toMatch(/^ {2}- report\.json: \[digest\] /);
  });
});
