// Which settings each step type has, and the form that edits them (the forms are in param-forms).
import type { ReactNode } from 'react';
import type { Step, StepType } from '../../../shared/policy/steps';
import type { StepIssues } from './issues';
import { DedupeExactForm, DedupeNearForm } from './dedupe-forms';
import { DeidentifyForm, GeneraliseForm } from './pii-forms';
import { CategoryAliasesForm, ChangeCaseForm, CoerceBooleanForm, CoerceDateForm, CoerceNumberForm, ImputeForm, MissingTokensForm, NormalizeUnicodeForm, OutliersForm, RenameColumnForm, ReplaceForm, StandardizePhoneForm } from './param-forms';

/** The settings each type's form shows (where validation messages about `params.<name>` go). */
export const PARAM_FIELDS: Record<StepType, string[]> = {
  trim: [],
  collapse_whitespace: [],
  normalize_unicode: ['form'],
  remove_control_chars: [],
  change_case: ['mode'],
  replace: ['find', 'replacement', 'regex', 'caseSensitive', 'wholeValue'],
  category_aliases: ['map', 'caseSensitive'],
  coerce_date: ['formats', 'ambiguous'],
  coerce_number: ['decimal', 'thousands', 'currency', 'percent'],
  coerce_boolean: ['trueValues', 'falseValues'],
  standardize_email: [],
  standardize_phone: ['defaultRegion', 'format'],
  missing_tokens: ['tokens', 'caseSensitive', 'flagColumn'],
  impute: ['method', 'value', 'flagColumn'],
  outliers: ['method', 'threshold', 'action'],
  dedupe_exact: ['normalise'],
  dedupe_near: ['survivorship', 'newestColumn', 'threshold', 'roles', 'useDecisions'],
  drop_columns: [],
  rename_column: ['to'],
  drop_rows: [],
  deidentify: ['operators', 'scope', 'minConfidence', 'regions'],
  generalise: ['kind', 'width'],
};

type OnParams = (params: Step['params'], key: string) => void;

/** Whether the type has any settings to show. */
export function hasParams(type: StepType): boolean {
  return PARAM_FIELDS[type].length > 0;
}

export function StepParams({ step, issues, onParams }: { step: Step; issues: StepIssues; onParams: OnParams }): ReactNode {
  const at = (name: string) => issues.fields[`params.${name}`];
  switch (step.type) {
    case 'normalize_unicode':
      return <NormalizeUnicodeForm p={step.params} at={at} on={onParams} />;
    case 'change_case':
      return <ChangeCaseForm p={step.params} at={at} on={onParams} />;
    case 'replace':
      return <ReplaceForm p={step.params} at={at} on={onParams} />;
    case 'category_aliases':
      return <CategoryAliasesForm p={step.params} at={at} on={onParams} />;
    case 'coerce_date':
      return <CoerceDateForm p={step.params} at={at} on={onParams} />;
    case 'coerce_number':
      return <CoerceNumberForm p={step.params} at={at} on={onParams} />;
    case 'coerce_boolean':
      return <CoerceBooleanForm p={step.params} at={at} on={onParams} />;
    case 'standardize_phone':
      return <StandardizePhoneForm p={step.params} at={at} on={onParams} />;
    case 'missing_tokens':
      return <MissingTokensForm p={step.params} at={at} on={onParams} />;
    case 'impute':
      return <ImputeForm p={step.params} at={at} on={onParams} />;
    case 'outliers':
      return <OutliersForm p={step.params} at={at} on={onParams} />;
    case 'dedupe_exact':
      return <DedupeExactForm p={step.params} at={at} on={onParams} />;
    case 'dedupe_near':
      return <DedupeNearForm p={step.params} at={at} on={onParams} />;
    case 'rename_column':
      return <RenameColumnForm p={step.params} at={at} on={onParams} />;
    case 'deidentify':
      return <DeidentifyForm p={step.params} at={at} on={onParams} />;
    case 'generalise':
      return <GeneraliseForm p={step.params} at={at} on={onParams} />;
    default:
      return null;
  }
}
