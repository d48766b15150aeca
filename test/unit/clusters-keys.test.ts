// The JavaScript cluster keys (phonetic, n-gram batches) and the bounded edit distance, as tables.
import { describe, expect, it } from 'vitest';
import { closePairs, withinDistance } from '../../src/main/engine/clusters/edit-distance';
import { metaphoneKeys, ngramKeys } from '../../src/main/engine/clusters/key-tasks';
import { metaphoneKey } from '../../src/main/engine/clusters/phonetic';

describe('metaphoneKey', () => {
  it.each([
    ['New York', 'ARK N'],
    ['  new   YORK!', 'ARK N'],
    ['York, New', 'ARK N'],
    ['Nwe York', 'ARK N'],
    ['Smith', 'SM0'],
    ['Smyth', 'SM0'],
    ['Jon Smith', 'JN SM0'],
    ['John Smyth', 'JN SM0'],
    ['Fil Fry', 'FL FR'],
    ['Fry Phil', 'FL FR'],
    ['Müller', 'MLR'],
    ['Muller', 'MLR'],
    ['Route 66', '66 RT'],
    ['Route 9', '9 RT'],
    ['Москва', 'москва'],
    ['東京 Tokyo', 'TK 東京'],
    ['!!!', ''],
    ['', ''],
  ])('%j → %j', (value, key) => {
    expect(metaphoneKey(value)).toBe(key);
  });

  it('keys a batch in order', () => {
    expect(metaphoneKeys({ values: ['Smith', 'Route 9', ''] })).toEqual(['SM0', '9 RT', '']);
  });
});

describe('ngramKeys', () => {
  it.each([
    [['Paris', 'paris!', 'Pariss'], 2, ['arispari', 'arispari', 'arispariss']],
    [['New York', 'New-York', 'Nwe York'], 1, ['eknorwy', 'eknorwy', 'eknorwy']],
    [['ab', 'a'], 3, ['ab', 'a']],
  ] as [string[], number, string[]][])('%j with n=%i → %j', (values, n, keys) => {
    expect(ngramKeys({ values, n })).toEqual(keys);
  });
});

describe('withinDistance (code points)', () => {
  it.each([
    ['kitten', 'sitting', 3, true],
    ['kitten', 'sitting', 2, false],
    ['Göteborg', 'Goteborg', 1, true],
    ['東京都', '東京府', 1, true],
    ['🏙x', 'x', 1, true],
    ['', 'abc', 3, true],
    ['', 'abc', 2, false],
    ['abc', 'abc', 0, true],
    ['abcdef', 'ab', 3, false],
    ['new york', 'nwe york', 1.6, false],
    ['new york', 'nwe york', 2, true],
  ] as [string, string, number, boolean][])('%j ~ %j within %d: %s', (a, b, max, expected) => {
    expect(withinDistance(a, b, max)).toBe(expected);
    expect(withinDistance(b, a, max)).toBe(expected);
  });

  it('flags a batch of pairs', () => {
    expect([...closePairs({ left: ['paris', 'lyon'], right: ['pariss', 'london'], max: [1, 1] })]).toEqual([1, 0]);
  });
});
