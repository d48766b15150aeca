// Which format an export writes: from the file name's extension, or as asked (they must agree).
import path from 'node:path';
import { AppError } from '../../../shared/api/result';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/api/types';

export const EXTENSIONS: Record<string, ExportFormat> = {
  '.csv': 'csv',
  '.parquet': 'parquet',
  '.pq': 'parquet',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.xlsx': 'xlsx',
};

export function resolveFormat(file: string, asked?: ExportFormat): ExportFormat {
  const ext = path.extname(file).toLowerCase();
  const fromName = EXTENSIONS[ext];
  if (asked && fromName && asked !== fromName) {
    throw new AppError('INVALID_ARGUMENT', `${file}: the name ends in ${ext} (${fromName}) but the format asked is ${asked}; make them agree.`, { file });
  }
  const format = asked ?? fromName;
  if (format) return format;
  const hint = ext === '.json' ? ' A JSON array is not an export format: use .jsonl (one object per line).' : '';
  throw new AppError(
    'INVALID_ARGUMENT',
    `${file}: cannot tell the format from the name${ext ? ` (${ext})` : ''}. Use ${Object.keys(EXTENSIONS).join(', ')}, or give the format (${EXPORT_FORMATS.join(', ')}).${hint}`,
    { file },
  );
}
