// The near-duplicate step: the duplicate finder (dedupe/find.ts) over the rows the step selects,
// comparing the step's columns, then survivorship (survivorship.ts) over its clusters. The step's
// notes carry what a re-run needs to be reproduced: the counts, the strategy, and the digests of
// the match model and of the review decisions honoured.
import { DEDUPE_ROLE_LABEL, dedupeSettingsSchema, type DedupeRole } from '../../../shared/api/dedupe-types';
import { AppError } from '../../../shared/api/result';
import { num } from '../db/database';
import { findDuplicates } from '../dedupe/find';
import type { DedupeOutcome } from '../dedupe/types';
import type { Compiled, FrameColumn } from './frame';
import type { Ctx } from './ops-text';
import type { Query } from './query';
import { describeStep } from './select';
import { survive, type SurvivorshipResult } from './survivorship';

const KEEPS = {
  most_complete: 'keeping the most complete record of each',
  newest: 'keeping the newest record of each',
  first: 'keeping the first record of each (by row id)',
  merge: 'keeping the most complete record of each, its blanks filled from the others',
} as const;

export async function compileDedupeNear(...[q, frame, step, cols, where, index]: [...Ctx<'dedupe_near'>, number]): Promise<Compiled> {
  const p = step.params;
  const at = describeStep(step, index);
  if (cols.length === 0) throw new AppError('POLICY_INVALID', `${at} has no columns to compare.`, { stepId: step.id });
  const byHeader = (header: string, field: string): FrameColumn[] => {
    const hits = frame.columns.filter((c) => c.header === header);
    if (hits.length === 0) throw new AppError('POLICY_COLUMN_MISSING', `${at}: ${field} names "${header}", which the data does not have.`, { header, stepId: step.id });
    return hits;
  };
  const notes: string[] = [];
  const roles: Record<string, DedupeRole> = {};
  for (const [header, role] of Object.entries(p.roles)) {
    for (const c of byHeader(header, 'roles')) {
      if (cols.some((x) => x.id === c.id)) roles[c.id] = role;
      else notes.push(`the role given to "${header}" was not used: it is not among the compared columns`);
    }
  }
  let newest: FrameColumn | undefined;
  if (p.survivorship === 'newest' && p.newestColumn !== undefined) {
    const hits = byHeader(p.newestColumn, 'newestColumn');
    if (hits.length > 1) throw new AppError('POLICY_INVALID', `${at}: ${hits.length} columns are headed "${p.newestColumn}"; newestColumn must name one.`, { header: p.newestColumn, stepId: step.id });
    newest = hits[0];
  }
  const relation = where ? `(SELECT * FROM ${frame.relation} WHERE ${where})` : frame.relation;
  const rowCount = where ? num((await q.one(`SELECT count(*) AS n FROM ${relation}`)).n) : frame.rowCount;
  // Fewer than two rows (an empty file, or a filter that selects none or one): nothing can be a
  // duplicate. The finder would refuse an empty frame ("No column is compared") and fail the run.
  if (rowCount < 2) return nothingToCompare(q, relation, cols, rowCount, Boolean(where), notes);
  const settings = dedupeSettingsSchema.parse({ roles, threshold: p.threshold, useDecisions: p.useDecisions });
  const decisions = p.useDecisions ? await q.dedupe.decisions() : [];
  // The finder's working tables (features, candidates, pairs, clusters…) are dropped once the step
  // has its result: later steps of the run do not need them, and at 1M rows they are large.
  const mark = q.mark();
  let kept: SurvivorshipResult | undefined;
  try {
    const outcome = await findDuplicates(q, { relation, columns: cols, rowCount, settings, decisions });
    kept = await survive(q, {
      frame: { relation, columns: frame.columns, rowCount }, clusters: outcome.clusters, pairs: outcome.pairs, strategy: p.survivorship, ...(newest ? { newest } : {}), where: at, threshold: p.threshold,
    });
    notes.push(...describe(outcome, kept, p.survivorship, p.threshold, newest), ...outcome.warnings);
  } finally {
    await q.dropSince(mark, kept ? [kept.removed, ...(kept.filled ? [kept.filled.rows, kept.filled.cells] : [])] : []);
  }
  return {
    op: { kind: 'rows', removed: kept.removed, linked: true, ...(kept.filled ? { filled: kept.filled } : {}) },
    columnIds: cols.map((c) => c.id),
    failures: 0,
    failureExamples: [],
    notes,
  };
}

/** The step's result when it has fewer than two rows to compare: no row removed, and a note saying why. */
async function nothingToCompare(q: Query, relation: string, cols: FrameColumn[], rowCount: number, filtered: boolean, notes: string[]): Promise<Compiled> {
  const removed = q.newTable('removed');
  await q.run(`CREATE TABLE ${removed} AS SELECT row_id, row_id AS survivor, NULL::DOUBLE AS confidence FROM ${relation} WHERE false`);
  const which = filtered ? `the row filter selects ${count(rowCount, 'row')}` : `the data has ${count(rowCount, 'row')}`;
  return {
    op: { kind: 'rows', removed, linked: true },
    columnIds: cols.map((c) => c.id),
    failures: 0,
    failureExamples: [],
    notes: [`${which}: nothing to compare, no row removed`, ...notes],
  };
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The step's notes: what it compared, found and kept, and the digests a re-run is checked against. */
function describe(o: DedupeOutcome, kept: SurvivorshipResult, strategy: keyof typeof KEEPS, threshold: number, newest: FrameColumn | undefined): string[] {
  const c = o.counts;
  const roles = o.roles.map((r) => `"${r.header}" ${DEDUPE_ROLE_LABEL[r.role].toLowerCase()}${r.overridden ? ' (as the step says)' : ''}`);
  const rules = o.rules.filter((r) => r.used).map((r) => `${r.label} (${r.pairs.toLocaleString('en')} pairs)`);
  const out = [
    `compared ${roles.join(', ')}`,
    `${count(c.candidatePairs, 'candidate pair')}${rules.length > 0 ? ` from ${rules.join('; ')}` : ''}; ${c.matchedPairs.toLocaleString('en')} at or above probability ${threshold}`,
    `${count(kept.clusters, 'cluster')} of duplicates${kept.clusters > 0 ? ` (largest ${c.largestCluster}${c.chainedClusters > 0 ? `; ${c.chainedClusters} joined only through chains of pairs — worth a look` : ''})` : ''}; ${count(kept.removedRows, 'row')} removed, ${KEEPS[strategy]}`,
  ];
  if (strategy === 'merge') out.push(`${count(kept.filledCells, 'blank cell')} of kept records filled from their duplicates`);
  if (newest && kept.unreadable > 0) out.push(`${count(kept.unreadable, 'value')} of "${newest.header}" read as neither a date nor a number: those records count as the oldest`);
  out.push(`match model sha256:${o.digests.model} (${o.model.converged ? 'converged' : 'did not converge'} after ${o.model.iterations} EM iterations)`);
  out.push(o.digests.decisionCount > 0 ? `${count(o.digests.decisionCount, 'review decision')} honoured, sha256:${o.digests.decisions}` : `no review decisions used (sha256:${o.digests.decisions})`);
  if (c.reviewPairs > 0) out.push(`${count(c.reviewPairs, 'undecided pair')} in the review band`);
  return out;
}
