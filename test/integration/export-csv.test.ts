// CSV export: hostile headers round-trip byte for byte, the body is RFC 4180, formula escaping is
// applied to text cells (and headers) but not to typed numbers.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAll, startTestEngine, tempDir, writeFixture, type TestEngine } from '../support/engine';
import { exportOk, typedDataset } from './export-support';

const HOSTILE_HEADER = 'id,"""; DROP TABLE x; --",😀 emoji,,dup,dup,Name,NAME,name,"a,b",semi;colon,"quote""inside", lead space,tab\there';
const HOSTILE_CSV = [
  HOSTILE_HEADER,
  '1,x,🎉,e,d1,d2,n1,n2,n3,"1,5",s;1,"say ""hi""",  sp,t',
  '2,"multi\nline",ü,e,d1,d2,n1,n2,n3,2,s;2,q,sp,t',
  '3,y,z,e,d1,d2,n1,n2,n3,3,s;3,q,sp,t',
].join('\n') + '\n';

let t: TestEngine;
let dir: string;
beforeAll(async () => {
  t = await startTestEngine();
  dir = tempDir('ds-export-csv-');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('CSV export', () => {
  it('round-trips hostile headers byte for byte, and the whole file', async () => {
    const src = writeFixture(dir, 'hostile.csv', HOSTILE_CSV);
    const imported = await t.importFile(src, { delimiter: ',' });
    expect(imported.columns.map((c) => c.header)).toEqual(['id', '"; DROP TABLE x; --', '😀 emoji', '', 'dup', 'dup', 'Name', 'NAME', 'name', 'a,b', 'semi;colon', 'quote"inside', ' lead space', 'tab\there']);
    const out = path.join(dir, 'hostile-out.csv');
    const r = await exportOk(t, { datasetId: imported.datasetId, path: out });
    const written = fs.readFileSync(out, 'utf8');
    expect(written.split('\n')[0]).toBe(HOSTILE_HEADER);
    expect(written).toBe(HOSTILE_CSV);
    expect(r).toMatchObject({ format: 'csv', rows: 3, bytes: Buffer.byteLength(HOSTILE_CSV) });

    const again = await t.importFile(out, { delimiter: ',' });
    expect(again.columns.map((c) => c.header)).toEqual(imported.columns.map((c) => c.header));
    expect((await readAll(t, again.datasetId)).rows).toEqual((await readAll(t, imported.datasetId)).rows);
  });

  it('writes a missing value as nothing and an empty text as ""', async () => {
    const id = await typedDataset(t, 'nulls', [{ header: 'a', type: 'VARCHAR' }, { header: 'b', type: 'VARCHAR' }], `VALUES ('x', NULL), ('', 'y'), (NULL, NULL)`);
    const out = path.join(dir, 'nulls.csv');
    await exportOk(t, { datasetId: id, path: out });
    expect(fs.readFileSync(out, 'utf8')).toBe('a,b\nx,\n"",y\n,\n');
  });

  it('keeps every row of a one-column dataset (a missing value is written as "")', async () => {
    const id = await typedDataset(t, 'one', [{ header: 'only', type: 'VARCHAR' }], `VALUES ('x'), (NULL), ('')`);
    const out = path.join(dir, 'one.csv');
    await exportOk(t, { datasetId: id, path: out });
    expect(fs.readFileSync(out, 'utf8')).toBe('only\nx\n""\n""\n');
  });

  it('escapes formula-like text cells and headers, never typed numbers', async () => {
    const id = await typedDataset(
      t,
      'formulas',
      [{ header: '=cmd', type: 'VARCHAR' }, { header: 'n', type: 'BIGINT' }, { header: 'd', type: 'DOUBLE' }],
      `VALUES ('=1+1', -5, -2.5), ('-5', 3, 1.0), ('@x', NULL, NULL), ('+3.2', 0, 0)`,
    );
    const escaped = path.join(dir, 'formulas.csv');
    await exportOk(t, { datasetId: id, path: escaped });
    expect(fs.readFileSync(escaped, 'utf8')).toBe("'=cmd,n,d\n'=1+1,-5,-2.5\n-5,3,1.0\n'@x,,\n+3.2,0,0.0\n");
    const raw = path.join(dir, 'formulas-raw.csv');
    await exportOk(t, { datasetId: id, path: raw, formulaEscape: false });
    expect(fs.readFileSync(raw, 'utf8')).toBe('=cmd,n,d\n=1+1,-5,-2.5\n-5,3,1.0\n@x,,\n+3.2,0,0.0\n');
  });

  it('writes typed values as DuckDB text, time zones in UTC, binary as base64', async () => {
    const id = await typedDataset(
      t,
      'typed',
      [
        { header: 'ts', type: 'TIMESTAMPTZ', logical: 'timestamp' },
        { header: 'b', type: 'BLOB', logical: 'binary' },
        { header: 'l', type: 'INTEGER[]', logical: 'json' },
        { header: 'ok', type: 'BOOLEAN', logical: 'boolean' },
      ],
      `VALUES ('2024-05-01 12:00:00+02'::TIMESTAMPTZ, '\\x00\\xFF'::BLOB, [1, 2], true)`,
    );
    const out = path.join(dir, 'typed.csv');
    await exportOk(t, { datasetId: id, path: out });
    expect(fs.readFileSync(out, 'utf8')).toBe('ts,b,l,ok\n2024-05-01 10:00:00+00,AP8=,"[1,2]",true\n');
  });
});
