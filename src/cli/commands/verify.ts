// `sanitizer verify <bundle> [--trust FINGERPRINT]… [--json]`: checks an evidence bundle (folder or
// .zip) with no workspace — signatures, every digest, the audit slice — exit 0 when intact (and,
// with --trust, signed only by trusted keys), exit 3 printing each failure.
import path from 'node:path';
import type { Command } from 'commander';
import type { BundleProblem, BundleVerifyResult } from '../../shared/api/bundle-types';
import { AppError } from '../../shared/api/result';
import { verifyBundle } from '../../main/engine/bundle/verify';
import type { CommandContext } from '../command';
import { addJsonFlag, repeatable } from '../flags';
import { printJson } from '../output';

/** A fingerprint as people copy it: any case, with spaces or colons between groups. */
export function fingerprintArg(value: string): string {
  const fp = value.replace(/[\s:]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(fp)) throw new AppError('INVALID_ARGUMENT', `--trust ${JSON.stringify(value)}: a fingerprint is 64 hex digits (the SHA-256 of the public key, as VERIFY.txt shows how to compute).`);
  return fp;
}

/**
 * What a bundle says (file names, signer names, problem messages quoting them) shown on a terminal
 * with its control characters escaped: a crafted name must not move the cursor, erase the failure
 * lines above it or start a new line that reads "intact".
 */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One problem: its file (and entry), kind and message, then the expected and actual values the
 *  message does not already carry (an untrusted signer's key is in its message: no "expected —";
 *  a size problem carries digests, so they are named as SHA-256). */
export function problemLine(p: BundleProblem): string {
  const unsaid = [p.expected, p.actual].some((v) => v !== undefined && !p.message.includes(v));
  const sha = p.kind === 'size' ? 'SHA-256 ' : '';
  const digests = unsaid ? ` (${sha}expected ${p.expected ?? '—'}, actual ${p.actual ?? '—'})` : '';
  return `  - ${p.file}${p.seq !== undefined ? ` entry ${p.seq}` : ''}: [${p.kind}] ${p.message}${digests}`;
}

export function bundleReport(r: BundleVerifyResult): string {
  const signers = r.signers.map((s) => {
    const trust = s.trusted === null ? '' : s.trusted ? ', trusted' : ', NOT TRUSTED';
    return `${s.role} ${s.name} (key ${s.fingerprint}${s.valid ? '' : ', signature INVALID'}${trust})`;
  });
  const audit = r.audit ? `; audit log: ${r.audit.entries} entries up to the signed checkpoint of entry ${r.audit.head?.seq ?? '—'}` : '';
  const what = `${r.filesChecked} files checked${signers.length ? `, signed by ${signers.join(' and ')}` : ''}${audit}`;
  if (r.ok) return `${printable(`The bundle ${r.path} is intact: ${what}.`)}\n`;
  const lines = [`The bundle ${r.path} FAILED verification (${what}).`, `Problems (${r.problems.length}):`, ...r.problems.map(problemLine)];
  return `${lines.map(printable).join('\n')}\n`;
}

export function verifyCommand(program: Command, ctx: CommandContext): void {
  const cmd = program
    .command('verify')
    .description('Verify an evidence bundle (a folder or .zip) with no workspace: signatures, every file\'s SHA-256, the audit log slice (exit 3 when anything fails).')
    .argument('<bundle>', 'the bundle folder or .zip file')
    .option('--trust <fingerprint>', 'a signer you trust (repeatable): every signer must be one of them', repeatable);
  addJsonFlag(cmd);
  cmd.action(async (bundle: string, flags: { trust?: string[]; json?: boolean }) => {
    ctx.json = Boolean(flags.json);
    const trust = flags.trust?.map(fingerprintArg);
    const r = await verifyBundle(path.resolve(ctx.io.cwd, bundle), { trust });
    if (ctx.json) printJson(ctx.io, r);
    else ctx.io.out(bundleReport(r));
    if (!r.ok) {
      // The result is already printed (one JSON object under --json): the error adds the exit code and a line on stderr.
      ctx.json = false;
      const first = r.problems[0];
      throw new AppError('VERIFICATION_FAILED', `bundle verification failed: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}${first ? `, first: ${printable(`${first.file}: ${first.message}`)}` : ''}`);
    }
  });
}
