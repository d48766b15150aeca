// An import that failed: what went wrong and where (file, line, byte offset). Ragged rows get
// their count, the first offending lines, and Pad / Skip / Cancel to run it again.
import { badLines, errorTitle } from '../../lib/errors';
import { formatCount } from '../../lib/format';
import { Dialog } from '../../ui/Dialog';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { Icon } from '../../ui/Icon';
import { closeImport, editSettings, retryRagged, startImport } from './actions';
import type { ImportStage } from './store';

type FailedStage = Extract<ImportStage, { kind: 'failed' }>;

export function ImportErrorDialog({ stage }: { stage: FailedStage }) {
  const { error } = stage;
  const ragged = error.code === 'RAGGED_ROWS';
  const lines = badLines(error);
  const expected = typeof error.details?.expectedFields === 'number' ? error.details.expectedFields : null;
  return (
    <Dialog
      title={ragged ? `${stage.name}: some rows have the wrong number of fields` : `${errorTitle(error)}: ${stage.name}`}
      tone="danger"
      size="lg"
      onClose={closeImport}
      footer={
        ragged ? (
          <>
            <span className="help footer-note">Nothing was imported. Choose how to treat these rows:</span>
            <div className="spacer" />
            <button type="button" className="btn" onClick={closeImport}>
              Cancel
            </button>
            <button type="button" className="btn" onClick={() => void retryRagged('skip')}>
              Skip
            </button>
            <button type="button" className="btn btn-primary" data-autofocus onClick={() => void retryRagged('pad')}>
              Pad
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn" onClick={() => void startImport()}>
              <Icon name="folderOpen" size={14} /> Choose another file…
            </button>
            {stage.canEdit ? (
              <button type="button" className="btn" onClick={() => void editSettings()}>
                Change settings
              </button>
            ) : null}
            <div className="spacer" />
            <button type="button" className="btn btn-primary" data-autofocus onClick={closeImport}>
              Close
            </button>
          </>
        )
      }
    >
      <div className="import-error">
        <ErrorDetails error={error} />
        {ragged && lines.length > 0 ? (
          <div className="bad-lines">
            <h3>
              {lines.length === 1 ? 'The offending line' : `The first ${lines.length} offending lines`}
              {expected !== null ? `, against ${formatCount(expected)} header fields` : ''}
            </h3>
            <table className="bad-lines-table" aria-label="Offending lines">
              <tbody>
                {lines.map((l) => (
                  <tr key={l.line}>
                    <th scope="row" className="num">
                      Line {formatCount(l.line)}
                    </th>
                    <td className="mono">{l.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="help">
              <strong>Pad</strong> fills missing fields with empty values (extra fields are kept in added columns). <strong>Skip</strong> leaves those rows
              out; the other rows keep their record numbers as row ids.
            </p>
          </div>
        ) : null}
      </div>
    </Dialog>
  );
}
