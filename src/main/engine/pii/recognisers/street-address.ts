// Street addresses: a house number, a street name and a street type from the shipped lists
// (resources/pii/streets: "221B Baker Street", "1600 Pennsylvania Ave NW"), the type first in
// French, Spanish, Italian and Portuguese ("12 rue de la Paix", "Via Roma 10"), compounds with the
// number after in German and Dutch ("Hauptstraße 5", "Berliner Str. 12", "Kerkstraat 12"), an
// optional unit (Apt 4B, Flat 2, Suite 300), and PO boxes. In an address column the whole value.
// Words are looked up in Sets, one per token; outside an address column street words must be capitalised.

import { contextWords, finding, type Evidence } from '../evidence';
import type { RawFinding, Recogniser, ScanContext } from '../types';
import { wordLists } from '../wordlists';

const CONTEXT = contextWords(['address', 'addr', 'lives at', 'living at', 'resides', 'residing', 'located at', 'mail to', 'send to', 'deliver to', 'home', 'adresse', 'anschrift', 'wohnhaft', 'dirección', 'domicilio', 'indirizzo']);
const HEADER = contextWords(['address', 'addr', 'street', 'address line', 'address1', 'address 1', 'address2', 'residence', 'adresse', 'anschrift', 'straße', 'strasse', 'dirección', 'direccion', 'domicilio', 'indirizzo', 'adres', 'morada', 'endereço']);
// "Email address", "IP address", "MAC address", "web address": addresses, but not streets.
const NOT_STREET_HEADER = contextWords(['email', 'e-mail', 'mail', 'ip', 'ipv4', 'ipv6', 'mac', 'web', 'url', 'host', 'server', 'wallet', 'bitcoin', 'btc', 'memory', 'network', 'link', 'sip', 'ethernet', 'hardware']);
const DIRECTIONS = new Set(['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest']);
const PARTICLES = new Set(['de', 'la', 'le', 'les', 'du', 'des', 'del', 'della', 'dei', 'di', 'da', 'do', 'dos', 'das', 'von', 'der', 'am', 'an', 'of', 'the', 'y', 'e', 'l', 'd']);
const YEAR_WORDS = new Set(['in', 'since', 'from', 'until', 'till', 'by', 'of', 'circa', 'year', 'before', 'after', 'during', 'around']);

const UNIT_AFTER = /^,? ?(?:apt|apartment|unit|suite|ste|flat|floor|fl|room|rm|bldg|#)\.? ?#? ?[a-z0-9][a-z0-9-]{0,5}(?![\p{L}\p{N}])/iu;
const UNIT_BEFORE = /(?<![\p{L}\p{N}])(?:apt|apartment|unit|suite|ste|flat)\.? ?#? ?[a-z0-9][a-z0-9-]{0,5},? {1,2}$/iu;
const PO_BOX = /(?<![\p{L}\p{N}])(?:p\.? ?o\.? ?box|post office box|postfach|apartado(?: de correos)?|casella postale|boîte postale)\s*#?\s*\d{1,6}(?![\p{L}\p{N}])/giu;

interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  cap: boolean;
  kind: 'word' | 'number' | 'ordinal';
}

const TOKEN = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|\d+(?:[-–/]\d+)?[\p{L}]{0,2}(?![\p{N}])/gu;
const HOUSE = /^\d{1,5}(?:[-–/]\d{1,5})?[a-z]?$/i;
const ORDINAL = /^\d{1,3}(?:st|nd|rd|th)$/i;

/** The tokens of text[from, to) with offsets into the whole text. */
function tokens(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(part); m !== null; m = TOKEN.exec(part)) {
    m.index += from;
    const s = m[0];
    const digit = s.charCodeAt(0) >= 48 && s.charCodeAt(0) <= 57;
    const kind = !digit ? 'word' : ORDINAL.test(s) ? 'ordinal' : HOUSE.test(s) ? 'number' : undefined;
    if (kind === undefined) {
      out.push({ start: m.index, end: m.index + s.length, text: s, lower: '', cap: false, kind: 'word' });
      continue;
    }
    out.push({ start: m.index, end: m.index + s.length, text: s, lower: s.toLowerCase(), cap: kind !== 'word' || s[0] !== s[0]?.toLowerCase(), kind });
  }
  return out;
}

/** Spaces only between a and b (a dot after an abbreviation, a comma where `comma`). */
function joined(text: string, a: Token, b: Token, comma = false): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === ' ' || gap === '  ' || gap === '. ' || (comma && (gap === ', ' || gap === ','));
}

interface Match {
  start: number;
  end: number;
  pattern: string;
}

/** A house number standing alone: not a decimal, amount or part of a longer number, nor a year after "in". */
function houseNumber(text: string, toks: Token[], i: number): boolean {
  const t = toks[i]!;
  if (t.kind !== 'number') return false;
  if (/[\p{N}.,$€£#:/-]/u.test(text[t.start - 1] ?? '')) return false;
  if (/^[.,:]\d/.test(text.slice(t.end, t.end + 2))) return false;
  const prev = toks[i - 1];
  return !(/^(?:19|20)\d\d$/.test(t.text) && prev !== undefined && YEAR_WORDS.has(prev.text.toLowerCase()));
}

const isWord = (t: Token | undefined, any: boolean): boolean => t !== undefined && t.kind === 'word' && (t.cap || any);

// "3 PM Dr. Patel", "12 March Dr. Kowalski", "Mon 4 Sept St. John": a time or a date before the title, not a street's name.
export const TIME_OR_DATE = /^(?:am|pm|a\.m|p\.m|hrs?|h|mins?|noon|midnight|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|today|tomorrow|yesterday)$/i;

/** "221B Baker Street", "1600 Pennsylvania Ave NW", "350 W 42nd St". */
function numberFirst(text: string, toks: Token[], i: number, any: boolean, suffixes: Set<string>): Match | undefined {
  let names = 0;
  let dated = false;
  // "… 23 Dec 2012. Patient Fabio Brooks": a number ending a sentence is no house number.
  if (text[toks[i]!.end] === '.') return undefined;
  for (let j = i + 1; j < toks.length && j <= i + 6; j++) {
    const t = toks[j]!;
    if (!joined(text, toks[j - 1]!, t)) return undefined;
    if (t.kind === 'ordinal') {
      names++;
      continue;
    }
    if (!isWord(t, any)) return undefined;
    const key = t.text.toLowerCase();
    dated ||= TIME_OR_DATE.test(key);
    if (names > 0 && suffixes.has(key)) {
      // "3 PM Dr. Patel", "12 March Dr. Kowalski": Dr and St after a time or a date are titles ("176 May Gardens" stays a street).
      if (dated && (key === 'dr' || key === 'st')) return undefined;
      const dir = toks[j + 1];
      const end = dir !== undefined && joined(text, t, dir) && DIRECTIONS.has(dir.text.toLowerCase()) && dir.text === dir.text.toUpperCase() ? dir.end : t.end;
      return { start: toks[i]!.start, end, pattern: 'house number + street + type' };
    }
    names++;
  }
  return undefined;
}

// Numbered places inside a building or site: what follows their number is a unit's name, not a street.
const PLACE_IN_BUILDING = new Set(['ward', 'bay', 'bed', 'room', 'rm', 'unit', 'suite', 'ste', 'floor', 'fl', 'level', 'cubicle', 'theatre', 'theater', 'clinic', 'block', 'wing', 'building', 'bldg', 'pod', 'side', 'station', 'gate', 'page', 'no', 'number', 'table', 'desk', 'counter', 'window', 'booth', 'chair', 'cot', 'bedspace']);

// British streets named "The …" without a type: "8450 The Dell", "10 The Spinney" (the types, "3 The Green", are read by numberFirst).
const THE_NAMES = new Set(['dell', 'spinney', 'glebe', 'maltings', 'copse', 'coppice', 'limes', 'elms', 'beeches', 'firs', 'laurels', 'willows', 'oaks', 'cedars', 'pines', 'poplars', 'larches', 'hollies', 'chestnuts', 'birches', 'rowans', 'sycamores', 'hawthorns', 'brambles', 'dene', 'nook', 'quadrant', 'sidings', 'spires', 'wharf', 'broadway', 'drove', 'rookery', 'leas', 'leys', 'croft', 'crofts', 'pastures', 'uplands', 'ridings', 'hollow', 'courtyard', 'priory', 'cloisters', 'vale', 'wynd', 'yard', 'causeway', 'pound', 'stables', 'granary', 'orchards', 'meadow', 'paddocks', 'shires', 'grange', 'manor', 'lawns', 'lindens', 'hurst', 'knoll', 'combe', 'coombe', 'dingle', 'glen', 'heath', 'moorings', 'quay', 'slipway']);

/** "8450 The Dell": a house number, "The" and one or two capitalised words, the last a street word (or with address evidence). */
function numberThe(text: string, toks: Token[], i: number, evidence: (start: number, end: number) => boolean): Match | undefined {
  const the = toks[i + 1];
  if (the === undefined || the.text !== 'The' || text.slice(toks[i]!.end, the.start) !== ' ') return undefined;
  // "Ward 9 The Beeches", "Bay 3 The Firs": a ward's or a bed's number before a named unit, not a house number.
  const prev = toks[i - 1];
  if (prev !== undefined && PLACE_IN_BUILDING.has(prev.text.toLowerCase()) && joined(text, prev, toks[i]!)) return undefined;
  for (let j = i + 2; j < toks.length && j <= i + 3; j++) {
    const t = toks[j]!;
    if (!joined(text, toks[j - 1]!, t) || !isWord(t, false)) return undefined;
    const m = { start: toks[i]!.start, end: t.end, pattern: 'house number + The + name' };
    const next = toks[j + 1];
    const more = next !== undefined && joined(text, t, next) && isWord(next, false) && j < i + 3;
    if (!more && (THE_NAMES.has(t.text.toLowerCase()) || evidence(m.start, m.end))) return m;
  }
  return undefined;
}

/** Street name words after a type written first: capitalised words and lower-case particles, ending on a capitalised one. */
function nameAfter(text: string, toks: Token[], from: number, any: boolean): number {
  let last = -1;
  for (let j = from; j < toks.length && j < from + 6; j++) {
    const t = toks[j]!;
    if (!joined(text, toks[j - 1]!, t) || t.kind === 'number') break;
    const lower = t.text.toLowerCase();
    const elided = /^[dl]['’]\p{Lu}/u.test(t.text);
    if (isWord(t, any) || elided || t.kind === 'ordinal') last = j;
    else if (!PARTICLES.has(lower)) break;
  }
  return last;
}

/** "12 rue de la Paix", "12, avenue des Champs-Élysées". */
function numberThenType(text: string, toks: Token[], i: number, any: boolean, prefixes: Set<string>): Match | undefined {
  const type = toks[i + 1];
  if (type === undefined || type.kind !== 'word' || !joined(text, toks[i]!, type, true) || !prefixes.has(type.text.toLowerCase())) return undefined;
  const last = nameAfter(text, toks, i + 2, any);
  return last < 0 ? undefined : { start: toks[i]!.start, end: toks[last]!.end, pattern: 'house number + type + street' };
}

// German streets named with a preposition: "Am Markt 3", "An der Kirche 5", "Zur Mühle 2".
const GERMAN_PLACE = new Set(['am', 'im', 'zum', 'zur', 'beim']);
const GERMAN_PLACE_WITH_ARTICLE = new Set(['an', 'auf', 'in', 'hinter', 'unter', 'vor', 'bei']);
const ARTICLES = new Set(['der', 'den', 'dem']);
const NO_NUMBER = /^,? ?s\/n\b/i;
// A digit, or Spanish "s/n" (sin número, no house number).
const HOUSE_NUMBER_ANY = /\d|(?<![\p{L}])s\/n(?![\p{L}])/iu;

function streetType(toks: Token[], i: number, prefixes: Set<string>): number {
  const t = toks[i]!;
  if (!t.cap || t.kind !== 'word') return -1;
  const lower = t.text.toLowerCase();
  if (prefixes.has(lower) || GERMAN_PLACE.has(lower)) return i + 1;
  const article = toks[i + 1];
  return GERMAN_PLACE_WITH_ARTICLE.has(lower) && article !== undefined && ARTICLES.has(article.text) ? i + 2 : -1;
}

/** "Via Roma 10", "Calle Mayor 5", "Rua Augusta, 123", "Am Markt 3", "Calle Mayor s/n". */
function typeThenNumber(text: string, toks: Token[], i: number, prefixes: Set<string>): Match | undefined {
  const from = streetType(toks, i, prefixes);
  if (from < 0) return undefined;
  const type = toks[i]!;
  const last = nameAfter(text, toks, from, false);
  if (last < 0) return undefined;
  const sn = NO_NUMBER.exec(text.slice(toks[last]!.end, toks[last]!.end + 6));
  if (sn) return { start: type.start, end: toks[last]!.end + sn[0].length, pattern: 'type + street + house number' };
  const num = toks[last + 1];
  if (num === undefined || !joined(text, toks[last]!, num, true) || !houseNumber(text, toks, last + 1)) return undefined;
  return { start: type.start, end: num.end, pattern: 'type + street + house number' };
}

const byLastChar = new WeakMap<readonly string[], Map<string, string[]>>();

/** The street ending a word ends with, longest first; endings are bucketed by their last character. */
function endingOf(word: string, endings: readonly string[]): string | undefined {
  let buckets = byLastChar.get(endings);
  if (buckets === undefined) {
    buckets = new Map();
    for (const e of endings) buckets.set(e.slice(-1), [...(buckets.get(e.slice(-1)) ?? []), e]);
    byLastChar.set(endings, buckets);
  }
  return buckets.get(word.slice(-1))?.find((e) => word.endsWith(e));
}

/** "Hauptstraße 5", "Kerkstraat 12", "Berliner Str. 12", "Alte Landstr. 3a". */
function compoundThenNumber(text: string, toks: Token[], i: number, endings: readonly string[]): Match | undefined {
  const t = toks[i]!;
  if (!t.cap || t.kind !== 'word' || t.text.length < 3) return undefined;
  const lower = t.text.toLowerCase() + (text[t.end] === '.' ? '.' : '');
  const ending = endingOf(lower, endings);
  if (ending === undefined) return undefined;
  let start = t.start;
  if (lower === ending) {
    // The type as a word of its own needs a capitalised word before it: "Berliner Straße".
    const prev = toks[i - 1];
    if (prev === undefined || !prev.cap || prev.kind !== 'word' || !joined(text, prev, t)) return undefined;
    start = prev.start;
  }
  const num = toks[i + 1];
  if (num === undefined || !joined(text, t, num, true) || !houseNumber(text, toks, i + 1)) return undefined;
  return { start, end: num.end, pattern: 'street + house number' };
}

function withUnit(text: string, m: Match): Match & { unit: boolean } {
  const after = UNIT_AFTER.exec(text.slice(m.end, m.end + 24));
  const before = UNIT_BEFORE.exec(text.slice(Math.max(0, m.start - 24), m.start));
  return {
    start: before ? m.start - before[0].length : m.start,
    end: after ? m.end + after[0].length : m.end,
    pattern: m.pattern,
    unit: after !== null || before !== null,
  };
}

/** How far around a number an address is looked for: long texts are tokenised only near their numbers. */
const LOCAL = 80;
const NUMBER = /(?<![\p{L}\p{N}])\d/gu;

type Found = Match & { unit: boolean };

function streetsIn(text: string, toks: Token[], any: boolean, out: Found[], evidence: (start: number, end: number) => boolean): void {
  const w = wordLists();
  for (let i = 0; i < toks.length; i++) {
    const m = houseNumber(text, toks, i)
      ? (numberThenType(text, toks, i, any, w.streetPrefixes) ?? numberFirst(text, toks, i, any, w.streetSuffixes) ?? numberThe(text, toks, i, evidence))
      : (typeThenNumber(text, toks, i, w.streetPrefixes) ?? compoundThenNumber(text, toks, i, w.streetEndings));
    if (m === undefined || out.some((f) => f.start < m.end && m.start < f.end)) continue;
    out.push(withUnit(text, m));
    while (i + 1 < toks.length && toks[i + 1]!.start < m.end) i++;
  }
}

/** Addresses in a short text from its tokens; in a long one, from the tokens around each number. */
function streets(text: string, toks: Token[] | undefined, any: boolean, evidence: (start: number, end: number) => boolean): Found[] {
  const out: Found[] = [];
  if (toks !== undefined) {
    streetsIn(text, toks, any, out, evidence);
    return out;
  }
  // Windows around the numbers, merged where they meet, each tokenised once.
  const windows: [number, number][] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m !== null; m = NUMBER.exec(text)) {
    const last = windows[windows.length - 1];
    if (last !== undefined && m.index - LOCAL <= last[1]) last[1] = Math.min(text.length, m.index + LOCAL);
    else windows.push([Math.max(0, m.index - LOCAL), Math.min(text.length, m.index + LOCAL)]);
  }
  for (const [start, to] of windows) {
    // Start on a word boundary, so the first token is a whole word.
    let from = start;
    while (from > 0 && from < to && /[\p{L}\p{N}]/u.test(text[from - 1] ?? '')) from++;
    streetsIn(text, tokens(text, from, to), any, out, evidence);
  }
  return out;
}

function addressHeader(ctx: ScanContext): string | undefined {
  const h = HEADER.inHeader(ctx);
  return h !== undefined && NOT_STREET_HEADER.inHeader(ctx) === undefined ? h : undefined;
}

/** An address column's cell: the whole value, if it has a number or a street word and no e-mail or URL. */
function wholeValue(text: string, header: string, toks: Token[]): RawFinding | undefined {
  const value = text.trim();
  if (value.length < 5 || value.length > 200 || /@|:\/\//.test(value) || !/\p{L}/u.test(value)) return undefined;
  const w = wordLists();
  const streety = toks.some((t) => t.kind === 'word' && (w.streetSuffixes.has(t.text.toLowerCase()) || w.streetPrefixes.has(t.text.toLowerCase())));
  if (!HOUSE_NUMBER_ANY.test(value) && !(streety && toks.length >= 2)) return undefined;
  const start = text.indexOf(value);
  const ev: Evidence = { context: [], header };
  return finding(streetAddress, start, start + value.length, { base: 0.55, boost: 0.35 }, ev, { pattern: 'address column value', notes: [streety ? 'street word' : 'house number'] });
}

export const streetAddress: Recogniser = {
  id: 'street-address',
  entity: 'STREET_ADDRESS',
  find(text, ctx) {
    // Every address has a number and a word.
    if (!HOUSE_NUMBER_ANY.test(text) || !/\p{L}\p{L}/u.test(text)) return [];
    const header = addressHeader(ctx);
    const toks = text.length <= LOCAL * 2 || header !== undefined ? tokens(text) : undefined;
    if (header !== undefined && toks !== undefined) {
      const whole = wholeValue(text, header, toks);
      if (whole) return [whole];
    }
    const found: Found[] = streets(text, toks, header !== undefined, (start, end) => CONTEXT.any(text, start, end, ctx));
    PO_BOX.lastIndex = 0;
    for (let m = PO_BOX.exec(text); m !== null; m = PO_BOX.exec(text)) found.push({ start: m.index, end: m.index + m[0].length, pattern: 'PO box', unit: false });
    return found.map((m) => {
      const ev = CONTEXT.any(text, m.start, m.end, ctx) ? CONTEXT.near(text, m.start, m.end, ctx) : { context: [] };
      const base = m.pattern === 'PO box' ? 0.7 : m.unit ? 0.65 : 0.6;
      return finding(streetAddress, m.start, m.end, { base, boost: 0.3 }, ev, { pattern: m.pattern, notes: m.unit ? ['with unit'] : [] });
    });
  },
  examples: {
    found: ['221B Baker Street', '1600 Pennsylvania Ave NW, Washington', 'Flat 2, 10 Downing Street', '12 rue de la Paix', 'Hauptstraße 5', 'Berliner Str. 12', 'Via Roma 10', 'PO Box 1234', '350 5th Avenue, Suite 300'],
    ignored: ['3 dogs in the park', 'In 2019 Grant Park opened', 'Order 12345 shipped', 'version 1.2.3', 'Street', '12 Main', 'Total 12.50 Euro Street'],
  },
};
