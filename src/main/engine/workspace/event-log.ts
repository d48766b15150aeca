// The append-only event log: every action, with time and actor. Only INSERTs ever touch it.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { EventLogEntry } from '../../../shared/api/types';
import { num, type Database } from '../db/database';
import { table } from '../db/sql';

export interface LogInput {
  action: string;
  actor: string;
  subject?: Record<string, string>;
  details?: Record<string, unknown>;
}

/** Appends one entry on `conn` (so it can share the transaction of the action it records). */
export async function appendEvent(conn: DuckDBConnection, e: LogInput): Promise<number> {
  const r = await conn.runAndReadAll(`SELECT coalesce(max(seq), 0) + 1 AS seq FROM ${table.eventLog}`);
  const seq = num(r.getRowObjects()[0]?.seq);
  await conn.run(
    `INSERT INTO ${table.eventLog} (seq, "at", actor, action, subject, details) VALUES ($seq, now(), $actor, $action, $subject, $details)`,
    {
      seq,
      actor: e.actor,
      action: e.action,
      subject: JSON.stringify(e.subject ?? {}),
      details: JSON.stringify(e.details ?? {}, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)),
    },
  );
  return seq;
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
