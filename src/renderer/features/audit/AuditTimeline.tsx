// The audit timeline: entries newest first, a page at a time; one is selected (click, or the arrow
// keys / Home / End while the list has focus), and reaching the end reads the next page.
import { useEffect, useRef } from 'react';
import { formatDateTime, formatRelative } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { describeAudit } from './audit-describe';
import { useAudit } from './audit-store';

export function AuditTimeline() {
  const entries = useAudit((s) => s.entries);
  const selected = useAudit((s) => s.selected);
  const hasMore = useAudit((s) => s.hasMore);
  const loading = useAudit((s) => s.loading);
  const select = useAudit((s) => s.select);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const i = entries.findIndex((x) => x.seq === selected);
    const to = e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? entries.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = entries[Math.max(0, Math.min(entries.length - 1, to))];
    if (next) select(next.seq);
    if (to >= entries.length - 1 && hasMore) void useAudit.getState().more();
  };

  if (entries.length === 0 && !loading) return <p className="muted audit-none">No entry matches these filters.</p>;
  return (
    <div className="audit-timeline">
      <ol
        ref={listRef}
        className="audit-list"
        role="listbox"
        aria-label="Audit log entries, newest first"
        tabIndex={0}
        aria-activedescendant={selected !== null ? `audit-entry-${selected}` : undefined}
        onKeyDown={onKeyDown}
      >
        {entries.map((e) => {
          const d = describeAudit(e);
          return (
            <li key={e.seq} id={`audit-entry-${e.seq}`} role="option" aria-selected={e.seq === selected} className={`audit-item ${e.seq === selected ? 'is-selected' : ''}`} onClick={() => select(e.seq)}>
              <span className="audit-seq mono">#{e.seq}</span>
              <span className="activity-icon">
                <Icon name={d.icon} size={14} />
              </span>
              <span className="audit-item-body">
                <span className="audit-item-title">
                  {d.title}
                  {d.detail ? <span className="muted"> — {d.detail}</span> : null}
                </span>
                <span className="audit-item-meta faint">
                  <span className="mono">{e.action}</span> · {e.actor} · <span title={formatDateTime(e.at)}>{formatRelative(e.at)}</span>
                </span>
              </span>
              {e.signer ? (
                <span className="badge badge-success" title="Signed by an identity">
                  signed
                </span>
              ) : (
                <span className="badge" title="No identity was unlocked">
                  unsigned
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {hasMore ? (
        <button type="button" className="btn btn-sm audit-more" disabled={loading} onClick={() => void useAudit.getState().more()}>
          {loading ? <span className="spinner" aria-hidden="true" /> : null} Load older entries
        </button>
      ) : null}
    </div>
  );
}
