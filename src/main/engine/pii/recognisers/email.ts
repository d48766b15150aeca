// E-mail addresses: RFC 5322's common subset (dot-atom local part, dotted host, alphabetic TLD),
// with the length limits of RFC 5321. Quoted local parts are left out (rare in data). Inside a URL
// ("https://x.org/a?u=john@x.org") the address starts after the URL's last '/', '?', '=', '&' or
// '#': those are the URL's delimiters there, and the address is what a step masks inside the URL.

import { contextWords, finding, matches } from '../evidence';
import type { Recogniser } from '../types';

// Letters of any script (RFC 6531 local parts, IDN hosts) so 'josé@…' is read whole, never as 'é@…'.
const LOCAL = String.raw`[\p{L}\p{N}\p{M}_!#$%&'*+/=?^${'`'}{|}~-]`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?`;
const PATTERN = new RegExp(String.raw`(?<![\p{L}\p{N}\p{M}._!#$%&'*+/=?^${'`'}{|}~-])${LOCAL}+(?:\.${LOCAL}+)*@(?:${LABEL}\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})(?![\p{L}\p{N}\p{M}-]|\.[\p{L}\p{N}])`, 'gu');
const WORDS = contextWords(['email', 'e-mail', 'mail', 'contact', 'courriel']);
// A URL's scheme or 'www.' in the same run of non-space text before the address. A quote ends the run,
// except an apostrophe between letters, which a local part may hold ('?email=dan.o'neil@x.com').
const URL_BEFORE = /(?:(?:https?|ftp):\/\/|(?<![\w.@/-])www\.)(?:[^\s<>"'`]|(?<=\p{L})'(?=\p{L}))*$/iu;
const URL_DELIMITER = /[/?=&#]/;

/** Where the address whose local part is text[start, at) starts: after the last URL delimiter, if it lies in a URL. */
function localStart(text: string, start: number, at: number): number {
  if (!URL_DELIMITER.test(text.slice(start, at)) || !URL_BEFORE.test(text.slice(Math.max(0, start - 2048), at))) return start;
  let i = at;
  while (!URL_DELIMITER.test(text[i - 1] ?? '/')) i--;
  return i;
}

export const email: Recogniser = {
  id: 'email',
  entity: 'EMAIL',
  // Needs an '@'.
  gate: (t) => t.text.includes('@'),
  find(text, ctx) {
    if (!text.includes('@')) return [];
    const out = [];
    for (const m of matches(PATTERN, text)) {
      const end = m.index + m[0].length;
      const at = m.index + m[0].lastIndexOf('@');
      const start = localStart(text, m.index, at);
      // Cut inside a URL, the local part may be left empty or dotted at an end ('?u=.x@x.org').
      const local = text.slice(start, at);
      if (local === '' || local.startsWith('.') || local.endsWith('.') || local.length > 64 || end - start > 254) continue;
      const ev = WORDS.near(text, start, end, ctx);
      out.push(finding(email, start, end, { base: 0.85, boost: 0.1 }, ev, { pattern: 'email (local@host.tld)' }));
    }
    return out;
  },
  examples: {
    found: ['jane.doe+news@example.co.uk', 'Contact: o\'brien@mail.example.org', 'josé.garcía@correo.es', 'info@bücher.de'],
    ignored: ['jane.doe@', '@example.com', 'a@b', 'user@host.c', 'x@-bad.com', 'user@example.c0m', 'user@@example.com'],
  },
};
