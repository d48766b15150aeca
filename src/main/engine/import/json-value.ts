// A small JSON parser over text that keeps what JSON.parse loses: duplicate keys (entries, in
// order) and the exact text of numbers. Used for import previews (a sample of the file) and to
// rewrite the rare records whose objects repeat a key; whole files go through DuckDB.

export type JValue =
  | { t: 'null' }
  | { t: 'bool'; v: boolean }
  | { t: 'num'; raw: string; int: boolean }
  | { t: 'str'; v: string }
  | { t: 'arr'; items: JValue[] }
  | { t: 'obj'; entries: [string, JValue][] };

export class JsonTextError extends Error {
  constructor(
    readonly pos: number,
    reason: string,
  ) {
    super(reason);
  }
}

const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

export class JsonText {
  pos = 0;
  constructor(readonly text: string) {}

  skipWs(): void {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      this.pos++;
    }
  }

  get atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  /** Parses one value at the current position (after whitespace). */
  value(depth = 0): JValue {
    this.skipWs();
    if (depth > MAX_DEPTH) throw new JsonTextError(this.pos, `values nested deeper than ${MAX_DEPTH} levels`);
    const c = this.text[this.pos];
    if (c === undefined) throw new JsonTextError(this.pos, 'the text ends where a value should be');
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return { t: 'str', v: this.string() };
    for (const [lit, v] of [['true', { t: 'bool', v: true }], ['false', { t: 'bool', v: false }], ['null', { t: 'null' }]] as const) {
      if (this.text.startsWith(lit, this.pos)) {
        this.pos += lit.length;
        return v;
      }
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m) {
      this.pos += m[0].length;
      return { t: 'num', raw: m[0], int: m[1] === undefined && m[2] === undefined };
    }
    throw new JsonTextError(this.pos, `an unexpected character '${c}' where a value should start`);
  }

  private expect(ch: string, what: string): void {
    this.skipWs();
    if (this.text[this.pos] !== ch) throw new JsonTextError(this.pos, `expected ${what}`);
    this.pos++;
  }

  private object(depth: number): JValue {
    this.pos++;
    const entries: [string, JValue][] = [];
    this.skipWs();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { t: 'obj', entries };
    }
    for (;;) {
      this.skipWs();
      if (this.text[this.pos] !== '"') throw new JsonTextError(this.pos, 'expected a key in double quotes');
      const key = this.string();
      this.expect(':', 'a colon after the key');
      entries.push([key, this.value(depth + 1)]);
      this.skipWs();
      const c = this.text[this.pos++];
      if (c === '}') return { t: 'obj', entries };
      if (c !== ',') throw new JsonTextError(this.pos - 1, 'expected a comma or } after a value');
    }
  }

  private array(depth: number): JValue {
    this.pos++;
    const items: JValue[] = [];
    this.skipWs();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { t: 'arr', items };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipWs();
      const c = this.text[this.pos++];
      if (c === ']') return { t: 'arr', items };
      if (c !== ',') throw new JsonTextError(this.pos - 1, 'expected a comma or ] after a value');
    }
  }

  private string(): string {
    const start = this.pos;
    let end = start + 1;
    for (;;) {
      const c = this.text.charCodeAt(end);
      if (Number.isNaN(c)) throw new JsonTextError(start, 'a string that is never closed');
      if (c === 0x22) break;
      if (c === 0x5c) end++;
      else if (c < 0x20) throw new JsonTextError(end, 'a control character inside a string');
      end++;
    }
    this.pos = end + 1;
    try {
      return JSON.parse(this.text.slice(start, end + 1)) as string;
    } catch {
      throw new JsonTextError(start, 'an invalid escape sequence in a string');
    }
  }
}

/** Parses one complete JSON text (a single record). */
export function parseJsonValue(text: string): JValue {
  const p = new JsonText(text);
  const v = p.value();
  p.skipWs();
  if (!p.atEnd) throw new JsonTextError(p.pos, 'unexpected text after the value');
  return v;
}

/** Serialises a value back to JSON, keeping number text and every entry. */
export function jsonText(v: JValue): string {
  switch (v.t) {
    case 'null':
      return 'null';
    case 'bool':
      return v.v ? 'true' : 'false';
    case 'num':
      return v.raw;
    case 'str':
      return JSON.stringify(v.v);
    case 'arr':
      return `[${v.items.map(jsonText).join(',')}]`;
    case 'obj':
      return `{${v.entries.map(([k, x]) => `${JSON.stringify(k)}:${jsonText(x)}`).join(',')}}`;
  }
}

/** The mark appended to the 2nd, 3rd… occurrence of a key in one object, so each occurrence can
 * be addressed by a JSON pointer; it is a private-use character and never reaches a header. */
export const DUPLICATE_MARK = '\uF8FF';

/**
 * Renames repeated keys (at every depth) so that every entry has a unique key in its object,
 * recording each new key → the key as written in `renames`. (A file that also holds a real key
 * equal to a generated one elsewhere would be misnamed; that needs a private-use character in
 * a key and a repeated key in the same file.)
 */
export function renameDuplicateKeys(v: JValue, renames: Map<string, string>): JValue {
  if (v.t === 'arr') return { t: 'arr', items: v.items.map((x) => renameDuplicateKeys(x, renames)) };
  if (v.t !== 'obj') return v;
  const used = new Set(v.entries.map(([k]) => k));
  const seen = new Map<string, number>();
  const entries = v.entries.map(([k, x]): [string, JValue] => {
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    let key = k;
    if (n > 1) {
      key = `${k}${DUPLICATE_MARK}${n}`;
      while (used.has(key)) key += DUPLICATE_MARK;
      used.add(key);
      renames.set(key, k);
    }
    return [key, renameDuplicateKeys(x, renames)];
  });
  return { t: 'obj', entries };
}

