// Undo/redo as snapshots: the present, what came before and what was undone. Bursts of edits to
// one field (typing) coalesce into one entry, so Ctrl+Z undoes a word, not a keystroke.
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** The field the last edit touched, and when; an edit to the same field soon after joins it. */
  lastKey: string | null;
  lastAt: number;
}

/** Entries kept; older ones drop off the far end. */
export const HISTORY_LIMIT = 200;
/** Edits to one field closer together than this are one undo step. */
export const COALESCE_MS = 1500;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null, lastAt: 0 };
}

export interface RecordOptions {
  /** Which field the edit touched (e.g. `s3:params.find`); edits without a key never coalesce. */
  key?: string;
  at?: number;
}

/** The history after an edit that produced `next`. */
export function record<T>(h: History<T>, next: T, opts: RecordOptions = {}): History<T> {
  if (next === h.present) return h;
  const at = opts.at ?? Date.now();
  const key = opts.key ?? null;
  if (key !== null && key === h.lastKey && at - h.lastAt < COALESCE_MS && h.future.length === 0) {
    return { ...h, present: next, lastAt: at };
  }
  return { past: [...h.past, h.present].slice(-HISTORY_LIMIT), present: next, future: [], lastKey: key, lastAt: at };
}

export function undo<T>(h: History<T>): History<T> {
  const prev = h.past.at(-1);
  if (prev === undefined) return h;
  return { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future], lastKey: null, lastAt: 0 };
}

export function redo<T>(h: History<T>): History<T> {
  const [next, ...rest] = h.future;
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future: rest, lastKey: null, lastAt: 0 };
}

export const canUndo = <T>(h: History<T>): boolean => h.past.length > 0;
export const canRedo = <T>(h: History<T>): boolean => h.future.length > 0;

/** Rewrites every snapshot (e.g. to attach a save's version to the whole lineage). */
export function mapHistory<T>(h: History<T>, fn: (t: T) => T): History<T> {
  return { ...h, past: h.past.map(fn), present: fn(h.present), future: h.future.map(fn) };
}
