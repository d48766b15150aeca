// `npm run gen:pii -- --rows N --seed S --out DIR`: writes the labelled PII table as DIR/pii.csv
// and its truth as DIR/pii-truth.csv (row_id,column,entity,start,end,kind; offsets in Unicode code
// points, end-exclusive; entity NEGATIVE marks a hard negative). Same seed, same bytes.
import { Command, InvalidArgumentError, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { FileWriter } from '../file-writer';
import { generatePiiTable, type PiiTable } from './table';

const whole = (v: string) => {
  const n = Number(v.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
};

/** RFC 4180: quoted when the field holds a quote, a comma or a line break. */
export const csvField = (s: string | number | null): string => {
  if (s === null) return '';
  const t = String(s);
  return /[",\r\n]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
};

export function tableCsv(t: PiiTable): string {
  return [t.headers.map(csvField).join(','), ...t.rows.map((r) => r.map(csvField).join(','))].join('\n') + '\n';
}

export function truthCsv(t: PiiTable): string {
  const lines = ['row_id,column,entity,start,end,kind'];
  for (const s of t.truth) lines.push([s.row, s.column, s.label, s.start, s.end, s.kind].map(csvField).join(','));
  return lines.join('\n') + '\n';
}

function write(file: string, text: string): void {
  const w = new FileWriter(file);
  try {
    w.write(text);
    w.commit();
  } catch (err) {
    w.abort();
    throw err;
  }
}

const program = new Command('gen-pii')
  .description('Writes a labelled PII table (CSV) and its truth file (CSV, code-point offsets).')
  .addOption(new Option('--rows <n>', 'rows').default(20_000).argParser(whole))
  .option('--seed <seed>', 'generator seed', 'pii')
  .option('--out <dir>', 'output folder', '.bench/pii')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .action((o: { rows: number; seed: string; out: string }) => {
    fs.mkdirSync(o.out, { recursive: true });
    const t = generatePiiTable(o.rows, o.seed);
    write(path.join(o.out, 'pii.csv'), tableCsv(t));
    write(path.join(o.out, 'pii-truth.csv'), truthCsv(t));
    console.log(`wrote ${o.rows} rows and ${t.truth.length} labelled spans to ${path.join(o.out, 'pii.csv')} and pii-truth.csv`);
  });

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    program.parse();
  } catch (err) {
    console.error(`gen-pii: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
