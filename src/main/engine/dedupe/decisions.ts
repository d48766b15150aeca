// Review decisions on pairs of rows, kept per dataset (row ids follow rows through versions): read
// for a run or a policy step, recorded and cleared by a reviewer, each change in the event log.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { PairDecision } from '../../../shared/api/dedupe-types';
import { AppError } from '../../../shared/api/result';
import { num } from '../db/database';
import { ident, table } from '../db/sql';
import { appendEvent } from '../workspace/event-log';
import type { Signer } from '../identity/keys';
import type { DecidedPair } from './types';

const asDecision = (v: unknown): PairDecision => (v === 'match' ? 'match' : 'non_match');

/** Every decision on a pair of the dataset's rows, ordered by (rowIdL, rowIdR): the order their digest is taken in. */
export async function readDecisions(conn: DuckDBConnection, datasetId: string): Promise<DecidedPair[]> {
  const r = await conn.runAndReadAll(
    `SELECT row_id_l, row_id_r, decision FROM ${table.dedupeDecision} WHERE dataset_id = $ds ORDER BY row_id_l, row_id_r`,
    { ds: datasetId },
  );
  return r.getRowObjects().map((x) => ({ rowIdL: num(x.row_id_l), rowIdR: num(x.row_id_r), decision: asDecision(x.decision) }));
}

/** The decisions whose two rows are both in `data` (a version's table): the ones a run of that version can honour. */
export async function decisionsFor(conn: DuckDBConnection, datasetId: string, data: string): Promise<DecidedPair[]> {
  const r = await conn.runAndReadAll(
    `SELECT d.row_id_l, d.row_id_r, d.decision FROM ${table.dedupeDecision} d
     WHERE d.dataset_id = $ds
       AND d.row_id_l IN (SELECT row_id FROM ${ident(data)}) AND d.row_id_r IN (SELECT row_id FROM ${ident(data)})
     ORDER BY d.row_id_l, d.row_id_r`,
    { ds: datasetId },
  );
  return r.getRowObjects().map((x) => ({ rowIdL: num(x.row_id_l), rowIdR: num(x.row_id_r), decision: asDecision(x.decision) }));
}

export interface DecideRequest {
  datasetId: string;
  version: number;
  rowIdL: number;
  rowIdR: number;
  decision: PairDecision | 'clear';
}

/** The pair with the smaller row id first; the same row twice is refused. */
export function normalisePair(a: number, b: number): { rowIdL: number; rowIdR: number } {
  if (a === b) throw new AppError('INVALID_ARGUMENT', `A pair needs two different rows; both are row ${a}.`, { rowId: a });
  return a < b ? { rowIdL: a, rowIdR: b } : { rowIdL: b, rowIdR: a };
}

/**
 * Checks the pair can be decided on in the version: a pair the latest run scored, or two rows the
 * version holds (e.g. two members of a cluster that were never compared directly).
 */
async function checkPair(conn: DuckDBConnection, req: DecideRequest, data: string, l: number, r: number): Promise<void> {
  const scored = await conn.runAndReadAll(
    `SELECT count(*) AS n FROM ${table.dedupePair} WHERE dataset_id = $ds AND version = $v AND row_id_l = $l AND row_id_r = $r`,
    { ds: req.datasetId, v: req.version, l, r },
  );
  if (num(scored.getRowObjects()[0]?.n) > 0) return;
  const found = await conn.runAndReadAll(`SELECT row_id FROM ${ident(data)} WHERE row_id IN ($l, $r)`, { l, r });
  const have = new Set(found.getRowObjects().map((x) => num(x.row_id)));
  const missing = [l, r].filter((id) => !have.has(id));
  if (missing.length > 0) {
    throw new AppError('NOT_FOUND', `Version ${req.version} of ${req.datasetId} has no row ${missing.join(' or ')}; nothing was decided.`, { rowIds: missing });
  }
}

/** Records (or with 'clear' removes) a decision on a pair and logs it, on `conn` inside the caller's transaction. */
export async function decidePair(conn: DuckDBConnection, req: DecideRequest, data: string, actor: string, signer?: Signer): Promise<void> {
  const { rowIdL: l, rowIdR: r } = normalisePair(req.rowIdL, req.rowIdR);
  await checkPair(conn, req, data, l, r);
  const key = { ds: req.datasetId, l, r };
  await conn.run(`DELETE FROM ${table.dedupeDecision} WHERE dataset_id = $ds AND row_id_l = $l AND row_id_r = $r`, key);
  if (req.decision !== 'clear') {
    await conn.run(`INSERT INTO ${table.dedupeDecision} VALUES ($ds, $l, $r, $decision, now(), $by, $v)`, { ...key, decision: req.decision, by: actor, v: req.version });
  }
  await appendEvent(conn, {
    action: 'dedupe.decided',
    actor,
    subject: { dataset: req.datasetId, version: String(req.version) },
    details: { rowIdL: l, rowIdR: r, decision: req.decision },
    ...(signer ? { signer } : {}),
  });
}
