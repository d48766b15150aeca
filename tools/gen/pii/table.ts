// The labelled PII table: one row per person-ish record, columns with realistic and misleading
// headers (so header evidence is not always there), hard-negative columns, and a free-text column.
// Row k is drawn from its own derived stream, so any row can be regenerated alone and the table is
// the same for a seed whatever the row count.
import type { Chance } from 'chance';
import { Rng, seedWords } from '../prng';
import { whole, type Cell, type Label, type Span } from './cell';
import { chanceFor } from './names';
import * as neg from './negatives';
import { freeText } from './text';
import * as v from './values';

export const PII_GENERATOR_VERSION = 1;

/** Where a column's values sit: the whole cell is the value, or spans inside free text. */
export type Split = 'column' | 'text';

interface ColumnSpec {
  header: string;
  split: Split;
  /** Share of rows with a value (the rest are empty cells). */
  fill: number;
  /** PII values, hard negatives, plain values (no labels), or free text with spans. */
  role: 'pii' | 'negative' | 'plain' | 'text';
  cell: (rng: Rng, c: Chance, row: number) => Cell;
}

const col = (header: string, label: Label, gen: (rng: Rng, c: Chance) => v.Value, fill = 0.92): ColumnSpec => ({
  header,
  split: 'column',
  fill,
  role: label === 'NEGATIVE' ? 'negative' : 'pii',
  cell: (rng, c) => whole(label, gen(rng, c)),
});

export const PII_COLUMNS: readonly ColumnSpec[] = [
  { header: 'id', split: 'column', role: 'plain', fill: 1, cell: (_rng, _c, row) => ({ text: String(row), spans: [] }) },
  col('Patient Name', 'PERSON', v.person),
  col('guardian', 'PERSON', v.person, 0.4),
  { header: 'contact', split: 'column', role: 'pii', fill: 0.92, cell: (rng, c) => (rng.chance(0.5) ? whole('EMAIL', v.email(rng, c)) : whole('PHONE', v.phone(rng))) },
  col('E-mail Address', 'EMAIL', v.email),
  col('Phone No', 'PHONE', (rng) => v.phone(rng, { bare: true })),
  col('fax', 'PHONE', (rng) => {
    const p = v.phone(rng);
    return { text: p.text, kind: `fax ${p.kind}` };
  }, 0.5),
  col('SSN', 'US_SSN', (rng) => v.ssn(rng, { bare: true })),
  col('payment', 'CREDIT_CARD', v.card),
  col('IBAN', 'IBAN', v.iban),
  col('client_ip', 'IP_ADDRESS', v.ip),
  col('device', 'MAC_ADDRESS', v.mac),
  col('website', 'URL', v.url, 0.6),
  col('postal', 'POSTAL_CODE', v.postcode),
  col('NI number', 'UK_NINO', v.nino, 0.5),
  col('DOB', 'DATE_OF_BIRTH', v.birthDate),
  col('admitted', 'DATE', v.eventDate),
  col('discharge_date', 'DATE', v.eventDate, 0.7),
  col('Address', 'STREET_ADDRESS', v.street),
  col('passport_no', 'PASSPORT', v.passport, 0.5),
  col('DL number', 'DRIVER_LICENSE', v.driverLicense, 0.6),
  col('MRN', 'IDENTIFIER', (rng) => v.identifier(rng, ['MRN'])),
  col('ref', 'IDENTIFIER', (rng) => v.identifier(rng, ['health plan', 'account', 'VIN'])),
  col('order_no', 'NEGATIVE', neg.orderNumber),
  col('product_code', 'NEGATIVE', neg.productCode),
  col('version', 'NEGATIVE', neg.version),
  col('isbn', 'NEGATIVE', neg.isbn, 0.5),
  col('request_id', 'NEGATIVE', neg.uuid, 0.7),
  col('shipped', 'NEGATIVE', neg.businessDate),
  col('tag', 'NEGATIVE', neg.capitalised),
  col('batch', 'NEGATIVE', neg.digitString),
  col('amount', 'NEGATIVE', neg.amount),
  col('legacy_id', 'NEGATIVE', neg.invalidLookalike, 0.6),
  { header: 'notes', split: 'text', role: 'text', fill: 0.95, cell: (rng, c) => freeText(rng, c) },
];

/** One truth row: a labelled span in one cell. */
export interface Truth extends Span {
  /** 1-based, as the engine's row ids. */
  row: number;
  column: string;
  split: Split;
}

export interface PiiTable {
  headers: string[];
  splits: Split[];
  /** rows[r][c]; null is an empty cell. */
  rows: (string | null)[][];
  truth: Truth[];
}

const STREAM = 0x9e11;

/** Row `row` (1-based) alone, from its own stream. */
export function piiRow(seed: string, row: number, chance = chanceFor()): { cells: (Cell | null)[] } {
  const rng = Rng.derive(seedWords(seed), STREAM, row);
  const c = chance.use(rng);
  return { cells: PII_COLUMNS.map((spec) => (spec.fill >= 1 || rng.chance(spec.fill) ? spec.cell(rng, c, row) : null)) };
}

export function generatePiiTable(rows: number, seed: string): PiiTable {
  const chance = chanceFor();
  const out: PiiTable = { headers: PII_COLUMNS.map((s) => s.header), splits: PII_COLUMNS.map((s) => s.split), rows: [], truth: [] };
  for (let r = 1; r <= rows; r++) {
    const { cells } = piiRow(seed, r, chance);
    out.rows.push(cells.map((cell) => cell?.text ?? null));
    cells.forEach((cell, i) => {
      const spec = PII_COLUMNS[i]!;
      for (const s of cell?.spans ?? []) out.truth.push({ row: r, column: spec.header, split: spec.split, ...s });
    });
  }
  return out;
}
