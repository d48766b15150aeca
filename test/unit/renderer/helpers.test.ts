// The renderer's pure helpers: breadcrumbs, type-to-find, importable files, export paths, job
// titles, error facts and display formatting.
import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../src/shared/api/result';
import type { FsEntry } from '../../../src/shared/api/types';
import { breadcrumbs } from '../../../src/renderer/lib/breadcrumbs';
import { badLines, errorFacts } from '../../../src/renderer/lib/errors';
import { findByPrefix, isImportable, visibleEntries } from '../../../src/renderer/lib/file-types';
import { baseName, formatBytes, formatDuration, joinPath, stem } from '../../../src/renderer/lib/format';
import { defaultExportPath, withExtension } from '../../../src/renderer/features/export/destination';
import { csvRequest, DEFAULT_CSV_FORM, type CsvForm } from '../../../src/renderer/features/export/csv-options';
import { jobTitle } from '../../../src/renderer/features/jobs/title';
import { nextSort } from '../../../src/renderer/features/grid/store';

describe('breadcrumbs', () => {
  const roots = [
    { label: 'Home', path: '/home/ada' },
    { label: 'data', path: '/srv/data' },
  ];
  it.each([
    ['/home/ada', [['Home', '/home/ada']]],
    ['/home/ada/work/2024', [['Home', '/home/ada'], ['work', '/home/ada/work'], ['2024', '/home/ada/work/2024']]],
    ['/srv/data/x', [['data', '/srv/data'], ['x', '/srv/data/x']]],
    ['/opt/other', [['/', '/'], ['opt', '/opt'], ['other', '/opt/other']]],
    ['C:\\Users\\ada', [['C:', 'C:\\'], ['Users', 'C:\\Users'], ['ada', 'C:\\Users\\ada']]],
  ])('%s', (path, want) => {
    expect(breadcrumbs(path, roots).map((c) => [c.label, c.path])).toEqual(want);
  });
  it('does not take a sibling with a common prefix for a root', () => {
    expect(breadcrumbs('/home/adam/x', roots)[0]).toEqual({ label: '/', path: '/' });
  });
});

describe('type-to-find', () => {
  const names = ['alpha.csv', 'Beta.csv', 'bravo.json', 'charlie.xlsx', 'beta2.csv'];
  it.each([
    ['b', 0, 1],
    ['b', 1, 1],
    ['bb', 1, 2],
    ['bbb', 2, 4],
    ['bb', 4, 1],
    ['br', 0, 2],
    ['CH', 0, 3],
    ['a', -1, 0],
    ['zz', 0, -1],
    ['', 0, -1],
  ])('prefix %j from %i finds %i', (prefix, from, want) => {
    expect(findByPrefix(names, prefix, from)).toBe(want);
  });
});

describe('file filters', () => {
  const e = (name: string, kind: 'file' | 'dir' = 'file'): FsEntry => ({ name, path: `/x/${name}`, kind, size: 1, modifiedAt: null });
  const entries = [e('sub', 'dir'), e('a.CSV'), e('b.parquet'), e('c.pdf'), e('d.jsonl'), e('e.xlsx')];
  it.each([
    ['file', false, ['sub', 'a.CSV', 'b.parquet', 'd.jsonl', 'e.xlsx']],
    ['file', true, ['sub', 'a.CSV', 'b.parquet', 'c.pdf', 'd.jsonl', 'e.xlsx']],
    ['folder', true, ['sub']],
  ] as const)('%s mode, show all %s', (mode, all, want) => {
    expect(visibleEntries(entries, mode, all).map((x) => x.name)).toEqual(want);
  });
  it.each([
    ['x.tsv', true],
    ['x.ndjson', true],
    ['x.txt', true],
    ['x.xls', false],
    ['csv', false],
  ])('%s importable: %s', (name, want) => {
    expect(isImportable(name)).toBe(want);
  });
});

describe('export destinations', () => {
  it.each([
    ['/ws', 'people.csv', 'csv', '/ws/exports/people.csv'],
    ['/ws', 'data.v2.xlsx', 'parquet', '/ws/exports/data.v2.parquet'],
    ['C:\\ws', 'a:b.csv', 'jsonl', 'C:\\ws\\exports\\a_b.jsonl'],
  ] as const)('%s + %s as %s', (ws, name, format, want) => {
    expect(defaultExportPath(ws, name, format)).toBe(want);
  });
  it.each([
    ['/o/a.csv', 'xlsx', '/o/a.xlsx'],
    ['/o/a.CSV', 'jsonl', '/o/a.jsonl'],
    ['/o/a.txt', 'csv', '/o/a.txt.csv'],
    ['', 'csv', ''],
    ['/o/a.jsonl', 'json', '/o/a.json'],
    ['/o/a.json', 'jsonl', '/o/a.jsonl'],
    ['/o/a.json', 'csv', '/o/a.csv'],
  ] as const)('%s → %s', (p, f, want) => {
    expect(withExtension(p, f)).toBe(want);
  });
});

describe('CSV options in the export dialog', () => {
  const form = (patch: Partial<CsvForm>): CsvForm => ({ ...DEFAULT_CSV_FORM, ...patch });
  it.each<[string, Partial<CsvForm>, ReturnType<typeof csvRequest>]>([
    ['the defaults', {}, { ok: true, value: { delimiter: ',', quote: 'minimal', encoding: 'utf-8', bom: false } }],
    ['UTF-16LE takes a BOM by default', { encoding: 'utf-16le' }, { ok: true, value: { delimiter: ',', quote: 'minimal', encoding: 'utf-16le', bom: true } }],
    ['a BOM turned off stays off', { encoding: 'utf-16le', bom: false }, { ok: true, value: { delimiter: ',', quote: 'minimal', encoding: 'utf-16le', bom: false } }],
    ['Windows-1252 never has one', { encoding: 'windows-1252', bom: true }, { ok: true, value: { delimiter: ',', quote: 'minimal', encoding: 'windows-1252', bom: false } }],
    ['tab, quote all', { delimiter: 'tab', quote: 'all' }, { ok: true, value: { delimiter: '\t', quote: 'all', encoding: 'utf-8', bom: false } }],
    ['another character', { delimiter: 'other', other: '#' }, { ok: true, value: { delimiter: '#', quote: 'minimal', encoding: 'utf-8', bom: false } }],
    ['no other character yet', { delimiter: 'other', other: '' }, { ok: false, problem: expect.stringContaining('one character') as unknown as string }],
    ['a quote as the delimiter', { delimiter: 'other', other: '"' }, { ok: false, problem: expect.stringContaining('not a double quote') as unknown as string }],
    ['a non-ASCII delimiter', { delimiter: 'other', other: '§' }, { ok: false, problem: expect.stringContaining('one character') as unknown as string }],
  ])('%s', (_name, patch, want) => {
    expect(csvRequest(form(patch))).toEqual(want);
  });
});

describe('job titles', () => {
  const ds = [
    { id: 'd1', name: 'people.csv' },
    { id: 'd12', name: 'big.parquet' },
  ];
  it.each([
    ['view', 'Sort d1 v1', 'Sort people.csv (v1)'],
    ['view', 'Filter d12 v3', 'Filter big.parquet (v3)'],
    ['export', 'Export d1 to out.csv', 'Export people.csv to out.csv'],
    ['export', 'Export d1 to d1.csv', 'Export people.csv to d1.csv'],
    ['view', 'Sort d9 v1', 'Sort d9 v1'],
    ['import', 'Import d1', 'Import d1'],
    ['import', 'Import d1.csv', 'Import d1.csv'],
  ] as const)('%s: %s', (kind, label, want) => {
    expect(jobTitle(label, kind, ds)).toBe(want);
  });
});

describe('errors', () => {
  const ragged: ErrorInfo = {
    code: 'RAGGED_ROWS',
    message: 'x',
    details: { file: '/f.csv', line: 3, count: 1200, expectedFields: 3, firstLines: [{ line: 3, text: '4,5' }, { bad: true }], note: 'n' },
  };
  it('lists location facts in a fixed order, then other simple details', () => {
    expect(errorFacts(ragged)).toEqual([
      { label: 'File', value: '/f.csv', mono: true },
      { label: 'Line', value: '3' },
      { label: 'Rows affected', value: '1,200' },
      { label: 'Fields expected', value: '3' },
      { label: 'Note', value: 'n' },
    ]);
  });
  it('reads the offending lines, skipping malformed entries', () => {
    expect(badLines(ragged)).toEqual([{ line: 3, text: '4,5' }]);
    expect(badLines({ code: 'BAD_FILE', message: 'x' })).toEqual([]);
  });
});

describe('sorting cycle', () => {
  it.each([
    [null, 'c1', { columnId: 'c1', direction: 'asc' }],
    [{ columnId: 'c1', direction: 'asc' }, 'c1', { columnId: 'c1', direction: 'desc' }],
    [{ columnId: 'c1', direction: 'desc' }, 'c1', null],
    [{ columnId: 'c1', direction: 'desc' }, 'c2', { columnId: 'c2', direction: 'asc' }],
  ] as const)('%j + click %s → %j', (current, col, want) => {
    expect(nextSort(current, col)).toEqual(want);
  });
});

describe('formatting', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KB'],
    [77_309_411, '73.7 MB'],
    [5 * 1024 ** 4, '5.0 TB'],
  ])('%i bytes', (n, want) => expect(formatBytes(n)).toBe(want));
  it.each([
    [4.4, '4 s'],
    [125, '2 min 5 s'],
    [3600, '1 h'],
    [3780, '1 h 3 min'],
  ])('%d seconds', (n, want) => expect(formatDuration(n)).toBe(want));
  it.each([
    ['/a/b/c.csv', 'c.csv', 'c'],
    ['C:\\x\\y.tar.gz', 'y.tar.gz', 'y.tar'],
    ['.hidden', '.hidden', '.hidden'],
  ])('%s', (p, base, s) => {
    expect(baseName(p)).toBe(base);
    expect(stem(base)).toBe(s);
  });
  it('joins with the separator the folder uses', () => {
    expect(joinPath('/a/', 'b')).toBe('/a/b');
    expect(joinPath('D:\\w', 'b')).toBe('D:\\w\\b');
  });
});
