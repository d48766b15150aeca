// The generator's files: byte-identical for the same arguments, readable in every format by the
// tools the importer relies on (DuckDB, JSON.parse, exceljs), holding the same records in every
// format, and never left half-written.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GEN_FORMATS, generate, type GenFormat } from '../../tools/gen/generate';
import { rows as planRows } from '../../tools/gen/plan';
import { COL, COLUMNS } from '../../tools/gen/render';
import { tempDir } from '../support/engine';

const ROWS = 3000;
const SEED = 'formats';
let dir: string;
let db: DuckDBInstance;
let conn: DuckDBConnection;
/** What every format must hold: the records as the generator rendered them. */
let expected: (string | null)[][];

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const out = (format: GenFormat, sub = 'a') => path.join(dir, sub, `data.${format}`);

beforeAll(async () => {
  dir = tempDir('ds-gen-');
  for (const sub of ['a', 'b']) fs.mkdirSync(path.join(dir, sub));
  for (const format of GEN_FORMATS) await generate({ rows: ROWS, seed: SEED, out: out(format), format });
  expected = [...planRows(SEED, ROWS)].map((r) => r.record.values);
  db = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  conn = await db.connect();
}, 120_000);

afterAll(() => {
  conn.closeSync();
  db.closeSync();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function rows(sql: string, params?: Record<string, string>): Promise<(string | null)[][]> {
  const reader = await conn.runAndReadAll(sql, params);
  return reader.getRows().map((r) => r.map((v) => (v === null ? null : String(v))));
}

describe('determinism', () => {
  it.each(GEN_FORMATS.map((f) => [f]))('%s: the same arguments give byte-identical data and truth files', async (format) => {
    await generate({ rows: ROWS, seed: SEED, out: out(format, 'b'), format });
    expect(sha256(out(format, 'b'))).toBe(sha256(out(format)));
    expect(sha256(`${out(format, 'b')}.truth.csv`)).toBe(sha256(`${out(format)}.truth.csv`));
  }, 60_000);

  it('pins the CSV of seed 1 (a change here changes every dataset: bump GENERATOR_VERSION)', async () => {
    const file = path.join(dir, 'pinned.csv');
    await generate({ rows: 1000, seed: '1', out: file });
    expect(sha256(file)).toBe(PINNED_SEED_1);
  });

  it.each(['csv', 'json', 'parquet'] as const)('%s: worker threads write the same bytes as one thread, across chunk boundaries', async (format) => {
    const one = path.join(dir, `one.${format}`);
    const two = path.join(dir, `two.${format}`);
    await generate({ rows: 20_000, seed: 'workers', out: one, workers: 0 });
    await generate({ rows: 20_000, seed: 'workers', out: two, workers: 2 });
    expect(sha256(two)).toBe(sha256(one));
    expect(sha256(`${two}.truth.csv`)).toBe(sha256(`${one}.truth.csv`));
  }, 60_000);

  it('parquet: the same bytes whatever DuckDB thread count converts it (two row groups)', async () => {
    const one = path.join(dir, 'threads1.parquet');
    const three = path.join(dir, 'threads3.parquet');
    await generate({ rows: 130_000, seed: 'pq', out: one, threads: 1 });
    await generate({ rows: 130_000, seed: 'pq', out: three, threads: 3 });
    expect(sha256(three)).toBe(sha256(one));
  }, 120_000);

  it('xlsx: a workbook written years later is byte-identical (ZIP entry dates are fixed)', async () => {
    const at = async (date: string, file: string) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(date));
      try {
        await generate({ rows: 50, seed: 'dates', out: file });
      } finally {
        vi.useRealTimers();
      }
    };
    await at('2001-02-03T04:05:06Z', path.join(dir, 'then.xlsx'));
    await at('2033-12-31T23:59:58Z', path.join(dir, 'later.xlsx'));
    expect(sha256(path.join(dir, 'later.xlsx'))).toBe(sha256(path.join(dir, 'then.xlsx')));
  });

  it('another seed gives other data and another truth', async () => {
    const file = path.join(dir, 'other.csv');
    await generate({ rows: ROWS, seed: `${SEED}-2`, out: file });
    expect(sha256(file)).not.toBe(sha256(out('csv')));
    expect(sha256(`${file}.truth.csv`)).not.toBe(sha256(`${out('csv')}.truth.csv`));
  });

  it('every format of one seed shares one ground truth', () => {
    const truths = new Set(GEN_FORMATS.map((f) => sha256(`${out(f)}.truth.csv`)));
    expect(truths.size).toBe(1);
  });
});

describe('each format holds the same records', () => {
  it.each([
    ['csv', ','],
    ['tsv', '\t'],
  ])('%s, read by DuckDB', async (format, delim) => {
    const got = await rows(
      `SELECT * FROM read_csv($f, header = true, delim = $d, quote = '"', escape = '"', all_varchar = true, auto_detect = false,
        columns = {${COLUMNS.map((c) => `'${c}': 'VARCHAR'`).join(', ')}})`,
      { f: out(format as GenFormat), d: delim },
    );
    expect(got).toEqual(expected);
    const header = fs.readFileSync(out(format as GenFormat), 'utf8').split('\n', 1)[0];
    expect(header).toBe(COLUMNS.join(delim));
  });

  it('jsonl: one JSON object per line, missing values absent, null or empty', () => {
    const lines = fs.readFileSync(out('jsonl'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(ROWS);
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    records.forEach((r, i) => expect(flatValues(r)).toEqual(jsonView(r, expected[i]!)));
  });

  it('json: one array of objects, some with a nested address', () => {
    const records = JSON.parse(fs.readFileSync(out('json'), 'utf8')) as Record<string, unknown>[];
    expect(records).toHaveLength(ROWS);
    records.forEach((r, i) => expect(flatValues(r)).toEqual(jsonView(r, expected[i]!)));
    expect(records.filter((r) => typeof r.address === 'object').length).toBeGreaterThan(ROWS * 0.15);
  });

  it('parquet, read by DuckDB: balance DOUBLE, signup_date DATE, the rest text', async () => {
    const types = await rows(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet($f))`, { f: out('parquet') });
    expect(Object.fromEntries(types as [string, string][])).toEqual(
      Object.fromEntries(COLUMNS.map((c) => [c, c === 'balance' ? 'DOUBLE' : c === 'signup_date' ? 'DATE' : 'VARCHAR'])),
    );
    const got = await rows(`SELECT * EXCLUDE (balance, signup_date) FROM read_parquet($f)`, { f: out('parquet') });
    const text = (r: (string | null)[]) => r.filter((_, i) => i !== COL.balance && i !== COL.signup_date);
    expect(got).toEqual(expected.map(text));
    const typed = await rows(`SELECT balance, CAST(signup_date AS VARCHAR) FROM read_parquet($f)`, { f: out('parquet') });
    const want = [...planRows(SEED, ROWS)].map(({ record: rec }) => [rec.balance === null ? null : String(rec.balance), rec.signupIso]);
    expect(typed).toEqual(want);
  });

  it('xlsx, read by exceljs: one sheet, a header row, then every record', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out('xlsx'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['customers']);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(ROWS + 1);
    const cells = (n: number) => COLUMNS.map((_, c) => {
      const v = sheet.getRow(n).getCell(c + 1).value;
      return v === null || v === undefined ? null : v;
    });
    expect(cells(1)).toEqual([...COLUMNS]);
    for (let i = 0; i < ROWS; i++) {
      const want = expected[i]!.map((v, c) => (c === COL.balance && v !== null && /^-?(0|[1-9]\d*)(\.\d+)?$/.test(v) ? Number(v) : v));
      expect(cells(i + 2)).toEqual(want);
    }
  }, 60_000);
});

describe('refusals leave nothing behind', () => {
  it('more rows than an XLSX sheet holds: LIMIT_EXCEEDED naming the limit, no file', async () => {
    const file = path.join(dir, 'huge.xlsx');
    await expect(generate({ rows: 1_048_576, seed: '1', out: file })).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message: expect.stringContaining('1,048,575 data rows'),
    });
    expect(fs.readdirSync(dir).filter((f) => f.includes('huge'))).toEqual([]);
  });

  it.each([0, -1, 1.5])('--rows %s is refused', async (n) => {
    await expect(generate({ rows: n, seed: '1', out: path.join(dir, 'bad.csv') })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(fs.existsSync(path.join(dir, 'bad.csv'))).toBe(false);
  });

  it('an output folder that does not exist is a clear error naming it', async () => {
    const folder = path.join(dir, 'missing');
    await expect(generate({ rows: 10, seed: '1', out: path.join(folder, 'x.csv') })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining(`${folder}: the output folder does not exist`),
    });
  });
});

/** A JSON record back as the 14 tabular cells (absent, null and "" are all missing; nested address flattened). */
function flatValues(r: Record<string, unknown>): (string | null)[] {
  const address = (typeof r.address === 'object' && r.address !== null ? r.address : {}) as Record<string, unknown>;
  return COLUMNS.map((c) => {
    const v = c in r ? r[c] : address[c];
    if (v === undefined || v === null || v === '') return null;
    return String(v);
  });
}

/** The expected cells as JSON.parse sees them: a balance written as a JSON number loses trailing zeros. */
function jsonView(r: Record<string, unknown>, cells: (string | null)[]): (string | null)[] {
  return cells.map((v, c) => (c === COL.balance && typeof r.balance === 'number' && v !== null ? String(Number(v)) : v));
}

const PINNED_SEED_1 = 'ce95fc3a6ddb23ea2c858a7e721ae42402efa8ffed553fb0f42a21259e34709d';
