// A finding's text: the span highlighted in its cell's text, or the masked preview.
import type { PiiFindingRow } from '../../../shared/api/pii-types';
import { shownParts } from './highlight';

export function FindingText({ f, showValues, around }: { f: PiiFindingRow; showValues: boolean; around?: number }) {
  const p = shownParts(f, showValues, around);
  return (
    <span className={`pii-text mono ${showValues ? '' : 'is-masked'}`}>
      {p.clippedStart ? <span className="faint">…</span> : null}
      {p.before}
      <mark className="pii-span">{p.span}</mark>
      {p.after}
      {p.clippedEnd ? <span className="faint">…</span> : null}
    </span>
  );
}
