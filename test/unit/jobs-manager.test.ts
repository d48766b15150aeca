// The job manager: final states, progress throttling (with a trailing update), rows/s and ETA,
// cancel hooks, wait, listener failures and pruning. Time is faked, never measured.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMIT_EVERY_MS, HOLD_ENV, JobManager, type JobContext } from '../../src/main/engine/jobs/jobs';
import { AppError } from '../../src/shared/api/result';
import type { JobInfo } from '../../src/shared/api/types';

let events: JobInfo[];
let jobs: JobManager;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
  events = [];
  jobs = new JobManager((i) => events.push(i));
});
afterEach(() => {
  vi.useRealTimers();
});

/** A job whose work waits until the test lets it go. */
function controlled() {
  let ctx: JobContext | null = null;
  let release: (v: unknown) => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;
  const info = jobs.start('import', 'Import a.csv', (c) => {
    ctx = c;
    return new Promise((res, rej) => ((release = res), (fail = rej)));
  });
  const context = async (): Promise<JobContext> => {
    await vi.advanceTimersByTimeAsync(0);
    if (!ctx) throw new Error('the work did not start');
    return ctx;
  };
  return { id: info.id, context, release: (v: unknown) => release(v), fail: (e: unknown) => fail(e) };
}

const ofJob = (id: string) => events.filter((e) => e.id === id);

describe('final states', () => {
  it.each([
    ['returns', false, 'succeeded', null, (j: ReturnType<typeof controlled>) => j.release({ rows: 3 })],
    ['throws an AppError', false, 'failed', 'BAD_FILE', (j: ReturnType<typeof controlled>) => j.fail(new AppError('BAD_FILE', 'a.csv line 3: bad quote'))],
    ['throws anything else', false, 'failed', 'INTERNAL', (j: ReturnType<typeof controlled>) => j.fail(new TypeError('boom'))],
    ['throws CANCELLED by itself', false, 'cancelled', 'CANCELLED', (j: ReturnType<typeof controlled>) => j.fail(new AppError('CANCELLED', 'x'))],
    ['is cancelled and throws', true, 'cancelled', 'CANCELLED', (j: ReturnType<typeof controlled>) => j.fail(new Error('INTERRUPT Error: Interrupted!'))],
    ['is cancelled too late and returns', true, 'succeeded', null, (j: ReturnType<typeof controlled>) => j.release({ rows: 3 })],
  ] as const)('work that %s (cancel requested: %s) ends %s, error %s', async (_name, cancel, state, code, end) => {
    const j = controlled();
    await j.context();
    if (cancel) expect(jobs.cancel(j.id)).toBe(true);
    end(j);
    const info = await jobs.wait(j.id);
    expect(info.state).toBe(state);
    expect(info.error?.code ?? null).toBe(code);
    expect(info.finishedAt).not.toBeNull();
    expect(info.result).toEqual(state === 'succeeded' ? { rows: 3 } : null);
    expect(ofJob(j.id).at(-1)).toEqual(info);
    expect(jobs.get(j.id)).toEqual(info);
  });

  it('reports a failed job\'s message as given', async () => {
    const j = controlled();
    await j.context();
    j.fail(new AppError('BAD_FILE', 'a.csv line 3: bad quote', { file: 'a.csv', line: 3 }));
    expect((await jobs.wait(j.id)).error).toEqual({ code: 'BAD_FILE', message: 'a.csv line 3: bad quote', details: { file: 'a.csv', line: 3 } });
  });

  it('gives the id before the work runs, and announces the job as running', async () => {
    let ran = false;
    const info = jobs.start('export', 'Export', async () => {
      ran = true;
    });
    expect(ran).toBe(false);
    expect(info).toMatchObject({ id: 'j1', state: 'running', kind: 'export', label: 'Export' });
    expect(events[0]).toMatchObject({ id: 'j1', state: 'running' });
    await jobs.wait(info.id);
    expect(ran).toBe(true);
  });

  it('a succeeded job shows all of its total done and no ETA left', async () => {
    const j = controlled();
    (await j.context()).progress({ done: 10, total: 100, unit: 'bytes' });
    j.release(null);
    expect(await jobs.wait(j.id)).toMatchObject({ done: 100, total: 100, etaSeconds: 0 });
  });
});

describe('progress', () => {
  it('throttles updates and sends the last one held back once the interval has passed', async () => {
    const j = controlled();
    const ctx = await j.context();
    const before = ofJob(j.id).length;
    for (let done = 1; done <= 10; done++) ctx.progress({ done, total: 100 });
    expect(ofJob(j.id).slice(before).map((e) => e.done)).toEqual([1]);
    await vi.advanceTimersByTimeAsync(EMIT_EVERY_MS);
    expect(ofJob(j.id).slice(before).map((e) => e.done)).toEqual([1, 10]);
    await vi.advanceTimersByTimeAsync(10 * EMIT_EVERY_MS);
    expect(ofJob(j.id).slice(before)).toHaveLength(2);
  });

  it('always shows a new stage at once', async () => {
    const j = controlled();
    const ctx = await j.context();
    ctx.progress({ stage: 'reading', done: 1 });
    ctx.progress({ stage: 'analysing columns' });
    ctx.progress({ stage: 'saving' });
    expect(ofJob(j.id).map((e) => e.stage)).toEqual(['starting', 'reading', 'analysing columns', 'saving']);
  });

  it('sends no held-back update after the job has ended', async () => {
    const j = controlled();
    const ctx = await j.context();
    ctx.progress({ done: 1, total: 10 });
    ctx.progress({ done: 2 });
    j.release(null);
    await jobs.wait(j.id);
    const n = ofJob(j.id).length;
    await vi.advanceTimersByTimeAsync(10 * EMIT_EVERY_MS);
    expect(ofJob(j.id)).toHaveLength(n);
    expect(ofJob(j.id).at(-1)?.state).toBe('succeeded');
  });

  it.each([
    [2000, 50, 100, 1000, 500, 2],
    [4000, 25, 100, 2000, 500, 12],
    [1000, 0, 100, 0, 0, null],
  ])('after %s ms with %s/%s done and %s rows: %s rows/s, ETA %s s', async (ms, done, total, rows, rps, eta) => {
    const j = controlled();
    const ctx = await j.context();
    await vi.advanceTimersByTimeAsync(ms);
    ctx.progress({ stage: 'loading', done, total, rows });
    expect(jobs.get(j.id)).toMatchObject({ rowsPerSecond: rps, etaSeconds: eta });
  });
});

describe('cancel', () => {
  it('runs each hook once, even if one throws, and not the ones taken back', async () => {
    const j = controlled();
    const ctx = await j.context();
    const calls: string[] = [];
    ctx.onCancel(() => calls.push('interrupt'));
    ctx.onCancel(() => {
      throw new Error('hook failed');
    });
    const off = ctx.onCancel(() => calls.push('removed'));
    ctx.onCancel(() => calls.push('after the failing one'));
    off();
    expect(jobs.cancel(j.id)).toBe(true);
    expect(jobs.cancel(j.id)).toBe(true);
    expect(calls).toEqual(['interrupt', 'after the failing one']);
    expect(ctx.signal.aborted).toBe(true);
    expect(() => ctx.throwIfCancelled()).toThrow(/cancelled/);
    j.fail(new AppError('CANCELLED', 'x'));
    expect((await jobs.wait(j.id)).state).toBe('cancelled');
  });

  it('shows "cancelling" at once, and keeps it while the work winds down', async () => {
    const j = controlled();
    const ctx = await j.context();
    jobs.cancel(j.id);
    expect(ofJob(j.id).at(-1)?.stage).toBe('cancelling');
    ctx.progress({ stage: 'saving', done: 5 });
    expect(jobs.get(j.id).stage).toBe('cancelling');
  });

  it('cannot cancel a finished job; an unknown job is NOT_FOUND', async () => {
    const info = jobs.start('view', 'Sort', async () => 1);
    await jobs.wait(info.id);
    expect(jobs.cancel(info.id)).toBe(false);
    expect(() => jobs.cancel('j999')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('wait, listeners, pruning', () => {
  it('wait resolves after the end too, and rejects NOT_FOUND for an unknown id', async () => {
    const info = jobs.start('view', 'Sort', async () => 1);
    await jobs.wait(info.id);
    expect((await jobs.wait(info.id)).state).toBe('succeeded');
    await expect(jobs.wait('j404')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a listener that throws never stalls a job', async () => {
    const noisy = new JobManager(() => {
      throw new Error('the window is gone');
    });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const info = noisy.start('import', 'Import', async (ctx) => {
      ctx.progress({ stage: 'reading' });
      return 'ok';
    });
    expect(await noisy.wait(info.id)).toMatchObject({ state: 'succeeded', result: 'ok' });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('keeps the 50 most recent finished jobs and every running one', async () => {
    const running = controlled();
    const ids: string[] = [];
    for (let n = 0; n < 60; n++) ids.push(jobs.start('view', `v${n}`, async () => n).id);
    await Promise.all(ids.map((id) => jobs.wait(id)));
    expect(jobs.list()).toHaveLength(51);
    expect(() => jobs.get(ids[0] ?? '')).toThrow(/no job/);
    expect(jobs.get(ids[59] ?? '').state).toBe('succeeded');
    expect(jobs.running().map((j) => j.id)).toEqual([running.id]);
  });
});

describe('the test hold (HOLD_ENV)', () => {
  afterEach(() => {
    delete process.env[HOLD_ENV];
  });

  it.each([
    { hold: 'profile,import', kind: 'import' as const, held: true },
    { hold: ' import ', kind: 'import' as const, held: true },
    { hold: 'profile', kind: 'import' as const, held: false },
    { hold: '', kind: 'import' as const, held: false },
  ])('holds the work of listed kinds only ($hold, $kind)', async ({ hold, kind, held }) => {
    process.env[HOLD_ENV] = hold;
    let ran = false;
    const info = jobs.start(kind, 'Work', () => {
      ran = true;
      return Promise.resolve(1);
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ran).toBe(!held);
    expect(jobs.get(info.id).state).toBe(held ? 'running' : 'succeeded');
  });

  it('a held job cancelled ends cancelled without running its work', async () => {
    process.env[HOLD_ENV] = 'import';
    let ran = false;
    const info = jobs.start('import', 'Import a.csv', () => {
      ran = true;
      return Promise.resolve(1);
    });
    await vi.advanceTimersByTimeAsync(5_000);
    jobs.cancel(info.id);
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toBe(false);
    expect(jobs.get(info.id)).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
  });

  it('a held job nobody cancels runs after a minute', async () => {
    process.env[HOLD_ENV] = 'import';
    const info = jobs.start('import', 'Import a.csv', () => Promise.resolve(7));
    await vi.advanceTimersByTimeAsync(59_000);
    expect(jobs.get(info.id).state).toBe('running');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(jobs.get(info.id)).toMatchObject({ state: 'succeeded', result: 7 });
  });
});
