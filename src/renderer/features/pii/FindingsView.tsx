// The findings view: the filter bar (column, entity, masked or shown values), the windowed
// findings grid and the selected finding's explanation beside it. One FindingsWindow per filter
// (and per scan), disposed when the filter changes.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { ENTITY_TYPES, type EntityType, type PiiScanSummary } from '../../../shared/api/pii-types';
import { api } from '../../api';
import { notifyError } from '../notices/store';
import { FindingDetail } from './FindingDetail';
import { FindingsGrid } from './FindingsGrid';
import { FindingsWindow } from './findings-window';
import { ENTITY_LABEL } from './labels';
import { usePii } from './store';

function FilterBar({ summary }: { summary: PiiScanSummary }) {
  const filter = usePii((s) => s.filter);
  const setFilter = usePii((s) => s.setFilter);
  const showValues = usePii((s) => s.showValues);
  const setShowValues = usePii((s) => s.setShowValues);
  const entities = ENTITY_TYPES.filter((e) => summary.byEntity.some((b) => b.entity === e && b.findings > 0));
  return (
    <div className="pf-bar" role="toolbar" aria-label="Findings filter">
      <label className="pf-field">
        <span>Column</span>
        <select className="select" value={filter.columnId ?? ''} onChange={(e) => setFilter({ columnId: e.target.value || null })}>
          <option value="">All columns</option>
          {summary.columns
            .filter((c) => c.entities.length > 0)
            .map((c) => (
              <option key={c.columnId} value={c.columnId}>
                {c.header === '' ? '(blank)' : c.header}
              </option>
            ))}
        </select>
      </label>
      <label className="pf-field">
        <span>Entity</span>
        <select className="select" value={filter.entity ?? ''} onChange={(e) => setFilter({ entity: (e.target.value || null) as EntityType | null })}>
          <option value="">All entities</option>
          {entities.map((e) => (
            <option key={e} value={e}>
              {ENTITY_LABEL[e]}
            </option>
          ))}
        </select>
      </label>
      <div className="pf-toggle" role="radiogroup" aria-label="Values">
        <button type="button" role="radio" aria-checked={!showValues} className={`pf-seg ${!showValues ? 'is-on' : ''}`} onClick={() => setShowValues(false)}>
          Masked
        </button>
        <button type="button" role="radio" aria-checked={showValues} className={`pf-seg ${showValues ? 'is-on' : ''}`} onClick={() => setShowValues(true)}>
          Show values
        </button>
      </div>
    </div>
  );
}

export function FindingsView({ summary }: { summary: PiiScanSummary }) {
  const target = usePii((s) => s.target);
  const filter = usePii((s) => s.filter);
  const key = usePii((s) => s.findingsKey);
  const win = useMemo(() => {
    void key;
    return new FindingsWindow(async (offset, limit) => {
      if (!target) return { total: 0, offset, rows: [] };
      const r = await api.send('pii.findings', {
        datasetId: target.datasetId,
        version: target.version,
        offset,
        limit,
        ...(filter.columnId ? { columnId: filter.columnId } : {}),
        ...(filter.entity ? { entity: filter.entity } : {}),
      });
      if (!r.ok) {
        notifyError(`The findings (rows ${offset + 1}–${offset + limit}) could not be read`, r.error);
        throw new Error(r.error.message);
      }
      return r.value;
    });
  }, [target, filter, key]);
  useEffect(() => () => win.dispose(), [win]);
  useSyncExternalStore(win.subscribe, win.getVersion);
  const headers = useMemo(() => new Map(summary.columns.map((c) => [c.columnId, c.header === '' ? '(blank)' : c.header])), [summary]);
  return (
    <div className="pf">
      <FilterBar summary={summary} />
      <div className="pane-body">
        <FindingsGrid win={win} headers={headers} />
        <FindingDetail win={win} headers={headers} />
      </div>
    </div>
  );
}
