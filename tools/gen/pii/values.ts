// Generators of one PII value each (a whole cell, or the span put into a sentence), with a `kind`
// that says which variant was drawn (issuer, region, format) so the benchmark can show where a
// recogniser misses. Every value is valid where a real one would be: Luhn, mod-97, SSN ranges,
// NINO prefixes, libphonenumber's number plans, VIN check digit.
import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';
import type { Rng } from '../prng';
import { NINO, ibanCheck, luhnDigit, ssnValid, vinCheck } from './checks';
import { UK_SUFFIXES, US_SUFFIXES, firstName, lastName, word } from './names';
import type { Chance } from 'chance';

export interface Value {
  text: string;
  kind: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const upper = (rng: Rng, n: number, from = 'ABCDEFGHJKLMNPRSTUVWXYZ') => Array.from({ length: n }, () => rng.pick([...from])).join('');
const group = (s: string, sizes: readonly number[], sep: string): string => {
  const out: string[] = [];
  let i = 0;
  for (const n of sizes) {
    out.push(s.slice(i, i + n));
    i += n;
  }
  if (i < s.length) out.push(s.slice(i));
  return out.filter(Boolean).join(sep);
};

export function person(rng: Rng): Value {
  const first = firstName(rng);
  const last = lastName(rng);
  const form = rng.weighted(['first last', 'first initial last', 'last, first', 'upper'], [6, 1.5, 1.5, 0.5]);
  if (form === 'first initial last') return { text: `${first} ${upper(rng, 1)}. ${last}`, kind: form };
  if (form === 'last, first') return { text: `${last}, ${first}`, kind: form };
  if (form === 'upper') return { text: `${first} ${last}`.toUpperCase(), kind: form };
  return { text: `${first} ${last}`, kind: form };
}

export function email(rng: Rng, c: Chance): Value {
  const f = firstName(rng).toLowerCase().normalize('NFD').replace(/[^a-z]/g, '') || 'x';
  const l = lastName(rng).toLowerCase().normalize('NFD').replace(/[^a-z]/g, '') || 'y';
  const local = rng.pick([`${f}.${l}`, `${f[0]}${l}`, `${f}_${l}${rng.int(1, 99)}`, `${l}.${f}`, `${f}${rng.int(1950, 2009)}`, `${f}+${word(c, 1).toLowerCase()}`]);
  const domain = rng.chance(0.4)
    ? rng.pick(['gmail.com', 'outlook.com', 'yahoo.co.uk', 'proton.me', 'icloud.com', 'web.de', 'orange.fr'])
    : `${word(c, rng.int(1, 3)).toLowerCase()}.${rng.pick(['com', 'org', 'net', 'co.uk', 'de', 'io', 'health', 'nhs.uk'])}`;
  return { text: `${local}@${domain}`, kind: domain.includes('.') && local.includes('+') ? 'plus tag' : 'plain' };
}

// National numbers drawn from each plan's real shapes, then kept only if libphonenumber's full
// metadata says the number is valid: the truth never holds a number that no plan allows.
const PLANS: Record<string, () => (rng: Rng) => string> = {
  US: () => (rng) => `${rng.pick(['201', '212', '213', '305', '312', '415', '512', '617', '646', '702', '713', '808', '917'])}${rng.int(2, 9)}${rng.digits(2)}${rng.digits(4)}`,
  GB: () => (rng) => rng.pick([`020${rng.pick(['7', '8', '3'])}${rng.digits(7)}`, `0161${rng.int(2, 9)}${rng.digits(6)}`, `07${rng.pick(['4', '5', '7', '8', '9'])}${rng.digits(8)}`, `0113${rng.int(2, 9)}${rng.digits(6)}`]),
  DE: () => (rng) => rng.pick([`030${rng.int(2, 9)}${rng.digits(7)}`, `015${rng.pick(['1', '2', '7'])}${rng.digits(8)}`, `089${rng.int(2, 9)}${rng.digits(7)}`]),
  FR: () => (rng) => `0${rng.pick(['1', '2', '3', '4', '5', '6', '7'])}${rng.digits(8)}`,
  IN: () => (rng) => `${rng.pick(['98', '99', '97', '91'])}${rng.digits(8)}`,
  AU: () => (rng) => `04${rng.digits(8)}`,
};

function phoneNumber(rng: Rng, region: CountryCode) {
  const draw = PLANS[region]!();
  for (let i = 0; i < 200; i++) {
    const n = parsePhoneNumberWithError(draw(rng), region);
    if (n.isValid()) return n;
  }
  throw new Error(`phone: no valid ${region} number in 200 draws`);
}

/** A phone number: US and GB in national and international forms, others international (the scan reads US, GB). */
export function phone(rng: Rng, opts: { bare?: boolean } = {}): Value {
  const region = rng.weighted(['US', 'GB', 'DE', 'FR', 'IN', 'AU'] as const, [4, 4, 1, 1, 0.5, 0.5]);
  const n = phoneNumber(rng, region);
  const national = region === 'US' || region === 'GB';
  const forms = region === 'US' ? ['national', 'international', 'dotted', 'dashed'] : region === 'GB' ? ['national', 'international', 'e164'] : ['international', 'e164'];
  if (opts.bare && national) forms.push('bare');
  const form = rng.pick(forms);
  const nat = String(n.nationalNumber);
  let text: string;
  if (form === 'national') text = n.formatNational();
  else if (form === 'international') text = n.formatInternational();
  else if (form === 'e164') text = n.number;
  else if (form === 'bare') text = region === 'GB' ? `0${nat}` : nat;
  else text = group(nat, [3, 3, 4], form === 'dotted' ? '.' : '-');
  return { text, kind: `${region} ${form}` };
}

export function ssn(rng: Rng, opts: { bare?: boolean } = {}): Value {
  for (;;) {
    const d = `${pad(rng.int(1, 899), 3)}${pad(rng.int(1, 99))}${pad(rng.int(1, 9999), 4)}`;
    if (!ssnValid(d) || d === '078051120' || d === '123456789' || d === '219099999') continue;
    const form = rng.weighted(['dashed', 'spaced', ...(opts.bare ? ['bare'] : [])], [7, 1.5, 1.5]);
    return { text: form === 'bare' ? d : group(d, [3, 2, 4], form === 'dashed' ? '-' : ' '), kind: form };
  }
}

const ISSUERS: readonly { name: string; prefix: (rng: Rng) => string; length: number; groups: number[] }[] = [
  { name: 'Visa', prefix: () => '4', length: 16, groups: [4, 4, 4, 4] },
  { name: 'Mastercard', prefix: (rng) => String(rng.int(51, 55)), length: 16, groups: [4, 4, 4, 4] },
  { name: 'Mastercard 2-series', prefix: (rng) => String(rng.int(2221, 2720)), length: 16, groups: [4, 4, 4, 4] },
  { name: 'Amex', prefix: (rng) => rng.pick(['34', '37']), length: 15, groups: [4, 6, 5] },
  { name: 'Discover', prefix: (rng) => rng.pick(['6011', '65']), length: 16, groups: [4, 4, 4, 4] },
  { name: 'JCB', prefix: (rng) => String(rng.int(3528, 3589)), length: 16, groups: [4, 4, 4, 4] },
  { name: 'Diners', prefix: () => '36', length: 14, groups: [4, 6, 4] },
];

export function card(rng: Rng): Value {
  const issuer = rng.weighted(ISSUERS, [4, 2, 1, 1.5, 1, 0.5, 0.3]);
  const p = issuer.prefix(rng);
  const body = p + rng.digits(issuer.length - 1 - p.length);
  const digits = body + String(luhnDigit(body));
  const form = rng.weighted(['spaced', 'dashed', 'compact'], [5, 2, 3]);
  return { text: form === 'compact' ? digits : group(digits, issuer.groups, form === 'spaced' ? ' ' : '-'), kind: `${issuer.name} ${form}` };
}

const IBAN_BBAN: Record<string, (rng: Rng) => string> = {
  GB: (rng) => `${upper(rng, 4, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}${rng.digits(14)}`,
  DE: (rng) => rng.digits(18),
  FR: (rng) => rng.digits(23),
  ES: (rng) => rng.digits(20),
  IT: (rng) => `${upper(rng, 1)}${rng.digits(22)}`,
  NL: (rng) => `${upper(rng, 4, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}${rng.digits(10)}`,
  BE: (rng) => rng.digits(12),
  CH: (rng) => rng.digits(17),
  IE: (rng) => `${upper(rng, 4, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}${rng.digits(14)}`,
  PL: (rng) => rng.digits(24),
};

export function iban(rng: Rng): Value {
  const country = rng.pick(Object.keys(IBAN_BBAN));
  const bban = IBAN_BBAN[country]!(rng);
  const compact = `${country}${ibanCheck(country, bban)}${bban}`;
  const print = rng.chance(0.6);
  return { text: print ? compact.replace(/(.{4})(?=.)/g, '$1 ') : compact, kind: `${country} ${print ? 'print' : 'electronic'}` };
}

export function ip(rng: Rng): Value {
  if (rng.chance(0.7)) {
    const first = rng.pick([10, 172, 192, rng.int(11, 223)]);
    return { text: [first, rng.int(0, 255), rng.int(0, 255), rng.int(1, 254)].join('.'), kind: 'v4' };
  }
  const groups = Array.from({ length: 8 }, () => rng.int(0, 0xffff).toString(16));
  if (rng.chance(0.5)) return { text: `2001:db8:${groups.slice(2).join(':')}`, kind: 'v6 full' };
  return { text: `${rng.pick(['fe80', '2001:db8', '2a02:c7f'])}::${groups.slice(0, rng.int(2, 4)).map((g) => (g === '0' ? 'a1' : g)).join(':')}`, kind: 'v6 compressed' };
}

export function mac(rng: Rng): Value {
  const bytes = Array.from({ length: 6 }, () => rng.int(0, 255).toString(16).padStart(2, '0'));
  bytes[0] = (Number.parseInt(bytes[0]!, 16) | 0x02).toString(16).padStart(2, '0');
  const hex = rng.chance(0.5) ? bytes.map((b) => b.toUpperCase()) : bytes;
  const form = rng.weighted(['colon', 'dash', 'dotted'], [6, 3, 1]);
  if (form === 'dotted') return { text: group(bytes.join(''), [4, 4, 4], '.'), kind: form };
  return { text: hex.join(form === 'colon' ? ':' : '-'), kind: form };
}

export function url(rng: Rng, c: Chance): Value {
  const host = `${word(c, rng.int(1, 3)).toLowerCase()}.${rng.pick(['com', 'org', 'net', 'co.uk', 'de', 'io'])}`;
  const path = rng.chance(0.6) ? `/${word(c, 2).toLowerCase()}/${rng.int(1, 9999)}` : '';
  const query = rng.chance(0.3) ? `?id=${rng.digits(6)}&ref=${word(c, 1).toLowerCase()}` : '';
  const form = rng.weighted(['https', 'http', 'www'], [6, 2, 2]);
  const prefix = form === 'www' ? 'www.' : `${form}://${rng.chance(0.5) ? 'www.' : ''}`;
  return { text: `${prefix}${host}${path}${query}`, kind: form };
}

const UK_AREAS = ['AB', 'B', 'BS', 'CB', 'CF', 'E', 'EC', 'EH', 'G', 'L', 'LS', 'M', 'N', 'NE', 'NW', 'OX', 'S', 'SE', 'SW', 'W', 'WC', 'YO'];
const UK_UNIT = 'ABDEFGHJLNPQRSTUWXYZ';

export function postcode(rng: Rng): Value {
  if (rng.chance(0.5)) {
    const zip = pad(rng.int(1001, 99950), 5);
    return rng.chance(0.25) ? { text: `${zip}-${rng.digits(4)}`, kind: 'US ZIP+4' } : { text: zip, kind: 'US ZIP' };
  }
  const outward = `${rng.pick(UK_AREAS)}${rng.int(1, 20)}`;
  const inward = `${rng.int(0, 9)}${upper(rng, 2, UK_UNIT)}`;
  return rng.chance(0.9) ? { text: `${outward} ${inward}`, kind: 'UK postcode' } : { text: `${outward}${inward}`, kind: 'UK postcode (no space)' };
}

export function nino(rng: Rng): Value {
  for (;;) {
    const prefix = rng.pick([...NINO.first]) + rng.pick([...NINO.second]);
    if (NINO.excluded.has(prefix)) continue;
    const d = rng.digits(6);
    const suffix = rng.pick(['A', 'B', 'C', 'D']);
    return rng.chance(0.6) ? { text: `${prefix}${d}${suffix}`, kind: 'compact' } : { text: `${prefix} ${group(d, [2, 2, 2], ' ')} ${suffix}`, kind: 'spaced' };
  }
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function ymd(rng: Rng, from: number, to: number): Ymd {
  return { y: rng.int(from, to), m: rng.int(1, 12), d: rng.int(1, 28) };
}

/** A date in one of the written forms people use. */
export function formatDate(rng: Rng, t: Ymd): Value {
  const form = rng.weighted(['iso', 'dd/mm/yyyy', 'mm/dd/yyyy', 'dd.mm.yyyy', 'd month yyyy', 'month d, yyyy'], [3, 2, 2, 1, 1.5, 1.5]);
  const month = MONTHS[t.m - 1]!;
  const text =
    form === 'iso' ? `${t.y}-${pad(t.m)}-${pad(t.d)}`
    : form === 'dd/mm/yyyy' ? `${pad(t.d)}/${pad(t.m)}/${t.y}`
    : form === 'mm/dd/yyyy' ? `${pad(t.m)}/${pad(t.d)}/${t.y}`
    : form === 'dd.mm.yyyy' ? `${pad(t.d)}.${pad(t.m)}.${t.y}`
    : form === 'd month yyyy' ? `${t.d} ${rng.chance(0.3) ? month.slice(0, 3) : month} ${t.y}`
    : `${rng.chance(0.3) ? month.slice(0, 3) : month} ${t.d}, ${t.y}`;
  return { text, kind: form };
}

export const birthDate = (rng: Rng): Value => formatDate(rng, ymd(rng, 1930, 2010));
/** A person-related event date (admission, discharge, death, service): recent years. */
export const eventDate = (rng: Rng): Value => formatDate(rng, ymd(rng, 2015, 2025));

export function street(rng: Rng, c: Chance): Value {
  const uk = rng.chance(0.4);
  const name = rng.chance(0.5) ? word(c, rng.int(2, 3)) : lastName(rng);
  const num = rng.int(1, uk ? 250 : 9999);
  if (uk) {
    const s = rng.pick(UK_SUFFIXES).name;
    return rng.chance(0.2) ? { text: `Flat ${rng.int(1, 30)}, ${num} ${name} ${s}`, kind: 'UK flat' } : { text: `${num} ${name} ${s}`, kind: 'UK' };
  }
  const s = rng.pick(US_SUFFIXES);
  const dir = rng.chance(0.2) ? `${rng.pick(['N', 'S', 'E', 'W'])} ` : '';
  const unit = rng.chance(0.2) ? ` ${rng.pick(['Apt', 'Suite', 'Unit'])} ${rng.int(1, 40)}${rng.chance(0.3) ? upper(rng, 1, 'ABCD') : ''}` : '';
  return { text: `${num} ${dir}${name} ${rng.chance(0.5) ? s.name : s.abbreviation}${unit}`, kind: unit ? 'US with unit' : 'US' };
}

export function passport(rng: Rng): Value {
  const form = rng.pick(['US', 'US next-gen', 'UK', 'DE', 'FR']);
  if (form === 'US' || form === 'UK') return { text: `${rng.int(1, 9)}${rng.digits(8)}`, kind: form };
  if (form === 'US next-gen') return { text: `${upper(rng, 1, 'ACEFGHJKLMNPRSTUVWXYZ')}${rng.digits(8)}`, kind: form };
  if (form === 'DE') return { text: `C${upper(rng, 8, 'CFGHJKLMNPRTVWXYZ0123456789')}`, kind: form };
  return { text: `${rng.digits(2)}${upper(rng, 2)}${rng.digits(5)}`, kind: form };
}

export function driverLicense(rng: Rng): Value {
  const form = rng.pick(['CA', 'FL', 'NY', 'UK DVLA']);
  if (form === 'CA') return { text: `${upper(rng, 1)}${rng.digits(7)}`, kind: form };
  if (form === 'FL') return { text: `${upper(rng, 1)}${rng.digits(3)}-${rng.digits(3)}-${rng.digits(2)}-${rng.digits(3)}-${rng.digits(1)}`, kind: form };
  if (form === 'NY') return { text: group(`${rng.int(1, 9)}${rng.digits(8)}`, [3, 3, 3], ' '), kind: form };
  const sur = lastName(rng).toUpperCase().replace(/[^A-Z]/g, '').padEnd(5, '9').slice(0, 5);
  const y = rng.int(40, 99);
  return { text: `${sur}${String(y)[0]}${pad(rng.int(1, 12) + (rng.chance(0.5) ? 50 : 0))}${pad(rng.int(1, 28))}${String(y)[1]}${upper(rng, 2)}9${upper(rng, 2, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789')}`, kind: form };
}

/** Medical record, health-plan, account and vehicle numbers (the IDENTIFIER family). */
export function identifier(rng: Rng, kinds: readonly string[] = ['MRN', 'health plan', 'account', 'VIN']): Value {
  const kind = rng.pick(kinds);
  if (kind === 'MRN') return { text: rng.pick([`MRN${rng.digits(7)}`, `${rng.digits(8)}`, `H${rng.digits(6)}`]), kind };
  if (kind === 'health plan') return { text: rng.pick([`W${rng.digits(9)}`, `${upper(rng, 3)}${rng.digits(9)}`, `HP-${rng.digits(8)}`]), kind };
  if (kind === 'account') return { text: rng.pick([`ACC-${rng.digits(7)}`, `${rng.digits(4)}-${rng.digits(6)}`, `AC${rng.digits(8)}`]), kind };
  const alpha = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
  const raw = `${rng.pick(['1HG', '1FT', '2T1', 'JHM', 'WVW', '5YJ', '3VW'])}${upper(rng, 5, alpha)}0${upper(rng, 1, 'ABCDEFGHJKLMNPRSTVWXY')}${upper(rng, 1, alpha)}${rng.digits(6)}`;
  return { text: raw.slice(0, 8) + vinCheck(raw) + raw.slice(9), kind };
}
