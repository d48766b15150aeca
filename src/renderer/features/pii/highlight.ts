// How a finding's text is shown: the found span inside the cell's text around it (offsets are
// code points, end-exclusive), or — masked — only the masked preview, never the text around it
// (which may hold other personal data).
import type { PiiFindingRow } from '../../../shared/api/pii-types';

export interface SpanParts {
  before: string;
  span: string;
  after: string;
  /** Text was cut off before `before` / after `after`. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

const only = (span: string, clipped: boolean): SpanParts => ({ before: '', span, after: '', clippedStart: clipped, clippedEnd: clipped });

/**
 * The span in its cell with at most `around` code points either side. Without the cell, or when
 * the offsets do not point at the found text (a stale scan), the found text alone.
 */
export function spanParts(cell: string | undefined, text: string, start: number, end: number, around = 32): SpanParts {
  if (cell === undefined) return only(text, false);
  const cps = Array.from(cell);
  if (start < 0 || end > cps.length || start >= end || cps.slice(start, end).join('') !== text) return only(text, false);
  const from = Math.max(0, start - around);
  const to = Math.min(cps.length, end + around);
  return {
    before: cps.slice(from, start).join(''),
    span: text,
    after: cps.slice(end, to).join(''),
    clippedStart: from > 0,
    clippedEnd: to < cps.length,
  };
}

/** What a findings row shows: the text in context, or the masked preview (marked when the cell holds more). */
export function shownParts(f: Pick<PiiFindingRow, 'text' | 'preview' | 'start' | 'end' | 'cell'>, showValues: boolean, around = 32): SpanParts {
  if (showValues) return spanParts(f.cell, f.text, f.start, f.end, around);
  const more = f.cell !== undefined ? Array.from(f.cell).length > f.end - f.start : f.start > 0;
  return only(f.preview, more);
}

/** The same as one line of text (for a tooltip on a cut-off cell): "…before span after…". */
export function shownText(f: Pick<PiiFindingRow, 'text' | 'preview' | 'start' | 'end' | 'cell'>, showValues: boolean, around = 10): string {
  const p = shownParts(f, showValues, around);
  return `${p.clippedStart ? '…' : ''}${p.before}${p.span}${p.after}${p.clippedEnd ? '…' : ''}`;
}
