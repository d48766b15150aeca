// SHA-256 of a source file, streamed (runs alongside the DuckDB load).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../../shared/api/result';

export async function sha256File(file: string, onBytes?: (done: number) => void, signal?: AbortSignal): Promise<string> {
  const hash = crypto.createHash('sha256');
  let done = 0;
  try {
    const stream = fs.createReadStream(file, { highWaterMark: 1 << 20, signal });
    for await (const chunk of stream) {
      hash.update(chunk as Buffer);
      done += (chunk as Buffer).length;
      onBytes?.(done);
    }
  } catch (err) {
    if (signal?.aborted) throw new AppError('CANCELLED', 'cancelled');
    throw new AppError('FILE_UNREADABLE', `${file}: reading failed after ${done} bytes (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`, {
      file,
      byteOffset: done,
    });
  }
  return hash.digest('hex');
}
