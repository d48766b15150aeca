// What each step type is, for people: its label, what it does, its group in the editor's menu,
// the columns it applies to when none are named, and whether it needs columns or a row filter.
import type { ColumnSelector, StepType } from './steps';

export type StepGroup = 'text' | 'values' | 'types' | 'missing' | 'rows' | 'columns' | 'pii';

export interface StepInfo {
  label: string;
  description: string;
  group: StepGroup;
  /** Columns used when the step names none; null: the step must name its columns. */
  defaultColumns: ColumnSelector | null;
  /** The step removes rows or columns, or renames one: it needs what it says. */
  needsWhere?: boolean;
  /** Applies to exactly one column. */
  singleColumn?: boolean;
  /** Confidence recorded for its changes (1 for deterministic rules; near-duplicate removal records each pair's probability instead). */
  confidence: number;
}

const TEXT: ColumnSelector = { types: ['text'] };
const ALL_TYPES: ColumnSelector = { types: ['text', 'integer', 'decimal', 'boolean', 'date', 'timestamp', 'time', 'json'] };

export const STEP_INFO: Record<StepType, StepInfo> = {
  trim: { label: 'Trim', description: 'Removes leading and trailing whitespace.', group: 'text', defaultColumns: TEXT, confidence: 1 },
  collapse_whitespace: { label: 'Collapse whitespace', description: 'Turns runs of spaces, tabs and line breaks inside a value into one space.', group: 'text', defaultColumns: TEXT, confidence: 1 },
  normalize_unicode: { label: 'Unicode normalisation', description: 'Rewrites text in Unicode normal form NFC (or NFKC, which also folds compatibility characters such as ﬁ or full-width letters).', group: 'text', defaultColumns: TEXT, confidence: 1 },
  remove_control_chars: { label: 'Remove control characters', description: 'Deletes invisible control characters (except tab and line breaks).', group: 'text', defaultColumns: TEXT, confidence: 1 },
  change_case: { label: 'Change case', description: 'Lower case, upper case or title case.', group: 'text', defaultColumns: null, confidence: 1 },
  replace: { label: 'Find and replace', description: 'Replaces text, or a regular expression (RE2 syntax), in each value.', group: 'text', defaultColumns: null, confidence: 1 },
  category_aliases: { label: 'Category aliases', description: 'Maps variant spellings to one canonical value (build the map from suggested clusters).', group: 'values', defaultColumns: null, confidence: 1 },
  coerce_date: { label: 'Dates to ISO-8601', description: 'Reads dates in mixed formats and writes them as YYYY-MM-DD; day/month order is settled per column from its values and reported; values that do not parse are reported and kept.', group: 'types', defaultColumns: null, confidence: 1 },
  coerce_number: { label: 'Numbers', description: 'Reads numbers with the column\'s decimal and thousands separators, currency symbols and percent signs, and writes plain numbers; ambiguous values such as 1.234 are reported, never guessed.', group: 'types', defaultColumns: null, confidence: 1 },
  coerce_boolean: { label: 'Booleans', description: 'Maps yes/no style values to true and false; other values are reported and kept.', group: 'types', defaultColumns: null, confidence: 1 },
  standardize_email: { label: 'Standardise e-mail', description: 'Trims and lower-cases e-mail addresses.', group: 'values', defaultColumns: { detected: ['email'] }, confidence: 1 },
  standardize_phone: { label: 'Standardise phone numbers', description: 'Writes phone numbers in E.164 (+441632960001), reading national numbers with the given default region; numbers that are not valid are reported and kept.', group: 'values', defaultColumns: { detected: ['phone'] }, confidence: 1 },
  missing_tokens: { label: 'Missing-value tokens', description: 'Treats listed tokens (N/A, -, null, empty…) as missing.', group: 'missing', defaultColumns: ALL_TYPES, confidence: 1 },
  impute: { label: 'Impute missing values', description: 'Fills missing values with the column\'s mean, median, mode or a constant, optionally flagging them in a new column.', group: 'missing', defaultColumns: null, confidence: 1 },
  outliers: { label: 'Outliers', description: 'Finds numeric outliers by IQR fences, z-score or median absolute deviation, and flags, clips or blanks them.', group: 'values', defaultColumns: null, confidence: 1 },
  dedupe_exact: { label: 'Remove exact duplicate rows', description: 'Removes rows equal to an earlier row (on all columns, or on the named key columns), keeping the first by row id; optionally comparing text after trimming, collapsing spacing, folding case and stripping accents.', group: 'rows', defaultColumns: ALL_TYPES, confidence: 1 },
  dedupe_near: { label: 'Remove near-duplicate rows', description: 'Finds records that are probably the same (matching on the chosen columns, weights estimated from the data, review decisions honoured) and keeps one per cluster: the most complete, the newest, the first, or the most complete with its blanks filled from the others. Every removed row and filled cell is recorded with its match probability.', group: 'rows', defaultColumns: ALL_TYPES, confidence: 1 },
  drop_columns: { label: 'Drop columns', description: 'Removes the named columns from the output.', group: 'columns', defaultColumns: null, confidence: 1 },
  rename_column: { label: 'Rename column', description: 'Gives one column a new header.', group: 'columns', defaultColumns: null, singleColumn: true, confidence: 1 },
  drop_rows: { label: 'Drop rows', description: 'Removes the rows that match the row filter.', group: 'rows', defaultColumns: ALL_TYPES, needsWhere: true, confidence: 1 },
  deidentify: { label: 'De-identify', description: 'Replaces personal data with the operator chosen per entity type (redact, mask, type token, keyed hash, format-preserving pseudonym, generalise): whole cells of columns that hold the entity, or each span found inside free text. The ledger keeps a keyed digest and a masked preview, never the value.', group: 'pii', defaultColumns: TEXT, confidence: 1 },
  generalise: { label: 'Generalise', description: 'Coarsens values: a date to its year or month, an age to a band (90+ grouped), a ZIP code to its first three digits (restricted areas become 000). Values it cannot read are redacted and reported. The ledger keeps a keyed digest and a masked preview, never the value.', group: 'pii', defaultColumns: null, confidence: 1 },
};

/** Problems a step has that its schema cannot see (missing columns or filter), as [field, message]. */
export function stepRequirements(step: { type: StepType; columns?: ColumnSelector | undefined; where?: unknown }): [string, string][] {
  const info = STEP_INFO[step.type];
  const out: [string, string][] = [];
  if (info.defaultColumns === null && !step.columns) out.push(['columns', `${info.label} needs the columns it applies to`]);
  if (info.needsWhere && !step.where) out.push(['where', `${info.label} needs a row filter saying which rows to drop`]);
  return out;
}
