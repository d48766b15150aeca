// Logical types of text columns: every non-empty sampled value must agree, in real DuckDB.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogicalType } from '../../src/shared/api/types';
import { analyseColumns } from '../../src/main/engine/import/column-stats';

const CASES: { label: string; values: (string | null)[]; type: LogicalType; nulls: number }[] = [
  { label: 'integers with a sign and spaces', values: ['1', '-20', ' 300 ', '+4'], type: 'integer', nulls: 0 },
  { label: 'leading zeros are identifiers', values: ['007', '010', '1'], type: 'text', nulls: 0 },
  { label: 'integers mixed with decimals', values: ['1', '2.5', '-3e2', '.5'], type: 'decimal', nulls: 0 },
  { label: 'nan and inf are not numbers', values: ['1.5', 'nan'], type: 'text', nulls: 0 },
  { label: 'thousands separators stay text (cleaning decides)', values: ['1,000', '2'], type: 'text', nulls: 0 },
  { label: 'beyond 64-bit integers are decimals', values: ['99999999999999999999', '1'], type: 'decimal', nulls: 0 },
  { label: 'booleans in any case', values: ['true', 'FALSE', 'Yes', 'no'], type: 'boolean', nulls: 0 },
  { label: '0/1 are integers, not booleans', values: ['0', '1'], type: 'integer', nulls: 0 },
  { label: 'ISO dates', values: ['2020-01-31', '1999-12-01'], type: 'date', nulls: 0 },
  { label: 'an impossible date makes text', values: ['2021-02-30', '2020-01-01'], type: 'text', nulls: 0 },
  { label: 'non-ISO dates stay text (cleaning resolves day/month)', values: ['01/02/2020', '2020-01-01'], type: 'text', nulls: 0 },
  { label: 'timestamps with T, zone and fractions', values: ['2020-01-01T10:00:00Z', '2020-01-01 10:00:00.5+02:00', '2020-01-01 10:00'], type: 'timestamp', nulls: 0 },
  { label: 'dates mixed with timestamps', values: ['2020-01-01', '2020-01-01 10:00:00'], type: 'timestamp', nulls: 0 },
  { label: 'times of day', values: ['10:00', '23:59:59.123', '7:05'], type: 'time', nulls: 0 },
  { label: 'phone numbers are text', values: ['+44 20 7946 0958', '+1-202-555-0100'], type: 'text', nulls: 0 },
  { label: 'blanks and nulls are ignored', values: ['1', '', '   ', null, '2'], type: 'integer', nulls: 1 },
  { label: 'a column with nothing in it is text', values: [null, '', null], type: 'text', nulls: 2 },
  { label: 'names', values: ['Ada', 'Alan'], type: 'text', nulls: 0 },
];

describe('analyseColumns', () => {
  let inst: DuckDBInstance;
  let conn: DuckDBConnection;
  beforeAll(async () => {
    inst = await DuckDBInstance.create(':memory:');
    conn = await inst.connect();
  });
  afterAll(() => {
    conn.closeSync();
    inst.closeSync();
  });

  it.each(CASES)('$label → $type', async ({ values, type, nulls }) => {
    await conn.run('CREATE OR REPLACE TABLE t (c1 VARCHAR)');
    const app = await conn.createAppender('t');
    for (const v of values) {
      if (v === null) app.appendNull();
      else app.appendVarchar(v);
      app.endRow();
    }
    app.closeSync();
    const facts = (await analyseColumns(conn, { name: 't' }, ['c1'])).get('c1');
    expect(facts).toEqual({ storageType: 'VARCHAR', nullCount: nulls, logicalType: type });
  });

  it.each([
    { sql: 'CREATE OR REPLACE TABLE t (c1 BIGINT)', type: 'integer' },
    { sql: 'CREATE OR REPLACE TABLE t (c1 DECIMAL(10,2))', type: 'decimal' },
    { sql: 'CREATE OR REPLACE TABLE t (c1 TIMESTAMP WITH TIME ZONE)', type: 'timestamp' },
    { sql: 'CREATE OR REPLACE TABLE t (c1 INTEGER[])', type: 'json' },
    { sql: 'CREATE OR REPLACE TABLE t (c1 STRUCT(a INTEGER))', type: 'json' },
    { sql: 'CREATE OR REPLACE TABLE t (c1 BLOB)', type: 'binary' },
  ])('typed storage $sql → $type', async ({ sql, type }) => {
    await conn.run(sql);
    expect((await analyseColumns(conn, { name: 't' }, ['c1'])).get('c1')?.logicalType).toBe(type);
  });
});
