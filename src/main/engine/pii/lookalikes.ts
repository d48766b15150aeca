// Shapes that look like PII but are not — dates, version strings, amounts, ISBNs, UUIDs — shared
// by the recognisers that could mistake them (phones, IP addresses, SSNs).

import { isbn10, isbn13 } from './checksums';

/** 2024-01-02, 02/01/2024, 2.1.24, 20240102. */
export function looksLikeDate(raw: string): boolean {
  const s = raw.trim();
  if (/^(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])$/.test(s)) return true;
  if (/^(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|[12]\d|3[01])[-/.](?:\d{2}|\d{4})$/.test(s)) return true;
  return /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/.test(s);
}

/** 1,234,567.89, 1.234.567,89 or 123456789.50: grouped thousands or cents are an amount, not a phone number. */
export function looksLikeAmount(raw: string): boolean {
  const s = raw.trim();
  return /^\d{1,3}(?:([.,' ])\d{3})(?:\1\d{3})*(?:[.,]\d{1,2})?$/.test(s) || /^\d+[.,]\d{1,2}$/.test(s);
}

/** The words before `start` name a version or build: 'version 1.2.3.4', 'v1.2.3.4', 'build: 10.0.1.5'. */
export function afterVersionWord(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  return /(?:^|[^\p{L}])(?:v|ver|version|release|build|rev|revision|firmware|fw)\s*[.:#=]?\s*$/iu.test(before);
}

/** 'ISBN' (or 'ISBN-13:') just before the span. */
export function afterIsbnWord(text: string, start: number): boolean {
  return /\bISBN(?:-1[03])?\s*:?\s*$/i.test(text.slice(Math.max(0, start - 16), start));
}

/**
 * An ISBN written as one: 978-3-16-148410-0 (five groups) or 0-306-40615-2 (four), or thirteen
 * digits starting 978/979, with a valid check digit.
 */
export function looksLikeIsbn(raw: string): boolean {
  const s = raw.trim();
  const groups = s.split(/[- ]/);
  const compact = groups.join('');
  if (isbn13(compact)) return groups.length === 1 || groups.length === 5;
  return groups.length === 4 && (groups.at(-1)?.length ?? 0) === 1 && isbn10(compact);
}

/** The span lies inside a UUID (8-4-4-4-12 hex). Only the span's neighbourhood is read, so long texts stay linear. */
export function insideUuid(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 36);
  const near = text.slice(from, end + 36);
  const re = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
  for (let m = re.exec(near); m !== null; m = re.exec(near)) {
    if (from + m.index < end && start < from + m.index + m[0].length) return true;
  }
  return false;
}
