// What every output format provides: the records in order, then a finished file (or nothing).
// Text formats take whole chunks of text (formatted in worker threads); XLSX takes rows.
import type { GenRow } from '../plan';
import type { TextFormat } from '../text';

interface Common {
  /** Completes the file under its final name; returns its size in bytes. */
  finish(): Promise<number>;
  /** Removes every partial output. */
  abort(): Promise<void>;
}

export interface TextSink extends Common {
  kind: 'text';
  format: TextFormat;
  /** The text of consecutive rows (see chunkText), in order. */
  chunk(text: string): void;
}

export interface RowSink extends Common {
  kind: 'rows';
  row(r: GenRow): void | Promise<void>;
}

export type Sink = TextSink | RowSink;
