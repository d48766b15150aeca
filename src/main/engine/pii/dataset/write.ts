// Writing a scan's findings into the workspace, inside the caller's transaction: each distinct
// explanation once per column (piiExplanation), the findings joined back to every row holding each
// found value and naming their explanation by id, and — when the scan was of some columns only —
// the previous scan's other columns kept: their findings, their ids' order, their summary entries.
import type { DuckDBConnection } from '@duckdb/node-api';
import { ENTITY_TYPES, type EntityType, type PiiScanSummary } from '../../../../shared/api/pii-types';
import { AppError } from '../../../../shared/api/result';
import type { ColumnInfo } from '../../../../shared/api/types';
import { num } from '../../db/database';
import { ident, literal, table } from '../../db/sql';
import { runTracked } from '../../db/tracked';
import type { JobContext } from '../../jobs/jobs';
import type { ScanColumn } from './scan-values';
import type { ScanScratch } from './scratch';

async function rows(conn: DuckDBConnection, sql: string, params?: Record<string, string | number>): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql, params)).getRowObjects() as Record<string, unknown>[];
}

/** Numbers each distinct (column, explanation) of the scan's findings: what piiExplanation stores. */
export async function groupExplanations(conn: DuckDBConnection, job: JobContext, s: ScanScratch): Promise<void> {
  await runTracked(conn, job, `CREATE TABLE ${s.explanations} AS SELECT col_pos, explanation, row_number() OVER () AS expl_id FROM (SELECT DISTINCT col_pos, explanation FROM ${s.findings})`);
}

/** The version's latest scan as stored: its summary (without decisions) and its K; null before any scan. */
export interface PreviousScan {
  summary: PiiScanSummary;
  /** The P and K its finding ids were numbered with. */
  p: number;
  k: number;
}

/** The version's latest scan as stored: its summary (without decisions) and its ids' P and K; null before any scan. */
export async function previousScan(conn: DuckDBConnection, datasetId: string, version: number): Promise<PreviousScan | null> {
  const r = (await rows(conn, `SELECT summary::VARCHAR AS s, finding_p, finding_k FROM ${table.piiScan} WHERE dataset_id = $ds AND version = $v`, { ds: datasetId, v: version }))[0];
  if (!r) return null;
  return { summary: JSON.parse(String(r.s)) as PiiScanSummary, p: num(r.finding_p ?? 1), k: num(r.finding_k ?? 1) };
}

export interface WritePlan {
  datasetId: string;
  version: number;
  /** The version's data table. */
  data: string;
  /** Positions per row in finding ids: the version's highest column position + 1, whichever columns were scanned. */
  p: number;
  /** Only these columns' findings are replaced; the others' are kept (a scan with columnIds). */
  partial: boolean;
  /** The scan whose other columns' findings are kept (partial scans only). */
  previous: PreviousScan | null;
}

/**
 * K, the findings per cell that ids leave room for: the most this scan found in one value, and no
 * fewer than the kept findings were numbered with. Ids are (row_id × P + position) × K + idx + 1,
 * in window order (row, column position, start) without sorting; they are not dense.
 */
async function chooseK(conn: DuckDBConnection, plan: WritePlan, s: ScanScratch): Promise<number> {
  const r = (await rows(conn, `SELECT (SELECT coalesce(max(idx), 0) + 1 FROM ${s.findings}) AS k, (SELECT coalesce(max(row_id), 0) FROM ${ident(plan.data)}) AS m`))[0];
  const k = Math.max(num(r?.k ?? 1), plan.previous?.k ?? 1);
  const maxRow = num(r?.m ?? 0);
  if ((maxRow + 1) * plan.p * k >= Number.MAX_SAFE_INTEGER) {
    throw new AppError('INTERNAL', `Too many findings per cell (${k}) in ${maxRow} rows × ${plan.p} columns to number them.`);
  }
  return k;
}

/** Replaces the findings and explanations of the scanned columns (all of them unless partial); returns the K used. */
export async function writeFindings(conn: DuckDBConnection, job: JobContext, plan: WritePlan, columns: ScanColumn[], s: ScanScratch): Promise<number> {
  const key = { ds: plan.datasetId, v: plan.version };
  const only = !plan.partial ? '' : columns.length === 0 ? ' AND false' : ` AND col_id IN (${columns.map((c) => literal(c.info.id)).join(', ')})`;
  for (const t of [table.piiFinding, table.piiExplanation]) await conn.run(`DELETE FROM ${t} WHERE dataset_id = $ds AND version = $v${only}`, key);
  const k = await chooseK(conn, plan, s);
  const before = plan.previous;
  if (before && (k !== before.k || plan.p !== before.p)) {
    // Kept findings numbered with another P or K (a cell of this scan holds more findings, or the
    // scan predates format 7): renumbered by arithmetic, in the same order.
    const q = `((finding_id - 1) // ${before.k})`;
    await conn.run(
      `UPDATE ${table.piiFinding} SET finding_id = (${q} // ${before.p} * ${plan.p} + ${q} % ${before.p}) * ${k} + (finding_id - 1) % ${before.k} + 1 WHERE dataset_id = $ds AND version = $v`,
      key,
    );
  }
  if (columns.length === 0) return k;
  const colId = `CASE col_pos ${columns.map((c) => `WHEN ${c.info.position} THEN ${literal(c.info.id)}`).join(' ')} END`;
  await runTracked(conn, job, `INSERT INTO ${table.piiExplanation} SELECT $ds, $v, ${colId}, expl_id, explanation FROM ${s.explanations}`, key);
  const parts = columns.map((c) => {
    const pos = c.info.position;
    return `SELECT d.row_id, ${pos} AS pos, ${literal(c.info.id)} AS col_id, f.idx, f.entity, f."start", f."end", f.confidence, f.recogniser, f.expl_id
      FROM ${ident(plan.data)} d JOIN (
        SELECT v.v, f.idx, f.entity, f."start", f."end", f.confidence, f.recogniser, x.expl_id
        FROM (SELECT rowid AS vid, v FROM ${s.values(pos)}) v
        JOIN ${s.findings} f ON f.col_pos = ${pos} AND f.vid = v.vid
        JOIN ${s.explanations} x ON x.col_pos = ${pos} AND x.explanation = f.explanation) f
      ON ${c.expr.replaceAll(ident(c.info.id), `d.${ident(c.info.id)}`)} = f.v`;
  });
  await runTracked(
    conn, job,
    `INSERT INTO ${table.piiFinding} (dataset_id, version, finding_id, row_id, col_id, entity, "start", "end", confidence, recogniser, expl_id)
     SELECT $ds, $v, (row_id * ${plan.p} + pos) * ${k} + idx + 1, row_id, col_id, entity, "start", "end", confidence, recogniser, expl_id
     FROM (${parts.join(' UNION ALL ')})`,
    key,
  );
  return k;
}

/**
 * A scan of some columns merged into the version's previous summary: the other columns' entries
 * kept (in dataset order), the totals counted again over all the findings now stored. The kept
 * columns were classified by the previous scan's rules: when those differ from this scan's, the
 * merged summary keeps the previous (possibly missing) rules version, so runs sample again rather
 * than trust classes made by older rules.
 */
export async function mergeSummary(conn: DuckDBConnection, fresh: PiiScanSummary, previous: PiiScanSummary, chosen: ColumnInfo[], all: ColumnInfo[]): Promise<PiiScanSummary> {
  const replaced = new Set(chosen.map((c) => c.id));
  const position = new Map(all.map((c) => [c.id, c.position]));
  const columns = [...previous.columns.filter((c) => !replaced.has(c.columnId) && position.has(c.columnId)), ...fresh.columns]
    .sort((a, b) => (position.get(a.columnId) ?? 0) - (position.get(b.columnId) ?? 0));
  const counts = await rows(conn, `SELECT entity, count(*) AS n FROM ${table.piiFinding} WHERE dataset_id = $ds AND version = $v GROUP BY entity`, { ds: fresh.datasetId, v: fresh.version });
  const byEntity = new Map(counts.map((r) => [String(r.entity) as EntityType, num(r.n)]));
  return {
    ...fresh,
    rulesVersion: previous.rulesVersion === fresh.rulesVersion ? fresh.rulesVersion : previous.rulesVersion,
    columns,
    findings: [...byEntity.values()].reduce((a, b) => a + b, 0),
    byEntity: ENTITY_TYPES.filter((e) => byEntity.has(e)).map((e) => ({ entity: e, findings: byEntity.get(e) ?? 0 })).sort((a, b) => b.findings - a.findings),
  };
}
