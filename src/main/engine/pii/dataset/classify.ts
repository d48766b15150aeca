// Column classification from the deterministic sample — "column `contact` is EMAIL, 97 % of
// non-missing values, confidence 0.99" — and the effect a column's class has on the confidence of
// each cell's finding (Explanation.column, score.column). Pure: the scan feeds it counts.
import type { EntityType } from '../../../../shared/api/pii-types';

/** What the sample says about one entity in one column (cells weighted by how many rows hold them). */
export interface EntitySample {
  entity: EntityType;
  /** Sampled cells whose whole value (white space aside) is one finding of this entity. */
  whole: number;
  /** Sampled cells with any finding of this entity. */
  any: number;
  /** Mean confidence of the whole-value findings (0 when there are none). */
  wholeConfidence: number;
}

export interface ColumnSample {
  header: string;
  /** Sampled cells that are neither NULL nor empty. */
  nonMissing: number;
  /** Mean number of space-separated words in those cells. */
  meanWords: number;
  entities: EntitySample[];
}

export interface ColumnClass {
  entity: EntityType | null;
  /** Share of non-missing sampled values that are wholly `entity` (of the best entity when none qualifies). */
  share: number;
  confidence: number;
  freeText: boolean;
  nonMissing: number;
  /** Per entity: share of sampled non-missing cells with any finding of it. */
  anyShare: Partial<Record<EntityType, number>>;
}

/** A column is of an entity when more than this share of its sampled values are wholly that entity. */
export const CLASS_MIN_SHARE = 0.5;
/** Free text: values of this many words on average, with spans inside rather than whole values. */
export const FREE_TEXT_WORDS = 4;
/** Below this many sampled values a column's class says too little to move any cell's confidence. */
export const MIN_SAMPLE = 20;
/** An entity seen in fewer sampled cells than this share of a (not free-text) column is out of place there. */
export const RARE_SHARE = 0.05;
export const CLASS_BOOST = 0.1;
export const OUT_OF_PLACE_PENALTY = 0.2;

const round2 = (x: number): number => Math.round(x * 100) / 100;
const percent = (x: number): string => `${Math.round(x * 100)} %`;

export function classifyColumn(s: ColumnSample): ColumnClass {
  const anyShare: Partial<Record<EntityType, number>> = {};
  for (const e of s.entities) anyShare[e.entity] = s.nonMissing > 0 ? e.any / s.nonMissing : 0;
  // Most whole values first; ties by confidence, then by name, so the class is deterministic.
  const best = [...s.entities].sort((a, b) => b.whole - a.whole || b.wholeConfidence - a.wholeConfidence || a.entity.localeCompare(b.entity))[0];
  const share = best && s.nonMissing > 0 ? best.whole / s.nonMissing : 0;
  const freeTextShape = s.meanWords >= FREE_TEXT_WORDS;
  if (best && share > CLASS_MIN_SHARE) {
    // A class held by most values with confident findings is itself confident; a bare majority less so.
    const confidence = round2(best.wholeConfidence * share ** 0.25);
    return { entity: best.entity, share: round2(share), confidence, freeText: false, nonMissing: s.nonMissing, anyShare };
  }
  return { entity: null, share: round2(share), confidence: 0, freeText: freeTextShape, nonMissing: s.nonMissing, anyShare };
}

export interface ColumnEffect {
  delta: number;
  text: string;
}

/**
 * How a column's class moves the confidence of a finding of `entity` in it: up when the column is
 * of that entity; down when the column is not free text, was sampled well, and the entity is rare
 * in it (a phone-shaped value among order numbers); otherwise no effect.
 */
export function columnEffect(c: ColumnClass, header: string, entity: EntityType): ColumnEffect | null {
  if (c.nonMissing < MIN_SAMPLE) return null;
  if (c.entity === entity) {
    return { delta: CLASS_BOOST, text: `column "${header}" is ${entity} (${percent(c.share)} of sampled values): +${CLASS_BOOST.toFixed(2)}` };
  }
  if (c.freeText) return null;
  const seen = c.anyShare[entity] ?? 0;
  if (seen >= RARE_SHARE) return null;
  const what = c.entity === null ? 'not of any entity' : `${c.entity}`;
  return {
    delta: -OUT_OF_PLACE_PENALTY,
    text: `column "${header}" is ${what}; ${entity} in ${percent(seen)} of sampled values: −${OUT_OF_PLACE_PENALTY.toFixed(2)}`,
  };
}
