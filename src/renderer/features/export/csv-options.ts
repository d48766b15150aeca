// The export dialog's CSV options as a form (delimiter by name or one other character, the BOM
// following the encoding's default until set by hand) and the request they make.
import type { CsvEncoding, CsvOptions, CsvQuoting } from '../../../shared/api/types';

const DELIMITERS = { comma: ',', semicolon: ';', tab: '\t', pipe: '|' } as const;
export type DelimiterChoice = keyof typeof DELIMITERS | 'other';

export interface CsvForm {
  delimiter: DelimiterChoice;
  other: string;
  quote: CsvQuoting;
  encoding: CsvEncoding;
  /** null: the encoding's default. */
  bom: boolean | null;
}

export const DEFAULT_CSV_FORM: CsvForm = { delimiter: 'comma', other: '', quote: 'minimal', encoding: 'utf-8', bom: null };

export const ENCODING_LABEL: Record<CsvEncoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'windows-1252': 'Windows-1252 (Western)' };

export const bomOf = (f: CsvForm) => (f.encoding === 'windows-1252' ? false : (f.bom ?? f.encoding === 'utf-16le'));

/** The options to send, or what is wrong with the form. */
export function csvRequest(f: CsvForm): { ok: true; value: CsvOptions } | { ok: false; problem: string } {
  const delimiter = f.delimiter === 'other' ? f.other : DELIMITERS[f.delimiter];
  if (f.delimiter === 'other' && !(delimiter.length === 1 && delimiter >= ' ' && delimiter <= '~' && delimiter !== '"')) {
    return { ok: false, problem: 'Type one character (letters, digits, punctuation or a space; not a double quote).' };
  }
  return { ok: true, value: { delimiter, quote: f.quote, encoding: f.encoding, bom: bomOf(f) } };
}
