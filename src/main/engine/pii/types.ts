// The shapes every PII recogniser shares: what a finding is, how it explains itself, and what a
// recogniser must offer so that adding one is one file and one line in the registry.

import type { EntityType, Explanation } from '../../../shared/api/pii-types';

export type { EntityType, Explanation };

/** One finding in one cell. Offsets are Unicode code points, end-exclusive. */
export interface Finding {
  entity: EntityType;
  start: number;
  end: number;
  /** In [0, 1], rounded to two decimals so results are byte-stable. */
  confidence: number;
  recogniser: string;
  explanation: Explanation;
}

/**
 * What a recogniser returns: a finding whose offsets are still UTF-16 code units, as JavaScript's
 * RegExp and libphonenumber give them. `scanText` converts them once per cell, so no recogniser
 * has to get astral characters right on its own.
 */
export type RawFinding = Finding;

export interface ScanContext {
  /** The column's header, when the text is a table cell. */
  header?: string;
  /** ISO 3166 regions for numbers written without a country code ('US', 'GB', …), most likely first. */
  regions: string[];
}

/** What scanText learns about a text once, for every recogniser's gate. */
export interface TextFacts {
  text: string;
  /** ASCII digits 0–9 in the text. */
  digits: number;
  /** Whether the text holds an ASCII capital A–Z. */
  upper: boolean;
}

export interface Recogniser {
  id: string;
  entity: EntityType;
  find(text: string, ctx: ScanContext): RawFinding[];
  /**
   * A cheap precondition, checked once per text before `find` runs: false only where `find` can
   * find nothing (e.g. fewer digits than any match needs). It saves the regexes on the many cells
   * that cannot hold this entity; the contract suite checks it never hides a finding.
   */
  gate?: (t: TextFacts) => boolean;
  /**
   * Texts the shared contract suite checks: each `found` text must give findings that are whole tokens, each
   * `ignored` text must give nothing (with the given header, and regions ['US', 'GB']).
   */
  examples: { found: string[]; ignored: string[]; header?: string };
}
