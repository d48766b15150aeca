// probe.ts: encoding detection, UTF-8 validity and format detection from magic numbers and content.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Encoding, SourceFormat } from '../../src/shared/api/types';
import { detectEncoding, isValidUtf8, probeFile } from '../../src/main/engine/import/probe';
import { tempDir } from '../support/engine';

const dir = tempDir('ds-probe-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const b = (...bytes: number[]): Buffer => Buffer.from(bytes);

describe('detectEncoding', () => {
  it.each<[string, Buffer, boolean, Encoding | null]>([
    ['UTF-8 BOM', Buffer.from('\uFEFFa,b\n'), true, 'utf-8-bom'],
    ['UTF-16LE BOM', Buffer.from('\uFEFFa,b\n', 'utf16le'), true, 'utf-16le'],
    ['UTF-16BE BOM', Buffer.from(Buffer.from('\uFEFFa,b\n', 'utf16le')).swap16(), true, 'utf-16be'],
    ['UTF-16LE without BOM', Buffer.from('name,city\nAnn,Oslo\n', 'utf16le'), true, 'utf-16le'],
    ['UTF-16BE without BOM', Buffer.from(Buffer.from('name,city\nAnn,Oslo\n', 'utf16le')).swap16(), true, 'utf-16be'],
    ['ASCII', Buffer.from('a,b\n1,2\n'), true, 'utf-8'],
    ['UTF-8 accents and emoji', Buffer.from('José,😀\n'), true, 'utf-8'],
    ['Latin-1 accents', Buffer.from('José,Zürich\n', 'latin1'), true, 'windows-1252'],
    ['Windows-1252 euro sign', b(0x80, 0x31, 0x0a), true, 'windows-1252'],
    ['a sample cut inside a UTF-8 character', Buffer.from('ab😀').subarray(0, 4), false, 'utf-8'],
    ['a whole file ending inside a UTF-8 character', Buffer.from('ab😀').subarray(0, 4), true, 'windows-1252'],
    ['scattered NUL bytes', b(0x61, 0x00, 0x00, 0x62, 0x0a, 0x00, 0x63, 0x64), true, null],
    ['control characters', Buffer.from(Array.from({ length: 100 }, (_, i) => (i % 5 === 0 ? 0x01 : 0x61))), true, null],
  ])('%s', (_label, sample, complete, want) => {
    expect(detectEncoding(sample, complete)).toBe(want);
  });
});

describe('isValidUtf8', () => {
  it.each<[string, Buffer, boolean, boolean]>([
    ['ASCII', Buffer.from('abc'), true, true],
    ['multi-byte', Buffer.from('ä€😀'), true, true],
    ['a lone continuation byte', b(0x61, 0x80), true, false],
    ['an overlong encoding', b(0xc0, 0xaf), true, false],
    ['a surrogate encoded in UTF-8', b(0xed, 0xa0, 0x80), true, false],
    ['cut at the end of a partial sample', b(0x61, 0xf0, 0x9f), false, true],
    ['cut at the end of a whole file', b(0x61, 0xf0, 0x9f), true, false],
  ])('%s', (_label, buf, complete, valid) => {
    expect(isValidUtf8(buf, complete)).toBe(valid);
  });
});

describe('probeFile', () => {
  const file = (name: string, content: Buffer | string): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  it.each<[string, string, Buffer | string, SourceFormat]>([
    ['Parquet magic, any name', 'data.bin', Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(16)]), 'parquet'],
    ['ZIP magic is a workbook', 'book.dat', Buffer.concat([b(0x50, 0x4b, 0x03, 0x04), Buffer.alloc(16)]), 'xlsx'],
    ['a JSON array without extension', 'noext', '[{"a":1}]', 'json'],
    ['JSON lines without extension', 'noext2', '{"a":1}\n{"a":2}\n', 'jsonl'],
    ['one object without extension', 'noext3', '{"a":\n 1}', 'json'],
    ['delimited text .dat', 'x.dat', 'a,b\n1,2\n', 'csv'],
    ['.ndjson', 'x.ndjson', '{"a":1}\n', 'jsonl'],
    ['.tsv', 'x.tsv', 'a\tb\n', 'csv'],
  ])('%s → %s', (_label, name, content, format) => {
    expect(probeFile(file(name, content)).format).toBe(format);
  });

  it.each<[string, string, Buffer | string, SourceFormat | undefined, RegExp]>([
    ['empty', 'empty.csv', '', undefined, /is empty \(0 bytes\)/],
    ['old Excel', 'old.xls', Buffer.concat([b(0xd0, 0xcf, 0x11, 0xe0), Buffer.alloc(16)]), undefined, /old Office document/],
    ['PDF', 'doc.csv', '%PDF-1.7\n', undefined, /a PDF document/],
    ['gzip', 'data.csv.gz', Buffer.concat([b(0x1f, 0x8b), Buffer.alloc(16)]), undefined, /gzip-compressed/],
    ['text named .xlsx', 'fake.xlsx', 'a,b\n', undefined, /named \.xlsx but is not an XLSX workbook/],
    ['text named .parquet', 'fake.parquet', 'a,b\n', undefined, /named \.parquet but is not a Parquet file/],
    ['text forced to xlsx', 'real.csv', 'a,b\n', 'xlsx', /is not an XLSX workbook/],
    ['a workbook forced to CSV', 'book.csv', Buffer.concat([b(0x50, 0x4b, 0x03, 0x04), Buffer.alloc(16)]), 'csv', /cannot be read as csv/],
  ])('%s is refused', (_label, name, content, format, re) => {
    const p = file(name, content);
    expect(() => probeFile(p, format)).toThrow(re);
    expect(() => probeFile(p, format)).toThrow(p);
  });
});
