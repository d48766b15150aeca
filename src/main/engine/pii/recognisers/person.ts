// Person names: given and family names from the shipped lists (resources/pii/names, one Map lookup
// per capitalised token, no per-name pattern), scored by shape and evidence — a given name followed
// by a family name, "Family, Given", a title (Mr, Dr, Prof…), context words ("Dear", "patient",
// "signed by"), words that introduce a name even if unlisted ("Patient Arianne Benson", "Spoke
// with …") and the column header. A listed word alone is weak; one that is also a common word
// or a place ("Will", "May", "Grant", "Paris") is reported alone only with evidence. In a name
// column the whole value is one finding if it is shaped like a name, listed or not.

import { contextWords, finding, type Evidence, type Scoring } from '../evidence';
import type { RawFinding, Recogniser, ScanContext } from '../types';
import { fold, wordLists } from '../wordlists';
import { TIME_OR_DATE } from './street-address';

const GIVEN = 1;
const FAMILY = 2;
const AMBIGUOUS = 4;
const TITLE = 8;
const PARTICLE = 16;
const NOT_NAME = 32;
const SALUTATION = 64;
const NAME_SUFFIX = 128;

const TITLES = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'rev', 'herr', 'herrn', 'frau', 'mme', 'mlle', 'monsieur', 'madame', 'sr', 'sra', 'srta', 'señor', 'señora', 'dott', 'sig', 'signor', 'signora', 'capt', 'sgt'];
// After a name, never one: "Jane Doe Jr.", "John Smith III", "Ann Lee, MD".
const NAME_SUFFIXES = ['jr', 'sr', 'i', 'ii', 'iii', 'iv', 'v', 'phd', 'md', 'dds', 'dvm', 'esq'];
// A capitalised word right after these is a name even if no list has it ("Dear Oksana").
const SALUTATIONS = ['dear', 'hi', 'hello', 'hallo', 'liebe', 'lieber', 'bonjour', 'cher', 'chère', 'hola', 'estimado', 'estimada', 'caro', 'cara'];
const PARTICLES = ['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'dos', 'das', 'ter', 'ten', 'bin', 'ibn', 'al', 'le', 'la', 'y'];
// Capitalised words that start a run but are never part of a name ("The", "Street").
const NEVER = ['the', 'a', 'an', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'is', 'i', 'it', 'we', 'he', 'she', 'they', 'you', 'this', 'that', 'our', 'my', 'your', 'his', 'her', 'their', 'if', 'but', 'not', 'no', 'yes', 'please', 'thanks', 'thank', 'hi', 'hello', 'dear', 'regards', 'patient', 'pt', 'name', 'contact', 'signed', 'customer', 'client', 'call', 'email', 'phone', 'tel', 'fax', 'street', 'road', 'avenue', 'lane', 'drive', 'inc', 'ltd', 'llc', 'gmbh', 'corp', 'company', 'hospital', 'clinic', 'university', 'school', 'bank',
  // Teams and offices one speaks with or meets: "Spoke with Customer Services", "Met with Finance Team".
  'team', 'teams', 'service', 'services', 'department', 'support', 'staff', 'office', 'desk', 'board', 'committee', 'management', 'centre', 'center', 'practice', 'pharmacy', 'agency', 'council', 'emergency', 'room', 'nursing', 'triage', 'care',
  // Organisations and places: "Miller Group", "Lake Kayla", "Santa Rosa", "Virgin Islands".
  'group', 'sons', 'partners', 'associates', 'holdings', 'foundation', 'trust', 'co', 'corporation', 'college', 'hotel', 'restaurant',
  'cafe', 'church', 'lake', 'fort', 'mount', 'port', 'cape', 'bay', 'isle', 'island', 'islands', 'county', 'city', 'village', 'town',
  'river', 'valley', 'san', 'santa', 'saint', 'st', 'new', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];

let lexicon: Map<string, number> | undefined;

/** Every word the recogniser knows, with its flags: one lookup per token. */
function words(): Map<string, number> {
  if (lexicon) return lexicon;
  const w = wordLists();
  const m = new Map<string, number>();
  const add = (set: Iterable<string>, flag: number) => {
    for (const k of set) m.set(k, (m.get(k) ?? 0) | flag);
  };
  add(w.given, GIVEN);
  add(w.family, FAMILY);
  add(w.ambiguous, AMBIGUOUS);
  add(TITLES, TITLE);
  add(PARTICLES, PARTICLE);
  add(NEVER, NOT_NAME);
  add(SALUTATIONS, SALUTATION);
  add(NAME_SUFFIXES, NAME_SUFFIX);
  lexicon = m;
  return m;
}

const NON_ASCII = /[\u0080-\uffff]/;

function lookUp(lower: string): number | undefined {
  const m = words();
  const f = m.get(lower);
  return f !== undefined || !NON_ASCII.test(lower) ? f : m.get(fold(lower));
}

/**
 * A double-barrelled word unlisted as a whole reads by its parts: given if every part is a given
 * name ("Anne-Marie"), family if every part is listed and one is a family name ("Lefèvre-Dubois");
 * never a common word, since a compound of names is not one.
 */
function flagsOf(lower: string): number {
  const f = lookUp(lower);
  if (f !== undefined || !lower.includes('-')) return f ?? 0;
  const parts = lower.split('-').map((p) => lookUp(p) ?? 0);
  if (parts.some((p) => (p & (GIVEN | FAMILY)) === 0)) return 0;
  return (parts.every((p) => (p & GIVEN) !== 0) ? GIVEN : 0) | (parts.some((p) => (p & FAMILY) !== 0) ? FAMILY : 0);
}

const CONTEXT = contextWords(['name', 'named', 'patient', 'pt', 'next of kin', 'spouse', 'met with', 'contact', 'signed', 'signed by', 'dear', 'attn', 'hi', 'hello', 'regards', 'sincerely', 'spoke with', 'spoke to', 'seen by', 'referred by', 'client', 'customer', 'employee', 'physician', 'doctor', 'nurse', 'witness', 'guardian', 'mother', 'father', 'wife', 'husband', 'son', 'daughter', 'née', 'hallo', 'liebe', 'lieber', 'bonjour', 'cher', 'chère', 'hola', 'estimado', 'estimada']);
const HEADER = contextWords(['name', 'names', 'full name', 'fullname', 'first name', 'firstname', 'last name', 'lastname', 'given name', 'family name', 'surname', 'forename', 'middle name', 'patient', 'contact', 'customer', 'client', 'employee', 'person', 'signed by', 'signatory', 'physician', 'doctor', 'nurse', 'author', 'recipient', 'sender', 'applicant', 'guardian', 'next of kin', 'spouse', 'vorname', 'nachname', 'nom', 'prénom', 'prenom', 'nombre', 'apellido', 'apellidos', 'cognome', 'naam', 'achternaam', 'voornaam']);
// "Product name", "file name", "street name": a name, but not a person's.
const NOT_PERSON_HEADER = contextWords(['product', 'company', 'file', 'filename', 'host', 'hostname', 'domain', 'user', 'username', 'street', 'city', 'country', 'brand', 'item', 'business', 'organisation', 'organization', 'org', 'store', 'shop', 'project', 'table', 'column', 'field', 'team', 'group', 'department', 'dept', 'category', 'place', 'location', 'site', 'server', 'app', 'application', 'package', 'drug', 'medication', 'hospital', 'clinic', 'facility', 'bank', 'vendor', 'supplier', 'merchant', 'event', 'course', 'school', 'region', 'state', 'county', 'town', 'building', 'venue', 'model', 'device', 'pet', 'plan', 'account', 'email', 'e-mail', 'phone', 'id', 'number', 'no', 'code', 'address',
  'tag', 'tags', 'label', 'labels', 'keyword', 'keywords', 'topic', 'genre', 'campaign', 'promotion', 'promo', 'offer', 'collection', 'series', 'edition']);
const PLACEHOLDERS = new Set(['n/a', 'na', 'none', 'null', 'unknown', 'test', 'tbd', 'anonymous', 'redacted', 'withheld', 'not known', 'not applicable', 'nil', 'void', 'x', 'xx', 'xxx', 'other', 'self']);

interface Token {
  /** Its index in the cell's tokens. */
  idx: number;
  start: number;
  end: number;
  /** Capitalised ("Smith", "McDonald", "O'Brien") or upper case ("SMITH"). */
  cap: boolean;
  /** Has lower-case letters: "Smith", not "SMITH" or "CX". */
  mixed: boolean;
  initial: boolean;
  flags: number;
}

const TOKEN = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
const UPPER = /^\p{Lu}/u;
const SHORT_VALUE = /^\s*\S+(?:\s+\S+){0,4}\s*$/;
const CAPITAL = /\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** `all`: look every token up (a name column's value), not only capitalised and short ones. */
function tokens(text: string, all = false): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const s = m[0];
    const end = m.index + s.length;
    const cap = UPPER.test(s);
    const initial = cap && s.length === 1 && text[end] === '.';
    // Only capitalised tokens (and short ones: particles, titles) are ever looked up.
    const flags = all || cap || s.length <= 4 ? flagsOf(s.toLowerCase()) : 0;
    const mixed = HAS_LOWER.test(s);
    // "CX" of "CX-9" or "A8": a model number, not a word.
    const glued = cap && (isDigit(text.charCodeAt(end)) || (text[end] === '-' && isDigit(text.charCodeAt(end + 1))));
    out.push({ idx: out.length, start: m.index, end, cap: cap && !glued && (mixed || s.length > 1), mixed, initial, flags });
  }
  return out;
}

/** Only spaces (one or two) between a and b, or ". " after an initial or a title. */
function joined(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  if (/^ {1,2}$/.test(gap)) return true;
  if ((a.flags & SALUTATION) !== 0) return /^,? ?$/.test(gap);
  return (a.initial || (a.flags & TITLE) !== 0) && /^\. ?$/.test(gap);
}

function sentenceStart(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i] ?? '';
    if (c === ' ' || c === '\t') continue;
    return /[.!?:;\n\r"“(•*-]/.test(c);
  }
  return true;
}

const listed = (t: Token): boolean => (t.flags & (GIVEN | FAMILY)) !== 0;
const ambiguous = (t: Token): boolean => (t.flags & AMBIGUOUS) !== 0;
const nameWord = (t: Token): boolean => t.cap && !t.initial && (t.flags & (NOT_NAME | TITLE)) === 0;

interface Reading {
  pattern: string;
  base: number;
  /** Without context evidence (or a title) the reading is not reported. */
  needsEvidence: boolean;
  /** A common word starting a sentence: the evidence must be in that sentence ("Grace, the patient's wife, called"). */
  ownSentence?: boolean;
  notes: string[];
}

// Words after which two or three capitalised words are a name, listed or not ("Patient Arianne Benson", "Spoke with Nell Fleming").
const INTRODUCER = /(?<![\p{L}\p{N}])(?:patient|pt|spoke (?:with|to)|met with|next of kin|seen by|referred by|signed by|attn|witness|guardian)\.?:? {1,2}$/iu;

// After an introducer, capitalised words that are roles, teams, organisations, plans or verbs, not a person:
// "Met with Social Work", "Spoke with Branch Manager", "Patient Will Return", "Spoke with Blue Cross".
const NOT_INTRODUCED = new Set(['manager', 'managers', 'advisor', 'advisors', 'adviser', 'advisers', 'officer', 'officers', 'worker', 'workers', 'work', 'works', 'home', 'homes', 'cross', 'shield', 'return', 'returns', 'diet', 'limit', 'limits', 'about', 'overdraft', 'social', 'wealth', 'branch', 'mortgage', 'mortgages', 'loan', 'loans', 'lending', 'credit', 'debit', 'card', 'cards', 'account', 'accounts', 'savings', 'fraud', 'claim', 'claims', 'billing', 'collections', 'payroll', 'insurance', 'benefits', 'health', 'mental', 'physical', 'occupational', 'therapy', 'therapist', 'therapists', 'physio', 'physiotherapy', 'dietitian', 'dietician', 'pharmacist', 'consultant', 'registrar', 'surgeon', 'surgical', 'medical', 'medicine', 'nurse', 'nurses', 'sister', 'matron', 'doctor', 'doctors', 'gp', 'specialist', 'specialists', 'family', 'relatives', 'discharge', 'planning', 'coordinator', 'lead', 'head', 'director', 'chief', 'senior', 'junior', 'assistant', 'associate', 'representative', 'rep', 'agent', 'agents', 'teller', 'cashier', 'banker', 'underwriter', 'underwriting', 'auditor', 'audit', 'solicitor', 'lawyer', 'attorney', 'counsel', 'legal', 'compliance', 'risk', 'security', 'operations', 'admin', 'administration', 'reception', 'receptionist', 'ward', 'unit', 'bed', 'theatre', 'outpatient', 'outpatients', 'inpatient', 'clinical', 'hospice', 'palliative', 'cardiology', 'oncology', 'radiology', 'pathology', 'orthopaedics', 'orthopedics', 'paediatrics', 'pediatrics', 'psychiatry', 'psychology', 'respiratory', 'diabetes', 'diabetic', 'dietetics', 'midwife', 'midwifery', 'community', 'district', 'private', 'personal', 'business', 'commercial', 'retail', 'customer', 'customers', 'member', 'members', 'tax', 'investment', 'investments', 'pension', 'pensions', 'financial', 'finance', 'hr', 'it', 'human', 'resources', 'will', 'returned', 'again', 'later', 'today', 'tomorrow', 'yesterday', 'regarding', 're', 'after', 'before', 'without', 'also', 'then', 'now', 'still', 'post', 'pre', 'op', 'follow', 'up', 'review', 'reviewed', 'plan', 'stable', 'ok', 'fine', 'well', 'better', 'worse', 'unwell', 'discharged', 'admitted', 'transferred', 'declined', 'agreed', 'aware', 'happy', 'keen', 'unable', 'able', 'states', 'reports', 'denies', 'complains', 'feels', 'seen', 'given', 'told', 'advised', 'informed', 'requests', 'requested', 'needs', 'wants', 'prefers', 'remains', 'awaits', 'lives', 'alone', 'pain', 'free', 'comfortable', 'settled', 'asleep', 'awake', 'nil', 'mouth', 'independent', 'mobile', 'confused', 'alert', 'orientated', 'oriented', 'verbal', 'consents', 'consented', 'refuses', 'refused', 'understands', 'tolerates', 'tolerated', 'new', 'old', 'current', 'previous', 'same', 'other', 'fargo', 'barclays', 'hsbc', 'lloyds', 'natwest', 'santander', 'citi', 'citibank', 'amex', 'visa', 'mastercard', 'paypal', 'medicare', 'medicaid', 'aetna', 'cigna', 'humana', 'kaiser', 'bupa', 'nhs', 'aviva', 'allianz', 'axa', 'america', 'american', 'national', 'federal', 'mutual', 'union', 'general', 'royal', 'first', 'capital', 'bank', 'bancorp', 'securities', 'advisory']);
// A gerund opening the run is a verb ("Patient Going Home", "Pt Taking Metformin"), not a given name.
const GERUND = /ing$/u;

/** Whether the words after an introducer can be a person's name: none a role, team, organisation or verb. */
function nameParts(text: string, names: Token[]): boolean {
  const [first] = names;
  const lower = names.map((t) => text.slice(t.start, t.end).toLowerCase());
  // "Anna Cross", "Ruth Ward": after a listed given name that is no common word, a common word is a surname.
  const givenFirst = first !== undefined && (first.flags & GIVEN) !== 0 && !ambiguous(first);
  if (lower.some((w, k) => NOT_INTRODUCED.has(w) && !(givenFirst && k === lower.length - 1 && k > 0))) return false;
  if (first !== undefined && !listed(first) && GERUND.test(lower[0]!)) return false;
  return !names.some((t, k) => !listed(t) && NOUN_ENDING.test(lower[k]!));
}

/** "Patient Arianne Benson": the run after an introducer, two or three words, each capitalised and none upper case alone. */
function introduced(text: string, run: Token[]): Reading | undefined {
  const names = run.filter(nameWord);
  if (names.length < 2 || names.length > 3 || !names.every((t) => t.mixed) || !nameParts(text, names)) return undefined;
  const before = text.slice(Math.max(0, run[0]!.start - 64), run[0]!.start);
  const intro = INTRODUCER.exec(before);
  // "7240 Bauer Pt. National Insurance": "Pt" after a house number and a street name is Point.
  if (intro === null || (/^pt/i.test(intro[0]) && AFTER_HOUSE_NUMBER.test(before.slice(0, intro.index)))) return undefined;
  return { pattern: 'introduced name', base: 0.5, needsEvidence: false, notes: run.some(listed) ? ['listed name'] : [] };
}

// "4886 Pakman Dr. Left a voicemail": after a house number and a street name, "Dr" and "St" are Drive and Street.
const AFTER_HOUSE_NUMBER = /(?<![\p{L}\p{N}])\d{1,5}[a-z]? ((?:\p{Lu}[\p{L}'’-]* ){1,3})$/u;

function streetType(text: string, t: Token): boolean {
  const w = text.slice(t.start, t.end).toLowerCase();
  if (w !== 'dr' && w !== 'st') return false;
  const m = AFTER_HOUSE_NUMBER.exec(text.slice(Math.max(0, t.start - 48), t.start));
  return m !== null && !m[1]!.trim().split(' ').some((word) => TIME_OR_DATE.test(word));
}

/**
 * A common word alone by a number ("April 11", "4 May 2007") or after "of" ("Bank of America") is not a
 * name; one that starts a sentence ("Will you come?", "May I help") is one only with evidence in its own sentence.
 */
function commonWordUse(text: string, t: Token): 'never' | 'sentence start' | undefined {
  if (/^\s+\d/.test(text.slice(t.end, t.end + 3)) || /(?:\d|(?<![\p{L}])of)\s+$/iu.test(text.slice(Math.max(0, t.start - 4), t.start))) return 'never';
  const before = text.slice(0, t.start).trimEnd();
  return before === '' || /[.!?]$/.test(before) ? 'sentence start' : undefined;
}

// A verb of telling right after a sentence's first word makes it a person ("Grace reports he fell"); a modal or a month takes none of these.
const TELLS = /^ (?:reports|reported|says|said|states|stated|denies|denied|called|phoned|rang|visited|confirms|confirmed|asked|agreed|declined|is|was|has|had)(?![\p{L}])/u;
// Set off by a comma, bracket or dash ("Grace, the patient's wife,", "Hope (daughter)"): the word is named, not used.
const SET_OFF = /^ ?[,(–—-]/;

/**
 * Whether a sentence-start common word has the evidence it needs: set off and with evidence in its own
 * sentence, or followed by a verb of telling. "Will discuss with patient" has evidence, but "Will" is the modal.
 */
function sentenceEvidence(text: string, t: Token, ctx: ScanContext): boolean {
  if (TELLS.test(text.slice(t.end, t.end + 16))) return true;
  if (!SET_OFF.test(text.slice(t.end, t.end + 2))) return false;
  const stop = /[.!?\n]/.exec(text.slice(t.end));
  const sentence = text.slice(t.start, stop === null ? text.length : t.end + stop.index);
  return CONTEXT.any(sentence, 0, t.end - t.start, ctx);
}

/** How a run of name words reads: the strongest shape it has. */
function readRun(text: string, run: Token[], lead: Token | undefined): Reading | undefined {
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const notes: string[] = [];
  if (lead) {
    const title = (lead.flags & TITLE) !== 0;
    notes.push(`${title ? 'title' : 'salutation'} ${text.slice(lead.start, lead.end)}`);
    if (run.some(listed)) notes.push('listed name');
    return { pattern: title ? 'title + name' : 'salutation + name', base: title ? 0.75 : listed(first) ? 0.65 : 0.55, needsEvidence: false, notes };
  }
  if (run.length === 1) {
    // An upper-case word alone is an acronym ("VIN", "MAX"), not a name.
    const use = ambiguous(first) ? commonWordUse(text, first) : undefined;
    if (!listed(first) || !first.mixed || use === 'never') return undefined;
    return { pattern: 'listed name alone', base: 0.3, needsEvidence: ambiguous(first), ownSentence: use === 'sentence start', notes: [ambiguous(first) ? 'also a common word or place' : 'listed name'] };
  }
  // Longer runs are titles and headings ("Mercedes Benz El Camino Passenger Van"); a name has at most two middle parts.
  if (run.length > 4) return undefined;
  const given = (first.flags & GIVEN) !== 0 || first.initial;
  const family = (last.flags & FAMILY) !== 0;
  const middle = run.slice(1, -1).every((t) => listed(t) || t.initial || (t.flags & PARTICLE) !== 0);
  if (!middle) return undefined;
  if (given && family) {
    notes.push('given name', 'family name');
    const weak = (first.initial || ambiguous(first)) && ambiguous(last);
    if (!weak) return { pattern: 'given name + family name', base: 0.7, needsEvidence: false, notes };
    notes.push('both also common words');
    return { pattern: 'given name + family name', base: 0.45, needsEvidence: sentenceStart(text, first.start), notes };
  }
  const parts = run.filter(nameWord).length;
  if (parts === 2 && given && !first.initial && !ambiguous(first) && !listed(last) && last.mixed && !NOUN_ENDING.test(text.slice(last.start, last.end))) {
    return { pattern: 'given name + capitalised word', base: 0.4, needsEvidence: false, notes: ['given name'] };
  }
  if (parts === 2 && family && !ambiguous(last) && !ambiguous(first) && !listed(first) && first.mixed) {
    return { pattern: 'capitalised word + family name', base: 0.45, needsEvidence: sentenceStart(text, first.start), notes: ['family name'] };
  }
  // "Erik Logan": a given name that is no common word makes a listed word after it (a place too) a surname.
  if (listed(first) && listed(last)) return { pattern: 'two listed names', base: 0.45, needsEvidence: ambiguous(first) || (ambiguous(last) && (first.flags & GIVEN) === 0), notes: [] };
  return undefined;
}

/** The name words from i on: capitalised words, initials and inner particles, at most five. */
function runFrom(text: string, toks: Token[], i: number): Token[] {
  const run: Token[] = [];
  for (let j = i; j < toks.length && run.length < 5; j++) {
    const t = toks[j]!;
    if (run.length > 0 && !joined(text, run[run.length - 1]!, t)) break;
    if (nameWord(t) || t.initial) run.push(t);
    else if ((t.flags & PARTICLE) !== 0 && run.length > 0 && toks[j + 1] !== undefined && nameWord(toks[j + 1]!)) run.push(t);
    else break;
  }
  // A run ends on a name word, never on an initial or particle.
  while (run.length > 0 && !nameWord(run[run.length - 1]!)) run.pop();
  return run;
}

const SCORING = (base: number): Scoring => ({ base, boost: 0.25 });

function fromText(text: string, ctx: ScanContext): RawFinding[] {
  const toks = tokens(text);
  const out: RawFinding[] = [];
  for (let i = 0; i < toks.length; ) {
    const t = toks[i]!;
    const titled = (t.flags & (TITLE | SALUTATION)) !== 0 && toks[i + 1] !== undefined && joined(text, t, toks[i + 1]!) && !streetType(text, t);
    const from = titled ? i + 1 : i;
    const run = t.cap || titled ? runFrom(text, toks, from) : [];
    if (run.length === 0) {
      i++;
      continue;
    }
    const comma = familyGiven(text, toks, from, run);
    const used = comma ?? run;
    const read = comma ? { pattern: 'family name, given name', base: 0.65, needsEvidence: ambiguous(comma[0]!) && ambiguous(comma[comma.length - 1]!), notes: ['family name', 'given name'] } : readRun(text, run, titled ? t : undefined);
    const intro = comma || titled || (read !== undefined && read.base >= 0.5) ? undefined : introduced(text, run);
    const reading = intro ?? read;
    const start = used[0]!.start;
    const end = used[used.length - 1]!.end;
    if (reading) {
      const ev = CONTEXT.any(text, start, end, ctx) ? CONTEXT.near(text, start, end, ctx) : { context: [] };
      // "The Joe Computer", "a Carole Shirt": an article before a weak reading makes it a thing's name.
      const thing = reading.base < 0.5 && !titled && ARTICLES.has(text.slice(toks[used[0]!.idx - 1]?.start ?? 0, toks[used[0]!.idx - 1]?.end ?? 0).toLowerCase());
      const evidenced = !reading.needsEvidence || (ev.context.length > 0 && (!reading.ownSentence || sentenceEvidence(text, used[0]!, ctx)));
      if (!thing && evidenced) {
        delete ev.header;
        out.push(finding(person, start, end, SCORING(reading.base), ev, { pattern: reading.pattern, notes: reading.notes }));
      }
    }
    // A run that does not read may still hold a name after its first word ("Yesterday John Smith").
    i = reading ? used[used.length - 1]!.idx + 1 : i + 1;
  }
  return out;
}

/** "Smith, John": a lone family name, a comma, then given names. */
function familyGiven(text: string, toks: Token[], i: number, run: Token[]): Token[] | undefined {
  const fam = run[0]!;
  if (run.length !== 1 || (fam.flags & FAMILY) === 0) return undefined;
  const next = toks[i + 1];
  if (next === undefined || !/^, ?$/.test(text.slice(fam.end, next.start)) || (next.flags & GIVEN) === 0) return undefined;
  const given = runFrom(text, toks, i + 1);
  // "Rosa, North Dakota", "Mariano, Montana": a place after the comma, not a given name.
  if (given.some(ambiguous) || given.some((t) => !listed(t) && !t.initial)) return undefined;
  // "Emard, Spencer and Schulist" lists family names (a firm), it is not "Family, Given".
  if (given.length === 0 || given.length > 2 || LIST_GOES_ON.test(text.slice(given[given.length - 1]!.end, given[given.length - 1]!.end + 6))) return undefined;
  return [fam, ...given];
}

// An unlisted word with an abstract noun's ending is not a surname: "Forest Promotion", "Rose Collection".
const NOUN_ENDING = /(?:tion|sion|ment|ness|ship|ism)s?$/u;

const ARTICLES = new Set(['the', 'a', 'an', 'this', 'that', 'our', 'my', 'your', 'their', 'its']);
const LIST_GOES_ON = /^(?:,|\s+(?:and|&|und|et|y|e)\s)/;

const NAME_VALUE = /^[\p{L}\p{M}'’ .,-]+$/u;

/** A name column's cell: the whole value, if it is shaped like a name. */
function wholeValue(text: string, header: string): RawFinding | undefined {
  const value = text.trim();
  if (value.length < 2 || value.length > 80 || !NAME_VALUE.test(value) || PLACEHOLDERS.has(value.toLowerCase())) return undefined;
  const toks = tokens(value, true);
  if (toks.length === 0 || toks.length > 6) return undefined;
  const words = toks.filter((t, i) => (t.flags & (TITLE | PARTICLE)) === 0 && !t.initial && !(i > 0 && (t.flags & NAME_SUFFIX) !== 0));
  // "Lane Fisher" is a name in a name column; "The Company" is not.
  if (words.length === 0 || words.some((t) => (t.flags & NOT_NAME) !== 0 && !listed(t))) return undefined;
  const anyListed = words.some(listed);
  // Unlisted words must look like names: capitalised (or one consistent case), with a vowel.
  const shaped = words.every((t) => /[aeiouyäöüéèáíóúàâêîôûåæø]/iu.test(value.slice(t.start, t.end)) || listed(t));
  if (!anyListed && (!shaped || !words.every((t) => t.cap))) return undefined;
  const start = text.indexOf(value);
  const ev: Evidence = { context: [], header };
  const notes = [anyListed ? 'listed name in a name column' : 'name-shaped value in a name column (column prior)'];
  return finding(person, start, start + value.length, { base: anyListed ? 0.6 : 0.45, boost: 0.35 }, ev, { pattern: 'name column value', notes });
}

function nameHeader(ctx: ScanContext): string | undefined {
  const h = HEADER.inHeader(ctx);
  return h !== undefined && NOT_PERSON_HEADER.inHeader(ctx) === undefined ? h : undefined;
}

export const person: Recogniser = {
  id: 'person',
  entity: 'PERSON',
  find(text, ctx) {
    const header = nameHeader(ctx);
    if (header !== undefined) {
      const whole = wholeValue(text, header);
      if (whole) return [whole];
    }
    // A short value in a city, product or company column is that thing's name ("North Herman"), not a person's.
    if (NOT_PERSON_HEADER.inHeader(ctx) !== undefined && SHORT_VALUE.test(text)) return [];
    // Outside a name column every reading starts with a capital letter.
    return CAPITAL.test(text) ? fromText(text, ctx) : [];
  },
  examples: {
    found: ['John Smith', 'Dear Oksana, thanks', 'Dr. Zyxwick will see you', 'Smith, John', 'signed by Maria García', 'Mr Will Grant'],
    ignored: ['Will you come?', 'May I help', 'Grant applications are due', 'The Main Street Bank', 'Paris is lovely in May', 'ORDER 12345', 'General Motors'],
  },
};
