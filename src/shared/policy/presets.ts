// Built-in presets: named step lists that need no parameters, composable in the order given.
import { AppError } from '../api/result';
import { newPolicy, type Policy } from './policy';
import { ENTITY_TYPES, type EntityType } from '../api/pii-types';
import type { OperatorSpecInput } from './operators';
import { stepSchema, type OperatorKey, type Step, type StepInput } from './steps';

export interface Preset {
  name: string;
  description: string;
  steps: StepInput[];
}

type OperatorMap = Partial<Record<OperatorKey, OperatorSpecInput>>;
const token = (e: EntityType): OperatorSpecInput => ({ op: 'token', entity: e });
/** A type token for every entity type, with some replaced. */
const tokens = (overrides: OperatorMap = {}): OperatorMap => ({ ...Object.fromEntries(ENTITY_TYPES.map((e) => [e, token(e)])), ...overrides });
const each = (entities: readonly EntityType[], op: (e: EntityType) => OperatorSpecInput): OperatorMap => Object.fromEntries(entities.map((e) => [e, op(e)]));

/**
 * Headers that name what detection may miss in a column's values (selector patterns are
 * JavaScript regular expressions, case-sensitive: both cases are spelled out). Presets select a
 * column by what its values are (`pii`) or by such a header; either is enough.
 */
export const PII_HEADERS = {
  name: String.raw`^(?:[Ff]ull|FULL|[Ff]irst|FIRST|[Ll]ast|LAST|[Gg]iven|GIVEN|[Ff]amily|FAMILY|[Mm]iddle|MIDDLE|[Pp]atient|PATIENT|[Cc]ustomer|CUSTOMER)?[ _-]?(?:[Nn]ame|NAME)$|^(?:[Ss]urname|SURNAME|[Ff]orename|FORENAME)$`,
  address: String.raw`^(?:(?:[Hh]ome|HOME|[Ss]treet|STREET|[Mm]ailing|MAILING|[Pp]ostal|POSTAL)[ _-]?)?(?:[Aa]ddress|ADDRESS|[Aa]ddr|ADDR)(?:[ _-]?(?:[Ll]ine|LINE)?[ _-]?[0-9])?$|^(?:[Ss]treet|STREET|[Cc]ity|CITY|[Tt]own|TOWN|[Cc]ounty|COUNTY|[Pp]recinct|PRECINCT)$`,
  identifier: String.raw`(?:^|[ _-])(?:MRN|[Mm]rn|[Mm]edical[ _-]?[Rr]ecord|MEDICAL[ _-]?RECORD|[Hh]ealth[ _-]?[Pp]lan|HEALTH[ _-]?PLAN|[Bb]eneficiary|BENEFICIARY|[Aa]ccount|ACCOUNT|[Aa]cct|ACCT|[Ll]icen[cs]e|LICEN[CS]E|[Cc]ertificate|CERTIFICATE|VIN|[Vv]ehicle|VEHICLE|[Pp]late|PLATE|[Dd]evice|DEVICE|[Ss]erial|SERIAL|[Pp]hone|PHONE|[Tt]el|TEL|[Mm]obile|MOBILE|[Ff]ax|FAX|[Ee]-?[Mm]ail|E-?MAIL|SSN|[Ss]sn|URL|[Uu]rl|IP|[Ii]p[ _-]?[Aa]ddr)|(?:^|[ _-])(?:ID|[Ii]d)$`,
  zip: String.raw`^(?:[Zz]ip|ZIP)(?:[ _-]?(?:[Cc]ode|CODE))?$|^(?:[Pp]ostal|POSTAL)[ _-]?(?:[Cc]ode|CODE)$`,
  birth: String.raw`(?:[Bb]irth|BIRTH|DOB|[Dd]ob)`,
  date: String.raw`(?:[Aa]dmi(?:ssion|tted)|ADMI(?:SSION|TTED)|[Dd]ischarge|DISCHARGE|[Dd]eath|DEATH|[Dd]eceased|DECEASED|[Ss]ervice[ _-]?[Dd]ate|SERVICE[ _-]?DATE|[Vv]isit[ _-]?[Dd]ate|VISIT[ _-]?DATE)`,
  age: String.raw`^(?:[Aa]ge|AGE)(?:[ _-]?(?:[Yy]ears|YEARS|[Yy]rs|YRS))?$`,
} as const;

/** Entities that identify a person directly (everything but dates and postal codes, which are generalised). */
/** Identifier headers other than e-mail (e-mail columns get their own pseudonym step first; hashing it again would undo its format). */
const IDENTIFIER_NOT_EMAIL = PII_HEADERS.identifier.replace('|[Ee]-?[Mm]ail|E-?MAIL', '');
const DIRECT: EntityType[] = ['PERSON', 'EMAIL', 'PHONE', 'US_SSN', 'CREDIT_CARD', 'IBAN', 'IP_ADDRESS', 'MAC_ADDRESS', 'URL', 'UK_NINO', 'STREET_ADDRESS', 'PASSPORT', 'DRIVER_LICENSE', 'IDENTIFIER'];
/** Hash normalisation per entity: numbers compare by their letters and digits, names and addresses as text. */
const HASH_TEXT: EntityType[] = ['PERSON', 'STREET_ADDRESS', 'IP_ADDRESS', 'URL'];
const hashOf = (e: EntityType): OperatorSpecInput => ({ op: 'hash', length: 16, normalise: HASH_TEXT.includes(e) ? 'text' : 'identifier' });
const CARD_MASK: OperatorSpecInput = { op: 'mask', keepLast: 4 };

export const PRESETS: Record<string, Preset> = {
  standard: {
    name: 'standard',
    description:
      'Trim, collapse inner whitespace, NFC, missing-value tokens to missing (recorded, not imputed), e-mail standardisation in e-mail columns, coercion of unambiguous numbers and dates, exact duplicate rows removed. Invents no values; needs no parameters.',
    steps: [
      { id: 'trim', type: 'trim', params: {} },
      { id: 'collapse-whitespace', type: 'collapse_whitespace', params: {} },
      { id: 'nfc', type: 'normalize_unicode', params: { form: 'NFC' } },
      { id: 'missing-tokens', type: 'missing_tokens' },
      { id: 'email', type: 'standardize_email', columns: { detected: ['email'] }, params: {} },
      { id: 'numbers', type: 'coerce_number', columns: { detected: ['number'] } },
      { id: 'dates', type: 'coerce_date', columns: { detected: ['date'] } },
      { id: 'exact-duplicates', type: 'dedupe_exact', params: {} },
    ],
  },
  'hipaa-safe-harbor': {
    name: 'hipaa-safe-harbor',
    description:
      'HIPAA Safe Harbor (45 CFR 164.514(b)(2)) for the identifiers that appear in tables: names (type tokens), street addresses and cities, and phone, fax, e-mail, SSN, medical record, health plan, account, certificate/licence, vehicle and device numbers, URLs, IP addresses and other identifying numbers become type tokens (a column named like one but with nothing detected is redacted); ZIP codes keep their first three digits (restricted areas 000); dates related to a person keep only the year, and birth years of people aged 90 or over are pooled (<=YYYY); ages over 89 become 90+; the same identifiers inside free text become tokens. Photographs and biometrics are not table values and are not handled. Columns are chosen by what their values are and by their headers; check the run\'s notes for what was found.',
    steps: [
      { id: 'names', type: 'deidentify', columns: { pii: ['PERSON'], pattern: PII_HEADERS.name }, params: { scope: 'cell', operators: { ...each(DIRECT, token), default: token('PERSON') } } },
      { id: 'identifiers', type: 'deidentify', columns: { pii: DIRECT.filter((e) => e !== 'PERSON'), pattern: `${PII_HEADERS.address}|${PII_HEADERS.identifier}` }, params: { scope: 'cell', operators: { ...each(DIRECT, token), default: { op: 'redact' } } } },
      { id: 'zip3', type: 'generalise', columns: { pii: ['POSTAL_CODE'], pattern: PII_HEADERS.zip }, params: { kind: 'zip3' } },
      { id: 'birth-years', type: 'generalise', columns: { pii: ['DATE_OF_BIRTH'], pattern: PII_HEADERS.birth }, params: { kind: 'birth_year' } },
      { id: 'dates-to-year', type: 'generalise', columns: { pii: ['DATE'], pattern: PII_HEADERS.date }, params: { kind: 'date_year' } },
      { id: 'ages-over-89', type: 'generalise', columns: { pattern: PII_HEADERS.age }, params: { kind: 'age_band', width: 1 } },
      { id: 'free-text', type: 'deidentify', params: { scope: 'spans', operators: tokens({ DATE: { op: 'generalise', kind: 'date_year' }, DATE_OF_BIRTH: { op: 'generalise', kind: 'birth_year' } }) } },
    ],
  },
  'gdpr-pseudonymise': {
    name: 'gdpr-pseudonymise',
    description:
      'GDPR pseudonymisation (Art. 4(5)): direct identifiers — by what their values are, or by a header naming a name, phone, e-mail, account, licence, device or other identifier — become keyed hashes (HMAC-SHA-256 under the workspace key: the same value gives the same pseudonym in every file and run of this workspace, and cannot be reversed without the key); e-mail addresses become format-preserving pseudonyms at example.invalid; identifiers inside free text become type tokens. Keep the workspace key apart from the data: with it, pseudonyms can be recomputed.',
    steps: [
      { id: 'emails', type: 'deidentify', columns: { pii: ['EMAIL'] }, params: { scope: 'cell', operators: { EMAIL: { op: 'pseudonym', kind: 'email' } } } },
      { id: 'direct-identifiers', type: 'deidentify', columns: { pii: DIRECT.filter((e) => e !== 'EMAIL'), pattern: `${PII_HEADERS.name}|${IDENTIFIER_NOT_EMAIL}` }, params: { scope: 'cell', operators: { ...each(DIRECT.filter((e) => e !== 'EMAIL'), hashOf), default: hashOf('PERSON') } } },
      { id: 'free-text', type: 'deidentify', params: { scope: 'spans', operators: tokens() } },
    ],
  },
  pci: {
    name: 'pci',
    description: 'PCI DSS: card numbers are masked to their last four digits, in card columns and inside free text.',
    steps: [
      { id: 'cards', type: 'deidentify', columns: { pii: ['CREDIT_CARD'] }, params: { scope: 'cell', operators: { CREDIT_CARD: CARD_MASK } } },
      { id: 'card-spans', type: 'deidentify', params: { scope: 'spans', operators: { CREDIT_CARD: CARD_MASK } } },
    ],
  },
};

export const PRESET_NAMES = Object.keys(PRESETS);

/** The policy of one or more presets in the order given; step ids are prefixed `<preset>.`. */
export function presetPolicy(names: string[], author: string, at = new Date()): Policy {
  if (names.length === 0) throw new AppError('INVALID_ARGUMENT', 'Name at least one preset.');
  const steps: Step[] = [];
  for (const name of names) {
    const preset = PRESETS[name];
    if (!preset) throw new AppError('INVALID_ARGUMENT', `There is no preset "${name}"; the presets are ${PRESET_NAMES.join(', ')}.`);
    for (const s of preset.steps) steps.push(stepSchema.parse({ ...s, id: `${name}.${s.id}` }));
  }
  return { ...newPolicy(`preset ${names.join(',')}`, author, at), description: names.map((n) => PRESETS[n]?.description ?? '').join('\n'), steps };
}
