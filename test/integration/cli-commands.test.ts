// The real `sanitizer` binary on real files: import/export for every format read back with DuckDB
// and exceljs, hostile headers byte for byte, --force, --no-formula-escape, --json output, exit
// codes and stderr messages, temporary workspaces, deterministic XLSX across processes.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeFixture } from '../support/engine';
import { runCli, tempWorkspaces, type CliEnv } from './cli-support';

const HOSTILE_HEADER = 'id,"""; DROP TABLE x; --",😀,,dup,dup,Name,NAME,"a,b",semi;colon';
const HOSTILE = `${HOSTILE_HEADER}\n1,=1+1,x,e,d1,d2,n1,n2,"1,5",s;1\n2,-5,y,e,d1,d2,n1,n2,2,s;2\n`;

let env: CliEnv;
let ws: string;
let datasetId: string;
beforeAll(async () => {
  const root = tempDir('ds-cli-');
  env = { home: path.join(root, 'home'), tmp: path.join(root, 'tmp'), cwd: path.join(root, 'work') };
  for (const d of [env.home, env.tmp, env.cwd]) fs.mkdirSync(d, { recursive: true });
  ws = path.join(root, 'ws');
  writeFixture(env.cwd, 'hostile.csv', HOSTILE);
  const r = await runCli(['import', 'hostile.csv', '--workspace', ws, '--delimiter', ',', '--json'], env);
  expect(r.code, r.stderr).toBe(0);
  datasetId = (JSON.parse(r.stdout) as { datasetId: string }).datasetId;
});
afterAll(() => fs.rmSync(path.dirname(env.home), { recursive: true, force: true }));

const out = (name: string) => path.join(env.cwd, name);

describe('sanitizer import', () => {
  it('prints one JSON object with the dataset, columns with types, and warnings', async () => {
    writeFixture(env.cwd, 'typed.csv', 'n,when,word,n\n1,2024-01-02,x,5\n-2,2024-02-03,y,6\n');
    const r = await runCli(['import', 'typed.csv', '--workspace', ws, '--json', '--name', 'Typed data'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(j).toMatchObject({
      workspace: ws,
      file: path.join(env.cwd, 'typed.csv'),
      datasetId: expect.stringMatching(/^d[0-9]+$/),
      version: 1,
      rows: 2,
      columns: [
        { id: 'c1', header: 'n', type: 'integer', storageType: 'VARCHAR', nullCount: 0 },
        { id: 'c2', header: 'when', type: 'date' },
        { id: 'c3', header: 'word', type: 'text' },
        { id: 'c4', header: 'n', type: 'integer' },
      ],
      warnings: [{ code: 'DUPLICATE_HEADER' }],
      sourceSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('prints a readable summary without --json', async () => {
    const r = await runCli(['import', 'hostile.csv', '--workspace', ws, '--delimiter', ','], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Imported .*hostile\.csv as d[0-9]+ \(version 1\)/);
    expect(r.stdout).toContain('2 rows, 10 columns');
    expect(r.stdout).toMatch(/2\s+c2\s+"\\"; DROP TABLE x; --"\s+text/);
    expect(r.stdout).toContain('DUPLICATE_HEADER');
  });

  it.each([
    ['a ragged file', 'ragged.csv', 'a,b\n1,2\n3\n4,5,6\n', [], /sanitizer: .*ragged\.csv: 2 rows have a different number of fields than the header \(2\); the first is line 3/, /\n {2}line 3: 3\n {2}line 4: 4,5,6\n/],
    ['an empty file', 'empty.csv', '', [], /sanitizer: .*empty\.csv/, /^/],
    ['a missing file', 'missing.csv', null, [], /sanitizer: .*missing\.csv/, /^/],
    ['a bad --ragged value', 'ok.csv', 'a\n1\n', ['--ragged', 'maybe'], /sanitizer: option '--ragged <policy>' argument 'maybe' is invalid/, /^/],
  ])('exits 2 for %s, naming the file and reason on stderr', async (_name, file, content, extra, message, details) => {
    if (content !== null) writeFixture(env.cwd, file, content);
    const r = await runCli(['import', file, '--workspace', ws, ...extra], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(details);
  });

  it('prints the error as one JSON object under --json', async () => {
    const r = await runCli(['import', 'ragged.csv', '--workspace', ws, '--json'], env);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.stdout) as { error: { code: string; details: { line: number } }; exitCode: number };
    expect(j).toMatchObject({ error: { code: 'RAGGED_ROWS', details: { line: 3 } }, exitCode: 2 });
  });

  it('imports into the default workspace without --workspace', async () => {
    const r = await runCli(['import', 'hostile.csv', '--json', '--delimiter', ','], env);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { workspace: string }).workspace).toBe(path.join(env.home, 'workspace'));
    const list = await runCli(['datasets', '--json'], env);
    expect((JSON.parse(list.stdout) as { datasets: unknown[] }).datasets).toHaveLength(1);
  });
});

describe('sanitizer export', () => {
  it('writes CSV with the header line byte for byte', async () => {
    const r = await runCli(['export', datasetId, '--workspace', ws, '--out', 'hostile-out.csv', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(j).toMatchObject({ path: out('hostile-out.csv'), format: 'csv', rows: 2, datasetId, version: 1, workspace: ws, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const text = fs.readFileSync(out('hostile-out.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe(HOSTILE_HEADER);
    expect(text).toBe(HOSTILE.replace('=1+1', "'=1+1"));
  });

  it('keeps formula-like cells with --no-formula-escape', async () => {
    const r = await runCli(['export', datasetId, '--workspace', ws, '--out', 'raw.csv', '--no-formula-escape'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(out('raw.csv'), 'utf8')).toBe(HOSTILE);
  });

  it('refuses to overwrite without --force (exit 2, file untouched), overwrites with it', async () => {
    writeFixture(env.cwd, 'taken.csv', 'keep me');
    const refused = await runCli(['export', datasetId, '--workspace', ws, '--out', 'taken.csv'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^sanitizer: .*taken\.csv already exists; nothing was written/);
    expect(fs.readFileSync(out('taken.csv'), 'utf8')).toBe('keep me');
    const forced = await runCli(['export', datasetId, '--workspace', ws, '--out', 'taken.csv', '--force'], env);
    expect(forced.code, forced.stderr).toBe(0);
    expect(fs.readFileSync(out('taken.csv'), 'utf8').split('\n')[0]).toBe(HOSTILE_HEADER);
    expect(forced.stdout).toMatch(/^Exported d[0-9]+ version 1 to .*taken\.csv\ncsv, 2 rows, [0-9]+ B, sha256 [0-9a-f]{64}\n$/);
  });

  it('writes CSV with --delimiter, --quote, --encoding and --bom, and refuses what does not apply (exit 2)', async () => {
    const r = await runCli(['export', datasetId, '--workspace', ws, '--out', 'opts.csv', '--delimiter', 'tab', '--quote', 'all', '--encoding', 'utf-16le'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^csv \(utf-16le with BOM, delimiter "\\t", quote all\), 2 rows/m);
    const bytes = fs.readFileSync(out('opts.csv'));
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const lines = bytes.subarray(2).toString('utf16le').split('\n');
    expect(lines[0]).toBe(['id', '""; DROP TABLE x; --', '😀', '', 'dup', 'dup', 'Name', 'NAME', 'a,b', 'semi;colon'].map((h) => `"${h}"`).join('\t'));
    expect(lines[1]).toBe(['1', "'=1+1", 'x', 'e', 'd1', 'd2', 'n1', 'n2', '1,5', 's;1'].map((h) => `"${h}"`).join('\t'));
    const bad = await runCli(['export', datasetId, '--workspace', ws, '--out', 'never.csv', '--encoding', 'windows-1252', '--bom'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Windows-1252 has no byte-order mark');
    const emoji = await runCli(['export', datasetId, '--workspace', ws, '--out', 'never.csv', '--encoding', 'windows-1252'], env);
    expect(emoji.code).toBe(2);
    expect(emoji.stderr).toContain('the header of column 3 ("😀") holds "😀" (U+1F600), which Windows-1252 cannot encode');
    const delimiter = await runCli(['export', datasetId, '--workspace', ws, '--out', 'never.csv', '--delimiter', '§'], env);
    expect(delimiter.code).toBe(2);
    expect(delimiter.stderr).toContain('the delimiter must be one printable ASCII character');
    expect(fs.existsSync(out('never.csv'))).toBe(false);
  });

  it('writes Parquet that DuckDB reads back with every header', async () => {
    const r = await runCli(['export', datasetId, '--workspace', ws, '--out', 'out.parquet'], env);
    expect(r.code, r.stderr).toBe(0);
    const db = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
    const c = await db.connect();
    try {
      const names = (await c.runAndReadAll(`SELECT name FROM parquet_schema('${out('out.parquet')}') WHERE name <> 'duckdb_schema'`)).getRowObjects().map((x) => x.name);
      expect(names).toEqual(['id', '"; DROP TABLE x; --', '😀', '', 'dup', 'dup', 'Name', 'NAME', 'a,b', 'semi;colon']);
      const rows = (await c.runAndReadAll(`SELECT * FROM read_parquet('${out('out.parquet')}')`)).getRows();
      expect(rows).toEqual([
        ['1', '=1+1', 'x', 'e', 'd1', 'd2', 'n1', 'n2', '1,5', 's;1'],
        ['2', '-5', 'y', 'e', 'd1', 'd2', 'n1', 'n2', '2', 's;2'],
      ]);
    } finally {
      c.closeSync();
      db.closeSync();
    }
  });

  it('refuses JSONL for duplicate headers, and writes it for unique ones', async () => {
    const refused = await runCli(['export', datasetId, '--workspace', ws, '--out', 'dup.jsonl'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('column 5 ("dup") and column 6 ("dup") would both write the key "dup"');
    expect(fs.existsSync(out('dup.jsonl'))).toBe(false);
    writeFixture(env.cwd, 'unique.csv', 'Name,NAME,,x\n1,2,3,=4\n');
    const r = await runCli(['export', 'unique.csv', '--out', 'unique.jsonl'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(out('unique.jsonl'), 'utf8')).toBe('{"Name":"1","NAME":"2","":"3","x":"=4"}\n');
  });

  it('writes XLSX that exceljs reads back, with escaped formulas', async () => {
    const r = await runCli(['export', datasetId, '--workspace', ws, '--out', 'out.xlsx'], env);
    expect(r.code, r.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out('out.xlsx'));
    const sheet = book.worksheets[0]!;
    const row = (n: number) => Array.from({ length: 10 }, (_, i) => sheet.getRow(n).getCell(i + 1).value ?? null);
    expect(row(1)).toEqual(['id', '"; DROP TABLE x; --', '😀', null, 'dup', 'dup', 'Name', 'NAME', 'a,b', 'semi;colon']);
    expect(row(2)).toEqual(['1', "'=1+1", 'x', 'e', 'd1', 'd2', 'n1', 'n2', '1,5', 's;1']);
    expect(row(3)).toEqual(['2', '-5', 'y', 'e', 'd1', 'd2', 'n1', 'n2', '2', 's;2']);
  });

  it('gives byte-identical XLSX from separate processes in different time zones', async () => {
    const a = await runCli(['export', datasetId, '--workspace', ws, '--out', 'tz-a.xlsx', '--json'], { ...env, extra: { TZ: 'Asia/Tokyo' } });
    const b = await runCli(['export', datasetId, '--workspace', ws, '--out', 'tz-b.xlsx', '--json'], { ...env, extra: { TZ: 'America/Los_Angeles' } });
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(fs.readFileSync(out('tz-a.xlsx')).equals(fs.readFileSync(out('tz-b.xlsx')))).toBe(true);
    expect((JSON.parse(a.stdout) as { sha256: string }).sha256).toBe((JSON.parse(b.stdout) as { sha256: string }).sha256);
  });

  it('converts a file through a temporary workspace that is gone afterwards', async () => {
    const before = tempWorkspaces(env.tmp);
    const r = await runCli(['export', 'hostile.csv', '--out', 'converted.parquet', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { workspace: unknown; rows: number }).workspace).toBeNull();
    expect(tempWorkspaces(env.tmp)).toEqual(before);
    expect(fs.statSync(out('converted.parquet')).size).toBeGreaterThan(0);
  });

  it('removes the temporary workspace when the conversion fails too', async () => {
    writeFixture(env.cwd, 'ragged-convert.csv', 'a,b\n1,2\n3\n');
    const before = tempWorkspaces(env.tmp);
    const r = await runCli(['export', 'ragged-convert.csv', '--out', 'never.parquet'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ragged-convert.csv: 1 row has a different number of fields');
    expect(tempWorkspaces(env.tmp)).toEqual(before);
    expect(fs.existsSync(out('never.parquet'))).toBe(false);
  });

  it.each([
    ['an unknown dataset', ['export', 'd999', '--workspace', 'WS', '--out', 'x.csv'], 'There is no dataset d999'],
    ['an unknown version', ['export', 'DS', '--workspace', 'WS', '--out', 'x.csv', '--version', '7'], 'has no version 7'],
    ['a bad version', ['export', 'DS', '--workspace', 'WS', '--out', 'x.csv', '--version', 'two'], '--version must be a whole number'],
    ['a missing --out', ['export', 'DS', '--workspace', 'WS'], "required option '--out <file>' not specified"],
    ['a missing folder', ['export', 'DS', '--workspace', 'WS', '--out', 'nowhere/x.csv'], 'does not exist; create it first'],
    ['an unknown format', ['export', 'DS', '--workspace', 'WS', '--out', 'x.txt'], 'cannot tell the format from the name (.txt)'],
    ['a workspace that does not exist', ['datasets', '--workspace', 'no-such-ws'], 'There is no workspace at'],
  ])('exits 2 for %s', async (_name, args, message) => {
    const r = await runCli(args.map((a) => (a === 'WS' ? ws : a === 'DS' ? datasetId : a)), env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.startsWith('sanitizer: ')).toBe(true);
  });
});

describe('sanitizer datasets and log', () => {
  it('lists datasets as JSON', async () => {
    const r = await runCli(['datasets', '--workspace', ws, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { workspace: string; datasets: { id: string; versions: { rowCount: number }[] }[] };
    expect(j.workspace).toBe(ws);
    expect(j.datasets.find((d) => d.id === datasetId)?.versions[0]?.rowCount).toBe(2);
  });

  it('shows the event log, newest first, limited', async () => {
    const r = await runCli(['log', '--workspace', ws, '--json', '--limit', '3'], env);
    expect(r.code, r.stderr).toBe(0);
    const { entries } = JSON.parse(r.stdout) as { entries: { seq: number; action: string; details: Record<string, unknown> }[] };
    expect(entries).toHaveLength(3);
    expect(entries[0]!.seq).toBeGreaterThan(entries[1]!.seq);
    expect(entries[0]!.details.process).toBe('sanitizer log');
    const human = await runCli(['log', '--workspace', ws, '--limit', '50'], env);
    expect(human.stdout).toMatch(/dataset\.exported\s+dataset=d[0-9]+ version=1/);
  });
});
