// Steps that need the column's statistics first: imputation (mean, median, mode, constant) and
// outliers (IQR fences, z-score, MAD), plus phone numbers, whose rule (libphonenumber-js) runs on
// distinct values.
import { isSupportedCountry } from 'libphonenumber-js';
import { AppError } from '../../../shared/api/result';
import { OUTLIER_THRESHOLDS } from '../../../shared/policy/steps';
import { ident } from '../db/sql';
import type { Compiled, FrameColumn, MapOp } from './frame';
import { countFailures } from './failures';
import { distinctLookup, type Lookup } from './lookup';
import { addFlags, mapOf, type Ctx } from './ops-text';
import { describeStep } from './select';

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/;

/** The column as a DOUBLE (text is trimmed and cast; values that do not cast are NULL). */
function asNumber(col: string, c: FrameColumn): string {
  return NUMERIC.test(c.storageType) ? `CAST(${col} AS DOUBLE)` : c.storageType === 'VARCHAR' ? `TRY_CAST(trim(${col}) AS DOUBLE)` : 'NULL::DOUBLE';
}
const missing = (col: string, c: FrameColumn) => (c.storageType === 'VARCHAR' ? `(${col} IS NULL OR trim(${col}) = '')` : `(${col} IS NULL)`);
/** A number as the column stores it: text (shortest round-trip form) or the column's own type. */
const store = (n: string, c: FrameColumn) => (c.storageType === 'VARCHAR' ? `CAST(${n} AS VARCHAR)` : `CAST(${n} AS ${c.storageType})`);

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

export async function compileImpute(...[q, frame, step, cols, where]: Ctx<'impute'>): Promise<Compiled> {
  const p = step.params;
  const notes: string[] = [];
  const fills = new Map<string, string>();
  for (const c of cols) {
    const col = ident(c.id);
    let fill: string | null;
    if (p.method === 'constant') fill = p.value ?? '';
    else if (p.method === 'mode') {
      const r = await q.one(`SELECT CAST(${col} AS VARCHAR) AS v, count(*) AS n FROM ${frame.relation} WHERE NOT ${missing(col, c)} GROUP BY ALL ORDER BY n DESC, v LIMIT 1`);
      fill = r.v === undefined || r.v === null ? null : String(r.v);
    } else {
      const agg = p.method === 'mean' ? 'avg' : 'median';
      const r = await q.one(`SELECT ${agg}(${asNumber(col, c)}) AS v FROM ${frame.relation}`);
      fill = r.v === null || r.v === undefined ? null : fmt(Number(r.v));
    }
    if (fill === null) {
      notes.push(`"${c.header}": no values to compute the ${p.method} from; nothing imputed`);
      continue;
    }
    notes.push(`"${c.header}": missing values set to ${JSON.stringify(fill)} (${p.method})`);
    fills.set(c.id, fill);
  }
  const used = cols.filter((c) => fills.has(c.id));
  const f = p.method === 'mean' || p.method === 'median'
    ? await countFailures(q, frame, used, (x, c) => `NOT ${missing(x, c)} AND ${asNumber(x, c)} IS NULL`, 'not a number (left out of the statistic)', where)
    : { failures: 0, failureExamples: [] };
  const op = mapOf(used, (x, c) => {
    const value = fills.get(c.id) as string;
    const typed = c.storageType === 'VARCHAR' ? q.bind(value) : `TRY_CAST(${q.bind(value)} AS ${c.storageType})`;
    return `CASE WHEN ${missing(x, c)} THEN ${typed} ELSE ${x} END`;
  }, where);
  if (p.flagColumn) for (const c of used) addFlags(op, [c], '_imputed', (x) => missing(x, c), where);
  return { op, columnIds: used.map((c) => c.id), ...f, notes };
}

export async function compileOutliers(...[q, frame, step, cols, where, index]: [...Ctx<'outliers'>, number]): Promise<Compiled> {
  const p = step.params;
  const k = p.threshold ?? OUTLIER_THRESHOLDS[p.method];
  const notes: string[] = [];
  const bounds = new Map<string, [number, number]>();
  for (const c of cols) {
    const v = asNumber(ident(c.id), c);
    const stats = p.method === 'iqr'
      ? `quantile_cont(${v}, 0.25) AS a, quantile_cont(${v}, 0.75) AS b`
      : p.method === 'zscore' ? `avg(${v}) AS a, stddev_samp(${v}) AS b` : `median(${v}) AS a, NULL::DOUBLE AS b`;
    const r = await q.one(`SELECT ${stats} FROM ${frame.relation}`);
    if (r.a === null || r.a === undefined) {
      notes.push(`"${c.header}": no numeric values; nothing to do`);
      continue;
    }
    const a = Number(r.a);
    let lo: number;
    let hi: number;
    if (p.method === 'iqr') {
      const iqr = Number(r.b) - a;
      [lo, hi] = [a - k * iqr, Number(r.b) + k * iqr];
    } else if (p.method === 'zscore') {
      const sd = Number(r.b ?? 0);
      [lo, hi] = [a - k * sd, a + k * sd];
    } else {
      const m = await q.one(`SELECT median(abs(${v} - ${q.bind(a)})) AS mad FROM ${frame.relation}`);
      const mad = Number(m.mad ?? 0) / 0.6745;
      [lo, hi] = [a - k * mad, a + k * mad];
    }
    bounds.set(c.id, [lo, hi]);
    notes.push(`"${c.header}": values outside [${fmt(lo)}, ${fmt(hi)}] are outliers (${p.method}, threshold ${k})`);
  }
  const used = cols.filter((c) => bounds.has(c.id));
  const outside = (x: string, c: FrameColumn) => {
    const [lo, hi] = bounds.get(c.id) as [number, number];
    return `(${asNumber(x, c)} < ${q.bind(lo)} OR ${asNumber(x, c)} > ${q.bind(hi)})`;
  };
  let op: MapOp;
  if (p.action === 'flag') {
    op = { kind: 'map', exprs: new Map(), added: [], types: new Map() };
    for (const c of used) addFlags(op, [c], '_outlier', (x) => outside(x, c), where);
  } else {
    op = mapOf(used, (x, c) => {
      const [lo, hi] = bounds.get(c.id) as [number, number];
      if (p.action === 'set_missing') return `CASE WHEN ${outside(x, c)} THEN NULL ELSE ${x} END`;
      const n = asNumber(x, c);
      return `CASE WHEN ${n} < ${q.bind(lo)} THEN ${store(q.bind(lo), c)} WHEN ${n} > ${q.bind(hi)} THEN ${store(q.bind(hi), c)} ELSE ${x} END`;
    }, where);
  }
  if (used.length === 0 && cols.length > 0) notes.push(`${describeStep(step, index)} found no numeric values in its columns`);
  return { op, columnIds: used.map((c) => c.id), failures: 0, failureExamples: [], notes };
}

export async function compilePhone(...[q, frame, step, cols, where]: Ctx<'standardize_phone'>): Promise<Compiled> {
  const region = step.params.defaultRegion;
  if (!isSupportedCountry(region)) {
    throw new AppError('POLICY_INVALID', `Step "${step.id}": "${region}" is not a region phone numbers can be read in (use an ISO code such as GB, US, DE).`, { stepId: step.id });
  }
  const lookups = new Map<string, Lookup>();
  for (const c of cols) {
    lookups.set(c.id, await distinctLookup(q, frame, c, { task: 'clean.phone', region }));
  }
  const f = await countFailures(q, frame, cols, (x, c) => (lookups.get(c.id) as Lookup).failed(x), `not a valid phone number (default region ${region})`, where);
  const notes = [`numbers without a country code are read as ${region} numbers`];
  return { op: mapOf(cols, (x, c) => (lookups.get(c.id) as Lookup).expr(x), where), columnIds: cols.map((c) => c.id), ...f, notes };
}
