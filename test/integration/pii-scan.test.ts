// The dataset scan end to end on a real workspace: column classification (email, phone, SSN, free
// text, order numbers), the class's effect on cell confidence, offsets in code points, findings
// joined back to every row holding a value, the findings window and its filters, decisions and
// their digest, the findings file (exact columns, masked previews and decisions, no raw values),
// and cancel leaving nothing.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PiiFindingRow, PiiScanSummary } from '../../src/shared/api/pii-types';
import { table } from '../../src/main/engine/db/sql';
import { jobResult, writeCsv } from '../support/clean';
import { startTestEngine, tempDir, type TestEngine } from '../support/engine';

const ROWS = 60;
const SSNS = ['536-22-8726', '412-33-1234', '287-65-4321', '601-12-3456', '536-22-8727'];
const HEADER = ['id', 'contact', 'phone', 'ssn', 'notes', 'order_no', 'dob', 'signup', 'active'];

function rowOf(i: number): string[] {
  return [
    String(i),
    `user${i}@example.org`,
    `+44 20 7946 ${String(1000 + i).slice(-4)}`,
    // Five SSNs over 60 rows: each value is held by twelve rows.
    SSNS[i % SSNS.length]!,
    i === 1 ? '😀 call me at +44 20 7946 0958 tomorrow please' : i % 3 === 0 ? `Order shipped to the customer, ticket ${i} closed` : `Customer asked about the invoice again today ${i}`,
    // Order numbers: nine digits that fail every check; row 2 holds a valid-looking phone.
    i === 2 ? '+1 212 555 0147' : String(900_000_000 + i * 7919),
    `19${String(50 + (i % 40)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
    `2024-0${1 + (i % 9)}-1${i % 10}`,
    i % 2 === 0 ? 'true' : 'false',
  ];
}

let t: TestEngine;
let datasetId: string;
let summary: PiiScanSummary;
const col = (header: string) => summary.columns.find((c) => c.header === header);

async function allFindings(filter: { columnId?: string; entity?: PiiFindingRow['entity'] } = {}): Promise<PiiFindingRow[]> {
  const out: PiiFindingRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await t.call('pii.findings', { datasetId, version: 1, offset, limit: 500, ...filter });
    out.push(...page.rows);
    if (offset + 500 >= page.total) return out;
  }
}

beforeAll(async () => {
  t = await startTestEngine();
  datasetId = (await t.importFile(writeCsv(HEADER, Array.from({ length: ROWS }, (_, i) => rowOf(i + 1))))).datasetId;
  await t.settle();
  summary = await jobResult<PiiScanSummary>(await t.runJob('pii.start', { datasetId, version: 1 }));
});
afterAll(async () => {
  await t.close();
});

describe('column classification', () => {
  it.each([
    ['contact', 'EMAIL', false],
    ['phone', 'PHONE', false],
    ['ssn', 'US_SSN', false],
    ['dob', 'DATE_OF_BIRTH', false],
    ['notes', null, true],
    ['order_no', null, false],
    ['signup', null, false],
  ])('column %s is %s (free text: %s)', (header, entity, freeText) => {
    const c = col(header);
    expect(c, header).toBeDefined();
    expect(c?.entity).toBe(entity);
    expect(c?.freeText).toBe(freeText);
    if (entity !== null) {
      expect(c?.share).toBeGreaterThan(0.9);
      expect(c?.confidence).toBeGreaterThan(0.5);
      expect(c?.entities[0]).toMatchObject({ entity, cells: ROWS, share: 1 });
    }
  });

  it('does not scan a boolean column, and says so in the caveat', () => {
    expect(col('active')).toBeUndefined();
    expect(summary.caveat).toMatch(/not detected/);
    expect(summary.caveat).toMatch(/never that none is present/);
    expect(summary.caveat).toContain('"active" (boolean)');
  });
});

describe('findings', () => {
  it('counts add up: the summary, the window and its filters agree', async () => {
    const all = await allFindings();
    expect(all.length).toBe(summary.findings);
    expect(summary.byEntity.reduce((a, b) => a + b.findings, 0)).toBe(summary.findings);
    // Ordered by row, then column (dataset order), then start; ids unique and increasing in that order.
    const pos = (id: string) => summary.columns.findIndex((c) => c.columnId === id);
    const sorted = [...all].sort((a, b) => a.rowId - b.rowId || pos(a.columnId) - pos(b.columnId) || a.start - b.start);
    expect(all.map((f) => f.findingId)).toEqual(sorted.map((f) => f.findingId));
    expect(all.map((f) => f.findingId)).toEqual([...new Set(all.map((f) => f.findingId))].sort((a, b) => a - b));
    expect(all[0]?.findingId).toBeGreaterThan(0);
    const ssn = col('ssn')!.columnId;
    const bySsn = await allFindings({ columnId: ssn });
    expect(bySsn.every((f) => f.columnId === ssn && f.entity === 'US_SSN')).toBe(true);
    const emails = await allFindings({ entity: 'EMAIL' });
    expect(emails.length).toBe(summary.byEntity.find((e) => e.entity === 'EMAIL')?.findings);
  });

  it('joins a value held by many rows back to each row: one finding per row', async () => {
    const ssn = await allFindings({ columnId: col('ssn')!.columnId });
    expect(ssn.map((f) => f.rowId)).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
    for (const f of ssn) expect(f.text).toBe(SSNS[f.rowId % SSNS.length]);
  });

  it('gives offsets in code points (an emoji before a phone counts as one)', async () => {
    const notes = await allFindings({ columnId: col('notes')!.columnId });
    const phone = notes.find((f) => f.rowId === 1 && f.entity === 'PHONE');
    expect(phone).toMatchObject({ start: 13, end: 29, text: '+44 20 7946 0958' });
    expect(phone?.preview).not.toContain('7946');
  });

  it('raises findings of the column class and lowers entities out of place', async () => {
    const ssn = (await allFindings({ columnId: col('ssn')!.columnId }))[0]!;
    expect(ssn.explanation.score?.column).toBe(0.1);
    expect(ssn.explanation.column).toMatch(/column "ssn" is US_SSN/);
    const odd = (await allFindings({ columnId: col('order_no')!.columnId })).find((f) => f.rowId === 2);
    expect(odd?.entity).toBe('PHONE');
    expect(odd?.explanation.score?.column).toBe(-0.2);
    expect(odd?.explanation.column).toMatch(/column "order_no" is not of any entity; PHONE in 2 % of sampled values/);
    // A free-text column moves nothing.
    const inNotes = (await allFindings({ columnId: col('notes')!.columnId }))[0]!;
    expect(inNotes.explanation.column).toBeUndefined();
  });

  it('finds nothing in nine-digit order numbers that fail every check', async () => {
    const orders = await allFindings({ columnId: col('order_no')!.columnId });
    expect(orders.map((f) => f.rowId)).toEqual([2]);
  });
});

describe('decisions', () => {
  it('records decisions on a finding and a column, changes the digest, and clearing restores it', async () => {
    const before = (await t.call('pii.summary', { datasetId, version: 1 }))!.decisionsSha256;
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    const f = (await allFindings({ columnId: col('order_no')!.columnId }))[0]!;
    const s1 = await t.call('pii.decide', { datasetId, version: 1, target: { findingId: f.findingId }, decision: 'rejected' });
    expect(s1.decisionsSha256).not.toBe(before);
    const again = await t.call('pii.findings', { datasetId, version: 1, offset: 0, limit: 10, columnId: f.columnId });
    expect(again.rows[0]?.decision).toBe('rejected');
    const s2 = await t.call('pii.decide', { datasetId, version: 1, target: { columnId: col('contact')!.columnId, entity: 'EMAIL' }, decision: 'accepted' });
    expect(s2.columns.find((c) => c.header === 'contact')?.decision).toBe('accepted');
    expect(s2.decisionsSha256).not.toBe(s1.decisionsSha256);
    const emails = await t.call('pii.findings', { datasetId, version: 1, offset: 0, limit: 5, entity: 'EMAIL' });
    expect(emails.rows.every((r) => r.decision === 'accepted')).toBe(true);
    await t.call('pii.decide', { datasetId, version: 1, target: { columnId: col('contact')!.columnId, entity: 'EMAIL' }, decision: 'clear' });
    const s3 = await t.call('pii.decide', { datasetId, version: 1, target: { findingId: f.findingId }, decision: 'clear' });
    expect(s3.decisionsSha256).toBe(before);
    const log = await t.call('log.list', { limit: 10 });
    expect(log.filter((e) => e.action === 'pii.decided').length).toBe(4);
  });

  it('refuses a finding that does not exist', async () => {
    const e = await t.fail('pii.decide', { datasetId, version: 1, target: { findingId: 999_999 }, decision: 'accepted' });
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toMatch(/no finding 999999/);
  });
});

describe('export', () => {
  const readParquet = async (file: string): Promise<Record<string, unknown>[]> => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    try {
      return (await c.runAndReadAll(`SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`)).getRowObjectsJson() as Record<string, unknown>[];
    } finally {
      c.closeSync();
    }
  };

  it('writes row_id,column,entity,start,end,confidence,recogniser,preview,decision: the masked preview, never the found text', async () => {
    const all = await allFindings();
    const rejected = all.find((f) => f.entity === 'US_SSN')!;
    const contact = col('contact')!.columnId;
    await t.call('pii.decide', { datasetId, version: 1, target: { findingId: rejected.findingId }, decision: 'rejected' });
    await t.call('pii.decide', { datasetId, version: 1, target: { columnId: contact, entity: 'EMAIL' }, decision: 'accepted' });
    try {
      const findings = await allFindings();
      const dir = tempDir();
      const csvOut = path.join(dir, 'findings.csv');
      const parquetOut = path.join(dir, 'findings.parquet');
      expect(await jobResult(await t.runJob('pii.exportFindings', { datasetId, version: 1, path: csvOut, force: false }))).toMatchObject({ format: 'csv', rows: summary.findings });
      expect(await jobResult(await t.runJob('pii.exportFindings', { datasetId, version: 1, path: parquetOut, force: false }))).toMatchObject({ format: 'parquet', rows: summary.findings });

      const header = (id: string) => summary.columns.find((c) => c.columnId === id)!.header;
      const expected = findings.map((f) => ({
        row_id: f.rowId, column: header(f.columnId), entity: f.entity, start: f.start, end: f.end, recogniser: f.recogniser, preview: f.preview, decision: f.decision,
      }));
      // Every finding is there, in the findings view's order, with the view's preview and decision.
      const parquet = await readParquet(parquetOut);
      expect(Object.keys(parquet[0]!)).toEqual(['row_id', 'column', 'entity', 'start', 'end', 'confidence', 'recogniser', 'preview', 'decision']);
      expect(parquet.map(({ confidence: _c, ...r }) => ({ ...r, row_id: Number(r.row_id) }))).toEqual(expected);
      expect(parquet.find((r) => Number(r.row_id) === rejected.rowId && r.entity === 'US_SSN' && r.start === rejected.start)?.decision).toBe('rejected');
      expect(parquet.filter((r) => r.entity === 'EMAIL').every((r) => r.decision === 'accepted')).toBe(true);
      expect(parquet.some((r) => r.decision === null)).toBe(true);

      const text = fs.readFileSync(csvOut, 'utf8');
      const lines = text.trim().split(/\r?\n/);
      expect(lines[0]).toBe('row_id,column,entity,start,end,confidence,recogniser,preview,decision');
      expect(lines.length - 1).toBe(summary.findings);
      // No found text (nor any cell holding one) appears in either file, in any form the table holds.
      const raws = [...new Set(findings.map((f) => f.text).filter((x) => x.length >= 6))];
      expect(raws.length).toBeGreaterThan(50);
      const parquetText = JSON.stringify(parquet);
      for (const raw of raws) {
        expect(text, raw).not.toContain(raw);
        expect(parquetText, raw).not.toContain(raw);
      }
      for (const raw of ['example.org', '7946', '536-22-8726', '555 0147']) expect(text).not.toContain(raw);
      expect(fs.readFileSync(parquetOut).includes(Buffer.from('@example.org'))).toBe(false);

      const again = await t.runJob('pii.exportFindings', { datasetId, version: 1, path: csvOut, force: false });
      expect(again.state).toBe('failed');
      expect(again.error?.message).toMatch(/exists/);
    } finally {
      await t.call('pii.decide', { datasetId, version: 1, target: { findingId: rejected.findingId }, decision: 'clear' });
      await t.call('pii.decide', { datasetId, version: 1, target: { columnId: contact, entity: 'EMAIL' }, decision: 'clear' });
    }
  });
});

describe('cancel', () => {
  it('leaves the previous scan and findings untouched', async () => {
    const db = t.engine.workspace.db;
    const count = async () => Number((await db.one(`SELECT count(*) AS n FROM ${table.piiFinding}`))?.n);
    const n = await count();
    const { jobId } = await t.call('pii.start', { datasetId, version: 1 });
    await t.call('job.cancel', { jobId });
    const job = await t.engine.jobs.wait(jobId);
    expect(job.state).toBe('cancelled');
    expect(await count()).toBe(n);
    expect((await t.call('pii.summary', { datasetId, version: 1 }))?.scannedAt).toBe(summary.scannedAt);
    const scratch = await db.all(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'pii_%'`);
    expect(scratch).toEqual([]);
  });
});
