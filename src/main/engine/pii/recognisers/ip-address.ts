// IP addresses: dotted IPv4 with octets 0–255 (no leading zeros, which some parsers read as
// octal), refused after version words ('version 1.2.3.4', 'v1.2.3.4'); IPv6 candidates are
// confirmed by node:net, so MAC addresses and clock times (fewer than eight groups, no '::') fall out.

import { isIP } from 'node:net';
import { contextWords, finding, matches } from '../evidence';
import { afterVersionWord, insideUuid } from '../lookalikes';
import type { RawFinding, Recogniser } from '../types';

const V4 = /(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w]|\.\d)/g;
const V6 = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:.])/g;
const WORDS = contextWords(['ip', 'ip address', 'ipv4', 'ipv6', 'host', 'server', 'client', 'address', 'remote', 'source', 'src', 'dst', 'gateway']);
const VERSION_HEADER = contextWords(['version', 'ver', 'build', 'release', 'firmware']);

export const ipAddress: Recogniser = {
  id: 'ip-address',
  entity: 'IP_ADDRESS',
  // Needs IPv6 needs a ':', IPv4 a '.' and four digits.
  gate: (t) => t.text.includes(':') || (t.digits >= 4 && t.text.includes('.')),
  find(text, ctx) {
    const out: RawFinding[] = [];
    // A column of versions or builds holds dotted quads that are not addresses.
    const versionColumn = VERSION_HEADER.inHeader(ctx) !== undefined;
    if (text.includes('.') && !versionColumn) {
      for (const m of matches(V4, text)) {
        if (afterVersionWord(text, m.index)) continue;
        const end = m.index + m[0].length;
        const ev = WORDS.near(text, m.index, end, ctx);
        out.push(finding(ipAddress, m.index, end, { base: 0.6, boost: 0.3 }, ev, { pattern: 'IPv4 dotted quad', checksum: 'octets ≤ 255' }));
      }
    }
    if (text.includes(':')) {
      for (const m of matches(V6, text)) {
        if (isIP(m[0]) !== 6 || !/[0-9a-f]{2}/i.test(m[0])) continue;
        const end = m.index + m[0].length;
        if (insideUuid(text, m.index, end)) continue;
        const ev = WORDS.near(text, m.index, end, ctx);
        out.push(finding(ipAddress, m.index, end, { base: 0.8, boost: 0.15 }, ev, { pattern: 'IPv6', checksum: 'node:net isIP = 6' }));
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
  examples: {
    found: ['192.168.0.17', 'from 10.0.0.1.', '2001:db8:85a3::8a2e:370:7334', 'fe80::1ff:fe23:4567:890a'],
    ignored: ['version 1.2.3.4', 'v1.2.3.4', '256.1.1.1', '1.2.3', '1.2.3.4.5', '00:1A:2B:3C:4D:5E', '12:30:45', '01.02.03.04'],
  },
};
