// How results and errors are printed: `--json` gives exactly one JSON object on stdout; otherwise
// readable text. Errors always go to stderr as "sanitizer: <message>" plus the details that help.
import type { ErrorInfo } from '../shared/api/result';
import type { CliIO } from './io';

export function printJson(io: CliIO, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** Lines that add to an error message: where in the file, and the first offending lines. */
export function errorDetailLines(e: ErrorInfo): string[] {
  const d = e.details ?? {};
  const lines: string[] = [];
  const where = [
    d.file && !e.message.includes(String(d.file)) ? `file ${d.file}` : null,
    d.line !== undefined && !/\bline \d/.test(e.message) ? `line ${d.line}` : null,
    d.byteOffset !== undefined && !/byte offset/.test(e.message) ? `byte offset ${d.byteOffset}` : null,
  ].filter((x): x is string => x !== null);
  if (where.length > 0) lines.push(where.join(', '));
  const first = d.firstLines;
  if (Array.isArray(first)) {
    for (const l of first as unknown[]) {
      if (typeof l === 'object' && l !== null && 'line' in l) {
        const { line, text } = l as { line: unknown; text?: unknown };
        lines.push(`line ${String(line)}: ${String(text ?? '').slice(0, 200)}`);
      }
    }
  }
  return lines;
}

export function printError(io: CliIO, e: ErrorInfo, json: boolean, exitCode: number): void {
  io.err(`sanitizer: ${e.message}\n`);
  for (const l of errorDetailLines(e)) io.err(`  ${l}\n`);
  if (json) printJson(io, { error: e, exitCode });
}

/** A plain text table: columns padded to their widest cell. */
export function table(rows: string[][]): string {
  const widths = rows.reduce<number[]>((w, r) => r.map((c, i) => Math.max(w[i] ?? 0, [...c].length)), []);
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - [...c].length))).join('  ').trimEnd()).join('\n');
}

/** A header or any user text, shown on one line: quoted when it is empty or has edge spaces or control characters. */
export function shown(text: string): string {
  // eslint-disable-next-line no-control-regex -- the point is to spot control characters
  return text === '' || /^\s|\s$|[\x00-\x1f"]/.test(text) ? JSON.stringify(text) : text;
}
