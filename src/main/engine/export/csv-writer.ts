// CSV: the header line is ours (DuckDB cannot name a column "" or two columns alike), the body is
// DuckDB's COPY (fast, RFC 4180 quoting, "" for an empty text and nothing for a missing value).
// The two are joined into the temp file in one pass that also computes the SHA-256.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { ident, literal } from '../db/sql';
import { runTracked } from '../db/tracked';
import { textExpr } from './columns';
import { escapeFormula } from './formula';
import type { Writer } from './writer';
import { IN_ROW_ORDER } from './writer';

/** RFC 4180: a field is quoted when it holds the delimiter, a quote, CR or LF; quotes are doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvHeaderLine(headers: string[], formulaEscape: boolean): string {
  // A single blank header would make an empty line, which readers skip: quote it then.
  if (headers.length === 1 && headers[0] === '') return '""\n';
  return `${headers.map((h) => csvField(formulaEscape ? escapeFormula(h) : h)).join(',')}\n`;
}

export const csvWriter: Writer = {
  async write(ctx) {
    const body = `${ctx.scratchPrefix}.body`;
    // With one column a missing value would be an empty line, which readers skip (the row would be
    // lost): there, missing values are written as "" like empty texts.
    const oneColumn = ctx.columns.length === 1;
    const select = ctx.columns
      .map((c) => `${oneColumn ? `coalesce(${textExpr(c, ctx.formulaEscape)}, '')` : textExpr(c, ctx.formulaEscape)} AS ${ident(c.id)}`)
      .join(', ');
    if (ctx.columns.length > 0) {
      await runTracked(
        ctx.conn,
        ctx.job,
        `COPY (SELECT ${select} FROM ${ident(ctx.table)}) TO ${literal(body)} (FORMAT csv, HEADER false, DELIMITER ',', QUOTE '"', ESCAPE '"', NEW_LINE '\\n', ${IN_ROW_ORDER})`,
        undefined,
        (pct) => ctx.progress(Math.round((pct / 100) * ctx.rowCount)),
      );
    } else {
      fs.writeFileSync(body, '');
    }
    ctx.progress(ctx.rowCount, 'finishing the file');
    const hash = crypto.createHash('sha256');
    const header = Buffer.from(csvHeaderLine(ctx.columns.map((c) => c.header), ctx.formulaEscape), 'utf8');
    hash.update(header);
    fs.writeFileSync(ctx.temp, header);
    await pipeline(
      fs.createReadStream(body, { highWaterMark: 1 << 20 }),
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
