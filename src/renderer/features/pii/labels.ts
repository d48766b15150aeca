// How PII figures read on screen: entity names in words, shares and confidences, a column's class.
import type { EntityType, PiiColumnSummary } from '../../../shared/api/pii-types';

export const ENTITY_LABEL: Record<EntityType, string> = {
  EMAIL: 'Email',
  PHONE: 'Phone',
  US_SSN: 'US SSN',
  CREDIT_CARD: 'Credit card',
  IBAN: 'IBAN',
  IP_ADDRESS: 'IP address',
  MAC_ADDRESS: 'MAC address',
  URL: 'URL',
  POSTAL_CODE: 'Postal code',
  UK_NINO: 'UK NINO',
  PERSON: 'Person',
  DATE_OF_BIRTH: 'Date of birth',
  DATE: 'Date',
  STREET_ADDRESS: 'Street address',
  PASSPORT: 'Passport',
  DRIVER_LICENSE: 'Driver licence',
  IDENTIFIER: 'Identifier',
};

/** 0.973 → "97 %"; below 1 % but above 0 → "<1 %" (never "0 %" for something found). */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.01) return '<1 %';
  return `${Math.round(share * 100)} %`;
}

/** Confidence in [0, 1] with two decimals: 0.99. */
export const formatConfidence = (c: number): string => c.toFixed(2);

/** The column's class in words: "Email", "Free text", "Some values" (findings too few to class the column), or "Not detected". */
export function classLabel(c: Pick<PiiColumnSummary, 'entity' | 'freeText' | 'entities'>): string {
  if (c.entity) return ENTITY_LABEL[c.entity];
  if (c.entities.length > 0) return c.freeText ? 'Free text' : 'Some values';
  return 'Not detected';
}

/** The sentence a column's classification reads as: "Email, 97 % of 1,204 values, confidence 0.99". */
export function classSentence(c: PiiColumnSummary): string {
  if (!c.entity) {
    if (c.entities.length === 0) return 'Nothing detected in the scanned values';
    const names = c.entities.map((e) => ENTITY_LABEL[e.entity]).join(', ');
    return c.freeText ? `Free text with ${names} inside` : `${names} in some values, too few to class the column`;
  }
  return `${ENTITY_LABEL[c.entity]}, ${formatShare(c.share)} of ${c.nonMissing.toLocaleString('en-US')} values, confidence ${formatConfidence(c.confidence)}`;
}

/** Columns that hold something, in dataset order. */
export const columnsWithFindings = (cols: readonly PiiColumnSummary[]): PiiColumnSummary[] => cols.filter((c) => c.entity !== null || c.entities.length > 0);
