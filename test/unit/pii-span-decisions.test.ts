// Review decisions inside the span task, as tables of cases: where a decided span is found in a
// cell an earlier step may have changed (locateDecided), and what the span step then does with a
// value (deidentifyValues with overrides): rejected spans left alone, accepted spans masked
// whatever their score, overlaps merged so nothing either side covered is left.
import { describe, expect, it } from 'vitest';
import { deidentifyValues, locateDecided, type SpanOverride } from '../../src/main/engine/pii/deidentify';

const KEY_HEX = Buffer.alloc(32, 7).toString('hex');

describe('locateDecided', () => {
  it.each([
    { name: 'at its offsets', v: 'call Jo Smith now', d: { start: 5, end: 13, text: 'Jo Smith', decision: 'accepted' as const }, at: [[5, 13]] },
    { name: 'moved by a trim (accepted)', v: 'Jo Smith now', d: { start: 3, end: 11, text: 'Jo Smith', decision: 'accepted' as const }, at: [[0, 8]] },
    { name: 'moved by a trim (rejected, one occurrence)', v: 'Jo Smith now', d: { start: 3, end: 11, text: 'Jo Smith', decision: 'rejected' as const }, at: [[0, 8]] },
    { name: 'moved, twice there: accepted masks both', v: 'Jo and Jo', d: { start: 9, end: 11, text: 'Jo', decision: 'accepted' as const }, at: [[0, 2], [7, 9]] },
    { name: 'moved, twice there: rejected is ambiguous, not applied', v: 'Jo and Jo', d: { start: 9, end: 11, text: 'Jo', decision: 'rejected' as const }, at: [] },
    { name: 'gone (re-cased)', v: 'JO SMITH', d: { start: 0, end: 8, text: 'Jo Smith', decision: 'accepted' as const }, at: [] },
    { name: 'code points, not UTF-16 units', v: '😀 Jo', d: { start: 2, end: 4, text: 'Jo', decision: 'accepted' as const }, at: [[2, 4]] },
    // Moved spans are found as whole tokens only (letters, digits and marks of any script on neither side).
    { name: 'moved, not inside longer words (the reviewer\'s case)', v: 'Al called. Also Al said Alright', d: { start: 3, end: 5, text: 'Al', decision: 'accepted' as const }, at: [[0, 2], [16, 18]] },
    { name: 'moved, a word ending in the text is not it', v: 'ValAl and Al', d: { start: 14, end: 16, text: 'Al', decision: 'accepted' as const }, at: [[10, 12]] },
    { name: 'moved, digits count as word', v: 'x 1234 12345', d: { start: 9, end: 13, text: '1234', decision: 'accepted' as const }, at: [[2, 6]] },
    { name: 'moved, non-Latin letters count as word', v: 'Éva Évané', d: { start: 5, end: 8, text: 'Éva', decision: 'accepted' as const }, at: [[0, 3]] },
    { name: 'moved, a combining mark after the text makes it another word', v: 'Jo\u0301 Jo', d: { start: 9, end: 11, text: 'Jo', decision: 'accepted' as const }, at: [[4, 6]] },
    { name: 'moved, punctuation is a boundary', v: '(Al), Al.', d: { start: 10, end: 12, text: 'Al', decision: 'accepted' as const }, at: [[1, 3], [6, 8]] },
    { name: 'moved, a span starting with punctuation may follow a word', v: 'tel+44 20', d: { start: 9, end: 15, text: '+44 20', decision: 'accepted' as const }, at: [[3, 9]] },
    { name: 'moved, rejected: the only whole-token occurrence is unambiguous', v: 'Also Al', d: { start: 9, end: 11, text: 'Al', decision: 'rejected' as const }, at: [[5, 7]] },
    { name: 'moved, only inside words: gone', v: 'Also Alright', d: { start: 20, end: 22, text: 'Al', decision: 'accepted' as const }, at: [] },
    // With the input version's cell, a whitespace-only change (trim, collapse) maps the offsets exactly.
    { name: 'trimmed, with the cell: exactly the decided occurrence', v: 'Al called. Also Al said Alright', d: { start: 3, end: 5, text: 'Al', decision: 'accepted' as const, cell: '   Al called. Also Al said Alright  ' }, at: [[0, 2]] },
    { name: 'trimmed, with the cell: the second of two', v: 'Al called. Also Al said Alright', d: { start: 19, end: 21, text: 'Al', decision: 'accepted' as const, cell: '   Al called. Also Al said Alright' }, at: [[16, 18]] },
    { name: 'trimmed, with the cell: a rejected span twice there is no longer ambiguous', v: 'Jo and Jo', d: { start: 9, end: 11, text: 'Jo', decision: 'rejected' as const, cell: '  Jo and Jo' }, at: [[7, 9]] },
    { name: 'spaces collapsed, with the cell', v: 'call Jo Smith', d: { start: 7, end: 9, text: 'Jo', decision: 'rejected' as const, cell: 'call   Jo\tSmith' }, at: [[5, 7]] },
    { name: 'a span whose own spaces were collapsed: the collapsed span, only that occurrence', v: 'Jo Smith and Jo Smith', d: { start: 0, end: 9, text: 'Jo  Smith', decision: 'accepted' as const, cell: 'Jo  Smith and Jo Smith' }, at: [[0, 8]] },
    { name: 'a span whose own spaces were collapsed, without the cell: gone', v: 'Jo Smith and Jo Smith', d: { start: 30, end: 39, text: 'Jo  Smith', decision: 'accepted' as const }, at: [] },
    { name: 'a span ending in a space the trim removed', v: 'call Jo', d: { start: 7, end: 10, text: 'Jo ', decision: 'rejected' as const, cell: '  call Jo ' }, at: [[5, 7]] },
    { name: 'the cell changed other than in whitespace, and the text moved inside a word only: gone', v: 'JOHN Jojo', d: { start: 0, end: 2, text: 'Jo', decision: 'accepted' as const, cell: 'John Jo' }, at: [] },
    { name: 're-cased, with the cell: no whitespace-only change, found by the search', v: 'CALL Jo', d: { start: 7, end: 9, text: 'Jo', decision: 'accepted' as const, cell: '  call Jo' }, at: [[5, 7]] },
    { name: 'trimmed, with the cell, code points', v: '😀 Jo', d: { start: 3, end: 5, text: 'Jo', decision: 'accepted' as const, cell: ' 😀 Jo' }, at: [[2, 4]] },
    { name: 'an empty span text', v: 'x', d: { start: 0, end: 0, text: '', decision: 'accepted' as const }, at: [] },
  ])('$name', ({ v, d, at }) => {
    expect(locateDecided(v, d).map((s) => [s.start, s.end])).toEqual(at);
  });
});

describe('the span task with overrides', () => {
  const V = 'call +44 20 7946 0958 or ann@example.org';
  const ops = { PHONE: { op: 'token' as const, entity: 'PHONE' }, EMAIL: { op: 'token' as const, entity: 'EMAIL' }, PERSON: { op: 'token' as const, entity: 'PERSON' } };
  const run = (v: string, overrides: SpanOverride[] | null, minConfidence = 0.5, operators: Record<string, unknown> = ops) =>
    deidentifyValues({ mode: 'spans', values: [v], key: KEY_HEX, operators, header: '', regions: ['GB'], minConfidence, overrides: [overrides] })[0]?.v ?? v;

  it.each([
    { name: 'no overrides', v: V, o: null, out: 'call <PHONE> or <EMAIL>' },
    { name: 'an empty list is no decision', v: V, o: [], out: 'call <PHONE> or <EMAIL>' },
    { name: 'rejected phone left', v: V, o: [{ entity: 'PHONE', start: 5, end: 21, decision: 'rejected' }], out: 'call +44 20 7946 0958 or <EMAIL>' },
    { name: 'a rejection of another entity on the span still leaves it (the text is not personal data)', v: V, o: [{ entity: 'DATE', start: 5, end: 21, decision: 'rejected' }], out: 'call +44 20 7946 0958 or <EMAIL>' },
    { name: 'a rejected span inside a longer finding does not save the longer one', v: V, o: [{ entity: 'PERSON', start: 25, end: 28, decision: 'rejected' }], out: 'call <PHONE> or <EMAIL>' },
    { name: 'accepted text no recogniser finds', v: 'ask Zorblax today', o: [{ entity: 'PERSON', start: 4, end: 11, decision: 'accepted' }], out: 'ask <PERSON> today' },
    { name: 'accepted below the floor', v: V, o: [{ entity: 'EMAIL', start: 25, end: 40, decision: 'accepted' }], min: 0.99, out: 'call <PHONE> or <EMAIL>' },
    { name: 'without an override the same floor keeps the e-mail', v: V, o: null, min: 0.99, out: 'call <PHONE> or ann@example.org' },
    { name: 'accepted, overlapping a found span: merged, the reviewer\'s entity', v: V, o: [{ entity: 'PERSON', start: 0, end: 8, decision: 'accepted' }], out: '<PERSON> or <EMAIL>' },
    { name: 'accepted for an entity the step has no operator for: left', v: 'ask Zorblax today', o: [{ entity: 'US_SSN', start: 4, end: 11, decision: 'accepted' }], out: 'ask Zorblax today' },
  ] as { name: string; v: string; o: SpanOverride[] | null; min?: number; out: string }[])('$name', ({ v, o, min, out }) => {
    expect(run(v, o, min)).toBe(out);
  });

  it('decides per row: two equal values with different overrides give different results', () => {
    const out = deidentifyValues({ mode: 'spans', values: [V, V], key: KEY_HEX, operators: ops, header: '', regions: ['GB'], minConfidence: 0.5, overrides: [[{ entity: 'PHONE', start: 5, end: 21, decision: 'rejected' }], null] });
    expect(out.map((o) => o?.v)).toEqual(['call +44 20 7946 0958 or <EMAIL>', 'call <PHONE> or <EMAIL>']);
    // The ledger preview holds only what was masked.
    expect(out[0]?.preview).not.toContain('7946');
  });
});
