// E-mail addresses: RFC 5322's common subset (dot-atom local part, dotted host, alphabetic TLD),
// with the length limits of RFC 5321. Quoted local parts are left out (rare in data).

import { contextWords, finding, matches } from '../evidence';
import type { Recogniser } from '../types';

// Letters of any script (RFC 6531 local parts, IDN hosts) so 'josé@…' is read whole, never as 'é@…'.
const LOCAL = String.raw`[\p{L}\p{N}\p{M}_!#$%&'*+/=?^${'`'}{|}~-]`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?`;
const PATTERN = new RegExp(String.raw`(?<![\p{L}\p{N}\p{M}._!#$%&'*+/=?^${'`'}{|}~-])${LOCAL}+(?:\.${LOCAL}+)*@(?:${LABEL}\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})(?![\p{L}\p{N}\p{M}-]|\.[\p{L}\p{N}])`, 'gu');
const WORDS = contextWords(['email', 'e-mail', 'mail', 'contact', 'courriel']);

export const email: Recogniser = {
  id: 'email',
  entity: 'EMAIL',
  // Needs an '@'.
  gate: (t) => t.text.includes('@'),
  find(text, ctx) {
    if (!text.includes('@')) return [];
    const out = [];
    for (const m of matches(PATTERN, text)) {
      const at = m[0].lastIndexOf('@');
      if (at > 64 || m[0].length > 254) continue;
      const end = m.index + m[0].length;
      const ev = WORDS.near(text, m.index, end, ctx);
      out.push(finding(email, m.index, end, { base: 0.85, boost: 0.1 }, ev, { pattern: 'email (local@host.tld)' }));
    }
    return out;
  },
  examples: {
    found: ['jane.doe+news@example.co.uk', 'Contact: o\'brien@mail.example.org', 'josé.garcía@correo.es', 'info@bücher.de'],
    ignored: ['jane.doe@', '@example.com', 'a@b', 'user@host.c', 'x@-bad.com', 'user@example.c0m', 'user@@example.com'],
  },
};
