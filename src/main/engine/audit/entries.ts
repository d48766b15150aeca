// Reading the audit log: one entry, a filtered page (newest first), and every entry in sequence
// order in chunks (verification streams a log of any length without holding it all).
import type { AuditEntry, AuditFilter } from '../../../shared/api/governance-types';
import { AppError } from '../../../shared/api/result';
import { num, type Database, type Row } from '../db/database';
import { table } from '../db/sql';

/** The columns toEntry reads. */
export const ENTRY_COLUMNS = `seq, epoch_ms("at") AS at_ms, actor, action, subject::VARCHAR AS subject, details::VARCHAR AS details,
  payload_digest, prev_hash, hash, signer, signature`;

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** A stored row as an entry. Unparseable JSON (a hand edit) reads as a marker the digest will not match. */
export function toEntry(r: Row): AuditEntry {
  return {
    seq: num(r.seq),
    at: new Date(num(r.at_ms)).toISOString(),
    actor: str(r.actor),
    action: str(r.action),
    subject: parseObject(r.subject) as Record<string, string>,
    details: parseObject(r.details),
    payloadDigest: str(r.payload_digest),
    prevHash: str(r.prev_hash),
    hash: str(r.hash),
    signer: strOrNull(r.signer),
    signature: strOrNull(r.signature),
  };
}

function parseObject(v: unknown): Record<string, unknown> {
  try {
    const o: unknown = JSON.parse(str(v));
    return o !== null && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>) : { $unreadable: str(v) };
  } catch {
    return { $unreadable: str(v) };
  }
}

export interface ListRequest {
  limit: number;
  beforeSeq?: number | undefined;
  filter: AuditFilter;
}

/** Entries newest first; `action` ending in "." is a prefix; `subject` matches any subject value. */
export async function listAudit(db: Database, req: ListRequest): Promise<AuditEntry[]> {
  const where = ['seq < $before'];
  const params: Record<string, string | number> = { before: req.beforeSeq ?? Number.MAX_SAFE_INTEGER, limit: req.limit };
  const f = req.filter;
  if (f.actor !== undefined) {
    where.push('lower(actor) = lower($actor)');
    params.actor = f.actor;
  }
  if (f.action !== undefined) {
    where.push(f.action.endsWith('.') ? 'starts_with(action, $action)' : 'action = $action');
    params.action = f.action;
  }
  if (f.subject !== undefined) {
    where.push(`list_contains(json_extract_string(subject, '$.*'), $subject)`);
    params.subject = f.subject;
  }
  const rows = await db.all(`SELECT ${ENTRY_COLUMNS} FROM ${table.eventLog} WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT $limit`, params);
  return rows.map(toEntry);
}

export async function getAuditEntry(db: Database, seq: number): Promise<AuditEntry> {
  const r = await db.one(`SELECT ${ENTRY_COLUMNS} FROM ${table.eventLog} WHERE seq = $seq`, { seq });
  if (!r) throw new AppError('NOT_FOUND', `The audit log has no entry ${seq}.`, { seq });
  return toEntry(r);
}

/** Every entry in sequence order, `chunk` at a time (keyset paging on seq). */
export async function* readAllEntries(db: Database, chunk = 5000): AsyncGenerator<AuditEntry[]> {
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const rows = await db.all(`SELECT ${ENTRY_COLUMNS} FROM ${table.eventLog} WHERE seq > $after ORDER BY seq LIMIT $chunk`, { after, chunk });
    if (rows.length === 0) return;
    const entries = rows.map(toEntry);
    yield entries;
    after = entries[entries.length - 1]!.seq;
    if (rows.length < chunk) return;
  }
}

/** The last entry's seq and hash, or null for an empty log. */
export async function logHead(db: Database): Promise<{ seq: number; hash: string } | null> {
  const r = await db.one(`SELECT seq, hash FROM ${table.eventLog} ORDER BY seq DESC LIMIT 1`);
  return r ? { seq: num(r.seq), hash: str(r.hash) } : null;
}
