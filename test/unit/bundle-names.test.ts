// The small rules of a bundle's names: which paths a manifest may list, how SHA256SUMS lines are
// read, what kind each file is, and a dataset name as a safe file name.
import { describe, expect, it } from 'vitest';
import { isBundlePath, parseSums } from '../../src/main/engine/bundle/verify';
import { dataFileName, kindOf } from '../../src/main/engine/bundle/write';

const D = 'a'.repeat(64);

describe('isBundlePath', () => {
  it.each([
    ['policy.json', true],
    ['keys/abc.pem', true],
    ['data/Customers 2024.csv', true],
    ['', false],
    ['/etc/passwd', false],
    ['../up.txt', false],
    ['a/../b', false],
    ['a/./b', false],
    ['a//b', false],
    ['a\\b', false],
    ['C:/x', false],
    ['trailing/', false],
    ['nul\0byte', false],
  ])('%j → %s', (p, ok) => expect(isBundlePath(p)).toBe(ok));
});

describe('parseSums', () => {
  it.each([
    { name: 'text mode', text: `${D}  a.txt\n`, sums: [['a.txt', D]], bad: 0 },
    { name: 'binary mode', text: `${D} *a.txt\n`, sums: [['a.txt', D]], bad: 0 },
    { name: 'a path with spaces', text: `${D}  data/my file.csv\n`, sums: [['data/my file.csv', D]], bad: 0 },
    { name: 'no final newline', text: `${D}  a.txt`, sums: [['a.txt', D]], bad: 0 },
    { name: 'upper-case digest', text: `${D.toUpperCase()}  a.txt\n`, sums: [], bad: 1 },
    { name: 'short digest', text: `${D.slice(1)}  a.txt\n`, sums: [], bad: 1 },
    { name: 'one space only', text: `${D} a.txt\n`, sums: [], bad: 1 },
    { name: 'a blank line', text: `${D}  a.txt\n\n${D}  b.txt\n`, sums: [['a.txt', D], ['b.txt', D]], bad: 1 },
    { name: 'a path twice', text: `${D}  a.txt\n${D}  a.txt\n`, sums: [['a.txt', D]], bad: 1 },
  ])('$name', ({ text, sums, bad }) => {
    const r = parseSums(text);
    expect([...r.sums]).toEqual(sums);
    expect(r.bad).toHaveLength(bad);
  });
});

describe('kindOf', () => {
  it.each([
    ['report.html', 'report'], ['report.pdf', 'report'], ['report.json', 'report'], ['policy.json', 'policy'],
    ['approvals/p1-v1-1.json', 'approval'], ['audit/entries.jsonl', 'audit'], ['audit/checkpoint.json', 'audit'],
    ['provenance.parquet', 'provenance'], ['findings.parquet', 'findings'], ['data/x.csv', 'data'], [`keys/${D}.pem`, 'key'], ['VERIFY.txt', 'readme'],
  ])('%s is %s', (f, kind) => expect(kindOf(f)).toBe(kind));
});

describe('dataFileName', () => {
  it.each([
    ['customers', 'customers.csv'],
    ['Kunden Ümlaut 2024', 'Kunden Ümlaut 2024.csv'],
    ['../../etc/passwd', '_.._etc_passwd.csv'],
    ['a/b\\c:d', 'a_b_c_d.csv'],
    ['.hidden', 'hidden.csv'],
    ['', 'data.csv'],
    ['"; DROP TABLE x; --', '_ DROP TABLE x_ --.csv'],
  ])('%j → %j', (name, file) => expect(dataFileName(name)).toBe(file));
});
