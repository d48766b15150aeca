// The accuracy gate: a labelled table of 3,000 rows (tools/gen/pii: names and streets from lists
// the recognisers do not ship) scanned cell by cell with the engine's `scanCells`. Fails when any
// checksum- or number-plan-validated type falls below precision or recall 0.99 (overlap matching,
// table columns and free text together), or when more than 1 % of the hard negatives raise any finding.
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKSUM_TYPES, PII_TARGET, measurePiiAccuracy, type PiiAccuracy } from '../../tools/bench/pii-accuracy';
import { combined, falseAlarms, prf } from '../../tools/bench/pii-score';

let a: PiiAccuracy;
beforeAll(async () => {
  a = await measurePiiAccuracy({ rows: 3_000, seed: 'pii-accuracy-gate' });
}, 180_000);

/** What went wrong for one entity, so a red test says which values and why. */
function evidence(entity: string): string {
  const fps = [...a.board.falsePositives.entries()].filter(([k]) => k.startsWith(`${entity}|`));
  const misses = [...a.board.kinds.entries()].filter(([k, v]) => k.startsWith(`${entity}|`) && v.missed > 0);
  return [
    ...fps.map(([k, v]) => `false positives on ${k.split('|')[1]}: ${v.count}, e.g. ${v.examples.map((e) => `${e.header}: ${e.text} (${e.note})`).join('; ')}`),
    ...misses.map(([k, v]) => `missed ${v.missed}/${v.total} of ${k.split('|')[1]}, e.g. ${v.example?.header}: ${v.example?.text} (${v.example?.note})`),
  ].join('\n');
}

describe('PII accuracy on the labelled benchmark data', () => {
  it.each(CHECKSUM_TYPES)('%s: precision and recall ≥ 0.99', (entity) => {
    const t = combined(a.board, entity);
    expect(t.truth).toBeGreaterThan(150);
    const { precision, recall } = prf(t, 'overlap');
    expect(precision, `${entity} precision ${precision.toFixed(4)}\n${evidence(entity)}`).toBeGreaterThanOrEqual(PII_TARGET.checksum);
    expect(recall, `${entity} recall ${recall.toFixed(4)}\n${evidence(entity)}`).toBeGreaterThanOrEqual(PII_TARGET.checksum);
  });

  it('hard negatives: at most 1 % raise any finding', () => {
    const fa = falseAlarms(a.board);
    expect(fa.total).toBeGreaterThan(20_000);
    const worst = [...a.board.negatives.entries()].filter(([, n]) => n.alarmed > 0).map(([k, n]) => `${k}: ${n.alarmed}/${n.total}, e.g. ${n.examples.map((e) => `${e.text} → ${e.note}`).join('; ')}`);
    expect(fa.rate, worst.join('\n')).toBeLessThanOrEqual(PII_TARGET.falseAlarmRate);
  });
});
