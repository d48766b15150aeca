// The de-identification operators (issue 4) as a pure library: what a PII step applies to values.
export { applyOperator, applyOperatorValues, type OperatorBatch } from './apply';
export { ageBand, generaliseDate, RESTRICTED_ZIP3, zip3 } from './generalise';
export { HASH_NORMALISATIONS, keyedDigest, keyedHash, MIN_KEY_BYTES, normaliseForHash, type HashNormalisation, type KeyedHashOptions } from './keyed';
export { graphemes, mask, maskedPreview, redact, typeToken, type MaskOptions } from './masking';
export type { OperatorOutcome } from './outcome';
export { fakeCard, fakeDigits, fakeEmail, fakePhone, isLuhnValid, luhnCheckDigit } from './pseudonyms';
export { HASH_MIN_LENGTH, operatorSpecSchema, type OperatorSpec, type OperatorSpecInput } from './spec';
