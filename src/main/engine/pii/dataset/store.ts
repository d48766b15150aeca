// Reading and deciding on a version's latest scan: the summary with the decisions in force and
// their digest, windows of findings (the found text and its masked preview read from the
// version's own cells, never stored; explanations from piiExplanation), review decisions on a
// finding or a column classification, and their canonical digest.
import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { EntityType, Explanation, PiiDecision, PiiFindingRow, PiiFindingsPage, PiiScanSummary } from '../../../../shared/api/pii-types';
import { AppError } from '../../../../shared/api/result';
import { getColumns, versionTable } from '../../datasets/catalog';
import { num, type Database, type Params } from '../../db/database';
import { ident, table } from '../../db/sql';
import { displayExpr } from '../../grid/grid';
import { appendEvent } from '../../workspace/event-log';
import type { Signer } from '../../identity/keys';
import { maskedPreview } from '../operators/masking';

export const CAVEAT =
  'Detection reports what it found: a column or cell without findings means personal data was not detected there, never that none is present.';

interface DecisionRow {
  kind: 'column' | 'finding';
  columnId: string;
  entity: EntityType;
  rowId: number | null;
  start: number | null;
  end: number | null;
  decision: PiiDecision;
}

async function decisionsInForce(db: Database, datasetId: string, version: number): Promise<DecisionRow[]> {
  const rows = await db.all(
    `SELECT kind, col_id, entity, row_id, "start", "end", decision FROM ${table.piiDecision} WHERE dataset_id = $ds AND version = $v
     ORDER BY kind, col_id, entity, row_id NULLS FIRST, "start" NULLS FIRST, "end" NULLS FIRST`,
    { ds: datasetId, v: version },
  );
  return rows.map((r) => ({
    kind: r.kind === 'column' ? 'column' : 'finding',
    columnId: String(r.col_id),
    entity: String(r.entity) as EntityType,
    rowId: r.row_id === null ? null : num(r.row_id),
    start: r.start === null ? null : num(r.start),
    end: r.end === null ? null : num(r.end),
    decision: r.decision === 'accepted' ? 'accepted' : 'rejected',
  }));
}

/**
 * SHA-256 of the canonical JSON of the decisions in force on a version: an array sorted by kind,
 * column, entity, row and span, each object with its keys in a fixed order. A run that uses the
 * decisions stores this digest; the same decisions always give the same digest.
 */
export async function piiDecisionsDigest(db: Database, datasetId: string, version: number): Promise<string> {
  return digestOf(await decisionsInForce(db, datasetId, version));
}

/** The digest of decision rows already read (in decisionsInForce's order): a run hashes exactly what it uses. */
function digestOf(ds: DecisionRow[]): string {
  const canonical = ds.map((d) =>
    d.kind === 'column'
      ? { kind: d.kind, column: d.columnId, entity: d.entity, decision: d.decision }
      : { kind: d.kind, column: d.columnId, entity: d.entity, row: d.rowId, start: d.start, end: d.end, decision: d.decision },
  );
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** A decision on one finding, as a run honours it: its span and the text the span held in the input version's cell. */
export interface FindingDecision {
  rowId: number;
  columnId: string;
  entity: EntityType;
  /** Code points, in the input version's cell as text (the grid's display text). */
  start: number;
  end: number;
  decision: PiiDecision;
  /** The span's text in the input version's cell: how a run finds the span when an earlier step moved it. */
  text: string;
  /** The input version's cell: a run maps the span's offsets through an earlier trim or whitespace collapse. */
  cell?: string;
}

export interface RunDecisions {
  columns: { columnId: string; entity: EntityType; decision: PiiDecision }[];
  findings: FindingDecision[];
  /** Cells where the latest scan found something and every finding there is rejected (whole-cell steps leave them). */
  rejectedCells: { rowId: number; columnId: string }[];
  sha256: string;
}

/** Cells of the latest scan whose every finding has a 'rejected' decision of its own. */
async function allRejectedCells(db: Database, datasetId: string, version: number): Promise<{ rowId: number; columnId: string }[]> {
  const rows = await db.all(
    `SELECT f.row_id, f.col_id FROM ${table.piiFinding} f
     LEFT JOIN ${table.piiDecision} d ON d.dataset_id = f.dataset_id AND d.version = f.version AND d.kind = 'finding'
       AND d.col_id = f.col_id AND d.entity = f.entity AND d.row_id = f.row_id AND d."start" = f."start" AND d."end" = f."end"
     WHERE f.dataset_id = $ds AND f.version = $v
       AND EXISTS (SELECT 1 FROM ${table.piiDecision} r WHERE r.dataset_id = $ds AND r.version = $v AND r.kind = 'finding' AND r.decision = 'rejected'
         AND r.row_id = f.row_id AND r.col_id = f.col_id)
     GROUP BY f.row_id, f.col_id HAVING count(*) = count(*) FILTER (WHERE d.decision = 'rejected')
     ORDER BY f.row_id, f.col_id`,
    { ds: datasetId, v: version },
  );
  return rows.map((r) => ({ rowId: num(r.row_id), columnId: String(r.col_id) }));
}

/**
 * What a cleaning run of a version honours from its review: the decisions on column
 * classifications (a rejected class is not acted on, an accepted one is), the decisions on single
 * findings (a rejected span is left alone, an accepted one de-identified; docs/POLICY.md), the
 * cells whose every finding was rejected, and the digest of every decision in force, which the run
 * stores. Null when nobody has decided anything on the version.
 */
export async function runDecisions(db: Database, datasetId: string, version: number): Promise<RunDecisions | null> {
  const ds = await decisionsInForce(db, datasetId, version);
  if (ds.length === 0) return null;
  const columns = ds.filter((d) => d.kind === 'column').map((d) => ({ columnId: d.columnId, entity: d.entity, decision: d.decision }));
  const onFindings = ds.filter((d) => d.kind === 'finding' && d.rowId !== null && d.start !== null && d.end !== null);
  const wanted = new Map<string, Set<number>>();
  for (const d of onFindings) wanted.set(d.columnId, (wanted.get(d.columnId) ?? new Set<number>()).add(d.rowId ?? 0));
  const cells = onFindings.length === 0 ? new Map<string, string>() : await cellsOf(db, datasetId, version, wanted);
  const findings = onFindings.map((d) => {
    const cell = cells.get(`${d.columnId}:${d.rowId ?? 0}`);
    const text = Array.from(cell ?? '').slice(d.start ?? 0, d.end ?? 0).join('');
    return { rowId: d.rowId ?? 0, columnId: d.columnId, entity: d.entity, start: d.start ?? 0, end: d.end ?? 0, decision: d.decision, text, ...(cell === undefined ? {} : { cell }) };
  });
  // allRejectedCells reads the decisions again; a cell where the decisions read above have no
  // rejection, or an acceptance, is not one they leave whole, whatever a decision since says.
  const accepted = new Set(findings.filter((f) => f.decision === 'accepted').map((f) => `${f.columnId}:${f.rowId}`));
  const rejected = new Set(findings.filter((f) => f.decision === 'rejected').map((f) => `${f.columnId}:${f.rowId}`));
  const all = rejected.size > 0 ? await allRejectedCells(db, datasetId, version) : [];
  const rejectedCells = all.filter((c) => rejected.has(`${c.columnId}:${c.rowId}`) && !accepted.has(`${c.columnId}:${c.rowId}`));
  // The digest of the rows read above, not a second read a pii.decide in between could change.
  return { columns, findings, rejectedCells, sha256: digestOf(ds) };
}

/** The latest scan of a version with the decisions in force on its column classifications; null before any scan. */
export async function readSummary(db: Database, datasetId: string, version: number): Promise<PiiScanSummary | null> {
  const r = await db.one(`SELECT summary::VARCHAR AS s FROM ${table.piiScan} WHERE dataset_id = $ds AND version = $v`, { ds: datasetId, v: version });
  if (!r) return null;
  const summary = JSON.parse(String(r.s)) as PiiScanSummary;
  const ds = await decisionsInForce(db, datasetId, version);
  for (const c of summary.columns) {
    const entity = c.entity ?? c.entities[0]?.entity;
    c.decision = ds.find((d) => d.kind === 'column' && d.columnId === c.columnId && d.entity === entity)?.decision ?? null;
  }
  summary.decisionsSha256 = await piiDecisionsDigest(db, datasetId, version);
  return summary;
}

export interface FindingsFilter {
  columnId?: string | undefined;
  entity?: EntityType | undefined;
}

/** A finding's own decision, else the one on its column's classification for its entity. */
export const DECISION_SQL = `coalesce(
  (SELECT d.decision FROM ${table.piiDecision} d WHERE d.dataset_id = f.dataset_id AND d.version = f.version AND d.kind = 'finding'
     AND d.col_id = f.col_id AND d.entity = f.entity AND d.row_id = f.row_id AND d."start" = f."start" AND d."end" = f."end"),
  (SELECT d.decision FROM ${table.piiDecision} d WHERE d.dataset_id = f.dataset_id AND d.version = f.version AND d.kind = 'column'
     AND d.col_id = f.col_id AND d.entity = f.entity))`;

export function findingsWhere(datasetId: string, version: number, filter: FindingsFilter): { sql: string; params: Record<string, string | number> } {
  const parts = ['f.dataset_id = $ds', 'f.version = $v'];
  const params: Record<string, string | number> = { ds: datasetId, v: version };
  if (filter.columnId) {
    parts.push('f.col_id = $col');
    params.col = filter.columnId;
  }
  if (filter.entity) {
    parts.push('f.entity = $entity');
    params.entity = filter.entity;
  }
  return { sql: parts.join(' AND '), params };
}

/** The cells of the given rows of some columns, as text (the text the offsets count in). */
async function cellsOf(db: Database, datasetId: string, version: number, wanted: Map<string, Set<number>>): Promise<Map<string, string>> {
  const { table: data } = await versionTable(db, datasetId, version);
  const columns = await getColumns(db, datasetId, version);
  const out = new Map<string, string>();
  for (const [colId, rowIds] of wanted) {
    const c = columns.find((x) => x.id === colId);
    if (!c) continue;
    const ids = [...rowIds].map((n) => String(Math.trunc(n))).join(', ');
    const rows = await db.all(`SELECT row_id, ${displayExpr(c)} AS v FROM ${ident(data)} WHERE row_id IN (${ids})`);
    for (const r of rows) out.set(`${colId}:${num(r.row_id)}`, r.v === null ? '' : String(r.v));
  }
  return out;
}

/** A window of findings ordered by row, column (dataset order) and start. */
export async function findingsPage(db: Database, datasetId: string, version: number, offset: number, limit: number, filter: FindingsFilter): Promise<PiiFindingsPage> {
  await versionTable(db, datasetId, version);
  const w = findingsWhere(datasetId, version, filter);
  const total = num((await db.one(`SELECT count(*) AS n FROM ${table.piiFinding} f WHERE ${w.sql}`, w.params))?.n);
  // Ids follow window order (row, column position, start).
  const window = `ORDER BY f.finding_id LIMIT $lim OFFSET $off`;
  const params: Params = { ...w.params, off: offset, lim: limit };
  // The window first, then its explanations (stored once per column and text, named by expl_id).
  const rows = await db.all(
    `SELECT f.finding_id, f.row_id, f.col_id, f.entity, f."start", f."end", f.confidence, f.recogniser, x.explanation::VARCHAR AS explanation,
       ${DECISION_SQL} AS decision
     FROM (SELECT * FROM ${table.piiFinding} f WHERE ${w.sql} ${window}) f
     LEFT JOIN ${table.piiExplanation} x ON x.dataset_id = f.dataset_id AND x.version = f.version AND x.col_id = f.col_id AND x.expl_id = f.expl_id
     ORDER BY f.finding_id`,
    params,
  );
  const wanted = new Map<string, Set<number>>();
  for (const r of rows) {
    const set = wanted.get(String(r.col_id)) ?? new Set<number>();
    set.add(num(r.row_id));
    wanted.set(String(r.col_id), set);
  }
  const cells = await cellsOf(db, datasetId, version, wanted);
  return { total, offset, rows: rows.map((r) => toRow(r, cells)) };
}

function toRow(r: Record<string, unknown>, cells: Map<string, string>): PiiFindingRow {
  const start = num(r.start);
  const end = num(r.end);
  const cell = cells.get(`${String(r.col_id)}:${num(r.row_id)}`) ?? '';
  const text = Array.from(cell).slice(start, end).join('');
  const entity = String(r.entity) as EntityType;
  return {
    findingId: num(r.finding_id),
    rowId: num(r.row_id),
    columnId: String(r.col_id),
    entity,
    start,
    end,
    confidence: Number(r.confidence),
    recogniser: String(r.recogniser),
    explanation: JSON.parse(r.explanation === null ? '{}' : String(r.explanation)) as Explanation,
    // The same function the scan once stored the preview with, over the same text.
    preview: maskedPreview(text, entity),
    text,
    cell,
    decision: r.decision === 'accepted' || r.decision === 'rejected' ? r.decision : null,
  };
}

export type DecideTarget = { findingId: number } | { columnId: string; entity: EntityType };

async function resolveTarget(conn: DuckDBConnection, datasetId: string, version: number, target: DecideTarget): Promise<Omit<DecisionRow, 'decision'>> {
  if ('findingId' in target) {
    const r = (await conn.runAndReadAll(
      `SELECT row_id, col_id, entity, "start", "end" FROM ${table.piiFinding} WHERE dataset_id = $ds AND version = $v AND finding_id = $id`,
      { ds: datasetId, v: version, id: target.findingId },
    )).getRowObjects()[0];
    if (!r) throw new AppError('NOT_FOUND', `Version ${version} of ${datasetId} has no finding ${target.findingId} (a new scan renumbers findings; reload them).`);
    return { kind: 'finding', columnId: String(r.col_id), entity: String(r.entity) as EntityType, rowId: num(r.row_id), start: num(r.start), end: num(r.end) };
  }
  const c = (await conn.runAndReadAll(`SELECT header FROM ${table.column} WHERE dataset_id = $ds AND version = $v AND col_id = $c`, { ds: datasetId, v: version, c: target.columnId })).getRowObjects()[0];
  if (!c) throw new AppError('NOT_FOUND', `Version ${version} of ${datasetId} has no column ${target.columnId}.`);
  return { kind: 'column', columnId: target.columnId, entity: target.entity, rowId: null, start: null, end: null };
}

/** Records (or with 'clear' removes) a decision and logs it, in one transaction on `conn`. */
export async function decide(conn: DuckDBConnection, req: { datasetId: string; version: number; target: DecideTarget; decision: PiiDecision | 'clear' }, actor: string, signer?: Signer): Promise<void> {
  const t = await resolveTarget(conn, req.datasetId, req.version, req.target);
  const key: Params = { ds: req.datasetId, v: req.version, kind: t.kind, col: t.columnId, entity: t.entity, row: t.rowId, s: t.start, e: t.end };
  await conn.run(
    `DELETE FROM ${table.piiDecision} WHERE dataset_id = $ds AND version = $v AND kind = $kind AND col_id = $col AND entity = $entity
       AND row_id IS NOT DISTINCT FROM $row AND "start" IS NOT DISTINCT FROM $s AND "end" IS NOT DISTINCT FROM $e`,
    key,
  );
  if (req.decision !== 'clear') {
    await conn.run(`INSERT INTO ${table.piiDecision} VALUES ($ds, $v, $kind, $col, $entity, $row, $s, $e, $decision, now(), $by)`, { ...key, decision: req.decision, by: actor });
  }
  const target: Record<string, unknown> = { kind: t.kind, column: t.columnId, entity: t.entity };
  if (t.kind === 'finding') Object.assign(target, { row: t.rowId, start: t.start, end: t.end });
  await appendEvent(conn, { action: 'pii.decided', actor, subject: { dataset: req.datasetId, version: String(req.version) }, details: { target, decision: req.decision }, ...(signer ? { signer } : {}) });
}
