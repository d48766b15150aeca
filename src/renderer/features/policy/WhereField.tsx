// A step's optional row filter: conditions (column, operator, value, match case) joined by
// "all" or "any". A filter written elsewhere in a shape the form cannot show is shown as JSON.
import { FILTER_OPS, type RowFilter } from '../../../shared/policy/steps';
import type { ColumnInfo } from '../../../shared/api/types';
import { Icon } from '../../ui/Icon';
import { FieldErrors } from './fields';
import { fromRows, OP_LABEL, toRows, VALUELESS_OPS, type ConditionRow, type FilterRows } from './filter-rows';
import { fieldMessages, type FieldIssue } from './issues';

interface Props {
  where: RowFilter | undefined;
  columns: ColumnInfo[];
  issues: FieldIssue[] | undefined;
  /** Whether the step needs a filter (drop rows). */
  required: boolean;
  onChange: (where: RowFilter | undefined, key: string) => void;
}

export function WhereField({ where, columns, issues, required, onChange }: Props) {
  const rows = toRows(where);
  const headers = [...new Set(columns.map((c) => c.header))];
  const blank = (): ConditionRow => ({ column: headers[0] ?? '', op: 'equals', value: '', caseSensitive: true });
  const messages = fieldMessages(issues);
  if (rows === 'complex') {
    return (
      <div className="where">
        <p className="help">This filter has nested groups, a “not” or a column id; the form cannot show it, so it is kept as written:</p>
        <pre className="where-json mono">{JSON.stringify(where, null, 2)}</pre>
        <button type="button" className="btn btn-sm" onClick={() => onChange(fromRows({ join: 'all', rows: [blank()] }), 'where')}>
          Replace with a simple filter
        </button>
        <FieldErrors messages={messages} />
      </div>
    );
  }
  if (rows === null) {
    return (
      <div className="where">
        <p className="help">{required ? 'This step needs a filter: it drops the rows that match it.' : 'Every row. Add a filter to apply the step to some rows only.'}</p>
        <button type="button" className="btn btn-sm" onClick={() => onChange(fromRows({ join: 'all', rows: [blank()] }), 'where')}>
          <Icon name="filter" size={13} /> Add a row filter
        </button>
        <FieldErrors messages={messages} />
      </div>
    );
  }
  const set = (next: FilterRows, key: string) => onChange(fromRows(next), key);
  const setRow = (i: number, r: ConditionRow, key: string) => set({ ...rows, rows: rows.rows.map((x, k) => (k === i ? r : x)) }, `where.${i}.${key}`);
  return (
    <div className="where">
      <div className="where-join">
        <span>Only rows where</span>
        {rows.rows.length > 1 ? (
          <select className="select select-sm" aria-label="Join conditions" value={rows.join} onChange={(e) => set({ ...rows, join: e.target.value === 'any' ? 'any' : 'all' }, 'where.join')}>
            <option value="all">all</option>
            <option value="any">any</option>
          </select>
        ) : null}
        <span>{rows.rows.length > 1 ? 'of these hold:' : 'this holds:'}</span>
      </div>
      <ol className="where-rows" aria-label="Conditions">
        {rows.rows.map((r, i) => (
          <li key={i} className="where-row">
            <select className="select" aria-label={`Condition ${i + 1} column`} value={r.column} onChange={(e) => setRow(i, { ...r, column: e.target.value }, 'column')}>
              {headers.includes(r.column) ? null : <option value={r.column}>{r.column} (not in this data)</option>}
              {headers.map((h) => (
                <option key={h} value={h}>
                  {h === '' ? '(blank)' : h}
                </option>
              ))}
            </select>
            <select className="select" aria-label={`Condition ${i + 1} operator`} value={r.op} onChange={(e) => setRow(i, { ...r, op: e.target.value as ConditionRow['op'] }, 'op')}>
              {FILTER_OPS.map((op) => (
                <option key={op} value={op}>
                  {OP_LABEL[op]}
                </option>
              ))}
            </select>
            {VALUELESS_OPS.has(r.op) ? (
              <span />
            ) : (
              <input className="input" aria-label={`Condition ${i + 1} value`} value={r.value} placeholder="value" onChange={(e) => setRow(i, { ...r, value: e.target.value }, 'value')} />
            )}
            <label className="check where-case" title="Match case">
              <input type="checkbox" checked={r.caseSensitive} onChange={(e) => setRow(i, { ...r, caseSensitive: e.target.checked }, 'case')} /> Aa
            </label>
            <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Remove condition ${i + 1}`} onClick={() => set({ ...rows, rows: rows.rows.filter((_, k) => k !== i) }, 'where')}>
              <Icon name="x" size={13} />
            </button>
          </li>
        ))}
      </ol>
      <FieldErrors messages={messages} />
      <div className="where-actions">
        <button type="button" className="btn btn-sm" onClick={() => set({ ...rows, rows: [...rows.rows, blank()] }, 'where')}>
          <Icon name="plus" size={13} /> Add condition
        </button>
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => onChange(undefined, 'where')}>
          Remove filter
        </button>
      </div>
    </div>
  );
}
