// A streaming, byte-level JSON syntax checker. DuckDB's reader says a file is malformed but not
// where (its "byte N in record/value M" is relative and unreliable), so when it refuses a file
// this pass finds the first error's line and byte offset, and where the k-th record starts.
import fs from 'node:fs';

/** How records are laid out: one document (records are the top-level array's elements, or the
 * top-level values one after another), or one value per non-blank line (JSONL). */
export type JsonLayout = 'document' | 'lines';

export interface SyntaxProblem {
  line: number;
  column: number;
  byteOffset: number;
  reason: string;
}

export interface RecordStart {
  index: number;
  line: number;
  byteOffset: number;
}

const enum S {
  Value, // expecting a value
  AfterValue, // a value ended: expecting , ] } or (top level) whitespace / the next value
  ObjKeyOrEnd,
  ObjKey,
  Colon,
  ArrValueOrEnd,
  Str,
  StrEscape,
  StrUnicode,
  Num,
  Lit,
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export class JsonSyntaxChecker {
  private state = S.Value;
  private stack: ('[' | '{')[] = [];
  private strIsKey = false;
  private hexLeft = 0;
  private utf8Left = 0;
  private numState = '';
  private lit = '';
  private litPos = 0;
  private line = 1;
  private lineStart = 0;
  private offset = 0;
  private records = 0;
  private topArray = false;
  private problem: SyntaxProblem | null = null;
  private stopped = false;

  constructor(
    private readonly layout: JsonLayout,
    private readonly onRecord?: (r: RecordStart) => boolean,
  ) {}

  get result(): SyntaxProblem | null {
    return this.problem;
  }

  get done(): boolean {
    return this.problem !== null || this.stopped;
  }

  private fail(reason: string): void {
    this.problem ??= { line: this.line, column: this.offset - this.lineStart + 1, byteOffset: this.offset, reason };
  }

  /** Feeds the next bytes; returns false once an error is found or the caller stopped. */
  feed(buf: Buffer): boolean {
    for (let i = 0; i < buf.length && !this.done; i++) {
      const b = buf[i]!;
      if (this.offset === 0 && b === 0xef && buf[i + 1] === 0xbb && buf[i + 2] === 0xbf) {
        i += 2;
        this.offset += 3;
        this.lineStart = 3;
        continue;
      }
      this.step(b);
      if (b === 0x0a) {
        this.line++;
        this.lineStart = this.offset + 1;
      }
      this.offset++;
    }
    return !this.done;
  }

  /** Ends the input; returns the first problem, if any. */
  end(): SyntaxProblem | null {
    if (this.done) return this.problem;
    if (this.state === S.Num && this.numberComplete()) this.endValue();
    if (this.state === S.Lit) this.fail('the file ends inside a literal');
    else if (this.state === S.Str || this.state === S.StrEscape || this.state === S.StrUnicode) this.fail('the file ends inside a string');
    else if (this.state === S.Num) this.fail('the file ends inside a number');
    else if (this.stack.length > 0) this.fail(`the file ends before the closing ${this.stack.at(-1) === '[' ? ']' : '}'}`);
    else if (this.records === 0 && !this.topArray) this.fail('the file holds no JSON value');
    return this.problem;
  }

  private recordStart(): void {
    const depth = this.stack.length;
    // A top-level array is a container of records, not one: its elements are.
    if (depth === 0 && this.topArray) return;
    const isRecord = this.topArray ? depth === 1 : depth === 0;
    if (!isRecord) return;
    const r = { index: this.records++, line: this.line, byteOffset: this.offset };
    if (this.onRecord?.(r)) this.stopped = true;
  }

  private step(b: number): void {
    switch (this.state) {
      case S.Str:
        return this.stringByte(b);
      case S.StrEscape:
        if (b === 0x75) {
          this.state = S.StrUnicode;
          this.hexLeft = 4;
        } else if ('"\\/bfnrt'.includes(String.fromCharCode(b))) this.state = S.Str;
        else this.fail('an invalid escape sequence in a string');
        return;
      case S.StrUnicode:
        if (!/[0-9a-fA-F]/.test(String.fromCharCode(b))) return this.fail('an invalid \\u escape in a string');
        if (--this.hexLeft === 0) this.state = S.Str;
        return;
      case S.Num:
        if (this.numberByte(b)) return;
        if (!this.numberComplete()) return this.fail('an incomplete number');
        this.endValue();
        return this.step(b);
      case S.Lit:
        if (b !== this.lit.charCodeAt(this.litPos)) return this.fail(`an unexpected character in "${this.lit}"`);
        if (++this.litPos === this.lit.length) this.endValue();
        return;
      default:
        return this.structural(b);
    }
  }

  private stringByte(b: number): void {
    if (this.utf8Left > 0) {
      if ((b & 0xc0) !== 0x80) return this.fail('invalid UTF-8 bytes in a string');
      this.utf8Left--;
      return;
    }
    if (b === 0x22) {
      if (this.strIsKey) this.state = S.Colon;
      else this.endValue();
      return;
    }
    if (b === 0x5c) {
      this.state = S.StrEscape;
      return;
    }
    if (b < 0x20) return this.fail(b === 0x0a ? 'a line break inside a string (a missing closing quote?)' : 'a control character inside a string');
    if (b >= 0x80) {
      if (b >= 0xc2 && b <= 0xdf) this.utf8Left = 1;
      else if (b >= 0xe0 && b <= 0xef) this.utf8Left = 2;
      else if (b >= 0xf0 && b <= 0xf4) this.utf8Left = 3;
      else this.fail('invalid UTF-8 bytes in a string');
    }
  }

  private numberByte(b: number): boolean {
    const c = String.fromCharCode(b);
    const digit = b >= 0x30 && b <= 0x39;
    const s = this.numState;
    let next: string | null = null;
    if (s === '-') next = c === '0' ? '0' : digit ? 'int' : null;
    else if (s === '0' || s === 'int') next = s === 'int' && digit ? 'int' : c === '.' ? '.' : c === 'e' || c === 'E' ? 'e' : null;
    else if (s === '.' || s === 'frac') next = digit ? 'frac' : s === 'frac' && (c === 'e' || c === 'E') ? 'e' : null;
    else if (s === 'e') next = c === '+' || c === '-' ? 'esign' : digit ? 'exp' : null;
    else if (s === 'esign' || s === 'exp') next = digit ? 'exp' : null;
    if (next === null) return false;
    this.numState = next;
    return true;
  }

  private numberComplete(): boolean {
    return ['0', 'int', 'frac', 'exp'].includes(this.numState);
  }

  /** A value (scalar or container) just ended. */
  private endValue(): void {
    this.state = S.AfterValue;
  }

  private startValue(b: number): void {
    const c = String.fromCharCode(b);
    this.recordStart();
    if (this.done) return;
    if (c === '{') {
      this.stack.push('{');
      this.state = S.ObjKeyOrEnd;
    } else if (c === '[') {
      this.stack.push('[');
      this.state = S.ArrValueOrEnd;
    } else if (c === '"') {
      this.strIsKey = false;
      this.state = S.Str;
    } else if (c === '-' || (b >= 0x30 && b <= 0x39)) {
      this.numState = c === '-' ? '-' : c === '0' ? '0' : 'int';
      this.state = S.Num;
    } else if (c === 't' || c === 'f' || c === 'n') {
      this.lit = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      this.litPos = 1;
      this.state = S.Lit;
    } else this.fail(`an unexpected character ${describe(b)} where a value should start`);
  }

  private structural(b: number): void {
    const inLines = this.layout === 'lines';
    if (b === 0x0a && inLines && this.stack.length > 0) return this.fail('the record ends at the end of the line before it is complete (JSON lines hold one record per line)');
    if (WS.has(b)) {
      if (b === 0x0a && inLines && this.stack.length === 0 && this.state === S.AfterValue) this.state = S.Value;
      return;
    }
    const c = String.fromCharCode(b);
    const top = this.stack.at(-1);
    switch (this.state) {
      case S.Value:
        if (this.layout === 'document' && this.stack.length === 0 && this.records === 0 && c === '[') this.topArray = true;
        return this.startValue(b);
      case S.ArrValueOrEnd:
        if (c === ']') return this.close('[');
        return this.startValue(b);
      case S.ObjKeyOrEnd:
        if (c === '}') return this.close('{');
        if (c !== '"') return this.fail(`an unexpected character ${describe(b)} where a key in double quotes should be`);
        this.strIsKey = true;
        this.state = S.Str;
        return;
      case S.ObjKey:
        if (c !== '"') return this.fail(`an unexpected character ${describe(b)} where a key in double quotes should be (a trailing comma?)`);
        this.strIsKey = true;
        this.state = S.Str;
        return;
      case S.Colon:
        if (c !== ':') return this.fail(`${describe(b)} where a colon should follow the key`);
        this.state = S.Value;
        return;
      case S.AfterValue:
        if (top === undefined) {
          if (inLines) return this.fail(`${describe(b)} after the end of the record (JSON lines hold one record per line)`);
          if (this.topArray) return this.fail(`${describe(b)} after the end of the top-level array`);
          return this.startValue(b);
        }
        if (c === ',') {
          this.state = top === '{' ? S.ObjKey : S.Value;
          return;
        }
        if (c === ']' || c === '}') return this.close(c === ']' ? '[' : '{');
        return this.fail(`${describe(b)} where a comma or ${top === '{' ? '}' : ']'} should be`);
      default:
        return this.fail(`an unexpected character ${describe(b)}`);
    }
  }

  private close(open: '[' | '{'): void {
    if (this.stack.at(-1) !== open) return this.fail(`a closing ${open === '[' ? ']' : '}'} that matches nothing`);
    this.stack.pop();
    this.endValue();
  }
}

function describe(b: number): string {
  if (b >= 0x21 && b < 0x7f) return `'${String.fromCharCode(b)}'`;
  return `byte 0x${b.toString(16).padStart(2, '0')}`;
}

/** Streams a file through the checker; stops at the first problem or when onRecord says so. */
export async function scanJsonFile(
  file: string,
  layout: JsonLayout,
  onRecord?: (r: RecordStart) => boolean,
  signal?: AbortSignal,
): Promise<SyntaxProblem | null> {
  const checker = new JsonSyntaxChecker(layout, onRecord);
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20, signal })) {
    if (!checker.feed(chunk as Buffer)) break;
  }
  return checker.end();
}

/** Where the record with this 0-based index starts (for errors about one record). */
export async function locateRecord(file: string, layout: JsonLayout, index: number): Promise<RecordStart | null> {
  let found: RecordStart | null = null;
  await scanJsonFile(file, layout, (r) => {
    if (r.index === index) found = r;
    return found !== null;
  });
  return found;
}
