// XLSX cell values from the text the export query gives: typed columns become numbers and
// booleans where Excel can hold them exactly; text is escaped the OOXML way (`_xHHHH_`) for the
// characters XML cannot carry, so nothing is dropped (the XLSX library would drop them silently).
import type { OutputKind } from './columns';

export type CellValue = string | number | boolean | null;

/** Control characters XML 1.0 cannot hold (tab and LF can); CR because XML turns it into LF; DEL.
 *  Matching control characters is the point here, hence the lint exceptions. */
// eslint-disable-next-line no-control-regex
const NEEDS_OOXML = /[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\x7F]|_x[0-9A-Fa-f]{4}_/;
// eslint-disable-next-line no-control-regex
const OOXML_CHARS = /[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\x7F]|_(?=x[0-9A-Fa-f]{4}_)/g;

const hex4 = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

/**
 * OOXML string escaping (ECMA-376 ST_Xstring): a character XML cannot hold is written `_xHHHH_`,
 * and an underscore that would otherwise start such a sequence is written `_x005F_`, so a text
 * that already contains `_x0041_` comes back exactly. Excel decodes both.
 */
export function ooxmlEscape(text: string): string {
  if (!NEEDS_OOXML.test(text)) return text;
  return text.replace(OOXML_CHARS, (ch) => `_x${hex4(ch.charCodeAt(0))}_`);
}

/** Most decimal digits a double holds exactly. */
const EXACT_DIGITS = 15;

export function cellValue(text: string | null, kind: OutputKind): CellValue {
  if (text === null) return null;
  switch (kind) {
    case 'integer': {
      const n = Number(text);
      return Number.isSafeInteger(n) ? n : text;
    }
    case 'float': {
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    case 'decimal': {
      const digits = text.replace(/[^0-9]/g, '').replace(/^0+/, '').length;
      return digits <= EXACT_DIGITS ? Number(text) : text;
    }
    case 'boolean':
      return text === 'true';
    default:
      return ooxmlEscape(text);
  }
}
