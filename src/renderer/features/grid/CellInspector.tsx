// The cell inspector: the selected cell's full text (long values are elided in the grid),
// its column, type and row id, with copy; in the diff view, how the run changed it.
import { useSyncExternalStore } from 'react';
import { copyText } from '../../lib/clipboard';
import { formatCount } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { CellChangeView } from '../diff/CellChangeView';
import { notify } from '../notices/store';
import { TYPE_LABEL, headerLabel } from './columns';
import { shownTotal, useGrid } from './store';
import type { WindowCache } from './window-cache';

/** The longest text a grid window carries per cell (the engine elides the rest with …). */
const ELIDED_AT = 2000;

export function CellInspector({ cache }: { cache: WindowCache }) {
  const target = useGrid((s) => s.target);
  const view = useGrid((s) => s.view);
  const selection = useGrid((s) => s.selection);
  const close = useGrid((s) => s.setInspectorOpen);
  useSyncExternalStore(cache.subscribe, cache.getVersion);
  const col = target?.columns[selection.col];
  const has = col && selection.row < shownTotal({ target, view });
  const text = has ? cache.cell(selection.row, col.id) : undefined;
  const rowId = has ? cache.rowId(selection.row) : undefined;
  const elided = typeof text === 'string' && text.length > ELIDED_AT;
  return (
    <aside className="inspector" aria-label="Cell inspector">
      <header className="inspector-head">
        <h2>Cell</h2>
        <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label="Close inspector" onClick={() => close(false)}>
          <Icon name="x" size={14} />
        </button>
      </header>
      {col && has ? (
        <>
          <dl className="facts inspector-facts">
            <div className="fact">
              <dt>Column</dt>
              <dd className={col.header === '' ? 'is-blank' : undefined}>{headerLabel(col)}</dd>
            </div>
            <div className="fact">
              <dt>Type</dt>
              <dd>{TYPE_LABEL[col.logicalType]}</dd>
            </div>
            <div className="fact">
              <dt>Row id</dt>
              <dd className="num">{rowId === undefined ? '…' : formatCount(rowId)}</dd>
            </div>
            <div className="fact">
              <dt>Length</dt>
              <dd className="num">{typeof text === 'string' ? `${formatCount([...text].length)} characters` : '—'}</dd>
            </div>
          </dl>
          {cache.tracksChanges ? <CellChangeView entries={cache.cellChanges(selection.row, col.id)} /> : null}
          <div className="inspector-value-head">
            <span className="field-label">Value</span>
            <button
              type="button"
              className="btn btn-sm"
              disabled={text === undefined}
              onClick={() => void copyText(text ?? '').then((ok) => ok && notify('info', 'Cell copied'))}
            >
              <Icon name="copy" size={13} /> Copy
            </button>
          </div>
          <pre className="inspector-value" tabIndex={0} aria-label="Cell value">
            {text === undefined ? 'Loading…' : text === null ? <span className="gnull">null (missing value)</span> : text}
          </pre>
          {elided ? <p className="help">Showing the first {formatCount(ELIDED_AT)} characters; exports always write the whole value.</p> : null}
        </>
      ) : (
        <p className="inspector-empty muted">Select a cell to see its full value.</p>
      )}
    </aside>
  );
}
