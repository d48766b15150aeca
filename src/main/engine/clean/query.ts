// The cleaning run's access to DuckDB: one connection, bound values, cancellable statements,
// scratch tables dropped at the end, and detection results cached per frame.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { EntityType } from '../../../shared/api/pii-types';
import type { DetectedKind } from '../../../shared/policy/steps';
import type { Row } from '../db/database';
import type { DecidedPair } from '../dedupe/types';
import type { FindingDecision } from '../pii/dataset/store';
import { SCRATCH, qualified } from '../db/sql';
import { runTracked } from '../db/tracked';
import type { JobContext } from '../jobs/jobs';
import type { WorkerPool } from '../workers/pool';
import type { Frame } from './frame';
import { sqlValue, type SqlValue } from './params';
import { classifyPii, type PiiClass } from './pii-columns';
import { detectKinds } from './select';

/**
 * Review decisions a de-identification step honours (pii.decide on the run's input version):
 * a column classification rejected by a reviewer is not treated as that entity; one accepted is,
 * whatever the sample says; decisions on single findings steer the spans and cells they name.
 */
export interface PiiDecisions {
  columns: { columnId: string; entity: EntityType; decision: 'accepted' | 'rejected' }[];
  /** Decisions on single findings of the run's input version (row, column, span): span steps honour them. */
  findings?: FindingDecision[];
  /** Cells of the input version whose every finding was rejected: whole-cell steps leave them. */
  rejectedCells?: { rowId: number; columnId: string }[];
}

/** A scan's stored classes of the run's input version: column id → entity (null: none), with the regions it read phone numbers in. */
export interface ScanClasses {
  version: number;
  regions: readonly string[];
  classes: Map<string, { entity: EntityType; share: number; confidence: number } | null>;
}

/** What PII steps need beyond the data: the workspace key (read on first use), review decisions, the input version's scan. */
export interface PiiContext {
  key(): Uint8Array;
  decisions?: PiiDecisions;
  /** Used for the columns no step of the run has rewritten yet (and only for the scan's regions). */
  scan?: ScanClasses;
  /** k of the input version's deterministic sample (rows whose row_id is a multiple of k), as the scan takes it. */
  sampleEvery?: number;
}

const noKey: PiiContext = {
  key() {
    throw new Error('this run has no workspace key: PII steps need one');
  },
};

/** What a near-duplicate step needs beyond the data: the stored review decisions on pairs, read when a step first asks. */
export interface DedupeContext {
  decisions(): Promise<DecidedPair[]>;
}

const noDecisions: DedupeContext = { decisions: async () => [] };

export class Query {
  private readonly scratch: string[] = [];
  private seq = 0;
  /** Detected kinds per column id and stamp: a column no step has rewritten since is not sampled again. */
  private readonly detected = new Map<string, Set<DetectedKind>>();
  /** Columns a whole-cell de-identification step of this run replaced: span scans leave them (their pseudonyms look real). */
  readonly deidentified = new Set<string>();
  /** PII classes per column id, stamp and regions, likewise. */
  private readonly classes = new Map<string, PiiClass | null>();

  constructor(
    readonly conn: DuckDBConnection,
    readonly job: JobContext,
    private readonly prefix: string,
    /** The engine's worker pool, for rules that run in JavaScript on distinct values. */
    readonly workers: WorkerPool,
    readonly pii: PiiContext = noKey,
    readonly dedupe: DedupeContext = noDecisions,
  ) {}

  /** A value as SQL text (see params.ts for why not a bound parameter). */
  bind(value: SqlValue): string {
    return sqlValue(value);
  }

  async run(sql: string, onPercent?: (pct: number) => void): Promise<void> {
    await this.traced(sql, () => runTracked(this.conn, this.job, sql, undefined, onPercent));
  }

  /** With DATA_SANITIZER_TRACE_SQL=1, each statement's wall and CPU time go to stderr (for tuning). */
  private async traced<T>(sql: string, fn: () => Promise<T>): Promise<T> {
    if (process.env.DATA_SANITIZER_TRACE_SQL !== '1') return fn();
    const t = performance.now();
    const cpu = process.cpuUsage();
    try {
      return await fn();
    } finally {
      const c = process.cpuUsage(cpu);
      process.stderr.write(`sql ${(performance.now() - t).toFixed(0)} ms wall ${((c.user + c.system) / 1000).toFixed(0)} ms cpu: ${sql.replace(/\s+/g, ' ').slice(0, 160)}\n`);
    }
  }

  async all(sql: string): Promise<Row[]> {
    this.job.throwIfCancelled();
    const r = await this.traced(sql, () => this.conn.runAndReadAll(sql));
    return r.getRowObjects();
  }

  /** Rows as JSON-ready values (lists and structs as arrays and objects, big numbers as strings). */
  async allJson(sql: string): Promise<Record<string, unknown>[]> {
    this.job.throwIfCancelled();
    const r = await this.traced(sql, () => this.conn.runAndReadAll(sql));
    return r.getRowObjectsJson() as Record<string, unknown>[];
  }

  async one(sql: string): Promise<Row> {
    return (await this.all(sql))[0] ?? {};
  }

  /** A fresh scratch (in-memory catalog) table name, quoted, dropped by `cleanup`. */
  newTable(label: string): string {
    return this.newTableNamed(label).sql;
  }

  /** The same, with its bare name too (for an appender). */
  newTableNamed(label: string): { name: string; sql: string } {
    const name = `${this.prefix}_${++this.seq}_${label}`;
    const sql = qualified(SCRATCH, 'main', name);
    this.scratch.push(sql);
    return { name, sql };
  }

  /** An appender into a scratch table. */
  appender(name: string) {
    return this.conn.createAppender(name, 'main', SCRATCH);
  }

  /** A mark in the list of scratch tables: those made after it can be dropped together (`dropSince`). */
  mark(): number {
    return this.scratch.length;
  }

  /** Drops the scratch tables made since `mark`, except those in `keep`. */
  async dropSince(mark: number, keep: string[] = []): Promise<void> {
    for (const t of this.scratch.splice(mark)) {
      if (keep.includes(t)) this.scratch.push(t);
      else await this.drop(t);
    }
  }

  /** Whether a relation is one of this run's scratch tables. */
  owns(relation: string): boolean {
    return this.scratch.includes(relation);
  }

  async drop(name: string): Promise<void> {
    await this.conn.run(`DROP TABLE IF EXISTS ${name}`);
  }

  async detect(frame: Frame): Promise<Map<string, Set<DetectedKind>>> {
    const key = (c: Frame['columns'][number]) => `${c.id}@${c.stamp ?? 0}`;
    const stale = frame.columns.filter((c) => !this.detected.has(key(c)));
    if (stale.length > 0) {
      const found = await detectKinds(this, frame, stale);
      for (const c of stale) this.detected.set(key(c), found.get(c.id) ?? new Set());
    }
    return new Map(frame.columns.map((c) => [c.id, this.detected.get(key(c)) ?? new Set<DetectedKind>()]));
  }

  /**
   * The personal-data entity each column mostly holds (null: none), by the scan's rule: from the
   * input version's scan for columns no step has rewritten yet (and the scan's regions), otherwise
   * from the frame's deterministic sample; honours review decisions.
   */
  async classify(frame: Frame, regions: string[]): Promise<Map<string, PiiClass | null>> {
    const key = (c: Frame['columns'][number]) => `${c.id}@${c.stamp ?? 0}@${regions.join(',')}`;
    const stale = frame.columns.filter((c) => !this.classes.has(key(c)));
    const scan = this.pii.scan;
    const fromScan = (c: Frame['columns'][number]) => scan !== undefined && (c.stamp ?? 0) === 0 && scan.classes.has(c.id) && scan.regions.join(',') === regions.join(',');
    for (const c of stale.filter(fromScan)) {
      const s = scan?.classes.get(c.id) ?? null;
      this.classes.set(key(c), s ? { ...s, source: 'scan' } : null);
    }
    const sample = stale.filter((c) => !fromScan(c));
    if (sample.length > 0) {
      const found = await classifyPii(this, frame, sample, regions, this.pii.sampleEvery);
      for (const c of sample) this.classes.set(key(c), found.get(c.id) ?? null);
    }
    const out = new Map(frame.columns.map((c) => [c.id, this.classes.get(key(c)) ?? null]));
    for (const d of this.pii.decisions?.columns ?? []) {
      const cur = out.get(d.columnId);
      if (d.decision === 'accepted') out.set(d.columnId, { entity: d.entity, share: cur?.entity === d.entity ? cur.share : 1, confidence: 1, source: 'decision', decided: true });
      else if (cur?.entity === d.entity) out.set(d.columnId, null);
    }
    return out;
  }

  async cleanup(): Promise<void> {
    for (const t of this.scratch.splice(0)) await this.conn.run(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
  }
}
