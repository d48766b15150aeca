// XLSX through exceljs's streaming writer (rows are written as they come, not held), one sheet
// "customers"; balances that are plain numbers become numeric cells, as a spreadsheet user's
// would. Fixed workbook dates and ZIP entry dates keep the file byte-reproducible.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { AppError } from '../../../src/shared/api/result';
import { tempPathFor } from '../file-writer';
import type { GenRow } from '../plan';
import { COL, COLUMNS } from '../render';
import { pinZipTimes } from '../../../src/main/engine/export/zip-times';
import type { RowSink } from './sink';

/** A sheet holds 1,048,576 rows; one is the header. */
export const XLSX_MAX_DATA_ROWS = 1_048_575;
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));
const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
/** Let the zip stream drain now and then, so rows do not pile up in memory. */
const YIELD_EVERY = 2000;

export function xlsxSink(file: string, rows: number): RowSink {
  if (rows > XLSX_MAX_DATA_ROWS) {
    throw new AppError(
      'LIMIT_EXCEEDED',
      `${file}: an XLSX sheet holds at most ${XLSX_MAX_DATA_ROWS.toLocaleString('en-US')} data rows (1,048,576 with the header); ${rows.toLocaleString('en-US')} were asked for. Use CSV, JSONL or Parquet for more.`,
      { file, rows, limit: XLSX_MAX_DATA_ROWS },
    );
  }
  const temp = tempPathFor(file);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: false, useSharedStrings: false });
  wb.creator = 'Data Sanitizer generator';
  wb.lastModifiedBy = 'Data Sanitizer generator';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const sheet = wb.addWorksheet('customers');
  sheet.addRow([...COLUMNS]).commit();
  let n = 0;
  return {
    kind: 'rows',
    async row(r: GenRow) {
      const cells: (string | number | null)[] = r.record.values.slice();
      const balance = cells[COL.balance];
      if (typeof balance === 'string' && PLAIN_NUMBER.test(balance)) cells[COL.balance] = Number(balance);
      sheet.addRow(cells).commit();
      if (++n % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    },
    async finish() {
      sheet.commit();
      await wb.commit();
      pinZipTimes(temp);
      fs.renameSync(temp, file);
      return fs.statSync(file).size;
    },
    async abort() {
      await wb.commit().catch(() => undefined);
      fs.rmSync(temp, { force: true });
    },
  };
}
