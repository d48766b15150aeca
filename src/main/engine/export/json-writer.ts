// JSON: one array holding every row's object — the same objects as JSONL (flattened columns nested
// again under their original key paths, see jsonl-keys.ts), so a dataset imported from a nested
// JSON array comes back with its original structure. DuckDB writes the objects one per line into
// a scratch file; one streamed pass wraps them in [ … ] with a comma after each but the last, and
// hashes. JSON text never holds a raw newline, so every newline in the scratch file ends a record.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ident, literal } from '../db/sql';
import { runTracked } from '../db/tracked';
import { keyTree } from './jsonl-keys';
import { objectSql } from './jsonl-writer';
import type { Writer } from './writer';
import { IN_ROW_ORDER } from './writer';

const NL = 0x0a;

/** `[\n{…},\n{…}\n]\n` from `{…}\n{…}\n`; an empty body gives `[]\n`. */
export function arrayJoiner(): Transform {
  let pendingNewline = false;
  let any = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const parts: Buffer[] = [];
      let from = 0;
      for (let i = chunk.indexOf(NL); i !== -1; i = chunk.indexOf(NL, i + 1)) {
        if (i > from) {
          parts.push(Buffer.from(pendingNewline ? ',\n' : any ? '' : '[\n'), chunk.subarray(from, i));
          any = true;
          pendingNewline = false;
        }
        pendingNewline = pendingNewline || any;
        from = i + 1;
      }
      if (from < chunk.length) {
        parts.push(Buffer.from(pendingNewline ? ',\n' : any ? '' : '[\n'), chunk.subarray(from));
        any = true;
        pendingNewline = false;
      }
      done(null, Buffer.concat(parts));
    },
    flush(done) {
      done(null, Buffer.from(any ? '\n]\n' : '[]\n'));
    },
  });
}

export const jsonWriter: Writer = {
  async check(ctx) {
    keyTree(ctx.columns, 'JSON');
  },

  async write(ctx) {
    const params: Record<string, string> = {};
    const object = objectSql(keyTree(ctx.columns, 'JSON'), params);
    const body = `${ctx.scratchPrefix}.body`;
    await runTracked(
      ctx.conn,
      ctx.job,
      `COPY (SELECT ${object} AS line FROM ${ident(ctx.table)}) TO ${literal(body)} (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', NEW_LINE '\\n', ${IN_ROW_ORDER})`,
      params,
      (pct) => ctx.progress(Math.round((pct / 100) * ctx.rowCount)),
    );
    ctx.progress(ctx.rowCount, 'finishing the file');
    const hash = crypto.createHash('sha256');
    await pipeline(
      fs.createReadStream(body, { highWaterMark: 1 << 20 }),
      arrayJoiner(),
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      }),
      fs.createWriteStream(ctx.temp),
      { signal: ctx.job.signal },
    );
    fs.rmSync(body, { force: true });
    return { sha256: hash.digest('hex') };
  },
};
