// The formula-escape rule as a table, checked in JavaScript (headers) and in DuckDB (cells): both
// implementations must agree on every case.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeFormula, escapeFormulaSql, needsFormulaEscape } from '../../src/main/engine/export/formula';

const CASES: [string, string][] = [
  ['=1+1', "'=1+1"],
  ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
  ['+1-2', "'+1-2"],
  ['-2+3', "'-2+3"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\t=1', "'\t=1"],
  ['\r=1', "'\r=1"],
  ['-', "'-"],
  ['+', "'+"],
  ['-5 ', "'-5 "],
  ['-1,000', "'-1,000"],
  ['-inf', "'-inf"],
  ['--5', "'--5"],
  ['-5', '-5'],
  ['+3.2', '+3.2'],
  ['-.5', '-.5'],
  ['-5.', '-5.'],
  ['-1e5', '-1e5'],
  ['+2.5E-3', '+2.5E-3'],
  ['5', '5'],
  ['hello', 'hello'],
  ['', ''],
  [' =1', ' =1'],
  ['a=b', 'a=b'],
  ['😀=', '😀='],
  ["'=1", "'=1"],
  ['\n=1', '\n=1'],
];

let conn: DuckDBConnection;
let instance: DuckDBInstance;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  conn = await instance.connect();
});
afterAll(() => {
  conn.closeSync();
  instance.closeSync();
});

describe('formula escape', () => {
  it.each(CASES)('%j → %j', async (input, expected) => {
    expect(escapeFormula(input)).toBe(expected);
    expect(needsFormulaEscape(input)).toBe(expected !== input);
    const r = await conn.runAndReadAll(`SELECT ${escapeFormulaSql('$v::VARCHAR')} AS out`, { v: input });
    expect(r.getRowObjects()[0]?.out).toBe(expected);
  });

  it('leaves a missing value missing', async () => {
    const r = await conn.runAndReadAll(`SELECT ${escapeFormulaSql('NULL::VARCHAR')} AS out`);
    expect(r.getRowObjects()[0]?.out).toBeNull();
  });
});
