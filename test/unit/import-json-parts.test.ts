// The JSON import's pure parts: the streaming syntax checker (where is the first error, where
// does record k start), the schema planner (flattening, widening, drift) and the value parser
// that keeps repeated keys and number text.
import { describe, expect, it } from 'vitest';
import { JsonSyntaxChecker, type JsonLayout, type RecordStart } from '../../src/main/engine/import/json-syntax';
import { newNode, observeRecord, planColumns, pointer } from '../../src/main/engine/import/json-schema';
import { jsonText, parseJsonValue, renameDuplicateKeys } from '../../src/main/engine/import/json-value';

function check(text: string | Buffer, layout: JsonLayout, chunk = 3): { problem: ReturnType<JsonSyntaxChecker['end']>; records: RecordStart[] } {
  const records: RecordStart[] = [];
  const c = new JsonSyntaxChecker(layout, (r) => {
    records.push(r);
    return false;
  });
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text);
  for (let i = 0; i < buf.length; i += chunk) if (!c.feed(buf.subarray(i, i + chunk))) break;
  return { problem: c.end(), records };
}

describe('JsonSyntaxChecker', () => {
  it.each<[string, string | Buffer, JsonLayout, { line: number; column: number; byteOffset: number; reason: RegExp } | null]>([
    ['a valid array', '[{"a": [1, -2.5e+3, true, null, "x\\u00e9\\n"]}, {}]', 'document', null],
    ['valid lines with blank lines', '{"a":1}\n\n  \n{"b":"\\""}\r\n', 'lines', null],
    ['concatenated objects', '{"a":1} {"a":2}\n{"a":3}', 'document', null],
    ['a missing comma', '[\n {"a": 1}\n {"a": 2}\n]', 'document', { line: 3, column: 2, byteOffset: 13, reason: /comma or \]/ }],
    ['a trailing comma', '[{"a": 1,}]', 'document', { line: 1, column: 10, byteOffset: 9, reason: /trailing comma/ }],
    ['a single-quoted key', "{'a': 1}", 'document', { line: 1, column: 2, byteOffset: 1, reason: /key in double quotes/ }],
    ['an unclosed string', '{"a": "x}\n{"b": 1}', 'lines', { line: 1, column: 10, byteOffset: 9, reason: /line break inside a string/ }],
    ['a record split over lines', '{"a":\n1}\n', 'lines', { line: 1, column: 6, byteOffset: 5, reason: /one record per line/ }],
    ['two records on a line', '{"a":1} {"a":2}\n', 'lines', { line: 1, column: 9, byteOffset: 8, reason: /after the end of the record/ }],
    ['a bad literal', '[tru]', 'document', { line: 1, column: 5, byteOffset: 4, reason: /"true"/ }],
    ['a leading zero', '[01]', 'document', { line: 1, column: 3, byteOffset: 2, reason: /comma or \]/ }],
    ['invalid UTF-8 in a string', Buffer.from([0x5b, 0x22, 0xe9, 0x22, 0x5d]), 'document', { line: 1, column: 4, byteOffset: 3, reason: /UTF-8/ }],
    ['text after the top-level array', '[1] [2]', 'document', { line: 1, column: 5, byteOffset: 4, reason: /after the end of the top-level array/ }],
    ['an unclosed array', '[{"a":1}', 'document', { line: 1, column: 9, byteOffset: 8, reason: /before the closing \]/ }],
    ['a BOM is not an error', '\uFEFF[1]', 'document', null],
  ])('%s', (_label, text, layout, want) => {
    const { problem } = check(text, layout);
    if (want === null) expect(problem).toBeNull();
    else expect(problem).toMatchObject({ line: want.line, column: want.column, byteOffset: want.byteOffset, reason: expect.stringMatching(want.reason) });
  });

  it.each<[string, string, JsonLayout, [number, number][]]>([
    ['array elements', '[\n {"a": [1, 2]},\n  3,\n {}\n]', 'document', [[2, 3], [3, 20], [4, 24]]],
    ['lines, skipping blank ones', '{"a":{"b":1}}\n\n[1]\n', 'lines', [[1, 0], [3, 15]]],
    ['concatenated values', '{}{}\n{}', 'document', [[1, 0], [1, 2], [2, 5]]],
  ])('record starts: %s', (_label, text, layout, want) => {
    expect(check(text, layout).records.map((r) => [r.line, r.byteOffset])).toEqual(want);
  });
});

describe('planColumns', () => {
  const plan = (...records: string[]) => {
    const root = newNode('');
    const renames = new Map<string, string>();
    for (const r of records) observeRecord(root, renameDuplicateKeys(parseJsonValue(r), renames));
    return planColumns(root, renames);
  };

  it.each<[string, string[], [string, string, string[]][]]>([
    ['integers', ['{"a":1}', '{"a":2}'], [['a', 'bigint', ['a']]]],
    ['integer and double widen to double', ['{"a":1}', '{"a":2.5}'], [['a', 'double', ['a']]]],
    ['number and text widen to text', ['{"a":1}', '{"a":"x"}'], [['a', 'text', ['a']]]],
    ['booleans', ['{"a":true}', '{"a":null}'], [['a', 'boolean', ['a']]]],
    ['only nulls are text', ['{"a":null}'], [['a', 'text', ['a']]]],
    ['arrays stay JSON', ['{"a":[1]}', '{"a":"x"}'], [['a', 'json', ['a']]]],
    ['nested objects flatten', ['{"a":{"b":1,"c":{"d":"x"}}}', '{"a":null}'], [['a.b', 'bigint', ['a', 'b']], ['a.c.d', 'text', ['a', 'c', 'd']]]],
    ['an object in one record and a number in another stays JSON', ['{"a":{"b":1}}', '{"a":5}'], [['a', 'json', ['a']]]],
    ['always-empty objects stay JSON', ['{"a":{}}'], [['a', 'json', ['a']]]],
    ['keys in order of first occurrence', ['{"b":1}', '{"a":1,"b":2,"c":3}'], [['b', 'bigint', ['b']], ['a', 'bigint', ['a']], ['c', 'bigint', ['c']]]],
    ['a dotted key is not a path', ['{"a.b":1,"a":{"b":2}}'], [['a.b', 'bigint', ['a.b']], ['a.b', 'bigint', ['a', 'b']]]],
    ['repeated keys', ['{"k":1,"k":"x"}'], [['k', 'bigint', ['k']], ['k', 'text', ['k']]]],
  ])('%s', (_label, records, want) => {
    expect(plan(...records).columns.map((c) => [c.header, c.kind, c.path])).toEqual(want);
  });

  it('reports drift, widening and conflicts', () => {
    const codes = plan('{"a":1,"o":{"x":1}}', '{"a":"t","o":2}', '{"b":true}').warnings;
    const drift = codes.find((w) => w.code === 'SCHEMA_DRIFT');
    expect(drift?.details).toEqual({ missing: ['a', 'o', 'b'], widened: ['a'], conflicts: ['o'] });
  });

  it.each<[string[], string]>([
    [['a'], '/a'],
    [['', 'x'], '//x'],
    [['a/b', 'c~d'], '/a~1b/c~0d'],
  ])('pointer %j → %s', (keys, want) => {
    expect(pointer(keys)).toBe(want);
  });
});

describe('JSON values', () => {
  it('keeps repeated keys and number text through a round trip', () => {
    const text = '{"a":1.50,"a":[1e400,-0],"b":{"c":"é\\n","c":null}}';
    expect(jsonText(parseJsonValue(text))).toBe(text);
  });

  it('renames the second and later occurrences, avoiding keys already present', () => {
    const renames = new Map<string, string>();
    const v = renameDuplicateKeys(parseJsonValue('{"a":1,"a":2,"a\uF8FF2":3}'), renames);
    expect(v.t === 'obj' && v.entries.map(([k]) => k)).toEqual(['a', 'a\uF8FF2\uF8FF', 'a\uF8FF2']);
    expect([...renames]).toEqual([['a\uF8FF2\uF8FF', 'a']]);
  });

  it.each([
    ['{"a":1,}', /key in double quotes/],
    ['[1 2]', /comma or \]/],
    ['{"a":"\\x"}', /escape/],
    ['"abc', /never closed/],
  ])('refuses %s', (text, re) => {
    expect(() => parseJsonValue(text)).toThrow(re);
  });
});
