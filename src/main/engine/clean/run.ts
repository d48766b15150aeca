// A cleaning run as a job: resolve the policy, run its steps over the version (or, for a preview,
// a deterministic sample), then either report (preview) or write the new version, its ledger and
// the run record in one transaction (an unapproved run, or a compliance run of an ACTIVE version,
// stamped APPROVED with its signed approval). Written runs record the workspace key generation.
import type { LedgerEntry, PreviewResult, RunKind, RunResult } from '../../../shared/api/clean-types';
import type { PolicySource } from '../../../shared/api/contract';
import type { ApprovalFile } from '../../../shared/api/governance-types';
import { AppError } from '../../../shared/api/result';
import type { ColumnInfo } from '../../../shared/api/types';
import { STEP_INFO } from '../../../shared/policy/catalog';
import type { Policy } from '../../../shared/policy/policy';
import { presetPolicy } from '../../../shared/policy/presets';
import { isPiiStep, type Step, type StepType } from '../../../shared/policy/steps';
import { getColumns, registerVersion, versionTable } from '../datasets/catalog';
import { num, type Database } from '../db/database';
import { ident, table } from '../db/sql';
import type { JobContext } from '../jobs/jobs';
import { activeVersion, getPolicy, parsePolicy, policySha256 } from '../policy/store';
import type { Signer } from '../identity/keys';
import { currentKeyInfo } from '../workspace/key-generation';
import { readSummary, runDecisions } from '../pii/dataset/store';
import { DEFAULT_REGIONS } from '../pii/dataset/scan-values';
import { PII_RULES_VERSION } from '../pii/registry';
import { sampleEvery } from '../profile/sample';
import { toEntry } from './ledger';
import { appendEvent } from '../workspace/event-log';
import type { Workspace } from '../workspace/workspace';
import type { WorkerPool } from '../workers/pool';
import { frameColumns, type Frame } from './frame';
import { Pipeline } from './pipeline';
import type { DuckDBConnection } from '@duckdb/node-api';
import { decisionsFor } from '../dedupe/decisions';
import type { DecidedPair } from '../dedupe/types';
import { Query, type DedupeContext, type PiiDecisions, type ScanClasses } from './query';

/** Rows a preview looks at unless asked for all: every k-th row, so the sample spans the file. */
export const PREVIEW_ROWS = 10_000;
const PREVIEW_CHANGES = 1000;

export interface RunRequest {
  datasetId: string;
  version: number;
  source: PolicySource;
  kind: RunKind;
  /** A compliance run: the signed approval of the ACTIVE version it runs (source names that version). */
  approvals?: ApprovalFile[];
  /** Signs the run's audit entry (the unlocked identity). */
  signer?: Signer | undefined;
  /** Preview every row instead of a sample. */
  full?: boolean;
  /** PII review decisions the de-identification steps honour; by default those recorded on the input version (pii.decide). */
  decisions?: PiiDecisions;
  /** Review decisions on duplicate pairs that near-duplicate steps honour (when they use decisions); by default the dataset's stored ones. */
  dedupeDecisions?: DecidedPair[];
}

const usesPii = (steps: readonly Step[]): boolean => steps.some((s) => s.enabled && isPiiStep(s.type));
/** Whether any step needs columns' personal-data classes (a PII step, or a `pii` column selector). */
/** A step that reads column classes: a whole-cell de-identification or a selector by PII class. */
const classStep = (s: Step): boolean => s.enabled && ((s.type === 'deidentify' && s.params.scope !== 'spans') || (s.columns?.pii?.length ?? 0) > 0);
const usesClasses = (steps: readonly Step[]): boolean => usesPii(steps) || steps.some(classStep);

export interface ResolvedPolicy {
  policy: Policy;
  policyId: string | null;
}

export async function resolvePolicy(db: Database, source: PolicySource, actor: string): Promise<ResolvedPolicy> {
  if ('presets' in source) return { policy: presetPolicy(source.presets, actor), policyId: null };
  if ('policyId' in source) {
    const p = await getPolicy(db, source.policyId, source.version);
    return { policy: p.policy, policyId: p.policyId };
  }
  return { policy: parsePolicy(source.policy), policyId: null };
}

export async function runClean(ws: Workspace, workers: WorkerPool, job: JobContext, req: RunRequest, actor: string): Promise<RunResult | PreviewResult> {
  const started = Date.now();
  const { policy, policyId } = await resolvePolicy(ws.db, req.source, actor);
  const { table: data, rowCount } = await versionTable(ws.db, req.datasetId, req.version);
  const columns = await getColumns(ws.db, req.datasetId, req.version);
  const steps = policy.steps;
  job.progress({ stage: 'starting', done: 0, total: steps.length, unit: 'steps' });
  return ws.db.with(async (conn) => {
    // The review of the input version (decisions on column classes and on single findings) steers
    // the PII steps; the run records the digest of the decisions it used. A version derived from
    // it has its own review: decisions are never carried over from a parent version.
    const review = usesPii(steps) ? await runDecisions(ws.db, req.datasetId, req.version) : null;
    const decisions = req.decisions ?? (review ? { columns: review.columns, findings: review.findings, rejectedCells: review.rejectedCells } : undefined);
    const stored = usesClasses(steps) ? await scanClasses(ws.db, req.datasetId, req.version) : undefined;
    const scan = stored?.stale === undefined ? stored : undefined;
    // A sampled preview's rows are already a deterministic sample spread over the file (PREVIEW_ROWS,
    // picked by position): classes are taken from all of them rather than a sample of the sample.
    const sampledPreview = req.kind === 'preview' && !req.full && rowCount > PREVIEW_ROWS;
    const q = new Query(conn, job, `run_${job.id}`, workers, {
      key: () => ws.secretKey(), sampleEvery: sampledPreview ? 1 : sampleEvery(rowCount), ...(decisions ? { decisions } : {}), ...(scan ? { scan } : {}),
    }, dedupeContext(conn, req, data));
    const stage = table.stage(job.id);
    try {
      let input: Frame = { relation: ident(data), columns: frameColumns(columns), rowCount };
      const sampled = sampledPreview;
      if (sampled) {
        const sample = q.newTable('sample');
        const k = Math.ceil(rowCount / PREVIEW_ROWS);
        await q.run(`CREATE TABLE ${sample} AS SELECT * FROM ${ident(data)} WHERE rowid % ${k} = 0`);
        input = { ...input, relation: sample, rowCount: num((await q.one(`SELECT count(*) AS n FROM ${sample}`)).n) };
      }
      const pipeline = new Pipeline(q, input, (i, label) => job.progress({ stage: `step ${i + 1} of ${steps.length}: ${label}`, done: i }));
      const out = await pipeline.run(steps);
      // Why the scan's classes were not used: said once, on the first step that reads classes.
      const first = out.reports.find((r) => steps.some((s) => s.id === r.stepId && classStep(s)));
      if (stored?.stale !== undefined && first) first.notes.unshift(stored.stale);
      job.progress({ stage: req.kind === 'preview' ? 'summarising' : 'writing the new version', done: steps.length });
      const base = {
        kind: req.kind as RunKind,
        datasetId: req.datasetId,
        inputVersion: req.version,
        policyName: policy.name,
        policyVersion: policy.version,
        policyId,
        policySha256: policySha256(policy),
        piiDecisionsSha256: req.decisions ? null : (review?.sha256 ?? null),
        sampled,
        rowsIn: input.rowCount,
        rowsOut: out.frame.rowCount,
        cellsChanged: out.reports.reduce((a, r) => a + r.cellsChanged, 0),
        rowsRemoved: out.reports.reduce((a, r) => a + r.rowsRemoved, 0),
        steps: out.reports,
        startedAt: new Date(started).toISOString(),
        actor,
      };
      const stepKeys = policy.steps.map((s) => ({ id: s.id, type: s.type }));
      if (req.kind === 'preview') {
        const rows = await q.all(`SELECT row_id, step_index, kind, col_id, "before", "after", before_digest, before_preview, confidence FROM ${out.ledger} ORDER BY row_id, step_index, col_id LIMIT ${PREVIEW_CHANGES}`);
        const changes: LedgerEntry[] = rows.map((r) => ledgerEntry(r, stepKeys));
        return { ...base, runId: `preview-${job.id}`, outputVersion: null, stamp: null, seconds: (Date.now() - started) / 1000, changes };
      }
      // The new version's table: written uncompressed (fast), compacted later in the background.
      const defs = out.frame.columns.map((c) => `${ident(c.id)} ${c.storageType} USING COMPRESSION uncompressed`);
      await q.run(`CREATE TABLE ${ident(stage)} (row_id BIGINT${defs.map((d) => `, ${d}`).join('')})`);
      // In row id order, which is the source's order (the frames in between may be out of order).
      await q.run(`INSERT INTO ${ident(stage)} SELECT row_id${out.frame.columns.map((c) => `, ${ident(c.id)}`).join('')} FROM ${out.frame.relation} ORDER BY row_id`);
      const nulls = out.frame.columns.length === 0 ? {} : await q.one(`SELECT ${out.frame.columns.map((c, i) => `count(*) - count(${ident(c.id)}) AS n${i}`).join(', ')} FROM ${ident(stage)}`);
      const outColumns: ColumnInfo[] = out.frame.columns.map((c, i) => ({ ...c, position: i, nullCount: num(nulls[`n${i}`]) }));
      const runId = await nextRunId(ws.db);
      const stamp = req.kind === 'compliance' ? 'APPROVED' : 'UNAPPROVED';
      const key = await currentKeyInfo(ws);
      const approvals = req.kind === 'compliance' ? (req.approvals ?? []) : [];
      const result: RunResult = {
        ...base, runId, outputVersion: 0, stamp, seconds: 0, keyGeneration: key.generation, keyFingerprint: key.fingerprint,
        ...(req.kind === 'compliance' ? { approvals } : {}),
      };
      // Scratch writes cannot share the transaction below (DuckDB writes one database per transaction).
      const stepsTable = q.newTable('steps');
      await q.run(`CREATE TABLE ${stepsTable} (step_index INTEGER, step_id VARCHAR, step_type VARCHAR, confidence DOUBLE)`);
      for (const [i, s] of policy.steps.entries()) {
        await conn.run(`INSERT INTO ${stepsTable} VALUES ($i, $id, $type, $conf)`, { i, id: s.id, type: s.type, conf: STEP_INFO[s.type].confidence });
      }
      const version = await ws.exclusive(async () => {
        // A compliance run stays one only if its version is still the ACTIVE one when it is written.
        if (req.kind === 'compliance' && (policyId === null || (await activeVersion(ws.db, policyId)) !== policy.version)) {
          throw new AppError('FORBIDDEN', `${policy.name} v${policy.version} is no longer ACTIVE; nothing was written. Run the ACTIVE version again.`, { guard: 'state' });
        }
        // …and what ran is the revision its approval signed (no revision slipped in after planning).
        if (req.kind === 'compliance' && (approvals.length === 0 || approvals.some((a) => a.policy.sha256 !== result.policySha256))) {
          throw new AppError('VERIFICATION_FAILED', `${policy.name} v${policy.version} that ran (sha256 ${result.policySha256.slice(0, 12)}…) is not the revision its approval signed; nothing was written.`, { guard: 'approval' });
        }
        return ws.db.transaction(async (c) => {
          const dataTable = table.runData(req.datasetId, runId);
          await c.run(`ALTER TABLE ${ident(stage)} RENAME TO ${ident(dataTable)}`);
          const v = await registerVersion(c, {
            datasetId: req.datasetId, parentVersion: req.version, dataTable, rowCount: out.frame.rowCount, actor,
            note: `cleaned with ${policy.name} v${policy.version}`, runId, stamp, compacted: false, columns: outColumns,
          });
          await c.run(
            `INSERT INTO ${table.change} SELECT $ds, $v, l.row_id, l.step_index, l.kind, l.col_id, l."before", l."after", s.step_id, s.step_type, coalesce(l.confidence, s.confidence), l.before_digest, l.before_preview
             FROM ${out.ledger} l JOIN ${stepsTable} s USING (step_index) ORDER BY l.row_id, l.step_index, l.col_id`,
            { ds: req.datasetId, v },
          );
          result.outputVersion = v;
          result.seconds = (Date.now() - started) / 1000;
          await c.run(
            `INSERT INTO ${table.run} (run_id, kind, dataset_id, input_version, output_version, policy_id, policy_version, policy_sha256, policy, approvals, stamp, started_at, finished_at, actor, result, key_generation, key_fingerprint)
             VALUES ($run, $kind, $ds, $in, $v, $pid, $pv, $sha, $policy, $approvals, $stamp, make_timestamptz($start::BIGINT * 1000), now(), $actor, $result, $gen, $kfp)`,
            {
              run: runId, kind: req.kind, ds: req.datasetId, in: req.version, v, pid: policyId, pv: policy.version, sha: result.policySha256, policy: JSON.stringify(policy),
              approvals: JSON.stringify(approvals), stamp, start: started, actor, result: JSON.stringify(result), gen: key.generation, kfp: key.fingerprint,
            },
          );
          await appendEvent(c, {
            action: 'clean.run', actor, subject: { dataset: req.datasetId, run: runId },
            details: {
              kind: req.kind, inputVersion: req.version, outputVersion: v, policy: policy.name, policyId, policyVersion: policy.version, policySha256: result.policySha256, stamp,
              approvalSeqs: approvals.map((a) => a.seq), keyGeneration: key.generation, cellsChanged: result.cellsChanged, rowsRemoved: result.rowsRemoved,
            },
            ...(req.signer ? { signer: req.signer } : {}),
          });
          return v;
        });
      });
      return { ...result, outputVersion: version };
    } catch (err) {
      await conn.run(`DROP TABLE IF EXISTS ${ident(stage)}`).catch(() => undefined);
      throw err;
    } finally {
      await q.cleanup();
    }
  });
}

/**
 * The classes the latest scan of the input version stored, if it was scanned (a run prefers them
 * to sampling again) — unless other detection rules made it (`stale` says so, and the run samples).
 */
async function scanClasses(db: Database, datasetId: string, version: number): Promise<(ScanClasses & { stale?: string }) | undefined> {
  const summary = await readSummary(db, datasetId, version);
  if (!summary) return undefined;
  if (summary.rulesVersion !== PII_RULES_VERSION) {
    const made = summary.rulesVersion === undefined ? 'before rules versions were recorded' : `with detection rules version ${summary.rulesVersion}`;
    const stale = `the input version's PII scan (${summary.scannedAt}) was made ${made}; these are version ${PII_RULES_VERSION}, so its column classes were not used: this run sampled the columns again (scan the version again to review classes by the current rules)`;
    return { version, regions: DEFAULT_REGIONS, classes: new Map(), stale };
  }
  const classes: ScanClasses['classes'] = new Map();
  for (const c of summary.columns) classes.set(c.columnId, c.entity ? { entity: c.entity, share: c.share, confidence: c.confidence } : null);
  return { version, regions: DEFAULT_REGIONS, classes };
}

/**
 * The decisions on duplicate pairs a run's near-duplicate steps honour: the request's, else the
 * dataset's stored ones on two rows of the input version (row ids are stable across versions, so a
 * decision made on any version applies), read when a step first asks.
 */
function dedupeContext(conn: DuckDBConnection, req: RunRequest, data: string): DedupeContext {
  let read: Promise<DecidedPair[]> | undefined;
  return { decisions: () => (read ??= req.dedupeDecisions ? Promise.resolve(req.dedupeDecisions) : decisionsFor(conn, req.datasetId, data)) };
}

async function nextRunId(db: Database): Promise<string> {
  const r = await db.one(`SELECT nextval('${table.run}_seq') AS n`);
  return `r${num(r?.n)}`;
}

/** A scratch-ledger row (which has a step index, not the step) as a ledger entry. */
function ledgerEntry(r: Record<string, unknown>, steps: { id: string; type: StepType }[]): LedgerEntry {
  const s = steps[num(r.step_index)];
  const fixed = s ? STEP_INFO[s.type].confidence : 1;
  return toEntry({ ...r, step_id: s?.id ?? '?', step_type: s?.type ?? 'trim', confidence: r.confidence === null || r.confidence === undefined ? fixed : r.confidence });
}
