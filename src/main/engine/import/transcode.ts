// Streams a non-UTF-8 text file into a UTF-8 copy in the workspace's tmp folder (DuckDB reads
// UTF-8 reliably, nothing else), hashing the original bytes in the same pass.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../../shared/api/result';
import type { Encoding } from '../../../shared/api/types';

const LABEL: Record<Exclude<Encoding, 'utf-8' | 'utf-8-bom'>, string> = {
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'windows-1252': 'windows-1252',
};

export const needsTranscoding = (e: Encoding): e is keyof typeof LABEL => e !== 'utf-8' && e !== 'utf-8-bom';

export async function transcodeToUtf8(
  src: string,
  dest: string,
  encoding: keyof typeof LABEL,
  onBytes: (done: number) => void,
  signal: AbortSignal,
): Promise<{ sha256: string }> {
  const decoder = new TextDecoder(LABEL[encoding], { fatal: true, ignoreBOM: false });
  const hash = crypto.createHash('sha256');
  const out = fs.createWriteStream(dest);
  let done = 0;
  let lines = 1;
  try {
    const input = fs.createReadStream(src, { highWaterMark: 1 << 20, signal });
    for await (const chunk of input as AsyncIterable<Buffer>) {
      hash.update(chunk);
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw invalidBytes(src, encoding, chunk, done, lines);
      }
      done += chunk.length;
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
      if (!out.write(text, 'utf8')) await new Promise<void>((r) => out.once('drain', () => r()));
      onBytes(done);
    }
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw new AppError('BAD_FILE', `${src}: the file ends in the middle of a ${encoding} character (byte offset ${done}).`, {
        file: src,
        byteOffset: done,
        line: lines,
      });
    }
    out.write(tail, 'utf8');
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  } catch (err) {
    out.destroy();
    fs.rmSync(dest, { force: true });
    if (signal.aborted) throw new AppError('CANCELLED', 'cancelled');
    if (err instanceof AppError) throw err;
    throw new AppError('FILE_UNREADABLE', `${src}: reading failed after ${done} bytes (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`, {
      file: src,
      byteOffset: done,
    });
  }
  return { sha256: hash.digest('hex') };
}

/** Locates the first undecodable byte of a chunk, for an error that names line and offset. */
function invalidBytes(src: string, encoding: string, chunk: Buffer, chunkStart: number, linesBefore: number): AppError {
  const loose = new TextDecoder(encoding).decode(chunk);
  const bad = loose.indexOf('\uFFFD');
  const before = bad >= 0 ? loose.slice(0, bad) : '';
  const unit = encoding.startsWith('utf-16') ? 2 : 1;
  const offset = chunkStart + (bad >= 0 ? Buffer.byteLength(before, 'utf16le') / 2 * unit : 0);
  const line = linesBefore + (before.match(/\n/g)?.length ?? 0);
  return new AppError('BAD_FILE', `${src}: line ${line}: invalid bytes for the ${encoding} encoding near byte offset ${offset}. Choose another encoding.`, {
    file: src,
    line,
    byteOffset: offset,
  });
}
