// "Check a file I have": hashes a file the auditor points at (streamed) and says which of the
// bundle's recorded digests it matches — an input (report.json's inputs and reproducibility, and the
// run's dataset's import entry in the bundle's verified audit slice) or the output (the canonical-CSV
// digest of the cleaned version, or the cleaned data file the bundle carries).
import fs from 'node:fs';
import type { BundleDigestCheck } from '../../../shared/api/bundle-types';
import { BUNDLE_FILES } from '../../../shared/api/bundle-types';
import { AppError } from '../../../shared/api/result';
import { sha256File } from '../import/digest';
import type { BundleSessions, OpenBundle } from './sessions';

const SHA = /^[0-9a-f]{64}$/;
/** The audit slice is read into memory (verified as a whole) up to this size. */
const MAX_SLICE_BYTES = 256 * 2 ** 20;

interface RecordedDigests {
  input: string[];
  output: string[];
}

/** The SHA-256 of each source the audit slice says `datasetId` was imported from. */
async function importedDigests(sessions: BundleSessions, b: OpenBundle, datasetId: string, into: Set<string>): Promise<void> {
  if (!b.files.some((f) => f.path === BUNDLE_FILES.auditEntries)) return;
  // The verified bytes only: a slice changed after verification could name any digest.
  const text = (await sessions.verifiedBytes(b.id, BUNDLE_FILES.auditEntries, MAX_SLICE_BYTES)).toString('utf8');
  for (const line of text.split('\n')) {
    if (!line.includes('"dataset.imported"')) continue;
    try {
      const e = JSON.parse(line) as { action?: unknown; subject?: { dataset?: unknown }; details?: { sha256?: unknown } };
      if (e.action === 'dataset.imported' && e.subject?.dataset === datasetId && typeof e.details?.sha256 === 'string' && SHA.test(e.details.sha256)) into.add(e.details.sha256);
    } catch {
      // A line the verifier already reported as unreadable.
    }
  }
}

/** The digests report.json and the audit slice record (inputs and output), and the data files' digests from the manifest. */
export async function recordedDigests(sessions: BundleSessions, b: OpenBundle): Promise<RecordedDigests> {
  const input = new Set<string>();
  const output: string[] = [];
  if (b.files.some((f) => f.path === BUNDLE_FILES.reportJson)) {
    // An unreadable report.json was reported by the verification; it records nothing here.
    const report: unknown = await sessions.readText(b.id, BUNDLE_FILES.reportJson).then((t) => JSON.parse(t.text) as unknown, () => null);
    const r = report as { run?: { datasetId?: unknown }; inputs?: Array<{ sha256?: unknown }>; reproducibility?: { inputSha256?: unknown; outputSha256?: unknown } } | null;
    // report.json is the report model, or (until the report renderer lands) { run: RunResult }: both name the dataset.
    if (typeof r?.run?.datasetId === 'string') await importedDigests(sessions, b, r.run.datasetId, input);
    for (const i of r?.inputs ?? []) if (typeof i.sha256 === 'string' && SHA.test(i.sha256)) input.add(i.sha256);
    const repro = r?.reproducibility;
    if (Array.isArray(repro?.inputSha256)) for (const d of repro.inputSha256) if (typeof d === 'string' && SHA.test(d)) input.add(d);
    if (typeof repro?.outputSha256 === 'string' && SHA.test(repro.outputSha256)) output.push(repro.outputSha256);
  }
  for (const f of b.files) if (f.kind === 'data' && !output.includes(f.sha256)) output.push(f.sha256);
  return { input: [...input], output };
}

export async function checkFile(sessions: BundleSessions, bundleId: string, file: string): Promise<BundleDigestCheck> {
  const b = sessions.get(bundleId);
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new AppError('NOT_FOUND', `There is no file at ${file}.`);
  }
  if (!st.isFile()) throw new AppError('INVALID_ARGUMENT', `${file} is a folder; point at the input or output file itself.`);
  const sha256 = await sha256File(file);
  const recorded = await recordedDigests(sessions, b);
  const matches = recorded.input.includes(sha256) ? 'input' : recorded.output.includes(sha256) ? 'output' : null;
  return { path: file, sha256, matches, expected: { input: recorded.input, output: recorded.output[0] ?? null } };
}
