// Which personal-data entity a column mostly holds, for the `pii` column selector and the
// whole-cell de-identification: the frame's first non-blank values of each text column are
// scanned with every recogniser of the registry (worker pool, 'pii.scanCells', with the header
// as evidence), and a column is an entity when most of its sampled values are wholly that entity.
import type { EntityType } from '../../../shared/api/pii-types';
import { ident } from '../db/sql';
import { isWhole } from '../pii/deidentify';
import type { Frame, FrameColumn } from './frame';
import type { Query } from './query';
import { DETECT_SAMPLE } from './select';

/** Values sampled per column: enough for a stable share, few enough to scan in well under a second. */
export const PII_SAMPLE = 500;
/** Share of the sampled values that must be wholly the entity ("mostly"). */
export const PII_SHARE = 0.6;
/** Findings below this confidence do not count towards a column's class. */
const CLASS_CONFIDENCE = 0.5;

export interface PiiClass {
  entity: EntityType;
  /** Of the sampled non-blank values. */
  share: number;
  /** Mean confidence of the findings that made the class. */
  confidence: number;
  /** From a reviewer's decision rather than the sample. */
  decided?: boolean;
}

export async function classifyPii(q: Query, frame: Frame, columns: FrameColumn[], regions: string[]): Promise<Map<string, PiiClass | null>> {
  const out = new Map<string, PiiClass | null>();
  const text = columns.filter((c) => c.storageType === 'VARCHAR');
  if (text.length === 0) return out;
  const head = `(SELECT * FROM ${frame.head ?? frame.relation} ORDER BY row_id LIMIT ${DETECT_SAMPLE})`;
  const values: string[] = [];
  const headers: string[] = [];
  const spans: { column: FrameColumn; from: number; to: number }[] = [];
  for (const c of text) {
    const col = ident(c.id);
    const rows = await q.all(`SELECT ${col} AS v FROM ${head} WHERE ${col} IS NOT NULL AND trim(${col}) <> '' ORDER BY row_id LIMIT ${PII_SAMPLE}`);
    spans.push({ column: c, from: values.length, to: values.length + rows.length });
    for (const r of rows) {
      values.push(String(r.v));
      headers.push(c.header);
    }
  }
  const batches = await q.workers.map('pii.scanCells', values.map((v, i) => ({ v, h: headers[i] ?? '' })), {
    input: (b) => ({ values: b.map((x) => x.v), headers: b.map((x) => x.h), regions }),
    signal: q.job.signal,
  });
  const findings = batches.flat();
  for (const { column, from, to } of spans) {
    const n = to - from;
    const whole = new Map<EntityType, { n: number; conf: number }>();
    for (let i = from; i < to; i++) {
      const v = values[i] ?? '';
      // The most confident finding covering the whole value says what the value is.
      const best = (findings[i] ?? []).filter((f) => f.confidence >= CLASS_CONFIDENCE && isWhole(v, f)).sort((a, b) => b.confidence - a.confidence)[0];
      if (!best) continue;
      const w = whole.get(best.entity) ?? { n: 0, conf: 0 };
      whole.set(best.entity, { n: w.n + 1, conf: w.conf + best.confidence });
    }
    const top = [...whole].sort((a, b) => b[1].n - a[1].n)[0];
    out.set(column.id, top && n > 0 && top[1].n / n >= PII_SHARE
      ? { entity: top[0], share: Math.round((top[1].n / n) * 1000) / 1000, confidence: Math.round((top[1].conf / top[1].n) * 100) / 100 }
      : null);
  }
  return out;
}
