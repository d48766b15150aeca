// Delimiter, quote and header detection on a decoded sample, with a small RFC 4180 record
// parser (also used for the import preview and to read header text exactly as written).

export interface Dialect {
  delimiter: string;
  quote: string; // '' for none
}

export interface ParsedSample {
  records: string[][];
  /** False when the sample ended inside a record (that record is dropped). */
  lastComplete: boolean;
}

/** Parses up to `maxRecords` records. Quotes escape by doubling; empty lines are skipped. */
export function parseRecords(text: string, d: Dialect, maxRecords = Infinity, sampleIsWholeFile = false): ParsedSample {
  const records: string[][] = [];
  const { delimiter: delim, quote } = d;
  let field = '';
  let row: string[] = [];
  let inQuotes = false;
  let fieldStarted = false;
  let i = 0;
  const n = text.length;
  const endRow = () => {
    row.push(field);
    if (!(row.length === 1 && row[0] === '' && !fieldStarted)) records.push(row);
    row = [];
    field = '';
    fieldStarted = false;
  };
  while (i < n && records.length < maxRecords) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === quote) {
        if (text[i + 1] === quote) {
          field += quote;
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (quote !== '' && ch === quote && field === '') {
      inQuotes = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (ch === delim) {
      row.push(field);
      field = '';
      fieldStarted = true;
      i++;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (records.length >= maxRecords) return { records, lastComplete: true };
  const pending = field !== '' || row.length > 0 || fieldStarted;
  if (pending && sampleIsWholeFile && !inQuotes) {
    endRow();
    return { records, lastComplete: true };
  }
  return { records, lastComplete: !pending };
}

const CANDIDATES = [',', ';', '\t', '|'];

/** Picks the delimiter whose records agree best on a field count above one. */
export function sniffDialect(text: string, fileName: string, sampleIsWholeFile: boolean): Dialect {
  const preferTab = /\.(tsv|tab)$/i.test(fileName);
  const preferPipe = /\.psv$/i.test(fileName);
  let best: { d: Dialect; score: number } | null = null;
  for (const delimiter of CANDIDATES) {
    const d = { delimiter, quote: '"' };
    const { records } = parseRecords(text, d, 200, sampleIsWholeFile);
    if (records.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of records) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const [mode, freq] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    if (mode < 2) continue;
    const consistency = freq / records.length;
    let score = consistency * 10 + Math.min(mode, 50) / 50;
    if ((preferTab && delimiter === '\t') || (preferPipe && delimiter === '|')) score += 1;
    if (!best || score > best.score) best = { d, score };
  }
  return best?.d ?? { delimiter: preferTab ? '\t' : ',', quote: '"' };
}

type Kind = 'empty' | 'number' | 'date' | 'bool' | 'text';
function kindOf(v: string): Kind {
  const s = v.trim();
  if (s === '') return 'empty';
  if (/^[+-]?(\d+([.,]\d+)*|\d*\.\d+)([eE][+-]?\d+)?%?$/.test(s)) return 'number';
  if (/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(s)) return 'date';
  if (/^(true|false|yes|no)$/i.test(s)) return 'bool';
  return 'text';
}

/**
 * A header unless the first record looks like data: it has typed values (numbers, dates) in
 * columns whose other values have the same type, and no column where a text first value sits
 * above typed values.
 */
export function sniffHeader(records: string[][]): boolean {
  if (records.length < 2) return true;
  const [first, ...rest] = records as [string[], ...string[][]];
  let headerVotes = 0;
  let dataVotes = 0;
  for (let col = 0; col < first.length; col++) {
    const kinds = rest.slice(0, 100).map((r) => kindOf(r[col] ?? '')).filter((k) => k !== 'empty');
    if (kinds.length === 0) continue;
    const typed = kinds.filter((k) => k !== 'text');
    const mostlyTyped = typed.length / kinds.length >= 0.8;
    const head = kindOf(first[col]!);
    if (mostlyTyped && head === 'text') headerVotes++;
    if (mostlyTyped && head !== 'text' && head !== 'empty') dataVotes++;
    if (head === 'empty') headerVotes += 0; // a blank header is still a header, but not evidence
  }
  if (headerVotes > 0) return true;
  return dataVotes === 0;
}

/** Warnings about headers DuckDB itself could not hold as names (we keep them all). */
export function headerIssues(headers: string[]): { blank: number[]; duplicate: { header: string; positions: number[] }[] } {
  const blank: number[] = [];
  const seen = new Map<string, number[]>();
  headers.forEach((h, i) => {
    if (h.trim() === '') blank.push(i + 1);
    const key = h.toLowerCase();
    seen.set(key, [...(seen.get(key) ?? []), i + 1]);
  });
  const duplicate = [...seen.entries()]
    .filter(([, p]) => p.length > 1)
    .map(([, p]) => ({ header: headers[p[0]! - 1]!, positions: p }));
  return { blank, duplicate };
}
