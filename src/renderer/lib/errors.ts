// Errors as the user reads them: a title per code and the location facts (file, line, offset).
import type { ErrorCode, ErrorInfo } from '../../shared/api/result';
import { formatCount } from './format';

const TITLES: Record<ErrorCode, string> = {
  INVALID_ARGUMENT: 'The request was not valid',
  NOT_FOUND: 'Not found',
  ALREADY_EXISTS: 'The file already exists',
  FILE_UNREADABLE: 'The file cannot be read',
  BAD_FILE: 'This file cannot be imported',
  RAGGED_ROWS: 'Some rows have the wrong number of fields',
  UNSUPPORTED: 'Not supported',
  FORBIDDEN: 'Not allowed',
  UNAUTHENTICATED: 'Identity not confirmed',
  LIMIT_EXCEEDED: 'A format limit was exceeded',
  WORKSPACE_LOCKED: 'The workspace is in use',
  WORKSPACE_INCOMPATIBLE: 'This workspace cannot be opened',
  OUTSIDE_ROOTS: 'That folder cannot be browsed',
  BUSY: 'Busy',
  POLICY_INVALID: 'The policy is not valid',
  POLICY_COLUMN_MISSING: 'The policy names a column this data does not have',
  CANCELLED: 'Cancelled',
  VERIFICATION_FAILED: 'Verification failed',
  INTERNAL: 'Something went wrong',
};

export function errorTitle(e: ErrorInfo): string {
  return TITLES[e.code];
}

export interface Fact {
  label: string;
  value: string;
  mono?: boolean;
}

/** Keys shown as facts, in this order; the rest of `details` is shown only when simple. */
const LOCATION: { key: string; label: string; mono?: boolean; count?: boolean }[] = [
  { key: 'file', label: 'File', mono: true },
  { key: 'line', label: 'Line', count: true },
  { key: 'column', label: 'Column', count: true },
  { key: 'record', label: 'Record', count: true },
  { key: 'byteOffset', label: 'Byte offset', count: true },
  { key: 'count', label: 'Rows affected', count: true },
  { key: 'expectedFields', label: 'Fields expected', count: true },
];

const HIDDEN = new Set(['firstLines']);

export function errorFacts(e: ErrorInfo): Fact[] {
  const d = e.details ?? {};
  const facts: Fact[] = [];
  for (const f of LOCATION) {
    const v = d[f.key];
    if (v === undefined || v === null) continue;
    facts.push({ label: f.label, value: f.count && typeof v === 'number' ? formatCount(v) : String(v), ...(f.mono ? { mono: true } : {}) });
  }
  const known = new Set(LOCATION.map((f) => f.key));
  for (const [k, v] of Object.entries(d)) {
    if (known.has(k) || HIDDEN.has(k)) continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      facts.push({ label: humanKey(k), value: typeof v === 'number' ? formatCount(v) : String(v) });
    }
  }
  return facts;
}

function humanKey(k: string): string {
  const words = k.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface BadLine {
  line: number;
  text: string;
}

/** RAGGED_ROWS carries the first offending lines. */
export function badLines(e: ErrorInfo): BadLine[] {
  const raw = e.details?.firstLines;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r: unknown) => {
    if (typeof r !== 'object' || r === null) return [];
    const { line, text } = r as { line?: unknown; text?: unknown };
    return typeof line === 'number' && typeof text === 'string' ? [{ line, text }] : [];
  });
}

/** The whole error as text, for the clipboard and bug reports. */
export function errorAsText(e: ErrorInfo): string {
  return [`${errorTitle(e)} (${e.code})`, e.message, ...errorFacts(e).map((f) => `${f.label}: ${f.value}`)].join('\n');
}
