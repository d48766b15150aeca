// The report model from real runs in a real workspace: a run over a generated people table with
// dates, near duplicates, missing and outlying weights, de-identification and generalisation —
// every count cross-checked against the ledger read back and counted in JavaScript; no raw value
// of a de-identified cell anywhere in the JSON; the output digest equal to a real CSV export's;
// a compliance run (signed approval) and an unapproved one; report.write as a job.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/shared/api/clean-types';
import type { ReportModel, WrittenFile } from '../../src/shared/api/report-types';
import type { ExportResult } from '../../src/shared/api/types';
import type { StepInput } from '../../src/shared/policy/steps';
import { renderJson } from '../../src/main/engine/report/render';
import { REPORT_SCHEMA_FILE } from '../../tools/report/schema';
import { jobResult, policyDoc } from '../support/clean';
import { readAll, startTestEngine, tempDir, type TestEngine } from '../support/engine';

const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'Lucas', 'Mia', 'Mason'];
const LAST = ['Garcia', 'Okafor', 'Nakamura', 'Petrov', 'Schmidt', 'Kowalski', 'Fernandes', 'Lindqvist', 'Haddad', 'Brennan'];
const CITIES = ['Leeds', 'Bath', 'York', 'Derby', 'Exeter'];
const HEADER = ['id', 'name', 'email', 'phone', 'dob', 'zip', 'weight', 'city'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 80 people (dates in two formats, some weights missing, two outliers), then near copies of rows 5, 12 and 30 (a typo in the name). */
function peopleRows(): string[][] {
  const rows = Array.from({ length: 80 }, (_, i) => {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    const [y, m, d] = [1940 + (i % 50), 1 + (i % 12), 13 + (i % 15)];
    return [
      `P${pad(i + 1, 4)}`, ` ${name} `, `${name.replace(' ', '.').toLowerCase()}${i}@example.org`, `+1 202-555-01${pad(i)}`,
      i % 3 === 0 ? `${pad(m)}/${d}/${y}` : `${y}-${pad(m)}-${d}`, String(10_001 + (i % 9) * 1_117),
      i % 10 === 3 ? '' : i === 7 ? '950' : i === 17 ? '-400' : String(60 + (i % 30)), CITIES[i % CITIES.length] as string,
    ];
  });
  const copy = (rowId: number, typo: (s: string) => string) => {
    const r = [...(rows[rowId - 1] as string[])];
    r[0] = `${r[0]}b`;
    r[1] = typo(r[1] as string);
    return r;
  };
  return [...rows, copy(5, (s) => s.replace(/a/, 'e')), copy(12, (s) => s.toUpperCase()), copy(30, (s) => s.replace(/(\w)(\w)/, '$2$1'))];
}

const STEPS: StepInput[] = [
  { id: 'trim', type: 'trim' },
  { id: 'dates', type: 'coerce_date', columns: { names: ['dob'] }, params: { ambiguous: 'month_first' } },
  { id: 'dups', type: 'dedupe_near', columns: { names: ['name', 'email', 'phone', 'dob', 'city'] } },
  { id: 'fill', type: 'impute', columns: { names: ['weight'] }, params: { method: 'median' } },
  { id: 'clip', type: 'outliers', columns: { names: ['weight'] }, params: { method: 'iqr', action: 'clip' } },
  { id: 'deid', type: 'deidentify', columns: { names: ['name', 'email', 'phone'] }, params: { operators: { EMAIL: { op: 'mask' }, PHONE: { op: 'hash' }, PERSON: { op: 'hash' } } } },
  { id: 'year', type: 'generalise', columns: { names: ['dob'] }, params: { kind: 'date_year' } },
];

interface Ledger {
  row_id: number;
  kind: string;
  col_id: string | null;
  before: string | null;
  after: string | null;
  step_id: string;
  confidence: number;
  before_digest: string | null;
}

let t: TestEngine;
let datasetId: string;
let file: string;
let run: RunResult;
let model: ReportModel;
let ledger: Ledger[];
let headerOf: (id: string | null) => string;
let input: { rowIds: number[]; rows: (string | null)[][] };
let rejectedPhone: string;

const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(fs.readFileSync(REPORT_SCHEMA_FILE, 'utf8')) as object);

beforeAll(async () => {
  t = await startTestEngine();
  const dir = tempDir();
  file = path.join(dir, 'people export.csv');
  fs.writeFileSync(file, [HEADER, ...peopleRows()].map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v}"` : v)).join(',')).join('\n') + '\n');
  datasetId = (await t.importFile(file)).datasetId;
  await t.settle();
  input = await readAll(t, datasetId, 1);
  const cols = (await t.call('dataset.get', { datasetId, version: 1 })).columns;
  const id = (h: string) => cols.find((c) => c.header === h)!.id;
  await jobResult(await t.runJob('pii.start', { datasetId, version: 1 }));
  // Review: accept the e-mail column's class, reject one phone finding (that cell stays as it was).
  await t.call('pii.decide', { datasetId, version: 1, target: { columnId: id('email'), entity: 'EMAIL' }, decision: 'accepted' });
  const phone = (await t.call('pii.findings', { datasetId, version: 1, offset: 0, limit: 1, columnId: id('phone'), entity: 'PHONE' })).rows[0]!;
  rejectedPhone = phone.text;
  await t.call('pii.decide', { datasetId, version: 1, target: { findingId: phone.findingId }, decision: 'rejected' });
  run = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId, version: 1, source: { policy: policyDoc(STEPS, 'people report') } }));
  model = await t.call('report.model', { runId: run.runId });
  ledger = (await t.engine.workspace.db.all(`SELECT row_id, kind, col_id, "before", "after", step_id, confidence, before_digest FROM _ds_change WHERE dataset_id = $ds AND version = $v`, { ds: datasetId, v: run.outputVersion })).map((r) => ({ ...r, row_id: Number(r.row_id) }) as Ledger);
  headerOf = (c) => cols.find((x) => x.id === c)?.header ?? String(c);
}, 180_000);
afterAll(async () => {
  await t.close();
});

const count = <T>(xs: T[], p: (x: T) => boolean) => xs.filter(p).length;
const cellsOf = (step: string) => ledger.filter((l) => l.kind === 'cell' && l.step_id === step);

describe('a run with dates, duplicates, imputation, outliers, de-identification and generalisation', () => {
  it('is a valid model by the zod schema and by the published JSON Schema (Ajv)', () => {
    expect(validate(JSON.parse(renderJson(model))), JSON.stringify(validate.errors)).toBe(true);
    expect(model.run).toMatchObject({ runId: run.runId, kind: 'unapproved', stamp: 'UNAPPROVED', title: 'Unapproved run — the policy was not approved', inputVersion: 1, outputVersion: run.outputVersion });
    expect(model.policy).toMatchObject({ name: 'people report', policyId: null, state: null, author: 'tester', approvals: [], sha256: run.policySha256 });
  });

  it('has a run that did something in every step (the fixture is not trivial)', () => {
    for (const s of STEPS) expect(ledger.some((l) => l.step_id === s.id), s.id).toBe(true);
  });

  it.each(STEPS.map((s) => s.id))('counts step %s as the ledger does (cells, removed rows, per column) and as the run recorded', (stepId) => {
    const step = model.steps.find((s) => s.stepId === stepId)!;
    const mine = ledger.filter((l) => l.step_id === stepId);
    expect(step.cellsChanged).toBe(count(mine, (l) => l.kind === 'cell'));
    expect(step.rowsRemoved).toBe(count(mine, (l) => l.kind === 'row'));
    const perColumn = new Map<string, number>();
    for (const l of mine.filter((x) => x.kind === 'cell')) perColumn.set(headerOf(l.col_id), (perColumn.get(headerOf(l.col_id)) ?? 0) + 1);
    expect(Object.fromEntries(step.perColumn.map((c) => [c.column, c.cellsChanged]))).toEqual(Object.fromEntries(perColumn));
    const recorded = run.steps.find((s) => s.stepId === stepId)!;
    expect([step.cellsChanged, step.rowsRemoved]).toEqual([recorded.cellsChanged, recorded.rowsRemoved]);
  });

  it.each<[string, (m: ReportModel) => number, () => number]>([
    ['run cells changed', (m) => m.run.cellsChanged, () => count(ledger, (l) => l.kind === 'cell')],
    ['run rows removed', (m) => m.run.rowsRemoved, () => count(ledger, (l) => l.kind === 'row')],
    ['rows in', (m) => m.run.rowsIn, () => input.rowIds.length],
    ['rows out', (m) => m.run.rowsOut, () => input.rowIds.length - count(ledger, (l) => l.kind === 'row')],
    ['values imputed', (m) => m.valuesImputed, () => cellsOf('fill').length],
    ['outliers handled', (m) => m.outliersHandled, () => cellsOf('clip').length],
    ['rows dropped (no drop step)', (m) => m.rowsDropped, () => 0],
    ['duplicate rows removed', (m) => m.dedupe!.rowsRemoved, () => count(ledger, (l) => l.kind === 'row' && l.step_id === 'dups')],
    ['duplicate clusters', (m) => m.dedupe!.clusters, () => new Set(ledger.filter((l) => l.kind === 'row').map((l) => l.after)).size],
    ['rows in clusters', (m) => m.dedupe!.rowsInClusters, () => count(ledger, (l) => l.kind === 'row') + new Set(ledger.filter((l) => l.kind === 'row').map((l) => l.after)).size],
    ['cluster sizes sum to the rows in clusters', (m) => m.dedupe!.clusterSizes.reduce((a, c) => a + c.size * c.clusters, 0), () => model.dedupe!.rowsInClusters],
    ['probability bins hold every removed row', (m) => m.dedupe!.probabilities.reduce((a, b) => a + b.count, 0), () => count(ledger, (l) => l.kind === 'row')],
    ['input rows', (m) => m.inputs[0]!.rows, () => input.rowIds.length],
    ['input columns', (m) => m.inputs[0]!.columns, () => HEADER.length],
    ['input size', (m) => m.inputs[0]!.sizeBytes ?? -1, () => fs.statSync(file).size],
    ['risk: rows before', (m) => m.risk!.before.rows, () => input.rowIds.length],
    ['risk: rows after', (m) => m.risk!.after!.rows, () => input.rowIds.length - count(ledger, (l) => l.kind === 'row')],
  ])('%s', (_name, got, want) => {
    expect(got(model)).toBe(want());
  });

  it('counts changed cells per column over the whole run once per cell, in the rows kept', () => {
    const removed = new Set(ledger.filter((l) => l.kind === 'row').map((l) => l.row_id));
    const cells = new Map<string, Set<number>>();
    for (const l of ledger) if (l.kind === 'cell' && !removed.has(l.row_id)) cells.set(headerOf(l.col_id), (cells.get(headerOf(l.col_id)) ?? new Set()).add(l.row_id));
    expect(Object.fromEntries(model.columns.map((c) => [c.column, c.cellsChanged]))).toEqual(Object.fromEntries([...cells].map(([c, s]) => [c, s.size])));
  });

  it('found the planted duplicates: three clusters of two, from the run\'s step', () => {
    expect(model.dedupe).toMatchObject({ source: 'run-step', clusters: 3, rowsInClusters: 6, rowsRemoved: 3, clusterSizes: [{ size: 2, clusters: 3 }] });
    expect(model.dedupe!.pairsScored).toBeGreaterThanOrEqual(3);
    expect(model.dedupe!.modelSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports the scan of the input version: findings per entity and column, decisions, 10 confidence bins, operators', async () => {
    const db = t.engine.workspace.db;
    const rows = await db.all(`SELECT entity, col_id, count(*) AS n FROM _ds_pii_finding WHERE dataset_id = $ds AND version = 1 GROUP BY ALL`, { ds: datasetId });
    expect(model.pii.scanned).toBe(true);
    expect(model.pii.findings).toBe(rows.reduce((a, r) => a + Number(r.n), 0));
    for (const r of rows) {
      const e = model.pii.byEntity.find((x) => x.entity === r.entity)!;
      expect(e.columns.find((c) => c.column === headerOf(String(r.col_id)))?.findings, `${String(r.entity)} in ${String(r.col_id)}`).toBe(Number(r.n));
      expect(e.confidence).toHaveLength(10);
      expect(e.confidence.reduce((a, b) => a + b.count, 0)).toBe(e.findings);
    }
    const email = model.pii.byEntity.find((e) => e.entity === 'EMAIL')!;
    expect(email.columns.find((c) => c.column === 'email')).toMatchObject({ accepted: email.columns.find((c) => c.column === 'email')!.findings, rejected: 0 });
    expect(model.pii.byEntity.find((e) => e.entity === 'PHONE')!.columns.find((c) => c.column === 'phone')).toMatchObject({ rejected: 1 });
    expect(email.operator).toBe('mask');
    expect(model.pii.byEntity.find((e) => e.entity === 'PHONE')!.operator).toBe('hash');
    expect(model.pii.decisionsSha256).toBe(run.piiDecisionsSha256);
  });

  it('has no raw value of a de-identified cell anywhere in the JSON, nor the phone a reviewer kept', () => {
    const json = renderJson(model);
    const colIndex = (id: string | null) => HEADER.indexOf(headerOf(id));
    const raw = ledger.filter((l) => l.before_digest !== null).map((l) => input.rows[input.rowIds.indexOf(l.row_id)]![colIndex(l.col_id)]!.trim());
    expect(raw.length).toBeGreaterThan(50);
    expect(raw.filter((v) => v.length > 3 && json.includes(v))).toEqual([]);
    expect(json).not.toContain(rejectedPhone);
    const masked = model.sampleDiffs.filter((d) => d.masked);
    expect(masked.length).toBeGreaterThan(0);
    expect(model.sampleDiffs.filter((d) => ['name', 'email', 'phone', 'dob'].includes(d.column ?? '') && !d.masked)).toEqual([]);
  });

  it('samples the first 50 ledger entries in row order', () => {
    expect(model.sampleDiffs).toHaveLength(50);
    const firstRows = [...ledger].sort((a, b) => a.row_id - b.row_id).slice(0, 50).map((l) => l.row_id);
    expect(model.sampleDiffs.map((d) => d.rowId)).toEqual(firstRows);
  });

  it('maps HIPAA: e-mails and phones handled, dates generalised, SSNs not detected, biometrics and photos without a detector', () => {
    const h = Object.fromEntries(model.hipaa.map((r) => [r.code, r]));
    expect(model.hipaa.map((r) => r.code).join('')).toBe('ABCDEFGHIJKLMNOPQR');
    expect(h.F).toMatchObject({ status: 'handled', evidence: expect.stringContaining('EMAIL in "email"') });
    expect(h.D).toMatchObject({ status: 'handled', evidence: expect.stringContaining('hash') });
    expect(h.G?.status).toBe('not-detected');
    expect(h.P?.evidence).toContain('no detector for biometric');
    expect(h.Q?.evidence).toContain('no detector for photographs');
  });

  it('drafts the Art. 30 record: what the workspace knows filled, the rest left to the controller', () => {
    const g = Object.fromEntries(model.gdpr.map((f) => [f.field, f]));
    expect(g['Categories of personal data']).toMatchObject({ source: 'workspace', value: expect.stringContaining('EMAIL ("email")') });
    expect(g['Purposes of the processing']).toEqual({ field: 'Purposes of the processing', value: null, source: 'controller' });
    expect(g['Time limits for erasure (retention): unknown to the workspace']?.value).toBeNull();
    expect(g['Technical and organisational security measures']?.value).toContain('EMAIL: mask');
  });

  it('gives what reproduces the run: digests, key generation, the command, and the output digest a real CSV export (no formula escaping) has', async () => {
    const out = path.join(tempDir(), 'out.csv');
    const exp = await jobResult<ExportResult>(await t.runJob('export.start', { datasetId, version: run.outputVersion!, path: out, force: false, formulaEscape: false }));
    expect(model.reproducibility).toMatchObject({
      policySha256: run.policySha256, keyGeneration: 1, keyFingerprint: run.keyFingerprint, piiDecisionsSha256: run.piiDecisionsSha256,
      inputSha256: [crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')], outputSha256: exp.sha256,
    });
    expect(model.reproducibility.command).toBe(`sanitizer clean '${file}' --workspace ${t.dir} --policy-file policy.json --out 'people export.cleaned.csv'`);
  });
});

describe('report.write', () => {
  it('writes the JSON report atomically, refuses to overwrite without force, and logs it', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.json');
    const w = await jobResult<WrittenFile>(await t.runJob('report.write', { runId: run.runId, path: out, force: false }));
    const bytes = fs.readFileSync(out);
    expect(w).toEqual({ path: out, format: 'json', bytes: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
    const written = JSON.parse(bytes.toString('utf8')) as ReportModel;
    expect(written.run.runId).toBe(run.runId);
    expect(validate(written)).toBe(true);
    expect(await t.fail('report.write', { runId: run.runId, path: out, force: false })).toMatchObject({ code: 'ALREADY_EXISTS', message: expect.stringContaining(out) });
    await jobResult(await t.runJob('report.write', { runId: run.runId, path: out, force: true }));
    expect(fs.readdirSync(dir)).toEqual(['report.json']);
    const entries = await t.call('log.list', { limit: 5 });
    expect(entries.find((e) => e.action === 'report.written')).toMatchObject({ subject: { run: run.runId }, details: { format: 'json', overwrote: true } });
  });

  it.each([
    ['a run that does not exist', { runId: 'r999', path: '/tmp/x.json' }, 'NOT_FOUND', /There is no run r999 in this workspace/],
    ['a format the extension contradicts', { runId: 'r1', path: '/tmp/x.json', format: 'pdf' as const }, 'INVALID_ARGUMENT', /ends in \.json but the format asked is pdf/],
    ['an unknown extension', { runId: 'r1', path: '/tmp/x.txt' }, 'INVALID_ARGUMENT', /a report is \.html, \.pdf, \.json/],
    ['a relative path', { runId: 'r1', path: 'x.json' }, 'INVALID_ARGUMENT', /give an absolute path/],
  ])('refuses %s before any job starts', async (_name, req, code, message) => {
    expect(await t.fail('report.write', { force: false, ...req })).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('report.model names a run that does not exist', async () => {
    expect(await t.fail('report.model', { runId: 'r404' })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('r404') });
  });

  it('leaves nothing behind when cancelled', async () => {
    const dir = tempDir();
    process.env.SANITIZER_TEST_HOLD_JOBS = 'report';
    try {
      const { jobId } = await t.call('report.write', { runId: run.runId, path: path.join(dir, 'r.json'), force: false });
      await t.call('job.cancel', { jobId });
      expect((await t.engine.jobs.wait(jobId)).state).toBe('cancelled');
    } finally {
      delete process.env.SANITIZER_TEST_HOLD_JOBS;
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
