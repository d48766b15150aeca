// Recogniser gates: the cheap per-text preconditions scanText checks before a recogniser's regexes.
// A gate may only say "nothing here" where the recogniser finds nothing — checked on every example
// text and on the labelled generator's cells (each column with its header, free text included) —
// and scanText must give exactly the findings it gave without gates.
import { describe, expect, it } from 'vitest';
import { RECOGNISERS } from '../../src/main/engine/pii/registry';
import { scanText, textFacts } from '../../src/main/engine/pii/scan';
import type { Recogniser } from '../../src/main/engine/pii/types';
import { generatePiiTable } from '../../tools/gen/pii/table';
import { ctx } from '../support/pii';

interface Cell {
  text: string;
  header?: string;
}

function corpus(): Cell[] {
  const cells: Cell[] = [];
  for (const r of RECOGNISERS) {
    for (const text of [...r.examples.found, ...r.examples.ignored]) {
      cells.push(r.examples.header === undefined ? { text } : { text, header: r.examples.header });
      cells.push({ text });
    }
  }
  const table = generatePiiTable(300, 'gates');
  for (const row of table.rows) {
    row.forEach((text, c) => {
      if (text !== null && text !== undefined) cells.push({ text, header: table.headers[c] ?? '' });
    });
  }
  return cells;
}

const CELLS = corpus();
const ungated: Recogniser[] = RECOGNISERS.map(({ gate: _gate, ...r }) => r);

describe('text facts', () => {
  it.each([
    ['', 0, false],
    ['abc', 0, false],
    ['C000013579', 9, true],
    ['+44 7044 183817', 12, false],
    ['١٢٣ ４５６', 0, false],
    ['GB82 WEST 1234 5698 7654 32', 16, true],
  ])('%j has %i ASCII digits, capitals: %s', (text, digits, upper) => {
    expect(textFacts(text)).toEqual({ text, digits, upper });
  });
});

describe.each(RECOGNISERS.filter((r) => r.gate !== undefined).map((r) => [r.id, r] as const))('gate of %s', (_id, r) => {
  it('lets through every text the recogniser finds something in', () => {
    const hidden = CELLS.filter((c) => r.find(c.text, ctx(c.header)).length > 0 && !r.gate!(textFacts(c.text)));
    expect(hidden.map((c) => c.text)).toEqual([]);
  });

  it('passes its own found examples and stops some text', () => {
    for (const text of r.examples.found) expect(r.gate!(textFacts(text))).toBe(true);
    expect(CELLS.some((c) => !r.gate!(textFacts(c.text)))).toBe(true);
  });
});

describe('scanText with gates', () => {
  it(`gives the same findings as without them on ${CELLS.length} cells`, () => {
    const differ = CELLS.filter((c) => JSON.stringify(scanText(c.text, ctx(c.header))) !== JSON.stringify(scanText(c.text, ctx(c.header), ungated)));
    expect(differ.map((c) => c.text)).toEqual([]);
  });
});
