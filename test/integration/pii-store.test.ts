// How a scan's findings are stored: each explanation once per column (the findings name it), the
// masked preview computed from the cell on read; a scan of some columns replacing only theirs
// (findings, ids' order, summary entries, totals) and keeping the rest with its decisions; and a
// workspace of format 6 (explanation and preview on every finding) upgraded with nothing lost.
import { undoGovernance } from '../support/downgrade';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PiiFindingRow, PiiScanSummary } from '../../src/shared/api/pii-types';
import { table } from '../../src/main/engine/db/sql';
import { maskedPreview } from '../../src/main/engine/pii/operators/masking';
import { MIGRATIONS } from '../../src/main/engine/workspace/schema';
import { Workspace } from '../../src/main/engine/workspace/workspace';
import { jobResult, writeCsv } from '../support/clean';
import { startTestEngine, tempDir, type TestEngine } from '../support/engine';

const HEADER = ['contact', 'phone', 'notes', 'active'];
const ROWS = 40;

function rowOf(i: number): string[] {
  return [
    // Ten distinct addresses over forty rows: each value's findings join back to four rows.
    `user${i % 10}@example.org`,
    `+44 20 7946 ${String(1000 + i).slice(-4)}`,
    // Free text: some cells hold three findings, so K (findings per cell in ids) is 3.
    i % 4 === 0 ? `mail a${i}@example.net or b${i}@example.com, or call +44 20 7946 0958` : i % 4 === 1 ? `asked about invoice ${i} again` : `write to c${i}@example.org`,
    i % 2 === 0 ? 'true' : 'false',
  ];
}

const csv = (): string => writeCsv(HEADER, Array.from({ length: ROWS }, (_, i) => rowOf(i + 1)));

async function allFindings(t: TestEngine, datasetId: string): Promise<PiiFindingRow[]> {
  const out: PiiFindingRow[] = [];
  for (let offset = 0; ; offset += 50) {
    const page = await t.call('pii.findings', { datasetId, version: 1, offset, limit: 50 });
    out.push(...page.rows);
    if (offset + 50 >= page.total) return out;
  }
}

async function scan(t: TestEngine, datasetId: string, columnIds?: string[]): Promise<PiiScanSummary> {
  return jobResult<PiiScanSummary>(await t.runJob('pii.start', { datasetId, version: 1, ...(columnIds ? { columnIds } : {}) }));
}

/** What must not change when the same columns are scanned again: all but when and how long. */
const stable = (s: PiiScanSummary) => ({ ...s, scannedAt: '', seconds: 0, datasetId: '' });

describe('explanations and previews', () => {
  let t: TestEngine;
  let datasetId: string;
  beforeAll(async () => {
    t = await startTestEngine();
    datasetId = (await t.importFile(csv())).datasetId;
    await scan(t, datasetId);
  });
  afterAll(async () => t.close());

  it('stores each distinct explanation once per column, and every finding names one', async () => {
    const db = t.engine.workspace.db;
    const n = async (sql: string) => Number((await db.one(sql, { ds: datasetId }))?.n);
    const findings = await n(`SELECT count(*) AS n FROM ${table.piiFinding} WHERE dataset_id = $ds`);
    const explanations = await n(`SELECT count(*) AS n FROM ${table.piiExplanation} WHERE dataset_id = $ds`);
    const distinct = await n(`SELECT count(DISTINCT (col_id, explanation::VARCHAR)) AS n FROM ${table.piiExplanation} WHERE dataset_id = $ds`);
    expect(findings).toBeGreaterThan(100);
    expect(explanations).toBe(distinct);
    expect(explanations).toBeLessThan(findings / 4);
    const orphans = await n(`SELECT count(*) AS n FROM ${table.piiFinding} f WHERE f.dataset_id = $ds AND NOT EXISTS (
      SELECT 1 FROM ${table.piiExplanation} x WHERE x.dataset_id = f.dataset_id AND x.version = f.version AND x.col_id = f.col_id AND x.expl_id = f.expl_id)`);
    expect(orphans).toBe(0);
    const columns = (await db.all(`SELECT column_name FROM duckdb_columns() WHERE table_name = '${table.piiFinding}' ORDER BY column_index`)).map((r) => r.column_name);
    expect(columns).not.toContain('explanation');
    expect(columns).not.toContain('preview');
  });

  it('returns each finding with its explanation and a masked preview of the text found', async () => {
    const rows = await allFindings(t, datasetId);
    expect(rows.length).toBe(Number((await t.call('pii.summary', { datasetId, version: 1 }))?.findings));
    for (const r of rows) {
      expect(r.explanation.score?.base, JSON.stringify(r)).toBeGreaterThan(0);
      expect(r.preview).toBe(maskedPreview(r.text, r.entity));
      expect(r.preview).not.toBe(r.text);
    }
    const contact = rows.find((r) => r.columnId === 'c1')!;
    expect(contact.explanation.header).toMatch(/column "contact"/);
    expect(contact.explanation.column).toMatch(/column "contact" is EMAIL/);
  });
});

describe('a scan of some columns', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(async () => t.close());

  it('replaces only those columns: the others keep their findings, ids, classes and decisions', async () => {
    const datasetId = (await t.importFile(csv())).datasetId;
    const full = await scan(t, datasetId);
    const note = (await allFindings(t, datasetId)).find((r) => r.columnId === 'c3')!;
    await t.call('pii.decide', { datasetId, version: 1, target: { findingId: note.findingId }, decision: 'rejected' });
    await t.call('pii.decide', { datasetId, version: 1, target: { columnId: 'c1', entity: 'EMAIL' }, decision: 'accepted' });
    const decided = (await t.call('pii.summary', { datasetId, version: 1 }))!;
    const before = await allFindings(t, datasetId);

    const again = await scan(t, datasetId, ['c2']);
    expect(stable(again)).toEqual(stable(decided));
    expect(again.scannedAt > full.scannedAt).toBe(true);
    expect(again.columns.map((c) => c.header)).toEqual(['contact', 'phone', 'notes']);
    expect(again.columns[0]?.decision).toBe('accepted');
    expect(await allFindings(t, datasetId)).toEqual(before);
    expect(before.find((r) => r.findingId === note.findingId)?.decision).toBe('rejected');
    const log = await t.call('log.list', { limit: 5 });
    expect(log.find((e) => e.action === 'pii.scanned')?.details).toMatchObject({ columns: ['c2'], findings: full.findings });
  });

  it('ends as one scan of the same columns would, even when the new column holds more findings per cell', async () => {
    const stepwise = (await t.importFile(csv())).datasetId;
    const once = (await t.importFile(csv())).datasetId;
    const first = await scan(t, stepwise, ['c1']);
    expect(first.columns.map((c) => c.header)).toEqual(['contact']);
    // contact has one finding per cell (K = 1); notes up to three: the kept ids are renumbered.
    const merged = await scan(t, stepwise, ['c3']);
    const direct = await scan(t, once, ['c1', 'c3']);
    expect(stable(merged)).toEqual(stable(direct));
    expect(merged.byEntity).toEqual(direct.byEntity);
    const rows = await allFindings(t, stepwise);
    expect(rows).toEqual(await allFindings(t, once));
    expect(new Set(rows.map((r) => r.findingId)).size).toBe(rows.length);
    const order = rows.map((r) => [r.rowId, r.columnId === 'c1' ? 0 : 1, r.start]);
    expect(order).toEqual([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!));
  });

  it.each([
    ['only a column that is never scanned (boolean)', ['c4'], ['contact', 'phone', 'notes']],
    ['every column by name', ['c1', 'c2', 'c3', 'c4'], ['contact', 'phone', 'notes']],
    ['a column after a scan of another', ['c2'], ['contact', 'phone', 'notes']],
  ])('keeps the totals right: %s', async (_n, columnIds, headers) => {
    const datasetId = (await t.importFile(csv())).datasetId;
    const full = await scan(t, datasetId);
    if (columnIds[0] === 'c2') await scan(t, datasetId, ['c1']);
    const s = await scan(t, datasetId, columnIds);
    expect(s.columns.map((c) => c.header)).toEqual(headers);
    expect(s.findings).toBe(full.findings);
    expect(s.byEntity).toEqual(full.byEntity);
    expect(s.caveat).toMatch(/Not scanned .*"active" \(boolean\)/);
    const page = await t.call('pii.findings', { datasetId, version: 1, offset: 0, limit: 1 });
    expect(page.total).toBe(full.findings);
  });
});

describe('a workspace of format 6', () => {
  const FORMAT = 6;
  const OLD_P = 3;
  it('moves explanations out of the findings, keeps their ids (P and K recovered), scans and decisions', async () => {
    const wsDir = path.join(tempDir('ds-pii-store-'), 'workspace');
    const t = await startTestEngine({ workspaceDir: wsDir });
    const datasetId = (await t.importFile(csv())).datasetId;
    await t.settle();
    await scan(t, datasetId);
    const note = (await allFindings(t, datasetId)).find((r) => r.columnId === 'c3')!;
    await t.call('pii.decide', { datasetId, version: 1, target: { findingId: note.findingId }, decision: 'rejected' });
    const summary = await t.call('pii.summary', { datasetId, version: 1 });
    const findings = await allFindings(t, datasetId);
    await t.engine.close();

    // Back to format 6 by hand: the tables as migration 5 → 6 made them, holding the same scan with
    // each finding's explanation and a stored preview, numbered as format 6 did: P the highest
    // scanned position + 1 (3: "active" is not scanned), K the most findings in a value.
    const oldId = (id: number, p: number, k: number) => {
      const q = Math.floor((id - 1) / k);
      return (Math.floor(q / p) * OLD_P + (q % p)) * k + ((id - 1) % k) + 1;
    };
    let pk = { p: 0, k: 0 };
    const ws = await Workspace.open(wsDir, { create: false, processName: 'vitest', actor: 'tester' });
    await ws.db.with(async (c) => {
      const r = (await c.runAndReadAll(`SELECT finding_p AS p, finding_k AS k FROM ${table.piiScan}`)).getRowObjects()[0]!;
      pk = { p: Number(r.p), k: Number(r.k) };
      const q = `((finding_id - 1) // ${pk.k})`;
      await c.run(`CREATE TEMP TABLE f AS SELECT f.*, (${q} // ${pk.p} * ${OLD_P} + ${q} % ${pk.p}) * ${pk.k} + (finding_id - 1) % ${pk.k} + 1 AS old_id, x.explanation::VARCHAR AS e
        FROM ${table.piiFinding} f JOIN ${table.piiExplanation} x USING (dataset_id, version, col_id, expl_id)`);
      await c.run(`CREATE TEMP TABLE s AS SELECT dataset_id, version, scanned_at, scanned_by, summary FROM ${table.piiScan}`);
      await c.run(`CREATE TEMP TABLE d AS SELECT * FROM ${table.piiDecision}`);
      for (const x of [table.piiScan, table.piiFinding, table.piiExplanation, table.piiDecision]) await c.run(`DROP TABLE ${x}`);
      // And what later formats added (duplicate detection, format 8; governance, format 9), which the upgrade adds again.
      await undoGovernance(c);
      for (const x of [table.dedupeRun, table.dedupePair, table.dedupeCluster, table.dedupeClusterInfo, table.dedupeDecision]) await c.run(`DROP TABLE ${x}`);
      await MIGRATIONS[FORMAT - 1]!(c);
      await c.run(`INSERT INTO ${table.piiScan} SELECT * FROM s`);
      await c.run(`INSERT INTO ${table.piiDecision} SELECT * FROM d`);
      await c.run(`INSERT INTO ${table.piiFinding} SELECT dataset_id, version, old_id, row_id, col_id, entity, "start", "end", confidence, recogniser, e, 'stored preview' FROM f`);
      await c.run(`UPDATE ${table.meta} SET value = '${FORMAT}' WHERE key = 'format_version'`);
    });
    ws.close();

    const again = await startTestEngine({ workspaceDir: wsDir });
    try {
      expect(again.engine.workspace.formatVersion).toBe(MIGRATIONS.length);
      expect(await again.call('pii.summary', { datasetId, version: 1 })).toEqual(summary);
      expect(pk).toEqual({ p: 4, k: 3 });
      // The same findings, previews computed, with format 6's ids (kept: P and K recovered).
      const migrated = await allFindings(again, datasetId);
      expect(migrated).toEqual(findings.map((r) => ({ ...r, findingId: oldId(r.findingId, pk.p, pk.k) })));
      expect(migrated.find((r) => r.findingId === oldId(note.findingId, pk.p, pk.k))?.decision).toBe('rejected');
      const stored = await again.engine.workspace.db.one(`SELECT finding_p AS p, finding_k AS k FROM ${table.piiScan}`);
      expect(stored).toEqual({ p: OLD_P, k: pk.k });
      const log = await again.call('log.list', { limit: 5 });
      expect(log.find((e) => e.action === 'workspace.migrated')?.details).toEqual({ from: FORMAT, to: MIGRATIONS.length });
      // A scan of one column then keeps the migrated others, renumbered as a scan now numbers them.
      const partial = await scan(again, datasetId, ['c2']);
      expect(partial.findings).toBe(summary?.findings);
      expect(await allFindings(again, datasetId)).toEqual(findings);
      const out = path.join(tempDir('ds-pii-store-out-'), 'findings.csv');
      const exported = await jobResult<{ rows: number }>(await again.runJob('pii.exportFindings', { datasetId, version: 1, path: out, format: 'csv', force: false }));
      expect(exported.rows).toBe(findings.length); // the rejected finding too, marked rejected
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
    } finally {
      await again.close();
    }
  });
});
