// The selected finding and why it was reported: the text (masked unless values show), where it
// is, the decision trace (pattern, checksum, context words, header, column prior, score) and
// Accept / Reject.
import type { PiiFindingRow } from '../../../shared/api/pii-types';
import { formatCount } from '../../lib/format';
import { decideAt } from './decide';
import { DecisionButtons } from './DecisionButtons';
import type { FindingsWindow } from './findings-window';
import { explanationRows, scoreLine } from './explain';
import { FindingText } from './FindingText';
import { ENTITY_LABEL, formatConfidence } from './labels';
import { usePii } from './store';

function Trace({ f }: { f: PiiFindingRow }) {
  const rows = explanationRows(f.explanation);
  const score = scoreLine(f.explanation, f.confidence);
  return (
    <section className="fd-section" aria-label="Explanation">
      <h3 className="section-title">Why it was reported</h3>
      {rows.length > 0 ? (
        <table className="fd-trace" aria-label="Decision trace">
          <tbody>
            {rows.map(([name, value], i) => (
              <tr key={`${name}${i}`}>
                <th scope="row">{name}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="faint">The recogniser gave no further evidence.</p>
      )}
      <div className="fd-score">
        <span className="meter" aria-hidden="true">
          <span className="meter-fill fd-meter-fill" style={{ width: `${Math.round(f.confidence * 100)}%` }} />
        </span>
        <span className="num">
          Confidence <strong>{formatConfidence(f.confidence)}</strong>
        </span>
      </div>
      {score ? <p className="fd-scoreline mono faint" aria-label="Score">{score}</p> : null}
    </section>
  );
}

export function FindingDetail({ win, headers }: { win: FindingsWindow; headers: Map<string, string> }) {
  const selected = usePii((s) => s.selected);
  const showValues = usePii((s) => s.showValues);
  const f = win.row(selected);
  if (!f) {
    return (
      <aside className="pane-side fd is-blank" aria-label="Finding">
        <p className="faint">{win.total === 0 ? 'No finding to explain.' : 'Select a finding to see why it was reported.'}</p>
      </aside>
    );
  }
  const header = headers.get(f.columnId) ?? f.columnId;
  return (
    <aside className="pane-side fd" aria-label={`Finding ${selected + 1} of ${formatCount(win.total ?? 0)}`}>
      <header className="fd-head">
        <span className="pii-entity">{ENTITY_LABEL[f.entity]}</span>
        <span className="faint num">
          {formatCount(selected + 1)} of {formatCount(win.total ?? 0)}
        </span>
      </header>
      <p className="fd-where">
        Row <strong className="num">{formatCount(f.rowId)}</strong>, column <strong>{header}</strong>, <span className="fd-range">characters {f.start + 1}–{f.end}</span>
      </p>
      <div className="fd-text">
        <FindingText f={f} showValues={showValues} around={80} />
      </div>
      {!showValues ? <p className="faint fd-masked-note">Masked as exports carry it. Choose “Show values” to see the text.</p> : null}
      <div className="fd-actions">
        <DecisionButtons decision={f.decision} what={`this ${ENTITY_LABEL[f.entity]} finding`} keys onDecide={(d) => void decideAt(win, selected, d, true)} />
      </div>
      <Trace f={f} />
      <p className="fd-rec faint">
        Recogniser <span className="mono">{f.recogniser}</span>
      </p>
    </aside>
  );
}
