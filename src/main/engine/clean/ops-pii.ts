// The de-identification steps: `deidentify` (an operator per entity type, on whole cells of the
// columns that hold the entity or on each span a scan finds in free text) and `generalise`. Each
// runs its operator on the column's distinct values in the worker pool ('pii.deidentify') with the
// workspace key; the results go into a lookup table that also holds, per value, the keyed digest
// and masked preview the ledger keeps instead of the value (MapOp.private).
import type { StepFailure } from '../../../shared/api/clean-types';
import type { OperatorSpec, OperatorSpecInput } from '../../../shared/policy/operators';
import type { OperatorKey, StepOf } from '../../../shared/policy/steps';
import { num } from '../db/database';
import { ident } from '../db/sql';
import type { DeidBatch, DeidOutcome } from '../pii/deidentify';
import { decidedSpanRows, rejectedWholeCells, tallyNote, type RowResult } from './pii-decided';
import { currentYear } from '../pii/operators/generalise';
import type { Compiled, Frame, FrameColumn, MapOp } from './frame';
import { countRows, over } from './frame';
import type { Ctx } from './ops-text';
import { classSource } from './pii-columns';
import type { Query } from './query';

const EXAMPLES_PER_COLUMN = 3;

/** A column's de-identified values: (src, dst, fail, digest, preview) for each value the step changes. */
interface PiiLookup {
  table: string;
  /** Per-row results for decided cells (rid, dst, fail, digest, preview), or null. */
  rows: string | null;
  failures: number;
  failureExamples: StepFailure[];
}

const asText = (col: string) => `CAST(${col} AS VARCHAR)`;

async function piiLookup(q: Query, frame: Frame, column: FrameColumn, where: string | null, batch: (values: string[]) => DeidBatch, decided: RowResult[] = []): Promise<PiiLookup> {
  const col = ident(column.id);
  const rows = await q.all(`SELECT DISTINCT ${asText(col)} AS v FROM ${over(frame, [column])} WHERE ${col} IS NOT NULL`);
  const values = rows.map((r) => String(r.v));
  const outs = (await q.workers.map('pii.deidentify', values, { input: batch, signal: q.job.signal })).flat();
  const { name, sql: table } = q.newTableNamed('pii_lookup');
  await q.run(`CREATE TABLE ${table} (src VARCHAR, dst VARCHAR, fail VARCHAR, digest VARCHAR, preview VARCHAR)`);
  await appendRows(q, name, outs.flatMap((o, i) => (o === null ? [] : [{ key: values[i] as string, o }])), (a, x) => a.appendVarchar(x.key));
  const rowsTable = decided.length === 0 ? null : await rowLookup(q, decided);
  // Failures counted over rows; examples show the masked preview, never the value. A decided row's own result wins.
  const r = rowsTable ? `LEFT JOIN ${rowsTable} r ON r.rid = row_id` : '';
  const fail = rowsTable ? 'CASE WHEN r.rid IS NULL THEN l.fail ELSE r.fail END' : 'l.fail';
  const preview = rowsTable ? 'CASE WHEN r.rid IS NULL THEN l.preview ELSE r.preview END' : 'l.preview';
  const cond = `${fail} IS NOT NULL${where ? ` AND ${where}` : ''}`;
  const x = (await q.allJson(
    `SELECT ${countRows(frame, cond)} AS n, min_by({r: row_id, v: ${preview}, why: ${fail}}, row_id, ${EXAMPLES_PER_COLUMN}) FILTER (WHERE ${cond}) AS x
     FROM ${over(frame, [column])} LEFT JOIN ${table} l ON l.src = ${asText(col)} ${r} WHERE ${col} IS NOT NULL`,
  ))[0] ?? {};
  const examples = (x.x ?? []) as { r: string; v: string; why: string }[];
  return {
    table,
    rows: rowsTable,
    failures: num(x.n),
    failureExamples: examples.map((e) => ({ rowId: num(e.r), columnId: column.id, value: e.v, reason: `${e.why}; replaced anyway` })),
  };
}

/** Appends (key, dst, fail, digest, preview) rows to a scratch table. */
async function appendRows<T extends { o: DeidOutcome | null; dst?: string }>(q: Query, name: string, rows: T[], key: (a: Awaited<ReturnType<Query['appender']>>, x: T) => void): Promise<void> {
  const appender = await q.appender(name);
  try {
    for (const x of rows) {
      key(appender, x);
      const o = x.o;
      appender.appendVarchar(o?.v ?? x.dst ?? '');
      for (const v of [o?.fail, o?.digest, o?.preview]) {
        if (v === undefined) appender.appendNull();
        else appender.appendVarchar(v);
      }
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
}

/** The decided rows' results as a scratch table keyed by row id (`rid`: a name the frame does not have, so `row_id` in a subquery is the frame's). */
async function rowLookup(q: Query, decided: RowResult[]): Promise<string> {
  const { name, sql } = q.newTableNamed('pii_rows');
  await q.run(`CREATE TABLE ${sql} (rid BIGINT, dst VARCHAR, fail VARCHAR, digest VARCHAR, preview VARCHAR)`);
  await appendRows(q, name, decided.map((d) => ({ rid: d.rid, dst: d.dst, o: d.outcome })), (a, x) => a.appendBigInt(BigInt(x.rid)));
  return sql;
}

/** The map op: each column's values looked up (a decided row's own result first; a value the tables lack stays), typed columns become text. */
function piiMap(lookups: Map<FrameColumn, PiiLookup>, where: string | null): MapOp {
  const op: MapOp = { kind: 'map', exprs: new Map(), added: [], types: new Map(), storage: new Map(), private: new Map() };
  for (const [c, l] of lookups) {
    const col = ident(c.id);
    const byValue = `(SELECT l.dst FROM ${l.table} l WHERE l.src = ${asText(col)})`;
    const byRow = l.rows ? `(SELECT r.dst FROM ${l.rows} r WHERE r.rid = row_id), ` : '';
    const e = `CASE WHEN ${col} IS NULL THEN NULL ELSE coalesce(${byRow}${byValue}, ${asText(col)}) END`;
    op.exprs.set(c.id, where ? `CASE WHEN ${where} THEN ${e} ELSE ${asText(col)} END` : e);
    op.private?.set(c.id, { values: l.table, rows: l.rows });
    if (c.storageType !== 'VARCHAR') {
      op.storage?.set(c.id, 'VARCHAR');
      op.types.set(c.id, 'text');
    }
  }
  return op;
}

function compiled(op: MapOp, cols: FrameColumn[], lookups: PiiLookup[], notes: string[]): Compiled {
  return {
    op,
    columnIds: cols.map((c) => c.id),
    failures: lookups.reduce((a, l) => a + l.failures, 0),
    failureExamples: lookups.flatMap((l) => l.failureExamples),
    notes,
  };
}

/** An operator in words, for the run's notes. */
export function describeOperator(s: OperatorSpec): string {
  switch (s.op) {
    case 'redact': return 'redacted';
    case 'mask': return `masked with ${s.char}${s.keepFirst || s.keepLast ? ` (first ${s.keepFirst}, last ${s.keepLast} kept)` : ''}`;
    case 'token': return `replaced by <${s.entity.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}>`;
    case 'hash': return `keyed hash (${s.encoding}, ${s.length} characters)`;
    case 'pseudonym': return `${s.kind} pseudonym`;
    case 'generalise':
      if (s.kind === 'age_band') return `age bands of ${s.width ?? 10} years, 90+`;
      if (s.kind === 'birth_year') return `birth date → year, those aged 90 or over in ${s.asOf ?? currentYear()} pooled`;
      return s.kind.replace('_', ' → ');
  }
}

/** Columns the selector names outright (ids, headers, header pattern): `default` applies to them even when nothing is detected. */
function namedColumns(step: StepOf<'deidentify'>, cols: FrameColumn[]): Set<string> {
  const s = step.columns;
  const out = new Set<string>();
  if (!s) return out;
  for (const c of cols) {
    if (s.ids?.includes(c.id) || s.names?.includes(c.header) || (s.pattern && new RegExp(s.pattern, 'u').test(c.header))) out.add(c.id);
  }
  return out;
}

export async function compileDeidentify(...[q, frame, step, selected, where]: Ctx<'deidentify'>): Promise<Compiled> {
  let cols = selected;
  const p = step.params;
  const key = Buffer.from(q.pii.key()).toString('hex');
  const lookups = new Map<FrameColumn, PiiLookup>();
  const notes: string[] = [];
  const named = namedColumns(step, cols);
  if (p.scope === 'spans') {
    const operators = p.operators as Partial<Record<OperatorKey, OperatorSpecInput>>;
    // A column an earlier step replaced whole holds pseudonyms and tokens, which a scan would take
    // for the real thing (user-…@example.invalid is an e-mail address): it is left unless named.
    const done = cols.filter((c) => q.deidentified.has(c.id) && !named.has(c.id));
    if (done.length > 0) notes.push(`left ${done.map((c) => `"${c.header}"`).join(', ')}: de-identified whole by an earlier step`);
    cols = cols.filter((c) => !done.includes(c));
    for (const c of cols) {
      const base = { mode: 'spans' as const, key, operators, header: c.header, regions: p.regions, minConfidence: p.minConfidence };
      const findings = (q.pii.decisions?.findings ?? []).filter((d) => d.columnId === c.id);
      const decided = await decidedSpanRows(q, frame, c, findings, (values, overrides) => ({ ...base, values, overrides }));
      notes.push(...tallyNote(c, decided.tally, { rejected: 'rejected spans left alone', accepted: 'accepted spans de-identified' }));
      lookups.set(c, await piiLookup(q, frame, c, where, (values) => ({ ...base, values }), decided.rows));
    }
    return compiled(piiMap(lookups, where), cols, [...lookups.values()], notes);
  }
  const classes = await q.classify(frame, p.regions);
  for (const c of cols) {
    const cls = classes.get(c.id) ?? null;
    const entity = cls?.entity;
    const spec = entity ? (p.operators[entity] ?? p.operators.default) : named.has(c.id) ? p.operators.default : undefined;
    if (!spec) {
      if (named.has(c.id) || entity) notes.push(`"${c.header}": ${entity ? `holds ${entity}, which has no operator here` : 'no personal data detected in its sampled values'}; left as it was`);
      continue;
    }
    const why = cls ? `holds ${cls.entity} (${Math.round(cls.share * 100)} % of sampled values, confidence ${cls.confidence.toFixed(2)}, ${classSource(cls)})` : 'named by the step, nothing detected';
    notes.push(`"${c.header}" ${why}: ${describeOperator(spec)}`);
    const label = entity ?? (spec.op === 'token' ? spec.entity : 'PII');
    const kept = await rejectedWholeCells(q, frame, c);
    notes.push(...tallyNote(c, kept.tally, { rejected: 'cells left as they were (every finding in them rejected)', accepted: '' }));
    lookups.set(c, await piiLookup(q, frame, c, where, (values) => ({ mode: 'cell', values, key, spec, entity: label, fallback: 'token' }), kept.rows));
    q.deidentified.add(c.id);
  }
  return compiled(piiMap(lookups, where), [...lookups.keys()], [...lookups.values()], notes);
}

/** What each generalisation's values are, for their masked previews. */
const PREVIEW_ENTITY = { date_year: 'DATE', date_month: 'DATE', birth_year: 'DATE_OF_BIRTH', age_band: 'AGE', zip3: 'POSTAL_CODE' } as const;

export async function compileGeneralise(...[q, frame, step, cols, where]: Ctx<'generalise'>): Promise<Compiled> {
  const p = step.params;
  const key = Buffer.from(q.pii.key()).toString('hex');
  const spec: OperatorSpec = {
    op: 'generalise',
    kind: p.kind,
    ...(p.width === undefined ? {} : { width: p.width }),
    // Fixed once for the whole run, so every worker counts ages at the same year.
    ...(p.kind === 'birth_year' ? { asOf: p.asOf ?? currentYear() } : {}),
  };
  const lookups = new Map<FrameColumn, PiiLookup>();
  for (const c of cols) {
    lookups.set(c, await piiLookup(q, frame, c, where, (values) => ({ mode: 'cell', values, key, spec, entity: PREVIEW_ENTITY[p.kind], fallback: 'redact' })));
  }
  // The as-of year is part of the result: say which one the run used.
  const notes = spec.kind === 'birth_year' && cols.length > 0 ? [`${describeOperator(spec)}`] : [];
  return compiled(piiMap(lookups, where), cols, [...lookups.values()], notes);
}
