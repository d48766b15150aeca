// Import setting choices as the preview dialog offers them, with readable names.
import type { Encoding, RaggedPolicy, SourceFormat } from '../../../shared/api/types';

export const FORMAT_NAMES: Record<SourceFormat, string> = {
  csv: 'CSV / delimited text',
  json: 'JSON (array of objects)',
  jsonl: 'JSON Lines',
  parquet: 'Parquet',
  xlsx: 'Excel workbook (.xlsx)',
};

export const DELIMITERS: { value: string; label: string }[] = [
  { value: ',', label: 'Comma  ,' },
  { value: ';', label: 'Semicolon  ;' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe  |' },
];

export const QUOTES: { value: string; label: string }[] = [
  { value: '"', label: 'Double quote  "' },
  { value: "'", label: "Single quote  '" },
  { value: '', label: 'None' },
];

export const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with BOM',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252 / Latin-1',
};

export const RAGGED_NAMES: Record<RaggedPolicy, string> = {
  abort: 'Stop and report them',
  pad: 'Pad them with empty fields',
  skip: 'Skip them',
};

export function delimiterName(d: string | undefined): string {
  if (d === undefined) return '';
  return DELIMITERS.find((x) => x.value === d)?.label.split('  ')[0] ?? `“${d}”`;
}
