// The published report JSON Schema (docs/report.schema.json): current with the zod schema, and a
// real JSON Schema validator (Ajv, draft 2020-12) accepts a model and refuses broken ones. Models
// built from real runs are validated the same way in test/integration/report-model.test.ts.
import fs from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { renderJson, reportFormatOf } from '../../src/main/engine/report/render';
import { shellQuote, reproduceCommand } from '../../src/main/engine/report/repro';
import { REPORT_SCHEMA_FILE, reportJsonSchema } from '../../tools/report/schema';
import type { ReportDiff, ReportModel } from '../../src/shared/api/report-types';
import { sampleReportModel } from '../support/report-sample';

const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(fs.readFileSync(REPORT_SCHEMA_FILE, 'utf8')) as object);

describe('docs/report.schema.json', () => {
  it('is current (npm run report-schema rewrites it)', () => {
    expect(fs.readFileSync(REPORT_SCHEMA_FILE, 'utf8')).toBe(reportJsonSchema());
  });

  it.each(['compliance', 'unapproved', 'preview'] as const)('accepts the sample %s model as rendered to JSON', (kind) => {
    const doc = JSON.parse(renderJson(sampleReportModel(kind))) as unknown;
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  const m = (): ReportModel => JSON.parse(JSON.stringify(sampleReportModel())) as ReportModel;
  it.each<[string, (d: ReportModel) => void]>([
    ['an unknown top-level field', (d) => { (d as unknown as Record<string, unknown>).extra = 1; }],
    ['17 HIPAA rows', (d) => { d.hipaa.pop(); }],
    ['a HIPAA code outside A–R', (d) => { d.hipaa[0]!.code = 'S'; }],
    ['a status that is not one of the three', (d) => { (d.hipaa[0] as { status: string }).status = 'maybe'; }],
    ['an upper-case digest', (d) => { d.policy.sha256 = 'A'.repeat(64); }],
    ['a negative count', (d) => { d.valuesImputed = -1; }],
    ['a run kind not in the list', (d) => { (d.run as { kind: string }).kind = 'dry-run'; }],
    ['a diff without its masked flag', (d) => { delete (d.sampleDiffs[0] as Partial<ReportDiff>).masked; }],
  ])('refuses %s', (_name, edit) => {
    const d = m();
    edit(d);
    expect(validate(d)).toBe(false);
  });
});

describe('renderJson', () => {
  it('is stable: the same model gives the same bytes, whatever order the policy document was written in', () => {
    const a = sampleReportModel();
    const b = sampleReportModel();
    const doc = b.policy.document as Record<string, unknown>;
    b.policy.document = Object.fromEntries(Object.entries(doc).reverse());
    expect(renderJson(a)).toBe(renderJson(b));
    expect(renderJson(a).endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(renderJson(a)) as object).slice(0, 3)).toEqual(['reportFormat', 'generatedAt', 'generatedBy']);
  });
});

describe('reportFormatOf', () => {
  it.each([
    ['/x/r.json', undefined, 'json'],
    ['/x/R.HTML', undefined, 'html'],
    ['/x/r.htm', undefined, 'html'],
    ['/x/r.pdf', undefined, 'pdf'],
    ['/x/report', 'pdf', 'pdf'],
    ['/x/r.pdf', 'pdf', 'pdf'],
  ] as const)('%s (%s) is %s', (file, asked, want) => {
    expect(reportFormatOf(file, asked)).toBe(want);
  });
  it.each([
    ['/x/r.json', 'pdf', /ends in \.json but the format asked is pdf/],
    ['/x/r.txt', undefined, /a report is \.html, \.pdf, \.json/],
  ] as const)('refuses %s (%s)', (file, asked, message) => {
    expect(() => reportFormatOf(file, asked)).toThrow(message);
  });
});

describe('the reproducing command', () => {
  it.each([
    ['plain', 'plain'],
    ['/a/b-c_d.csv', '/a/b-c_d.csv'],
    ['two words', "'two words'"],
    ["it's", `'it'\\''s'`],
    ['$(rm -rf ~)', "'$(rm -rf ~)'"],
    ['', "''"],
  ])('quotes %j as %s', (s, want) => {
    expect(shellQuote(s)).toBe(want);
  });
  it.each([
    [{ inputVersion: 1, saved: { name: 'Cities & towns', version: 3 }, identity: 'ann' }, "sanitizer clean '/data/in put.csv' --workspace /ws --policy 'Cities & towns' --policy-version 3 --as ann --out 'in put.cleaned.csv'"],
    [{ inputVersion: 1, saved: null, identity: null }, "sanitizer clean '/data/in put.csv' --workspace /ws --policy-file policy.json --out 'in put.cleaned.csv'"],
    [{ inputVersion: 2, saved: null, identity: null }, "sanitizer clean d4 --version 2 --workspace /ws --policy-file policy.json --out 'in put.cleaned.csv'"],
  ])('%j', (f, want) => {
    expect(reproduceCommand({ sourcePath: '/data/in put.csv', datasetId: 'd4', workspaceDir: '/ws', ...f })).toBe(want);
  });
});
