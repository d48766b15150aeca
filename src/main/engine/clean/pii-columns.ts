// Which personal-data entity a column mostly holds, for the `pii` column selector and the
// whole-cell de-identification — by the scan's own rule (pii/dataset/classify.ts), so a run and a
// scan of the same column agree: the deterministic sample (rows whose row_id is a multiple of
// k = ceil(rows / 10,000) of the input version), each distinct non-empty value scanned with the
// scan's task ('pii.scanValues', header as evidence), and a column is an entity when more than
// half of its sampled values (weighted by rows) are wholly one finding of it. Where a scan of the
// run's input version exists, its stored classes are used instead for the columns no earlier step
// of the run has rewritten (query.ts).
import type { EntityType } from '../../../shared/api/pii-types';
import type { LogicalType } from '../../../shared/api/types';
import { num } from '../db/database';
import { ident } from '../db/sql';
import { classifyColumn, type EntitySample } from '../pii/dataset/classify';
import { sampleEvery } from '../profile/sample';
import type { Frame, FrameColumn } from './frame';
import { over } from './frame';
import type { Query } from './query';

export interface PiiClass {
  entity: EntityType;
  /** Of the sampled non-missing values (rows). */
  share: number;
  confidence: number;
  /** Where the class came from: the input version's scan, this run's sample, or a reviewer's decision. */
  source: 'scan' | 'sample' | 'decision';
  /** From a reviewer's decision rather than the sample. */
  decided?: boolean;
}

/** Where a column's class came from, for the run's notes. */
export function classSource(c: PiiClass): string {
  switch (c.source) {
    case 'scan': return "from the input version's scan";
    case 'sample': return "from this run's sample of the input (no scan of it, a scan by older detection rules, or an earlier step rewrote the column)";
    case 'decision': return 'by review decision';
  }
}

/** Logical types whose values cannot be personal data on their own: the scan skips them too. */
const NOT_CLASSIFIED: ReadonlySet<LogicalType> = new Set(['boolean', 'decimal', 'time', 'binary', 'json']);

/** The cell as the scan reads it (text as it is, typed values as text). */
const textOf = (c: FrameColumn): string => (c.storageType === 'VARCHAR' ? ident(c.id) : `CAST(${ident(c.id)} AS VARCHAR)`);

export const classifiable = (c: FrameColumn): boolean => !NOT_CLASSIFIED.has(c.logicalType) && c.storageType !== 'BLOB';

/** Each column's class from the frame's deterministic sample; `every` is k for the run's input version. */
export async function classifyPii(q: Query, frame: Frame, columns: FrameColumn[], regions: string[], every = sampleEvery(frame.rowCount)): Promise<Map<string, PiiClass | null>> {
  const out = new Map<string, PiiClass | null>();
  for (const c of columns.filter(classifiable)) {
    const v = textOf(c);
    // A value frame (distinct values, values.ts) gives its column as rows to sample by row id.
    const from = frame.weighted && frame.rowsOf ? frame.rowsOf(c.id) : over(frame, [c]);
    const rows = await q.all(`SELECT v, count(*) AS ns FROM (SELECT ${v} AS v FROM ${from} WHERE row_id % ${every} = 0) WHERE v IS NOT NULL AND v <> '' GROUP BY v ORDER BY v`);
    const values = rows.map((r) => String(r.v));
    const weights = rows.map((r) => num(r.ns));
    const batches = await q.workers.map('pii.scanValues', values, { input: (b) => ({ values: b, header: c.header, regions }), signal: q.job.signal });
    const perEntity = new Map<EntityType, { whole: number; any: number; conf: number }>();
    let base = 0;
    for (const b of batches) {
      // Per value and entity: counted once for "any", once for "whole" at its most confident whole finding.
      const best = new Map<string, { i: number; entity: EntityType; whole: boolean; conf: number }>();
      for (let k = 0; k < b.i.length; k++) {
        const i = base + (b.i[k] ?? 0);
        const entity = b.entity[k] as EntityType;
        const whole = b.whole[k] ?? false;
        const conf = whole ? (b.confidence[k] ?? 0) : 0;
        const key = `${i}:${entity}`;
        const cur = best.get(key);
        best.set(key, { i, entity, whole: (cur?.whole ?? false) || whole, conf: Math.max(cur?.conf ?? 0, conf) });
      }
      for (const x of best.values()) {
        const e = perEntity.get(x.entity) ?? { whole: 0, any: 0, conf: 0 };
        const w = weights[x.i] ?? 0;
        e.any += w;
        if (x.whole) {
          e.whole += w;
          e.conf += w * x.conf;
        }
        perEntity.set(x.entity, e);
      }
      base += b.n;
    }
    const nonMissing = weights.reduce((a, b) => a + b, 0);
    const entities: EntitySample[] = [...perEntity].map(([entity, e]) => ({ entity, whole: e.whole, any: e.any, wholeConfidence: e.whole > 0 ? e.conf / e.whole : 0 }));
    const cls = classifyColumn({ header: c.header, nonMissing, meanWords: 0, entities });
    out.set(c.id, cls.entity ? { entity: cls.entity, share: cls.share, confidence: cls.confidence, source: 'sample' } : null);
  }
  return out;
}
