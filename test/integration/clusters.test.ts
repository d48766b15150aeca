// cluster.start on a real workspace: the exact clusters each method finds in a column of known
// messy variants, counts and suggestions, blanks left out, a hostile header, a column without
// clusters, and clear errors for a bad column, a non-text column and bad parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cluster, ClusterResult } from '../../src/shared/api/cluster-types';
import type { MethodInput } from '../../src/shared/api/contract';
import { startTestEngine, tempDir, writeFixture, type TestEngine } from '../support/engine';
import { MESSY_CITIES } from '../support/messy-values';

const CITY = 'City 🏙️ "; DROP TABLE x; --';
const CITIES = [
  ...MESSY_CITIES,
  '',
  '   ',
  '\t',
];
const CODES = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey'.split(' ');

function csv(): string {
  const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
  // The third column holds only blanks: empty fields and spaces.
  return [`${q(CITY)},code,blank`, ...CITIES.map((c, i) => `${c === '' ? '' : q(c)},${CODES[i]},${i % 2 ? '' : q('  ')}`)].join('\n') + '\n';
}

type Start = Extract<MethodInput<'cluster.start'>, { method: string }>;
type Shape = [key: string, values: [string, number][], rows: number, suggested: string];
const shape = (c: Cluster): Shape => [c.key, c.values.map((v) => [v.value, v.count]), c.rows, c.suggested];

const NY: [string, number][] = [['New York', 5], ['new york ', 2], ['NEW YORK', 1]];
const PARIS: [string, number][] = [['Paris', 3], ['paris', 3]];

describe('cluster.start', () => {
  let t: TestEngine;
  let datasetId: string;
  let city: string;
  let code: string;
  let blank: string;
  let numberDataset: string;

  beforeAll(async () => {
    t = await startTestEngine();
    const dir = tempDir();
    const imp = await t.importFile(writeFixture(dir, 'cities.csv', csv()));
    datasetId = imp.datasetId;
    city = imp.columns.find((c) => c.header === CITY)!.id;
    code = imp.columns.find((c) => c.header === 'code')!.id;
    blank = imp.columns.find((c) => c.header === 'blank')!.id;
    numberDataset = (await t.importFile(writeFixture(dir, 'n.jsonl', '{"n": 1}\n{"n": 2}\n'))).datasetId;
    await t.settle();
  });
  afterAll(() => t.close());

  async function clusters(req: Omit<Start, 'datasetId' | 'version' | 'columnId'>, columnId = city): Promise<ClusterResult> {
    const job = await t.runJob('cluster.start', { datasetId, version: 1, columnId, ...req } as Start);
    expect(job.state, job.error?.message).toBe('succeeded');
    expect(job.kind).toBe('cluster');
    return job.result as ClusterResult;
  }

  const CASES: [string, Omit<Start, 'datasetId' | 'version' | 'columnId'>, Shape[]][] = [
    ['fingerprint', { method: 'fingerprint' }, [['new york', NY, 8, 'New York'], ['paris', PARIS, 6, 'Paris']]],
    ['n-gram, n = 2: New-York joins (punctuation and spaces go)', { method: 'ngram' }, [
      ['ewneorrkwyyo', [...NY, ['New-York', 1]], 9, 'New York'],
      ['arispari', PARIS, 6, 'Paris'],
    ]],
    ['n-gram, n = 1: the transposition and the doubled letter join too', { method: 'ngram', params: { n: 1 } }, [
      ['eknorwy', [...NY, ['New-York', 1], ['Nwe York', 1]], 10, 'New York'],
      ['aiprs', [...PARIS, ['Pariss', 1]], 7, 'Paris'],
    ]],
    ['phonetic: "nwe" sounds like "new"; "newyork" is one word', { method: 'metaphone' }, [
      ['ARK N', [...NY, ['Nwe York', 1]], 9, 'New York'],
      ['PRS', [...PARIS, ['Pariss', 1]], 7, 'Paris'],
    ]],
    ['Levenshtein 1 in blocks of 6: New-York and Pariss share no 6 characters', { method: 'levenshtein' }, [
      ['New York', NY, 8, 'New York'],
      ['Paris', PARIS, 6, 'Paris'],
    ]],
    ['Levenshtein 1 in blocks of 3', { method: 'levenshtein', params: { blockChars: 3 } }, [
      ['New York', [...NY, ['New-York', 1]], 9, 'New York'],
      ['Paris', [...PARIS, ['Pariss', 1]], 7, 'Paris'],
    ]],
    ['Levenshtein 2 in blocks of 3: the transposition is two edits', { method: 'levenshtein', params: { radius: 2, blockChars: 3 } }, [
      ['New York', [...NY, ['New-York', 1], ['Nwe York', 1]], 10, 'New York'],
      ['Paris', [...PARIS, ['Pariss', 1]], 7, 'Paris'],
    ]],
    ['Levenshtein, relative 0.1: one edit in 8 characters is too many', { method: 'levenshtein', params: { radius: 0.1, relative: true, blockChars: 3 } }, [
      ['New York', NY, 8, 'New York'],
      ['Paris', PARIS, 6, 'Paris'],
    ]],
    ['Levenshtein, relative 0.25: two edits in 8 characters are not', { method: 'levenshtein', params: { radius: 0.25, relative: true, blockChars: 3 } }, [
      ['New York', [...NY, ['New-York', 1], ['Nwe York', 1]], 10, 'New York'],
      ['Paris', [...PARIS, ['Pariss', 1]], 7, 'Paris'],
    ]],
  ];

  it.each(CASES)('%s', async (_name, req, expected) => {
    const r = await clusters(req);
    expect(r.clusters.map(shape)).toEqual(expected);
    // NULL, empty and blank values are never clustered nor counted.
    expect(r.distinctValues).toBe(10);
    expect(r).toMatchObject({ datasetId, version: 1, columnId: city, method: req.method, truncated: false, warnings: [] });
  });

  it('fills in default parameters and says which it used', async () => {
    expect((await clusters({ method: 'levenshtein' })).params).toEqual({ radius: 1, relative: false, blockChars: 6 });
    expect((await clusters({ method: 'ngram' })).params).toEqual({ n: 2 });
  });

  it.each(['fingerprint', 'ngram', 'metaphone', 'levenshtein'] as const)('%s finds nothing in a column of distinct words', async (method) => {
    const r = await clusters({ method }, code);
    expect(r.clusters).toEqual([]);
    expect(r.distinctValues).toBe(CODES.length);
  });

  it.each(['fingerprint', 'ngram', 'metaphone', 'levenshtein'] as const)('%s finds no values in a column of blanks', async (method) => {
    expect(await clusters({ method }, blank)).toMatchObject({ distinctValues: 0, clusters: [], truncated: false });
  });

  it('leaves no scratch table behind', async () => {
    await clusters({ method: 'levenshtein' });
    const left = await t.engine.workspace.db.all(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'cluster_%'`);
    expect(left).toEqual([]);
  });

  it.each([
    ['an unknown column', { columnId: 'c99' }, 'NOT_FOUND', /Dataset d\d+ version 1 has no column c99/],
    ['an unknown version', { version: 7 }, 'NOT_FOUND', /has no version 7/],
    ['an unknown dataset', { datasetId: 'd999' }, 'NOT_FOUND', /no dataset d999|d999 has no version/],
    ['a malformed column id', { columnId: 'city' }, 'INVALID_ARGUMENT', /columnId: a column id looks like c3/],
    ['an unknown method', { method: 'soundex' }, 'INVALID_ARGUMENT', /method must be one of fingerprint, ngram, metaphone, levenshtein/],
    ['n of 0', { method: 'ngram', params: { n: 0 } }, 'INVALID_ARGUMENT', /params\.n: n must be at least 1/],
    ['a fractional edit radius', { method: 'levenshtein', params: { radius: 1.5 } }, 'INVALID_ARGUMENT', /params\.radius: the radius counts whole edits/],
    ['a relative radius of 1', { method: 'levenshtein', params: { radius: 1, relative: true } }, 'INVALID_ARGUMENT', /params\.radius: with relative: true the radius is a fraction/],
    ['blocks of one character', { method: 'levenshtein', params: { blockChars: 1 } }, 'INVALID_ARGUMENT', /params\.blockChars: blockChars must be at least 2/],
    ['parameters fingerprint does not take', { method: 'fingerprint', params: { n: 2 } }, 'INVALID_ARGUMENT', /params: fingerprint takes no parameters \(got n\)/],
  ])('refuses %s', async (_name, change, errorCode, message) => {
    const args = { datasetId, version: 1, columnId: city, method: 'fingerprint', ...change } as Start;
    const e = await t.fail('cluster.start', args);
    expect(e.code).toBe(errorCode);
    expect(e.message).toMatch(message);
  });

  it('refuses a column that does not hold text, naming it', async () => {
    const e = await t.fail('cluster.start', { datasetId: numberDataset, version: 1, columnId: 'c1', method: 'fingerprint' });
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toMatch(/Column "n" \(c1\) of dataset d\d+ version 1 holds integer values \(BIGINT\); clustering works on text columns/);
  });
});
