// Operators that hide a value without a key — redact, mask, type token — and the masked preview
// the ledger keeps instead of the value it replaced.
import { isBlank } from './outcome';

/**
 * Redact removes the value: the cell becomes the empty string, not NULL, so a later step or
 * profile cannot mistake it for a value that was missing in the source (imputation would fill
 * a NULL back in). Which cells were redacted is in the ledger.
 */
export const redact = (_v: string): string => '';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * What a reader sees as characters: grapheme clusters, so a surrogate pair, an accent written as
 * a combining mark, a flag or a family emoji is kept or masked whole, never split.
 */
export function graphemes(v: string): string[] {
  // Most cells are printable ASCII, where code units are characters and the segmenter is only cost.
  if (/^[\t\n -~]*$/.test(v)) return v.split('');
  return Array.from(segmenter.segment(v), (s) => s.segment);
}

export interface MaskOptions {
  char?: string;
  keepFirst?: number;
  keepLast?: number;
}

/**
 * Every character but the first `keepFirst` and last `keepLast` replaced by `char`. When keeping
 * those would leave nothing masked (a value that short), all of it is masked: a mask must hide.
 * Blank values stay as they are.
 */
export function mask(v: string, { char = '*', keepFirst = 0, keepLast = 0 }: MaskOptions = {}): string {
  if (isBlank(v)) return v;
  const g = graphemes(v);
  if (keepFirst + keepLast >= g.length) return char.repeat(g.length);
  return g.slice(0, keepFirst).join('') + char.repeat(g.length - keepFirst - keepLast) + (keepLast > 0 ? g.slice(-keepLast).join('') : '');
}

/** An entity name as a token: `email` → `<EMAIL>`, `credit card` → `<CREDIT_CARD>`. */
export function typeToken(entity: string): string {
  const name = entity.trim().toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (name === '') throw new RangeError(`"${entity}" does not name an entity`);
  return `<${name}>`;
}

type PreviewKind = 'email' | 'card' | 'phone' | 'generic';
const PREVIEW_KINDS: Record<string, PreviewKind> = {
  EMAIL: 'email', EMAIL_ADDRESS: 'email',
  CARD: 'card', CREDIT_CARD: 'card', CARD_NUMBER: 'card',
  PHONE: 'phone', PHONE_NUMBER: 'phone', TELEPHONE: 'phone',
};
const previewKind = (entity: string): PreviewKind => PREVIEW_KINDS[entity.trim().toUpperCase().replace(/[^A-Z0-9]+/g, '_')] ?? 'generic';

/** First character and stars, of fixed length so the preview does not tell how long the value was. */
function genericPreview(v: string): string {
  const g = graphemes(v.trim());
  // Short values would be half shown by their first character.
  return g.length < 3 ? '***' : `${g[0] ?? ''}***`;
}

function emailPreview(v: string): string {
  const m = /^\s*([^\s@]+)@([^\s@]+?)\s*$/.exec(v);
  if (!m) return genericPreview(v);
  const tld = /\.([^.]+)$/.exec(m[2] ?? '')?.[1];
  return `${graphemes(m[1] ?? '')[0] ?? ''}***@***${tld ? `.${tld}` : ''}`;
}

function cardPreview(v: string): string {
  const digits = v.replace(/\D/g, '');
  // A card's last four are its usual public part (PCI DSS allows them); fewer digits than a card has would be mostly shown.
  return digits.length < 12 ? genericPreview(v) : `**** **** **** ${digits.slice(-4)}`;
}

function phonePreview(v: string): string {
  const total = v.replace(/\D/g, '').length;
  if (total < 5) return genericPreview(v);
  let seen = 0;
  return v.trim().replace(/\d/g, (d) => (++seen > total - 2 ? d : '*'));
}

/**
 * What the ledger shows instead of the value an operator replaced: `j***@***.org` for e-mails,
 * the last four digits of a card, a phone's shape with its last two digits, otherwise the first
 * character and stars. Blank values preview as themselves.
 */
export function maskedPreview(v: string, entity: string): string {
  if (isBlank(v)) return v;
  switch (previewKind(entity)) {
    case 'email': return emailPreview(v);
    case 'card': return cardPreview(v);
    case 'phone': return phonePreview(v);
    case 'generic': return genericPreview(v);
  }
}
