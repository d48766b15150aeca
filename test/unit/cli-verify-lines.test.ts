// `sanitizer verify` prints one line per problem: the expected/actual values only where the message
// does not already say them, and a size problem's digests named as SHA-256 (it reports sizes first).
import { describe, expect, it } from 'vitest';
import type { BundleProblem } from '../../src/shared/api/bundle-types';
import { problemLine } from '../../src/cli/commands/verify';

const FP = 'ab'.repeat(32);

describe('sanitizer verify: problem lines', () => {
  it.each<[string, BundleProblem, string]>([
    [
      'digest: both digests',
      { file: 'policy.json', kind: 'digest', message: 'policy.json does not match its SHA-256 in the manifest — altered', expected: 'e1', actual: '61' },
      '  - policy.json: [digest] policy.json does not match its SHA-256 in the manifest — altered (expected e1, actual 61)',
    ],
    [
      'size: the digests named as SHA-256',
      { file: 'a.jsonl', kind: 'size', message: 'a.jsonl is 3 bytes; the manifest says 2 — altered', expected: 'e1', actual: '61' },
      '  - a.jsonl: [size] a.jsonl is 3 bytes; the manifest says 2 — altered (SHA-256 expected e1, actual 61)',
    ],
    [
      'untrusted: the key is in the message, no "expected —"',
      { file: `keys/${FP}.pem`, kind: 'untrusted', message: `the approver Paula (key ${FP}) is not in the trusted list`, actual: FP },
      `  - keys/${FP}.pem: [untrusted] the approver Paula (key ${FP}) is not in the trusted list`,
    ],
    [
      'missing: only what was expected',
      { file: 'report.pdf', kind: 'missing', message: 'report.pdf is listed in the manifest but not in the bundle', expected: 'e1' },
      '  - report.pdf: [missing] report.pdf is listed in the manifest but not in the bundle (expected e1, actual —)',
    ],
    ['unexpected: nothing to compare', { file: 'x.txt', kind: 'unexpected', message: 'x.txt is in the bundle but not in the manifest' }, '  - x.txt: [unexpected] x.txt is in the bundle but not in the manifest'],
    ['audit: the entry named', { file: 'audit/entries.jsonl', kind: 'audit', seq: 7, message: 'hash mismatch' }, '  - audit/entries.jsonl entry 7: [audit] hash mismatch'],
  ])('%s', (_what, p, line) => {
    expect(problemLine(p)).toBe(line);
  });
});
