// Type coercion: numbers (separators settled per column from its values, ambiguous ones reported,
// never guessed) and dates (mixed formats to ISO-8601, day/month order settled per column).
import { num } from '../db/database';
import { ident } from '../db/sql';
import { countRows, over, type Compiled, type FrameColumn } from './frame';
import { countFailures } from './failures';
import { mapOf, type Ctx } from './ops-text';
import { CURRENCY_RE, DATE_SHAPES, DAY_FIRST_FORMATS, MONTH_FIRST_FORMATS, NUMERIC_DMY } from './patterns';
import type { Binds } from './params';
import type { Query } from './query';

type Decimal = '.' | ',';
/** Digits alone read the same with either decimal mark. */
const PLAIN_INTEGER = '[+-]?[0-9]+';
const GROUPINGS: Record<Decimal, string[]> = { '.': [',', ' ', "'"], ',': ['.', ' ', "'"] };

/** RE2 for a number with the decimal mark `d` and any of the thousands marks `t` (or none). */
export function numberRegex(d: Decimal, t: string[]): string {
  const esc = (s: string) => s.replace(/[.]/g, '\\.');
  const grouped = t.map((g) => `[0-9]{1,3}(?:${esc(g)}[0-9]{3})+`);
  return `[+-]?(?:${[...grouped, '[0-9]+'].join('|')})(?:${esc(d)}[0-9]+)?|[+-]?${esc(d)}[0-9]+`;
}

/** The value with currency marks, percent sign and accounting parentheses taken off. */
function core(q: Query, c: string, currency: boolean): string {
  let s = `trim(${c})`;
  if (currency) s = `trim(regexp_replace(${s}, ${q.bind(CURRENCY_RE)}, '', 'g'))`;
  s = `regexp_replace(${s}, '^\\((.*)\\)$', '-\\1')`;
  return `trim(regexp_replace(${s}, '%$', ''))`;
}

/** Plain digits with `.` as the decimal mark, no sign if positive, no leading zeros. */
function normalise(q: Query, s: string, d: Decimal, t: string[]): string {
  let out = s;
  for (const g of t) out = `replace(${out}, ${q.bind(g)}, '')`;
  if (d === ',') out = `replace(${out}, ',', '.')`;
  out = `regexp_replace(${out}, '^\\+', '')`;
  out = `regexp_replace(${out}, '^(-?)0+([0-9])', '\\1\\2')`;
  return `regexp_replace(${out}, '^(-?)\\.', '\\10.')`;
}

function asFraction(n: string): string {
  return `rtrim(rtrim(CAST(CAST(${n} AS DECIMAL(38, 12)) / 100 AS VARCHAR), '0'), '.')`;
}

export async function compileNumber(...[q, frame, step, cols, where]: Ctx<'coerce_number'>): Promise<Compiled> {
  const p = step.params;
  const notes: string[] = [];
  const conventions = new Map<string, Decimal | null>();
  const tFor = (d: Decimal) => (p.thousands === 'auto' ? GROUPINGS[d] : p.thousands === 'none' ? [] : [p.thousands]);
  const re = (d: Decimal) => q.bind(numberRegex(d, tFor(d)));
  for (const c of cols) {
    if (p.decimal !== 'auto') {
      conventions.set(c.id, p.decimal);
      continue;
    }
    const s = core(q, ident(c.id), p.currency);
    const r = await q.one(`SELECT ${countRows(frame, `regexp_full_match(${s}, ${re('.')}) AND NOT regexp_full_match(${s}, ${re(',')})`)} AS dot,
      ${countRows(frame, `regexp_full_match(${s}, ${re(',')}) AND NOT regexp_full_match(${s}, ${re('.')})`)} AS comma FROM ${over(frame, [c])}`);
    const dot = num(r.dot);
    const comma = num(r.comma);
    const decided: Decimal | null = dot > 0 && comma === 0 ? '.' : comma > 0 && dot === 0 ? ',' : null;
    conventions.set(c.id, decided);
    if (decided) notes.push(`"${c.header}": decimal mark "${decided}" (${(decided === '.' ? dot : comma).toLocaleString('en')} values settle it)`);
    else if (dot > 0 && comma > 0) notes.push(`"${c.header}": both decimal marks occur (${dot.toLocaleString('en')} with ".", ${comma.toLocaleString('en')} with ","); values readable both ways are left as they are and reported`);
  }
  const value = (x: string, c: FrameColumn): string => {
    const s = core(q, x, p.currency);
    const fin = (d: Decimal) => (p.percent === 'fraction' ? `CASE WHEN ends_with(trim(${x}), '%') THEN ${asFraction(normalise(q, s, d, tFor(d)))} ELSE ${normalise(q, s, d, tFor(d))} END` : normalise(q, s, d, tFor(d)));
    const decided = conventions.get(c.id);
    if (decided) return `CASE WHEN regexp_full_match(${s}, ${re(decided)}) THEN ${fin(decided)} ELSE ${x} END`;
    return `CASE WHEN regexp_full_match(${s}, ${q.bind(PLAIN_INTEGER)}) OR (regexp_full_match(${s}, ${re('.')}) AND NOT regexp_full_match(${s}, ${re(',')})) THEN ${fin('.')}
      WHEN regexp_full_match(${s}, ${re(',')}) AND NOT regexp_full_match(${s}, ${re('.')}) THEN ${fin(',')} ELSE ${x} END`;
  };
  const parses = (x: string, c: FrameColumn) => {
    const s = core(q, x, p.currency);
    const decided = conventions.get(c.id);
    return decided
      ? `regexp_full_match(${s}, ${re(decided)})`
      : `(regexp_full_match(${s}, ${q.bind(PLAIN_INTEGER)}) OR regexp_full_match(${s}, ${re('.')}) <> regexp_full_match(${s}, ${re(',')}))`;
  };
  const reason = (c: FrameColumn) => (conventions.get(c.id) ? 'not a number' : 'not a number, or readable with either decimal mark (e.g. 1.234)');
  const f = await countFailures(q, frame, cols, (x, c) => `trim(${x}) <> '' AND NOT ${parses(x, c)}`, reason, where);
  const op = mapOf(cols, value, where);
  // Integer or decimal is read from the rewritten column (normalised values use "." only).
  op.typesFromData = new Map(cols.map((c) => [c.id, (col: string) => `CASE WHEN bool_or(contains(${col}, '.') AND regexp_full_match(${col}, '-?[0-9]*\\.[0-9]+')) THEN 'decimal' ELSE 'integer' END`]));
  return { op, columnIds: cols.map((c) => c.id), ...f, notes };
}

const list = (b: Binds, formats: string[]) => (formats.length === 1 ? b.bind(formats[0] as string) : `[${formats.map((f) => b.bind(f)).join(', ')}]`);

/** How numeric dates (03/04/2020) are read: one order, by each value's own evidence, or either (detection). */
export type DayMonth = 'day_first' | 'month_first' | 'by_value' | 'either';

/** A TIMESTAMP from the text expression `t` (already trimmed), or NULL: each shape tried with its own formats. */
export function dateSql(b: Binds, t: string, order: DayMonth): string {
  const shapes = DATE_SHAPES.map((s) => `WHEN regexp_full_match(${t}, ${b.bind(s.re)}) THEN try_strptime(${t}, ${list(b, s.formats)})`);
  const dm = `try_strptime(${t}, ${list(b, DAY_FIRST_FORMATS)})`;
  const md = `try_strptime(${t}, ${list(b, MONTH_FIRST_FORMATS)})`;
  const part = (i: number) => `TRY_CAST(regexp_extract(${t}, ${b.bind(NUMERIC_DMY)}, ${i}) AS INTEGER)`;
  const numeric = { day_first: dm, month_first: md, either: `coalesce(${dm}, ${md})`, by_value: `CASE WHEN ${part(1)} > 12 THEN ${dm} WHEN ${part(3)} > 12 THEN ${md} END` }[order];
  return `CASE ${shapes.join(' ')} WHEN regexp_full_match(${t}, ${b.bind(NUMERIC_DMY)}) THEN ${numeric} END`;
}

export async function compileDate(...[q, frame, step, cols, where]: Ctx<'coerce_date'>): Promise<Compiled> {
  const p = step.params;
  const notes: string[] = [];
  const orders = new Map<string, 'day_first' | 'month_first' | null>();
  for (const c of cols) {
    if (p.formats.length > 0) continue;
    const t = `trim(${ident(c.id)})`;
    const first = `TRY_CAST(regexp_extract(${t}, ${q.bind(NUMERIC_DMY)}, 1) AS INTEGER)`;
    const second = `TRY_CAST(regexp_extract(${t}, ${q.bind(NUMERIC_DMY)}, 3) AS INTEGER)`;
    const r = await q.one(`SELECT ${countRows(frame, `${first} > 12 AND ${second} <= 12`)} AS day, ${countRows(frame, `${second} > 12 AND ${first} <= 12`)} AS month,
      ${countRows(frame, `${first} <= 12 AND ${second} <= 12`)} AS open FROM ${over(frame, [c])} WHERE regexp_full_match(${t}, ${q.bind(NUMERIC_DMY)})`);
    const day = num(r.day);
    const month = num(r.month);
    const open = num(r.open);
    let order: 'day_first' | 'month_first' | null = day > 0 && month === 0 ? 'day_first' : month > 0 && day === 0 ? 'month_first' : null;
    if (order) notes.push(`"${c.header}": day/month order is ${order === 'day_first' ? 'day first' : 'month first'} (${(day || month).toLocaleString('en')} values have a ${order === 'day_first' ? 'day' : 'month'} over 12)`);
    else if (day > 0 && month > 0) notes.push(`"${c.header}": both day-first (${day}) and month-first (${month}) dates occur; ${open.toLocaleString('en')} values readable both ways are left as they are and reported`);
    else if (open > 0 && p.ambiguous !== 'leave') {
      order = p.ambiguous;
      notes.push(`"${c.header}": no value settles the day/month order; read as ${order === 'day_first' ? 'day first' : 'month first'}, as the step says`);
    } else if (open > 0) notes.push(`"${c.header}": no value settles the day/month order; ${open.toLocaleString('en')} such dates are left as they are and reported`);
    orders.set(c.id, order);
  }
  const parsed = (x: string, c: FrameColumn): string => {
    const t = `trim(${x})`;
    if (p.formats.length > 0) return `try_strptime(${t}, ${list(q, p.formats)})`;
    return dateSql(q, t, orders.get(c.id) ?? 'by_value');
  };
  const reason = (c: FrameColumn) => (orders.get(c.id) || p.formats.length > 0 ? 'not a date in a known format' : 'not a date in a known format, or day and month could be either way round');
  const f = await countFailures(q, frame, cols, (x, c) => `trim(${x}) <> '' AND ${parsed(x, c)} IS NULL`, reason, where);
  const op = mapOf(cols, (x, c) => `coalesce(strftime(${parsed(x, c)}, '%Y-%m-%d'), ${x})`, where);
  for (const c of cols) op.types.set(c.id, 'date');
  return { op, columnIds: cols.map((c) => c.id), ...f, notes };
}
