// Which columns a step applies to: its selector (ids, headers, types, header pattern, detected
// kinds, personal-data entities) resolved against the frame, detection sampling the frame's first rows.
import { AppError } from '../../../shared/api/result';
import { STEP_INFO } from '../../../shared/policy/catalog';
import { DEFAULT_PII_REGIONS, type ColumnSelector, type DetectedKind, type Step } from '../../../shared/policy/steps';
import { num } from '../db/database';
import { ident } from '../db/sql';
import type { Frame, FrameColumn } from './frame';
import { COMMA_DECIMAL, DOT_DECIMAL, EMAIL_RE, PHONE_RE, ZERO_PADDED } from './patterns';
import { dateSql } from './ops-types';
import { classSource } from './pii-columns';
import type { Query } from './query';

/** Rows detection looks at: the frame's first rows, in row order (deterministic). */
export const DETECT_SAMPLE = 5_000;
/** Share of a column's non-empty sampled values that must look like a kind. */
export const DETECT_SHARE = 0.9;

/** Steps that rewrite text: they apply to text-stored columns only. */
const TEXT_STEPS = new Set<Step['type']>([
  'trim', 'collapse_whitespace', 'normalize_unicode', 'remove_control_chars', 'change_case', 'replace',
  'category_aliases', 'coerce_date', 'coerce_number', 'coerce_boolean', 'standardize_email', 'standardize_phone', 'missing_tokens',
]);

export function describeStep(step: Step, index: number): string {
  return `Step ${index + 1} ("${step.id}", ${STEP_INFO[step.type].label})`;
}

export async function detectKinds(q: Query, frame: Frame, columns: FrameColumn[]): Promise<Map<string, Set<DetectedKind>>> {
  const out = new Map<string, Set<DetectedKind>>();
  const text = columns.filter((c) => c.storageType === 'VARCHAR');
  if (text.length === 0) return out;
  const aggs = text.map((c, i) => {
    const t = `trim(${ident(c.id)})`;
    const ne = `${t} <> ''`;
    const n = (cond: string) => `count(*) FILTER (WHERE ${cond})`;
    return [
      `${n(ne)} AS n${i}`,
      `${n(`${ne} AND regexp_full_match(${t}, ${q.bind(EMAIL_RE)})`)} AS e${i}`,
      `${n(`${ne} AND (regexp_full_match(${t}, ${q.bind(DOT_DECIMAL)}) OR regexp_full_match(${t}, ${q.bind(COMMA_DECIMAL)}))`)} AS m${i}`,
      `${n(`${ne} AND regexp_full_match(${t}, ${q.bind(ZERO_PADDED)})`)} AS z${i}`,
      `${n(`${ne} AND ${dateSql(q, t, 'either')} IS NOT NULL`)} AS d${i}`,
      // Cheap tests first (AND stops at the first false); digits counted with translate, not a
      // global regexp_replace (measured 4× slower).
      `${n(`${ne} AND regexp_full_match(${t}, ${q.bind(PHONE_RE)}) AND regexp_matches(${t}, '[+ ()\\-]') AND length(${t}) - length(translate(${t}, '0123456789', '')) BETWEEN 7 AND 15`)} AS p${i}`,
    ].join(', ');
  });
  const r = await q.one(`SELECT ${aggs.join(', ')} FROM (SELECT * FROM ${frame.head ?? frame.relation} ORDER BY row_id LIMIT ${DETECT_SAMPLE})`);
  text.forEach((c, i) => {
    const n = num(r[`n${i}`]);
    const kinds = new Set<DetectedKind>();
    const share = (k: string) => n > 0 && num(r[`${k}${i}`]) / n >= DETECT_SHARE;
    if (share('e')) kinds.add('email');
    else if (share('d')) kinds.add('date');
    else if (share('p')) kinds.add('phone');
    else if (share('m') && num(r[`z${i}`]) === 0) kinds.add('number');
    out.set(c.id, kinds);
  });
  return out;
}

/** The columns a step applies to, in frame order, with notes on columns skipped. */
export async function resolveColumns(q: Query, frame: Frame, step: Step, index: number): Promise<{ columns: FrameColumn[]; notes: string[] }> {
  const where = describeStep(step, index);
  const selector: ColumnSelector | null = step.columns ?? STEP_INFO[step.type].defaultColumns;
  if (!selector) throw new AppError('POLICY_INVALID', `${where} names no columns.`);
  const chosen = new Set<string>();
  for (const id of selector.ids ?? []) {
    if (!frame.columns.some((c) => c.id === id)) throw new AppError('POLICY_COLUMN_MISSING', `${where}: the data has no column ${id}.`, { columnId: id, stepId: step.id });
    chosen.add(id);
  }
  for (const name of selector.names ?? []) {
    const hits = frame.columns.filter((c) => c.header === name);
    if (hits.length === 0) throw new AppError('POLICY_COLUMN_MISSING', `${where}: the data has no column "${name}".`, { header: name, stepId: step.id });
    for (const h of hits) chosen.add(h.id);
  }
  for (const c of frame.columns) {
    if (selector.types?.includes(c.logicalType)) chosen.add(c.id);
    if (selector.pattern && new RegExp(selector.pattern, 'u').test(c.header)) chosen.add(c.id);
  }
  if (selector.detected && selector.detected.length > 0) {
    const kinds = await q.detect(frame);
    for (const c of frame.columns) if (selector.detected.some((k) => kinds.get(c.id)?.has(k))) chosen.add(c.id);
  }
  const byPii: string[] = [];
  if (selector.pii && selector.pii.length > 0) {
    const classes = await q.classify(frame, step.type === 'deidentify' ? step.params.regions : DEFAULT_PII_REGIONS);
    for (const c of frame.columns) {
      const k = classes.get(c.id);
      if (k && selector.pii.includes(k.entity)) {
        chosen.add(c.id);
        byPii.push(`"${c.header}" holds ${k.entity} (${classSource(k)})`);
      }
    }
  }
  let columns = frame.columns.filter((c) => chosen.has(c.id));
  const notes: string[] = byPii.length > 0 ? [`chosen as personal data: ${byPii.join(', ')}`] : [];
  if (TEXT_STEPS.has(step.type)) {
    const typed = columns.filter((c) => c.storageType !== 'VARCHAR');
    if (typed.length > 0) notes.push(`skipped ${typed.map((c) => `"${c.header}"`).join(', ')}: stored as typed values, not text`);
    columns = columns.filter((c) => c.storageType === 'VARCHAR');
  }
  if (STEP_INFO[step.type].singleColumn && columns.length !== 1) {
    throw new AppError('POLICY_INVALID', `${where} applies to exactly one column; its selector names ${columns.length}.`, { stepId: step.id });
  }
  return { columns, notes };
}
