// The dispatcher every transport's server side uses: unknown methods and bad arguments never
// reach a handler, errors name the offending field, and thrown errors become error Results.
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../src/shared/api/client';
import { contract, EVENT_NAMES, isMethodName, METHOD_NAMES, type MethodName } from '../../src/shared/api/contract';
import { AppError, ERROR_CODES, isErrorInfo, toErrorInfo, unwrap } from '../../src/shared/api/result';

/** Handlers that record what they were called with, and answer per method as the test says. */
function recording(answer: (name: MethodName, args: unknown) => unknown = () => ({ fine: true })) {
  const calls: [MethodName, unknown][] = [];
  const handlers = Object.fromEntries(
    METHOD_NAMES.map((name) => [
      name,
      async (args: unknown) => {
        calls.push([name, args]);
        return answer(name, args);
      },
    ]),
  ) as unknown as Handlers;
  return { calls, dispatch: createDispatcher(handlers) };
}

describe('the contract', () => {
  it('has a method map whose keys are domain.verb names', () => {
    for (const name of METHOD_NAMES) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });
  it.each([
    ['app.info', true],
    ['toString', false],
    ['__proto__', false],
    ['constructor', false],
    [42, false],
    [null, false],
  ])('isMethodName(%j) → %s', (name, expected) => {
    expect(isMethodName(name)).toBe(expected);
  });
  it('lists every event once', () => {
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
  });
});

describe('dispatch: validation cannot be skipped', () => {
  it.each([
    ['dataset.explode', /unknown method "dataset.explode"/],
    ['toString', /unknown method "toString"/],
    ['__proto__', /unknown method "__proto__"/],
    [undefined, /unknown method undefined/],
    [{ name: 'app.info' }, /unknown method/],
  ])('refuses the unknown method %j', async (name, message) => {
    const { calls, dispatch } = recording();
    const r = await dispatch(name, {});
    expect(r).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(message) } });
    expect(calls).toEqual([]);
  });

  it.each([
    ['dataset.get', { datasetId: 'x1' }, 'dataset.get: datasetId: a dataset id looks like d12'],
    ['dataset.get', { datasetId: 'd1', version: 0 }, 'dataset.get: version:'],
    ['dataset.get', { datasetId: 'd1', version: 1.5 }, 'dataset.get: version:'],
    ['grid.window', { datasetId: 'd1', version: 1, offset: 0, limit: 5000 }, 'grid.window: limit:'],
    ['grid.window', { datasetId: 'd1', version: 1, offset: 0, limit: 10, columnIds: ['c1', 'name'] }, 'grid.window: columnIds.1: a column id looks like c3'],
    ['grid.openView', { datasetId: 'd1', version: 1, spec: { sort: [{ columnId: 'c1', direction: 'up' }] } }, 'grid.openView: spec.sort.0.direction:'],
    ['import.start', { path: '' }, 'import.start: path: a path is required'],
    ['import.start', { path: '/a.csv', options: { delimiter: ';;' } }, 'import.start: options.delimiter: the delimiter must be exactly one character'],
    ['import.start', { path: '/a.csv', options: { encoding: 'ebcdic' } }, 'import.start: options.encoding:'],
    ['job.list', { extra: 1 }, 'job.list: Unrecognized key: "extra"'],
    ['job.get', {}, 'job.get: jobId:'],
    ['job.get', null, 'job.get: jobId:'],
    ['job.get', 'j1', 'job.get:'],
    ['job.get', [], 'job.get:'],
    ['workspace.open', { path: '/ws', create: 'yes' }, 'workspace.open: create:'],
  ])('%s %j → INVALID_ARGUMENT naming the field', async (name, args, message) => {
    const { calls, dispatch } = recording();
    const r = await dispatch(name, args);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_ARGUMENT');
      expect(r.error.message.startsWith(message)).toBe(true);
    }
    expect(calls).toEqual([]);
  });

  it('hands the handler validated arguments with defaults filled in', async () => {
    const { calls, dispatch } = recording();
    await dispatch('import.start', { path: '/data/a.csv' });
    await dispatch('log.list', undefined);
    await dispatch('export.start', { datasetId: 'd2', path: '/out/x.csv' });
    expect(calls).toEqual([
      ['import.start', { path: '/data/a.csv', options: {} }],
      ['log.list', { limit: 100 }],
      ['export.start', { datasetId: 'd2', path: '/out/x.csv', force: false, formulaEscape: true }],
    ]);
  });

  it('passes a handler\'s value through as an ok Result', async () => {
    const { dispatch } = recording(() => ({ jobId: 'j7' }));
    expect(await dispatch('import.start', { path: '/a.csv' })).toEqual({ ok: true, value: { jobId: 'j7' } });
  });
});

describe('dispatch: thrown errors become error Results', () => {
  it.each([
    [new AppError('NOT_FOUND', 'no dataset d9', { datasetId: 'd9' }), { code: 'NOT_FOUND', message: 'no dataset d9', details: { datasetId: 'd9' } }],
    [new AppError('BAD_FILE', '/a.csv line 3: unterminated quote', { file: '/a.csv', line: 3 }), { code: 'BAD_FILE', message: '/a.csv line 3: unterminated quote', details: { file: '/a.csv', line: 3 } }],
    [new AppError('BUSY', 'jobs run'), { code: 'BUSY', message: 'jobs run' }],
    [new TypeError('Cannot read properties of undefined'), { code: 'INTERNAL', message: 'Cannot read properties of undefined' }],
    ['a bare string', { code: 'INTERNAL', message: 'a bare string' }],
    [{ code: 'RAGGED_ROWS', message: '2 rows have 4 fields' }, { code: 'RAGGED_ROWS', message: '2 rows have 4 fields' }],
    [{ code: 'NOT_A_CODE', message: 'x' }, { code: 'INTERNAL', message: expect.any(String) }],
  ])('%s', async (thrown, error) => {
    const { dispatch } = recording(() => {
      throw thrown;
    });
    expect(await dispatch('dataset.list', {})).toEqual({ ok: false, error });
  });
});

describe('result helpers', () => {
  it('unwrap returns the value, or throws the error as an AppError', () => {
    expect(unwrap({ ok: true, value: 3 })).toBe(3);
    expect(() => unwrap({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } })).toThrow(
      expect.objectContaining({ name: 'AppError', code: 'NOT_FOUND', message: 'gone' }),
    );
  });
  it.each(ERROR_CODES.map((c) => [c]))('%s round-trips through toErrorInfo', (code) => {
    const info = toErrorInfo(new AppError(code, 'm'));
    expect(isErrorInfo(info)).toBe(true);
    expect(info.code).toBe(code);
  });
  it('every method has an input schema', () => {
    for (const name of METHOD_NAMES) expect(typeof contract[name].input.safeParse).toBe('function');
  });
});
