// Makes a ZIP file byte-reproducible: archiver stamps every entry with the current time, so the
// dates in the local headers and the central directory are set to one fixed date in place.
import fs from 'node:fs';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** 1980-01-01 00:00:00, the earliest date a ZIP can hold. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return buf.subarray(0, done);
}

/** Returns how many entries were stamped. Throws on anything that is not a plain (non-ZIP64) ZIP. */
export function fixZipDates(file: string): number {
  const fd = fs.openSync(file, 'r+');
  try {
    const size = fs.fstatSync(fd).size;
    const tailLen = Math.min(size, 22 + 0xffff);
    const tail = readAt(fd, size - tailLen, tailLen);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new Error(`${file}: no ZIP end-of-central-directory record found`);
    const entries = tail.readUInt16LE(at + 10);
    const cdSize = tail.readUInt32LE(at + 12);
    const cdOffset = tail.readUInt32LE(at + 16);
    if (entries === 0xffff || cdOffset === 0xffffffff) throw new Error(`${file}: ZIP64 archives are not handled`);
    const cd = readAt(fd, cdOffset, cdSize);
    let p = 0;
    for (let n = 0; n < entries; n++) {
      if (cd.readUInt32LE(p) !== CENTRAL) throw new Error(`${file}: bad central directory entry at byte ${cdOffset + p}`);
      cd.writeUInt16LE(DOS_TIME, p + 12);
      cd.writeUInt16LE(DOS_DATE, p + 14);
      const local = cd.readUInt32LE(p + 42);
      const head = readAt(fd, local, 4);
      if (head.readUInt32LE(0) !== LOCAL) throw new Error(`${file}: bad local header at byte ${local}`);
      const stamp = Buffer.alloc(4);
      stamp.writeUInt16LE(DOS_TIME, 0);
      stamp.writeUInt16LE(DOS_DATE, 2);
      fs.writeSync(fd, stamp, 0, 4, local + 10);
      p += 46 + cd.readUInt16LE(p + 28) + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    }
    fs.writeSync(fd, cd, 0, cd.length, cdOffset);
    return entries;
  } finally {
    fs.closeSync(fd);
  }
}
