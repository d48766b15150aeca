// Background work (compaction) gives way to the user's jobs: it waits until the others have been
// quiet for IDLE_MS, a job started meanwhile interrupts it and it runs again later; a cancel still
// ends it. Time is faked, never measured.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_MS, inBackground } from '../../src/main/engine/jobs/background';
import { JobManager, type JobContext } from '../../src/main/engine/jobs/jobs';
import { AppError } from '../../src/shared/api/result';
import type { JobInfo } from '../../src/shared/api/types';

let jobs: JobManager;
beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
  jobs = new JobManager(() => undefined);
});
afterEach(() => vi.useRealTimers());

const isBackground = (j: JobInfo) => j.kind === 'compact';

/** Background work that runs until released, honouring its context's cancel like a DuckDB query would. */
function backgroundJob() {
  const attempts: JobContext[] = [];
  let release: () => void = () => undefined;
  const info = jobs.start('compact', 'Compact d1 v1', (ctx) =>
    inBackground(jobs, ctx, isBackground, (c) => {
      attempts.push(c);
      return new Promise<string>((resolve, reject) => {
        c.onCancel(() => reject(new AppError('CANCELLED', 'interrupted')));
        release = () => resolve(`done on attempt ${attempts.length}`);
      });
    }),
  );
  return { id: info.id, attempts, release: () => release() };
}

/** A user's job that runs until released. */
function userJob() {
  let release: () => void = () => undefined;
  const info = jobs.start('clean', 'Clean d1', () => new Promise<void>((r) => (release = r)));
  return { id: info.id, release: () => release() };
}

describe('background work', () => {
  it('waits until the other jobs have been quiet for IDLE_MS before it starts', async () => {
    const user = userJob();
    const bg = backgroundJob();
    await vi.advanceTimersByTimeAsync(5 * IDLE_MS);
    expect(bg.attempts).toHaveLength(0);
    user.release();
    await vi.advanceTimersByTimeAsync(IDLE_MS / 2);
    expect(bg.attempts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(bg.attempts).toHaveLength(1);
    bg.release();
    await expect(jobs.wait(bg.id)).resolves.toMatchObject({ state: 'succeeded', result: 'done on attempt 1' });
  });

  it('is interrupted by a job started while it runs, and runs again once that job has ended', async () => {
    const bg = backgroundJob();
    await vi.advanceTimersByTimeAsync(2 * IDLE_MS);
    expect(bg.attempts).toHaveLength(1);
    const user = userJob();
    await vi.advanceTimersByTimeAsync(0);
    expect(bg.attempts[0]?.signal.aborted).toBe(true);
    expect(jobs.get(bg.id).state).toBe('running');
    expect(jobs.get(bg.id).stage).toBe('waiting for other work to finish');
    await vi.advanceTimersByTimeAsync(3 * IDLE_MS);
    expect(bg.attempts).toHaveLength(1);
    user.release();
    await vi.advanceTimersByTimeAsync(2 * IDLE_MS);
    expect(bg.attempts).toHaveLength(2);
    bg.release();
    await expect(jobs.wait(bg.id)).resolves.toMatchObject({ state: 'succeeded', result: 'done on attempt 2' });
  });

  it.each([
    ['other background work', 'compact', false],
    ['a live preview', 'preview', false],
    ['a grid view', 'view', false],
    ['an import', 'import', true],
    ['a profile', 'profile', true],
  ] as const)('started while it runs, %s interrupts it: %s', async (_label, kind, interrupts) => {
    const bg = backgroundJob();
    await vi.advanceTimersByTimeAsync(2 * IDLE_MS);
    jobs.start(kind, 'Other work', () => new Promise(() => undefined));
    await vi.advanceTimersByTimeAsync(0);
    expect(bg.attempts[0]?.signal.aborted).toBe(interrupts);
  });

  it('a listener that throws when a job starts does not stop the job', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    jobs.onStart(() => {
      throw new Error('listener failed');
    });
    const user = userJob();
    expect(logged).toHaveBeenCalledWith('job start listener failed: listener failed');
    logged.mockRestore();
    await vi.advanceTimersByTimeAsync(0);
    expect(jobs.get(user.id).state).toBe('running');
    user.release();
    await expect(jobs.wait(user.id)).resolves.toMatchObject({ state: 'succeeded' });
  });

  it.each([
    ['while it waits', false],
    ['while it runs', true],
  ])('ends as cancelled when cancelled %s', async (_label, running) => {
    const user = running ? null : userJob();
    const bg = backgroundJob();
    await vi.advanceTimersByTimeAsync(2 * IDLE_MS);
    expect(bg.attempts).toHaveLength(running ? 1 : 0);
    jobs.cancel(bg.id);
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    await expect(jobs.wait(bg.id)).resolves.toMatchObject({ state: 'cancelled' });
    user?.release();
  });
});
