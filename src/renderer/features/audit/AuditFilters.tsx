// The audit timeline's filters: actor (names offered, any typed), action or action group, and a
// subject id. Enter or "Apply" reads the log again with them.
import { useState } from 'react';
import type { AuditFilter } from '../../../shared/api/governance-types';
import { Icon } from '../../ui/Icon';
import { useSession } from '../identities/session-store';
import { actionOptions, filterCount, filterFromForm } from './audit-logic';
import { useAudit } from './audit-store';

export function AuditFilters() {
  const filter = useAudit((s) => s.filter);
  const seen = useAudit((s) => s.seenActions);
  const identities = useSession((s) => s.identities);
  const osUser = useSession((s) => s.session?.osUser);
  const [actor, setActor] = useState(filter.actor ?? '');
  const [action, setAction] = useState(filter.action ?? '');
  const [subject, setSubject] = useState(filter.subject ?? '');
  const apply = (f: AuditFilter) => void useAudit.getState().setFilter(f);
  const actors = [...identities.map((i) => i.name), ...(osUser ? [osUser] : [])];
  const options = actionOptions(seen);
  return (
    <form
      className="audit-filters"
      aria-label="Filter the audit log"
      onSubmit={(e) => {
        e.preventDefault();
        apply(filterFromForm({ actor, action, subject }));
      }}
    >
      <label className="audit-filter">
        <span className="field-label">Actor</span>
        <input className="input" list="audit-actors" value={actor} placeholder="anyone" onChange={(e) => setActor(e.target.value)} />
        <datalist id="audit-actors">
          {actors.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </label>
      <label className="audit-filter">
        <span className="field-label">Action</span>
        <select
          className="select"
          value={action}
          onChange={(e) => {
            setAction(e.target.value);
            apply(filterFromForm({ actor, action: e.target.value, subject }));
          }}
        >
          <option value="">any action</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.group ? o.label : `\u00a0\u00a0${o.label}`}
            </option>
          ))}
        </select>
      </label>
      <label className="audit-filter">
        <span className="field-label">Subject</span>
        <input className="input input-mono" value={subject} placeholder="dataset, policy, run or identity id" onChange={(e) => setSubject(e.target.value)} />
      </label>
      <button type="submit" className="btn">
        <Icon name="filter" size={14} /> Apply
      </button>
      {filterCount(filter) > 0 ? (
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            setActor('');
            setAction('');
            setSubject('');
            apply({});
          }}
        >
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
