// The risk search's column roles (header + values) and generalisation hierarchies, the latter run
// as the SQL they are, on real DuckDB in memory, value by value.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RiskColumnRole } from '../../src/shared/api/pii-types';
import { levelsFor } from '../../src/main/engine/risk/hierarchy';
import { detectRole } from '../../src/main/engine/risk/roles';

let instance: DuckDBInstance;
let conn: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
});
afterAll(() => {
  conn.closeSync();
  instance.closeSync();
});

/** Each level's output for `value` (NULL for missing), finest first, each level fed the one before. */
async function climb(role: RiskColumnRole, value: string | null): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  let prev = value;
  for (const level of levelsFor(role)) {
    const r = await conn.runAndReadAll(`SELECT ${level.sql('v', 'p')} AS x FROM (SELECT CAST($v AS VARCHAR) AS v, CAST($p AS VARCHAR) AS p)`, { v: value, p: prev });
    const x = r.getRowObjects()[0]!.x;
    prev = x === null ? null : String(x);
    out.push(prev);
  }
  return out;
}

describe('generalisation hierarchies (SQL)', () => {
  it.each<[RiskColumnRole, string | null, (string | null)[]]>([
    // dates: month → year → 5-year band → 10-year band → suppressed
    ['birth_date', '1984-03-17', ['1984-03', '1984', '1980-1984', '1980-1989', '*']],
    ['birth_date', '1987-12-01T10:20:00Z', ['1987-12', '1987', '1985-1989', '1980-1989', '*']],
    ['birth_date', '1984-03', ['1984-03', '1984', '1980-1984', '1980-1989', '*']],
    ['birth_date', '19760416', ['1976-04', '1976', '1975-1979', '1970-1979', '*']],
    ['birth_date', '4 May 1968', ['1968-05', '1968', '1965-1969', '1960-1969', '*']],
    ['birth_date', '28/05/2006', ['2006-05', '2006', '2005-2009', '2000-2009', '*']],
    ['birth_date', '08/21/1988', ['1988-08', '1988', '1985-1989', '1980-1989', '*']],
    // day/month order in doubt: the month stays as written, the year is certain
    ['birth_date', '10/09/1991', ['10/09/1991', '1991', '1990-1994', '1990-1999', '*']],
    ['birth_date', '25.06.1980', ['1980-06', '1980', '1980-1984', '1980-1989', '*']],
    // not a date (or not in the calendar): kept as it is until suppression
    ['birth_date', '1984-02-30', ['1984-02-30', '1984-02-30', '1984-02-30', '1984-02-30', '*']],
    ['birth_date', 'n/a', ['n/a', 'n/a', 'n/a', 'n/a', '*']],
    ['birth_date', null, [null, null, null, null, '*']],
    // birth years
    ['birth_year', '1957', ['1955-1959', '1950-1959', '*']],
    ['birth_year', 'unknown', ['unknown', 'unknown', '*']],
    // ages: 5 → 10 → 20-year bands, 90+ grouped, a band stops at 89
    ['age', '34', ['30-34', '30-39', '20-39', '*']],
    ['age', '89.9', ['85-89', '80-89', '80-89', '*']],
    ['age', '90', ['90+', '90+', '90+', '*']],
    ['age', '104', ['90+', '90+', '90+', '*']],
    ['age', '0', ['0-4', '0-9', '0-19', '*']],
    ['age', '151', ['151', '151', '151', '*']],
    ['age', '-3', ['-3', '-3', '-3', '*']],
    // US ZIP: first 3 digits (restricted areas → 000) → first digit
    ['zip', '02139', ['021', '0', '*']],
    ['zip', '02139-4307', ['021', '0', '*']],
    ['zip', '03601', ['000', '0', '*']],
    ['zip', '55601', ['000', '5', '*']],
    ['zip', '89301', ['000', '8', '*']],
    ['zip', '89401', ['894', '8', '*']],
    ['zip', '2139', ['2139', '2139', '*']],
    // UK postcode: outward code → area
    ['uk_postcode', 'SW1A 1AA', ['SW1A', 'SW', '*']],
    ['uk_postcode', 'g1 3hj', ['G1', 'G', '*']],
    ['uk_postcode', 'M601NW', ['M60', 'M', '*']],
    ['uk_postcode', '12345', ['12345', '12345', '*']],
    // postal codes of several countries
    ['postcode', 'EC1A 1BB', ['EC1A', 'EC', '*']],
    ['postcode', '03601', ['000', '0', '*']],
    ['postcode', '57-349', ['573', '5', '*']],
    ['postcode', '100-0001', ['100', '1', '*']],
    ['postcode', null, [null, null, '*']],
    // sex and other categories: suppression only
    ['sex', 'F', ['*']],
    ['categorical', 'Glasgow', ['*']],
  ])('%s %j → %j', async (role, value, expected) => {
    expect(await climb(role, value)).toEqual(expected);
  });
});

describe('column roles', () => {
  const many = (vals: string[], n = 10) => Array.from({ length: n }, () => vals).flat();
  it.each<[string, string[], RiskColumnRole]>([
    ['date_of_birth', many(['1991-09-10', '10/09/1991', '4 May 1968', 'n/a', '']), 'birth_date'],
    ['DOB', many(['1991-09-10', '1980-01-01']), 'birth_date'],
    ['BirthDate', many(['19760416']), 'birth_date'],
    ['signup_date', many(['2012-05-31', '2020-01-01']), 'date'],
    ['shipped', many(['2012-05-31', 'soon', 'later']), 'categorical'],
    ['birth_year', many(['1957', '1960']), 'birth_year'],
    ['yob', many(['1957', '1960']), 'birth_year'],
    ['year', many(['1957', '1960']), 'categorical'],
    ['order_no', many(['1957', '1960']), 'categorical'],
    ['age', many(['34', '90', '7', '']), 'age'],
    ['Age (years)', many(['34.5', '90']), 'age'],
    ['quantity', many(['34', '90']), 'categorical'],
    ['zip', many(['02139', '90210-1234']), 'zip'],
    ['ZipCode', many(['02139', '90210']), 'zip'],
    ['product_code', many(['02139', '90210']), 'categorical'],
    ['postcode', many(['SW1A 1AA', 'G1 3HJ']), 'uk_postcode'],
    ['address_line_3', many(['SW1A 1AA', 'G1 3HJ', 'M60 1NW']), 'uk_postcode'],
    ['postcode', many(['G1 3HJ', '57-349', '10115', '560001', '01310-100']), 'postcode'],
    ['Postal Code', many(['02139', 'K1A 0B1']), 'postcode'],
    ['gender', many(['Female', 'Male', 'prefer not to say']), 'sex'],
    ['sex', [], 'sex'],
    ['s', many(['M', 'F', 'F', 'm']), 'sex'],
    ['grade', many(['A', 'B', 'C', 'D']), 'categorical'],
    ['city', many(['Glasgow', 'Wrocław']), 'categorical'],
    ['notes', [], 'categorical'],
  ])('%s %j → %s', (header, values, role) => {
    expect(detectRole(header, values)).toBe(role);
  });
});
