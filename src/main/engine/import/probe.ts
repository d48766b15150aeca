// First look at a file: its size, its format (from content first, then extension), whether it
// is text at all, and its encoding. Reads only the first bytes.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/result';
import type { Encoding, SourceFormat } from '../../../shared/api/types';

export const SAMPLE_BYTES = 256 * 1024;

export interface Probe {
  path: string;
  fileName: string;
  size: number;
  modifiedAt: Date;
  /** Full-precision mtime, to notice a file that changes during the import. */
  modifiedMs: number;
  sample: Buffer;
  format: SourceFormat;
  /** For text formats. */
  encoding: Encoding | null;
}

const MAGIC: { bytes: number[]; what: string; format?: SourceFormat }[] = [
  { bytes: [0x50, 0x41, 0x52, 0x31], what: 'a Parquet file', format: 'parquet' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an Excel workbook?)', format: 'xlsx' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office document (.xls); save it as .xlsx or CSV first' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file; decompress it first' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'an executable program' },
  { bytes: [0x4d, 0x5a], what: 'a Windows executable' },
];

const EXTENSIONS: Record<string, SourceFormat> = {
  '.csv': 'csv', '.tsv': 'csv', '.tab': 'csv', '.psv': 'csv', '.txt': 'csv', '.dat': 'csv',
  '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl',
  '.parquet': 'parquet', '.pq': 'parquet',
  '.xlsx': 'xlsx', '.xlsm': 'xlsx',
};

export function formatFromExtension(file: string): SourceFormat | undefined {
  return EXTENSIONS[path.extname(file).toLowerCase()];
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

export function probeFile(file: string, requested?: SourceFormat): Probe {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (err) {
    throw new AppError('FILE_UNREADABLE', `${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'}).`, { file });
  }
  if (st.isDirectory()) throw new AppError('INVALID_ARGUMENT', `${file} is a folder, not a file.`, { file });
  if (st.size === 0) throw new AppError('BAD_FILE', `${file} is empty (0 bytes): there is nothing to import.`, { file });
  const sample = readHead(file, SAMPLE_BYTES);
  const magic = MAGIC.find((m) => startsWith(sample, m.bytes));
  const byExt = formatFromExtension(file);
  const base = { path: file, fileName: path.basename(file), size: st.size, modifiedAt: st.mtime, modifiedMs: st.mtimeMs, sample };

  if (requested === 'parquet' || requested === 'xlsx') {
    const want = MAGIC.find((m) => m.format === requested);
    if (!want || !startsWith(sample, want.bytes)) {
      throw new AppError('BAD_FILE', `${file} is not ${requested === 'xlsx' ? 'an XLSX workbook' : 'a Parquet file'}: ${magic ? `it looks like ${magic.what}` : 'its first bytes (byte offset 0) are not that format\'s signature'}.`, { file, byteOffset: 0 });
    }
    return { ...base, format: requested, encoding: null };
  }
  if (magic && !requested) {
    if (!magic.format) throw new AppError('BAD_FILE', `${file} is not a data file we can import: it looks like ${magic.what}.`, { file });
    return { ...base, format: magic.format, encoding: null };
  }
  if (magic) {
    throw new AppError('BAD_FILE', `${file} cannot be read as ${requested}: it looks like ${magic.what}.`, { file });
  }
  if (!requested && (byExt === 'xlsx' || byExt === 'parquet')) {
    const what = byExt === 'xlsx' ? 'an XLSX workbook (those are ZIP packages)' : 'a Parquet file';
    throw new AppError('BAD_FILE', `${file} is named ${path.extname(file)} but is not ${what}: its first bytes (byte offset 0) are not that format's signature.`, {
      file,
      byteOffset: 0,
    });
  }
  const encoding = detectEncoding(sample, st.size <= SAMPLE_BYTES);
  if (encoding === null) {
    throw new AppError('BAD_FILE', `${file} is not a text file: its first bytes contain binary data (byte offset ${firstBinaryOffset(sample)}).`, {
      file,
      byteOffset: firstBinaryOffset(sample),
    });
  }
  const format = requested ?? (byExt && byExt !== 'parquet' && byExt !== 'xlsx' ? byExt : sniffTextFormat(sample, encoding));
  return { ...base, format, encoding };
}

export function readHead(file: string, n: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = fs.readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    fs.closeSync(fd);
  }
}

/** BOMs first; then UTF-16 without BOM by its NUL pattern; then UTF-8 validity; else Windows-1252. */
export function detectEncoding(sample: Buffer, complete: boolean): Encoding | null {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return 'utf-8-bom';
  if (startsWith(sample, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(sample, [0xfe, 0xff])) return 'utf-16be';
  const n = Math.min(sample.length, 4096);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  if (n >= 4 && oddNul > n / 2 * 0.7 && evenNul === 0) return 'utf-16le';
  if (n >= 4 && evenNul > n / 2 * 0.7 && oddNul === 0) return 'utf-16be';
  if (evenNul + oddNul > 0) return null;
  if (controlRatio(sample) > 0.05) return null;
  return isValidUtf8(sample, complete) ? 'utf-8' : 'windows-1252';
}

function controlRatio(buf: Buffer): number {
  const n = Math.min(buf.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) bad++;
  }
  return n === 0 ? 0 : bad / n;
}

function firstBinaryOffset(buf: Buffer): number {
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) return i;
  }
  return 0;
}

/** UTF-8 validity; a sequence cut by the end of an incomplete sample is allowed. */
export function isValidUtf8(buf: Buffer, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    if (complete) return false;
    // Retry without up to 3 trailing bytes of a possibly cut multi-byte sequence.
    for (let cut = 1; cut <= 3; cut++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, buf.length - cut));
        return true;
      } catch {
        // keep trying shorter
      }
    }
    return false;
  }
}

/** For files without a telling extension: JSON array, JSON lines, or delimited text. */
function sniffTextFormat(sample: Buffer, encoding: Encoding): SourceFormat {
  const text = decodeSample(sample, encoding).trimStart();
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    return lines.length > 1 && lines.slice(0, 20).every((l) => l.trimStart().startsWith('{')) ? 'jsonl' : 'json';
  }
  return 'csv';
}

/** Decodes a sample for sniffing and previews; a cut trailing character is dropped. */
export function decodeSample(sample: Buffer, encoding: Encoding): string {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  const text = new TextDecoder(label, { fatal: false }).decode(sample);
  return text.replace(/^\uFEFF/, '').replace(/\uFFFD$/, '');
}
