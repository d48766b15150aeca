// A bundle's audit slice: audit/entries.jsonl (streamed) verified as a hash chain from entry 1 with
// the log's own verifier, against audit/checkpoint.json, whose entry must be the slice's last; the
// manifest's run entries must be in it. Returns the keys the slice introduces, for the signers.
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { BUNDLE_FILES, type BundleManifest } from '../../../shared/api/bundle-types';
import type { AuditEntry, Checkpoint } from '../../../shared/api/governance-types';
import { checkpointSchema } from '../audit/checkpoint-sign';
import { ChainVerifier } from '../audit/verify';
import type { Verification } from './verify-context';

const entrySchema = z.strictObject({
  seq: z.int().positive(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.record(z.string(), z.string()),
  details: z.record(z.string(), z.unknown()),
  payloadDigest: z.string(),
  prevHash: z.string(),
  hash: z.string(),
  signer: z.string().nullable(),
  signature: z.string().nullable(),
});

export interface AuditOutcome {
  entries: number;
  head: { seq: number; hash: string } | null;
  ok: boolean;
  /** Keys the slice introduces: fingerprint → identity name (null for the checkpoint key). */
  keys: Map<string, string | null>;
}

export async function checkAudit(v: Verification, m: BundleManifest): Promise<AuditOutcome | null> {
  const file = BUNDLE_FILES.auditEntries;
  const cpFile = BUNDLE_FILES.auditCheckpoint;
  for (const f of [file, cpFile]) {
    if (!m.files.some((x) => x.path === f)) v.add({ file: f, kind: 'manifest', message: `the manifest does not list ${f}; a bundle carries the audit log to a signed checkpoint` });
  }
  if (!v.src.has(file) || !v.src.has(cpFile)) return null;
  const before = v.problems.length;
  const entries = await parseEntries(v, file);
  const checkpoint = await parseCheckpointFile(v, cpFile);
  if (!entries || !checkpoint) return null;
  const chain = new ChainVerifier([checkpoint.seq]);
  for (const e of entries) chain.add(e);
  const result = chain.finish([{ checkpoint, source: cpFile }], m.workspaceId);
  for (const p of result.problems) {
    v.add({ file: p.kind === 'checkpoint' && p.message.includes('signature') ? cpFile : file, kind: 'audit', message: p.message, ...(p.seq !== null ? { seq: p.seq } : {}) });
  }
  const head = result.head;
  if (head && checkpoint.seq < head.seq) {
    v.add({ file, kind: 'audit', seq: checkpoint.seq + 1, message: `${file} goes on past the signed checkpoint (entry ${checkpoint.seq}) to entry ${head.seq}: entries ${checkpoint.seq + 1}–${head.seq} are covered by no signature`, expected: String(checkpoint.seq), actual: String(head.seq) });
  }
  if (checkpoint.workspaceId !== m.workspaceId) {
    v.add({ file: cpFile, kind: 'audit', message: `${cpFile} belongs to workspace ${checkpoint.workspaceId}; the manifest names ${m.workspaceId}`, expected: m.workspaceId, actual: checkpoint.workspaceId });
  }
  const seqs = new Set(entries.map((e) => e.seq));
  for (const s of m.runEntries) {
    if (!seqs.has(s)) v.add({ file, kind: 'audit', seq: s, message: `the manifest names entry ${s} as one of the run's, but ${file} has no entry ${s}` });
  }
  const keys = new Map<string, string | null>([...chain.keys].map(([fp, k]) => [fp, k.name]));
  return { entries: entries.length, head, ok: v.problems.length === before, keys };
}

async function parseEntries(v: Verification, file: string): Promise<AuditEntry[] | null> {
  const out: AuditEntry[] = [];
  let n = 0;
  try {
    // Streamed line by line: a long log is not one string in memory.
    const lines = createInterface({ input: await v.src.stream(file), crlfDelay: Infinity });
    for await (const line of lines) {
      n++;
      const entry = parseEntryLine(line);
      if (typeof entry === 'string') {
        lines.close();
        v.add({ file, kind: 'audit', message: `${file} line ${n} ${entry} — altered` });
        return null;
      }
      out.push(entry);
    }
  } catch (err) {
    v.add({ file, kind: 'unreadable', message: `${file} cannot be read: ${(err as Error).message}` });
    return null;
  }
  if (out.length === 0) v.add({ file, kind: 'audit', message: `${file} holds no entries` });
  return out;
}

/** An entry, or what is wrong with the line. */
function parseEntryLine(line: string): AuditEntry | string {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return 'is not JSON';
  }
  const r = entrySchema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  return `is not an audit entry (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unreadable'})`;
}

async function parseCheckpointFile(v: Verification, file: string): Promise<Checkpoint | null> {
  const text = await v.text(file);
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    v.add({ file, kind: 'audit', message: `${file} is not JSON — altered` });
    return null;
  }
  const r = checkpointSchema.safeParse(raw);
  if (!r.success) {
    v.add({ file, kind: 'audit', message: `${file} is not a signed checkpoint — altered` });
    return null;
  }
  return r.data;
}
