// The row plan: which output row is a new customer, an exact copy of an earlier one, or a near
// duplicate of an earlier one — and so the ground truth. Nothing is kept per row: an earlier
// customer is drawn again from its own stream when a duplicate needs it.
import { HARD_RATES, drawLookalike, makeLookalike, nearDuplicateHard, ownEmail, type AnyEdit, type Lookalike, type NoiseProfile } from './hard';
import { drawPerson, type Person } from './person';
import { Rng, seedWords } from './prng';
import { render, type Rendered } from './render';
import { nearDuplicate } from './variant';

export const EXACT_RATE = 0.075;
export const NEAR_RATE = 0.035;
/** Duplicates mostly follow their original closely (a double submission), the rest anywhere. */
const RECENT_WINDOW = 2000;
const RECENT_SHARE = 0.6;

const STREAM_PLAN = 1;
const STREAM_ENTITY = 2;
const STREAM_NEAR = 3;
/** The hard profile's: whether an entity is a look-alike of an earlier one, and how it is made one. */
const STREAM_LOOKALIKE = 4;
/** A look-alike of a look-alike is drawn from its model's model; beyond this depth from a plain draw. */
const LOOKALIKE_DEPTH = 6;

const RATES: Record<NoiseProfile, { exact: number; near: number }> = { standard: { exact: EXACT_RATE, near: NEAR_RATE }, hard: HARD_RATES };

/** customer_id numbers for near duplicates start here, so they never meet an original's. */
const NEAR_ID_BASE = 500_000_000;

export type RowKind = 'original' | 'exact' | 'near';

export interface GenRow {
  /** 1-based record number in the output: the row_id an import gives it. */
  rowId: number;
  /** 1-based, in order of first appearance; every row of one customer shares it. */
  clusterId: number;
  kind: RowKind;
  record: Rendered;
  edits: AnyEdit[];
  /** The hard profile: this row's person was made to resemble an earlier, different person. */
  lookalike: Lookalike | null;
}

/** A 9-digit customer number from a bijection of 0…10⁹−1, so ids look random but never repeat. */
export function customerId(n: number): string {
  const x = (n * 7_368_787 + 13_579) % 1_000_000_000;
  return `C${String(x).padStart(9, '0')}`;
}

/**
 * A run of planned rows, as plain arrays so it can cross to a worker thread: row i of the run is
 * record `firstRowId + i`, of `kind` (0 original, 1 exact, 2 near) and customer `entity`.
 */
export interface PlanChunk {
  firstRowId: number;
  kind: Uint8Array;
  entity: Float64Array;
  /** Near duplicates: their sequence number (their customer_id). */
  nearSeq: Float64Array;
}

const KINDS: readonly RowKind[] = ['original', 'exact', 'near'];

/** Decides, row by row, who each row is. Cheap: one or two draws per row. */
export class RowPlan {
  private readonly plan: Rng;
  private readonly exact: number;
  private readonly dup: number;
  private entities = 0;
  private nearSeq = 0;
  private row = 0;

  constructor(seed: string, noise: NoiseProfile = 'standard') {
    this.plan = Rng.derive(baseSeed(seed), STREAM_PLAN, 0);
    this.exact = RATES[noise].exact;
    this.dup = RATES[noise].exact + RATES[noise].near;
  }

  private earlier(): number {
    const e = this.entities;
    if (this.plan.chance(RECENT_SHARE)) return this.plan.int(Math.max(0, e - RECENT_WINDOW), e - 1);
    return this.plan.int(0, e - 1);
  }

  chunk(n: number): PlanChunk {
    const c: PlanChunk = { firstRowId: this.row + 1, kind: new Uint8Array(n), entity: new Float64Array(n), nearSeq: new Float64Array(n) };
    for (let i = 0; i < n; i++) {
      this.row++;
      const r = this.plan.next();
      if (this.entities > 0 && r < this.dup) {
        c.entity[i] = this.earlier();
        if (r < this.exact) c.kind[i] = 1;
        else {
          c.kind[i] = 2;
          c.nearSeq[i] = this.nearSeq++;
        }
      } else {
        c.entity[i] = this.entities++;
      }
    }
    return c;
  }
}

const baseSeed = (seed: string) => seedWords(`data-sanitizer-gen:${seed}`);

/** Turns planned rows into records; any thread can do it, for any chunk, in any order. */
export class Materializer {
  private readonly base: [number, number, number, number];

  constructor(
    seed: string,
    private readonly noise: NoiseProfile = 'standard',
  ) {
    this.base = baseSeed(seed);
  }

  /**
   * Entity k's person, and its stream positioned where rendering continues. In the hard profile
   * some people are reshaped into a look-alike of an earlier person (from streams of their own,
   * so the entity stream, and so every render draw, is the same as without).
   */
  person(k: number, depth = 0): { person: Person; rng: Rng; lookalike: Lookalike | null } {
    const rng = Rng.derive(this.base, STREAM_ENTITY, k);
    const person = drawPerson(rng);
    if (this.noise === 'standard') return { person, rng, lookalike: null };
    const lr = Rng.derive(this.base, STREAM_LOOKALIKE, k);
    const lookalike = drawLookalike(lr, k);
    if (!lookalike) return { person: { ...person, emailLocal: ownEmail(person.emailLocal, k) }, rng, lookalike };
    const model = depth < LOOKALIKE_DEPTH ? this.person(lookalike.of, depth + 1).person : drawPerson(Rng.derive(this.base, STREAM_ENTITY, lookalike.of));
    const self = makeLookalike(lr, person, model, lookalike.kind);
    return { person: { ...self, emailLocal: ownEmail(self.emailLocal, k) }, rng, lookalike };
  }

  row(c: PlanChunk, i: number): GenRow {
    const rowId = c.firstRowId + i;
    const k = c.entity[i]!;
    const kind = KINDS[c.kind[i]!]!;
    const { person, rng, lookalike } = this.person(k);
    if (kind !== 'near') return { rowId, clusterId: k + 1, kind, record: render(rng, person, customerId(k)), edits: [], lookalike };
    const vr = Rng.derive(this.base, STREAM_NEAR, rowId);
    const v = this.noise === 'hard' ? nearDuplicateHard(vr, person) : nearDuplicate(vr, person);
    const record = render(vr, v.person, customerId(NEAR_ID_BASE + c.nearSeq[i]!), v.overrides);
    return { rowId, clusterId: k + 1, kind, record, edits: v.edits, lookalike };
  }
}

/** All rows in order, one at a time (tests, and small runs). */
export function* rows(seed: string, count: number, chunkSize = 4096, noise: NoiseProfile = 'standard'): Generator<GenRow> {
  const plan = new RowPlan(seed, noise);
  const m = new Materializer(seed, noise);
  for (let done = 0; done < count; ) {
    const n = Math.min(chunkSize, count - done);
    const c = plan.chunk(n);
    for (let i = 0; i < n; i++) yield m.row(c, i);
    done += n;
  }
}

/** How many rows of each kind `count` rows of `seed` hold, from the plan alone (no records drawn). */
export function planCounts(seed: string, count: number, noise: NoiseProfile = 'standard'): Record<RowKind, number> {
  const plan = new RowPlan(seed, noise);
  const counts: Record<RowKind, number> = { original: 0, exact: 0, near: 0 };
  for (let done = 0; done < count; ) {
    const n = Math.min(65_536, count - done);
    const c = plan.chunk(n);
    for (let i = 0; i < n; i++) counts[KINDS[c.kind[i]!]!]++;
    done += n;
  }
  return counts;
}
