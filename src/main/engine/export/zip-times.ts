// Pins every entry time of a finished ZIP file (an XLSX) to one fixed value, in place. The zip
// library stamps each entry with the time of writing and offers no option for it; patching the
// two time fields of each entry (local header and central directory) is what makes the same data
// give the same bytes. Handles ZIP64 (a sheet past 4 GB).
import fs from 'node:fs';

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

/** 1980-01-01 00:00:00, the earliest time a ZIP entry can hold: (date << 16) | time, MS-DOS format. */
export const FIXED_DOS_TIME = ((0 << 9) | (1 << 5) | 1) << 16;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

function corrupt(file: string, what: string): Error {
  return new Error(`${file}: not a ZIP file the exporter can finish (${what})`);
}

/** Where the central directory is, from the end-of-central-directory record(s). */
function centralDirectory(fd: number, file: string, size: number): { offset: number; length: number; entries: number } {
  // The record is 22 bytes plus a comment of up to 65,535 bytes.
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = readAt(fd, size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw corrupt(file, 'no end-of-central-directory record');
  let entries = tail.readUInt16LE(at + 10);
  let length = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);
  if (offset === MAX32 || length === MAX32 || entries === 0xffff) {
    const locatorAt = size - tailLength + at - 20;
    const locator = readAt(fd, locatorAt, 20);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw corrupt(file, 'no ZIP64 locator');
    const record = readAt(fd, Number(locator.readBigUInt64LE(8)), 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD) throw corrupt(file, 'no ZIP64 end record');
    entries = Number(record.readBigUInt64LE(32));
    length = Number(record.readBigUInt64LE(40));
    offset = Number(record.readBigUInt64LE(48));
  }
  return { offset, length, entries };
}

/** A central entry's local-header offset, from the ZIP64 extra field when the 32-bit one is full. */
function localHeaderOffset(cd: Buffer, at: number): number {
  const offset = cd.readUInt32LE(at + 42);
  if (offset !== MAX32) return offset;
  const nameLength = cd.readUInt16LE(at + 28);
  const extraLength = cd.readUInt16LE(at + 30);
  let p = at + 46 + nameLength;
  const end = p + extraLength;
  while (p + 4 <= end) {
    const id = cd.readUInt16LE(p);
    const len = cd.readUInt16LE(p + 2);
    if (id === 0x0001) {
      // The ZIP64 field holds, in order, only the values whose 32-bit fields are full.
      let q = p + 4;
      if (cd.readUInt32LE(at + 24) === MAX32) q += 8;
      if (cd.readUInt32LE(at + 20) === MAX32) q += 8;
      return Number(cd.readBigUInt64LE(q));
    }
    p += 4 + len;
  }
  return offset;
}

/** Sets every entry's modification time to `dosTime` (default: 1980-01-01 00:00). */
export function pinZipTimes(file: string, dosTime = FIXED_DOS_TIME): number {
  const fd = fs.openSync(file, 'r+');
  try {
    const { offset, length, entries } = centralDirectory(fd, file, fs.fstatSync(fd).size);
    const cd = readAt(fd, offset, length);
    const stamp = Buffer.alloc(4);
    stamp.writeUInt32LE(dosTime >>> 0);
    let at = 0;
    for (let i = 0; i < entries; i++) {
      if (cd.readUInt32LE(at) !== CENTRAL) throw corrupt(file, `central entry ${i + 1} is damaged`);
      cd.writeUInt32LE(dosTime >>> 0, at + 12);
      const local = localHeaderOffset(cd, at);
      if (readAt(fd, local, 4).readUInt32LE(0) !== LOCAL) throw corrupt(file, `local header of entry ${i + 1} not found`);
      fs.writeSync(fd, stamp, 0, 4, local + 10);
      at += 46 + cd.readUInt16LE(at + 28) + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
    }
    fs.writeSync(fd, cd, 0, cd.length, offset);
    return entries;
  } finally {
    fs.closeSync(fd);
  }
}
