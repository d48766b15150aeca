// VERIFY.txt: how to check a bundle with standard tools alone (sha256sum, openssl), so an auditor
// need not trust this app. The commands are exact for this bundle's signers.
import { BUNDLE_FILES, type ManifestSigner } from '../../../shared/api/bundle-types';

export function verifyText(opts: { runId: string; datasetName: string; createdAt: string; signers: readonly ManifestSigner[] }): string {
  const lines: string[] = [
    'HOW TO VERIFY THIS EVIDENCE BUNDLE WITH STANDARD TOOLS',
    '======================================================',
    '',
    `Run ${opts.runId} on ${JSON.stringify(opts.datasetName)}, bundle written ${opts.createdAt}.`,
    'Run every command below in the bundle\'s folder (unzip a .zip bundle first). You need',
    'sha256sum (GNU coreutils; on macOS `shasum -a 256`) and OpenSSL 3.0 or newer.',
    '',
    '1. Every file is intact',
    '',
    `   sha256sum -c ${BUNDLE_FILES.sums}`,
    '',
    '   Every line must end in ": OK". "FAILED" names a file that was changed after the bundle',
    '   was written; "No such file" names a file that was removed. A file that is in the folder',
    `   but not listed in ${BUNDLE_FILES.sums} or ${BUNDLE_FILES.manifest} was added: nothing vouches for it.`,
    '',
    `2. ${BUNDLE_FILES.manifest} was signed by the keys it names`,
    '',
  ];
  for (const s of opts.signers) {
    const key = s.publicKey;
    lines.push(
      `   The ${s.role} (${s.name}), key ${s.fingerprint}:`,
      '',
      `   openssl pkey -pubin -in ${key} -outform DER | sha256sum`,
      '',
      `   must print ${s.fingerprint} — the key file is the one named (compare this`,
      '   fingerprint with the one the signer gave you out of band, e.g. on paper or by phone).',
      '',
      `   openssl pkeyutl -verify -pubin -inkey ${key} -rawin -in ${BUNDLE_FILES.manifest} -sigfile ${s.signature}`,
      '',
      `   must print "Signature Verified Successfully": ${BUNDLE_FILES.manifest} is exactly what this key signed.`,
      '   "Signature Verification Failure" means the manifest or the signature was altered.',
      '',
    );
  }
  lines.push(
    `3. The files match the signed manifest`,
    '',
    `   ${BUNDLE_FILES.manifest} (canonical JSON, RFC 8785) lists every file but itself, its signatures and`,
    `   ${BUNDLE_FILES.sums} with its size and SHA-256. Step 1 checks the files against ${BUNDLE_FILES.sums}; check`,
    `   that each digest in ${BUNDLE_FILES.sums} is the one the manifest gives, e.g. with jq:`,
    '',
    `   jq -r '.files[] | "\\(.sha256)  \\(.path)"' ${BUNDLE_FILES.manifest} | sha256sum -c`,
    '',
    '   (every line "OK"), or by reading the manifest.',
    '',
    '4. The audit log',
    '',
    `   ${BUNDLE_FILES.auditEntries} holds the workspace's audit log from its first entry up to the head`,
    `   that ${BUNDLE_FILES.auditCheckpoint} signs (the whole prefix: who may approve is replayed from it).`,
    '   Each entry is hash-chained to the one before. `sanitizer verify <bundle>` recomputes the chain, the',
    '   signatures and the checkpoint; the manifest\'s runEntries name the entries of this run.',
    '',
    `5. Personal data: ${BUNDLE_FILES.provenance} and ${BUNDLE_FILES.findings} carry no raw personal data — a`,
    '   de-identified cell\'s earlier value appears only as a keyed digest and a masked preview.',
    '',
  );
  return `${lines.join('\n')}\n`;
}
