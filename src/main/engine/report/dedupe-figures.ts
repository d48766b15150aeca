// The duplicates section of a report: from the run's dedupe_near / dedupe_exact steps (their
// ledger: each removed row names its survivor and the link's probability), else from the latest
// duplicate search on the input version, else null.
import type { StepReport } from '../../../shared/api/clean-types';
import type { ReportModel } from '../../../shared/api/report-types';
import { num, type Database } from '../db/database';
import { table } from '../db/sql';
import { readSummary } from '../dedupe/store';

export type ReportDedupe = NonNullable<ReportModel['dedupe']>;

const BINS = 20;

/** Numbers and digests a near-duplicate step wrote into its notes (ops-dedupe.ts describe). */
export function fromNotes(notes: readonly string[]): { candidatePairs: number | null; model: string | null; decisions: string | null } {
  let candidatePairs: number | null = null;
  let model: string | null = null;
  let decisions: string | null = null;
  for (const n of notes) {
    const pairs = /^([\d,]+) candidate pairs?\b/.exec(n);
    if (pairs && candidatePairs === null) candidatePairs = Number((pairs[1] ?? '0').replaceAll(',', ''));
    const m = /^match model sha256:([0-9a-f]{64})/.exec(n);
    if (m && model === null) model = m[1] ?? null;
    const d = /(?:honoured, |no review decisions used \()sha256:([0-9a-f]{64})/.exec(n);
    if (d && decisions === null) decisions = d[1] ?? null;
  }
  return { candidatePairs, model, decisions };
}

export async function dedupeFigures(db: Database, datasetId: string, inputVersion: number, outputVersion: number, steps: readonly StepReport[]): Promise<ReportDedupe | null> {
  const ds = steps.filter((s) => s.enabled && (s.stepType === 'dedupe_near' || s.stepType === 'dedupe_exact'));
  if (ds.length > 0) return fromRun(db, datasetId, outputVersion, ds);
  const s = await readSummary(db, datasetId, inputVersion);
  if (!s) return null;
  return {
    source: 'latest-search',
    pairsScored: s.counts.candidatePairs,
    clusters: s.counts.clusters,
    rowsInClusters: s.counts.rowsInClusters,
    rowsRemoved: 0,
    cellsFilled: 0,
    clusterSizes: s.clusterSizes,
    probabilities: s.probabilities.map((b) => ({ from: b.from, to: b.to, count: b.count })),
    decisionsSha256: s.digests.decisions,
    modelSha256: s.digests.model,
  };
}

async function fromRun(db: Database, datasetId: string, version: number, steps: readonly StepReport[]): Promise<ReportDedupe> {
  const k = { ds: datasetId, v: version, ids: JSON.stringify(steps.map((s) => s.stepId)) };
  const mine = `dataset_id = $ds AND version = $v AND list_contains($ids::VARCHAR[], step_id)`;
  // A cluster is a survivor with the rows removed into it (exact duplicates name the first row too).
  const sizes = await db.all(
    `SELECT size, count(*) AS clusters FROM (SELECT step_id, "after", count(*) + 1 AS size FROM ${table.change} WHERE ${mine} AND kind = 'row' GROUP BY step_id, "after")
     GROUP BY size ORDER BY size`,
    k,
  );
  const probs = await db.all(
    `SELECT least(greatest(floor(confidence * ${BINS}), 0), ${BINS - 1})::INTEGER AS b, count(*) AS n FROM ${table.change} WHERE ${mine} AND kind = 'row' GROUP BY b ORDER BY b`,
    k,
  );
  const totals = await db.one(
    `SELECT count(*) FILTER (WHERE kind = 'row') AS removed, count(*) FILTER (WHERE kind = 'cell') AS filled FROM ${table.change} WHERE ${mine}`,
    k,
  );
  const counts = Array.from({ length: BINS }, () => 0);
  for (const p of probs) counts[num(p.b)] = num(p.n);
  const clusterSizes = sizes.map((r) => ({ size: num(r.size), clusters: num(r.clusters) }));
  const near = steps.filter((s) => s.stepType === 'dedupe_near').map((s) => fromNotes(s.notes));
  const removed = num(totals?.removed);
  const exactRemoved = steps.some((s) => s.stepType === 'dedupe_exact')
    ? num((await db.one(`SELECT count(*) AS n FROM ${table.change} WHERE ${mine} AND kind = 'row' AND step_id IN (SELECT unnest($exact::VARCHAR[]))`, { ...k, exact: JSON.stringify(steps.filter((s) => s.stepType === 'dedupe_exact').map((s) => s.stepId)) }))?.n)
    : 0;
  return {
    source: 'run-step',
    // Near-duplicate steps score candidate pairs (their notes say how many); an exact step pairs each removed row with its survivor.
    pairsScored: near.reduce((a, n) => a + (n.candidatePairs ?? 0), 0) + exactRemoved,
    clusters: clusterSizes.reduce((a, c) => a + c.clusters, 0),
    rowsInClusters: clusterSizes.reduce((a, c) => a + c.size * c.clusters, 0),
    rowsRemoved: removed,
    cellsFilled: num(totals?.filled),
    clusterSizes,
    probabilities: counts.map((count, i) => ({ from: i / BINS, to: (i + 1) / BINS, count })),
    decisionsSha256: near.find((n) => n.decisions)?.decisions ?? null,
    modelSha256: near.find((n) => n.model)?.model ?? null,
  };
}
