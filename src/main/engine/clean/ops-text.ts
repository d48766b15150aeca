// Text steps: trim, whitespace, Unicode, control characters, case, find/replace, aliases, e-mail,
// missing-value tokens, booleans — each a rewrite of the value in SQL (or a distinct-value lookup).
import type { StepOf, StepType } from '../../../shared/policy/steps';
import type { Compiled, Frame, FrameColumn, MapOp } from './frame';
import { countFailures } from './failures';
import { distinctLookup, lookupOver } from './lookup';
import { EMAIL_RE } from './patterns';
import type { Query } from './query';
import { ident } from '../db/sql';

/** Whitespace a user would call whitespace: ASCII, no-break and the Unicode space separators. */
const WS_CLASS = String.raw`[\s\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]`;
const ODD_WS = String.raw`[\t\n\r\f\v\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]`;
const CONTROL = String.raw`[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\x{80}-\x{9F}]`;

/**
 * Replaces every match of `pattern` in the value, testing for a match first: a global
 * regexp_replace costs several times a search even where nothing matches (measured).
 */
export function replaceAllSql(q: Query, x: string, pattern: string, replacement: string, flags = ''): string {
  const re = q.bind(pattern);
  return `CASE WHEN regexp_matches(${x}, ${re}${flags ? `, '${flags}'` : ''}) THEN regexp_replace(${x}, ${re}, ${q.bind(replacement)}, '${flags}g') ELSE ${x} END`;
}

/** A map op applying `f` to each column (inside the row filter, when the step has one). */
export function mapOf(columns: FrameColumn[], f: (col: string, c: FrameColumn) => string, where: string | null): MapOp {
  const exprs = new Map<string, string>();
  for (const c of columns) {
    const col = ident(c.id);
    exprs.set(c.id, where ? `CASE WHEN ${where} THEN ${f(col, c)} ELSE ${col} END` : f(col, c));
  }
  return { kind: 'map', exprs, added: [], types: new Map() };
}

const done = (op: MapOp, columns: FrameColumn[], extra: Partial<Compiled> = {}): Compiled => ({
  op, columnIds: columns.map((c) => c.id), failures: 0, failureExamples: [], notes: [], ...extra,
});

function escapeRe(s: string): string {
  return s.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/** What a step compiler gets: the query, the frame, the step, its columns and its row filter (SQL). */
export type Ctx<T extends StepType> = [Query, Frame, StepOf<T>, FrameColumn[], string | null];

export const textCompilers = {
  // A regular expression, not trim(x, characters): that builds its character set per value (measured 8× slower).
  trim: async (...[q, , , cols, where]: Ctx<'trim'>) => done(mapOf(cols, (c) => replaceAllSql(q, c, `^${WS_CLASS}+|${WS_CLASS}+$`, ''), where), cols),
  collapse_whitespace: async (...[q, , , cols, where]: Ctx<'collapse_whitespace'>) =>
    done(mapOf(cols, (c) => replaceAllSql(q, c, `${WS_CLASS}{2,}|${ODD_WS}`, ' '), where), cols),
  normalize_unicode: async (...[q, frame, step, cols, where]: Ctx<'normalize_unicode'>) => {
    if (step.params.form === 'NFC') return done(mapOf(cols, (c) => `nfc_normalize(${c})`, where), cols);
    // DuckDB has NFC only; NFKC runs in JavaScript on the distinct non-ASCII values.
    const lookups = new Map<string, ReturnType<typeof lookupOver>>();
    for (const c of cols) lookups.set(c.id, await distinctLookup(q, frame, c, { task: 'clean.nfkc' }, (x) => `regexp_matches(${x}, '[^\\x00-\\x7F]')`));
    return done(mapOf(cols, (x, c) => lookups.get(c.id)?.expr(x) ?? x, where), cols);
  },
  remove_control_chars: async (...[q, , , cols, where]: Ctx<'remove_control_chars'>) =>
    done(mapOf(cols, (c) => replaceAllSql(q, c, CONTROL, ''), where), cols),
  change_case: async (...[q, frame, step, cols, where]: Ctx<'change_case'>) => {
    if (step.params.mode !== 'title') return done(mapOf(cols, (c) => `${step.params.mode}(${c})`, where), cols);
    const lookups = new Map<string, ReturnType<typeof lookupOver>>();
    for (const c of cols) lookups.set(c.id, await distinctLookup(q, frame, c, { task: 'clean.titleCase' }));
    return done(mapOf(cols, (x, c) => lookups.get(c.id)?.expr(x) ?? x, where), cols);
  },
  replace: async (...[q, , step, cols, where]: Ctx<'replace'>) => {
    const p = step.params;
    const flags = p.caseSensitive ? '' : 'i';
    const pattern = p.regex ? p.find : escapeRe(p.find);
    const f = (c: string): string => {
      if (p.wholeValue) {
        const full = `regexp_full_match(${c}, ${q.bind(pattern)}${flags ? `, '${flags}'` : ''})`;
        return `CASE WHEN ${full} THEN regexp_replace(${c}, ${q.bind(pattern)}, ${q.bind(p.replacement)}${flags ? `, '${flags}'` : ''}) ELSE ${c} END`;
      }
      if (!p.regex && p.caseSensitive) return `replace(${c}, ${q.bind(p.find)}, ${q.bind(p.replacement)})`;
      return replaceAllSql(q, c, pattern, p.regex ? p.replacement : p.replacement.replaceAll('\\', '\\\\'), flags);
    };
    return done(mapOf(cols, f, where), cols);
  },
  category_aliases: async (...[q, , step, cols, where]: Ctx<'category_aliases'>) => {
    const { name, sql: table } = q.newTableNamed('aliases');
    await q.run(`CREATE TABLE ${table} (src VARCHAR, dst VARCHAR, fail VARCHAR)`);
    const appender = await q.appender(name);
    try {
      for (const e of step.params.map) {
        for (const v of e.from) {
          appender.appendVarchar(step.params.caseSensitive ? v : v.toLowerCase());
          appender.appendVarchar(e.to);
          appender.appendNull();
          appender.endRow();
        }
      }
    } finally {
      appender.closeSync();
    }
    const lookup = lookupOver(table, step.params.caseSensitive ? undefined : (c) => `lower(${c})`);
    return done(mapOf(cols, (c) => lookup.expr(c), where), cols);
  },
  standardize_email: async (...[q, frame, , cols, where]: Ctx<'standardize_email'>) => {
    const ok = (c: string) => `regexp_full_match(trim(${c}), ${q.bind(EMAIL_RE)})`;
    const f = await countFailures(q, frame, cols, (c) => `trim(${c}) <> '' AND NOT ${ok(c)}`, 'not an e-mail address', where);
    return done(mapOf(cols, (c) => `CASE WHEN ${ok(c)} THEN lower(trim(${c})) ELSE ${c} END`, where), cols, f);
  },
  missing_tokens: async (...[q, , step, cols, where]: Ctx<'missing_tokens'>) => {
    const p = step.params;
    const tokens = p.tokens.length === 0 ? 'NULL' : p.tokens.map((t) => q.bind(p.caseSensitive ? t : t.toLowerCase())).join(', ');
    const isToken = (c: string) => `(${p.caseSensitive ? `trim(${c})` : `lower(trim(${c}))`} IN (${tokens}))`;
    const op = mapOf(cols, (c) => `CASE WHEN ${isToken(c)} THEN NULL ELSE ${c} END`, where);
    if (p.flagColumn) addFlags(op, cols, '_missing', (c) => `(${c} IS NULL OR ${isToken(c)})`, where);
    return done(op, cols);
  },
  coerce_boolean: async (...[q, frame, step, cols, where]: Ctx<'coerce_boolean'>) => {
    const t = q.bind(step.params.trueValues.map((v) => v.toLowerCase()));
    const fl = q.bind(step.params.falseValues.map((v) => v.toLowerCase()));
    const key = (c: string) => `lower(trim(${c}))`;
    const f = await countFailures(q, frame, cols, (c) => `trim(${c}) <> '' AND NOT list_contains(${t}, ${key(c)}) AND NOT list_contains(${fl}, ${key(c)})`, 'not a listed true or false value', where);
    const op = mapOf(cols, (c) => `CASE WHEN list_contains(${t}, ${key(c)}) THEN 'true' WHEN list_contains(${fl}, ${key(c)}) THEN 'false' ELSE ${c} END`, where);
    for (const c of cols) op.types.set(c.id, 'boolean');
    return done(op, cols, f);
  },
};

/** Adds a BOOLEAN flag column per column (`<header><suffix>`), computed before the step. */
export function addFlags(op: MapOp, cols: FrameColumn[], suffix: string, cond: (col: string) => string, where: string | null): void {
  for (const c of cols) {
    const col = ident(c.id);
    op.added.push({
      column: { id: '', header: `${c.header}${suffix}`, logicalType: 'boolean', storageType: 'BOOLEAN' },
      expr: where ? `coalesce(${where} AND ${cond(col)}, false)` : `coalesce(${cond(col)}, false)`,
    });
  }
}
