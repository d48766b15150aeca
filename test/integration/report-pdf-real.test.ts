// The PDF report of a real run (import → PII scan → clean with de-identification → report.model):
// every page renders, the figures printed are the model's, and no raw value of a de-identified
// cell appears anywhere in the PDF's text.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunResult } from '../../src/shared/api/clean-types';
import type { ReportModel } from '../../src/shared/api/report-types';
import type { StepInput } from '../../src/shared/policy/steps';
import { renderPdf } from '../../src/main/engine/report/pdf';
import { jobResult, policyDoc } from '../support/clean';
import { startTestEngine, tempDir, type TestEngine } from '../support/engine';

const NAMES = ['Olivia Garcia', 'Liam Okafor', 'Emma Nakamura', 'Noah Petrov', 'Ava Schmidt', 'Elijah Haddad'];
const STEPS: StepInput[] = [
  { id: 'trim', type: 'trim' },
  { id: 'deid', type: 'deidentify', columns: { names: ['name', 'email', 'phone'] }, params: { operators: { EMAIL: { op: 'mask' }, PHONE: { op: 'hash' }, PERSON: { op: 'hash' } } } },
];

let t: TestEngine;
let dir: string;
let model: ReportModel;
let emails: string[];
let phones: string[];

beforeAll(async () => {
  t = await startTestEngine();
  dir = tempDir('ds-report-pdf-real-');
  const rows = Array.from({ length: 36 }, (_, i) => {
    const name = NAMES[i % NAMES.length]!;
    return [`P${i + 1}`, ` ${name} `, `${name.replace(' ', '.').toLowerCase()}${i}@example.org`, `+1 202-555-01${String(i).padStart(2, '0')}`, String(60 + i)];
  });
  emails = rows.map((r) => r[2]!);
  phones = rows.map((r) => r[3]!);
  const file = path.join(dir, 'people export.csv');
  fs.writeFileSync(file, [['id', 'name', 'email', 'phone', 'weight'], ...rows].map((r) => r.join(',')).join('\n') + '\n');
  const datasetId = (await t.importFile(file)).datasetId;
  await t.settle();
  await jobResult(await t.runJob('pii.start', { datasetId, version: 1 }));
  const run = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId, version: 1, source: { policy: policyDoc(STEPS, 'people report') } }));
  model = await t.call('report.model', { runId: run.runId });
}, 180_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('renders a real run: every page, its figures, and no raw value of a de-identified cell', async () => {
  const bytes = await renderPdf(model);
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, bytes);
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  execFileSync('pdftoppm', ['-png', '-r', '30', file, path.join(dir, 'page')]);
  expect(fs.readdirSync(dir).filter((f) => f.startsWith('page-') && f.endsWith('.png'))).toHaveLength(pages);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('people export.csv');
  expect(text).toContain(model.policy.sha256);
  expect(text).toContain(model.run.kind === 'compliance' ? 'APPROVED' : 'UNAPPROVED');
  for (const s of model.steps) expect(text).toContain(s.stepId);
  expect(text).toMatch(/operators = \{"EMAIL":/); // each parameter on its own line
  expect(text).toContain('(no parameters)'); // trim: enabled and empty params left out
  const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  expect(text).toMatch(new RegExp(`Cells changed\\s+${grouped(model.run.cellsChanged)}\\n`));
  expect(text).toMatch(new RegExp(`Rows\\s+${grouped(model.run.rowsIn)} in → ${grouped(model.run.rowsOut)} out`));
  for (const e of model.pii.byEntity) expect(text).toContain(e.entity);
  expect(model.sampleDiffs.some((d) => d.masked)).toBe(true);
  // Raw personal data of de-identified cells: none of it, even split across a line.
  const flat = text.replace(/\s+/g, '');
  for (const raw of [...emails, ...phones]) expect(flat, raw).not.toContain(raw.replace(/\s+/g, ''));
  for (const name of NAMES) expect(text).not.toContain(name);
});
