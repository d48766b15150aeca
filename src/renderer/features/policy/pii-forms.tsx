// The de-identification steps' settings: an operator per entity type (with that operator's own
// parameters), where to look (whole cells or spans in free text), and generalisation.
import type { HASH_NORMALISATIONS, OperatorSpecInput, PSEUDONYM_KINDS } from '../../../shared/policy/operators';
import { GENERALISE_LABEL } from '../pii/deid-step';
import { OPERATOR_KEYS, type OperatorKey } from '../../../shared/policy/steps';
import { Field, FieldErrors, NumberInput, OptionSelect } from './fields';
import { fieldMessages } from './issues';
import type { FormProps } from './param-forms';
import { TokenListInput } from './TokenListInput';

const keysOf = <T extends string>(o: Record<T, string>) => Object.keys(o) as T[];
const SCOPES = { cell: 'Whole values of columns that hold the entity', spans: 'Each entity found inside the text (free text)' } as const;
const OPS = { none: '—', redact: 'Redact', mask: 'Mask', token: 'Type token', hash: 'Keyed hash', pseudonym: 'Pseudonym', generalise: 'Generalise' } as const;
type OpChoice = keyof typeof OPS;
const GENERALISE = GENERALISE_LABEL;
const PSEUDONYMS = { card: 'Card (Luhn-valid)', phone: 'Phone (same format)', email: 'E-mail at example.invalid', digits: 'Identifier (same shape)' } as const satisfies Record<(typeof PSEUDONYM_KINDS)[number], string>;
const NORMALISE = { text: 'Text', email: 'E-mail', identifier: 'Letters and digits', exact: 'Exact' } as const satisfies Record<(typeof HASH_NORMALISATIONS)[number], string>;

/** A new operator of the chosen kind, with the parameters its schema needs. */
function startOperator(op: OpChoice, key: OperatorKey): OperatorSpecInput | undefined {
  switch (op) {
    case 'none': return undefined;
    case 'redact': return { op };
    case 'mask': return { op, char: '*', keepFirst: 0, keepLast: 0 };
    case 'token': return { op, entity: key === 'default' ? 'PII' : key };
    case 'hash': return { op, length: 16, encoding: 'hex', prefix: '', normalise: 'text' };
    case 'pseudonym': return { op, kind: key === 'EMAIL' ? 'email' : key === 'PHONE' ? 'phone' : key === 'CREDIT_CARD' ? 'card' : 'digits' };
    case 'generalise': return { op, kind: 'date_year' };
  }
}

/** The chosen operator's own parameters, inline. */
function OperatorParams({ spec, label, on }: { spec: OperatorSpecInput; label: string; on: (s: OperatorSpecInput) => void }) {
  switch (spec.op) {
    case 'mask':
      return (
        <span className="operator-params">
          <input aria-label={`${label}: mask character`} className="input input-mono param-short" value={spec.char ?? '*'} maxLength={4} onChange={(e) => on({ ...spec, char: e.target.value })} />
          <NumberInput aria-label={`${label}: keep first`} className="input param-short" value={spec.keepFirst} placeholder="0" onChange={(keepFirst) => on({ ...spec, keepFirst: keepFirst ?? 0 })} />
          <NumberInput aria-label={`${label}: keep last`} className="input param-short" value={spec.keepLast} placeholder="0" onChange={(keepLast) => on({ ...spec, keepLast: keepLast ?? 0 })} />
        </span>
      );
    case 'token':
      return <input aria-label={`${label}: token entity`} className="input input-mono" value={spec.entity} onChange={(e) => on({ ...spec, entity: e.target.value })} />;
    case 'hash':
      return (
        <span className="operator-params">
          <NumberInput aria-label={`${label}: hash length`} className="input param-short" value={spec.length} placeholder="16" onChange={(length) => on({ ...spec, length: length ?? 16 })} />
          <OptionSelect aria-label={`${label}: normalise`} value={spec.normalise ?? 'text'} options={keysOf(NORMALISE)} labels={NORMALISE} onChange={(normalise) => on({ ...spec, normalise })} />
        </span>
      );
    case 'pseudonym':
      return <OptionSelect aria-label={`${label}: pseudonym kind`} value={spec.kind} options={keysOf(PSEUDONYMS)} labels={PSEUDONYMS} onChange={(kind) => on({ ...spec, kind })} />;
    case 'generalise':
      return <OptionSelect aria-label={`${label}: generalise to`} value={spec.kind} options={keysOf(GENERALISE)} labels={GENERALISE} onChange={(kind) => on({ op: 'generalise', kind })} />;
    default:
      return null;
  }
}

export function DeidentifyForm({ p, at, on }: FormProps<'deidentify'>) {
  const ops = p.operators as Partial<Record<OperatorKey, OperatorSpecInput>>;
  const setOp = (k: OperatorKey, spec: OperatorSpecInput | undefined) => {
    const next: Partial<Record<OperatorKey, OperatorSpecInput>> = { ...ops };
    if (spec) next[k] = spec;
    else delete next[k];
    on({ ...p, operators: next as typeof p.operators }, 'operators');
  };
  return (
    <div className="param-grid">
      <Field label="Where" issues={at('scope')}>{(a) => <OptionSelect {...a} value={p.scope} options={keysOf(SCOPES)} labels={SCOPES} onChange={(scope) => on({ ...p, scope }, 'scope')} />}</Field>
      <Field label="Minimum confidence" issues={at('minConfidence')} help="Findings below it are left alone (0–1).">
        {(a) => <NumberInput {...a} className="input param-short" value={p.minConfidence} placeholder="0.5" onChange={(v) => on({ ...p, minConfidence: v ?? 0.5 }, 'minConfidence')} />}
      </Field>
      <Field label="Phone regions" issues={at('regions')} help="Two-letter country codes for numbers written without +country.">
        {(a) => <TokenListInput {...a} values={p.regions} noun="region" onChange={(regions) => on({ ...p, regions }, 'regions')} />}
      </Field>
      <div className="field param-wide">
        <span className="field-label">Operator per entity type</span>
        <table className="operator-table">
          <tbody>
            {OPERATOR_KEYS.map((k) => {
              const spec = ops[k];
              const label = k === 'default' ? 'Any other entity' : k;
              return (
                <tr key={k}>
                  <th scope="row">{label}</th>
                  <td>
                    <OptionSelect aria-label={`${label}: operator`} value={spec?.op ?? 'none'} options={keysOf(OPS)} labels={OPS} onChange={(op) => setOp(k, startOperator(op, k))} />
                  </td>
                  <td>{spec ? <OperatorParams spec={spec} label={label} on={(s) => setOp(k, s)} /> : null}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <FieldErrors messages={fieldMessages(at('operators'))} />
      </div>
    </div>
  );
}

export function GeneraliseForm({ p, at, on }: FormProps<'generalise'>) {
  return (
    <div className="param-grid">
      <Field label="Generalise" issues={at('kind')}>
        {(a) => <OptionSelect {...a} value={p.kind} options={keysOf(GENERALISE)} labels={GENERALISE} onChange={(kind) => on(kind === 'age_band' ? { kind, ...(p.width === undefined ? {} : { width: p.width }) } : { kind }, 'kind')} />}
      </Field>
      {p.kind === 'age_band' || at('width') ? (
        <Field label="Band width (years)" issues={at('width')} help="Empty: 10. Everyone over 89 is 90+; a width of 1 keeps other ages as they are.">
          {(a) => (
            <NumberInput
              {...a}
              className="input param-short"
              value={p.width}
              placeholder="10"
              onChange={(width) => on(width === undefined ? { kind: p.kind } : { kind: p.kind, width }, 'width')}
            />
          )}
        </Field>
      ) : null}
    </div>
  );
}
