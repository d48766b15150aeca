// The report model of a stored run (docs/REPORTS.md): every figure from what the workspace
// recorded — the run record, the dataset catalogue, the ledger, the PII scan and decisions, the
// duplicate search, the audit log — computed in SQL over the real tables, then checked against
// the published schema. Nothing in it is raw personal data.
import path from 'node:path';
import type { RunResult, StepReport } from '../../../shared/api/clean-types';
import { RUN_KIND_TITLES, REPORT_FORMAT, reportModelSchema, type ReportModel } from '../../../shared/api/report-types';
import { AppError } from '../../../shared/api/result';
import type { DatasetDetail } from '../../../shared/api/types';
import type { Policy } from '../../../shared/policy/policy';
import { isPiiStep, type StepOf } from '../../../shared/policy/steps';
import { maskedPreview } from '../pii/operators/masking';
import { getColumns, getDataset } from '../datasets/catalog';
import { num, type Database } from '../db/database';
import { ident, table } from '../db/sql';
import { byFingerprint, deriveTrust } from '../identity/trust';
import type { JobContext } from '../jobs/jobs';
import { versionStates } from '../policy/store';
import { APP_VERSION } from '../handlers/app';
import type { Workspace } from '../workspace/workspace';
import { dedupeFigures } from './dedupe-figures';
import { gdprRecord } from './gdpr';
import { hipaaRows } from './hipaa';
import { cellsOfSteps, runColumnFigures, sampleDiffs, stepFigures, type LedgerKey } from './ledger-figures';
import { operatorsOf, piiFigures } from './pii-figures';
import { reproduceCommand, outputCsvSha256 } from './repro';
import { riskFigures } from './risk-figures';

export interface ReportContext {
  ws: Workspace;
  job: JobContext;
  /** Who asks for the report (generatedBy). */
  actor: string;
}

/** A stored run: its result and the policy document exactly as it ran. */
export async function findRun(db: Database, runId: string): Promise<{ run: RunResult; policy: Policy }> {
  const r = await db.one(`SELECT result::VARCHAR AS result, policy::VARCHAR AS policy FROM ${table.run} WHERE run_id = $id`, { id: runId });
  if (!r) {
    const known = (await db.all(`SELECT run_id FROM ${table.run} ORDER BY started_at DESC LIMIT 5`)).map((x) => String(x.run_id));
    throw new AppError('NOT_FOUND', `There is no run ${runId} in this workspace${known.length ? ` (the latest: ${known.join(', ')}; \`sanitizer log\` lists them as run=…)` : ': no cleaning run was written yet'}.`, { runId });
  }
  return { run: JSON.parse(String(r.result)) as RunResult, policy: JSON.parse(String(r.policy)) as Policy };
}

export async function buildReportModel(ctx: ReportContext, runId: string): Promise<ReportModel> {
  const { ws, job } = ctx;
  const db = ws.db;
  const { run, policy } = await findRun(db, runId);
  if (run.outputVersion === null) throw new AppError('INVALID_ARGUMENT', `Run ${runId} is a preview: it wrote no version to report on.`, { runId });
  const out = run.outputVersion;
  const input = await getDataset(db, run.datasetId, run.inputVersion);
  const headers = new Map<string, string>();
  for (const c of [...(await getColumns(db, run.datasetId, out)), ...input.columns]) if (!headers.has(c.id)) headers.set(c.id, c.header);
  const headerOf = (id: string) => headers.get(id) ?? id;
  const key: LedgerKey = { datasetId: run.datasetId, version: out, inputVersion: run.inputVersion };
  job.progress({ stage: 'counting the ledger', done: 0, total: 6, unit: 'steps' });

  const perStep = await stepFigures(db, key);
  const steps = run.steps.map((s) => stepOf(s, perStep.get(s.stepId), headerOf));
  const columns = [...(await runColumnFigures(db, key))].map(([id, n]) => ({ column: headerOf(id), cellsChanged: n }));
  const ofType = (...types: string[]) => run.steps.filter((s) => types.includes(s.stepType)).map((s) => s.stepId);
  const cellsChanged = steps.reduce((a, s) => a + s.cellsChanged, 0);
  const rowsRemoved = steps.reduce((a, s) => a + s.rowsRemoved, 0);
  job.throwIfCancelled();

  job.progress({ stage: 'reading the PII scan', done: 1 });
  const operatorOf = operatorsOf(policy, run.steps);
  const pii = await piiFigures(db, run.datasetId, run.inputVersion, headerOf, operatorOf);
  job.progress({ stage: 'reading duplicates', done: 2 });
  const dedupe = await dedupeFigures(db, run.datasetId, run.inputVersion, out, run.steps);
  job.throwIfCancelled();
  job.progress({ stage: 'measuring re-identification risk', done: 3 });
  const risk = await riskFigures(ws, job, run.datasetId, run.inputVersion, out);
  job.progress({ stage: 'sampling the ledger', done: 4 });
  const diffs = await sampleDiffs(db, key, headerOf, pii.personalColumns);
  maskImputedNotes(steps, run.steps, pii.personalColumns, headerOf);
  job.progress({ stage: 'digesting the output', done: 5 });
  const outputSha256 = await outputCsvSha256(ws, job, run.datasetId, out);

  const signed = await db.one(`SELECT signer FROM ${table.eventLog} WHERE action = 'clean.run' AND (subject->>'run') = $run ORDER BY seq LIMIT 1`, { run: runId });
  const actorFingerprint = signed?.signer === null || signed?.signer === undefined ? null : String(signed.signer);
  const generalised = generalisedBy(policy, run.steps, perStep, headerOf);
  const found = new Map([...pii.found].map(([e, x]) => [e, { findings: x.findings, columns: x.columnIds.map(headerOf) }]));
  const wsId = await db.one(`SELECT value FROM ${table.meta} WHERE key = 'workspace_id'`);
  const d = input.dataset;

  const model: ReportModel = {
    reportFormat: REPORT_FORMAT,
    generatedAt: new Date().toISOString(),
    generatedBy: ctx.actor,
    workspaceId: wsId ? String(wsId.value) : '',
    run: {
      runId, kind: run.kind, title: RUN_KIND_TITLES[run.kind], stamp: run.stamp, startedAt: run.startedAt, seconds: run.seconds, actor: run.actor, actorFingerprint,
      datasetId: run.datasetId, datasetName: d.name, inputVersion: run.inputVersion, outputVersion: out, rowsIn: run.rowsIn, rowsOut: await rowCount(db, run.datasetId, out), cellsChanged, rowsRemoved,
    },
    inputs: [inputOf(input)],
    policy: await policySection(db, run, policy),
    steps,
    columns,
    pii: pii.pii,
    dedupe,
    valuesImputed: await cellsOfSteps(db, key, ofType('impute')),
    outliersHandled: await outliersHandled(db, key, run.steps, policy),
    rowsDropped: steps.filter((s) => s.type !== 'dedupe_near' && s.type !== 'dedupe_exact').reduce((a, s) => a + s.rowsRemoved, 0),
    risk,
    sampleDiffs: diffs,
    hipaa: hipaaRows({ scanned: pii.pii.scanned, version: run.inputVersion, found, operatorOf: (e) => operatorOf(e, pii.found.get(e)?.columnIds ?? []), generalised }),
    gdpr: gdprRecord({
      found: [...found].map(([entity, x]) => ({ entity, columns: x.columns })), scanned: pii.pii.scanned,
      measures: measuresOf(pii.pii.byEntity, generalised), keyGeneration: run.keyGeneration ?? null, sourceFile: path.basename(d.sourcePath), sourceSha256: d.sourceSha256,
      policy: `${run.policyName} v${run.policyVersion}`, actor: run.actor, stamp: run.stamp, startedAt: run.startedAt,
    }),
    reproducibility: reproOf(run, d, ws.dir, dedupe, outputSha256, actorFingerprint),
  };
  job.progress({ stage: 'checking the model', done: 6 });
  return reportModelSchema.parse(model);
}

function inputOf(input: DatasetDetail): ReportModel['inputs'][number] {
  const d = input.dataset;
  return {
    fileName: path.basename(d.sourcePath), sizeBytes: d.sourceSize, sha256: d.sourceSha256, format: d.format, rows: input.version.rowCount, columns: input.version.columnCount,
    settings: settingsOf(input.importOptions as unknown as Record<string, unknown>), importedAt: d.createdAt,
  };
}

function reproOf(run: RunResult, d: DatasetDetail['dataset'], workspaceDir: string, dedupe: ReportModel['dedupe'], outputSha256: string, actorFingerprint: string | null): ReportModel['reproducibility'] {
  return {
    engineVersion: APP_VERSION, policySha256: run.policySha256, keyFingerprint: run.keyFingerprint ?? null, keyGeneration: run.keyGeneration ?? null,
    piiDecisionsSha256: run.piiDecisionsSha256, dedupeDecisionsSha256: dedupe?.source === 'run-step' ? dedupe.decisionsSha256 : null,
    inputSha256: [d.sourceSha256], outputSha256,
    command: reproduceCommand({
      sourcePath: d.sourcePath, datasetId: run.datasetId, inputVersion: run.inputVersion, workspaceDir,
      saved: run.policyId ? { name: run.policyName, version: run.policyVersion } : null, identity: actorFingerprint ? run.actor : null,
    }),
  };
}

/**
 * An impute step by mode names the value it filled in its note (ops-stats.ts) — the column's most
 * common value, raw. In a column the scan classed as personal, or one a de-identification step
 * touched, that value is personal data: the report shows its masked preview instead.
 */
export function maskImputedNotes(steps: ReportModel['steps'], reports: readonly StepReport[], personal: ReadonlyMap<string, string>, headerOf: (id: string) => string): void {
  const deidentified = new Set(reports.filter((r) => r.enabled && isPiiStep(r.stepType)).flatMap((r) => r.columnIds));
  reports.forEach((r, i) => {
    const step = steps[i];
    if (r.stepType !== 'impute' || !step) return;
    for (const id of r.columnIds) {
      const entity = personal.get(id) ?? (deidentified.has(id) ? 'personal data' : null);
      if (entity === null) continue;
      const prefix = `"${headerOf(id)}": missing values set to `;
      step.notes = step.notes.map((n) => {
        const m = n.startsWith(prefix) ? /^(".*") \((mode)\)$/.exec(n.slice(prefix.length)) : null;
        if (!m) return n;
        let value: unknown;
        try {
          value = JSON.parse(m[1] as string);
        } catch {
          return n;
        }
        return typeof value === 'string' ? `${prefix}${JSON.stringify(maskedPreview(value, entity))} (mode, masked: personal data)` : n;
      });
    }
  });
}

function stepOf(s: StepReport, f: { cells: number; rowsRemoved: number; perColumn: Map<string, number> } | undefined, headerOf: (id: string) => string): ReportModel['steps'][number] {
  return {
    stepId: s.stepId, type: s.stepType, label: s.label, enabled: s.enabled, columns: s.columnIds.map(headerOf),
    cellsChanged: f?.cells ?? 0, rowsRemoved: f?.rowsRemoved ?? 0, failures: s.failures, notes: s.notes,
    perColumn: [...(f?.perColumn ?? new Map<string, number>())].map(([id, n]) => ({ column: headerOf(id), cellsChanged: n })),
  };
}

async function rowCount(db: Database, datasetId: string, version: number): Promise<number> {
  const r = await db.one(`SELECT row_count FROM ${table.version} WHERE dataset_id = $ds AND version = $v`, { ds: datasetId, v: version });
  return num(r?.row_count);
}

/** The resolved import settings as flat values (the per-setting origin map is left out). */
function settingsOf(o: Record<string, unknown>): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'origin') continue;
    out[k] = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);
  }
  return out;
}

async function policySection(db: Database, run: RunResult, policy: Policy): Promise<ReportModel['policy']> {
  let state: string | null = null;
  let author: string | null = (policy as { author?: string }).author ?? null;
  if (run.policyId) {
    state = (await versionStates(db, run.policyId)).get(run.policyVersion) ?? null;
    const first = await db.one(`SELECT saved_by FROM ${table.policy} WHERE policy_id = $id AND version = $v ORDER BY revision LIMIT 1`, { id: run.policyId, v: run.policyVersion });
    if (first) author = String(first.saved_by);
  }
  const approvals = [];
  for (const a of run.approvals ?? []) {
    // The approver's roles as the log stood when the approval was signed.
    const who = byFingerprint(await deriveTrust(db, a.seq), a.approver.fingerprint)[0];
    const roles = who ? [...who.roles].sort() : [];
    approvals.push({ by: a.approver.name, role: roles.includes('approver') ? 'approver' : (roles.join(', ') || null), at: a.at, reason: a.reason, keyFingerprint: a.approver.fingerprint });
  }
  return { name: run.policyName, policyId: run.policyId, version: run.policyVersion, sha256: run.policySha256, state, author, document: policy, approvals };
}

/** Generalise kinds the run applied (generalise steps, and de-identification operators that generalise), with steps and the columns they changed. */
function generalisedBy(policy: Policy, reports: readonly StepReport[], perStep: Map<string, { perColumn: Map<string, number> }>, headerOf: (id: string) => string): Map<string, { stepIds: string[]; columns: string[] }> {
  const out = new Map<string, { stepIds: string[]; columns: string[] }>();
  for (const s of policy.steps) {
    if (s.type !== 'generalise' || !s.enabled) continue;
    const changed = [...(perStep.get(s.id)?.perColumn.keys() ?? [])].map(headerOf);
    if (changed.length === 0 && !reports.some((r) => r.stepId === s.id)) continue;
    const g = out.get(s.params.kind) ?? { stepIds: [], columns: [] };
    g.stepIds.push(s.id);
    for (const c of changed) if (!g.columns.includes(c)) g.columns.push(c);
    out.set(s.params.kind, g);
  }
  return out;
}

function measuresOf(byEntity: ReportModel['pii']['byEntity'], generalised: Map<string, { stepIds: string[]; columns: string[] }>): string[] {
  return [
    ...byEntity.filter((e) => e.operator !== null).map((e) => `${e.entity}: ${e.operator}`),
    ...[...generalised].map(([kind, g]) => `generalisation (${kind}) of ${g.columns.map((c) => JSON.stringify(c)).join(', ')}`),
  ];
}

/** Outliers clipped or set missing (ledger cells), plus rows a flagging step marked (its flag columns, true in the output). */
async function outliersHandled(db: Database, key: LedgerKey, reports: readonly StepReport[], policy: Policy): Promise<number> {
  const steps = policy.steps.filter((s): s is StepOf<'outliers'> => s.type === 'outliers' && s.enabled);
  let n = await cellsOfSteps(db, key, steps.filter((s) => s.params.action !== 'flag').map((s) => s.id));
  const flags = steps.filter((s) => s.params.action === 'flag').flatMap((s) => reports.find((r) => r.stepId === s.id)?.addedColumnIds ?? []);
  if (flags.length > 0) {
    const data = await db.one(`SELECT table_name FROM ${table.version} WHERE dataset_id = $ds AND version = $v`, { ds: key.datasetId, v: key.version });
    const cols = await getColumns(db, key.datasetId, key.version);
    const present = flags.filter((id) => cols.some((c) => c.id === id));
    if (data && present.length > 0) {
      const r = await db.one(`SELECT ${present.map((id) => `count(*) FILTER (WHERE ${ident(id)} IS TRUE)`).join(' + ')} AS n FROM ${ident(String(data.table_name))}`);
      n += num(r?.n);
    }
  }
  return n;
}
