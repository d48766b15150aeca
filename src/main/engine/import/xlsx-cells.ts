// Excel cell values (as exceljs's streaming reader gives them) → the text we store: numbers as
// JavaScript prints them, dates as ISO 8601, formulas as their cached result, rich text and
// hyperlinks as their text, errors as their code (#N/A). Empty text is a missing value, as in CSV.

/** exceljs's rule: a number format with date or time letters outside quotes and brackets. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhsb]/i.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** A serial day number → Date, as exceljs converts cells (which it does not do for formula results). */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Date only when there is no time of day; time only for serials below 1 (Excel's time values). */
export function isoText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const ms = d.getUTCMilliseconds();
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ''}`;
  if (date === '1899-12-30') return time;
  if (time === '00:00:00') return date;
  return `${date}T${time}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function cellText(v: unknown, numFmt: string | undefined, date1904: boolean): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return isoText(v) || null;
  if (!isRecord(v)) return String(v);
  if (typeof v.error === 'string') return v.error;
  if (Array.isArray(v.richText)) {
    const text = v.richText.map((r: unknown) => (isRecord(r) && typeof r.text === 'string' ? r.text : '')).join('');
    return text === '' ? null : text;
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const r = v.result;
    if (typeof r === 'number' && isDateFormat(numFmt)) return isoText(excelSerialToDate(r, date1904)) || null;
    return cellText(r, undefined, date1904);
  }
  if ('text' in v) return cellText(v.text, numFmt, date1904);
  return JSON.stringify(v);
}
