// The cleaning step types: one zod schema per type (its parameters and their defaults), and the
// shared parts every step has (id, columns, row filter). A policy is an ordered list of these.
import { z } from 'zod';
import { DEDUPE_DEFAULTS, DEDUPE_ROLES, DEDUPE_SURVIVORSHIP } from '../api/dedupe-types';
import { ENTITY_TYPES, type EntityType } from '../api/pii-types';
import { GENERALISE_KINDS, operatorSpecSchema } from './operators';

/** Column types a selector may name: the import's logical types. */
const LOGICAL_TYPES = ['text', 'integer', 'decimal', 'boolean', 'date', 'timestamp', 'time', 'json', 'binary'] as const;
/** What a column's sampled values look like, detected when the policy runs (presets use these). */
export const DETECTED_KINDS = ['email', 'number', 'date', 'phone'] as const;
export type DetectedKind = (typeof DETECTED_KINDS)[number];

const regexSource = z.string().min(1, 'the pattern is empty').max(1000).superRefine((s, ctx) => {
  try {
    new RegExp(s, 'u');
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(err as Error).message}` });
    return;
  }
  // DuckDB's RE2 has no look-around or back-references; refuse them here rather than at run time.
  if (/\(\?<?[=!]|\\[1-9]/.test(s)) ctx.addIssue({ code: 'custom', message: 'look-around and back-references are not supported (RE2 syntax)' });
});

/**
 * Which columns a step applies to: the union of the listed ids, header names, logical types,
 * header pattern, detected kinds and personal-data entities (`pii`: columns whose sampled values
 * are mostly that entity, classified when the policy runs). Names are exact headers (recipes use
 * names; ids are per dataset).
 */
export const columnSelectorSchema = z.strictObject({
  ids: z.array(z.string().regex(/^c[0-9]+$/, 'a column id looks like c3')).max(10_000).optional(),
  names: z.array(z.string().max(1000)).max(10_000).optional(),
  types: z.array(z.enum(LOGICAL_TYPES)).max(LOGICAL_TYPES.length).optional(),
  pattern: regexSource.optional(),
  detected: z.array(z.enum(DETECTED_KINDS)).max(DETECTED_KINDS.length).optional(),
  pii: z.array(z.enum(ENTITY_TYPES)).max(ENTITY_TYPES.length).optional(),
}).refine((s) => Object.values(s).some((v) => v !== undefined && (!Array.isArray(v) || v.length > 0)), 'name at least one column, type, pattern, detected kind or personal-data entity');
export type ColumnSelector = z.infer<typeof columnSelectorSchema>;

const columnRef = z.strictObject({
  column: z.string().max(1000).optional(),
  columnId: z.string().regex(/^c[0-9]+$/, 'a column id looks like c3').optional(),
}).refine((r) => (r.column === undefined) !== (r.columnId === undefined), 'give exactly one of column (a header) or columnId');

export const FILTER_OPS = ['equals', 'not_equals', 'contains', 'matches', 'is_missing', 'is_not_missing', 'lt', 'le', 'gt', 'ge'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

const conditionSchema = z.intersection(columnRef, z.strictObject({
  op: z.enum(FILTER_OPS),
  value: z.union([z.string().max(10_000), z.number()]).optional(),
  caseSensitive: z.boolean().default(true),
})).superRefine((c, ctx) => {
  const needsValue = c.op !== 'is_missing' && c.op !== 'is_not_missing';
  if (needsValue && c.value === undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: `the "${c.op}" condition needs a value` });
  if (c.op === 'matches' && typeof c.value === 'string') {
    const r = regexSource.safeParse(c.value);
    if (!r.success) ctx.addIssue({ code: 'custom', path: ['value'], message: r.error.issues[0]?.message ?? 'bad pattern' });
  }
});
export type Condition = z.infer<typeof conditionSchema>;

export type RowFilter = Condition | { all: RowFilter[] } | { any: RowFilter[] } | { not: RowFilter };
export const rowFilterSchema: z.ZodType<RowFilter> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(rowFilterSchema).min(1).max(100) }),
    z.strictObject({ any: z.array(rowFilterSchema).min(1).max(100) }),
    z.strictObject({ not: rowFilterSchema }),
    conditionSchema,
  ]),
) as z.ZodType<RowFilter>;

export const stepIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'a step id is 1–64 letters, digits, "_", "-" or "." and starts with a letter or digit');

const base = {
  id: stepIdSchema,
  columns: columnSelectorSchema.optional(),
  where: rowFilterSchema.optional(),
  enabled: z.boolean().default(true),
  note: z.string().max(2000).optional(),
};
const step = <T extends string, P extends z.ZodType>(type: T, params: P) =>
  z.strictObject({ ...base, type: z.literal(type), params });
const noParams = z.strictObject({}).default({});

const aliasEntry = z.strictObject({
  from: z.array(z.string().max(10_000)).min(1, 'an alias needs at least one value to replace').max(100_000),
  to: z.string().max(10_000),
});
const tokens = z.array(z.string().max(200)).max(1000);
const region = z.string().regex(/^[A-Z]{2}$/, 'the default region is a two-letter ISO country code such as GB or US');

/** The keys of a de-identification step's operator map: every entity type, and `default` for the rest. */
export const OPERATOR_KEYS = [...ENTITY_TYPES, 'default'] as const;
export type OperatorKey = EntityType | 'default';
const operatorMap = z.strictObject(
  Object.fromEntries(OPERATOR_KEYS.map((k) => [k, operatorSpecSchema.optional()])) as { [K in OperatorKey]: z.ZodOptional<typeof operatorSpecSchema> },
).refine((m) => Object.values(m).some((v) => v !== undefined), 'choose an operator for at least one entity type (or default)');
/** Where a de-identification step looks: whole cells of columns that hold an entity, or spans found inside each cell. */
export const DEID_SCOPES = ['cell', 'spans'] as const;
/** Findings below this confidence are left alone (a span step), and columns are classified from findings above it. */
export const DEFAULT_MIN_CONFIDENCE = 0.5;
/** Regions a de-identification step reads national phone numbers with when the policy names none. */
export const DEFAULT_PII_REGIONS = ['US', 'GB'];
const regions = z.array(z.string().regex(/^[A-Z]{2}$/, 'a region is a two-letter ISO country code such as GB or US')).min(1, 'name at least one region').max(20);

export const stepSchemas = {
  trim: step('trim', noParams),
  collapse_whitespace: step('collapse_whitespace', noParams),
  normalize_unicode: step('normalize_unicode', z.strictObject({ form: z.enum(['NFC', 'NFKC']).default('NFC') }).default({ form: 'NFC' })),
  remove_control_chars: step('remove_control_chars', noParams),
  change_case: step('change_case', z.strictObject({ mode: z.enum(['lower', 'upper', 'title']) })),
  replace: step('replace', z.strictObject({
    find: z.string().min(1, 'find is empty').max(10_000),
    replacement: z.string().max(10_000),
    regex: z.boolean().default(false),
    caseSensitive: z.boolean().default(true),
    wholeValue: z.boolean().default(false),
  }).superRefine((p, ctx) => {
    if (!p.regex) return;
    const r = regexSource.safeParse(p.find);
    if (!r.success) ctx.addIssue({ code: 'custom', path: ['find'], message: r.error.issues[0]?.message ?? 'bad pattern' });
  })),
  category_aliases: step('category_aliases', z.strictObject({
    map: z.array(aliasEntry).min(1, 'the alias map is empty').max(100_000),
    caseSensitive: z.boolean().default(true),
  }).superRefine((p, ctx) => {
    const seen = new Map<string, number>();
    p.map.forEach((e, i) => e.from.forEach((v, j) => {
      const k = p.caseSensitive ? v : v.toLowerCase();
      const first = seen.get(k);
      if (first !== undefined && first !== i) ctx.addIssue({ code: 'custom', path: ['map', i, 'from', j], message: `"${v}" is already mapped by entry ${first + 1}` });
      seen.set(k, i);
    }));
  })),
  coerce_date: step('coerce_date', z.strictObject({
    /** strptime formats to try, in order; empty: the built-in list. */
    formats: z.array(z.string().min(2).max(100)).max(50).default([]),
    /** How to read 03/04/2020 when the column's own values do not settle it. */
    ambiguous: z.enum(['day_first', 'month_first', 'leave']).default('leave'),
  }).default({ formats: [], ambiguous: 'leave' })),
  coerce_number: step('coerce_number', z.strictObject({
    decimal: z.enum(['auto', '.', ',']).default('auto'),
    thousands: z.enum(['auto', 'none', ',', '.', ' ', "'"]).default('auto'),
    currency: z.boolean().default(true),
    percent: z.enum(['keep', 'fraction']).default('keep'),
  }).refine((p) => p.decimal === 'auto' || p.thousands === 'auto' || p.decimal !== p.thousands, {
    message: 'the decimal and thousands separators must differ',
    path: ['thousands'],
  }).default({ decimal: 'auto', thousands: 'auto', currency: true, percent: 'keep' })),
  coerce_boolean: step('coerce_boolean', z.strictObject({
    trueValues: tokens.default(['true', 't', 'yes', 'y', '1']),
    falseValues: tokens.default(['false', 'f', 'no', 'n', '0']),
  }).default({ trueValues: ['true', 't', 'yes', 'y', '1'], falseValues: ['false', 'f', 'no', 'n', '0'] })),
  standardize_email: step('standardize_email', noParams),
  standardize_phone: step('standardize_phone', z.strictObject({
    defaultRegion: region,
    format: z.enum(['E.164']).default('E.164'),
  })),
  missing_tokens: step('missing_tokens', z.strictObject({
    tokens: tokens.default(['', 'N/A', 'NA', '-', 'null', 'none', 'nil', '?']),
    caseSensitive: z.boolean().default(false),
    flagColumn: z.boolean().default(false),
  }).default({ tokens: ['', 'N/A', 'NA', '-', 'null', 'none', 'nil', '?'], caseSensitive: false, flagColumn: false })),
  impute: step('impute', z.strictObject({
    method: z.enum(['mean', 'median', 'mode', 'constant']),
    value: z.string().max(10_000).optional(),
    flagColumn: z.boolean().default(false),
  }).refine((p) => (p.method === 'constant') === (p.value !== undefined), { message: 'a constant needs a value, and only a constant takes one', path: ['value'] })),
  outliers: step('outliers', z.strictObject({
    method: z.enum(['iqr', 'zscore', 'mad']),
    threshold: z.number().positive().max(100).optional(),
    action: z.enum(['flag', 'clip', 'set_missing']),
  })),
  // `normalise` is optional, not defaulted: a stored policy without it parses (and digests) as before.
  dedupe_exact: step('dedupe_exact', z.strictObject({
    /** Compare text after trimming, collapsing spacing, folding case and stripping accents (default false). */
    normalise: z.boolean().optional(),
  }).default({})),
  dedupe_near: step('dedupe_near', z.strictObject({
    /** Which record of a cluster is kept (merge: the most complete, its blanks filled from the others). */
    survivorship: z.enum(DEDUPE_SURVIVORSHIP).default('most_complete'),
    /** The header of the date or number that says which record is newest (survivorship `newest` only). */
    newestColumn: z.string().max(1000).optional(),
    /** Pairs at or above this match probability are duplicates. */
    threshold: z.number('the threshold must be a number').gt(0, 'the threshold must be greater than 0').lt(1, 'the threshold must be less than 1').default(DEDUPE_DEFAULTS.threshold),
    /** Role corrections by header (the rest are inferred). */
    roles: z.record(z.string().max(1000), z.enum(DEDUPE_ROLES)).default({}),
    /** Whether stored review decisions (accepted and rejected pairs) steer the step. */
    useDecisions: z.boolean().default(true),
  }).refine((p) => p.survivorship !== 'newest' || p.newestColumn !== undefined, { message: 'keeping the newest record needs newestColumn: the header of the date or number that says which record is newest', path: ['newestColumn'] })
    .refine((p) => p.newestColumn === undefined || p.survivorship === 'newest', { message: 'only survivorship "newest" reads newestColumn', path: ['newestColumn'] })
    .default({ survivorship: 'most_complete', threshold: DEDUPE_DEFAULTS.threshold, roles: {}, useDecisions: true })),
  drop_columns: step('drop_columns', noParams),
  rename_column: step('rename_column', z.strictObject({ to: z.string().max(1000) })),
  drop_rows: step('drop_rows', noParams),
  deidentify: step('deidentify', z.strictObject({
    /** Per entity type the operator that replaces it (`default`: any other entity found). */
    operators: operatorMap,
    scope: z.enum(DEID_SCOPES).default('cell'),
    minConfidence: z.number().min(0).max(1).default(DEFAULT_MIN_CONFIDENCE),
    regions: regions.default(DEFAULT_PII_REGIONS),
  })),
  generalise: step('generalise', z.strictObject({
    kind: z.enum(GENERALISE_KINDS),
    /** Age bands only: years per band (default 10); everyone over 89 is `90+`. */
    width: z.number().int().min(1).max(90).optional(),
    /** Birth years only: the year ages are counted at; everyone 90 or older then is `<=YYYY`. Default: the run's year. */
    asOf: z.number().int().min(1900).max(2200).optional(),
  }).refine((p) => p.width === undefined || p.kind === 'age_band', { message: 'only an age band has a width', path: ['width'] })
    .refine((p) => p.asOf === undefined || p.kind === 'birth_year', { message: 'only a birth year has an as-of year', path: ['asOf'] })),
} as const;

export type StepType = keyof typeof stepSchemas;
export const STEP_TYPES = Object.keys(stepSchemas) as StepType[];

export const stepSchema = z.discriminatedUnion('type', Object.values(stepSchemas) as unknown as [
  (typeof stepSchemas)[StepType],
  ...(typeof stepSchemas)[StepType][],
]);
/** A step as stored (defaults filled in). */
export type Step = z.output<typeof stepSchema>;
/** A step as a user may write it (defaults may be left out). */
export type StepInput = z.input<typeof stepSchema>;
export type StepOf<T extends StepType> = Extract<Step, { type: T }>;

/** Steps that de-identify personal data: their ledger entries keep a keyed digest and a masked preview, never the value. */
export const PII_STEP_TYPES: readonly StepType[] = ['deidentify', 'generalise'];
export const isPiiStep = (type: StepType): boolean => PII_STEP_TYPES.includes(type);

/** Default outlier thresholds per method (Tukey's fences, 3 standard deviations, 3.5 MADs). */
export const OUTLIER_THRESHOLDS = { iqr: 1.5, zscore: 3, mad: 3.5 } as const;
