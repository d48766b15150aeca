// The accuracy half of `npm run bench -- pii`: generates the labelled table (tools/gen/pii), scans
// every cell with the engine's per-cell function (`scanCells`, the worker pool's 'pii.scanCells'
// task, each column with its own header), scores findings against the truth (pii-score.ts) and
// writes precision/recall/F1 per entity, table columns and free text apart, plus the hard-negative
// false-alarm rate and the recognisers' weak spots with examples.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RECOGNISERS } from '../../src/main/engine/pii/registry';
import { scanCells } from '../../src/main/engine/pii/scan';
import { ENTITY_TYPES, type EntityType } from '../../src/shared/api/pii-types';
import { NAME_LIST_SIZES } from '../gen/pii/names';
import { PII_COLUMNS, PII_GENERATOR_VERSION, generatePiiTable, type Split, type Truth } from '../gen/pii/table';
import { BENCH_DIR } from './datasets';
import { describeMachine, type Machine } from './machine';
import { combined, falseAlarms, newBoard, prf, scoreCell, type ScoreBoard, type Tally } from './pii-score';
import { int, machineLines, s2, verdict, writeSection } from './report';

export const PII_REGIONS = ['US', 'GB'];
/** Types validated by a checksum or a number plan: the test's gate and the 0.99 target. */
export const CHECKSUM_TYPES: readonly EntityType[] = ['CREDIT_CARD', 'IBAN', 'US_SSN', 'UK_NINO', 'EMAIL', 'IP_ADDRESS', 'MAC_ADDRESS', 'PHONE'];
export const PII_TARGET = { checksum: 0.99, nameColumnF1: 0.9, nameTextF1: 0.8, falseAlarmRate: 0.01 } as const;
/** The second view's cut: findings below this confidence left out (the app shows them, ranked low). */
export const PII_CONFIDENT = 0.5;
const BATCH = 2_000;

export interface PiiAccuracy {
  rows: number;
  seed: string;
  cells: number;
  truthSpans: number;
  negatives: number;
  /** Scanning time only (not generation), in this process. */
  scanSeconds: number;
  board: ScoreBoard;
  /** The same scoring with findings below PII_CONFIDENT left out. */
  confident: ScoreBoard;
  /** Recognisers the engine ran (registry ids). */
  recognisers: string[];
}

export async function measurePiiAccuracy(o: { rows: number; seed: string; log?: (s: string) => void }): Promise<PiiAccuracy> {
  const log = o.log ?? (() => undefined);
  const table = generatePiiTable(o.rows, o.seed);
  log(`pii: generated ${int(o.rows)} rows × ${table.headers.length} columns, ${int(table.truth.length)} labelled spans`);
  const byCell = new Map<string, Truth[]>();
  for (const t of table.truth) {
    const key = `${t.row}|${t.column}`;
    const list = byCell.get(key);
    if (list) list.push(t);
    else byCell.set(key, [t]);
  }
  const board = newBoard();
  const confident = newBoard();
  let cells = 0;
  let scanMs = 0;
  for (const [c, header] of table.headers.entries()) {
    const split: Split = table.splits[c]!;
    for (let from = 0; from < table.rows.length; from += BATCH) {
      const rows: number[] = [];
      const values: string[] = [];
      for (let r = from; r < Math.min(table.rows.length, from + BATCH); r++) {
        const v = table.rows[r]![c];
        if (v === null || v === undefined) continue;
        rows.push(r + 1);
        values.push(v);
      }
      const t0 = performance.now();
      const found = scanCells({ values, header, regions: PII_REGIONS });
      scanMs += performance.now() - t0;
      cells += values.length;
      values.forEach((text, i) => {
        const row = rows[i]!;
        const truth = byCell.get(`${row}|${header}`) ?? [];
        const findings = found[i] ?? [];
        scoreCell(board, { text, header, row, split }, truth, findings);
        scoreCell(confident, { text, header, row, split }, truth, findings.filter((f) => f.confidence >= PII_CONFIDENT));
      });
    }
    log(`pii: scanned column ${header}`);
    // Let the event loop breathe between columns (progress lines, Ctrl-C).
    await new Promise((r) => setImmediate(r));
  }
  return {
    rows: o.rows,
    seed: o.seed,
    cells,
    truthSpans: table.truth.filter((t) => t.label !== 'NEGATIVE').length,
    negatives: table.truth.filter((t) => t.label === 'NEGATIVE').length,
    scanSeconds: scanMs / 1000,
    board,
    confident,
    recognisers: RECOGNISERS.map((r) => r.id),
  };
}

const f3 = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(3));
const esc = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

function row(entity: string, split: string, t: Tally): string {
  const o = prf(t, 'overlap');
  const s = prf(t, 'strict');
  const none = t.truth === 0 && t.found === 0;
  return none
    ? `| ${entity} | ${split} | 0 | 0 | — | — | — | — | — | — |`
    : `| ${entity} | ${split} | ${int(t.truth)} | ${int(t.found)} | ${f3(o.precision)} | ${f3(o.recall)} | **${f3(o.f1)}** | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} |`;
}

/** Which targets are met, as lines (also what the integration test checks, for the checksum types). */
export function targetLines(a: PiiAccuracy): string[] {
  const lines: string[] = [];
  for (const e of CHECKSUM_TYPES) {
    const { precision, recall } = prf(combined(a.board, e), 'overlap');
    lines.push(`- ${e}: P ${f3(precision)}, R ${f3(recall)} (target ≥ ${PII_TARGET.checksum}) — ${verdict(precision >= PII_TARGET.checksum && recall >= PII_TARGET.checksum)}`);
  }
  for (const e of ['PERSON', 'STREET_ADDRESS'] as const) {
    const col = prf(combined(a.board, e, 'column'), 'overlap').f1;
    const text = prf(combined(a.board, e, 'text'), 'overlap').f1;
    lines.push(
      `- ${e}: F1 ${f3(col)} in its columns (target ≥ ${PII_TARGET.nameColumnF1}) — ${verdict(col >= PII_TARGET.nameColumnF1)}; ` +
        `F1 ${f3(text)} in free text (target ≥ ${PII_TARGET.nameTextF1}) — ${verdict(text >= PII_TARGET.nameTextF1)}`,
    );
  }
  const fa = falseAlarms(a.board);
  lines.push(`- Hard negatives: ${int(fa.alarmed)} of ${int(fa.total)} alarmed, ${(100 * fa.rate).toFixed(2)} % (target ≤ ${100 * PII_TARGET.falseAlarmRate} %) — ${verdict(fa.rate <= PII_TARGET.falseAlarmRate)}`);
  return lines;
}

function weaknessLines(a: PiiAccuracy): string[] {
  const lines: string[] = [];
  const missed = [...a.board.kinds.entries()].filter(([, k]) => k.missed > 0).sort((x, y) => y[1].missed - x[1].missed);
  const uncovered = ENTITY_TYPES.filter((e) => combined(a.board, e).truth > 0 && combined(a.board, e).found === 0);
  if (uncovered.length > 0) lines.push(`No finding at all (no recogniser for them in this build, or it never fired): ${uncovered.join(', ')}.`, '');
  const shown = missed.filter(([k]) => !uncovered.includes(k.split('|')[0] as EntityType)).slice(0, 25);
  if (shown.length > 0) {
    lines.push('Misses by variant (overlap matching; the 25 with most misses):', '', '| entity | variant | where | missed | of | e.g. (column: value → outcome) |', '| --- | --- | --- | ---: | ---: | --- |');
    for (const [key, k] of shown) {
      const [entity, kind, split] = key.split('|');
      const ex = k.example ? `${esc(k.example.header)}: \`${esc(k.example.text)}\` → ${k.example.note}` : '';
      lines.push(`| ${entity} | ${esc(kind ?? '')} | ${split === 'column' ? 'table columns' : 'free text'} | ${int(k.missed)} | ${int(k.total)} | ${ex} |`);
    }
    lines.push('');
  }
  const fps = [...a.board.falsePositives.entries()].sort((x, y) => y[1].count - x[1].count).slice(0, 25);
  if (fps.length > 0) {
    lines.push('False positives by what lay under them:', '', '| entity reported | under it | count | e.g. (column: value, recogniser confidence) |', '| --- | --- | ---: | --- |');
    for (const [key, fp] of fps) {
      const [entity, reason] = key.split('|');
      const ex = fp.examples.slice(0, 2).map((e) => `${esc(e.header)}: \`${esc(e.text)}\` (${e.note})`).join('; ');
      lines.push(`| ${entity} | ${esc(reason ?? '')} | ${int(fp.count)} | ${ex} |`);
    }
  }
  return lines;
}

/** P/R/F1 (overlap) of every entity with findings, with all findings and with the confident ones only. */
function confidentLines(a: PiiAccuracy): string[] {
  const lines = [
    `The same with findings below confidence ${PII_CONFIDENT} left out (overlap matching, both kinds of column; the false alarms become ` +
      `${(100 * falseAlarms(a.confident).rate).toFixed(2)} %):`,
    '',
    `| entity | P, all | R, all | F1, all | P ≥ ${PII_CONFIDENT} | R ≥ ${PII_CONFIDENT} | F1 ≥ ${PII_CONFIDENT} |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const e of ENTITY_TYPES) {
    const all = combined(a.board, e);
    if (all.found === 0) continue;
    const x = prf(all, 'overlap');
    const y = prf(combined(a.confident, e), 'overlap');
    lines.push(`| ${e} | ${f3(x.precision)} | ${f3(x.recall)} | ${f3(x.f1)} | ${f3(y.precision)} | ${f3(y.recall)} | ${f3(y.f1)} |`);
  }
  return lines;
}

/** '22 PII columns, 9 hard-negative columns, 1 plain (`id`) and 1 free-text (`notes`)' */
function columnKinds(): string {
  const n = (role: string) => PII_COLUMNS.filter((c) => c.role === role);
  const names = (role: string) => n(role).map((c) => `\`${c.header}\``).join(', ');
  return `${n('pii').length} PII columns, ${n('negative').length} hard-negative columns, ${n('plain').length} plain (${names('plain')}) and ${n('text').length} free-text (${names('text')})`;
}

export function piiAccuracySection(a: PiiAccuracy, m: Machine, date: string, note: string | null): string {
  const lines = [
    '## PII accuracy',
    '',
    ...machineLines(m, date, note),
    '',
    `Data: ${int(a.rows)} rows from the labelled PII generator (\`npm run gen:pii -- --rows ${a.rows} --seed ${a.seed}\`, v${PII_GENERATOR_VERSION}): ${int(a.cells)} non-empty cells in ${PII_COLUMNS.length} columns ` +
      `— ${columnKinds()} (headers realistic or misleading: \`contact\`, \`ref\`, \`guardian\`, \`device\`, \`payment\` say nothing of what they hold) — ` +
      `holding ${int(a.truthSpans)} labelled entity spans and ${int(a.negatives)} labelled hard negatives. People and streets come from the \`chance\` package's lists ` +
      `(${int(NAME_LIST_SIZES.first)} given names, ${int(NAME_LIST_SIZES.last)} surnames) and syllable words, not from the faker-derived lists the recognisers ship. ` +
      `Every cell is scanned by \`scanCells\` (the worker pool's per-cell task) with its column's header and regions ${PII_REGIONS.join(', ')}, in one thread; ` +
      `all findings count, whatever their confidence (a second table leaves out those below ${PII_CONFIDENT}). The dataset scan's column classification, which moves ` +
      `confidences up or down per column, is not applied here: these are the recognisers' own figures. Recognisers in this build: ${a.recognisers.join(', ')}. ` +
      `Scanning took ${s2(a.scanSeconds)} s (${int(a.cells / a.scanSeconds)} cells/s, one thread, indicative only on a shared machine).`,
    '',
    '*Overlap* matching: a finding counts when its entity equals a labelled span\'s and the spans overlap; *strict*: the same start and end too. ' +
      'Precision counts findings (a finding on unlabelled text, on a hard negative or on another entity is a false positive); recall counts labelled spans. ' +
      'A hard negative is a false alarm when any finding overlaps it. — where there is nothing to divide.',
    '',
    '| entity | where | spans | findings | P | R | F1 | P strict | R strict | F1 strict |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const e of ENTITY_TYPES) {
    for (const split of ['column', 'text'] as const) lines.push(row(e, split === 'column' ? 'table columns' : 'free text', combined(a.board, e, split)));
  }
  lines.push('', 'Targets (issue 4), overlap matching, both kinds of column together unless said:', '', ...targetLines(a), '');
  lines.push(...confidentLines(a), '');
  lines.push('Hard negatives:', '', '| kind | where | count | false alarms | rate | reported as |', '| --- | --- | ---: | ---: | ---: | --- |');
  const negs = [...a.board.negatives.entries()].sort(([x], [y]) => x.localeCompare(y));
  for (const [key, n] of negs) {
    const [kind, split] = key.split('|');
    const as = [...n.as.entries()].map(([e, c]) => `${e} ${int(c)}`).join(', ');
    const ex = n.examples[0] ? ` (e.g. \`${esc(n.examples[0].text)}\`)` : '';
    lines.push(`| ${kind} | ${split === 'column' ? 'table columns' : 'free text'} | ${int(n.total)} | ${int(n.alarmed)} | ${((100 * n.alarmed) / n.total).toFixed(2)} % | ${as}${ex} |`);
  }
  lines.push('', ...weaknessLines(a));
  return lines.join('\n');
}

/** The suite as main.ts runs it: measure, print, keep the raw tallies, write the section. */
export async function benchPiiAccuracy(o: { rows: number; seed: string; doc: string | false; note: string | null; stamp: string; log: (s: string) => void }): Promise<void> {
  const load = os.loadavg()[0] ?? 0;
  const date = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const accuracy = await measurePiiAccuracy({ rows: o.rows, seed: o.seed, log: o.log });
  const machine = await describeMachine(load);
  const section = piiAccuracySection(accuracy, machine, date, o.note);
  const { board, confident, ...summary } = accuracy;
  const tallies = { all: Object.fromEntries(board.tallies), confident: Object.fromEntries(confident.tallies) };
  fs.writeFileSync(path.join(BENCH_DIR, 'results', `pii-accuracy-${o.stamp}.json`), JSON.stringify({ machine, date, summary, tallies }, null, 2));
  console.log(`\n${section}\n`);
  if (o.doc) writeSection(o.doc, 'pii-accuracy', section);
}
