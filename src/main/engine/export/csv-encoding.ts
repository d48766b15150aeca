// CSV output encodings (UTF-8, UTF-16LE, Windows-1252) and their byte-order marks; a streaming
// re-encoder for DuckDB's UTF-8 output; and the check, made in SQL before anything is written,
// that names the first row and column holding a character Windows-1252 cannot encode — such a
// character is refused, never written as '?'.
import { StringDecoder } from 'node:string_decoder';
import { Transform } from 'node:stream';
import { AppError } from '../../../shared/api/result';
import type { CsvEncoding } from '../../../shared/api/types';
import { ident } from '../db/sql';
import { isTypedValue, outputKind, textExpr } from './columns';
import type { WriteContext } from './writer';

export const ENCODING_NAME: Record<CsvEncoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'windows-1252': 'Windows-1252' };

export const BOM: Record<CsvEncoding, Buffer | null> = {
  'utf-8': Buffer.from([0xef, 0xbb, 0xbf]),
  'utf-16le': Buffer.from([0xff, 0xfe]),
  'windows-1252': null,
};

/** Bytes 0x80–0x9F of Windows-1252 (the WHATWG index: the five unassigned bytes map to C1 controls). */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Code point → Windows-1252 byte. */
const CP1252 = new Map<number, number>();
for (let b = 0; b < 0x100; b++) CP1252.set(b >= 0x80 && b < 0xa0 ? CP1252_80_9F[b - 0x80]! : b, b);

export function cp1252Byte(codePoint: number): number | undefined {
  return CP1252.get(codePoint);
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** An RE2 class matching any character Windows-1252 cannot encode. */
export function unencodableClass(): string {
  const cps = [...CP1252.keys()].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < cps.length; ) {
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j]! + 1) j++;
    ranges.push(i === j ? `\\x{${cps[i]!.toString(16)}}` : `\\x{${cps[i]!.toString(16)}}-\\x{${cps[j]!.toString(16)}}`);
    i = j + 1;
  }
  return `[^${ranges.join('')}]`;
}

/** The first character of `text` Windows-1252 cannot encode, or null. */
export function firstUnencodable(text: string): { char: string; codePoint: number; index: number } | null {
  let index = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!CP1252.has(cp)) return { char: ch, codePoint: cp, index };
    index++;
  }
  return null;
}

function encode1252(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length);
  let n = 0;
  for (const ch of text) {
    const b = CP1252.get(ch.codePointAt(0)!);
    // The check before writing found every such character; reaching one here is a defect, not data.
    if (b === undefined) throw new AppError('INTERNAL', `A character Windows-1252 cannot encode (${hex(ch.codePointAt(0)!)}) reached the writer after the check.`);
    out[n++] = b;
  }
  return out.subarray(0, n);
}

/** Text → bytes in the encoding (UTF-8 passes through the re-encoder untouched). */
export function encodeText(text: string, encoding: CsvEncoding): Buffer {
  if (encoding === 'utf-16le') return Buffer.from(text, 'utf16le');
  if (encoding === 'windows-1252') return encode1252(text);
  return Buffer.from(text, 'utf8');
}

/** A stream turning UTF-8 bytes into the encoding, characters split across chunks included. */
export function reencoder(encoding: CsvEncoding): Transform {
  const decoder = new StringDecoder('utf8');
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (encoding === 'utf-8') return done(null, chunk);
      try {
        done(null, encodeText(decoder.write(chunk), encoding));
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done) {
      if (encoding === 'utf-8') return done();
      try {
        const tail = decoder.end();
        done(null, tail ? encodeText(tail, encoding) : undefined);
      } catch (err) {
        done(err as Error);
      }
    },
  });
}

function refuse(where: string, found: { char: string; codePoint: number }, details: Record<string, unknown>): AppError {
  return new AppError(
    'UNSUPPORTED',
    `Cannot write Windows-1252: ${where} holds ${JSON.stringify(found.char)} (${hex(found.codePoint)}), which Windows-1252 cannot encode. Nothing was written; choose UTF-8 or UTF-16LE, or replace the character first.`,
    { ...details, codePoint: hex(found.codePoint), encoding: 'windows-1252' },
  );
}

/** Refuses, before writing, a header or cell the encoding cannot hold: the first one in file order. */
export async function checkEncodable(ctx: WriteContext, encoding: CsvEncoding): Promise<void> {
  if (encoding !== 'windows-1252') return;
  ctx.columns.forEach((c, i) => {
    const found = firstUnencodable(c.header);
    if (found) throw refuse(`the header of column ${i + 1} (${JSON.stringify(c.header)})`, found, { row: 0, column: i + 1, header: c.header });
  });
  const candidates = ctx.columns.filter((c) => !isTypedValue(outputKind(c)));
  if (candidates.length === 0 || ctx.rowCount === 0) return;
  ctx.progress(0, 'checking the characters fit Windows-1252');
  const pattern = unencodableClass();
  const firsts = candidates.map((c, i) => `min(rowid) FILTER (WHERE regexp_matches(${textExpr(c, false)}, $p)) AS ${ident(`m${i}`)}`);
  const row = (await ctx.conn.runAndReadAll(`SELECT ${firsts.join(', ')} FROM ${ident(ctx.table)}`, { p: pattern })).getRowObjects()[0] ?? {};
  let best: { rowid: bigint; column: (typeof candidates)[number] } | null = null;
  candidates.forEach((c, i) => {
    const v = row[`m${i}`];
    // Columns are scanned in file order, so on a tie the leftmost column wins.
    if (typeof v === 'bigint' && (best === null || v < best.rowid)) best = { rowid: v, column: c };
  });
  if (best === null) return;
  const { rowid, column } = best as { rowid: bigint; column: (typeof candidates)[number] };
  const hasRowId = (await ctx.conn.runAndReadAll(`SELECT 1 FROM duckdb_columns() WHERE table_name = $t AND column_name = 'row_id'`, { t: ctx.table })).getRowObjects().length > 0;
  const cell = (
    await ctx.conn.runAndReadAll(
      `SELECT ${textExpr(column, false)} AS v, (SELECT count(*) FROM ${ident(ctx.table)} WHERE rowid < $r) + 1 AS n${hasRowId ? ', row_id' : ''} FROM ${ident(ctx.table)} WHERE rowid = $r`,
      { r: rowid },
    )
  ).getRowObjects()[0];
  const found = firstUnencodable(String(cell?.v ?? ''));
  if (!cell || !found) return;
  const n = Number(cell.n);
  const rowId = hasRowId ? Number(cell.row_id) : null;
  const position = ctx.columns.indexOf(column) + 1;
  const where = `data row ${n}${rowId !== null && rowId !== n ? ` (row id ${rowId})` : ''}, column ${position} (${JSON.stringify(column.header)}), character ${found.index + 1},`;
  throw refuse(where, found, { row: n, ...(rowId !== null ? { rowId } : {}), column: position, header: column.header, character: found.index + 1 });
}
