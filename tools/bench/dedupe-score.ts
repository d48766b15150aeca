// Pairwise accuracy of a duplicate clustering against the generator's truth: precision, recall and
// F1 over record pairs, computed from the contingency counts of (predicted, true) cluster labels —
// never by listing pairs, so one cluster of a million rows costs no more than a million singletons.
// Also reads the files (`record_id,cluster_id` from `sanitizer dedupe --clusters`, `row_id,cluster_id`
// from the generator) with errors that name the file, the line and what is wrong.
import fs from 'node:fs';

export interface PairScore {
  rows: number;
  /** Pairs of rows that share a true cluster. */
  truePairs: number;
  /** Pairs of rows that share a predicted cluster. */
  predictedPairs: number;
  /** Pairs in both. */
  truePositives: number;
  /** Predicted pairs that are not true pairs (wrongly joined). */
  falsePositives: number;
  /** True pairs that were not predicted (missed). */
  falseNegatives: number;
  /** truePositives / predictedPairs; 1 when nothing was paired (no false pair was made). */
  precision: number;
  /** truePositives / truePairs; 1 when there is nothing to find. */
  recall: number;
  /** The harmonic mean of precision and recall; 0 when both are 0. */
  f1: number;
  /** Clusters of two or more rows. */
  trueClusters: number;
  predictedClusters: number;
  /** Clusters of two or more rows that were predicted exactly (same members). */
  exactClusters: number;
}

const pairsOf = (n: number) => (n * (n - 1)) / 2;

/** Dense 0-based labels, so that a pair of labels makes one safe integer key. */
function dense(labels: ArrayLike<number | string>): { ids: Uint32Array; count: number } {
  const seen = new Map<number | string, number>();
  const ids = new Uint32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    let id = seen.get(l);
    if (id === undefined) {
      id = seen.size;
      seen.set(l, id);
    }
    ids[i] = id;
  }
  return { ids, count: seen.size };
}

function sizes(ids: Uint32Array, count: number): Uint32Array {
  const s = new Uint32Array(count);
  for (const id of ids) s[id]!++;
  return s;
}

/**
 * `predicted[i]` and `truth[i]` are row i's cluster labels (any numbers or strings; only equality
 * matters). Every figure comes from cluster sizes and the sizes of their intersections.
 */
export function pairwiseScore(predicted: ArrayLike<number | string>, truth: ArrayLike<number | string>): PairScore {
  if (predicted.length !== truth.length) throw new Error(`pairwiseScore: ${predicted.length} predicted labels for ${truth.length} rows`);
  const p = dense(predicted);
  const t = dense(truth);
  const pSize = sizes(p.ids, p.count);
  const tSize = sizes(t.ids, t.count);
  const cells = new Map<number, number>();
  for (let i = 0; i < p.ids.length; i++) {
    const key = p.ids[i]! * t.count + t.ids[i]!;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  let truePositives = 0;
  let exactClusters = 0;
  for (const [key, n] of cells) {
    truePositives += pairsOf(n);
    const pi = Math.floor(key / t.count);
    const ti = key - pi * t.count;
    if (n >= 2 && pSize[pi] === n && tSize[ti] === n) exactClusters++;
  }
  let truePairs = 0;
  let trueClusters = 0;
  for (const n of tSize) {
    truePairs += pairsOf(n);
    if (n >= 2) trueClusters++;
  }
  let predictedPairs = 0;
  let predictedClusters = 0;
  for (const n of pSize) {
    predictedPairs += pairsOf(n);
    if (n >= 2) predictedClusters++;
  }
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  return {
    rows: p.ids.length, truePairs, predictedPairs, truePositives,
    falsePositives: predictedPairs - truePositives, falseNegatives: truePairs - truePositives,
    precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    trueClusters, predictedClusters, exactClusters,
  };
}

/** One CSV record's fields (RFC 4180 quotes; the files here hold no line breaks inside fields). */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error('an unclosed quote');
        v += line.slice(i, q);
        if (line[q + 1] === '"') {
          v += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      out.push(v);
      if (i >= line.length) return out;
      if (line[i] !== ',') throw new Error(`a character after a closing quote at column ${i + 1}`);
      i++;
    } else {
      const c = line.indexOf(',', i);
      if (c < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, c));
      i = c + 1;
    }
  }
}

/** A two-column CSV (`id,cluster`) as its id and label columns; checks the header and that ids are unique. */
export function readLabels(file: string, header: readonly [string, string]): { ids: string[]; labels: string[] } {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const head = (lines[0] ?? '').replace(/^\uFEFF/, '');
  if (head !== header.join(',')) throw new Error(`${file}: line 1 is "${head.slice(0, 80)}"; expected the header ${header.join(',')}`);
  const ids: string[] = [];
  const labels: string[] = [];
  const seen = new Set<string>();
  for (let n = 1; n < lines.length; n++) {
    let f: string[];
    try {
      f = csvFields(lines[n]!);
    } catch (err) {
      throw new Error(`${file}: line ${n + 1}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    if (f.length !== 2) throw new Error(`${file}: line ${n + 1} has ${f.length} fields; expected 2 (${header.join(',')})`);
    const [id, label] = f as [string, string];
    if (id === '' || label === '') throw new Error(`${file}: line ${n + 1}: an empty ${id === '' ? header[0] : header[1]}`);
    if (seen.has(id)) throw new Error(`${file}: line ${n + 1}: ${header[0]} ${id} appears a second time`);
    seen.add(id);
    ids.push(id);
    labels.push(label);
  }
  return { ids, labels };
}

/**
 * The predicted labels in the truth's row order: the clusters file must name every truth row
 * exactly once (its record_id is the row id) and nothing else.
 */
export function alignToTruth(clustersFile: string, truthFile: string): { truthIds: string[]; truth: string[]; predicted: string[] } {
  const t = readLabels(truthFile, ['row_id', 'cluster_id']);
  const c = readLabels(clustersFile, ['record_id', 'cluster_id']);
  const at = new Map<string, number>();
  t.ids.forEach((id, i) => at.set(id, i));
  const predicted = new Array<string>(t.ids.length);
  c.ids.forEach((id, i) => {
    const row = at.get(id);
    if (row === undefined) throw new Error(`${clustersFile}: line ${i + 2}: record_id ${id} is no row of ${truthFile}`);
    predicted[row] = c.labels[i]!;
  });
  const missing = t.ids.filter((_, i) => predicted[i] === undefined);
  if (missing.length > 0) {
    throw new Error(`${clustersFile}: ${missing.length} of ${t.ids.length} rows have no cluster (first: record_id ${missing.slice(0, 5).join(', ')})`);
  }
  return { truthIds: t.ids, truth: t.labels, predicted };
}

export function scoreFiles(clustersFile: string, truthFile: string): PairScore {
  const a = alignToTruth(clustersFile, truthFile);
  return pairwiseScore(a.predicted, a.truth);
}
