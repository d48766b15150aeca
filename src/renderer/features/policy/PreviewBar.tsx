// The live preview's status under the editor: sample or all rows, what the whole policy changes,
// whether it is updating or paused (and why), its error, and "Preview on all rows".
import type { PreviewResult } from '../../../shared/api/clean-types';
import type { Policy } from '../../../shared/policy/policy';
import { formatCount, plural } from '../../lib/format';
import { Icon } from '../../ui/Icon';
import { checkColumns } from './mapping-store';
import { requestPreview, usePreview, type PreviewTarget } from './preview';

interface Props {
  target: PreviewTarget;
  doc: Policy;
  runnable: boolean;
  result: PreviewResult | null;
  stale: boolean;
  currentKey: string;
}

export function PreviewBar({ target, doc, runnable, result, stale, currentKey }: Props) {
  const pending = usePreview((s) => s.pendingKey === currentKey);
  const error = usePreview((s) => (s.errorKey === currentKey ? s.error : null));
  const full = usePreview((s) => s.full);
  return (
    <footer className="pe-preview" role="group" aria-label="Preview">
      <span className="pe-preview-state" data-testid="preview-state">
        {pending ? (
          <>
            <span className="spinner" aria-hidden="true" /> {full ? 'Previewing every row…' : 'Previewing…'}
          </>
        ) : !runnable ? (
          <>
            <Icon name="info" size={13} /> Preview paused until the policy is valid
          </>
        ) : result ? (
          result.sampled ? (
            `Preview on a sample of ${formatCount(result.rowsIn)} rows`
          ) : (
            `Preview on all ${plural(result.rowsIn, 'row')}`
          )
        ) : (
          'No preview yet'
        )}
      </span>
      {result ? (
        <span className={`pe-preview-totals num ${stale ? 'is-stale' : ''}`} data-testid="preview-totals">
          {plural(result.cellsChanged, 'cell')} changed · {plural(result.rowsRemoved, 'row')} removed · {formatCount(result.rowsIn)} → {formatCount(result.rowsOut)} rows
          {result.steps.some((s) => s.failures > 0) ? ` · ${plural(result.steps.reduce((a, s) => a + s.failures, 0), 'failure')}` : ''}
        </span>
      ) : null}
      {error ? (
        <span className="pe-preview-error" role="alert" title={error.message}>
          <Icon name="errorCircle" size={13} /> {error.message}
          {error.code === 'POLICY_COLUMN_MISSING' ? (
            <button type="button" className="btn btn-sm" onClick={() => void checkColumns(target, doc)}>
              Map columns…
            </button>
          ) : null}
        </span>
      ) : null}
      <span className="pe-spacer" />
      <button
        type="button"
        className="btn btn-sm"
        disabled={!runnable || pending || (result !== null && !stale && !result.sampled)}
        title={result && !result.sampled && !stale ? 'The preview already uses every row' : 'Runs the preview over every row (writes nothing)'}
        onClick={() => requestPreview(target, doc, { full: true, delay: 0 })}
      >
        Preview on all rows
      </button>
    </footer>
  );
}
