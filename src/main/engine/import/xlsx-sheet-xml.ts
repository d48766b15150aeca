// The sheet part as exceljs reads it, with one repair on the way: exceljs turns the cached result
// of a formula into a number whatever its type, so a formula whose result is an error (#N/A from
// a failed VLOOKUP, the commonest case) becomes NaN and a TRUE/FALSE result becomes 1/0. Cells
// whose cached result is an error or a boolean lose their <f> element here, so exceljs reads
// them as the plain error or boolean they hold (we keep results, never formulas).
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import type { ZipEntry } from './xlsx-zip';

const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
/** Past this much text without a complete cell, cut at a tag end anyway (bounded memory). */
const MAX_CARRY = 1 << 20;

/** Drops the formula of cells typed e (error) or b (boolean); other cells are left as written. */
export function fixFormulaCells(xml: string): string {
  return xml.replace(/<c\b([^>]*?)\bt="([eb])"([^>/]*)>([\s\S]*?)<\/c>/g, (_m, before: string, t: string, after: string, inner: string) => {
    const value = inner.replace(/<f\b[^>]*\/>|<f\b[^>]*>[\s\S]*?<\/f>/g, '');
    return `<c${before}t="${t}"${after}>${value}</c>`;
  });
}

/** A local header for a stored entry whose size follows in a data descriptor (it is not known yet). */
function streamedHeader(name: string): Buffer {
  const head = Buffer.alloc(30);
  head.writeUInt32LE(LOCAL, 0);
  head.writeUInt16LE(20, 4);
  head.writeUInt16LE(0x08, 6);
  head.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([head, Buffer.from(name)]);
}

/**
 * The sheet entry, decompressed, repaired and stored. The reader finds its end by the data
 * descriptor's signature, which XML text cannot contain (it holds byte 0x07). Entries we cannot
 * re-read this way (other compression, ZIP64 sizes) are copied as they are.
 */
export async function* repairedSheetEntry(file: string, entry: ZipEntry, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(30);
  try {
    fs.readSync(fd, head, 0, 30, entry.localHeaderOffset);
  } finally {
    fs.closeSync(fd);
  }
  const dataStart = entry.localHeaderOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  const copy = (entry.method !== 0 && entry.method !== 8) || entry.compressedSize === 0xffffffff || head.readUInt32LE(0) !== LOCAL;
  const raw = copy
    ? fs.createReadStream(file, { start: entry.localHeaderOffset, end: entry.end - 1, highWaterMark: 1 << 20 })
    : fs.createReadStream(file, { start: dataStart, end: dataStart + entry.compressedSize - 1, highWaterMark: 1 << 20 });
  if (copy) {
    for await (const chunk of raw) {
      onBytes(raw.bytesRead);
      yield chunk as Buffer;
    }
    return;
  }
  yield streamedHeader(entry.name);
  const text = entry.method === 8 ? raw.pipe(zlib.createInflateRaw()) : raw;
  raw.on('error', (err) => text.destroy(err));
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of text) {
    onBytes(raw.bytesRead);
    carry += decoder.write(chunk as Buffer);
    let cut = carry.lastIndexOf('</c>');
    cut = cut >= 0 ? cut + 4 : carry.length > MAX_CARRY ? carry.lastIndexOf('>') + 1 : 0;
    if (cut > 0) {
      yield Buffer.from(fixFormulaCells(carry.slice(0, cut)));
      carry = carry.slice(cut);
    }
  }
  carry += decoder.end();
  if (carry) yield Buffer.from(fixFormulaCells(carry));
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(DESCRIPTOR, 0);
  yield descriptor;
}
