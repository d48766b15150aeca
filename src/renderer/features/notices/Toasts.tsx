// The toast stack (bottom right): successes fade, errors stay with a Details button.
import { copyText } from '../../lib/clipboard';
import { Icon } from '../../ui/Icon';
import { useNotices } from './store';

export function Toasts() {
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  const showDetail = useNotices((s) => s.showDetail);
  return (
    <div className="toasts" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`toast toast-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
          <Icon name={n.tone === 'error' ? 'errorCircle' : n.tone === 'success' ? 'check' : 'info'} className="toast-icon" />
          <div className="toast-body">
            <strong className="toast-title">{n.title}</strong>
            {n.message ? <p className="toast-message">{n.message}</p> : null}
            {n.path ? <p className="toast-path mono">{n.path}</p> : null}
            {n.error || n.path ? (
              <div className="toast-actions">
                {n.error ? (
                  <button type="button" className="btn btn-sm" onClick={() => n.error && showDetail(n.error)}>
                    Details
                  </button>
                ) : null}
                {n.path ? (
                  <button type="button" className="btn btn-sm" onClick={() => n.path && void copyText(n.path)}>
                    <Icon name="copy" size={13} /> Copy path
                  </button>
                ) : null}
              </div>
            ) : null}
          </div>
          <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label="Dismiss notification" onClick={() => dismiss(n.id)}>
            <Icon name="x" size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
