// The de-identification operators as data: one zod schema per operator and its parameters, as a
// policy step names them (shared so the editor validates them too; the functions that apply them,
// which need node:crypto, stay in src/main/engine/pii/operators). `drop column` is not here: it
// removes a column, not a value.
import { z } from 'zod';
import { ENTITY_TYPES } from '../api/pii-types';

/** Fewer characters than this collide within tens of thousands of values and would merge people. */
export const HASH_MIN_LENGTH = 8;
/** A SHA-256 in hex is 64 characters, in base32 52. */
export const HASH_MAX_LENGTH = { hex: 64, base32: 52 } as const;

/**
 * Which spellings hash alike (see keyed.ts normaliseForHash). `text`: NFC, trimmed, inner
 * whitespace as one space, case kept. `email`: NFC, trimmed, lower case. `identifier`: NFKC,
 * letters and digits only, upper case. `exact`: the value as given.
 */
export const HASH_NORMALISATIONS = ['text', 'email', 'identifier', 'exact'] as const;
export type HashNormalisation = (typeof HASH_NORMALISATIONS)[number];

export const GENERALISE_KINDS = ['date_year', 'date_month', 'birth_year', 'age_band', 'zip3'] as const;
export type GeneraliseKind = (typeof GENERALISE_KINDS)[number];

export const PSEUDONYM_KINDS = ['card', 'phone', 'email', 'digits'] as const;

/** Grapheme clusters (what a reader sees as characters); Intl.Segmenter exists in Node and browsers. */
const graphemeCount = (s: string): number => Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s)).length;

/** A free label for a type token, for what the entity list does not name (`<PATIENT_ID>`). */
const entityLabel = z.string().regex(/^[A-Za-z][A-Za-z0-9_ ]{0,39}$/, 'an entity is 1–40 letters, digits, "_" or spaces, starting with a letter');

export const operatorSpecSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('redact') }),
  z.strictObject({
    op: z.literal('mask'),
    char: z.string().refine((c) => graphemeCount(c) === 1 && c.trim() !== '', 'the mask is one visible character').default('*'),
    keepFirst: z.number().int().min(0).max(100).default(0),
    keepLast: z.number().int().min(0).max(100).default(0),
  }),
  /** `<EMAIL>`: the entity is one of the shared entity types, or a free label. */
  z.strictObject({ op: z.literal('token'), entity: z.union([z.enum(ENTITY_TYPES), entityLabel]) }),
  z.strictObject({
    op: z.literal('hash'),
    length: z.number().int().min(HASH_MIN_LENGTH, `a keyed hash keeps at least ${HASH_MIN_LENGTH} characters (shorter ones collide and would merge people)`).max(HASH_MAX_LENGTH.hex).default(16),
    encoding: z.enum(['hex', 'base32']).default('hex'),
    prefix: z.string().regex(/^[A-Za-z0-9_:-]{0,16}$/, 'a prefix is up to 16 letters, digits, "_", ":" or "-"').default(''),
    normalise: z.enum(HASH_NORMALISATIONS).default('text'),
  }),
  z.strictObject({ op: z.literal('pseudonym'), kind: z.enum(PSEUDONYM_KINDS) }),
  z.strictObject({
    op: z.literal('generalise'),
    kind: z.enum(GENERALISE_KINDS),
    width: z.number().int().min(1).max(90).optional(),
    /** Birth years only: the year ages are counted at (default: the year the run happens). */
    asOf: z.number().int().min(1900).max(2200).optional(),
  }),
]).superRefine((s, ctx) => {
  if (s.op === 'hash' && s.length > HASH_MAX_LENGTH[s.encoding]) ctx.addIssue({ code: 'custom', path: ['length'], message: `a ${s.encoding} hash has at most ${HASH_MAX_LENGTH[s.encoding]} characters` });
  if (s.op === 'generalise' && s.width !== undefined && s.kind !== 'age_band') ctx.addIssue({ code: 'custom', path: ['width'], message: 'only an age band has a width' });
  if (s.op === 'generalise' && s.asOf !== undefined && s.kind !== 'birth_year') ctx.addIssue({ code: 'custom', path: ['asOf'], message: 'only a birth year has an as-of year' });
});

/** A parsed operator, defaults filled in. */
export type OperatorSpec = z.output<typeof operatorSpecSchema>;
/** An operator as written in a policy or sent to a worker, before defaults. */
export type OperatorSpecInput = z.input<typeof operatorSpecSchema>;
export type OperatorName = OperatorSpec['op'];
