// The jobs tray: a top-bar button with the running count, opening a list of running and
// recent jobs with their progress and Cancel.
import { useEffect, useRef } from 'react';
import type { JobInfo } from '../../../shared/api/types';
import { formatDuration, formatTime } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { useDatasets } from '../datasets/store';
import { JobProgress } from './JobProgress';
import { sortedJobs, useJobs } from './store';
import { jobTitle } from './title';

const SHOWN = 20;

function elapsed(startedAt: string, finishedAt: string | null): string {
  const end = finishedAt ? Date.parse(finishedAt) : Date.now();
  return formatDuration((end - Date.parse(startedAt)) / 1000);
}

/** Live previews come and go with every edit and show their progress in the policy editor itself. */
const inTray = (j: JobInfo) => j.kind !== 'preview';

export function JobsButton() {
  const jobs = useJobs((s) => s.jobs);
  const open = useJobs((s) => s.trayOpen);
  const setOpen = useJobs((s) => s.setTrayOpen);
  const running = Object.values(jobs).filter((j) => inTray(j) && j.state === 'running').length;
  return (
    <button
      type="button"
      className={`btn btn-ghost topbar-btn ${open ? 'is-active' : ''}`}
      aria-expanded={open}
      aria-controls="jobs-tray"
      aria-label={running > 0 ? `Jobs (${running} running)` : 'Jobs'}
      onClick={() => setOpen(!open)}
    >
      {running > 0 ? <span className="spinner" aria-hidden="true" /> : <Icon name="layers" />}
      <span>Jobs</span>
      {running > 0 ? <span className="count-badge">{running}</span> : null}
    </button>
  );
}

export function JobsTray() {
  const jobs = useJobs((s) => s.jobs);
  const open = useJobs((s) => s.trayOpen);
  const setOpen = useJobs((s) => s.setTrayOpen);
  const datasets = useDatasets((s) => s.list);
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      const t = e.target as Node;
      if (ref.current?.contains(t) || (t instanceof Element && t.closest('[aria-controls="jobs-tray"]'))) return;
      setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, setOpen]);

  if (!open) return null;
  const list = sortedJobs(jobs).filter(inTray).slice(0, SHOWN);
  return (
    <section ref={ref} id="jobs-tray" className="popover jobs-tray" aria-label="Jobs">
      <header className="jobs-tray-header">
        <h2>Jobs</h2>
        <span className="faint">this session</span>
      </header>
      {list.length === 0 ? (
        <div className="empty jobs-empty">
          <p>No jobs yet. Imports, sorts, filters and exports appear here with their progress.</p>
        </div>
      ) : (
        <ul className="jobs-list">
          {list.map((j) => (
            <li key={j.id} className={`job-row job-${j.state}`}>
              <div className="job-row-head">
                <span className="job-label" title={jobTitle(j.label, j.kind, datasets)}>
                  {jobTitle(j.label, j.kind, datasets)}
                </span>
                <span className="faint num" title={`Started ${formatTime(j.startedAt)}`}>
                  {elapsed(j.startedAt, j.finishedAt)}
                </span>
              </div>
              <JobProgress job={j} label={`${jobTitle(j.label, j.kind, datasets)} progress`} compact />
              {j.state === 'failed' && j.error ? <p className="job-error">{j.error.message}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
