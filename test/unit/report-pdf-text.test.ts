// printable(): what the PDF report draws for characters its fonts lack — a visible ⟨U+XXXX⟩ per
// run of them, kept a word of its own, never a blank box and never a silent drop.
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/main/engine/report/pdf-layout';

// A font that has ASCII, Latin-1, Hebrew and ⟨⟩ but no CJK or emoji.
const has = (cp: number) => cp < 0x250 || (cp >= 0x590 && cp <= 0x5ff) || cp === 0x27e8 || cp === 0x27e9;
const H = ' ';

const CASES: [string, string, string][] = [
  ['plain text is unchanged', 'admissions <2026> "Q4".csv', 'admissions <2026> "Q4".csv'],
  ['a CJK run becomes one token', 'notes 备注 end', 'notes ⟨U+5907 U+6CE8⟩ end'],
  ['a token glued to a word is kept apart by spaces', 'a备b', `a${H}⟨U+5907⟩${H}b`],
  ['astral code points are whole (no surrogate halves)', '📝', '⟨U+1F4DD⟩'],
  ['a ZWJ emoji sequence lists each code point', '👩‍⚕️', '⟨U+1F469 U+200D U+2695 U+FE0F⟩'],
  ['C0 and C1 controls are shown, not drawn', 'a\u0007b\u0085', `a${H}⟨U+0007⟩${H}b${H}⟨U+0085⟩`],
  ['tab and CR become spaces, LF is kept', 'a\tb\r\nc', 'a b \nc'],
  ['Hebrew the font has is kept', 'מטופל ***', 'מטופל ***'],
  ['a token beside Hebrew is its own word', 'מטופל\u0007', `מטופל${H}⟨U+0007⟩`],
  ['empty stays empty', '', ''],
];

describe('printable', () => {
  it.each(CASES)('%s', (_name, input, expected) => {
    expect(printable(input, has)).toBe(expected);
  });
});
