// URLs with a scheme (http, https, ftp) or starting 'www.'; the host must parse (WHATWG URL) and
// have a dot, be localhost or an IP. Bare domains ('example.com') are left out: too many file
// names and abbreviations look the same. Trailing sentence punctuation is not part of the URL.

import { contextWords, finding, matches } from '../evidence';
import type { RawFinding, Recogniser } from '../types';

const PATTERN = /(?<![\w.@/-])(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'`{}|\\^]+/gi;
const WORDS = contextWords(['url', 'website', 'web site', 'link', 'homepage', 'site', 'profile', 'web']);

/** Drops trailing punctuation, keeping a ')' that closes a '(' inside the URL (Wikipedia links). */
function trimEnd(s: string): string {
  let out = s;
  for (;;) {
    const last = out.at(-1) ?? '';
    if (/[.,;:!?'"]/.test(last)) out = out.slice(0, -1);
    else if (last === ')' && (out.match(/\(/g)?.length ?? 0) < (out.match(/\)/g)?.length ?? 0)) out = out.slice(0, -1);
    else return out;
  }
}

function host(s: string): string | undefined {
  try {
    return new URL(/^www\./i.test(s) ? `http://${s}` : s).hostname;
  } catch {
    return undefined;
  }
}

export const url: Recogniser = {
  id: 'url',
  entity: 'URL',
  // Needs a scheme's '//' or 'www.'.
  gate: (t) => t.text.includes('/') || t.text.includes('.'),
  find(text, ctx) {
    const out: RawFinding[] = [];
    for (const m of matches(PATTERN, text)) {
      const s = trimEnd(m[0]);
      const h = host(s);
      if (h === undefined || !(h.includes('.') || h === 'localhost' || h.startsWith('['))) continue;
      if (/^www\.?$/i.test(h) || /\.$/.test(h)) continue;
      const end = m.index + s.length;
      const ev = WORDS.near(text, m.index, end, ctx);
      const scheme = !/^www\./i.test(s);
      out.push(finding(url, m.index, end, { base: scheme ? 0.6 : 0.5, boost: 0.2 }, ev, { pattern: scheme ? 'URL (scheme://host)' : 'URL (www.host)', notes: [h.startsWith('[') ? 'host: an IPv6 address' : h === 'localhost' ? 'host: localhost' : `host: a domain name (.${h.split('.').pop() ?? ''})`] }));
    }
    return out;
  },
  examples: {
    found: ['https://example.org/a/b?q=1#x', 'www.example.com/path', 'see https://en.wikipedia.org/wiki/Foo_(bar)'],
    ignored: ['https://', 'www.', 'example.com', 'mailto:a@b.com', 'http://nodot/'],
  },
};
