// One suggested cluster: tick to merge, its values with their row counts (click one to make it
// the new value), and the editable new value. Leading and trailing spaces are shown as dots.
import type { Cluster } from '../../../shared/api/cluster-types';
import { formatCount, plural } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import type { ClusterEdit } from './edits';

/** Values shown before "Show n more". */
export const VALUES_SHOWN = 6;

interface Props {
  cluster: Cluster;
  index: number;
  edit: ClusterEdit;
  expanded: boolean;
  onEdit(change: Partial<ClusterEdit>): void;
  onExpand(): void;
}

function ValueText({ value }: { value: string }) {
  const lead = /^\s*/.exec(value)![0];
  const rest = value.slice(lead.length);
  const trail = /\s*$/.exec(rest)![0];
  const core = rest.slice(0, rest.length - trail.length);
  const ws = (s: string) => (s ? <span className="cl-ws">{[...s].map((c) => (c === '\t' ? '⇥' : '·')).join('')}</span> : null);
  return (
    <span className="cl-value-text">
      {ws(lead)}
      {core}
      {ws(trail)}
    </span>
  );
}

export function ClusterRow({ cluster: c, index, edit, expanded, onEdit, onExpand }: Props) {
  const shown = expanded ? c.values : c.values.slice(0, VALUES_SHOWN);
  const hidden = c.values.length - shown.length;
  const name = `Cluster ${index + 1}`;
  return (
    <div className={`cl-row ${edit.merge ? 'is-merging' : ''}`} role="group" aria-label={`${name}: ${c.suggested}`}>
      <label className="cl-merge" title="Merge this cluster">
        <input
          type="checkbox"
          data-nav="merge"
          checked={edit.merge}
          aria-label={`Merge ${name.toLowerCase()}`}
          onChange={(e) => onEdit({ merge: e.target.checked })}
        />
      </label>
      <div className="cl-values">
        <div className="cl-facts">
          {plural(c.values.length, 'value')} · {plural(c.rows, 'row')}
        </div>
        <ul className="cl-value-list">
          {shown.map((v) => {
            const chosen = v.value === edit.to;
            return (
              <li key={v.value}>
                <button
                  type="button"
                  className={`cl-value ${chosen ? 'is-chosen' : ''}`}
                  data-nav="value"
                  aria-pressed={chosen}
                  aria-label={`“${v.value}”, ${plural(v.count, 'row')}`}
                  title="Make this the new value"
                  onClick={() => onEdit({ to: v.value })}
                >
                  <span className="cl-check" aria-hidden="true">
                    {chosen ? <Icon name="check" size={13} /> : null}
                  </span>
                  <ValueText value={v.value} />
                  <span className="cl-count num">{formatCount(v.count)}</span>
                </button>
              </li>
            );
          })}
        </ul>
        {hidden > 0 || expanded ? (
          <button type="button" className="btn btn-ghost btn-sm cl-more" onClick={onExpand}>
            {expanded ? 'Show fewer' : `Show ${formatCount(hidden)} more`}
          </button>
        ) : null}
      </div>
      <label className="field cl-new">
        <span className="visually-hidden">New value for {name.toLowerCase()}</span>
        <input
          className={`input ${edit.merge && edit.to === '' ? 'is-invalid' : ''}`}
          data-nav="to"
          value={edit.to}
          aria-invalid={edit.merge && edit.to === ''}
          spellCheck={false}
          onChange={(e) => onEdit({ to: e.target.value })}
        />
        {edit.merge && edit.to === '' ? <span className="cl-invalid">Give the new value</span> : null}
      </label>
    </div>
  );
}
