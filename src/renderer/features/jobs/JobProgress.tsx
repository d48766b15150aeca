// One job's progress: stage, bar with %, amount done, rows/s, time left, and Cancel.
import type { JobInfo } from '../../../shared/api/types';
import { formatBytes, formatCount, formatDuration, formatRate } from '../../lib/format';
import { ProgressBar } from '../../ui/ProgressBar';
import { cancelJob } from './wait';

export function amountText(j: JobInfo): string {
  const fmt = (n: number) => (j.unit === 'bytes' ? formatBytes(n) : formatCount(n));
  if (j.total === null) return j.done > 0 ? `${fmt(j.done)}${j.unit === 'rows' ? ' rows' : ''}` : '';
  return `${fmt(j.done)} of ${fmt(j.total)}${j.unit === 'rows' ? ' rows' : ''}`;
}

export function percentOf(j: JobInfo): number | null {
  if (j.state === 'succeeded') return 100;
  return j.total ? Math.min(100, Math.floor((j.done / j.total) * 100)) : null;
}

export function stageText(j: JobInfo): string {
  if (j.state === 'cancelled') return 'Cancelled';
  if (j.state === 'failed') return 'Failed';
  if (j.state === 'succeeded') return 'Done';
  const s = j.stage || 'working';
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Throughput: rows/s when the engine knows it, else bytes/s from what was read so far. */
export function rateText(j: JobInfo, now: number = Date.now()): string {
  if (j.rowsPerSecond) return `${formatRate(j.rowsPerSecond)} rows/s`;
  if (j.unit !== 'bytes' || j.done <= 0) return '';
  const seconds = ((j.finishedAt ? Date.parse(j.finishedAt) : now) - Date.parse(j.startedAt)) / 1000;
  return seconds > 0.5 ? `${formatBytes(j.done / seconds)}/s` : '';
}

export function JobProgress({ job, label, compact = false, onCancel }: { job: JobInfo; label: string; compact?: boolean; onCancel?: () => void }) {
  const pct = percentOf(job);
  const running = job.state === 'running';
  const cancelling = running && job.stage === 'cancelling';
  const facts = [
    amountText(job),
    rateText(job),
    running && job.etaSeconds !== null && job.etaSeconds > 0 ? `about ${formatDuration(job.etaSeconds)} left` : '',
  ].filter(Boolean);
  const tone = job.state === 'failed' ? 'danger' : job.state === 'cancelled' ? 'muted' : job.state === 'succeeded' ? 'success' : 'accent';
  return (
    <div className={`job-progress ${compact ? 'job-progress-compact' : ''}`}>
      <div className="job-progress-top">
        <span className="job-stage">{stageText(job)}</span>
        <span className="job-pct num">{pct === null ? '' : `${pct}%`}</span>
      </div>
      <ProgressBar value={pct ?? 0} max={pct === null ? null : 100} label={label} tone={tone} />
      <div className="job-progress-bottom">
        <span className="job-facts num">{facts.join(' · ')}</span>
        {running ? (
          <button type="button" className="btn btn-sm" disabled={cancelling} onClick={() => (onCancel ? onCancel() : void cancelJob(job.id))}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : null}
      </div>
    </div>
  );
}
