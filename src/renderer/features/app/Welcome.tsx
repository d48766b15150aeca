// The main area before a dataset is open: what to do first, and what the app does with files.
import { MOD_LABEL } from '../../lib/keys';
import { Icon } from '../../ui/Icon';
import { useDatasets } from '../datasets/store';
import { startImport } from '../import/actions';

const FORMATS = ['CSV / TSV', 'JSON', 'JSONL', 'Parquet', 'Excel .xlsx'];

export function Welcome() {
  const count = useDatasets((s) => s.list.length);
  const loaded = useDatasets((s) => s.loaded);
  return (
    <section className="welcome" aria-label="Start">
      <div className="welcome-card">
        <div className="empty-icon">
          <Icon name={count > 0 ? 'fileTable' : 'upload'} size={22} />
        </div>
        {count > 0 ? (
          <>
            <h2>Choose a dataset</h2>
            <p className="muted">Pick one in the sidebar to open it, or import another file.</p>
          </>
        ) : (
          <>
            <h2>Import a file to start</h2>
            <p className="muted">
              Your data stays on this machine: files are read, never changed, and copied into this workspace’s local database.
            </p>
          </>
        )}
        <button type="button" className="btn btn-primary welcome-btn" disabled={!loaded} onClick={() => void startImport()}>
          <Icon name="upload" size={15} /> Import a file…
        </button>
        <p className="welcome-hint faint">
          or drop a file anywhere in this window · <kbd className="kbd">{MOD_LABEL} O</kbd>
        </p>
        <ul className="welcome-formats" aria-label="Supported formats">
          {FORMATS.map((f) => (
            <li key={f} className="badge">
              {f}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
