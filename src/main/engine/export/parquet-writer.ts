// Parquet: DuckDB's COPY writes the data with the internal column ids as names, then the footer
// is rewritten with the original headers (parquet-names.ts). DuckDB itself would rename: it makes
// duplicates and case variants unique ("a", "a_1", "A_1") and cannot name a column "". The Parquet
// format holds any UTF-8 name, including those, so the file carries the headers exactly.
import { ident, literal } from '../db/sql';
import { runTracked } from '../db/tracked';
import { renameParquetColumns } from './parquet-names';
import type { Writer } from './writer';
import { IN_ROW_ORDER } from './writer';

export const parquetWriter: Writer = {
  async write(ctx) {
    const select = ctx.columns.map((c) => ident(c.id)).join(', ');
    await runTracked(
      ctx.conn,
      ctx.job,
      `COPY (SELECT ${select} FROM ${ident(ctx.table)}) TO ${literal(ctx.temp)} (FORMAT parquet, COMPRESSION snappy, ${IN_ROW_ORDER})`,
      undefined,
      (pct) => ctx.progress(Math.round((pct / 100) * ctx.rowCount)),
    );
    ctx.progress(ctx.rowCount, 'writing the column names');
    renameParquetColumns(
      ctx.temp,
      ctx.columns.map((c) => ({ from: c.id, to: c.header })),
    );
    return {};
  },
};
