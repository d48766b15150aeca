// Parquet: the records go to a temporary CSV with typed balance and signup date, which a private
// in-memory DuckDB converts (COPY … TO … FORMAT parquet, zstd). Balance becomes DOUBLE and the
// signup date DATE, as a typed warehouse export would hold them; the rest stays text.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import { literal } from '../../../src/main/engine/db/sql';
import { FileWriter, tempPathFor } from '../file-writer';
import { COLUMNS } from '../render';
import type { TextSink } from './sink';

const TYPES: Partial<Record<(typeof COLUMNS)[number], string>> = { balance: 'DOUBLE', signup_date: 'DATE' };

async function convert(csv: string, target: string, threads: number): Promise<void> {
  const db = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: String(threads),
  });
  try {
    const conn = await db.connect();
    try {
      const columns = COLUMNS.map((c) => `${literal(c)}: ${literal(TYPES[c] ?? 'VARCHAR')}`).join(', ');
      // COPY's target cannot be a bound parameter; the path is ours, quoted as a literal.
      await conn.run(
        `COPY (SELECT * FROM read_csv($src, header = false, delim = ',', quote = '"', escape = '"', auto_detect = false,
           columns = {${columns}}, max_line_size = 16777216)) TO ${literal(target)} (FORMAT parquet, COMPRESSION zstd)`,
        { src: csv },
      );
    } finally {
      conn.closeSync();
    }
  } finally {
    db.closeSync();
  }
}

export function parquetSink(file: string, threads = 2): TextSink {
  const csv = new FileWriter(`${file}.csv`);
  const temp = tempPathFor(file);
  return {
    kind: 'text',
    format: 'parquet-csv',
    chunk(text: string) {
      csv.write(`${text}\n`);
    },
    async finish() {
      csv.close();
      try {
        await convert(csv.tempPath, temp, threads);
        fs.renameSync(temp, file);
      } catch (err) {
        fs.rmSync(temp, { force: true });
        throw err;
      } finally {
        csv.abort();
      }
      return fs.statSync(file).size;
    },
    async abort() {
      csv.abort();
      fs.rmSync(temp, { force: true });
    },
  };
}
