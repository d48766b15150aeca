// The dedupe benchmark's scorer: pairwise precision, recall and F1 from cluster contingency counts,
// on hand-made clusterings with exact expected values, and the files it reads (errors that name the
// file, the line and the problem).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alignToTruth, csvFields, pairwiseScore, readLabels, scoreFiles, type PairScore } from '../../tools/bench/dedupe-score';
import { tempDir } from '../support/engine';

const dir = tempDir('ds-dedupe-score-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Six rows: a pair (0,1), a singleton (2) and a triple (3,4,5): 1 + 3 = 4 true pairs.
const TRUTH = [1, 1, 2, 3, 3, 3];

type Expect = Pick<PairScore, 'predictedPairs' | 'truePositives' | 'falsePositives' | 'falseNegatives' | 'precision' | 'recall' | 'f1' | 'predictedClusters' | 'exactClusters'>;

describe('pairwiseScore', () => {
  it.each<[string, (number | string)[], Expect]>([
    ['perfect', ['a', 'a', 'b', 'c', 'c', 'c'], { predictedPairs: 4, truePositives: 4, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1, f1: 1, predictedClusters: 2, exactClusters: 2 }],
    ['all singletons', [1, 2, 3, 4, 5, 6], { predictedPairs: 0, truePositives: 0, falsePositives: 0, falseNegatives: 4, precision: 1, recall: 0, f1: 0, predictedClusters: 0, exactClusters: 0 }],
    ['all one cluster', [7, 7, 7, 7, 7, 7], { predictedPairs: 15, truePositives: 4, falsePositives: 11, falseNegatives: 0, precision: 4 / 15, recall: 1, f1: 8 / 19, predictedClusters: 1, exactClusters: 0 }],
    ['the triple split 2 + 1', ['a', 'a', 'b', 'c', 'c', 'd'], { predictedPairs: 2, truePositives: 2, falsePositives: 0, falseNegatives: 2, precision: 1, recall: 0.5, f1: 2 / 3, predictedClusters: 2, exactClusters: 1 }],
    ['the singleton merged into the pair', ['a', 'a', 'a', 'c', 'c', 'c'], { predictedPairs: 6, truePositives: 4, falsePositives: 2, falseNegatives: 0, precision: 2 / 3, recall: 1, f1: 0.8, predictedClusters: 2, exactClusters: 1 }],
    ['the pair and the triple merged, the triple split', [1, 1, 2, 1, 1, 3], { predictedPairs: 6, truePositives: 2, falsePositives: 4, falseNegatives: 2, precision: 1 / 3, recall: 0.5, f1: 0.4, predictedClusters: 1, exactClusters: 0 }],
  ])('%s', (_, predicted, want) => {
    const s = pairwiseScore(predicted, TRUTH);
    expect(s.rows).toBe(6);
    expect(s.truePairs).toBe(4);
    expect(s.trueClusters).toBe(2);
    for (const [k, v] of Object.entries(want)) expect(s[k as keyof Expect], k).toBeCloseTo(v, 12);
  });

  it('labels are only compared for equality: renaming clusters changes nothing', () => {
    expect(pairwiseScore([9, 9, 'x', 0, 0, 0], TRUTH)).toEqual(pairwiseScore(['a', 'a', 'b', 'c', 'c', 'c'], TRUTH));
  });

  it('nothing to find and nothing found is a perfect score', () => {
    expect(pairwiseScore([1, 2, 3], [4, 5, 6])).toMatchObject({ truePairs: 0, predictedPairs: 0, precision: 1, recall: 1, f1: 1 });
  });

  it('one cluster of 200,000 rows is counted, not enumerated', () => {
    const n = 200_000;
    const truth = Array.from({ length: n }, (_, i) => Math.floor(i / 2));
    const s = pairwiseScore(new Array<number>(n).fill(1), truth);
    expect(s.predictedPairs).toBe((n * (n - 1)) / 2);
    expect(s.truePositives).toBe(n / 2);
    expect(s.precision).toBeCloseTo(n / 2 / ((n * (n - 1)) / 2), 15);
  });

  it('refuses labels for another number of rows', () => {
    expect(() => pairwiseScore([1, 2], [1, 2, 3])).toThrow('2 predicted labels for 3 rows');
  });
});

describe('csvFields', () => {
  it.each([
    ['1,2', ['1', '2']],
    ['"a,b",3', ['a,b', '3']],
    ['"say ""hi""",x', ['say "hi"', 'x']],
    [',', ['', '']],
    ['"x"', ['x']],
  ])('%s', (line, fields) => {
    expect(csvFields(line)).toEqual(fields);
  });
  it.each([['"abc,1', 'an unclosed quote'], ['"a"b,1', 'a character after a closing quote at column 4']])('%s: %s', (line, msg) => {
    expect(() => csvFields(line)).toThrow(msg);
  });
});

const file = (name: string, text: string) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
};
const truthFile = file('truth.csv', 'row_id,cluster_id\n1,1\n2,1\n3,2\n4,3\n5,3\n6,3\n');

describe('the files', () => {
  it('scores a clusters file in any row order, with a BOM, CRLF and quoted ids', () => {
    const c = file('ok.csv', '\uFEFFrecord_id,cluster_id\r\n"6",4\r\n5,4\r\n4,4\r\n3,3\r\n2,1\r\n1,1\r\n');
    expect(scoreFiles(c, truthFile)).toMatchObject({ rows: 6, truePairs: 4, predictedPairs: 4, f1: 1 });
    expect(alignToTruth(c, truthFile).predicted).toEqual(['1', '1', '3', '4', '4', '4']);
  });

  it.each([
    ['another header', 'row_id,cluster\n1,1\n', 'line 1 is "row_id,cluster"; expected the header record_id,cluster_id'],
    ['a row twice', 'record_id,cluster_id\n1,1\n2,1\n1,5\n', 'line 4: record_id 1 appears a second time'],
    ['a row the truth lacks', 'record_id,cluster_id\n1,1\n77,1\n', 'line 3: record_id 77 is no row of'],
    ['rows left out', 'record_id,cluster_id\n1,1\n2,1\n3,2\n', '3 of 6 rows have no cluster (first: record_id 4, 5, 6)'],
    ['three fields', 'record_id,cluster_id\n1,1,0\n', 'line 2 has 3 fields; expected 2'],
    ['an empty cluster', 'record_id,cluster_id\n1,\n', 'line 2: an empty cluster_id'],
    ['a broken quote', 'record_id,cluster_id\n"1,1\n', 'line 2: an unclosed quote'],
  ])('%s: names the file and the line', (name, text, msg) => {
    const c = file(`${name.replaceAll(' ', '-')}.csv`, text);
    expect(() => scoreFiles(c, truthFile)).toThrow(`${c}: ${msg}`);
  });

  it('reads the truth with its own header', () => {
    expect(readLabels(truthFile, ['row_id', 'cluster_id']).labels).toEqual(['1', '1', '2', '3', '3', '3']);
    expect(() => readLabels(truthFile, ['record_id', 'cluster_id'])).toThrow('expected the header record_id,cluster_id');
  });
});
