// The worker task of a dataset scan ('pii.scanValues'): one column's distinct values in, their
// findings out as parallel arrays (cheap to clone back), each with whether it covers the whole
// value (column classification counts those) and its explanation as JSON. No masked preview: the
// findings store none; it is computed from the cell when findings are read (store.ts).
import { scanText } from '../scan';

export interface ScanValuesInput {
  values: string[];
  /** The column's original header: recognisers read it as evidence. */
  header: string;
  regions: string[];
}

/** Findings of a batch, one entry per finding; `i` is the value's index in the batch. */
export interface ScanValuesOutput {
  /** Values in the batch (the next batch's ids start after them). */
  n: number;
  i: number[];
  whole: boolean[];
  entity: string[];
  start: number[];
  end: number[];
  confidence: number[];
  recogniser: string[];
  explanation: string[];
}

const HAS_SURROGATE = /[\uD800-\uDFFF]/;

/** Code points of leading and trailing white space, and the value's length in code points. */
function bounds(v: string): { lead: number; stop: number } {
  const length = HAS_SURROGATE.test(v) ? Array.from(v).length : v.length;
  const lead = v.length - v.trimStart().length;
  const trail = v.length - v.trimEnd().length;
  return { lead, stop: length - trail };
}

export function scanValues(input: ScanValuesInput): ScanValuesOutput {
  const out: ScanValuesOutput = { n: input.values.length, i: [], whole: [], entity: [], start: [], end: [], confidence: [], recogniser: [], explanation: [] };
  const ctx = { header: input.header, regions: input.regions };
  input.values.forEach((v, i) => {
    const found = scanText(v, ctx);
    if (found.length === 0) return;
    const b = bounds(v);
    for (const f of found) {
      out.i.push(i);
      out.whole.push(f.start <= b.lead && f.end >= b.stop);
      out.entity.push(f.entity);
      out.start.push(f.start);
      out.end.push(f.end);
      out.confidence.push(f.confidence);
      out.recogniser.push(f.recogniser);
      out.explanation.push(JSON.stringify(f.explanation));
    }
  });
  return out;
}
