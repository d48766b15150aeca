// Buffered, synchronous, atomic text output: text gathers in memory up to ~1 MiB and is written
// in one call; the file appears under its name only when complete (temp file, then rename).
import fs from 'node:fs';
import path from 'node:path';

const FLUSH_AT = 1 << 16;

export class FileWriter {
  readonly tempPath: string;
  private fd: number;
  private buf = '';
  private written = 0;

  constructor(readonly finalPath: string) {
    this.tempPath = tempPathFor(finalPath);
    this.fd = fs.openSync(this.tempPath, 'w');
  }

  write(s: string): void {
    this.buf += s;
    if (this.buf.length >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.buf.length === 0) return;
    const bytes = Buffer.from(this.buf, 'utf8');
    this.buf = '';
    for (let at = 0; at < bytes.length; ) at += fs.writeSync(this.fd, bytes, at, bytes.length - at);
    this.written += bytes.length;
  }

  /** Flushes and closes; the temp file stays until `commit` or `abort`. */
  close(): number {
    if (this.fd >= 0) {
      this.flush();
      fs.closeSync(this.fd);
      this.fd = -1;
    }
    return this.written;
  }

  commit(): number {
    const n = this.close();
    fs.renameSync(this.tempPath, this.finalPath);
    return n;
  }

  abort(): void {
    try {
      if (this.fd >= 0) fs.closeSync(this.fd);
    } finally {
      this.fd = -1;
      fs.rmSync(this.tempPath, { force: true });
    }
  }
}

/** A temp name next to the target (same file system, so the rename is atomic). */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
}
