// The ledger never duplicates personal data. A de-identification step writes its own entries
// without the value before (pipeline.ts, MapOp.private); this pass covers the cleaning steps that
// ran before it on the same cells, which saw the personal data too.
import type { StepReport } from '../../../shared/api/clean-types';
import { isPiiStep, type Step } from '../../../shared/policy/steps';
import { maskedPreview } from '../pii/operators/masking';
import type { Query } from './query';

/**
 * The ledger never duplicates personal data: a cleaning step that changed a cell before a
 * de-identification step replaced it saw the personal data too, so its entry keeps the keyed
 * digest and masked preview of the value before, and a masked value after — as do its failure examples.
 */
export async function scrubLedger(q: Query, ledger: string, steps: Step[], reports: StepReport[]): Promise<void> {
  const pii = steps.flatMap((s, i) => (isPiiStep(s.type) && s.enabled ? [i] : []));
  if (pii.length === 0) return;
  const piiColumns = (after: number) => new Set(reports.filter((r, i) => i > after && pii.includes(i)).flatMap((r) => r.columnIds));
  reports.forEach((r, i) => {
    if (pii.includes(i)) return;
    const cols = piiColumns(i);
    for (const x of r.failureExamples) if (cols.has(x.columnId)) x.value = maskedPreview(x.value, 'generic');
  });
  const L = ledger;
  const list = pii.join(', ');
  const cond = `e.kind = 'cell' AND e.step_index NOT IN (${list}) AND EXISTS (SELECT 1 FROM ${L} p WHERE p.row_id = e.row_id AND p.col_id = e.col_id AND p.step_index IN (${list}) AND p.step_index > e.step_index)`;
  const rows = await q.all(`SELECT DISTINCT v FROM (SELECT e."before" AS v FROM ${L} e WHERE ${cond} UNION ALL SELECT e."after" FROM ${L} e WHERE ${cond}) WHERE v IS NOT NULL`);
  if (rows.length === 0) return;
  const values = rows.map((r) => String(r.v));
  const key = Buffer.from(q.pii.key()).toString('hex');
  const masks = (await q.workers.map('pii.ledgerMasks', values, { input: (b) => ({ values: b, key }), signal: q.job.signal })).flat();
  const { name, sql: m } = q.newTableNamed('ledger_masks');
  await q.run(`CREATE TABLE ${m} (v VARCHAR, digest VARCHAR, preview VARCHAR)`);
  const appender = await q.appender(name);
  try {
    masks.forEach((x, i) => {
      appender.appendVarchar(values[i] as string);
      appender.appendVarchar(x.digest);
      appender.appendVarchar(x.preview);
      appender.endRow();
    });
  } finally {
    appender.closeSync();
  }
  await q.run(
    `UPDATE ${L} AS e SET before_digest = (SELECT m.digest FROM ${m} m WHERE m.v = e."before"), before_preview = (SELECT m.preview FROM ${m} m WHERE m.v = e."before"),
       "after" = (SELECT m.preview FROM ${m} m WHERE m.v = e."after"), "before" = NULL WHERE ${cond}`,
  );
  await q.drop(m);
}
