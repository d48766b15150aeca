// The verdict of an opened bundle in words: integrity (every digest, signature and the audit chain)
// first, then trust (are the signers in the auditor's own list). Pure, so it is tested as a table.
import type { BundleProblem, BundleSignerStatus, BundleVerifyResult } from '../../../shared/api/bundle-types';

export type VerdictTone = 'ok' | 'untrusted' | 'bad';

export interface Verdict {
  tone: VerdictTone;
  headline: string;
  detail: string;
  /** Each problem as a line: the file, what is wrong, expected/actual or the entry. */
  problems: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The signers with `trusted` from the auditor's list as it is now (it may have changed since the bundle was opened). */
export function signersWithTrust(v: BundleVerifyResult, trusted: ReadonlySet<string>): BundleSignerStatus[] {
  return v.signers.map((s) => ({ ...s, trusted: trusted.has(s.fingerprint) }));
}

export function problemLine(p: BundleProblem): string {
  // Most messages name their file already; the file goes first only where one does not.
  const parts = [p.message.startsWith(p.file) ? p.message : `${p.file}: ${p.message}`];
  if (p.seq !== undefined && !p.message.includes(`${p.seq}`)) parts.push(`(entry ${p.seq})`);
  if (p.expected !== undefined || p.actual !== undefined) parts.push(`— expected ${p.expected ?? '(nothing)'}, found ${p.actual ?? '(nothing)'}`);
  return parts.join(' ');
}

export function verdictOf(v: BundleVerifyResult, trusted: ReadonlySet<string>): Verdict {
  const integrity = v.problems.filter((p) => p.kind !== 'untrusted');
  const entries = v.audit?.entries ?? 0;
  const facts = `${plural(v.filesChecked, 'file')}, ${plural(entries, 'audit entry', 'audit entries')}`;
  if (integrity.length > 0 || !v.manifest || v.signers.length === 0 || v.signers.some((s) => !s.valid) || v.audit?.ok === false) {
    const problems = integrity.map(problemLine);
    if (problems.length === 0) problems.push(v.manifest ? 'A signature over manifest.json does not check out.' : 'manifest.json could not be read.');
    return {
      tone: 'bad',
      headline: `Verification failed: ${plural(problems.length, 'problem')}`,
      detail: 'Something in this bundle is not what was signed. Do not rely on it; each problem names the file (and entry) concerned.',
      problems,
    };
  }
  const unknown = v.signers.filter((s) => !trusted.has(s.fingerprint));
  if (unknown.length > 0) {
    return {
      tone: 'untrusted',
      headline: `Intact: ${facts}, signatures valid — but signed by ${unknown.length === 1 ? 'a key' : 'keys'} you have not trusted`,
      detail: `Compare ${unknown.map((s) => `${s.name}'s`).join(' and ')} fingerprint with the signer out of band (in person, on paper, by phone), then trust it.`,
      problems: [],
    };
  }
  return { tone: 'ok', headline: `Verified: ${facts}, signatures valid`, detail: 'Every file digest, every signature and the audit-log hash chain check out, and every signer is one you trust.', problems: [] };
}
