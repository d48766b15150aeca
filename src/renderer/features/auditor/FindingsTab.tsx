// The bundle's PII findings (findings.parquet): row, column, entity, span, confidence, recogniser,
// the masked preview (never the found text) and the review decision; filtered by entity and column.
import { useEffect, useMemo, useState } from 'react';
import type { BundleFindingRow } from '../../../shared/api/contract';
import { ENTITY_TYPES, type EntityType } from '../../../shared/api/pii-types';
import { api } from '../../api';
import { formatCount } from '../../lib/format';
import { PageWindow } from '../dedupe/page-window';
import { ENTITY_LABEL } from '../pii/labels';
import { ColumnFilter } from './ColumnFilter';
import { useAuditor } from './store';
import { useFilterChoices } from './use-report';
import { WindowTable, type WindowColumn } from './WindowTable';

const label = (e: string) => ENTITY_LABEL[e as EntityType] ?? e;

const COLUMNS: readonly WindowColumn<BundleFindingRow>[] = [
  { label: 'Row', className: 'aud-c-row num', cell: (f) => formatCount(f.rowId) },
  { label: 'Column', className: 'aud-c-col', cell: (f) => f.column, title: (f) => f.column },
  { label: 'Entity', className: 'aud-c-kind', cell: (f) => <span className="pii-entity">{label(f.entity)}</span> },
  { label: 'Span', className: 'aud-c-span num', cell: (f) => `${f.start}–${f.end}` },
  { label: 'Masked', className: 'aud-c-val mono', cell: (f) => f.preview, title: (f) => f.preview },
  { label: 'Conf.', className: 'aud-c-conf num', cell: (f) => f.confidence.toFixed(2) },
  { label: 'Recogniser', className: 'aud-c-step mono', cell: (f) => f.recogniser, title: (f) => f.recogniser },
  { label: 'Decision', className: 'aud-c-kind', cell: (f) => f.decision ?? <span className="faint">not reviewed</span> },
];

export function FindingsTab() {
  const bundleId = useAuditor((s) => s.bundle?.bundleId);
  const has = useAuditor((s) => (s.bundle?.files ?? []).some((f) => f.path === 'findings.parquet'));
  const choices = useFilterChoices();
  const [entity, setEntity] = useState('');
  const [column, setColumn] = useState('');
  const win = useMemo(
    () =>
      new PageWindow<BundleFindingRow>(async (offset, limit) => {
        if (!bundleId) return { total: 0, columns: [], items: [] };
        const r = await api.send('bundle.findings', { bundleId, offset, limit, ...(entity ? { entity: entity as EntityType } : {}), ...(column ? { column } : {}) });
        if (!r.ok) throw new Error(r.error.message);
        return { total: r.value.total, columns: [], items: r.value.rows };
      }, 200),
    [bundleId, entity, column],
  );
  useEffect(() => () => win.dispose(), [win]);
  if (!has) return <p className="aud-pad faint">This bundle carries no findings: the input was not scanned for personal data.</p>;
  // An unscanned input gives an empty findings.parquet: say so, rather than "No findings match this filter".
  if (choices.piiScanned === false)
    return (
      <p className="aud-pad faint" data-testid="findings-unscanned">
        The run’s input was not scanned for personal data before the run, so this bundle has no findings. That is not evidence that the data held none; the
        de-identification steps classified columns from their own sample (see the report’s step notes).
      </p>
    );
  return (
    <div className="aud-browse">
      <div className="aud-filters" role="group" aria-label="Findings filters">
        <label className="aud-filter">
          Entity
          <select className="select" value={entity} onChange={(e) => setEntity(e.target.value)}>
            <option value="">All entities</option>
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>{label(t)}</option>
            ))}
          </select>
        </label>
        <ColumnFilter id="findings" value={column} choices={choices.columns} onChange={setColumn} />
        <span className="faint aud-filter-note">Absence of findings means not detected, never not present.</span>
      </div>
      <WindowTable className="aud-findings" win={win} columns={COLUMNS} label="Findings" empty="No findings match this filter." />
    </div>
  );
}
