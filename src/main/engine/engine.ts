// The engine: one open workspace, its jobs and grid, and the handlers of the whole contract.
// It knows nothing of Electron or HTTP; every transport dispatches into `handlers`.
import path from 'node:path';
import type { Events } from '../../shared/api/contract';
import type { Handlers } from '../../shared/api/client';
import { AppError } from '../../shared/api/result';
import type { FsRoot, WorkspaceInfo } from '../../shared/api/types';
import { Emitter } from '../../shared/emitter';
import { compactVersion } from './datasets/compact';
import { uncompactedVersions } from './datasets/catalog';
import { num } from './db/database';
import { table } from './db/sql';
import { assertInRoots, fileRoots } from './files/browse';
import { Grid } from './grid/grid';
import { appHandlers } from './handlers/app';
import { cleanHandlers } from './handlers/clean';
import { dedupeHandlers } from './handlers/dedupe';
import { clusterHandlers } from './handlers/cluster';
import { policyHandlers } from './handlers/policy';
import { datasetHandlers } from './handlers/datasets';
import { exportHandlers } from './handlers/export';
import { gridHandlers } from './handlers/grid';
import { importHandlers } from './handlers/import';
import { jobHandlers } from './handlers/jobs';
import { piiHandlers } from './handlers/pii';
import { profileHandlers } from './handlers/profile';
import { riskHandlers } from './handlers/risk';
import { workspaceHandlers } from './handlers/workspace';
import { inBackground } from './jobs/background';
import { JobManager } from './jobs/jobs';
import { WorkerPool, type WorkerPoolOptions } from './workers/pool';
import type { ActiveIdentity } from './identity/session';
import { identityHandlers } from './handlers/identity';
import { auditHandlers } from './handlers/audit';
import { lifecycleHandlers } from './handlers/lifecycle';
import { reportHandlers } from './handlers/report';
import { bundleHandlers } from './handlers/bundle';
import { auditorHandlers } from './handlers/auditor';
import { BundleSessions } from './auditor/sessions';
import { writeCheckpoint } from './audit/checkpoint';
import { defaultWorkspaceDir, osUser, readRecent, rememberRecent } from './workspace/paths';
import { Workspace } from './workspace/workspace';

export interface EngineOptions {
  /** Defaults to the per-user default workspace, created if missing. */
  workspaceDir?: string;
  /** Create the workspace if it does not exist (always true for the default one). */
  create?: boolean;
  /** Names this process in the workspace lock file. */
  processName: string;
  /** Extra folders the in-app file browser may show (browser mode `--root`). */
  roots?: string[];
  /** Record opened workspaces in the recent list (off for throw-away CLI workspaces). */
  rememberRecent?: boolean;
  env?: NodeJS.ProcessEnv;
  threads?: number;
  /**
   * Browser mode: files may be read or written only under the browse roots or the workspace,
   * as the in-app file browser shows them (the desktop app and the CLI act for the OS user).
   */
  confineToRoots?: boolean;
  /** Only look: no "workspace opened" entry, no checkpoint on close, no background compaction (`audit verify`, `audit list`). */
  observeOnly?: boolean;
  /** The worker pool's size and in-process threshold (tests force one path or the other). */
  workers?: WorkerPoolOptions;
  /** CSV sources from this size load uncompressed and are compacted in the background (LOAD_UNCOMPRESSED_FROM_BYTES). */
  loadUncompressedFromBytes?: number;
}

export class Engine {
  readonly events = new Emitter<Events>();
  readonly jobs: JobManager;
  /** The operating-system user: the actor while no identity is unlocked. */
  readonly osUser = osUser();
  private active: ActiveIdentity | null = null;
  readonly roots: FsRoot[];
  readonly handlers: Handlers;
  /** Worker threads for CPU work on batches (started on first use). */
  readonly workers: WorkerPool;
  /** Bundles open in auditor mode (outside any workspace; closed with the engine). */
  readonly bundles = new BundleSessions();
  private ws: Workspace;
  private gridState: Grid;

  /** The workspace this engine started with. */
  private readonly startDir: string;

  private constructor(ws: Workspace, readonly options: EngineOptions) {
    this.ws = ws;
    this.startDir = ws.dir;
    this.gridState = new Grid(ws);
    this.jobs = new JobManager((info) => this.events.emit('job.updated', info));
    this.workers = new WorkerPool(options.workers);
    this.roots = fileRoots(options.roots ?? []);
    this.handlers = {
      ...appHandlers(this),
      ...workspaceHandlers(this),
      ...importHandlers(this),
      ...datasetHandlers(this),
      ...gridHandlers(this),
      ...exportHandlers(this),
      ...clusterHandlers(this),
      ...policyHandlers(this),
      ...cleanHandlers(this),
      ...jobHandlers(this),
      ...profileHandlers(this),
      ...piiHandlers(this),
      ...riskHandlers(this),
      ...dedupeHandlers(this),
      ...identityHandlers(this),
      ...auditHandlers(this),
      ...lifecycleHandlers(this),
      ...reportHandlers(this),
      ...bundleHandlers(this),
      ...auditorHandlers(this),
    };
  }

  static async start(options: EngineOptions): Promise<Engine> {
    const env = options.env ?? process.env;
    const isDefault = options.workspaceDir === undefined;
    const dir = options.workspaceDir ?? defaultWorkspaceDir(env);
    const ws = await Workspace.open(dir, {
      create: isDefault || (options.create ?? false),
      processName: options.processName,
      actor: osUser(),
      isDefault,
      ...(options.observeOnly ? { logOpen: false } : {}),
      ...(options.threads ? { threads: options.threads } : {}),
    });
    if (options.rememberRecent !== false) rememberRecent(ws.dir, env);
    const engine = new Engine(ws, options);
    if (!options.observeOnly) await engine.resumeCompaction();
    return engine;
  }

  /** Compresses a version's table in the background (a CSV import loads it uncompressed). */
  compactLater(datasetId: string, version: number): void {
    const ws = this.ws;
    this.jobs.start('compact', `Compact ${datasetId} v${version}`, (ctx) =>
      inBackground(this.jobs, ctx, (j) => j.kind === 'compact', (c) => compactVersion(ws, c, datasetId, version)));
  }

  /** Restarts compactions that closing the app cut short. */
  private async resumeCompaction(): Promise<void> {
    for (const v of await uncompactedVersions(this.ws.db)) this.compactLater(v.datasetId, v.version);
  }

  /** Who acts: the unlocked identity's name, else the OS user (entries then unsigned). */
  get actor(): string {
    return this.active?.name ?? this.osUser;
  }
  /** The unlocked identity (its signer signs governance entries), or null. */
  get identity(): ActiveIdentity | null {
    return this.active;
  }
  /** Sets (or clears) the acting identity; identity/session.ts checks the passphrase first. */
  setIdentity(a: ActiveIdentity | null): void {
    this.active = a;
    this.ws.db.actingSigner = a?.signer ?? null;
    this.events.emit('identity.changed', { identity: a?.name ?? null });
  }

  get workspace(): Workspace {
    return this.ws;
  }
  get grid(): Grid {
    return this.gridState;
  }

  async workspaceInfo(): Promise<WorkspaceInfo> {
    const n = await this.ws.db.one(`SELECT count(*) AS n FROM ${table.dataset}`);
    return {
      path: this.ws.dir,
      databaseFile: this.ws.databaseFile,
      formatVersion: this.ws.formatVersion,
      isDefault: this.ws.isDefault,
      datasetCount: num(n?.n),
    };
  }

  /** Checks a file path a caller gave against the roots, when confined (browser mode). */
  allowPath(p: string): string {
    if (!this.options.confineToRoots) return p;
    assertInRoots(p, [...this.roots, { label: 'Workspace', path: this.ws.dir }]);
    return p;
  }

  /**
   * A workspace folder a caller may open: under the roots, or one this app itself opened before
   * (the one it started with, and the recent list it keeps) — so switching back always works.
   */
  allowWorkspace(p: string): string {
    if (!this.options.confineToRoots) return p;
    const known = [this.startDir, this.ws.dir, ...readRecent(this.options.env ?? process.env).map((r) => r.path)];
    if (known.includes(path.resolve(p))) return p;
    assertInRoots(p, this.roots);
    return p;
  }

  /** Switches to another workspace; refused while jobs run (they hold the current one). */
  async switchWorkspace(dir: string, create: boolean): Promise<WorkspaceInfo> {
    // Background compaction yields: it is resumed when this workspace is next opened.
    const background = this.jobs.running().filter((j) => j.kind === 'compact');
    for (const j of background) this.jobs.cancel(j.id);
    await Promise.all(background.map((j) => this.jobs.wait(j.id)));
    const running = this.jobs.running();
    if (running.length > 0) {
      throw new AppError('BUSY', `Cannot switch workspace while ${running.length} job(s) run (${running.map((j) => j.label).join(', ')}). Wait or cancel them first.`);
    }
    const env = this.options.env ?? process.env;
    const next = await Workspace.open(dir, {
      create,
      processName: this.options.processName,
      actor: this.actor,
      isDefault: dir === defaultWorkspaceDir(env),
    });
    await this.checkpointIfGrown();
    this.ws.close();
    this.ws = next;
    // Identities belong to a workspace: the next one starts with none unlocked.
    this.active = null;
    this.gridState = new Grid(next);
    if (this.options.rememberRecent !== false) rememberRecent(next.dir, env);
    await this.resumeCompaction();
    const info = await this.workspaceInfo();
    this.events.emit('workspace.changed', info);
    return info;
  }

  /** A signed head checkpoint when the log grew since the last one (audit/checkpoint.ts); never blocks closing. */
  private async checkpointIfGrown(): Promise<void> {
    if (this.options.observeOnly) return;
    await writeCheckpoint(this.ws, this.active, this.actor, { ifGrown: true })
      .catch((err: unknown) => console.warn(`No audit checkpoint was written for ${this.ws.dir}: ${(err as Error).message}`));
  }

  async close(): Promise<void> {
    for (const j of this.jobs.running()) this.jobs.cancel(j.id);
    await Promise.all(this.jobs.list().map((j) => this.jobs.wait(j.id).catch(() => undefined)));
    await this.workers.close();
    this.bundles.closeAll();
    await this.checkpointIfGrown();
    this.ws.close();
  }
}
