// The fingerprint key: the SQL form (over a column) and the JavaScript form agree, case by case.
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, fingerprintSql, ngramFingerprint } from '../../src/main/engine/text/keys';

const CASES: [string, string][] = [
  ['  Hello,   World! ', 'hello world'],
  ['world hello', 'hello world'],
  ['Café  São-Paulo', 'cafe saopaulo'],
  ['cafe sao paulo', 'cafe paulo sao'],
  ['', ''],
  ['   ', ''],
  ['A&B Co.', 'ab co'],
  ['x\u0001y', 'xy'],
  ['Ünïcödé', 'unicode'],
  ['€100 $5', '100 5'],
  ['New York  NY', 'new ny york'],
  ['b a b a', 'a b'],
];

describe('fingerprint', () => {
  let conn: Awaited<ReturnType<DuckDBInstance['connect']>>;
  beforeAll(async () => {
    conn = await (await DuckDBInstance.create(':memory:')).connect();
  });
  afterAll(() => conn.closeSync());

  it.each(CASES)('%j → %j in JavaScript', (value, key) => {
    expect(fingerprint(value)).toBe(key);
  });

  it.each(CASES)('%j → %j in DuckDB SQL', async (value, key) => {
    const r = await conn.runAndReadAll(`SELECT ${fingerprintSql('$v')} AS k`, { v: value });
    expect(r.getRowObjects()[0]?.k).toBe(key);
  });

  it('keeps NULL as NULL in SQL', async () => {
    const r = await conn.runAndReadAll(`SELECT ${fingerprintSql('NULL::VARCHAR')} AS k`);
    expect(r.getRowObjects()[0]?.k).toBeNull();
  });
});

describe('ngramFingerprint', () => {
  it.each([
    ['Paris', 2, 'arispari'],
    ['P a r i s!', 2, 'arispari'],
    ['aaaa', 2, 'aa'],
    ['a', 2, 'a'],
    ['Krzysztof', 1, 'fkorstyz'],
    ['Müller', 3, 'lerllemulull'],
  ] as [string, number, string][])('%j with n=%i → %j', (value, n, key) => {
    expect(ngramFingerprint(value, n)).toBe(key);
  });
});
