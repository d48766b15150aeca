// The cleaning rules that only JavaScript has — Unicode NFKC, title case, phone numbers
// (libphonenumber-js) — as pure functions over a batch of distinct values: what the worker pool
// runs (and what runs in-process for small batches). Each value gives its new value (`v`) or the
// reason it could not be handled (`f`; the value is kept and reported).
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export type ValueOutcome = { v: string } | { f: string };

export function nfkcValues(batch: { values: string[] }): ValueOutcome[] {
  return batch.values.map((v) => ({ v: v.normalize('NFKC') }));
}

/** Title case: the first letter of each word upper-cased (not after an apostrophe unless it starts a long name part: O'Brien, don't). */
export function titleCase(v: string): string {
  return v.toLocaleLowerCase('en').replace(/(^|[^\p{L}\p{M}'’])(\p{L})|(['’]\p{L}(?=\p{L}{2}))/gu, (m, pre: string | undefined, ch: string | undefined) => (ch ? `${pre ?? ''}${ch.toLocaleUpperCase('en')}` : m.toLocaleUpperCase('en')));
}

export function titleCaseValues(batch: { values: string[] }): ValueOutcome[] {
  return batch.values.map((v) => ({ v: titleCase(v) }));
}

/** E.164 of each value read with `region` as the default country; invalid numbers fail. */
export function phoneValues(batch: { values: string[]; region: string }): ValueOutcome[] {
  if (!isSupportedCountry(batch.region)) return batch.values.map(() => ({ f: `"${batch.region}" is not a supported region` }));
  const region = batch.region as CountryCode;
  return batch.values.map((v) => {
    if (v.trim() === '') return { v };
    const n = parsePhoneNumberFromString(v, region);
    return n?.isValid() ? { v: n.format('E.164') } : { f: 'not a valid phone number' };
  });
}
