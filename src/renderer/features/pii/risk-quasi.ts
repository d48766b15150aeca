// Which columns to suggest as quasi-identifiers when the engine gives no suggestion: those the
// scan classified as a postal code or a birth date, and those whose header names a ZIP or
// postcode, a birth date or year, sex or gender, or age. Direct identifiers (email, phone, …)
// are not quasi-identifiers: they are removed, not generalised.
import type { PiiScanSummary } from '../../../shared/api/pii-types';
import type { ColumnInfo } from '../../../shared/api/types';

const HEADER = /\b(zip|zipcode|zip_code|post(al)?[ _-]?code|postcode|birth|dob|born|yob|sex|gender|age)\b/i;
const QUASI_CLASSES = new Set(['POSTAL_CODE', 'DATE_OF_BIRTH']);

/** Splits camelCase and snake_case so `birthDate`, `birth_date` and `BirthYear` all read as words. */
const words = (h: string) => h.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.-]+/g, ' ');

export function suggestQuasi(columns: readonly ColumnInfo[], summary: PiiScanSummary | null): string[] {
  const classified = new Map(summary?.columns.map((c) => [c.columnId, c]) ?? []);
  return columns
    .filter((c) => {
      const s = classified.get(c.id);
      if (s?.decision === 'rejected') return HEADER.test(words(c.header));
      if (s?.entity && QUASI_CLASSES.has(s.entity)) return true;
      return HEADER.test(words(c.header));
    })
    .map((c) => c.id);
}
