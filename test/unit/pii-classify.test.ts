// Column classification and the column's effect on a cell's confidence, as tables of cases.
import { describe, expect, it } from 'vitest';
import { classifyColumn, columnEffect, type ColumnSample } from '../../src/main/engine/pii/dataset/classify';
import { scanValues } from '../../src/main/engine/pii/dataset/task';

const sample = (over: Partial<ColumnSample>): ColumnSample => ({ header: 'h', nonMissing: 100, meanWords: 1, entities: [], ...over });

describe('classifyColumn', () => {
  it.each([
    ['97 % whole e-mails', sample({ entities: [{ entity: 'EMAIL', whole: 97, any: 97, wholeConfidence: 0.95 }] }), { entity: 'EMAIL', share: 0.97, freeText: false }],
    ['a bare majority', sample({ entities: [{ entity: 'PHONE', whole: 51, any: 51, wholeConfidence: 0.8 }] }), { entity: 'PHONE', share: 0.51 }],
    ['half is not a majority', sample({ entities: [{ entity: 'PHONE', whole: 50, any: 50, wholeConfidence: 0.8 }] }), { entity: null, share: 0.5 }],
    ['spans inside long text', sample({ meanWords: 9, entities: [{ entity: 'PHONE', whole: 0, any: 30, wholeConfidence: 0 }] }), { entity: null, freeText: true }],
    ['short text without entities', sample({ meanWords: 2 }), { entity: null, freeText: false, share: 0 }],
    ['the more whole values win over more spans', sample({ entities: [{ entity: 'PHONE', whole: 10, any: 90, wholeConfidence: 0.9 }, { entity: 'EMAIL', whole: 80, any: 80, wholeConfidence: 0.9 }] }), { entity: 'EMAIL' }],
    ['nothing sampled', sample({ nonMissing: 0 }), { entity: null, share: 0, confidence: 0 }],
  ])('%s', (_n, s, expected) => {
    expect(classifyColumn(s)).toMatchObject(expected);
  });

  it('is more confident with a larger share', () => {
    const at = (whole: number) => classifyColumn(sample({ entities: [{ entity: 'EMAIL', whole, any: whole, wholeConfidence: 0.95 }] })).confidence;
    expect(at(99)).toBeGreaterThan(at(60));
    expect(at(99)).toBeLessThanOrEqual(0.95);
  });
});

describe('columnEffect', () => {
  const ssn = classifyColumn(sample({ header: 'ssn', entities: [{ entity: 'US_SSN', whole: 95, any: 95, wholeConfidence: 0.9 }] }));
  const orders = classifyColumn(sample({ header: 'order_no', entities: [{ entity: 'PHONE', whole: 2, any: 2, wholeConfidence: 0.6 }] }));
  const contact = classifyColumn(sample({ entities: [{ entity: 'EMAIL', whole: 55, any: 55, wholeConfidence: 0.9 }, { entity: 'PHONE', whole: 40, any: 40, wholeConfidence: 0.8 }] }));
  const notes = classifyColumn(sample({ meanWords: 8, entities: [{ entity: 'PHONE', whole: 0, any: 1, wholeConfidence: 0 }] }));
  const tiny = classifyColumn(sample({ nonMissing: 5, entities: [{ entity: 'PHONE', whole: 0, any: 0, wholeConfidence: 0 }] }));
  it.each([
    ['the class itself is raised', ssn, 'ssn', 'US_SSN', 0.1, /column "ssn" is US_SSN \(95 % of sampled values\): \+0\.10/],
    ['a rare entity in a column of none is lowered', orders, 'order_no', 'PHONE', -0.2, /column "order_no" is not of any entity; PHONE in 2 % of sampled values/],
    ['an entity rare beside the class is lowered', ssn, 'ssn', 'PHONE', -0.2, /is US_SSN; PHONE in 0 %/],
    ['a second entity common in the column is left alone', contact, 'contact', 'PHONE', null, null],
    ['free text moves nothing', notes, 'notes', 'PHONE', null, null],
    ['a small sample moves nothing', tiny, 'x', 'PHONE', null, null],
  ] as const)('%s', (_n, cls, header, entity, delta, text) => {
    const e = columnEffect(cls, header, entity);
    expect(e?.delta ?? null).toBe(delta);
    if (text) expect(e?.text).toMatch(text);
  });
});

describe("worker task 'pii.scanValues'", () => {
  it('reports findings with code-point offsets and whole-value flags, and no found text or preview (read from the cell later)', () => {
    const out = scanValues({ values: ['  jane@example.org ', '😀 call +44 20 7946 0958', 'nothing'], header: 'contact', regions: ['GB'] });
    expect(out.n).toBe(3);
    expect(out.i).toEqual([0, 1]);
    expect(out.whole).toEqual([true, false]);
    expect(out.entity).toEqual(['EMAIL', 'PHONE']);
    expect([out.start, out.end]).toEqual([[2, 7], [18, 23]]);
    expect(Object.keys(out).sort()).toEqual(['confidence', 'end', 'entity', 'explanation', 'i', 'n', 'recogniser', 'start', 'whole']);
    expect(JSON.parse(out.explanation[0] ?? '{}')).toHaveProperty('score');
  });
});
