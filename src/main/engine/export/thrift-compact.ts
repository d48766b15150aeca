// A lossless reader and writer for Thrift's compact protocol, enough to edit a Parquet footer:
// every field is kept with its id and wire type, so re-encoding an unchanged struct gives the same
// bytes, and fields this code knows nothing about pass through untouched.

export const T = {
  TRUE: 1,
  FALSE: 2,
  BYTE: 3,
  I16: 4,
  I32: 5,
  I64: 6,
  DOUBLE: 7,
  BINARY: 8,
  LIST: 9,
  SET: 10,
  MAP: 11,
  STRUCT: 12,
} as const;

export type TValue =
  | { type: typeof T.TRUE | typeof T.FALSE; value: boolean }
  | { type: typeof T.BYTE; value: number }
  | { type: typeof T.I16 | typeof T.I32 | typeof T.I64; value: bigint }
  | { type: typeof T.DOUBLE; value: Buffer }
  | { type: typeof T.BINARY; value: Buffer }
  | { type: typeof T.LIST | typeof T.SET; elementType: number; items: TValue[] }
  | { type: typeof T.MAP; keyType: number; valueType: number; entries: [TValue, TValue][] }
  | { type: typeof T.STRUCT; fields: TField[] };

export interface TField {
  id: number;
  value: TValue;
}
export type TStruct = Extract<TValue, { type: typeof T.STRUCT }>;

export class ThriftError extends Error {}

class Reader {
  pos = 0;
  constructor(private readonly buf: Buffer) {}

  byte(): number {
    if (this.pos >= this.buf.length) throw new ThriftError('unexpected end of data');
    return this.buf[this.pos++]!;
  }
  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const b = this.byte();
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 70n) throw new ThriftError('varint too long');
    }
  }
  zigzag(): bigint {
    const v = this.varint();
    return (v >> 1n) ^ -(v & 1n);
  }
  bytes(n: number): Buffer {
    if (this.pos + n > this.buf.length) throw new ThriftError('unexpected end of data');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  value(type: number): TValue {
    switch (type) {
      case T.TRUE:
      case T.FALSE:
        // Inside a container a boolean is a byte of its own (1 = true).
        return this.byte() === T.TRUE ? { type: T.TRUE, value: true } : { type: T.FALSE, value: false };
      case T.BYTE:
        return { type, value: this.byte() };
      case T.I16:
      case T.I32:
      case T.I64:
        return { type, value: this.zigzag() };
      case T.DOUBLE:
        return { type, value: Buffer.from(this.bytes(8)) };
      case T.BINARY:
        return { type, value: Buffer.from(this.bytes(Number(this.varint()))) };
      case T.LIST:
      case T.SET: {
        const head = this.byte();
        const size = head >> 4 === 0x0f ? Number(this.varint()) : head >> 4;
        const elementType = head & 0x0f;
        const items: TValue[] = [];
        for (let i = 0; i < size; i++) items.push(this.value(elementType));
        return { type, elementType, items };
      }
      case T.MAP: {
        const size = Number(this.varint());
        const kinds = size > 0 ? this.byte() : 0;
        const entries: [TValue, TValue][] = [];
        for (let i = 0; i < size; i++) entries.push([this.value(kinds >> 4), this.value(kinds & 0x0f)]);
        return { type, keyType: kinds >> 4, valueType: kinds & 0x0f, entries };
      }
      case T.STRUCT:
        return this.struct();
      default:
        throw new ThriftError(`unknown field type ${type}`);
    }
  }

  struct(): TStruct {
    const fields: TField[] = [];
    let last = 0;
    for (;;) {
      const head = this.byte();
      if (head === 0) return { type: T.STRUCT, fields };
      const type = head & 0x0f;
      const delta = head >> 4;
      const id = delta === 0 ? Number(this.zigzag()) : last + delta;
      last = id;
      const value = type === T.TRUE || type === T.FALSE ? ({ type, value: type === T.TRUE } as TValue) : this.value(type);
      fields.push({ id, value });
    }
  }
}

class Writer {
  private parts: number[] = [];
  private chunks: Buffer[] = [];

  private flush(): void {
    if (this.parts.length > 0) this.chunks.push(Buffer.from(this.parts));
    this.parts = [];
  }
  byte(b: number): void {
    this.parts.push(b & 0xff);
  }
  varint(v: bigint): void {
    let x = v;
    for (;;) {
      if (x < 0x80n) {
        this.byte(Number(x));
        return;
      }
      this.byte(Number(x & 0x7fn) | 0x80);
      x >>= 7n;
    }
  }
  zigzag(v: bigint): void {
    this.varint(BigInt.asUintN(64, (v << 1n) ^ (v >> 63n)));
  }
  raw(b: Buffer): void {
    this.flush();
    this.chunks.push(b);
  }
  result(): Buffer {
    this.flush();
    return Buffer.concat(this.chunks);
  }

  value(v: TValue): void {
    switch (v.type) {
      case T.TRUE:
      case T.FALSE:
        this.byte(v.value ? T.TRUE : T.FALSE);
        return;
      case T.BYTE:
        this.byte(v.value);
        return;
      case T.I16:
      case T.I32:
      case T.I64:
        this.zigzag(v.value);
        return;
      case T.DOUBLE:
        this.raw(v.value);
        return;
      case T.BINARY:
        this.varint(BigInt(v.value.length));
        this.raw(v.value);
        return;
      case T.LIST:
      case T.SET:
        if (v.items.length < 15) this.byte((v.items.length << 4) | v.elementType);
        else {
          this.byte(0xf0 | v.elementType);
          this.varint(BigInt(v.items.length));
        }
        for (const item of v.items) this.value(item);
        return;
      case T.MAP:
        this.varint(BigInt(v.entries.length));
        if (v.entries.length > 0) this.byte((v.keyType << 4) | v.valueType);
        for (const [k, val] of v.entries) {
          this.value(k);
          this.value(val);
        }
        return;
      case T.STRUCT:
        this.struct(v);
    }
  }

  struct(s: TStruct): void {
    let last = 0;
    for (const f of s.fields) {
      const delta = f.id - last;
      if (delta > 0 && delta <= 15) this.byte((delta << 4) | f.value.type);
      else {
        this.byte(f.value.type);
        this.zigzag(BigInt(f.id));
      }
      last = f.id;
      // A boolean field's value is its type nibble.
      if (f.value.type !== T.TRUE && f.value.type !== T.FALSE) this.value(f.value);
    }
    this.byte(0);
  }
}

export function decodeStruct(buf: Buffer): { struct: TStruct; length: number } {
  const r = new Reader(buf);
  const struct = r.struct();
  return { struct, length: r.pos };
}

export function encodeStruct(s: TStruct): Buffer {
  const w = new Writer();
  w.struct(s);
  return w.result();
}

export function field(s: TStruct, id: number): TValue | undefined {
  return s.fields.find((f) => f.id === id)?.value;
}
