// Writing a run's evidence bundle as a job: reports, policy, approvals, provenance and findings, the
// cleaned data when asked, the audit log to a fresh signed head checkpoint, the signers' public keys,
// VERIFY.txt, then manifest.json (canonical JSON) with raw Ed25519 signatures and SHA256SUMS — built
// beside the target and moved into place at the end; a failure or a cancel leaves nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { RunResult } from '../../../shared/api/clean-types';
import {
  BUNDLE_FILES, BUNDLE_FORMAT, MANIFEST_FORMAT, type BundleFileKind, type BundleManifest, type ManifestSigner, type WrittenBundle,
} from '../../../shared/api/bundle-types';
import { AppError } from '../../../shared/api/result';
import { canonicalJson, sha256Hex } from '../audit/canonical';
import { checkpointKeySigner, writeCheckpoint } from '../audit/checkpoint';
import { getDataset } from '../datasets/catalog';
import { table } from '../db/sql';
import { APP_VERSION } from '../handlers/app';
import { sha256File } from '../import/digest';
import type { ActiveIdentity } from '../identity/session';
import type { Signer } from '../identity/keys';
import type { JobContext } from '../jobs/jobs';
import { appendEvent } from '../workspace/event-log';
import type { Workspace } from '../workspace/workspace';
import { writeAuditSlice, writeData, writeFindings, writeProvenance } from './parts';
import { discardTarget, listFiles, prepareTarget, publishTarget, zipWork, type BundleTarget } from './publish';
import { verifyText } from './verify-text';

/** Writes the run's reports into `dir` (bundle root); returns nothing, the files are found by listing. */
export type ReportRenderer = (run: RunResult, dir: string, job: JobContext) => Promise<void>;

export interface BundleRequest {
  runId: string;
  path: string;
  includeData: boolean;
  force: boolean;
  /** The approver who countersigns, unlocked and checked for the approver role by the caller. */
  countersigner?: ActiveIdentity | null | undefined;
}

export interface BundleContext {
  ws: Workspace;
  /** Signs the manifest (and the checkpoint); with none, the workspace's checkpoint key does. */
  identity: ActiveIdentity | null;
  actor: string;
  /** Renders report.html / report.pdf / report.json; by default only report.json of the run's result. */
  renderReports?: ReportRenderer | undefined;
}

export const CHECKPOINT_KEY_SIGNER = "the workspace's checkpoint key (no identity was unlocked)";

/** A stored run: its result and the policy document exactly as it ran. */
export async function storedRun(ws: Workspace, runId: string): Promise<{ run: RunResult; policyJson: string }> {
  const r = await ws.db.one(`SELECT result::VARCHAR AS result, policy::VARCHAR AS policy FROM ${table.run} WHERE run_id = $id`, { id: runId });
  if (!r) throw new AppError('NOT_FOUND', `There is no run ${runId} in this workspace (\`sanitizer clean\` prints a run's id; the app lists them in the diff view).`, { runId });
  const run = JSON.parse(String(r.result)) as RunResult;
  if (run.outputVersion === null) throw new AppError('INVALID_ARGUMENT', `Run ${runId} is a preview: it wrote no version, so there is nothing to bundle.`, { runId });
  // Re-serialised in stored key order: the file's SHA-256 is the run's policy digest.
  return { run, policyJson: JSON.stringify(JSON.parse(String(r.policy))) };
}

// Without a renderer (handlers/bundle.ts passes the report model's), the run's result as JSON.
const minimalReports: ReportRenderer = async (run, dir) => {
  fs.writeFileSync(path.join(dir, BUNDLE_FILES.reportJson), `${JSON.stringify({ format: 'data-sanitizer/run-result@1', run }, null, 2)}\n`);
};

export function kindOf(file: string): BundleFileKind {
  if (file.startsWith('report.')) return 'report';
  if (file === BUNDLE_FILES.policy) return 'policy';
  if (file.startsWith(`${BUNDLE_FILES.approvalsDir}/`)) return 'approval';
  if (file.startsWith('audit/')) return 'audit';
  if (file === BUNDLE_FILES.provenance) return 'provenance';
  if (file === BUNDLE_FILES.findings) return 'findings';
  if (file.startsWith(`${BUNDLE_FILES.dataDir}/`)) return 'data';
  if (file.startsWith(`${BUNDLE_FILES.keysDir}/`)) return 'key';
  return 'readme';
}

/** A dataset name as a file name: letters, digits, dot, dash, underscore and space only. */
export function dataFileName(name: string): string {
  const safe = name.normalize('NFC').replace(/[^\p{L}\p{N}._ -]+/gu, '_').replace(/^[.\s]+|\s+$/g, '').slice(0, 120);
  return `${safe || 'data'}.csv`;
}

export async function writeBundle(ctx: BundleContext, job: JobContext, req: BundleRequest): Promise<WrittenBundle> {
  const { ws } = ctx;
  const { run, policyJson } = await storedRun(ws, req.runId);
  const detail = await getDataset(ws.db, run.datasetId, run.outputVersion as number);
  const target = prepareTarget(req.path, req.force);
  job.progress({ stage: 'checking', done: 0, total: null });
  try {
    const work = target.work;
    const put = (rel: string, data: string | Buffer) => {
      const p = path.join(work, ...rel.split('/'));
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, data, { flag: 'wx' });
    };
    job.progress({ stage: 'writing the reports' });
    await (ctx.renderReports ?? minimalReports)(run, work, job);
    put(BUNDLE_FILES.policy, policyJson);
    const policyKey = run.policyId ?? 'policy';
    (run.approvals ?? []).forEach((a, i) => put(`${BUNDLE_FILES.approvalsDir}/${policyKey}-v${run.policyVersion}-${i + 1}.json`, `${JSON.stringify(a, null, 2)}\n`));
    job.throwIfCancelled();
    job.progress({ stage: 'writing the provenance ledger' });
    await writeProvenance(ws, job, run, path.join(work, BUNDLE_FILES.provenance));
    job.progress({ stage: 'writing the PII findings' });
    await writeFindings(ws, job, run, path.join(work, BUNDLE_FILES.findings));
    if (req.includeData) {
      fs.mkdirSync(path.join(work, BUNDLE_FILES.dataDir));
      await writeData(ws, job, run, path.join(work, BUNDLE_FILES.dataDir, dataFileName(detail.dataset.name)));
    }
    job.throwIfCancelled();
    job.progress({ stage: 'writing the audit log' });
    // The runner's key is introduced in the log before the checkpoint, so the slice vouches for it.
    const runner: Signer = ctx.identity?.signer ?? (await ws.exclusive(() => checkpointKeySigner(ws, ctx.actor)));
    const cp = await writeCheckpoint(ws, ctx.identity, ctx.actor);
    if (!cp) throw new AppError('INTERNAL', 'The audit log is empty; there is no head to checkpoint.');
    fs.mkdirSync(path.join(work, 'audit'));
    const slice = await writeAuditSlice(ws, job, cp, run, path.join(work, BUNDLE_FILES.auditEntries));
    put(BUNDLE_FILES.auditCheckpoint, `${JSON.stringify(cp, null, 2)}\n`);
    const signers: { signer: Signer; manifest: ManifestSigner }[] = [
      { signer: runner, manifest: manifestSigner('runner', ctx.identity?.name ?? CHECKPOINT_KEY_SIGNER, runner.fingerprint, BUNDLE_FILES.signature) },
    ];
    if (req.countersigner) {
      const c = req.countersigner;
      signers.push({ signer: c.signer, manifest: manifestSigner('approver', c.name, c.fingerprint, BUNDLE_FILES.countersignature) });
    }
    const keys = new Map(slice.keys);
    for (const s of signers) keys.set(s.signer.fingerprint, s.signer.publicKey);
    for (const [fp, pem] of [...keys].sort()) put(`${BUNDLE_FILES.keysDir}/${fp}.pem`, pem.endsWith('\n') ? pem : `${pem}\n`);
    const createdAt = new Date().toISOString();
    put(BUNDLE_FILES.verify, verifyText({ runId: run.runId, datasetName: detail.dataset.name, createdAt, signers: signers.map((s) => s.manifest) }));
    job.throwIfCancelled();
    job.progress({ stage: 'signing the manifest' });
    const files = [];
    for (const f of listFiles(work)) {
      const p = path.join(work, ...f.split('/'));
      files.push({ path: f, kind: kindOf(f), size: fs.statSync(p).size, sha256: await sha256File(p, undefined, job.signal) });
    }
    const manifest: BundleManifest = {
      format: MANIFEST_FORMAT, bundleFormat: BUNDLE_FORMAT, createdAt, engineVersion: APP_VERSION, workspaceId: cp.workspaceId, runId: run.runId,
      runKind: run.kind, datasetName: detail.dataset.name, files, signers: signers.map((s) => s.manifest), runEntries: slice.runEntries,
    };
    const manifestText = canonicalJson(manifest);
    put(BUNDLE_FILES.manifest, manifestText);
    for (const s of signers) put(s.manifest.signature, Buffer.from(s.signer.sign(manifestText), 'base64'));
    const digests = new Map(files.map((f) => [f.path, f.sha256]));
    const sums = [];
    for (const f of listFiles(work)) sums.push(`${digests.get(f) ?? (await sha256File(path.join(work, ...f.split('/'))))}  ${f}\n`);
    put(BUNDLE_FILES.sums, sums.join(''));
    const all = listFiles(work);
    const bytes = all.reduce((n, f) => n + fs.statSync(path.join(work, ...f.split('/'))).size, 0);
    if (target.zip) {
      job.progress({ stage: 'writing the .zip' });
      await zipWork(target, new Date(createdAt), job.signal);
    }
    job.progress({ stage: 'saving' });
    // The last moment a cancel is honoured: after it, the bundle is moved into place and logged.
    job.throwIfCancelled();
    const result: WrittenBundle = {
      path: target.path, container: target.container, runId: run.runId, manifestSha256: sha256Hex(manifestText), files: all.length, bytes,
      signers: signers.map((s) => ({ role: s.manifest.role, name: s.manifest.name, fingerprint: s.manifest.fingerprint })), checkpoint: { seq: cp.seq, hash: cp.hash },
    };
    await logAndPublish(ws, ctx.actor, target, req.force, result);
    return result;
  } catch (err) {
    if (job.signal.aborted) throw new AppError('CANCELLED', `Bundle ${path.basename(target.path)}: cancelled; nothing was written.`);
    throw err;
  } finally {
    discardTarget(target);
  }
}

function manifestSigner(role: ManifestSigner['role'], name: string, fingerprint: string, signature: string): ManifestSigner {
  return { role, name, fingerprint, publicKey: `${BUNDLE_FILES.keysDir}/${fingerprint}.pem`, signature };
}

/** The log entry and the move into place in one transaction: a failed move rolls the entry back. */
async function logAndPublish(ws: Workspace, actor: string, target: BundleTarget, force: boolean, r: WrittenBundle): Promise<void> {
  await ws.exclusive(() => ws.db.transaction(async (conn) => {
    await appendEvent(conn, {
      action: 'bundle.written', actor, subject: { run: r.runId },
      details: { path: r.path, container: r.container, manifestSha256: r.manifestSha256, files: r.files, bytes: r.bytes, checkpointSeq: r.checkpoint.seq, signers: r.signers, overwrote: force && fs.existsSync(r.path) },
    });
    publishTarget(target, force);
  }));
}
