// The generator's promises on 20,000 CSV rows read back by DuckDB: a ground truth that covers
// every row and agrees with the data (identical rows share a cluster; near duplicates really are
// their cluster's customer), and the PRODUCT.md ratios of duplicates, missing values, outliers,
// case, whitespace and date-format noise. JSONL's schema drift is counted too.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../tools/gen/generate';
import { planCounts } from '../../tools/gen/plan';
import { COL, COLUMNS } from '../../tools/gen/render';
import { tempDir } from '../support/engine';

const ROWS = 20_000;
const TOKENS = new Set(['N/A', 'NULL', '-', 'n/a', 'none', '?']);
let dir: string;
let data: (string | null)[][];
let truth: [number, number][];
let jsonl: Record<string, unknown>[];

beforeAll(async () => {
  dir = tempDir('ds-gen-truth-');
  const csv = path.join(dir, 'customers.csv');
  await generate({ rows: ROWS, seed: 'truth', out: csv, truth: path.join(dir, 'truth.csv') });
  await generate({ rows: ROWS, seed: 'truth', out: path.join(dir, 'customers.jsonl'), truth: path.join(dir, 'truth-jsonl.csv') });
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const reader = await conn.runAndReadAll(`SELECT * FROM read_csv($f, header = true, quote = '"', escape = '"', all_varchar = true)`, { f: csv });
  data = reader.getRows().map((r) => r.map((v) => (v === null ? null : String(v))));
  conn.closeSync();
  db.closeSync();
  const lines = fs.readFileSync(path.join(dir, 'truth.csv'), 'utf8').trimEnd().split('\n');
  expect(lines[0]).toBe('row_id,cluster_id');
  truth = lines.slice(1).map((l) => l.split(',').map(Number) as [number, number]);
  jsonl = fs.readFileSync(path.join(dir, 'customers.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const key = (r: (string | null)[]) => JSON.stringify(r);
const rate = (n: number) => n / ROWS;
const present = (v: string | null | undefined): v is string => v !== null && v !== undefined && !TOKENS.has(v.trim());

/** For each row: its cluster, and the first row of that cluster (the original). */
function clusters() {
  const first = new Map<number, number>();
  truth.forEach(([rowId, c]) => {
    if (!first.has(c)) first.set(c, rowId - 1);
  });
  const exact: number[] = [];
  const near: number[] = [];
  truth.forEach(([rowId, c]) => {
    const o = first.get(c)!;
    if (o === rowId - 1) return;
    (key(data[o]!) === key(data[rowId - 1]!) ? exact : near).push(rowId - 1);
  });
  return { first, exact, near };
}

describe('ground truth', () => {
  it('has one line per row, row ids 1…N in order, clusters numbered by first appearance', () => {
    expect(data).toHaveLength(ROWS);
    expect(truth.map(([r]) => r)).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
    let max = 0;
    for (const [, c] of truth) {
      expect(c).toBeLessThanOrEqual(max + 1);
      max = Math.max(max, c);
    }
  });

  it('puts identical rows in one cluster, and exact duplicates are 5–10% of rows', () => {
    const byContent = new Map<string, Set<number>>();
    data.forEach((r, i) => {
      const k = key(r);
      if (!byContent.has(k)) byContent.set(k, new Set());
      byContent.get(k)!.add(truth[i]![1]);
    });
    expect([...byContent.values()].filter((s) => s.size > 1)).toEqual([]);
    const exactRows = ROWS - byContent.size;
    expect(rate(exactRows)).toBeGreaterThanOrEqual(0.05);
    expect(rate(exactRows)).toBeLessThanOrEqual(0.1);
    expect(clusters().exact).toHaveLength(exactRows);
    expect(planCounts('truth', ROWS).exact).toBe(exactRows);
  });

  it('near duplicates are 2–5% of rows, and each is its cluster customer, not someone else', () => {
    const { first, near } = clusters();
    expect(planCounts('truth', ROWS)).toEqual({ original: first.size, exact: ROWS - first.size - near.length, near: near.length });
    expect(rate(near.length)).toBeGreaterThanOrEqual(0.02);
    expect(rate(near.length)).toBeLessThanOrEqual(0.05);
    const origins = [...first.values()];
    const own = near.map((i) => similarity(data[first.get(truth[i]![1])!]!, data[i]!));
    const other = near.map((i, n) => similarity(data[origins[(n * 7919 + 13) % origins.length]!]!, data[i]!));
    const strong = (xs: number[]) => xs.filter((s) => s >= 0.6).length / xs.length;
    expect(Math.min(...own)).toBeGreaterThanOrEqual(0.3);
    expect(strong(own)).toBeGreaterThanOrEqual(0.95);
    expect(strong(other)).toBeLessThanOrEqual(0.01);
  });
});

describe('noise', () => {
  it('5–15% of cells are missing (empty or a placeholder such as N/A)', () => {
    const missing = data.flat().filter((v) => !present(v)).length;
    const share = missing / (ROWS * COLUMNS.length);
    expect(share).toBeGreaterThanOrEqual(0.05);
    expect(share).toBeLessThanOrEqual(0.15);
  });

  it('1–2% of rows have an outlying balance', () => {
    const amount = (v: string) => Number(v.replace(/[$,]|EUR/g, '').trim());
    const outliers = data.filter((r) => present(r[COL.balance]) && Math.abs(amount(r[COL.balance]!)) >= 100_000);
    expect(rate(outliers.length)).toBeGreaterThanOrEqual(0.01);
    expect(rate(outliers.length)).toBeLessThanOrEqual(0.02);
    const normal = data.filter((r) => present(r[COL.balance]) && Math.abs(amount(r[COL.balance]!)) < 100_000);
    expect(normal.every((r) => Number.isFinite(amount(r[COL.balance]!)))).toBe(true);
  });

  it('has case inconsistencies in names, countries and statuses', () => {
    const forms = (col: number) => new Set(data.map((r) => r[col]).filter(present).map((v) => v.trim()));
    const statuses = forms(COL.status);
    expect([...statuses].filter((s) => s.toLowerCase() === 'active').sort()).toEqual(['ACTIVE', 'Active', 'active']);
    const countries = forms(COL.country);
    expect(countries.has('germany') || countries.has('GERMANY')).toBe(true);
    const shouting = data.filter((r) => present(r[COL.last_name]) && /\p{Lu}{3}/u.test(r[COL.last_name]!) && r[COL.last_name] === r[COL.last_name]!.toUpperCase());
    expect(rate(shouting.length)).toBeGreaterThan(0.01);
  });

  it('has extra whitespace in 2–10% of rows', () => {
    const padded = data.filter((r) => r.some((v) => v !== null && (v !== v.trim() || / {2}/.test(v))));
    expect(rate(padded.length)).toBeGreaterThan(0.02);
    expect(rate(padded.length)).toBeLessThan(0.1);
  });

  it('mixes date formats in some rows (10–30% of birth dates are not ISO)', () => {
    const dobs = data.map((r) => r[COL.date_of_birth]).filter(present);
    const iso = dobs.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).length;
    const share = 1 - iso / dobs.length;
    expect(share).toBeGreaterThanOrEqual(0.1);
    expect(share).toBeLessThanOrEqual(0.3);
    expect(dobs.every((d) => parseDates(d).length > 0)).toBe(true);
  });
});

describe('JSONL schema drift', () => {
  it('has the same truth as the CSV', () => {
    expect(fs.readFileSync(path.join(dir, 'truth-jsonl.csv'), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'truth.csv'), 'utf8'));
  });

  it.each([
    ['records missing a key', 0.05, 0.6, (r: Record<string, unknown>) => COLUMNS.some((c) => !(c in r))],
    ['records with extra keys', 0.01, 0.06, (r: Record<string, unknown>) => Object.keys(r).some((k) => !(COLUMNS as readonly string[]).includes(k))],
    ['balances written as strings', 0.005, 0.03, (r: Record<string, unknown>) => typeof r.balance === 'string' && /^-?\d+\.\d+$/.test(r.balance)],
    ['postcodes written as numbers', 0.005, 0.05, (r: Record<string, unknown>) => typeof r.postcode === 'number'],
    ['records in another key order', 0.005, 0.05, (r: Record<string, unknown>) => Object.keys(r)[0] !== 'customer_id'],
  ])('%s: between %s and %s of records', (_, lo, hi, test) => {
    const share = jsonl.filter(test).length / ROWS;
    expect(share).toBeGreaterThanOrEqual(lo);
    expect(share).toBeLessThanOrEqual(hi);
  });
});

// ---- comparing two records the way a person would ----

const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

function levenshtein(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Every date a text could mean (dd/mm and mm/dd are both tried). */
function parseDates(s: string): string[] {
  const t = s.trim();
  const ymd = (y: string, m: string | number, d: string | number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) return [ymd(m[1]!, m[2]!, m[3]!)];
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) return [ymd(m[1]!, m[2]!, m[3]!)];
  if ((m = /^(\d{2})[/.](\d{2})[/.](\d{4})$/.exec(t))) return [ymd(m[3]!, m[2]!, m[1]!), ymd(m[3]!, m[1]!, m[2]!)];
  if ((m = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$/.exec(t))) return [ymd(m[3]!, MONTHS.indexOf(m[2]!.toLowerCase()) + 1, m[1]!)];
  return [];
}

type Field = (a: string, b: string) => boolean;
const close = (n: number): Field => (a, b) => levenshtein(norm(a), norm(b)) <= n;
const FIELDS: [number, Field][] = [
  [COL.email, (a, b) => {
    const [la = '', da = ''] = norm(a).split('@');
    const [lb = '', db = ''] = norm(b).split('@');
    return (da === db && levenshtein(la, lb) <= 1) || la === lb;
  }],
  [COL.phone, (a, b) => a.replace(/\D/g, '').slice(-7) === b.replace(/\D/g, '').slice(-7)],
  [COL.date_of_birth, (a, b) => parseDates(a).some((d) => parseDates(b).includes(d))],
  [COL.street, (a, b) => (a.match(/\d+/g) ?? []).join() === (b.match(/\d+/g) ?? []).join()],
  [COL.city, close(0)],
  [COL.postcode, (a, b) => [...norm(a).replace(/\W/g, '')].sort().join() === [...norm(b).replace(/\W/g, '')].sort().join()],
];

/** Share of comparable identity fields that agree; names are compared as a set (swaps allowed). */
function similarity(o: (string | null)[], v: (string | null)[]): number {
  let same = 0;
  let comparable = 0;
  const names = (r: (string | null)[]) => [r[COL.first_name], r[COL.last_name]].filter(present).map(norm);
  const on = names(o);
  const vn = names(v);
  for (const n of on) {
    if (vn.length === 0) break;
    comparable++;
    if (vn.some((x) => levenshtein(x, n) <= 2)) same++;
  }
  for (const [col, eq] of FIELDS) {
    const a = o[col];
    const b = v[col];
    if (!present(a) || !present(b)) continue;
    comparable++;
    if (eq(a, b)) same++;
  }
  return comparable === 0 ? 0 : same / comparable;
}
