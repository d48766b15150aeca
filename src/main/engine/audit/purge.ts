// Erasure (GDPR): an admin purges the data of one dataset version. Its table is dropped and every
// copy of its values the workspace keeps goes with it — its ledger, PII findings, duplicate run and
// profile; the failure examples of runs that read it and the "before" values of ledgers of versions
// written from it. The catalogue row stays (marked purged) so history still reads, and a signed
// tombstone records what was purged, by whom, why, and digests of what was removed.
import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../../shared/api/result';
import { num } from '../db/database';
import { ident, table } from '../db/sql';
import type { ActiveIdentity } from '../identity/session';
import { requireRole } from '../identity/store';
import { deriveTrust } from '../identity/trust';
import { appendEventFull } from '../workspace/event-log';
import type { Workspace } from '../workspace/workspace';
import { purgedError, PURGED_ACTION } from './purged';

export interface PurgeRequest {
  datasetId: string;
  version: number;
  reason: string;
}

/** Tables keyed by (dataset_id, version) whose rows of the purged version are deleted. */
const PER_VERSION = [table.change, table.profile, table.piiScan, table.piiFinding, table.piiExplanation, table.piiDecision, table.dedupeRun, table.dedupePair, table.dedupeCluster, table.dedupeClusterInfo] as const;

async function count(c: DuckDBConnection, sql: string, params: Record<string, string | number>): Promise<number> {
  return num((await c.runAndReadAll(sql, params)).getRowObjects()[0]?.n);
}

/** Drops `failureExamples` (values of the input) from a run result, everywhere in it. */
function withoutExamples(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutExamples);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'failureExamples' ? [] : withoutExamples(x)]));
}

export async function purgeVersion(ws: Workspace, active: ActiveIdentity | null, req: PurgeRequest): Promise<{ datasetId: string; version: number; tombstoneSeq: number }> {
  return ws.exclusive(async () => {
    const trust = await deriveTrust(ws.db);
    const ds = await ws.db.one(`SELECT name FROM ${table.dataset} WHERE dataset_id = $id`, { id: req.datasetId });
    const what = `Purging v${req.version} of ${ds ? String(ds.name) : req.datasetId}`;
    const admin = requireRole(trust, active, ['admin'], what);
    const signer = active!.signer;
    if (!ds) throw new AppError('NOT_FOUND', `There is no dataset ${req.datasetId} in this workspace.`);
    const v = await ws.db.one(`SELECT table_name, epoch_ms(purged_at) AS purged_ms, purged_by FROM ${table.version} WHERE dataset_id = $id AND version = $v`, { id: req.datasetId, v: req.version });
    if (!v) throw new AppError('NOT_FOUND', `Dataset ${req.datasetId} has no version ${req.version}.`);
    if (v.purged_ms !== null && v.purged_ms !== undefined) {
      const e = await purgedError(ws.db, req.datasetId, req.version, v.purged_ms, v.purged_by);
      throw new AppError('ALREADY_EXISTS', `${e.message} (already)`, { datasetId: req.datasetId, version: req.version });
    }
    const data = ident(String(v.table_name));
    const key = { ds: req.datasetId, v: req.version };
    return ws.db.transaction(async (c) => {
      // The digest is computed in SQL before the drop: SHA-256 over each row's JSON digest in row order.
      const d = (await c.runAndReadAll(`SELECT count(*) AS n, sha256(coalesce(string_agg(sha256(to_json(t)::VARCHAR), '' ORDER BY t.row_id), '')) AS digest FROM ${data} t`)).getRowObjects()[0];
      const removed: Record<string, number> = {
        ledgerRows: await count(c, `SELECT count(*) AS n FROM ${table.change} WHERE dataset_id = $ds AND version = $v`, key),
        findings: await count(c, `SELECT count(*) AS n FROM ${table.piiFinding} WHERE dataset_id = $ds AND version = $v`, key),
        piiDecisions: await count(c, `SELECT count(*) AS n FROM ${table.piiDecision} WHERE dataset_id = $ds AND version = $v`, key),
        duplicatePairs: await count(c, `SELECT count(*) AS n FROM ${table.dedupePair} WHERE dataset_id = $ds AND version = $v`, key),
        profiles: await count(c, `SELECT count(*) AS n FROM ${table.profile} WHERE dataset_id = $ds AND version = $v`, key),
      };
      await c.run(`DROP TABLE IF EXISTS ${data}`);
      for (const t of PER_VERSION) await c.run(`DELETE FROM ${t} WHERE dataset_id = $ds AND version = $v`, key);
      // Versions written from this one keep their own data; their ledgers' "before" values were this version's.
      const children = `(SELECT output_version FROM ${table.run} WHERE dataset_id = $ds AND input_version = $v AND output_version IS NOT NULL)`;
      removed.childLedgerValuesCleared = await count(c, `SELECT count(*) AS n FROM ${table.change} WHERE dataset_id = $ds AND version IN ${children} AND "before" IS NOT NULL`, key);
      await c.run(`UPDATE ${table.change} SET "before" = NULL WHERE dataset_id = $ds AND version IN ${children} AND "before" IS NOT NULL`, key);
      const runs = (await c.runAndReadAll(`SELECT run_id, result::VARCHAR AS result FROM ${table.run} WHERE dataset_id = $ds AND input_version = $v`, key)).getRowObjects();
      for (const r of runs) {
        await c.run(`UPDATE ${table.run} SET result = $result::JSON WHERE run_id = $id`, { id: String(r.run_id), result: JSON.stringify(withoutExamples(JSON.parse(String(r.result)))) });
      }
      removed.runsRedacted = runs.length;
      await c.run(`UPDATE ${table.version} SET purged_at = now(), purged_by = $by, compacted = true WHERE dataset_id = $ds AND version = $v`, { ...key, by: admin.name });
      const tomb = await appendEventFull(c, {
        action: PURGED_ACTION, actor: admin.name, subject: { dataset: req.datasetId, version: String(req.version) },
        details: { datasetId: req.datasetId, name: String(ds.name), version: req.version, reason: req.reason, rows: num(d?.n), contentDigest: String(d?.digest), digestMethod: 'sha256 of the concatenated sha256 of each row as JSON, in row_id order', removed },
        signer,
      });
      return { datasetId: req.datasetId, version: req.version, tombstoneSeq: tomb.seq };
    });
  });
}
