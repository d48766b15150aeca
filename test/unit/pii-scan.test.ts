// PII scanning: spans inside free text, evidence and regions, code point offsets, overlap
// resolution, long texts, and the worker pool's 'pii.scanCells' task (in-process and in a worker).
import { describe, expect, it } from 'vitest';
import { RECOGNISERS } from '../../src/main/engine/pii/registry';
import { resolveOverlaps, scanText } from '../../src/main/engine/pii/scan';
import type { Finding } from '../../src/main/engine/pii/types';
import { WorkerPool } from '../../src/main/engine/workers/pool';
import { runTask } from '../../src/main/engine/workers/tasks';
import { ctx, cut } from '../support/pii';

describe('free text', () => {
  it('finds each span inside longer text, in order', () => {
    const text = 'Hi, call me at +44 20 7946 0958 or mail jane@example.org; card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32, from 10.1.2.3.';
    const found = scanText(text, ctx());
    expect(found.map((f) => [f.entity, cut(text, f)])).toEqual([
      ['PHONE', '+44 20 7946 0958'],
      ['EMAIL', 'jane@example.org'],
      ['CREDIT_CARD', '4111 1111 1111 1111'],
      ['IBAN', 'GB82 WEST 1234 5698 7654 32'],
      ['IP_ADDRESS', '10.1.2.3'],
    ]);
    expect(found[0]).toMatchObject({ start: 15, end: 31, confidence: 1, explanation: { context: ['call'] } });
  });

  it('reads national numbers with the regions given, and only international ones without', () => {
    const text = 'office (201) 555-0123, London +44 20 7946 0958';
    expect(scanText(text, ctx(undefined, ['US'])).map((f) => cut(text, f))).toEqual(['(201) 555-0123', '+44 20 7946 0958']);
    expect(scanText(text, ctx(undefined, [])).map((f) => cut(text, f))).toEqual(['+44 20 7946 0958']);
    expect(scanText(text, ctx(undefined, ['XX'])).map((f) => cut(text, f))).toEqual(['+44 20 7946 0958']);
  });

  it('needs evidence for a bare ZIP and a bare nine-digit SSN, and says where it came from', () => {
    expect(scanText('ref 02139', ctx())).toEqual([]);
    expect(scanText('ZIP code 02139', ctx())).toMatchObject([{ entity: 'POSTAL_CODE', start: 9, end: 14, explanation: { context: ['zip', 'zip code'] } }]);
    expect(scanText('536228726', ctx('customer_ssn'))).toMatchObject([{ entity: 'US_SSN', explanation: { header: 'column "customer_ssn" mentions "ssn"' } }]);
  });

  it('trusts a national number less when only a later region reads it, and says so', () => {
    const [asFirst] = scanText('020 7946 0958', ctx(undefined, ['GB', 'US']));
    const [asSecond] = scanText('020 7946 0958', ctx(undefined, ['US', 'GB']));
    expect(asFirst).toMatchObject({ confidence: 0.6, explanation: { score: { base: 0.6, evidence: 0 }, notes: ['GB number'] } });
    expect(asSecond).toMatchObject({ confidence: 0.5, explanation: { score: { base: 0.5, evidence: 0 }, notes: ['GB number', 'valid only as a GB number, not US'] } });
    const [international] = scanText('+44 20 7946 0958', ctx(undefined, ['US', 'GB']));
    expect(international?.confidence).toBe(0.75);
  });

  it('explains its confidence as base plus evidence', () => {
    expect(scanText('SSN 536-22-8726', ctx())[0]?.explanation.score).toEqual({ base: 0.6, evidence: 0.35 });
    expect(scanText('536-22-8726', ctx())[0]?.explanation.score).toEqual({ base: 0.6, evidence: 0 });
    expect(scanText('card 4111111111111111', ctx())[0]).toMatchObject({ confidence: 0.95, explanation: { score: { base: 0.8, evidence: 0.15 } } });
  });

  it('trusts a Luhn-valid number less when it is named as an order or tracking number, unless a card word is near too', () => {
    expect(scanText('order 4532015112830366', ctx())).toMatchObject([{ entity: 'CREDIT_CARD', confidence: 0.5, explanation: { notes: ['issuer Visa', 'named as something else: order'] } }]);
    expect(scanText('4532015112830366', ctx('Tracking no'))).toMatchObject([{ confidence: 0.5, explanation: { notes: ['issuer Visa', 'named as something else: column "Tracking no" mentions "tracking"'] } }]);
    expect(scanText('order paid by card 4532015112830366', ctx())).toMatchObject([{ confidence: 0.95, explanation: { notes: ['issuer Visa'], context: ['card'] } }]);
  });

  it('reads a lower-case postcode only in a postcode column', () => {
    expect(scanText('sw1a 1aa', ctx())).toEqual([]);
    expect(scanText('sw1a 1aa', ctx('Post code'))).toMatchObject([{ entity: 'POSTAL_CODE', start: 0, end: 8, confidence: 0.95 }]);
  });

  it('raises confidence for a header in camel or snake case', () => {
    const [plain] = scanText('+1 201 555 0123', ctx());
    const [boosted] = scanText('+1 201 555 0123', ctx('contactPhoneNumber'));
    expect(plain?.confidence).toBe(0.75);
    expect(boosted?.confidence).toBe(1);
    expect(boosted?.explanation.header).toBe('column "contactPhoneNumber" mentions "phone"');
  });
});

describe('code point offsets', () => {
  it.each([
    ['astral emoji before the span', '😀😀 mail a@b.com', 'a@b.com', 8],
    ['flag (two astral code points) before', '🇬🇧 SW1A 1AA', 'SW1A 1AA', 3],
    ['astral letter inside the header text', '𝒜 call +44 20 7946 0958 𝒵', '+44 20 7946 0958', 7],
    ['combining accent (BMP) before', 'Cafe\u0301: 4111111111111111', '4111111111111111', 7],
    ['no surrogates', 'ip 10.0.0.1', '10.0.0.1', 3],
  ])('%s', (_what, text, span, start) => {
    const found = scanText(text, ctx());
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ start, end: start + [...span].length });
    expect(cut(text, found[0] as Finding)).toBe(span);
  });

  it('counts a lone surrogate as one code point', () => {
    const text = '\uD83D x@example.com';
    expect(scanText(text, ctx())).toMatchObject([{ start: 2, end: 15 }]);
  });
});

const raw = (recogniser: string, start: number, end: number, confidence: number): Finding => ({ entity: 'IDENTIFIER', start, end, confidence, recogniser, explanation: {} });

describe('overlap resolution', () => {
  it('keeps a URL over the e-mail inside it', () => {
    const text = 'see https://example.org/share?to=bob@example.com now';
    expect(scanText(text, ctx()).map((f) => [f.entity, cut(text, f)])).toEqual([['URL', 'https://example.org/share?to=bob@example.com']]);
    expect(RECOGNISERS.find((r) => r.id === 'email')?.find(text, ctx())).toHaveLength(1);
  });

  it('keeps an IBAN over phone-like digits inside it', () => {
    const text = 'NL91 ABNA 0417 1643 00';
    const phoneAlone = RECOGNISERS.find((r) => r.id === 'phone')?.find(text, ctx(undefined, ['DE'])) ?? [];
    expect(phoneAlone.map((f) => text.slice(f.start, f.end))).toEqual(['0417 1643 00']);
    expect(scanText(text, ctx(undefined, ['DE'])).map((f) => f.entity)).toEqual(['IBAN']);
  });

  it.each([
    ['a longer span swallows the one inside it, whatever its confidence', [raw('a', 0, 10, 0.5), raw('b', 2, 6, 0.9)], [['a', 0, 10]]],
    ['partial overlap: higher confidence wins', [raw('a', 0, 6, 0.6), raw('b', 4, 12, 0.9)], [['b', 4, 12]]],
    ['partial overlap, equal confidence: longer wins', [raw('a', 0, 6, 0.8), raw('b', 4, 12, 0.8)], [['b', 4, 12]]],
    ['partial overlap, equal confidence and length: earlier wins', [raw('b', 4, 10, 0.8), raw('a', 0, 6, 0.8)], [['a', 0, 6]]],
    ['equal spans: higher confidence wins', [raw('a', 0, 6, 0.5), raw('b', 0, 6, 0.7)], [['b', 0, 6]]],
    ['equal spans and confidence: registry order wins', [raw('b', 0, 6, 0.7), raw('a', 0, 6, 0.7)], [['a', 0, 6]]],
    ['disjoint spans are all kept, by start', [raw('b', 8, 9, 0.1), raw('a', 0, 6, 0.7)], [['a', 0, 6], ['b', 8, 9]]],
  ] as const)('%s', (_what, found, expected) => {
    const order = ['a', 'b'];
    const kept = resolveOverlaps(found, order).map((f) => [f.recogniser, f.start, f.end]);
    expect(kept).toEqual(expected);
    expect(resolveOverlaps([...found].reverse(), order).map((f) => [f.recogniser, f.start, f.end])).toEqual(expected);
  });
});

const scanCellsHere = (values: string[], regions: string[]): Finding[][] => runTask({ task: 'pii.scanCells', input: { values, regions } }) as Finding[][];

describe("worker task 'pii.scanCells'", () => {
  it('gives findings per cell, in order, with one header for the batch', () => {
    const out = runTask({ task: 'pii.scanCells', input: { values: ['02139', '', 'nothing here', 'zip 90210 or 10001'], header: 'Zip', regions: ['US'] } }) as Finding[][];
    expect(out.map((cell) => cell.map((f) => [f.entity, f.start, f.end]))).toEqual([[['POSTAL_CODE', 0, 5]], [], [], [['POSTAL_CODE', 4, 9], ['POSTAL_CODE', 13, 18]]]);
  });

  it('takes one header per cell, and its output survives structured cloning', () => {
    const input = { values: ['536228726', '536228726', '😀 +44 20 7946 0958'], headers: ['SSN', 'Product code', null], regions: ['GB'] };
    const out = runTask({ task: 'pii.scanCells', input }) as Finding[][];
    expect(out.map((cell) => cell.map((f) => `${f.entity}@${f.start}-${f.end}`))).toEqual([['US_SSN@0-9'], [], ['PHONE@2-18']]);
    expect(structuredClone(out)).toEqual(out);
  });

  it('gives the same findings in a worker thread as in-process', async () => {
    const pool = new WorkerPool({ maxThreads: 1, inProcessBelow: 1 });
    try {
      const values = ['SSN 536-22-8726', 'call +44 20 7946 0958', 'none', '😀 jane@example.org'];
      const input = (b: string[]) => ({ values: b, regions: ['GB'] });
      const there = (await pool.map('pii.scanCells', values, { input, where: 'workers' })).flat();
      expect(pool.tasksRunInWorkers).toBeGreaterThan(0);
      expect(there).toEqual(scanCellsHere(values, ['GB']));
      expect(there.map((cell) => cell.map((f) => f.entity))).toEqual([['US_SSN'], ['PHONE'], [], ['EMAIL']]);
    } finally {
      await pool.close();
    }
  });
});

describe('long text', () => {
  it('finds every number in a long run (read in windows) exactly once, with exact spans', () => {
    const numbers = Array.from({ length: 60 }, (_, i) => `020 7946 0${String(100 + i * 7).padStart(3, '0')}`);
    const text = `Fax list: ${numbers.join(' / ')}`;
    const found = scanText(text, ctx(undefined, ['GB']));
    expect(found.map((f) => cut(text, f))).toEqual(numbers);
    expect(found[59]).toMatchObject({ start: text.length - 13, end: text.length });
    // The recogniser alone too: no partial numbers from the windows' cut edges.
    const alone = RECOGNISERS.find((r) => r.id === 'phone')?.find(text, ctx(undefined, ['GB'])) ?? [];
    expect(alone.map((f) => text.slice(f.start, f.end))).toEqual(numbers);
  });

  it('reads no phone number into a row of single digits', () => {
    const filler = Array.from({ length: 400 }, (_, i) => String(i % 10)).join(' ');
    // Catastrophic backtracking here would hang: vitest's per-test timeout fails it, no clock needed.
    expect(scanText(filler, ctx())).toEqual([]);
  });

  it('finds every span in 100 k characters of prose with PII (and finishes: the per-test timeout guards backtracking)', () => {
    const para = 'Please call +44 20 7946 0958 or write to jane.doe@example.org about order 1234567812345678 (1,234.56 EUR, 2024-01-02). ';
    const text = para.repeat(800);
    const found = scanText(text, ctx());
    expect(found).toHaveLength(1600);
  });
});
