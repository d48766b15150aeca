// The sidebar: every dataset in the workspace with its versions (rows × columns, format,
// when); select to open, delete with confirmation.
import type { DatasetSummary, VersionSummary } from '../../../shared/api/types';
import { formatCount, formatDateTime, formatRelative } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { useDatasets } from './store';

function shape(v: VersionSummary | undefined): string {
  return v ? `${formatCount(v.rowCount)} × ${formatCount(v.columnCount)}` : '';
}

export function DatasetSidebar() {
  const list = useDatasets((s) => s.list);
  const loaded = useDatasets((s) => s.loaded);
  return (
    <nav className="sidebar" aria-label="Datasets">
      <header className="sidebar-head">
        <h2>Datasets</h2>
        {list.length > 0 ? <span className="sidebar-count num">{list.length}</span> : null}
      </header>
      {loaded && list.length === 0 ? (
        <div className="sidebar-empty">
          <p>No datasets yet.</p>
          <p className="faint">Imported files appear here with their versions.</p>
        </div>
      ) : (
        <ul className="ds-list">
          {list.map((d) => (
            <DatasetItem key={d.id} dataset={d} />
          ))}
        </ul>
      )}
    </nav>
  );
}

function DatasetItem({ dataset: d }: { dataset: DatasetSummary }) {
  const detail = useDatasets((s) => s.detail);
  const opening = useDatasets((s) => s.opening);
  const open = useDatasets((s) => s.open);
  const askDelete = useDatasets((s) => s.askDelete);
  const isOpen = detail?.dataset.id === d.id;
  const latest = d.versions.at(-1);
  return (
    <li className={`ds-item ${isOpen ? 'is-open' : ''}`}>
      <div className="ds-row">
        <button
          type="button"
          className="ds-open"
          aria-current={isOpen ? 'true' : undefined}
          aria-label={`${d.name}, ${shape(latest)}, ${d.format.toUpperCase()}`}
          title={`${d.sourcePath}\nImported ${formatDateTime(d.createdAt)} by ${d.createdBy}`}
          onClick={() => void open(d.id)}
        >
          <Icon name="fileTable" className="ds-icon" />
          <span className="ds-text">
            <span className="ds-name">{d.name}</span>
            <span className="ds-meta num">
              {shape(latest)} · {d.format.toUpperCase()} · {formatRelative(d.createdAt)}
            </span>
          </span>
          {opening === d.id ? <span className="spinner faint" aria-hidden="true" /> : null}
        </button>
        <button type="button" className="btn btn-ghost btn-icon btn-sm ds-delete" aria-label={`Delete dataset ${d.name}`} title="Delete dataset" onClick={() => askDelete(d)}>
          <Icon name="trash" size={14} />
        </button>
      </div>
      <ul className="ds-versions" aria-label={`Versions of ${d.name}`}>
        {[...d.versions].reverse().map((v) => {
          const current = isOpen && detail?.version.version === v.version;
          return (
            <li key={v.version}>
              <button
                type="button"
                className={`ds-version ${current ? 'is-current' : ''}`}
                aria-current={current ? 'true' : undefined}
                aria-label={`${d.name} version ${v.version}`}
                title={`${v.note || 'Version'} · ${formatDateTime(v.createdAt)} by ${v.createdBy}`}
                onClick={() => void open(d.id, v.version)}
              >
                <span className="ds-vtag">v{v.version}</span>
                <span className="ds-vnote">{v.note || (v.parentVersion === null ? 'Imported' : 'Version')}</span>
                <span className="ds-vshape num">{shape(v)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </li>
  );
}
