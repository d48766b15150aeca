// Job progress on stderr, one redrawn line, only when stderr is a terminal: stage, percent,
// rows/s, ETA. Silent otherwise (pipes and logs get the result, not the animation).
import type { JobInfo } from '../shared/api/types';

const REDRAW_MS = 100;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** The progress line for a job (without the terminal control characters). */
export function progressLine(j: JobInfo): string {
  const parts = [j.stage];
  if (j.total) parts.push(`${Math.min(100, Math.floor((j.done / j.total) * 100))}%`);
  if (j.rowsPerSecond) parts.push(`${fmt(j.rowsPerSecond)} rows/s`);
  if (j.etaSeconds !== null && j.etaSeconds > 0) parts.push(`ETA ${duration(j.etaSeconds)}`);
  return parts.join(' · ');
}

export interface ProgressView {
  update(j: JobInfo): void;
  done(): void;
}

export function progressView(write: (t: string) => void, enabled: boolean, label: string): ProgressView {
  if (!enabled) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let shown = false;
  return {
    update(j) {
      const now = Date.now();
      if (j.state === 'running' && now - last < REDRAW_MS) return;
      last = now;
      shown = true;
      write(`\r\x1b[2K${label}: ${progressLine(j)}`);
    },
    done() {
      if (shown) write('\r\x1b[2K');
    },
  };
}
