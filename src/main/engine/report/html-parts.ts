// Small builders for the HTML report: escaping (every string from the model is user data), tables,
// definition lists, figures and readable dates, sizes and digests. No markup is built elsewhere
// from unescaped text.
import type { ReportChart } from './charts';
import { formatCount } from './charts';

/** Markup, already escaped: only these builders make one, so a raw string can never pass for it. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Content = Html | string | number | null | undefined | readonly Content[];

/**
 * Escapes text for an element or a double-quoted attribute. The colon after http/https is written as
 * a character reference: the reader sees the URL as it was, but the file holds no http(s):// reference
 * for anything (a scanner, a mail client, a PDF converter) to pick up and follow.
 */
export function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/(https?):/gi, '$1&#58;');
}

/** Content to markup: strings and numbers escaped, Html as is, arrays joined, null/undefined empty. */
export function render(c: Content): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Html) return c.text;
  if (typeof c === 'number') return esc(formatCount(c));
  if (typeof c === 'string') return esc(c);
  return c.map(render).join('');
}

export const raw = (markup: string) => new Html(markup);

/** An element with fixed (trusted) attributes and escaped content. */
export function el(tag: string, attrs: Record<string, string | undefined>, ...content: Content[]): Html {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(v!)}"`)
    .join('');
  return raw(`<${tag}${a}>${render(content)}</${tag}>`);
}

export const p = (...c: Content[]) => el('p', {}, ...c);
export const code = (s: string) => el('code', {}, s);
/** A digest or fingerprint: monospace, breaks anywhere so a 64-digit hex never widens a table. */
export const digest = (s: string | null | undefined) => (s ? el('code', { class: 'digest' }, s) : el('span', { class: 'none' }, 'none'));
export const none = (s = 'none') => el('span', { class: 'none' }, s);

/** A table; `numeric` names the columns (by index) to right-align, `nowrap` the short ones to keep on one line. */
export function table(head: string[], rows: Content[][], opts: { numeric?: number[]; nowrap?: number[]; cls?: string; caption?: string } = {}): Html {
  const num = new Set(opts.numeric ?? []);
  const keep = new Set(opts.nowrap ?? []);
  const cls = (i: number) => [num.has(i) ? 'num' : '', keep.has(i) ? 'nowrap' : ''].filter(Boolean).join(' ') || undefined;
  const cell = (tag: 'th' | 'td', c: Content, i: number) => el(tag, { class: cls(i) }, c);
  return el(
    'table',
    { class: opts.cls },
    opts.caption ? el('caption', {}, opts.caption) : null,
    el('thead', {}, el('tr', {}, head.map((h, i) => cell('th', h, i)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c, i) => cell('td', c, i))))),
  );
}

/** A two-column list of facts (label → value). */
export function facts(rows: [string, Content][]): Html {
  return el('dl', { class: 'facts' }, rows.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

/** A chart: the inline SVG (already escaped by echarts) labelled with its alt text, which is also printed under it. */
export function figure(c: ReportChart): Html {
  return el(
    'figure',
    { class: 'chart', id: `chart-${c.id}` },
    el('figcaption', {}, c.title),
    el('div', { class: 'svg', role: 'img', 'aria-label': c.alt }, raw(c.svg)),
    el('p', { class: 'alt' }, c.alt),
  );
}

export function section(id: string, title: string, ...content: Content[]): Html {
  return el('section', { id, 'aria-labelledby': `${id}-h` }, el('h2', { id: `${id}-h` }, title), ...content);
}

/** "2026-12-05T07:58:12.000Z" → "2026-12-05 07:58:12 UTC"; anything else as given. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

export function bytes(n: number | null): string {
  if (n === null) return 'unknown';
  const units: [number, string][] = [
    [1024 ** 3, 'GiB'],
    [1024 ** 2, 'MiB'],
    [1024, 'KiB'],
  ];
  const u = units.find(([size]) => n >= size);
  return u ? `${formatCount(n)} bytes (${(n / u[0]).toFixed(1)} ${u[1]})` : `${formatCount(n)} bytes`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** A CSS string literal holding arbitrary text: everything but letters, digits and spaces as hex escapes. */
export function cssString(s: string): string {
  return `"${[...s].map((ch) => (/[A-Za-z0-9 ]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `)).join('')}"`;
}
