// What libphonenumber-js's text scanner (findPhoneNumbersInText) finds in one digit run of the phone
// recogniser, known from one parse of the whole run where that settles it: the scanner builds a
// matcher (a dozen regexes) and retries the run piece by piece, several times a parse's cost.
//
// Why the shortcut gives the scanner's answer (libphonenumber-js 1.13, PhoneNumberMatcher.js and
// findNumbers/*; keep this in step when the library is upgraded — test/unit/pii-phone-runs.test.ts
// compares both on a table of runs). A run here is [+(]?digit…digit over digits, ' ', ( ) . / - and
// ':' (DIGIT_RUN in phone.ts); a long run's window that starts or ends otherwise goes to the
// scanner. The scanner:
//  1. matches its PATTERN — up to two lead characters ( or +, then up to 21 blocks of 1–20 digits,
//     each after at most 4 punctuation characters (space ( ) . / - are punctuation, ':' is not).
//     Without ':', without 5 punctuation characters in a row and with at most 21 blocks (counted
//     greedily, 20 digits a block) the first match is the whole run, so there is one candidate;
//     otherwise we ask the scanner (`oneCandidate`).
//  2. drops a candidate holding a slash date (SLASH_SEPARATED_DATES) — and with it the whole run, as
//     the search goes on after the candidate; the time-stamp rule needs a ':' after it, and there is
//     none. parsePreCandidate only cuts at '/ x', and a run holds no 'x'.
//  3. parseAndVerify(candidate): brackets must pair up and no publication pages (isValidCandidate;
//     the neighbour checks do not apply to a candidate that is the whole text), then
//     parsePhoneNumber(candidate, { defaultCountry }), isPossible(), and leniency VALID — isValid()
//     plus 'x' checks that a run without 'x' always passes. A valid whole run is the only match:
//     the search resumes at its end, which is the end of the run. `verify` is that check.
//  4. otherwise extractInnerMatch tries pieces: for each INNER_MATCHES pattern in turn, the text
//     before its first match and each match's group, trailing punctuation trimmed; the first valid
//     piece is a match and the search goes on after it. `innerCandidates` lists those pieces. A
//     piece can only be valid if it holds enough digits (`minDigits`, below); pieces that do are
//     verified, and if any is valid we ask the scanner for the exact matches (rare: a valid number
//     inside a run that is not one). With no valid piece the scanner finds nothing.
//
// The digit bound (`minDigits`): a valid number's national significant number (NSN) has a length in
// its country's possibleLengths (isPossible). The NSN is made of the candidate's digits minus the
// calling code, the IDD prefix, the national prefix and carrier code, plus the literal digits a
// national-prefix transform rule inserts ('0549$1' inserts 4). So a candidate written
//  - with '+' holds at least len(CC) + minLength(CC's countries) − inserted(CC's main plan) digits,
//    for some calling code CC;
//  - with the region's IDD prefix, at least minIdd(region) + that;
//  - nationally, at least minLength(countries sharing the region's calling code) − inserted(region's
//    plan or its calling code's main plan), the two plans parse() may apply.

import { findPhoneNumbersInText, Metadata, parsePhoneNumberFromString, type CountryCode, type PhoneNumber, type NumberFound } from 'libphonenumber-js/max';

// Copied from libphonenumber-js findNumbers/isValidCandidate.js and isValidPreCandidate.js.
const OPENING_PARENS = '(\\[\uFF08\uFF3B';
const CLOSING_PARENS = ')\\]\uFF09\uFF3D';
const NON_PARENS = `[^${OPENING_PARENS}${CLOSING_PARENS}]`;
const MATCHING_BRACKETS_ENTIRE = new RegExp(`^(?:[${OPENING_PARENS}])?(?:${NON_PARENS}+[${CLOSING_PARENS}])?${NON_PARENS}+(?:[${OPENING_PARENS}]${NON_PARENS}+[${CLOSING_PARENS}]){0,3}${NON_PARENS}*$`);
const PUB_PAGES = /\d{1,5}-+\d{1,5}\s{0,4}\(\d{1,4}/;
const SLASH_SEPARATED_DATES = /(?:(?:[0-3]?\d\/[01]?\d)|(?:[01]?\d\/[0-3]?\d))\/(?:[12]\d)?\d{2}/;

// PhoneNumberMatcher.js INNER_MATCHES with its white space class (pZ) narrowed to ' ', the only
// white space a run holds; the wide-hyphen pattern is left out, as a run holds no wide hyphen.
const INNER_MATCHES = [/\/+(.*)/g, /(\([^(]*)/g, /(?: -|- ) *(.+)/g, /\.+ *([^.]+)/g, / +([^ ]+)/g];
// UNWANTED_END_CHAR_PATTERN (anything but a number, a letter or '#') on a run's characters.
const UNWANTED_END = /[^0-9#]+$/;

/**
 * A run the scanner reads as one candidate: no character outside the shortcut's argument, no ':',
 * and starting and ending as PATTERN does — a long run's window may start or end in punctuation.
 */
const PLAIN_RUN = /^[+(]?\d(?:[\d ()./-]*\d)?$/;

function oneCandidate(run: string): boolean {
  if (run.length > 250 || !PLAIN_RUN.test(run)) return false;
  let blocks = 0;
  let digits = 0;
  let punct = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits % 20 === 0) blocks++;
      digits++;
      punct = 0;
    } else if (i > 0 || run[0] === '(') {
      // The run's first character is a lead character, not punctuation, unless it is '('.
      if (++punct > 4) return false;
      digits = 0;
    }
  }
  return blocks <= 21;
}

/** The pieces extractInnerMatch tries, in its order (duplicates kept: order matters, not cost). */
export function innerCandidates(run: string): string[] {
  const out: string[] = [];
  for (const re of INNER_MATCHES) {
    re.lastIndex = 0;
    let first = true;
    for (let m = re.exec(run); m !== null; m = re.exec(run)) {
      if (first) out.push(run.slice(0, m.index).replace(UNWANTED_END, ''));
      first = false;
      out.push((m[1] ?? '').replace(UNWANTED_END, ''));
      if (m[0] === '') re.lastIndex++;
    }
  }
  return out;
}

/** parseAndVerify's verdict on a candidate that is the whole text (step 3 above). */
function verify(candidate: string, region: CountryCode | undefined): PhoneNumber | undefined {
  if (!MATCHING_BRACKETS_ENTIRE.test(candidate) || PUB_PAGES.test(candidate)) return undefined;
  const number = parsePhoneNumberFromString(candidate, region === undefined ? {} : { defaultCountry: region });
  return number !== undefined && number.isPossible() && number.isValid() ? number : undefined;
}

// The library's typings stop at selectNumberingPlan; these are the numbering-plan getters it has
// (a field the metadata leaves out reads as 0 or undefined, hence `unknown`).
interface Plan {
  callingCode(): string;
  possibleLengths(): number[] | undefined;
  IDDPrefix(): unknown;
  nationalPrefixTransformRule(): unknown;
}
interface Meta {
  metadata: { country_calling_codes: Record<string, string[]> };
  numberingPlan: Plan;
  selectNumberingPlan(countryOrCallingCode: string): void;
}

/** Digits a transform rule inserts: every digit of the rule that is not a group reference ($1). */
function inserted(rule: unknown): number {
  return typeof rule !== 'string' ? 0 : rule.replace(/\$\d/g, '').replace(/\D/g, '').length;
}

interface Bounds {
  /** Fewest digits of a valid number written with '+'. */
  plus: number;
  /** Fewest digits of a valid number in this region, written without '+'. */
  region: Map<string, number>;
}

let bounds: Bounds | undefined;

function plan(meta: Meta, code: string): Plan {
  meta.selectNumberingPlan(code);
  return meta.numberingPlan;
}

/** Shortest possible NSN among the countries of a calling code ('001' = its non-geographic plan). */
function shortestNsn(meta: Meta, callingCode: string): number {
  const countries = meta.metadata.country_calling_codes[callingCode] ?? [];
  const lengths = countries.map((c) => plan(meta, c === '001' ? callingCode : c).possibleLengths()?.[0] ?? 0);
  // No possibleLengths means isPossible() does not check length: no bound at all.
  return Math.min(...lengths, plan(meta, callingCode).possibleLengths()?.[0] ?? 0);
}

function plusBound(meta: Meta): number {
  let min = Infinity;
  for (const cc of Object.keys(meta.metadata.country_calling_codes)) {
    min = Math.min(min, cc.length + Math.max(0, shortestNsn(meta, cc) - inserted(plan(meta, cc).nationalPrefixTransformRule())));
  }
  return min;
}

/** Fewest digits a match of the region's IDD prefix can have (0, 1, 2, or at least 3). */
function shortestIdd(meta: Meta, region: string): number {
  const idd = plan(meta, region).IDDPrefix();
  // Every plan has one; were one missing, no bound is the safe answer.
  if (typeof idd !== 'string') return 0;
  const whole = new RegExp(`^(?:${idd})$`);
  for (let len = 0; len < 3; len++) {
    for (let n = 0; n < 10 ** len; n++) if (whole.test(len === 0 ? '' : String(n).padStart(len, '0'))) return len;
  }
  return 3;
}

function boundsFor(region: CountryCode | undefined): { plus: number; other: number } {
  const meta = new Metadata() as unknown as Meta;
  bounds ??= { plus: plusBound(meta), region: new Map() };
  if (region === undefined) return { plus: bounds.plus, other: Infinity };
  let other = bounds.region.get(region);
  if (other === undefined) {
    const own = plan(meta, region);
    const cc = own.callingCode();
    const ownInserted = inserted(own.nationalPrefixTransformRule());
    const national = shortestNsn(meta, cc) - Math.max(ownInserted, inserted(plan(meta, cc).nationalPrefixTransformRule()));
    other = Math.min(national, shortestIdd(meta, region) + bounds.plus);
    bounds.region.set(region, other);
  }
  return { plus: bounds.plus, other };
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) n++;
  return n;
}

/** Whether some piece extractInnerMatch tries could be a valid number (step 4 above). */
function innerMatchPossible(run: string, region: CountryCode | undefined): boolean {
  const { plus, other } = boundsFor(region);
  // The whole run is known invalid here; a piece met twice ('(' and ' ' give the same) has one verdict.
  const tried = new Set([run]);
  for (const piece of innerCandidates(run)) {
    if (tried.has(piece)) continue;
    tried.add(piece);
    // parse() reads from the first '+' or digit; a piece starting '+' is read internationally.
    const international = /^[^+\d]*\+/.test(piece);
    if (digitCount(piece) >= (international ? plus : other) && verify(piece, region) !== undefined) return true;
  }
  return false;
}

/** A run's parse with '+', the same for every region (the calling code is read from the number). */
export interface RunMemo {
  plus?: PhoneNumber | null;
}

/**
 * Exactly findPhoneNumbersInText(run, { defaultCountry: region }). `memo` carries the whole run's
 * parse from one region to the next when the run starts with '+'.
 */
export function readRun(run: string, region: CountryCode | undefined, memo: RunMemo = {}): NumberFound[] {
  const scan = (): NumberFound[] => findPhoneNumbersInText(run, region === undefined ? {} : { defaultCountry: region });
  if (!oneCandidate(run)) return scan();
  if (SLASH_SEPARATED_DATES.test(run)) return [];
  let whole: PhoneNumber | null;
  if (run.startsWith('+')) whole = memo.plus ??= verify(run, region) ?? null;
  else whole = verify(run, region) ?? null;
  if (whole !== null) return [{ startsAt: 0, endsAt: run.length, number: whole }];
  return innerMatchPossible(run, region) ? scan() : [];
}
