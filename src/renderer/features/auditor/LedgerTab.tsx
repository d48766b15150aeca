// The bundle's provenance ledger (provenance.parquet): one row per changed cell or removed row,
// filtered by step, column and kind, windowed. Personal data shows only as the masked preview.
import { useEffect, useMemo, useState } from 'react';
import type { LedgerEntry } from '../../../shared/api/clean-types';
import { api } from '../../api';
import { formatCount } from '../../lib/format';
import { PageWindow } from '../dedupe/page-window';
import { ColumnFilter } from './ColumnFilter';
import { useAuditor } from './store';
import { useFilterChoices } from './use-report';
import { WindowTable, type WindowColumn } from './WindowTable';

interface Filter {
  step: string;
  column: string;
  kind: '' | 'cell' | 'row';
}

const before = (e: LedgerEntry) => e.before ?? (e.beforePreview ? `${e.beforePreview} (masked)` : '');

const COLUMNS: readonly WindowColumn<LedgerEntry>[] = [
  { label: 'Row', className: 'aud-c-row num', cell: (e) => formatCount(e.rowId) },
  { label: 'Kind', className: 'aud-c-kind', cell: (e) => (e.kind === 'row' ? 'row removed' : 'cell') },
  { label: 'Column', className: 'aud-c-col', cell: (e) => e.columnId ?? '', title: (e) => e.columnId ?? undefined },
  { label: 'Before', className: 'aud-c-val mono', cell: before, title: before },
  { label: 'After', className: 'aud-c-val mono', cell: (e) => e.after ?? '', title: (e) => e.after ?? undefined },
  { label: 'Step', className: 'aud-c-step', cell: (e) => `${e.stepId} · ${e.stepType}`, title: (e) => `${e.stepId} · ${e.stepType}` },
  { label: 'Conf.', className: 'aud-c-conf num', cell: (e) => e.confidence.toFixed(2) },
];

export function LedgerTab() {
  const bundleId = useAuditor((s) => s.bundle?.bundleId);
  const has = useAuditor((s) => (s.bundle?.files ?? []).some((f) => f.path === 'provenance.parquet'));
  const choices = useFilterChoices();
  const [filter, setFilter] = useState<Filter>({ step: '', column: '', kind: '' });
  const win = useMemo(
    () =>
      new PageWindow<LedgerEntry>(async (offset, limit) => {
        if (!bundleId) return { total: 0, columns: [], items: [] };
        const r = await api.send('bundle.ledger', {
          bundleId, offset, limit,
          ...(filter.step ? { step: filter.step } : {}),
          ...(filter.column ? { column: filter.column } : {}),
          ...(filter.kind ? { kind: filter.kind } : {}),
        });
        if (!r.ok) throw new Error(r.error.message);
        return { total: r.value.total, columns: [], items: r.value.rows };
      }, 200),
    [bundleId, filter],
  );
  useEffect(() => () => win.dispose(), [win]);
  if (!has) return <p className="aud-pad faint">This bundle carries no provenance ledger.</p>;
  return (
    <div className="aud-browse">
      <div className="aud-filters" role="group" aria-label="Ledger filters">
        <label className="aud-filter">
          Step
          <select className="select" value={filter.step} onChange={(e) => setFilter({ ...filter, step: e.target.value })}>
            <option value="">All steps</option>
            {choices.steps.map((s) => (
              <option key={s.id} value={s.id}>{s.label} ({s.id})</option>
            ))}
          </select>
        </label>
        <ColumnFilter id="ledger" value={filter.column} choices={choices.columns} onChange={(column) => setFilter({ ...filter, column })} />
        <label className="aud-filter">
          Kind
          <select className="select" value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.target.value as Filter['kind'] })}>
            <option value="">Cells and rows</option>
            <option value="cell">Changed cells</option>
            <option value="row">Removed rows</option>
          </select>
        </label>
      </div>
      <WindowTable className="aud-ledger" win={win} columns={COLUMNS} label="Provenance ledger" empty="No ledger entries match this filter." />
    </div>
  );
}
