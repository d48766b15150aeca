// Each step type's settings form; every field shows the validation messages placed on it.
import { OUTLIER_THRESHOLDS, type StepOf, type StepType } from '../../../shared/policy/steps';
import { AliasMapField } from './AliasMapField';
import { CheckField, Field, NumberInput, OptionSelect } from './fields';
import type { FieldIssue } from './issues';
import { TokenListInput } from './TokenListInput';

export interface FormProps<T extends StepType> {
  p: StepOf<T>['params'];
  /** The issues placed on a parameter. */
  at: (name: string) => FieldIssue[] | undefined;
  /** New parameters, and which one changed (undo joins typing in one field). */
  on: (params: StepOf<T>['params'], key: string) => void;
}

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

export function NormalizeUnicodeForm({ p, at, on }: FormProps<'normalize_unicode'>) {
  return <Field label="Normal form" issues={at('form')}>{(a) => <OptionSelect {...a} value={p.form} options={keysOf(FORMS)} labels={FORMS} onChange={(form) => on({ ...p, form }, 'form')} />}</Field>;
}

export function ChangeCaseForm({ p, at, on }: FormProps<'change_case'>) {
  return <Field label="Case" issues={at('mode')}>{(a) => <OptionSelect {...a} value={p.mode} options={keysOf(CASES)} labels={CASES} onChange={(mode) => on({ ...p, mode }, 'mode')} />}</Field>;
}

export function ReplaceForm({ p, at, on }: FormProps<'replace'>) {
  return (
    <div className="param-grid">
      <Field label={p.regex ? 'Pattern (RE2)' : 'Find'} issues={at('find')}>
        {(a) => <input {...a} className="input input-mono" value={p.find} spellCheck={false} onChange={(e) => on({ ...p, find: e.target.value }, 'find')} />}
      </Field>
      <Field label="Replace with" issues={at('replacement')} help={p.regex ? 'Use \\1, \\2 for captured groups.' : undefined}>
        {(a) => <input {...a} className="input input-mono" value={p.replacement} spellCheck={false} onChange={(e) => on({ ...p, replacement: e.target.value }, 'replacement')} />}
      </Field>
      <CheckField label="Regular expression" checked={p.regex} onChange={(regex) => on({ ...p, regex }, 'regex')} />
      <CheckField label="Match case" checked={p.caseSensitive} onChange={(caseSensitive) => on({ ...p, caseSensitive }, 'caseSensitive')} />
      <CheckField label="Whole value only" checked={p.wholeValue} onChange={(wholeValue) => on({ ...p, wholeValue }, 'wholeValue')} help="Replace only values that match entirely." />
    </div>
  );
}

export function CategoryAliasesForm({ p, at, on }: FormProps<'category_aliases'>) {
  return (
    <div className="param-grid">
      <div className="field param-wide">
        <span className="field-label">Alias map</span>
        <AliasMapField params={p} issues={at('map')} onChange={(next, key) => on(next, key)} />
      </div>
      <CheckField label="Match case" checked={p.caseSensitive} onChange={(caseSensitive) => on({ ...p, caseSensitive }, 'caseSensitive')} help="Off: “london” and “LONDON” are the same variant." />
    </div>
  );
}

export function CoerceDateForm({ p, at, on }: FormProps<'coerce_date'>) {
  return (
    <div className="param-grid">
      <Field label="Formats to try" issues={at('formats')} help="strptime formats such as %d.%m.%Y, tried in order; none: the built-in list.">
        {(a) => <TokenListInput {...a} values={p.formats} noun="format" onChange={(formats) => on({ ...p, formats }, 'formats')} />}
      </Field>
      <Field label="When day and month could be either way round" issues={at('ambiguous')}>
        {(a) => <OptionSelect {...a} value={p.ambiguous} options={keysOf(AMBIGUOUS)} labels={AMBIGUOUS} onChange={(ambiguous) => on({ ...p, ambiguous }, 'ambiguous')} />}
      </Field>
    </div>
  );
}

export function CoerceNumberForm({ p, at, on }: FormProps<'coerce_number'>) {
  return (
    <div className="param-grid">
      <Field label="Decimal mark" issues={at('decimal')}>{(a) => <OptionSelect {...a} value={p.decimal} options={keysOf(DECIMALS)} labels={DECIMALS} onChange={(decimal) => on({ ...p, decimal }, 'decimal')} />}</Field>
      <Field label="Thousands separator" issues={at('thousands')}>{(a) => <OptionSelect {...a} value={p.thousands} options={keysOf(THOUSANDS)} labels={THOUSANDS} onChange={(thousands) => on({ ...p, thousands }, 'thousands')} />}</Field>
      <Field label="Percent values" issues={at('percent')}>{(a) => <OptionSelect {...a} value={p.percent} options={keysOf(PERCENT)} labels={PERCENT} onChange={(percent) => on({ ...p, percent }, 'percent')} />}</Field>
      <CheckField label="Strip currency symbols" checked={p.currency} onChange={(currency) => on({ ...p, currency }, 'currency')} help="$, €, £, ¥ and currency codes around the number." />
    </div>
  );
}

export function CoerceBooleanForm({ p, at, on }: FormProps<'coerce_boolean'>) {
  return (
    <div className="param-grid">
      <Field label="Read as true" issues={at('trueValues')}>{(a) => <TokenListInput {...a} values={p.trueValues} noun="value" onChange={(trueValues) => on({ ...p, trueValues }, 'trueValues')} />}</Field>
      <Field label="Read as false" issues={at('falseValues')}>{(a) => <TokenListInput {...a} values={p.falseValues} noun="value" onChange={(falseValues) => on({ ...p, falseValues }, 'falseValues')} />}</Field>
    </div>
  );
}

export function StandardizePhoneForm({ p, at, on }: FormProps<'standardize_phone'>) {
  return (
    <Field label="Default region" issues={at('defaultRegion')} help="Two-letter country code (GB, US, DE…) for numbers written without +country. Never taken from this machine’s settings.">
      {(a) => <input {...a} className="input input-mono param-short" value={p.defaultRegion} maxLength={2} placeholder="GB" onChange={(e) => on({ ...p, defaultRegion: e.target.value.toUpperCase() }, 'defaultRegion')} />}
    </Field>
  );
}

export function MissingTokensForm({ p, at, on }: FormProps<'missing_tokens'>) {
  return (
    <div className="param-grid">
      <Field label="Tokens that mean missing" issues={at('tokens')} className="param-wide">
        {(a) => <TokenListInput {...a} values={p.tokens} noun="token" onChange={(tokens) => on({ ...p, tokens }, 'tokens')} />}
      </Field>
      <CheckField label="Match case" checked={p.caseSensitive} onChange={(caseSensitive) => on({ ...p, caseSensitive }, 'caseSensitive')} />
      <CheckField label="Add a <column>_missing flag column" checked={p.flagColumn} onChange={(flagColumn) => on({ ...p, flagColumn }, 'flagColumn')} />
    </div>
  );
}

export function ImputeForm({ p, at, on }: FormProps<'impute'>) {
  return (
    <div className="param-grid">
      <Field label="Fill with" issues={at('method')}>
        {(a) => (
          <OptionSelect
            {...a}
            value={p.method}
            options={keysOf(METHODS)}
            labels={METHODS}
            onChange={(method) => on(method === 'constant' ? { ...p, method, value: p.value ?? '' } : { method, flagColumn: p.flagColumn }, 'method')}
          />
        )}
      </Field>
      {p.method === 'constant' || at('value') ? (
        <Field label="Constant" issues={at('value')}>
          {(a) => <input {...a} className="input" value={p.value ?? ''} onChange={(e) => on({ ...p, value: e.target.value }, 'value')} />}
        </Field>
      ) : null}
      <CheckField label="Add a <column>_imputed flag column" checked={p.flagColumn} onChange={(flagColumn) => on({ ...p, flagColumn }, 'flagColumn')} />
    </div>
  );
}

export function OutliersForm({ p, at, on }: FormProps<'outliers'>) {
  return (
    <div className="param-grid">
      <Field label="Method" issues={at('method')}>{(a) => <OptionSelect {...a} value={p.method} options={keysOf(OUTLIER_METHODS)} labels={OUTLIER_METHODS} onChange={(method) => on({ ...p, method }, 'method')} />}</Field>
      <Field label="Threshold" issues={at('threshold')} help={`Empty: ${OUTLIER_THRESHOLDS[p.method]} (the method’s usual value).`}>
        {(a) => (
          <NumberInput
            {...a}
            className="input param-short"
            value={p.threshold}
            placeholder={String(OUTLIER_THRESHOLDS[p.method])}
            onChange={(threshold) => {
              const { threshold: _drop, ...rest } = p;
              on(threshold === undefined ? rest : { ...rest, threshold }, 'threshold');
            }}
          />
        )}
      </Field>
      <Field label="Then" issues={at('action')}>{(a) => <OptionSelect {...a} value={p.action} options={keysOf(OUTLIER_ACTIONS)} labels={OUTLIER_ACTIONS} onChange={(action) => on({ ...p, action }, 'action')} />}</Field>
    </div>
  );
}

export function RenameColumnForm({ p, at, on }: FormProps<'rename_column'>) {
  return <Field label="New header" issues={at('to')}>{(a) => <input {...a} className="input" value={p.to} onChange={(e) => on({ ...p, to: e.target.value }, 'to')} />}</Field>;
}
