// Decisions on single findings steer a run of the version they were made on, through the API and
// the CLI: a rejected span is left alone (rows, not values: the same text in another row is still
// masked), an accepted span is masked though the recognisers score it below the step's floor (and
// found again after an earlier step moved it), a whole-cell step leaves a cell whose every finding
// was rejected; the run stores the digest of the decisions; the ledger keeps only digests and
// masked previews; a version derived from the decided one inherits nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/main/engine/db/database';
import { piiDecisionsDigest, runDecisions } from '../../src/main/engine/pii/dataset/store';
import { keyedDigest } from '../../src/main/engine/pii/operators/keyed';
import type { RunResult } from '../../src/shared/api/clean-types';
import type { PiiFindingRow } from '../../src/shared/api/pii-types';
import type { StepInput } from '../../src/shared/policy/steps';
import { jobResult, policyDoc, writeCsv } from '../support/clean';
import { startTestEngine, type TestEngine } from '../support/engine';
import { importedWorkspace, runCli } from './cli-support';

const NOTES = [
  'call +44 20 7946 0958 or ann@example.org',
  'call +44 20 7946 0958 or ann@example.org',
  'meet Jordan Smith at 10 Downing Street',
  'order 4111 1111 1111 1111 shipped',
  'code AB123456C here',
  '   meet Jordan Smith again',
];
/** Spans at confidence ≥ 0.8 only: PHONE (1.0) and EMAIL (0.85) count, PERSON (0.7), UK_NINO (0.65), CREDIT_CARD (0.5) do not. */
const SPANS: StepInput = { id: 's', type: 'deidentify', columns: { names: ['note'] }, params: { scope: 'spans', minConfidence: 0.8, operators: { default: { op: 'token', entity: 'PII' }, PHONE: { op: 'token', entity: 'PHONE' }, EMAIL: { op: 'token', entity: 'EMAIL' } } } };
const TRIM: StepInput = { id: 't', type: 'trim' };

type Decide = { row: number; entity: string; decision: 'accepted' | 'rejected' | 'clear' };

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(async () => {
  await t.close();
});

async function scanned(header: string[], rows: string[][]): Promise<{ datasetId: string; findings: PiiFindingRow[] }> {
  const imp = await t.importFile(writeCsv(header, rows));
  await t.settle();
  await jobResult(await t.runJob('pii.start', { datasetId: imp.datasetId, version: 1 }));
  const page = await t.call('pii.findings', { datasetId: imp.datasetId, version: 1, offset: 0, limit: 500 });
  return { datasetId: imp.datasetId, findings: page.rows };
}

async function decideAll(datasetId: string, findings: PiiFindingRow[], decide: Decide[]): Promise<string> {
  let sha = '';
  for (const d of decide) {
    const f = findings.find((x) => x.rowId === d.row && x.entity === d.entity);
    if (!f) throw new Error(`no ${d.entity} finding in row ${d.row}`);
    sha = (await t.call('pii.decide', { datasetId, version: 1, target: { findingId: f.findingId }, decision: d.decision })).decisionsSha256;
  }
  return sha;
}

async function cleaned(datasetId: string, version: number, steps: StepInput[]): Promise<{ run: RunResult; column: (string | null)[] }> {
  const run = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId, version, source: { policy: policyDoc(steps) } }));
  const w = await t.call('grid.window', { datasetId, version: run.outputVersion ?? 0, offset: 0, limit: 100 });
  return { run, column: w.rows.map((r) => r[0] ?? null) };
}

const MASKED = 'call <PHONE> or <EMAIL>';
const NONE = [MASKED, MASKED, NOTES[2], NOTES[3], NOTES[4], NOTES[5]];

describe('decisions on findings in a span step', () => {
  it.each([
    { name: 'none: the recognisers and the floor decide', decide: [] as Decide[], steps: [SPANS], out: NONE },
    {
      name: 'a rejected phone number is left in its row only (the same text in row 2 is masked)',
      decide: [{ row: 1, entity: 'PHONE', decision: 'rejected' }] as Decide[], steps: [SPANS],
      out: ['call +44 20 7946 0958 or <EMAIL>', MASKED, NOTES[2], NOTES[3], NOTES[4], NOTES[5]],
    },
    {
      name: 'accepted findings below the floor are masked (a name at 0.7, a NINO at 0.65)',
      decide: [{ row: 3, entity: 'PERSON', decision: 'accepted' }, { row: 5, entity: 'UK_NINO', decision: 'accepted' }] as Decide[], steps: [SPANS],
      out: [MASKED, MASKED, 'meet <PII> at 10 Downing Street', NOTES[3], 'code <PII> here', NOTES[5]],
    },
    {
      name: 'both kinds in one row',
      decide: [{ row: 2, entity: 'EMAIL', decision: 'rejected' }, { row: 2, entity: 'PHONE', decision: 'accepted' }] as Decide[], steps: [SPANS],
      out: [MASKED, 'call <PHONE> or ann@example.org', NOTES[2], NOTES[3], NOTES[4], NOTES[5]],
    },
    {
      name: 'accepted, then cleared: as if never decided',
      decide: [{ row: 3, entity: 'PERSON', decision: 'accepted' }, { row: 3, entity: 'PERSON', decision: 'clear' }] as Decide[], steps: [SPANS],
      out: NONE,
    },
    {
      name: 'an accepted span an earlier trim moved is found by its text',
      decide: [{ row: 6, entity: 'PERSON', decision: 'accepted' }] as Decide[], steps: [TRIM, SPANS],
      out: [MASKED, MASKED, NOTES[2], NOTES[3], NOTES[4], 'meet <PII> again'],
    },
  ])('$name', async ({ decide, steps, out }) => {
    const { datasetId, findings } = await scanned(['note'], NOTES.map((n) => [n]));
    const sha = await decideAll(datasetId, findings, decide);
    const { run, column } = await cleaned(datasetId, 1, steps);
    expect(column).toEqual(out);
    const active = decide.length > 0 && decide.at(-1)?.decision !== 'clear';
    // The run stores the digest pii.summary reports for the decisions in force.
    expect(run.piiDecisionsSha256).toBe(active ? sha : null);
    const notes = run.steps.at(-1)?.notes.join('\n') ?? '';
    if (active) expect(notes).toMatch(/"note": review decisions on findings of the input version/);
    else expect(notes).not.toMatch(/review decisions/);
  });

  it('keeps no personal data in the ledger of a decided row: the digest and the masked spans only', async () => {
    const { datasetId, findings } = await scanned(['note'], NOTES.map((n) => [n]));
    await decideAll(datasetId, findings, [{ row: 1, entity: 'PHONE', decision: 'rejected' }, { row: 3, entity: 'PERSON', decision: 'accepted' }]);
    const { run } = await cleaned(datasetId, 1, [SPANS]);
    const ledger = await t.call('diff.cells', { datasetId, version: run.outputVersion ?? 0, rowIds: [1, 2, 3, 4, 5, 6] });
    expect(ledger.map((e) => e.rowId)).toEqual([1, 2, 3]);
    const key = t.engine.workspace.secretKey();
    for (const e of ledger) {
      expect(e.before).toBeNull();
      expect(e.beforeDigest).toBe(keyedDigest(NOTES[e.rowId - 1] as string, key));
      for (const raw of ['7946', 'ann@', 'Jordan', 'Smith']) expect(e.beforePreview ?? '').not.toContain(raw);
    }
    // Row 1's preview shows only the e-mail it masked; row 2's both spans; row 3's the accepted name.
    expect(ledger.map((e) => (e.beforePreview ?? '').split(' … ').length)).toEqual([1, 2, 1]);
  });

  it('is not inherited by a version derived from the decided one', async () => {
    const { datasetId, findings } = await scanned(['note'], NOTES.map((n) => [n]));
    await decideAll(datasetId, findings, [{ row: 1, entity: 'PHONE', decision: 'rejected' }]);
    const first = await cleaned(datasetId, 1, [TRIM]);
    expect(first.run.piiDecisionsSha256).toBeNull();
    const second = await cleaned(datasetId, first.run.outputVersion ?? 0, [SPANS]);
    expect(second.run.piiDecisionsSha256).toBeNull();
    expect(second.column[0]).toBe(MASKED);
  });
});

describe('an accepted span an earlier step moved', () => {
  it.each([
    { name: 'masks that occurrence only, not the same letters inside a longer name', cell: '   ask Jordan Smith, not Jordan Smithers', out: 'ask <PII>, not Jordan Smithers' },
    { name: 'masks the decided one of two equal names (the trim\'s shift is mapped)', cell: '   Jordan Smith met Jordan Smith', out: '<PII> met Jordan Smith' },
  ])('$name', async ({ cell, out }) => {
    const { datasetId, findings } = await scanned(['note'], [[cell]]);
    const first = findings.filter((f) => f.entity === 'PERSON').sort((a, b) => a.start - b.start)[0];
    if (!first) throw new Error(`the scan found no name in ${cell}`);
    expect(first.text).toBe('Jordan Smith');
    await t.call('pii.decide', { datasetId, version: 1, target: { findingId: first.findingId }, decision: 'accepted' });
    const { column } = await cleaned(datasetId, 1, [TRIM, SPANS]);
    expect(column).toEqual([out]);
  });
});

describe('the decisions a run reads', () => {
  it('are one snapshot: a decision made while they are read changes neither the digest nor the all-rejected cells', async () => {
    const { datasetId, findings } = await scanned(['note'], NOTES.map((n) => [n]));
    expect(findings.filter((f) => f.rowId === 5)).toHaveLength(1);
    const sha = await decideAll(datasetId, findings, [{ row: 1, entity: 'PHONE', decision: 'rejected' }]);
    const real = t.engine.workspace.db;
    // The real database, with a reviewer's decisions landing right after the decisions are first read.
    const racing = Object.create(real) as Database;
    let raced = false;
    racing.all = async (sql, params) => {
      const rows = await real.all(sql, params);
      if (!raced && sql.includes('pii_decision')) {
        raced = true;
        await decideAll(datasetId, findings, [{ row: 3, entity: 'PERSON', decision: 'accepted' }, { row: 5, entity: 'UK_NINO', decision: 'rejected' }]);
      }
      return rows as never;
    };
    const r = await runDecisions(racing, datasetId, 1);
    expect(raced).toBe(true);
    expect(r?.findings.map((f) => [f.rowId, f.entity, f.decision])).toEqual([[1, 'PHONE', 'rejected']]);
    expect(r?.sha256).toBe(sha);
    expect(r?.rejectedCells).toEqual([]);
    expect(await piiDecisionsDigest(real, datasetId, 1)).not.toBe(sha);
  });
});

describe('decisions on findings in a whole-cell step', () => {
  const EMAILS = ['ann@example.org', 'bob@example.com', 'cy@example.net', 'dee@example.org', 'ed@example.com'];
  const CELL: StepInput = { id: 'c', type: 'deidentify', params: { operators: { EMAIL: { op: 'token', entity: 'EMAIL' } } } };

  it.each([
    { name: 'none: every cell of the EMAIL column replaced', decide: [] as Decide[], out: EMAILS.map(() => '<EMAIL>') },
    { name: 'a cell whose only finding was rejected is left', decide: [{ row: 2, entity: 'EMAIL', decision: 'rejected' }] as Decide[], out: ['<EMAIL>', 'bob@example.com', '<EMAIL>', '<EMAIL>', '<EMAIL>'] },
    { name: 'an accepted finding changes nothing (the column is replaced anyway)', decide: [{ row: 2, entity: 'EMAIL', decision: 'accepted' }] as Decide[], out: EMAILS.map(() => '<EMAIL>') },
  ])('$name', async ({ decide, out }) => {
    const { datasetId, findings } = await scanned(['email'], EMAILS.map((e) => [e]));
    await decideAll(datasetId, findings, decide);
    const { run, column } = await cleaned(datasetId, 1, [CELL]);
    expect(column).toEqual(out);
    if (decide[0]?.decision === 'rejected') expect(run.steps[0]?.notes.join('\n')).toMatch(/1 cells left as they were \(every finding in them rejected\)/);
  });

  it('replaces a cell where only one of its findings was rejected', async () => {
    const rows = [['ann@example.org'], ['bob@example.com'], ['cy@example.net'], ['ann@example.org +44 20 7946 0958']];
    const { datasetId, findings } = await scanned(['contact'], rows);
    await decideAll(datasetId, findings, [{ row: 4, entity: 'PHONE', decision: 'rejected' }]);
    const step: StepInput = { id: 'c', type: 'deidentify', params: { operators: { EMAIL: { op: 'token', entity: 'EMAIL' } } } };
    const { column } = await cleaned(datasetId, 1, [step]);
    expect(column).toEqual(['<EMAIL>', '<EMAIL>', '<EMAIL>', '<EMAIL>']);
  });
});

describe('sanitizer clean honours the decisions recorded in the workspace', () => {
  it.each([
    { name: 'no decision', decide: [] as Decide[], first: MASKED },
    { name: 'the phone number rejected', decide: [{ row: 1, entity: 'PHONE', decision: 'rejected' }] as Decide[], first: 'call +44 20 7946 0958 or <EMAIL>' },
  ])('$name', async ({ decide, first }) => {
    const csv = ['note', ...NOTES.map((n) => `"${n}"`)].join('\n');
    const { env, ws, datasetId, remove } = await importedWorkspace('ds-cli-decide-', csv);
    try {
      const e = await startTestEngine({ workspaceDir: ws });
      try {
        await jobResult(await e.runJob('pii.start', { datasetId, version: 1 }));
        const page = await e.call('pii.findings', { datasetId, version: 1, offset: 0, limit: 100 });
        for (const d of decide) {
          const f = page.rows.find((x) => x.rowId === d.row && x.entity === d.entity);
          await e.call('pii.decide', { datasetId, version: 1, target: { findingId: f?.findingId ?? 0 }, decision: d.decision });
        }
      } finally {
        // Not e.close(): that deletes the folder around the workspace, which here is the CLI's sandbox.
        await e.engine.close();
      }
      fs.writeFileSync(path.join(env.cwd, 'p.json'), JSON.stringify(policyDoc([SPANS])));
      const r = await runCli(['clean', datasetId, '--workspace', ws, '--policy-file', 'p.json', '--version', '1', '--out', 'out.csv'], env);
      expect(r.code, r.stderr).toBe(0);
      const lines = fs.readFileSync(path.join(env.cwd, 'out.csv'), 'utf8').trim().split(/\r?\n/);
      expect(lines[1]).toBe(first);
      expect(lines[2]).toBe(MASKED);
    } finally {
      remove();
    }
  }, 120_000);
});
