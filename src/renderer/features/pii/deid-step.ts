// The operator panel's choices as a `deidentify` policy step: per entity type what replaces it
// (or nothing), with sensible starting choices (pseudonyms where a valid-looking value keeps the
// data usable, generalisation for dates and ZIP codes, a type token elsewhere).
import { ENTITY_TYPES, type EntityType } from '../../../shared/api/pii-types';
import type { GeneraliseKind, OperatorSpecInput } from '../../../shared/policy/operators';
import type { PSEUDONYM_KINDS } from '../../../shared/policy/operators';
import type { OperatorKey } from '../../../shared/policy/steps';
import type { StepToAdd } from '../policy/templates';

export const OPERATOR_CHOICES = ['keep', 'redact', 'mask', 'token', 'hash', 'pseudonym', 'generalise'] as const;
export type OperatorChoice = (typeof OPERATOR_CHOICES)[number];
export type PseudonymKind = (typeof PSEUDONYM_KINDS)[number];

export const CHOICE_LABEL: Record<OperatorChoice, string> = {
  keep: 'Keep as is',
  redact: 'Redact',
  mask: 'Mask',
  token: 'Type token',
  hash: 'Keyed hash',
  pseudonym: 'Pseudonym',
  generalise: 'Generalise',
};

export const GENERALISE_LABEL: Record<GeneraliseKind, string> = {
  date_year: 'Date → year',
  date_month: 'Date → month',
  birth_year: 'Birth date → year (90+ pooled)',
  age_band: 'Age → 10-year band (90+)',
  zip3: 'ZIP → first 3 digits',
};

export const PSEUDONYM_LABEL: Record<PseudonymKind, string> = {
  card: 'Luhn-valid card',
  phone: 'Phone, same format',
  email: 'Email at example.invalid',
  digits: 'Digits, same length',
};

export interface EntityOperator {
  choice: OperatorChoice;
  /** Mask: characters kept at the end. */
  keepLast: number;
  pseudonym: PseudonymKind;
  generalise: GeneraliseKind;
}

const PSEUDONYM_FOR: Partial<Record<EntityType, PseudonymKind>> = { CREDIT_CARD: 'card', PHONE: 'phone', EMAIL: 'email', US_SSN: 'digits' };
const GENERALISE_FOR: Partial<Record<EntityType, GeneraliseKind>> = { DATE_OF_BIRTH: 'date_year', DATE: 'date_year', POSTAL_CODE: 'zip3' };

/** What an entity starts with in the panel. */
export function defaultOperator(key: OperatorKey): EntityOperator {
  const entity = key === 'default' ? null : key;
  const pseudonym = (entity && PSEUDONYM_FOR[entity]) ?? 'digits';
  const generalise = (entity && GENERALISE_FOR[entity]) ?? 'date_year';
  const choice: OperatorChoice = entity === null ? 'redact' : entity && PSEUDONYM_FOR[entity] ? 'pseudonym' : entity && GENERALISE_FOR[entity] ? 'generalise' : 'token';
  return { choice, keepLast: 4, pseudonym, generalise };
}

/** The operator spec a choice writes into the step (none for "keep"). */
export function operatorSpec(key: OperatorKey, o: EntityOperator): OperatorSpecInput | undefined {
  switch (o.choice) {
    case 'keep':
      return undefined;
    case 'redact':
      return { op: 'redact' };
    case 'mask':
      return { op: 'mask', char: '*', keepFirst: 0, keepLast: o.keepLast };
    case 'token':
      return { op: 'token', entity: key === 'default' ? 'PII' : key };
    case 'hash':
      return { op: 'hash' };
    case 'pseudonym':
      return { op: 'pseudonym', kind: o.pseudonym };
    case 'generalise':
      return { op: 'generalise', kind: o.generalise };
  }
}

/**
 * The deidentify step for these choices, or null when every entity is kept. Whole cells apply to
 * the columns holding the chosen entities; spans apply to every text column (free text).
 */
/** Where the operators apply: whole cells of the columns holding an entity, spans inside text, or both (cells first). */
export type OperatorScope = 'both' | 'cell' | 'spans';

/**
 * The de-identify steps for the choices: one per scope, whole cells before spans (a span step
 * leaves alone the columns a whole-cell step already replaced). Empty when every entity is kept.
 */
export function deidentifySteps(choices: Partial<Record<OperatorKey, EntityOperator>>, scope: OperatorScope): StepToAdd[] {
  const scopes: ('cell' | 'spans')[] = scope === 'both' ? ['cell', 'spans'] : [scope];
  return scopes.flatMap((s) => {
    const step = deidentifyStep(choices, s);
    return step ? [step] : [];
  });
}

export function deidentifyStep(choices: Partial<Record<OperatorKey, EntityOperator>>, scope: 'cell' | 'spans'): StepToAdd | null {
  const operators: Partial<Record<OperatorKey, OperatorSpecInput>> = {};
  for (const [key, o] of Object.entries(choices) as [OperatorKey, EntityOperator][]) {
    const spec = operatorSpec(key, o);
    if (spec) operators[key] = spec;
  }
  const entities = Object.keys(operators).filter((k): k is EntityType => k !== 'default');
  if (Object.keys(operators).length === 0) return null;
  // Whole cells: the columns holding a chosen entity (any entity, when there is a default).
  const columns = scope === 'cell' ? { pii: operators.default === undefined ? entities : [...ENTITY_TYPES] } : undefined;
  const step: StepToAdd = { type: 'deidentify', id: scope === 'cell' ? 'deidentify' : 'deidentify-text', params: { operators, scope } };
  return columns ? { ...step, columns } : step;
}
