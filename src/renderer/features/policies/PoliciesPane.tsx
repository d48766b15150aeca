// The Policies tab: every policy with its newest version's state, owner and active version; the
// chosen one's detail (versions, history, diff) beside the list.
import { formatDateTime, formatRelative } from '../../lib/format';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { Icon } from '../../ui/Icon';
import { PolicyDetail } from './PolicyDetail';
import { StateBadge } from './StateBadge';
import { usePolicies } from './store';
import { useFetch } from './use-fetch';
import { useSession } from './use-session';
import './policies.css';

export function PoliciesPane() {
  const list = useFetch('policy.list', {});
  const selected = usePolicies((s) => s.selected);
  const select = usePolicies((s) => s.select);
  const items = list.value ?? [];
  const item = items.find((p) => p.policyId === selected) ?? items[0] ?? null;
  return (
    <div className="pol-pane">
      <PaneBar count={items.length} />
      {list.error ? <ErrorDetails error={list.error} /> : null}
      {list.value?.length === 0 ? (
        <EmptyState icon="policy" title="No policies yet" className="pane-empty">
          <p>Open a dataset, build a policy in its Policy tab and save it: it appears here as a DRAFT, ready to submit for review.</p>
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <div className="pol-split">
          <table className="pol-list" aria-label="Policies">
            <thead>
              <tr>
                <th className="col-head">Policy</th>
                <th className="col-head">State</th>
                <th className="col-head">Owner</th>
                <th className="col-head">Active</th>
                <th className="col-head">Last saved</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.policyId} className={`pane-row ${p.policyId === item?.policyId ? 'is-selected' : ''}`} onClick={() => select(p.policyId)}>
                  <td>
                    <button type="button" className="pol-link" aria-current={p.policyId === item?.policyId ? 'true' : undefined} onClick={() => select(p.policyId)}>
                      {p.name}
                    </button>
                    <small className="faint"> v{p.latestVersion}</small>
                  </td>
                  <td>
                    <StateBadge state={p.state} testId={`policy-state-${p.policyId}`} />
                  </td>
                  <td>{p.owner}</td>
                  <td>{p.activeVersion ? `v${p.activeVersion}` : <span className="faint">—</span>}</td>
                  <td title={formatDateTime(p.savedAt)}>
                    {formatRelative(p.savedAt)} <span className="faint">by {p.savedBy}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {item ? <PolicyDetail item={item} /> : null}
        </div>
      ) : null}
    </div>
  );
}

/** Who is acting (transitions are signed by them) and Refresh. */
export function PaneBar({ count, what = 'policy' }: { count: number; what?: string }) {
  const session = useSession();
  const refresh = usePolicies((s) => s.refresh);
  const who = session?.identity;
  return (
    <div className="pane-summary pol-bar">
      <span>
        <strong>{count}</strong> {count === 1 ? what : `${what === 'policy' ? 'policies' : `${what}s`}`}
      </span>
      <span className="pane-note" data-testid="acting-as">
        <Icon name="shield" size={13} />
        {who ? (
          <span>
            Acting as <strong>{who.name}</strong> ({who.roles.join(', ') || 'no role'}): transitions are signed with this key.
          </span>
        ) : (
          <span>No identity is unlocked: transitions need one (they are signed).</span>
        )}
      </span>
      <button type="button" className="btn btn-sm" onClick={refresh}>
        <Icon name="refresh" size={13} /> Refresh
      </button>
    </div>
  );
}
