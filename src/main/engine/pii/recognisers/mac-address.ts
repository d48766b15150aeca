// MAC addresses in the three written forms: 00:1A:2B:3C:4D:5E, 00-1A-2B-3C-4D-5E and Cisco's
// 001a.2b3c.4d5e. The all-zero and broadcast addresses identify no device. The dotted form of
// twelve decimal digits reads as a number too, so it needs evidence.

import { contextWords, finding, hasEvidence, matches } from '../evidence';
import type { RawFinding, Recogniser } from '../types';

const PATTERN = /(?<![\w:.-])(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:-]|\.\w)/g;
const WORDS = contextWords(['mac', 'mac address', 'hardware address', 'ethernet', 'wifi', 'wi-fi', 'bssid', 'device', 'hwaddr', 'nic']);

export const macAddress: Recogniser = {
  id: 'mac-address',
  entity: 'MAC_ADDRESS',
  // Needs six hex pairs and five separators, or three dotted groups of four.
  gate: (t) => t.text.length >= 14,
  find(text, ctx) {
    const out: RawFinding[] = [];
    for (const m of matches(PATTERN, text)) {
      const hex = m[0].replace(/[:.-]/g, '').toLowerCase();
      if (/^0{12}$|^f{12}$/.test(hex)) continue;
      const end = m.index + m[0].length;
      const ev = WORDS.near(text, m.index, end, ctx);
      const dotted = m[0].includes('.');
      if (dotted && /^\d+$/.test(hex) && !hasEvidence(ev)) continue;
      const pattern = dotted ? 'MAC (xxxx.xxxx.xxxx)' : m[1] === ':' ? 'MAC (xx:xx:xx:xx:xx:xx)' : 'MAC (xx-xx-xx-xx-xx-xx)';
      out.push(finding(macAddress, m.index, end, { base: dotted ? 0.6 : 0.8, boost: 0.15 }, ev, { pattern }));
    }
    return out;
  },
  examples: {
    found: ['00:1A:2B:3C:4D:5E', 'mac 00-1a-2b-3c-4d-5e', '001a.2b3c.4d5e'],
    ignored: ['00:00:00:00:00:00', 'ff:ff:ff:ff:ff:ff', '00:1A:2B:3C:4D', '00:1A-2B:3C:4D:5E', '1234.5678.9012', '00:1A:2B:3C:4D:5E:6F'],
  },
};
