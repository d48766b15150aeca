// Each step type's settings as a form; every field shows the validation messages placed on it.
import type { ReactNode } from 'react';
import { OUTLIER_THRESHOLDS, type Step, type StepType } from '../../../shared/policy/steps';
import { AliasMapField } from './AliasMapField';
import { CheckField, Field, NumberInput, OptionSelect } from './fields';
import type { StepIssues } from './issues';
import { TokenListInput } from './TokenListInput';

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
  dedupe_exact: [],
  drop_columns: [],
  rename_column: ['to'],
  drop_rows: [],
};

type OnParams = (params: Step['params'], key: string) => void;

const CASES = { lower: 'lower case', upper: 'UPPER CASE', title: 'Title Case' } as const;
const FORMS = { NFC: 'NFC (composed)', NFKC: 'NFKC (also folds compatibility characters)' } as const;
const AMBIGUOUS = { leave: 'Leave them and report them', day_first: 'Read as day first (03/04 = 3 April)', month_first: 'Read as month first (03/04 = 4 March)' } as const;
const DECIMALS = { auto: 'Settle from the column’s values', '.': '. (1234.5)', ',': ', (1234,5)' } as const;
const THOUSANDS = { auto: 'Settle from the column’s values', none: 'None', ',': ', (1,234)', '.': '. (1.234)', ' ': 'space (1 234)', "'": "' (1'234)" } as const;
const PERCENT = { keep: 'Keep as written (12.5% → 12.5)', fraction: 'As a fraction (12.5% → 0.125)' } as const;
const METHODS = { mean: 'Mean', median: 'Median', mode: 'Most common value', constant: 'A constant' } as const;
const OUTLIER_METHODS = { iqr: 'IQR fences', zscore: 'z-score', mad: 'Median absolute deviation' } as const;
const OUTLIER_ACTIONS = { flag: 'Flag them in a new column', clip: 'Clip to the limit', set_missing: 'Set them missing' } as const;

const keysOf = <T extends string>(o: Record<T, string>) => Object.keys(o) as T[];

/** Whether the type has any settings to show. */
export function hasParams(type: StepType): boolean {
  return PARAM_FIELDS[type].length > 0;
}

export function StepParams({ step, issues, onParams }: { step: Step; issues: StepIssues; onParams: OnParams }): ReactNode {
  const at = (name: string) => issues.fields[`params.${name}`];
  switch (step.type) {
    case 'normalize_unicode': {
      const p = step.params;
      return <Field label="Normal form" issues={at('form')}>{(a) => <OptionSelect {...a} value={p.form} options={keysOf(FORMS)} labels={FORMS} onChange={(form) => onParams({ ...p, form }, 'form')} />}</Field>;
    }
    case 'change_case': {
      const p = step.params;
      return <Field label="Case" issues={at('mode')}>{(a) => <OptionSelect {...a} value={p.mode} options={keysOf(CASES)} labels={CASES} onChange={(mode) => onParams({ ...p, mode }, 'mode')} />}</Field>;
    }
    case 'replace': {
      const p = step.params;
      return (
        <div className="param-grid">
          <Field label={p.regex ? 'Pattern (RE2)' : 'Find'} issues={at('find')}>
            {(a) => <input {...a} className="input input-mono" value={p.find} spellCheck={false} onChange={(e) => onParams({ ...p, find: e.target.value }, 'find')} />}
          </Field>
          <Field label="Replace with" issues={at('replacement')} help={p.regex ? 'Use \\1, \\2 for captured groups.' : undefined}>
            {(a) => <input {...a} className="input input-mono" value={p.replacement} spellCheck={false} onChange={(e) => onParams({ ...p, replacement: e.target.value }, 'replacement')} />}
          </Field>
          <CheckField label="Regular expression" checked={p.regex} onChange={(regex) => onParams({ ...p, regex }, 'regex')} />
          <CheckField label="Match case" checked={p.caseSensitive} onChange={(caseSensitive) => onParams({ ...p, caseSensitive }, 'caseSensitive')} />
          <CheckField label="Whole value only" checked={p.wholeValue} onChange={(wholeValue) => onParams({ ...p, wholeValue }, 'wholeValue')} help="Replace only values that match entirely." />
        </div>
      );
    }
    case 'category_aliases': {
      const p = step.params;
      return (
        <div className="param-grid">
          <div className="field param-wide">
            <span className="field-label">Alias map</span>
            <AliasMapField params={p} issues={at('map')} onChange={(next, key) => onParams(next, key)} />
          </div>
          <CheckField label="Match case" checked={p.caseSensitive} onChange={(caseSensitive) => onParams({ ...p, caseSensitive }, 'caseSensitive')} help="Off: “london” and “LONDON” are the same variant." />
        </div>
      );
    }
    case 'coerce_date': {
      const p = step.params;
      return (
        <div className="param-grid">
          <Field label="Formats to try" issues={at('formats')} help="strptime formats such as %d.%m.%Y, tried in order; none: the built-in list.">
            {(a) => <TokenListInput {...a} values={p.formats} noun="format" onChange={(formats) => onParams({ ...p, formats }, 'formats')} />}
          </Field>
          <Field label="When day and month could be either way round" issues={at('ambiguous')}>
            {(a) => <OptionSelect {...a} value={p.ambiguous} options={keysOf(AMBIGUOUS)} labels={AMBIGUOUS} onChange={(ambiguous) => onParams({ ...p, ambiguous }, 'ambiguous')} />}
          </Field>
        </div>
      );
    }
    case 'coerce_number': {
      const p = step.params;
      return (
        <div className="param-grid">
          <Field label="Decimal mark" issues={at('decimal')}>{(a) => <OptionSelect {...a} value={p.decimal} options={keysOf(DECIMALS)} labels={DECIMALS} onChange={(decimal) => onParams({ ...p, decimal }, 'decimal')} />}</Field>
          <Field label="Thousands separator" issues={at('thousands')}>{(a) => <OptionSelect {...a} value={p.thousands} options={keysOf(THOUSANDS)} labels={THOUSANDS} onChange={(thousands) => onParams({ ...p, thousands }, 'thousands')} />}</Field>
          <Field label="Percent values" issues={at('percent')}>{(a) => <OptionSelect {...a} value={p.percent} options={keysOf(PERCENT)} labels={PERCENT} onChange={(percent) => onParams({ ...p, percent }, 'percent')} />}</Field>
          <CheckField label="Strip currency symbols" checked={p.currency} onChange={(currency) => onParams({ ...p, currency }, 'currency')} help="$, €, £, ¥ and currency codes around the number." />
        </div>
      );
    }
    case 'coerce_boolean': {
      const p = step.params;
      return (
        <div className="param-grid">
          <Field label="Read as true" issues={at('trueValues')}>{(a) => <TokenListInput {...a} values={p.trueValues} noun="value" onChange={(trueValues) => onParams({ ...p, trueValues }, 'trueValues')} />}</Field>
          <Field label="Read as false" issues={at('falseValues')}>{(a) => <TokenListInput {...a} values={p.falseValues} noun="value" onChange={(falseValues) => onParams({ ...p, falseValues }, 'falseValues')} />}</Field>
        </div>
      );
    }
    case 'standardize_phone': {
      const p = step.params;
      return (
        <Field label="Default region" issues={at('defaultRegion')} help="Two-letter country code (GB, US, DE…) for numbers written without +country. Never taken from this machine’s settings.">
          {(a) => <input {...a} className="input input-mono param-short" value={p.defaultRegion} maxLength={2} placeholder="GB" onChange={(e) => onParams({ ...p, defaultRegion: e.target.value.toUpperCase() }, 'defaultRegion')} />}
        </Field>
      );
    }
    case 'missing_tokens': {
      const p = step.params;
      return (
        <div className="param-grid">
          <Field label="Tokens that mean missing" issues={at('tokens')} className="param-wide">
            {(a) => <TokenListInput {...a} values={p.tokens} noun="token" onChange={(tokens) => onParams({ ...p, tokens }, 'tokens')} />}
          </Field>
          <CheckField label="Match case" checked={p.caseSensitive} onChange={(caseSensitive) => onParams({ ...p, caseSensitive }, 'caseSensitive')} />
          <CheckField label="Add a <column>_missing flag column" checked={p.flagColumn} onChange={(flagColumn) => onParams({ ...p, flagColumn }, 'flagColumn')} />
        </div>
      );
    }
    case 'impute': {
      const p = step.params;
      return (
        <div className="param-grid">
          <Field label="Fill with" issues={at('method')}>
            {(a) => (
              <OptionSelect
                {...a}
                value={p.method}
                options={keysOf(METHODS)}
                labels={METHODS}
                onChange={(method) => onParams(method === 'constant' ? { ...p, method, value: p.value ?? '' } : { method, flagColumn: p.flagColumn }, 'method')}
              />
            )}
          </Field>
          {p.method === 'constant' || at('value') ? (
            <Field label="Constant" issues={at('value')}>
              {(a) => <input {...a} className="input" value={p.value ?? ''} onChange={(e) => onParams({ ...p, value: e.target.value }, 'value')} />}
            </Field>
          ) : null}
          <CheckField label="Add a <column>_imputed flag column" checked={p.flagColumn} onChange={(flagColumn) => onParams({ ...p, flagColumn }, 'flagColumn')} />
        </div>
      );
    }
    case 'outliers': {
      const p = step.params;
      return (
        <div className="param-grid">
          <Field label="Method" issues={at('method')}>{(a) => <OptionSelect {...a} value={p.method} options={keysOf(OUTLIER_METHODS)} labels={OUTLIER_METHODS} onChange={(method) => onParams({ ...p, method }, 'method')} />}</Field>
          <Field label="Threshold" issues={at('threshold')} help={`Empty: ${OUTLIER_THRESHOLDS[p.method]} (the method’s usual value).`}>
            {(a) => (
              <NumberInput
                {...a}
                className="input param-short"
                value={p.threshold}
                placeholder={String(OUTLIER_THRESHOLDS[p.method])}
                onChange={(threshold) => {
                  const { threshold: _drop, ...rest } = p;
                  onParams(threshold === undefined ? rest : { ...rest, threshold }, 'threshold');
                }}
              />
            )}
          </Field>
          <Field label="Then" issues={at('action')}>{(a) => <OptionSelect {...a} value={p.action} options={keysOf(OUTLIER_ACTIONS)} labels={OUTLIER_ACTIONS} onChange={(action) => onParams({ ...p, action }, 'action')} />}</Field>
        </div>
      );
    }
    case 'rename_column': {
      const p = step.params;
      return <Field label="New header" issues={at('to')}>{(a) => <input {...a} className="input" value={p.to} onChange={(e) => onParams({ ...p, to: e.target.value }, 'to')} />}</Field>;
    }
    default:
      return null;
  }
}
