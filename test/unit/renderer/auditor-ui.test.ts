// Auditor mode's pure parts as tables: the verdict (integrity first, then trust) and what the file
// browser's bundle mode opens.
import { describe, expect, it } from 'vitest';
import type { BundleManifest, BundleProblem, BundleSignerStatus, BundleVerifyResult } from '../../../src/shared/api/bundle-types';
import type { FsEntry } from '../../../src/shared/api/types';
import { bundleTarget, visibleEntries } from '../../../src/renderer/lib/file-types';
import { problemLine, verdictOf } from '../../../src/renderer/features/auditor/verdict';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const signer = (name: string, fingerprint: string, valid = true): BundleSignerStatus => ({ role: name === 'alice' ? 'runner' : 'approver', name, fingerprint, valid, trusted: null });

function result(over: Partial<BundleVerifyResult> = {}): BundleVerifyResult {
  return {
    ok: true, path: '/b', container: 'folder', manifest: {} as BundleManifest, signers: [signer('alice', A), signer('bob', B)], filesChecked: 12,
    audit: { entries: 41, head: { seq: 41, hash: 'h' }, ok: true }, problems: [], verifiedAt: '2026-12-05T08:00:00Z', ...over,
  };
}

const digest: BundleProblem = { file: 'provenance.parquet', kind: 'digest', message: 'the SHA-256 differs from the manifest', expected: '11', actual: '22' };

describe('verdictOf', () => {
  it.each([
    ['intact, both trusted', result(), [A, B], 'ok', 'Verified: 12 files, 41 audit entries, signatures valid', 0],
    ['intact, one signer unknown', result(), [A], 'untrusted', 'Intact: 12 files, 41 audit entries, signatures valid — but signed by a key you have not trusted', 0],
    ['intact, an untrusted problem only (a trust list was given)', result({ ok: false, problems: [{ file: 'manifest.sig', kind: 'untrusted', message: 'not trusted' }] }), [], 'untrusted', 'Intact: 12 files, 41 audit entries, signatures valid — but signed by keys you have not trusted', 0],
    ['a file altered', result({ ok: false, problems: [digest] }), [A, B], 'bad', 'Verification failed: 1 problem', 1],
    ['an invalid signature with no problem listed', result({ ok: false, signers: [signer('alice', A, false)] }), [A], 'bad', 'Verification failed: 1 problem', 1],
    ['no manifest', result({ ok: false, manifest: null, signers: [] }), [], 'bad', 'Verification failed: 1 problem', 1],
    ['a broken audit chain', result({ ok: false, audit: { entries: 41, head: null, ok: false }, problems: [{ file: 'audit/entries.jsonl', kind: 'audit', message: 'entry 7: the hash does not match', seq: 7 }] }), [A, B], 'bad', 'Verification failed: 1 problem', 1],
    ['one file, one entry', result({ filesChecked: 1, audit: { entries: 1, head: null, ok: true } }), [A, B], 'ok', 'Verified: 1 file, 1 audit entry, signatures valid', 0],
  ] as const)('%s', (_name, r, trusted, tone, headline, problems) => {
    const v = verdictOf(r, new Set(trusted));
    expect([v.tone, v.headline, v.problems.length]).toEqual([tone, headline, problems]);
  });

  it.each([
    [digest, 'provenance.parquet: the SHA-256 differs from the manifest — expected 11, found 22'],
    [{ file: 'audit/entries.jsonl', kind: 'audit', message: 'the hash does not match', seq: 7 } as BundleProblem, 'audit/entries.jsonl: the hash does not match (entry 7)'],
    [{ file: 'audit/entries.jsonl', kind: 'audit', message: 'entry 7: the hash does not match', seq: 7 } as BundleProblem, 'audit/entries.jsonl: entry 7: the hash does not match'],
    [{ file: 'extra.txt', kind: 'unexpected', message: 'not listed in the manifest' } as BundleProblem, 'extra.txt: not listed in the manifest'],
    [{ file: 'policy.json', kind: 'digest', message: 'policy.json does not match its SHA-256', expected: '1', actual: '2' } as BundleProblem, 'policy.json does not match its SHA-256 — expected 1, found 2'],
    [{ file: 'report.pdf', kind: 'missing', message: 'missing', expected: 'abc' } as BundleProblem, 'report.pdf: missing — expected abc, found (nothing)'],
  ])('problemLine %#', (p, line) => {
    expect(problemLine(p)).toBe(line);
  });
});

const entry = (name: string, kind: 'file' | 'dir' = 'file'): FsEntry => ({ name, path: `/f/${name}`, kind, size: kind === 'file' ? 1 : null, modifiedAt: null } as FsEntry);

describe('the file browser in bundle mode', () => {
  const listing = [entry('evidence', 'dir'), entry('evidence.zip'), entry('data.csv'), entry('notes.txt')];
  it('shows folders and .zip files only', () => {
    expect(visibleEntries(listing, 'bundle', false).map((e) => e.name)).toEqual(['evidence', 'evidence.zip']);
    expect(visibleEntries(listing, 'bundle', true).map((e) => e.name)).toEqual(['evidence', 'evidence.zip', 'data.csv', 'notes.txt']);
  });

  it.each([
    ['a selected .zip', '/f', listing, entry('evidence.zip'), '/f/evidence.zip'],
    ['a selected folder', '/f', listing, entry('evidence', 'dir'), '/f/evidence'],
    ['inside a bundle folder, whatever is selected', '/f/evidence', [entry('audit', 'dir'), entry('manifest.json')], entry('audit', 'dir'), '/f/evidence'],
    ['a selected .zip inside a bundle folder', '/f/evidence', [entry('manifest.json'), entry('evidence.zip')], entry('evidence.zip'), '/f/evidence.zip'],
    ['a CSV selected (show all files)', '/f', listing, entry('data.csv'), undefined],
    ['nothing selected, not a bundle', '/f', listing, undefined, undefined],
  ] as const)('%s', (_name, at, entries, selected, target) => {
    expect(bundleTarget(at, [...entries], selected)).toBe(target);
  });
});
