// The audit log (the foundation's event log): every action, with time and actor, hash-chained to
// the one before and signed by the actor when that is the unlocked identity. Only INSERTs ever touch it:
// the engine exposes no update or delete (audit/verify.ts proves what was done to it directly).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { EventLogEntry } from '../../../shared/api/types';
import { entryHash, GENESIS_HASH, payloadDigest, signedBytes } from '../audit/chain';
import type { Signer } from '../identity/keys';
import { num, ownerOf, type Database } from '../db/database';
import { TRUST_ACTIONS } from '../identity/trust';
import { table } from '../db/sql';

const TRUST_ACTION_NAMES: ReadonlySet<string> = new Set(Object.values(TRUST_ACTIONS));

export interface LogInput {
  action: string;
  actor: string;
  subject?: Record<string, string>;
  details?: Record<string, unknown>;
  /** Signs the entry's hash (governance actions: identities, roles, transitions, settings, keys, purges). */
  signer?: Signer;
}

/** JSON of details with bigints as numbers (what is stored is what is digested). */
export function normaliseDetails(details: Record<string, unknown> | undefined): Record<string, unknown> {
  return JSON.parse(JSON.stringify(details ?? {}, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))) as Record<string, unknown>;
}

export interface Appended {
  seq: number;
  hash: string;
  at: string;
}

/**
 * Appends one entry on `conn` (so it shares the transaction of the action it records). Callers
 * serialise through Workspace.exclusive; the sequence's primary key refuses a racing duplicate.
 */
export async function appendEventFull(conn: DuckDBConnection, e: LogInput): Promise<Appended> {
  if (!(await chained(conn))) return appendUnchained(conn, e);
  const r = await conn.runAndReadAll(`SELECT seq, hash FROM ${table.eventLog} ORDER BY seq DESC LIMIT 1`);
  const last = r.getRowObjects()[0];
  const seq = last ? num(last.seq) + 1 : 1;
  const prevHash = last ? String(last.hash) : GENESIS_HASH;
  const at = new Date().toISOString();
  const subject = e.subject ?? {};
  const details = normaliseDetails(e.details);
  const digest = payloadDigest(details);
  // Governance code passes its signer after checking authority; any other entry attributed to the
  // acting identity is signed by it too — but never an entry that makes trust (a role, a setting),
  // which only the code that checked the signer's authority may sign.
  const acting = ownerOf(conn)?.actingSigner ?? null;
  const by = e.signer ?? (acting && acting.name === e.actor && !TRUST_ACTION_NAMES.has(e.action) ? acting : undefined);
  const signer = by?.fingerprint ?? null;
  const hash = entryHash({ seq, at, actor: e.actor, action: e.action, subject, payloadDigest: digest, prevHash, signer });
  const signature = by ? by.sign(signedBytes(hash)) : null;
  await conn.run(
    `INSERT INTO ${table.eventLog} (seq, "at", actor, action, subject, details, payload_digest, prev_hash, hash, signer, signature)
     VALUES ($seq, $at::TIMESTAMPTZ, $actor, $action, $subject, $details, $digest, $prev, $hash, $signer, $signature)`,
    { seq, at, actor: e.actor, action: e.action, subject: JSON.stringify(subject), details: JSON.stringify(details), digest, prev: prevHash, hash, signer, signature },
  );
  return { seq, hash, at };
}

/** Whether the log has its hash-chain columns (format 9 on; tests open workspaces at older formats). */
async function chained(conn: DuckDBConnection): Promise<boolean> {
  const r = await conn.runAndReadAll(
    `SELECT count(*) AS n FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = '${table.eventLog}' AND column_name = 'hash'`,
  );
  return num(r.getRowObjects()[0]?.n) > 0;
}

/** An entry of a workspace still at a format before 9: the old shape, chained when migration 8 → 9 runs. */
async function appendUnchained(conn: DuckDBConnection, e: LogInput): Promise<Appended> {
  const r = await conn.runAndReadAll(`SELECT coalesce(max(seq), 0) + 1 AS seq FROM ${table.eventLog}`);
  const seq = num(r.getRowObjects()[0]?.seq);
  const at = new Date().toISOString();
  await conn.run(`INSERT INTO ${table.eventLog} (seq, "at", actor, action, subject, details) VALUES ($seq, $at::TIMESTAMPTZ, $actor, $action, $subject, $details)`, {
    seq, at, actor: e.actor, action: e.action, subject: JSON.stringify(e.subject ?? {}), details: JSON.stringify(normaliseDetails(e.details)),
  });
  return { seq, hash: '', at };
}

/** Appends one entry; returns its sequence number. */
export async function appendEvent(conn: DuckDBConnection, e: LogInput): Promise<number> {
  return (await appendEventFull(conn, e)).seq;
}

export async function listEvents(db: Database, limit: number, beforeSeq?: number): Promise<EventLogEntry[]> {
  const rows = await db.all(
    `SELECT seq, epoch_ms("at") AS at_ms, actor, action, subject::VARCHAR AS subject, details::VARCHAR AS details
     FROM ${table.eventLog} WHERE seq < $before ORDER BY seq DESC LIMIT $limit`,
    { before: beforeSeq ?? Number.MAX_SAFE_INTEGER, limit },
  );
  return rows.map((r) => ({
    seq: num(r.seq),
    at: new Date(num(r.at_ms)).toISOString(),
    actor: String(r.actor),
    action: String(r.action),
    subject: JSON.parse(String(r.subject)) as Record<string, string>,
    details: JSON.parse(String(r.details)) as Record<string, unknown>,
  }));
}
