// The parts of an XLSX package we read ourselves, before exceljs streams the sheet: the ZIP
// central directory (a truncated or non-ZIP file is refused with a byte offset, and nothing big
// is read), the workbook's sheet list in workbook order with each sheet's part name, and the
// stream exceljs reads: only the parts it needs, in the order it needs them.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { AppError } from '../../../shared/api/result';
import { repairedSheetEntry } from './xlsx-sheet-xml';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
  /** Where the entry's bytes end (the next entry, or the directory): a data descriptor included. */
  end: number;
}

export interface SheetInfo {
  name: string;
  /** The part inside the package, e.g. xl/worksheets/sheet1.xml. */
  part: string;
  /**
   * The name exceljs's streaming reader gives this sheet: the real name when the relationship
   * target is the usual relative worksheets/sheetN.xml, else its fallback SheetN.
   */
  readerName: string | null;
  /** Where the part starts in the package (for errors). */
  byteOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The small XML parts we read whole (workbook, relationships) are never near this. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

function readAt(fd: number, offset: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const got = fs.readSync(fd, buf, 0, length, offset);
  return buf.subarray(0, got);
}

export function readZipDirectory(file: string, size: number): ZipEntry[] {
  const fd = fs.openSync(file, 'r');
  try {
    const tailLen = Math.min(size, 65_557);
    const tail = readAt(fd, size - tailLen, tailLen);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      throw new AppError('BAD_FILE', `${file}: the ZIP directory that ends every XLSX workbook is missing (searched back from byte offset ${size}); the file is truncated or not a workbook.`, {
        file,
        byteOffset: size,
      });
    }
    let count = tail.readUInt16LE(at + 10);
    let cdSize = tail.readUInt32LE(at + 12);
    let cdOffset = tail.readUInt32LE(at + 16);
    if (cdOffset === 0xffffffff && at >= 20 && tail.readUInt32LE(at - 20) === EOCD64_LOCATOR) {
      const rec = readAt(fd, Number(tail.readBigUInt64LE(at - 12)), 56);
      count = Number(rec.readBigUInt64LE(32));
      cdSize = Number(rec.readBigUInt64LE(40));
      cdOffset = Number(rec.readBigUInt64LE(48));
    }
    if (cdOffset + cdSize > size) {
      throw new AppError('BAD_FILE', `${file}: the ZIP directory points past the end of the file (byte offset ${cdOffset + cdSize} of ${size}); the file is truncated.`, {
        file,
        byteOffset: size,
      });
    }
    const cd = readAt(fd, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count && p + 46 <= cd.length; i++) {
      if (cd.readUInt32LE(p) !== CENTRAL) {
        throw new AppError('BAD_FILE', `${file}: the ZIP directory is damaged at byte offset ${cdOffset + p}.`, { file, byteOffset: cdOffset + p });
      }
      const nameLen = cd.readUInt16LE(p + 28);
      entries.push({
        method: cd.readUInt16LE(p + 10),
        compressedSize: cd.readUInt32LE(p + 20),
        localHeaderOffset: cd.readUInt32LE(p + 42),
        name: cd.toString('utf8', p + 46, p + 46 + nameLen),
        end: cdOffset,
      });
      p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    }
    const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
    byOffset.forEach((e, i) => (e.end = byOffset[i + 1]?.localHeaderOffset ?? cdOffset));
    return entries;
  } finally {
    fs.closeSync(fd);
  }
}

export function readZipPart(file: string, entry: ZipEntry): string {
  const fd = fs.openSync(file, 'r');
  try {
    const head = readAt(fd, entry.localHeaderOffset, 30);
    if (head.length < 30 || head.readUInt32LE(0) !== LOCAL || entry.compressedSize > MAX_PART_BYTES) {
      throw new AppError('BAD_FILE', `${file}: the workbook part ${entry.name} is damaged (byte offset ${entry.localHeaderOffset}).`, { file, byteOffset: entry.localHeaderOffset });
    }
    const start = entry.localHeaderOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
    const data = readAt(fd, start, entry.compressedSize);
    try {
      if (entry.method === 0) return data.toString('utf8');
      if (entry.method === 8) return zlib.inflateRawSync(data).toString('utf8');
    } catch {
      throw new AppError('BAD_FILE', `${file}: the workbook part ${entry.name} cannot be decompressed (byte offset ${start}).`, { file, byteOffset: start });
    }
    throw new AppError('UNSUPPORTED', `${file}: the workbook part ${entry.name} uses ZIP compression method ${entry.method}.`, { file });
  } finally {
    fs.closeSync(fd);
  }
}

const decodeXml = (s: string): string =>
  s.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name as 'amp'];
  });

function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1]!, decodeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** Worksheets in workbook order (chart sheets hold no cells and are left out). */
export function listSheets(file: string, size: number): SheetInfo[] {
  return listSheetsIn(file, readZipDirectory(file, size));
}

function listSheetsIn(file: string, entries: ZipEntry[]): SheetInfo[] {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const wb = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (!wb || !rels) {
    throw new AppError('BAD_FILE', `${file} is a ZIP archive but not an Excel workbook (it has no xl/workbook.xml).`, { file });
  }
  const targets = new Map<string, { target: string; type: string }>();
  for (const m of readZipPart(file, rels).matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const a = attrs(m[1]!);
    targets.set(a.get('Id') ?? '', { target: a.get('Target') ?? '', type: a.get('Type') ?? '' });
  }
  const sheets: SheetInfo[] = [];
  for (const m of readZipPart(file, wb).matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const a = attrs(m[1]!);
    const rid = [...a.entries()].find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
    const rel = targets.get(rid);
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    const part = rel.target.startsWith('/') ? rel.target.slice(1) : `xl/${rel.target}`;
    const n = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(part)?.[1];
    const name = a.get('name') ?? '';
    sheets.push({ name, part, byteOffset: byName.get(part)?.localHeaderOffset ?? 0, readerName: n === undefined ? null : rel.target === `worksheets/sheet${n}.xml` ? name : `Sheet${n}` });
  }
  return sheets;
}

const EMPTY_SST = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

/** A stored (uncompressed) ZIP entry, for the part a workbook may lack. */
function storedEntry(name: string, data: Buffer): Buffer {
  const head = Buffer.alloc(30);
  head.writeUInt32LE(LOCAL, 0);
  head.writeUInt16LE(20, 4);
  head.writeUInt32LE(zlib.crc32(data), 14);
  head.writeUInt32LE(data.length, 18);
  head.writeUInt32LE(data.length, 22);
  head.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([head, Buffer.from(name), data]);
}

/**
 * A ZIP stream of just the workbook, its relationships, the styles, the shared strings and one
 * sheet, in that order, copied byte for byte from the file (the sheet repaired on the way, see
 * xlsx-sheet-xml.ts). exceljs's streaming reader copies
 * every sheet that comes before the shared strings (Excel writes them last) to a temp file
 * outside the workspace, uncompressed, and follows sheets only after the workbook part: in this
 * order it streams the one sheet straight through and reads no other.
 */
export function sheetStream(file: string, sheet: SheetInfo, onBytes: (done: number, total: number) => void): Readable {
  const entries = readZipDirectory(file, fs.statSync(file).size);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const parts = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml', sheet.part];
  const spans = parts.map((name) => byName.get(name));
  const total = spans.reduce((n, e) => n + (e ? e.end - e.localHeaderOffset : 0), 0);
  async function* bytes(): AsyncGenerator<Buffer> {
    let done = 0;
    for (const [i, e] of spans.entries()) {
      if (!e) {
        if (parts[i] === 'xl/sharedStrings.xml') yield storedEntry(parts[i], EMPTY_SST);
        continue;
      }
      if (parts[i] === sheet.part) {
        const before = done;
        yield* repairedSheetEntry(file, e, (n) => onBytes(before + n, total));
        continue;
      }
      for await (const chunk of fs.createReadStream(file, { start: e.localHeaderOffset, end: e.end - 1, highWaterMark: 1 << 20 })) {
        done += (chunk as Buffer).length;
        onBytes(done, total);
        yield chunk as Buffer;
      }
    }
    // An empty end-of-directory record: without one the ZIP reader reports the stream as cut.
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(EOCD, 0);
    yield eocd;
  }
  return Readable.from(bytes(), { objectMode: false });
}
