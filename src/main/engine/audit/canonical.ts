// Canonical JSON (RFC 8785, JCS): the one byte form that is hashed and signed — audit entries,
// checkpoints, approval files and (later) bundle manifests — so anyone can recompute it.
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

/** RFC 8785 canonical JSON of a JSON value (bigints as numbers); throws on what JSON cannot hold. */
export function canonicalJson(value: unknown): string {
  const out = canonicalize(toJsonValue(value));
  if (out === undefined) throw new Error('cannot canonicalise a value that is not JSON');
  return out;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function toJsonValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) o[k] = toJsonValue(x);
    return o;
  }
  return v;
}
