// The activity panel: the workspace's append-only event log, newest first, with who and when.
import { useEffect } from 'react';
import { formatDateTime, formatRelative } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { useGovernance } from '../governance/store';
import { describe } from './describe';
import { useLog } from './store';
import './log.css';

export function ActivityPanel() {
  const open = useLog((s) => s.open);
  const entries = useLog((s) => s.entries);
  const loading = useLog((s) => s.loading);
  const hasMore = useLog((s) => s.hasMore);
  const error = useLog((s) => s.error);
  const setOpen = useLog((s) => s.setOpen);
  const more = useLog((s) => s.more);
  const reload = useLog((s) => s.reload);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.querySelector('[aria-modal="true"]')) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, setOpen]);

  if (!open) return null;
  return (
    <aside className="activity" aria-label="Activity">
      <header className="activity-head">
        <h2>Activity</h2>
        <span className="faint activity-sub">Append-only log of this workspace</span>
        <button type="button" className="btn btn-ghost btn-sm" title="Filter, inspect and verify the hash-chained audit log" onClick={() => useGovernance.getState().show('audit')}>
          Audit log
        </button>
        <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label="Refresh activity" onClick={() => void reload()}>
          <Icon name="refresh" size={14} />
        </button>
        <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label="Close activity" onClick={() => setOpen(false)}>
          <Icon name="x" size={14} />
        </button>
      </header>
      {error ? (
        <div className="banner banner-error activity-error" role="alert">
          <Icon name="errorCircle" />
          <div className="banner-body">{error.message}</div>
        </div>
      ) : null}
      {entries.length === 0 && !loading && !error ? <p className="activity-empty muted">Nothing has happened in this workspace yet.</p> : null}
      <ol className="activity-list">
        {entries.map((e) => {
          const d = describe(e);
          return (
            <li key={e.seq} className="activity-item">
              <span className="activity-icon">
                <Icon name={d.icon} size={14} />
              </span>
              <div className="activity-body">
                <div className="activity-title">{d.title}</div>
                {d.detail ? <div className="activity-detail">{d.detail}</div> : null}
                <div className="activity-meta faint">
                  <span title={formatDateTime(e.at)}>{formatRelative(e.at)}</span> · {e.actor} · #{e.seq}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      {hasMore ? (
        <button type="button" className="btn btn-sm activity-more" disabled={loading} onClick={() => void more()}>
          Load older entries
        </button>
      ) : null}
    </aside>
  );
}
