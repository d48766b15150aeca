// The PII section of a report: the latest scan of the run's input version — findings by entity
// and column with the review decisions in force and 10 confidence bins (SQL over the findings
// table) — and the operator the run applied to each entity.
import type { ReportModel } from '../../../shared/api/report-types';
import type { StepReport } from '../../../shared/api/clean-types';
import type { Policy } from '../../../shared/policy/policy';
import { num, type Database } from '../db/database';
import { table } from '../db/sql';
import { CAVEAT, readSummary } from '../pii/dataset/store';

export type ReportPii = ReportModel['pii'];

export interface PiiFigures {
  pii: ReportPii;
  /** Per entity: its findings and the column ids that hold it. */
  found: Map<string, { findings: number; columnIds: string[] }>;
  /** Columns the scan found personal data in, by id, with their class (or most frequent entity). */
  personalColumns: Map<string, string>;
}

const bins = (counts: number[]) => counts.map((count, i) => ({ from: i / 10, to: (i + 1) / 10, count }));

export async function piiFigures(db: Database, datasetId: string, version: number, headerOf: (id: string) => string, operatorOf: (entity: string, columnIds: string[]) => string | null): Promise<PiiFigures> {
  const summary = await readSummary(db, datasetId, version);
  if (!summary) {
    return {
      pii: { scanned: false, scannedAt: null, decisionsSha256: null, findings: 0, byEntity: [], caveat: `${CAVEAT} Version ${version} was never scanned.` },
      found: new Map(),
      personalColumns: new Map(),
    };
  }
  const k = { ds: datasetId, v: version };
  // A finding's own decision wins; else the decision on its column's classification as that entity.
  const perColumn = await db.all(
    `SELECT f.entity, f.col_id, count(*) AS n,
       count(*) FILTER (WHERE coalesce(d.decision, c.decision) = 'accepted') AS accepted,
       count(*) FILTER (WHERE coalesce(d.decision, c.decision) = 'rejected') AS rejected
     FROM ${table.piiFinding} f
     LEFT JOIN ${table.piiDecision} d ON d.dataset_id = f.dataset_id AND d.version = f.version AND d.kind = 'finding'
       AND d.col_id = f.col_id AND d.entity = f.entity AND d.row_id = f.row_id AND d."start" = f."start" AND d."end" = f."end"
     LEFT JOIN ${table.piiDecision} c ON c.dataset_id = f.dataset_id AND c.version = f.version AND c.kind = 'column' AND c.col_id = f.col_id AND c.entity = f.entity
     WHERE f.dataset_id = $ds AND f.version = $v GROUP BY f.entity, f.col_id ORDER BY f.entity, f.col_id`,
    k,
  );
  const hist = await db.all(
    `SELECT entity, least(greatest(floor(confidence * 10), 0), 9)::INTEGER AS b, count(*) AS n FROM ${table.piiFinding}
     WHERE dataset_id = $ds AND version = $v GROUP BY ALL ORDER BY entity, b`,
    k,
  );
  const entities = [...new Set(perColumn.map((r) => String(r.entity)))];
  const found = new Map<string, { findings: number; columnIds: string[] }>();
  const byEntity = entities.map((entity) => {
    const cols = perColumn.filter((r) => r.entity === entity);
    const counts = Array.from({ length: 10 }, () => 0);
    for (const h of hist.filter((x) => x.entity === entity)) counts[num(h.b)] = num(h.n);
    const findings = cols.reduce((a, r) => a + num(r.n), 0);
    const columnIds = cols.map((r) => String(r.col_id));
    found.set(entity, { findings, columnIds });
    return {
      entity,
      findings,
      columns: cols.map((r) => ({ column: headerOf(String(r.col_id)), findings: num(r.n), accepted: num(r.accepted), rejected: num(r.rejected) })),
      confidence: bins(counts),
      operator: operatorOf(entity, columnIds),
    };
  });
  const personalColumns = new Map<string, string>();
  for (const c of summary.columns) {
    const entity = c.entity ?? c.entities[0]?.entity;
    if (entity) personalColumns.set(c.columnId, entity);
  }
  for (const r of perColumn) if (!personalColumns.has(String(r.col_id))) personalColumns.set(String(r.col_id), String(r.entity));
  return {
    pii: { scanned: true, scannedAt: summary.scannedAt, decisionsSha256: summary.decisionsSha256, findings: byEntity.reduce((a, e) => a + e.findings, 0), byEntity, caveat: summary.caveat },
    found,
    personalColumns,
  };
}

/** An operator spec as a word: `mask`, `hash`, `pseudonym (email)`, `generalise (date_year)`, `token <EMAIL>`. */
function opName(spec: { op: string; kind?: string; entity?: string }): string {
  if (spec.op === 'pseudonym' || spec.op === 'generalise') return `${spec.op} (${spec.kind ?? ''})`;
  if (spec.op === 'token') return `token <${spec.entity ?? ''}>`;
  return spec.op;
}

/**
 * The operator a run applied to an entity: the operators its enabled de-identification steps name
 * for it (or their `default`), or `drop column` when steps dropped every column holding it; null
 * when nothing did.
 */
export function operatorsOf(policy: Policy, reports: readonly StepReport[]): (entity: string, columnIds: string[]) => string | null {
  return (entity, columnIds) => {
    const ops = new Set<string>();
    for (const s of policy.steps) {
      if (s.type !== 'deidentify' || !s.enabled) continue;
      const ops_ = s.params.operators as Record<string, { op: string; kind?: string; entity?: string } | undefined>;
      const spec = ops_[entity] ?? ops_.default;
      if (spec) ops.add(opName(spec));
    }
    if (ops.size > 0) return [...ops].join(', ');
    const dropped = new Set(reports.flatMap((r) => r.droppedColumnIds));
    return columnIds.length > 0 && columnIds.every((c) => dropped.has(c)) ? 'drop column' : null;
  };
}
