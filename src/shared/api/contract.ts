// The one API contract: every method's input schema and output type, and every push event.
// The preload bridge, Electron IPC, the loopback HTTP server and the in-process client all
// derive from this map; adding a method means adding it here and one handler in the engine.
import { z } from 'zod';
import { clusterRequestSchema } from './cluster-types';
import type {
  AppInfo,
  DatasetDetail,
  DatasetSummary,
  EventLogEntry,
  FsListing,
  FsRoot,
  GridWindow,
  ImportPreview,
  JobInfo,
  RecentWorkspace,
  WorkspaceInfo,
} from './types';
import { ENCODINGS, EXPORT_FORMATS, RAGGED_POLICIES, SOURCE_FORMATS } from './types';

/** A method: its input schema, and (as a phantom type) its output. */
interface MethodDef<I extends z.ZodType, O> {
  input: I;
  /** Never set at run time: carries the output type only. */
  output?: O;
}
const method = <I extends z.ZodType>(input: I) => ({
  returns: <O>(): MethodDef<I, O> => ({ input }),
});

const none = z.strictObject({});
const datasetId = z.string().regex(/^d[0-9]+$/, 'a dataset id looks like d12');
const columnId = z.string().regex(/^c[0-9]+$/, 'a column id looks like c3');
const path = z.string().min(1, 'a path is required').max(4096);
const oneChar = (what: string) =>
  z.string().refine((s) => [...s].length === 1, `${what} must be exactly one character`);

export const importOptionsSchema = z.strictObject({
  format: z.enum(SOURCE_FORMATS).optional(),
  delimiter: oneChar('the delimiter').optional(),
  quote: z
    .string()
    .refine((s) => [...s].length <= 1, 'the quote must be one character, or empty for none')
    .optional(),
  header: z.boolean().optional(),
  encoding: z.enum(ENCODINGS).optional(),
  sheet: z.string().min(1).optional(),
  ragged: z.enum(RAGGED_POLICIES).optional(),
  name: z.string().min(1).max(200).optional(),
});

export const viewSpecSchema = z.strictObject({
  filter: z
    .strictObject({
      text: z.string().max(1000),
      columnIds: z.array(columnId).max(10_000).optional(),
    })
    .optional(),
  sort: z
    .array(z.strictObject({ columnId, direction: z.enum(['asc', 'desc']) }))
    .max(8)
    .optional(),
});

export const contract = {
  'app.info': method(none).returns<AppInfo>(),

  'workspace.current': method(none).returns<WorkspaceInfo>(),
  'workspace.open': method(z.strictObject({ path, create: z.boolean().default(false) })).returns<WorkspaceInfo>(),
  'workspace.recent': method(none).returns<RecentWorkspace[]>(),

  'fs.roots': method(none).returns<FsRoot[]>(),
  'fs.list': method(z.strictObject({ path, showHidden: z.boolean().default(false) })).returns<FsListing>(),

  'import.preview': method(z.strictObject({ path, options: importOptionsSchema.default({}) })).returns<ImportPreview>(),
  'import.start': method(z.strictObject({ path, options: importOptionsSchema.default({}) })).returns<{ jobId: string }>(),

  'dataset.list': method(none).returns<DatasetSummary[]>(),
  'dataset.get': method(
    z.strictObject({ datasetId, version: z.int().positive().optional() }),
  ).returns<DatasetDetail>(),
  'dataset.delete': method(z.strictObject({ datasetId })).returns<{ datasetId: string }>(),

  'grid.window': method(
    z.strictObject({
      datasetId,
      version: z.int().positive(),
      viewId: z.string().regex(/^v[0-9]+$/).optional(),
      offset: z.int().nonnegative(),
      limit: z.int().positive().max(2000),
      columnIds: z.array(columnId).max(10_000).optional(),
    }),
  ).returns<GridWindow>(),
  'grid.openView': method(
    z.strictObject({ datasetId, version: z.int().positive(), spec: viewSpecSchema }),
  ).returns<{ jobId: string }>(),
  'grid.closeView': method(z.strictObject({ viewId: z.string().regex(/^v[0-9]+$/) })).returns<{ closed: boolean }>(),

  'export.start': method(
    z.strictObject({
      datasetId,
      version: z.int().positive().optional(),
      path,
      format: z.enum(EXPORT_FORMATS).optional(),
      force: z.boolean().default(false),
      formulaEscape: z.boolean().default(true),
    }),
  ).returns<{ jobId: string }>(),

  /** Suggests clusters of values in a text column; the job's result is a ClusterResult. */
  'cluster.start': method(clusterRequestSchema).returns<{ jobId: string }>(),

  'job.get': method(z.strictObject({ jobId: z.string().min(1) })).returns<JobInfo>(),
  'job.list': method(none).returns<JobInfo[]>(),
  'job.cancel': method(z.strictObject({ jobId: z.string().min(1) })).returns<{ cancelled: boolean }>(),

  'log.list': method(
    z.strictObject({ limit: z.int().positive().max(1000).default(100), beforeSeq: z.int().positive().optional() }),
  ).returns<EventLogEntry[]>(),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

/** What a caller passes (defaults may be omitted). */
export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
/** What a handler receives (defaults filled in, validated). */
export type MethodArgs<K extends MethodName> = z.output<Contract[K]['input']>;
export type MethodOutput<K extends MethodName> = NonNullable<Contract[K]['output']>;

/** Commands the desktop shell's menus send to the UI (the UI owns the dialogs). */
export const APP_COMMANDS = ['import', 'export', 'open-workspace', 'new-workspace', 'find', 'show-log', 'about'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

/** Push events from the engine (or, for app.command, the desktop shell) to every client. */
export interface Events {
  'job.updated': JobInfo;
  'workspace.changed': WorkspaceInfo;
  'datasets.changed': { datasetId: string | null };
  'app.command': { command: AppCommand; path?: string };
}
export type EventName = keyof Events;
export const EVENT_NAMES: readonly EventName[] = ['job.updated', 'workspace.changed', 'datasets.changed', 'app.command'];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
