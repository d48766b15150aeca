// Scoring PII findings against the generator's truth, cell by cell. A finding matches a truth span
// when the entity is the same and the spans overlap ("overlap" matching: the value was found, its
// edges may differ — a phone's leading '+', a title before a name); "strict" matching also needs
// the same start and end. Precision counts findings, recall counts truth spans, so two findings on
// one span are two true positives for precision and one hit for recall. A hard negative is a false
// alarm when any finding, of any entity, overlaps it.
import type { EntityType } from '../../src/shared/api/pii-types';
import type { Finding } from '../../src/main/engine/pii/types';
import type { Split, Truth } from '../gen/pii/table';

export interface Tally {
  truth: number;
  found: number;
  /** Truth spans with a matching finding (recall's numerator). */
  truthHit: { overlap: number; strict: number };
  /** Findings matching a truth span (precision's numerator). */
  foundHit: { overlap: number; strict: number };
}

export interface Example {
  header: string;
  row: number;
  text: string;
  /** What the other side held: the entity found instead, or the label under a false positive. */
  note: string;
}

export interface ScoreBoard {
  /** By `${entity}|${split}`. */
  tallies: Map<string, Tally>;
  /** Truth spans by `${entity}|${kind}|${split}`: total and missed (overlap matching). */
  kinds: Map<string, { total: number; missed: number; example?: Example }>;
  /** False positives by `${entity}|${reason}`. */
  falsePositives: Map<string, { count: number; examples: Example[] }>;
  /** Hard negatives by `${kind}|${split}`. */
  negatives: Map<string, { total: number; alarmed: number; as: Map<string, number>; examples: Example[] }>;
}

export const newBoard = (): ScoreBoard => ({ tallies: new Map(), kinds: new Map(), falsePositives: new Map(), negatives: new Map() });

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const same = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start === b.start && a.end === b.end;
const MAX_EXAMPLES = 4;

function tally(board: ScoreBoard, entity: string, split: Split): Tally {
  const key = `${entity}|${split}`;
  let t = board.tallies.get(key);
  if (!t) board.tallies.set(key, (t = { truth: 0, found: 0, truthHit: { overlap: 0, strict: 0 }, foundHit: { overlap: 0, strict: 0 } }));
  return t;
}

/** The finding's text, with a little context when the cell is longer. */
export function excerpt(text: string, start: number, end: number): string {
  const cps = [...text];
  const span = cps.slice(start, end).join('');
  if (cps.length <= 60) return start === 0 && end === cps.length ? span : `${cps.slice(0, start).join('')}[${span}]${cps.slice(end).join('')}`;
  return `…${cps.slice(Math.max(0, start - 20), start).join('')}[${span}]${cps.slice(end, end + 20).join('')}…`;
}

/** Scores one cell: its truth spans (entities and negatives) against the engine's findings. */
export function scoreCell(board: ScoreBoard, cell: { text: string; header: string; row: number; split: Split }, truth: readonly Truth[], findings: readonly Finding[]): void {
  const example = (s: { start: number; end: number }, note: string): Example => ({ header: cell.header, row: cell.row, text: excerpt(cell.text, s.start, s.end), note });
  for (const f of findings) {
    const t = tally(board, f.entity, cell.split);
    t.found++;
    const hits = truth.filter((s) => s.label === f.entity && overlaps(s, f));
    if (hits.length > 0) {
      t.foundHit.overlap++;
      if (hits.some((s) => same(s, f))) t.foundHit.strict++;
      continue;
    }
    const under = truth.find((s) => overlaps(s, f));
    const reason = under === undefined ? 'unlabelled text' : under.label === 'NEGATIVE' ? `hard negative: ${under.kind}` : `labelled ${under.label}`;
    const key = `${f.entity}|${reason}`;
    let fp = board.falsePositives.get(key);
    if (!fp) board.falsePositives.set(key, (fp = { count: 0, examples: [] }));
    fp.count++;
    if (fp.examples.length < MAX_EXAMPLES) fp.examples.push(example(f, `${f.recogniser} ${f.confidence}`));
  }
  for (const s of truth) {
    const near = findings.filter((f) => overlaps(s, f));
    if (s.label === 'NEGATIVE') {
      const key = `${s.kind}|${cell.split}`;
      let n = board.negatives.get(key);
      if (!n) board.negatives.set(key, (n = { total: 0, alarmed: 0, as: new Map(), examples: [] }));
      n.total++;
      if (near.length > 0) {
        n.alarmed++;
        for (const f of near) n.as.set(f.entity, (n.as.get(f.entity) ?? 0) + 1);
        if (n.examples.length < MAX_EXAMPLES) n.examples.push(example(s, near.map((f) => `${f.entity} ${f.confidence}`).join(', ')));
      }
      continue;
    }
    const t = tally(board, s.label, cell.split);
    t.truth++;
    const hits = near.filter((f) => f.entity === s.label);
    if (hits.length > 0) t.truthHit.overlap++;
    if (hits.some((f) => same(s, f))) t.truthHit.strict++;
    const kindKey = `${s.label}|${s.kind}|${cell.split}`;
    let k = board.kinds.get(kindKey);
    if (!k) board.kinds.set(kindKey, (k = { total: 0, missed: 0 }));
    k.total++;
    if (hits.length === 0) {
      k.missed++;
      k.example ??= example(s, near.length > 0 ? `found as ${near.map((f) => f.entity).join(', ')}` : 'nothing found');
    }
  }
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of a tally (NaN where there is nothing to divide by: no findings, no truth). */
export function prf(t: Tally, mode: 'overlap' | 'strict'): Prf {
  const precision = t.found === 0 ? Number.NaN : t.foundHit[mode] / t.found;
  const recall = t.truth === 0 ? Number.NaN : t.truthHit[mode] / t.truth;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Tallies summed over splits: one entity, or everything. */
export function combined(board: ScoreBoard, entity: EntityType, split?: Split): Tally {
  const sum: Tally = { truth: 0, found: 0, truthHit: { overlap: 0, strict: 0 }, foundHit: { overlap: 0, strict: 0 } };
  for (const [key, t] of board.tallies) {
    const [e, s] = key.split('|');
    if (e !== entity || (split !== undefined && s !== split)) continue;
    sum.truth += t.truth;
    sum.found += t.found;
    sum.truthHit.overlap += t.truthHit.overlap;
    sum.truthHit.strict += t.truthHit.strict;
    sum.foundHit.overlap += t.foundHit.overlap;
    sum.foundHit.strict += t.foundHit.strict;
  }
  return sum;
}

/** Hard negatives alarmed over all kinds (and one split, if given). */
export function falseAlarms(board: ScoreBoard, split?: Split): { total: number; alarmed: number; rate: number } {
  let total = 0;
  let alarmed = 0;
  for (const [key, n] of board.negatives) {
    if (split !== undefined && !key.endsWith(`|${split}`)) continue;
    total += n.total;
    alarmed += n.alarmed;
  }
  return { total, alarmed, rate: total === 0 ? 0 : alarmed / total };
}
