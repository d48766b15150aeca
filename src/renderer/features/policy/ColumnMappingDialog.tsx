// Mapping a policy's column names to this dataset's: for each name the data lacks, the steps that
// use it and a column to use instead (suggested when one header matches up to case and spacing).
import { useState } from 'react';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/Icon';
import { useDatasets } from '../datasets/store';
import { applyMapping, mappingComplete, suggestMapping, type MissingColumn } from './mapping';
import { useMapping } from './mapping-store';
import { usePolicyDraft } from './store';

export function ColumnMappingDialog({ missing }: { missing: MissingColumn[] }) {
  const columns = useDatasets((s) => s.detail?.columns ?? []);
  const dataset = useDatasets((s) => s.detail?.dataset.name ?? '');
  const headers = [...new Set(columns.map((c) => c.header))];
  const [mapping, setMapping] = useState(() => suggestMapping(missing, headers));
  const close = () => useMapping.getState().close();
  const apply = () => {
    const then = useMapping.getState().then;
    usePolicyDraft.getState().edit((d) => ({ ...d, policy: applyMapping(d.policy, mapping) }));
    close();
    then?.();
  };
  const complete = mappingComplete(missing, mapping);
  return (
    <Dialog
      title="Map columns"
      subtitle={`The policy names ${missing.length === 1 ? 'a column' : `${missing.length} columns`} that “${dataset}” does not have. Choose the column to use for each.`}
      size="lg"
      onClose={close}
      footer={
        <>
          {!complete ? <span className="help footer-note">Choose a column for every name to continue.</span> : null}
          <div className="spacer" />
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={!complete} onClick={apply}>
            Apply mapping
          </button>
        </>
      }
    >
      <table className="mapping-table">
        <thead>
          <tr>
            <th>In the policy</th>
            <th aria-hidden="true" />
            <th>In this dataset</th>
            <th>Used by</th>
          </tr>
        </thead>
        <tbody>
          {missing.map((m) => (
            <tr key={m.name}>
              <td className="mono">{m.name === '' ? '(blank)' : m.name}</td>
              <td aria-hidden="true">
                <Icon name="chevronRight" size={14} className="faint" />
              </td>
              <td>
                <select
                  className="select"
                  aria-label={`Column for “${m.name}”`}
                  value={mapping[m.name] ?? ''}
                  onChange={(e) => setMapping({ ...mapping, [m.name]: e.target.value })}
                >
                  <option value="">Choose a column…</option>
                  {headers.map((h) => (
                    <option key={h} value={h}>
                      {h === '' ? '(blank)' : h}
                    </option>
                  ))}
                </select>
              </td>
              <td className="mono faint">{m.stepIds.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="help mapping-help">The mapping is one edit of the draft: Undo takes it back. Save the policy to keep it.</p>
    </Dialog>
  );
}
