// Grid windows and views: position-keyed windows, typed sorts, filters, and their errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewSpec } from '../../src/shared/api/types';
import { MAX_CELL_CHARS } from '../../src/main/engine/grid/grid';
import { startTestEngine, tempDir, writeFixture, type TestEngine } from '../support/engine';

const CSV = [
  'name,amount,joined,code',
  'beta,10,2021-03-01,007',
  'Alpha,9,2020-01-15,010',
  'gamma,,2022-12-31,003',
  'alpha,100,2019-07-04,001',
  'Delta,-5,,002',
  `epsilon,7.5,2020-01-15,${'x'.repeat(MAX_CELL_CHARS + 10)}`,
].join('\n');

describe('grid windows and views', () => {
  let t: TestEngine;
  let datasetId: string;
  const col = (header: string) => ({ name: 'c1', amount: 'c2', joined: 'c3', code: 'c4' })[header]!;

  beforeAll(async () => {
    t = await startTestEngine();
    const file = writeFixture(tempDir(), 'grid.csv', CSV);
    datasetId = (await t.importFile(file)).datasetId;
  });
  afterAll(() => t.close());

  it.each([
    { offset: 0, limit: 2, rowIds: [1, 2] },
    { offset: 4, limit: 10, rowIds: [5, 6] },
    { offset: 6, limit: 5, rowIds: [] },
  ])('window at $offset×$limit returns row ids $rowIds', async ({ offset, limit, rowIds }) => {
    const w = await t.call('grid.window', { datasetId, version: 1, offset, limit });
    expect(w.total).toBe(6);
    expect(w.rowIds).toEqual(rowIds);
  });

  it('returns only the requested columns, in the requested order', async () => {
    const w = await t.call('grid.window', { datasetId, version: 1, offset: 0, limit: 1, columnIds: ['c3', 'c1'] });
    expect(w.columnIds).toEqual(['c3', 'c1']);
    expect(w.rows[0]).toEqual(['2021-03-01', 'beta']);
  });

  it('elides very long cells for display', async () => {
    const w = await t.call('grid.window', { datasetId, version: 1, offset: 5, limit: 1, columnIds: ['c4'] });
    expect(w.rows[0]![0]!.length).toBe(MAX_CELL_CHARS + 1);
    expect(w.rows[0]![0]!.endsWith('…')).toBe(true);
  });

  const cases: { label: string; spec: ViewSpec; rowIds: number[] }[] = [
    { label: 'numeric text sorts as numbers, nulls last', spec: { sort: [{ columnId: col('amount'), direction: 'asc' }] }, rowIds: [5, 6, 2, 1, 4, 3] },
    { label: 'numeric descending, nulls still last', spec: { sort: [{ columnId: col('amount'), direction: 'desc' }] }, rowIds: [4, 1, 2, 6, 5, 3] },
    { label: 'text sorts case-insensitively, ties by case then row', spec: { sort: [{ columnId: col('name'), direction: 'asc' }] }, rowIds: [2, 4, 1, 5, 6, 3] },
    { label: 'dates sort as dates; equal dates keep row order', spec: { sort: [{ columnId: col('joined'), direction: 'asc' }] }, rowIds: [4, 2, 6, 1, 3, 5] },
    { label: 'leading-zero codes stay text', spec: { sort: [{ columnId: col('code'), direction: 'asc' }] }, rowIds: [4, 5, 3, 1, 2, 6] },
    { label: 'filter is a case-insensitive substring over all columns', spec: { filter: { text: 'ALPHA' } }, rowIds: [2, 4] },
    { label: 'filter restricted to columns', spec: { filter: { text: '2020', columnIds: [col('joined')] } }, rowIds: [2, 6] },
    { label: 'filter and sort together', spec: { filter: { text: 'a' }, sort: [{ columnId: col('amount'), direction: 'desc' }] }, rowIds: [4, 1, 2, 5, 3] },
    { label: 'a filter that matches nothing', spec: { filter: { text: 'zzz-no-match' } }, rowIds: [] },
  ];
  it.each(cases)('view: $label', async ({ spec, rowIds }) => {
    const job = await t.runJob('grid.openView', { datasetId, version: 1, spec });
    expect(job.state).toBe('succeeded');
    const { viewId, total } = job.result as { viewId: string; total: number };
    expect(total).toBe(rowIds.length);
    const w = await t.call('grid.window', { datasetId, version: 1, viewId, offset: 0, limit: 100 });
    expect(w.rowIds).toEqual(rowIds);
    expect(w.total).toBe(rowIds.length);
    expect(await t.call('grid.closeView', { viewId })).toEqual({ closed: true });
  });

  it('a closed view is refused with a clear error', async () => {
    const job = await t.runJob('grid.openView', { datasetId, version: 1, spec: { filter: { text: 'a' } } });
    const { viewId } = job.result as { viewId: string };
    await t.call('grid.closeView', { viewId });
    const err = await t.fail('grid.window', { datasetId, version: 1, viewId, offset: 0, limit: 10 });
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain(viewId);
  });

  it.each([
    { args: { datasetId: 'd999', version: 1, offset: 0, limit: 1 }, code: 'NOT_FOUND', text: 'd999' },
    { args: { datasetId: 'd1', version: 7, offset: 0, limit: 1 }, code: 'NOT_FOUND', text: 'version 7' },
    { args: { datasetId: 'd1', version: 1, offset: -1, limit: 1 }, code: 'INVALID_ARGUMENT', text: 'offset' },
    { args: { datasetId: 'd1', version: 1, offset: 0, limit: 5000 }, code: 'INVALID_ARGUMENT', text: 'limit' },
    { args: { datasetId: 'd1', version: 1, offset: 0, limit: 1, columnIds: ['c99'] }, code: 'NOT_FOUND', text: 'c99' },
  ])('bad window request → $code naming $text', async ({ args, code, text }) => {
    const err = await t.fail('grid.window', args);
    expect(err.code).toBe(code);
    expect(err.message).toContain(text);
  });

  it('a sort on an unknown column fails the job with a clear error', async () => {
    const job = await t.runJob('grid.openView', { datasetId, version: 1, spec: { sort: [{ columnId: 'c42', direction: 'asc' }] } });
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('NOT_FOUND');
    expect(job.error?.message).toContain('c42');
  });
});
