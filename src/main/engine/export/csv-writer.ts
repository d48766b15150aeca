// CSV: the header line is ours (DuckDB cannot name a column "" or two columns alike), the body is
// DuckDB's COPY (fast, RFC 4180 quoting with the chosen delimiter, "" for an empty text and
// nothing for a missing value; every value quoted when asked). The two are joined into the temp
// file in one pass that re-encodes (UTF-16LE, Windows-1252), puts the BOM first, and hashes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { CsvOptions } from '../../../shared/api/types';
import { ident, literal } from '../db/sql';
import { runTracked } from '../db/tracked';
import { textExpr } from './columns';
import { BOM, checkEncodable, encodeText, reencoder } from './csv-encoding';
import { escapeFormula } from './formula';
import type { Writer } from './writer';
import { IN_ROW_ORDER } from './writer';

export const DEFAULT_CSV: CsvOptions = { delimiter: ',', quote: 'minimal', encoding: 'utf-8', bom: false };

/** RFC 4180: a field is quoted when it holds the delimiter, a quote, CR or LF (or always, with `all`); quotes are doubled. */
export function csvField(text: string, delimiter = ',', quoteAll = false): string {
  const must = quoteAll || text.includes(delimiter) || /["\r\n]/.test(text);
  return must ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvHeaderLine(headers: string[], formulaEscape: boolean, opts: Pick<CsvOptions, 'delimiter' | 'quote'> = DEFAULT_CSV): string {
  // A single blank header would make an empty line, which readers skip: quote it then.
  if (headers.length === 1 && headers[0] === '') return '""\n';
  return `${headers.map((h) => csvField(formulaEscape ? escapeFormula(h) : h, opts.delimiter, opts.quote === 'all')).join(opts.delimiter)}\n`;
}

export const csvWriter: Writer = {
  async check(ctx) {
    await checkEncodable(ctx, (ctx.csv ?? DEFAULT_CSV).encoding);
  },

  async write(ctx) {
    const opts = ctx.csv ?? DEFAULT_CSV;
    const body = `${ctx.scratchPrefix}.body`;
    // With one column a missing value would be an empty line, which readers skip (the row would be
    // lost): there, missing values are written as "" like empty texts.
    const oneColumn = ctx.columns.length === 1;
    const select = ctx.columns
      .map((c) => `${oneColumn ? `coalesce(${textExpr(c, ctx.formulaEscape)}, '')` : textExpr(c, ctx.formulaEscape)} AS ${ident(c.id)}`)
      .join(', ');
    if (ctx.columns.length > 0) {
      const forceQuote = opts.quote === 'all' ? ', FORCE_QUOTE *' : '';
      await runTracked(
        ctx.conn,
        ctx.job,
        `COPY (SELECT ${select} FROM ${ident(ctx.table)}) TO ${literal(body)} (FORMAT csv, HEADER false, DELIMITER ${literal(opts.delimiter)}, QUOTE '"', ESCAPE '"', NEW_LINE '\\n'${forceQuote}, ${IN_ROW_ORDER})`,
        undefined,
        (pct) => ctx.progress(Math.round((pct / 100) * ctx.rowCount)),
      );
    } else {
      fs.writeFileSync(body, '');
    }
    ctx.progress(ctx.rowCount, 'finishing the file');
    const hash = crypto.createHash('sha256');
    const bom = opts.bom ? BOM[opts.encoding] : null;
    const header = Buffer.concat([bom ?? Buffer.alloc(0), encodeText(csvHeaderLine(ctx.columns.map((c) => c.header), ctx.formulaEscape, opts), opts.encoding)]);
    hash.update(header);
    fs.writeFileSync(ctx.temp, header);
    await pipeline(
      fs.createReadStream(body, { highWaterMark: 1 << 20 }),
      reencoder(opts.encoding),
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      }),
      fs.createWriteStream(ctx.temp, { flags: 'a' }),
      { signal: ctx.job.signal },
    );
    fs.rmSync(body, { force: true });
    return { sha256: hash.digest('hex') };
  },
};
