// The de-identification operators as data: one zod schema per operator and its parameters, as a
// policy step will name them. `drop column` is not here: it removes a column, not a value.
import { z } from 'zod';
import { HASH_MAX_LENGTH, HASH_NORMALISATIONS } from './keyed';
import { graphemes } from './masking';

/** Fewer characters than this collide within tens of thousands of values and would merge people. */
export const HASH_MIN_LENGTH = 8;

const entityName = z.string().regex(/^[A-Za-z][A-Za-z0-9_ ]{0,39}$/, 'an entity is 1–40 letters, digits, "_" or spaces, starting with a letter');

export const operatorSpecSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('redact') }),
  z.strictObject({
    op: z.literal('mask'),
    char: z.string().refine((c) => graphemes(c).length === 1 && c.trim() !== '', 'the mask is one visible character').default('*'),
    keepFirst: z.number().int().min(0).max(100).default(0),
    keepLast: z.number().int().min(0).max(100).default(0),
  }),
  z.strictObject({ op: z.literal('token'), entity: entityName }),
  z.strictObject({
    op: z.literal('hash'),
    length: z.number().int().min(HASH_MIN_LENGTH).max(HASH_MAX_LENGTH.hex).default(16),
    encoding: z.enum(['hex', 'base32']).default('hex'),
    prefix: z.string().regex(/^[A-Za-z0-9_:-]{0,16}$/, 'a prefix is up to 16 letters, digits, "_", ":" or "-"').default(''),
    normalise: z.enum(HASH_NORMALISATIONS).default('text'),
  }),
  z.strictObject({ op: z.literal('pseudonym'), kind: z.enum(['card', 'phone', 'email', 'digits']) }),
  z.strictObject({
    op: z.literal('generalise'),
    kind: z.enum(['date_year', 'date_month', 'age_band', 'zip3']),
    width: z.number().int().min(1).max(90).optional(),
  }),
]).superRefine((s, ctx) => {
  if (s.op === 'hash' && s.length > HASH_MAX_LENGTH[s.encoding]) ctx.addIssue({ code: 'custom', path: ['length'], message: `a ${s.encoding} hash has at most ${HASH_MAX_LENGTH[s.encoding]} characters` });
  if (s.op === 'generalise' && s.width !== undefined && s.kind !== 'age_band') ctx.addIssue({ code: 'custom', path: ['width'], message: 'only an age band has a width' });
});

/** A parsed operator, defaults filled in. */
export type OperatorSpec = z.output<typeof operatorSpecSchema>;
/** An operator as written in a policy or sent to a worker, before defaults. */
export type OperatorSpecInput = z.input<typeof operatorSpecSchema>;
