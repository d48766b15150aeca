// A finding's explanation as the side panel reads it: named lines of evidence, and how the
// confidence was reached.
import type { Explanation } from '../../../shared/api/pii-types';
import { formatConfidence } from './labels';

export type TraceRow = [name: string, value: string];

const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(2)}`;

/** The explanation as named lines, in the order a reviewer reads them. */
export function explanationRows(x: Explanation): TraceRow[] {
  const rows: TraceRow[] = [];
  if (x.pattern) rows.push(['Pattern', x.pattern]);
  if (x.checksum) rows.push(['Validation', x.checksum]);
  if (x.context && x.context.length > 0) rows.push(['Context words', x.context.map((w) => `“${w}”`).join(', ')]);
  if (x.header) rows.push(['Column header', x.header]);
  if (x.column) rows.push(['Column class', x.column]);
  for (const [i, n] of (x.notes ?? []).entries()) rows.push([i === 0 ? 'Notes' : '', n]);
  return rows;
}

/** "0.60 base +0.25 evidence +0.10 column = 0.95". */
export function scoreLine(x: Explanation, confidence: number): string | null {
  if (!x.score) return null;
  const parts = [`${x.score.base.toFixed(2)} base`, `${signed(x.score.evidence)} evidence`];
  if (x.score.column !== undefined) parts.push(`${signed(x.score.column)} column`);
  return `${parts.join(' ')} = ${formatConfidence(confidence)}`;
}

