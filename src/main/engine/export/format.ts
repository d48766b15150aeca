// Which format an export writes: from the file name's extension, or as asked (they must agree);
// and the CSV options, resolved (refused for any other format).
import path from 'node:path';
import { AppError } from '../../../shared/api/result';
import { EXPORT_FORMATS, type CsvOptions, type ExportFormat } from '../../../shared/api/types';

export const EXTENSIONS: Record<string, ExportFormat> = {
  '.csv': 'csv',
  '.parquet': 'parquet',
  '.pq': 'parquet',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
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
  throw new AppError(
    'INVALID_ARGUMENT',
    `${file}: cannot tell the format from the name${ext ? ` (${ext})` : ''}. Use ${Object.keys(EXTENSIONS).join(', ')}, or give the format (${EXPORT_FORMATS.join(', ')}).`,
    { file },
  );
}

export type CsvOptionsInput = Partial<CsvOptions>;

/** The CSV options an export writes with: undefined for other formats (which refuse any given). */
export function resolveCsvOptions(file: string, format: ExportFormat, asked: CsvOptionsInput | undefined): CsvOptions | undefined {
  if (format !== 'csv') {
    if (asked && Object.values(asked).some((v) => v !== undefined)) {
      throw new AppError('INVALID_ARGUMENT', `${file}: delimiter, quoting, encoding and BOM are CSV options; this export is ${format.toUpperCase()}.`, { file });
    }
    return undefined;
  }
  const encoding = asked?.encoding ?? 'utf-8';
  if (encoding === 'windows-1252' && asked?.bom) {
    throw new AppError('INVALID_ARGUMENT', `${file}: Windows-1252 has no byte-order mark; leave the BOM off, or choose UTF-8 or UTF-16LE.`, { file });
  }
  return {
    delimiter: asked?.delimiter ?? ',',
    quote: asked?.quote ?? 'minimal',
    encoding,
    bom: asked?.bom ?? encoding === 'utf-16le',
  };
}
