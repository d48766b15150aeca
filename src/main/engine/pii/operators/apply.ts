// One entry point over every value operator — what a PII step calls for each distinct value, and
// the worker pool's batch task 'pii.applyOperator'.
import { birthYear, currentYear, generaliseDate, ageBand, zip3 } from './generalise';
import { keyedHash, MIN_KEY_BYTES } from './keyed';
import { mask, redact, typeToken } from './masking';
import { fail, isBlank, ok, type OperatorOutcome } from './outcome';
import { fakeCard, fakeDigits, fakeEmail, fakePhone } from './pseudonyms';
import { operatorSpecSchema, type OperatorSpec, type OperatorSpecInput } from './spec';

const PSEUDONYMS = { card: fakeCard, phone: fakePhone, email: fakeEmail, digits: fakeDigits } as const;

function generalise(v: string, spec: Extract<OperatorSpec, { op: 'generalise' }>): OperatorOutcome {
  switch (spec.kind) {
    case 'date_year': return generaliseDate(v, 'year');
    case 'date_month': return generaliseDate(v, 'month');
    case 'birth_year': {
      const y = generaliseDate(v, 'year');
      return 'value' in y ? birthYear(y.value, spec.asOf ?? currentYear()) : y;
    }
    case 'age_band': return ageBand(v, { width: spec.width ?? 10 });
    case 'zip3': return zip3(v);
  }
}

/**
 * The operator's result for one value. Blank values pass through every operator but redact (a
 * blank has nothing to hide, and a token or hash would make it look like a value); values an
 * operator cannot read fail with the reason, for the caller to report.
 */
export function applyOperator(value: string, spec: OperatorSpec, key: Uint8Array): OperatorOutcome {
  if (spec.op === 'redact') return ok(redact(value));
  if (isBlank(value)) return ok(value);
  switch (spec.op) {
    case 'mask': return ok(mask(value, spec));
    case 'token': return ok(typeToken(spec.entity));
    case 'hash': return ok(keyedHash(value, key, spec));
    case 'pseudonym': return PSEUDONYMS[spec.kind](value, key);
    case 'generalise': return generalise(value, spec);
  }
}

export interface OperatorBatch {
  values: string[];
  spec: OperatorSpecInput;
  /** The workspace key in hex: a Buffer does not survive structured cloning as one. */
  key: string;
}

/** The batch task. A bad spec or key fails every value with the reason, as the other value tasks do. */
export function applyOperatorValues(batch: OperatorBatch): OperatorOutcome[] {
  const parsed = operatorSpecSchema.safeParse(batch.spec);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const reason = `not a valid operator: ${issue ? `${issue.path.join('.') || 'spec'}: ${issue.message}` : 'unknown error'}`;
    return batch.values.map(() => fail(reason));
  }
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(batch.key) || batch.key.length < MIN_KEY_BYTES * 2) {
    return batch.values.map(() => fail(`the key is not hex of at least ${MIN_KEY_BYTES} bytes`));
  }
  const key = Buffer.from(batch.key, 'hex');
  return batch.values.map((v) => applyOperator(v, parsed.data, key));
}
