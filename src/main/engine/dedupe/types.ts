// The duplicate finder's boundary inside the engine: what it reads (a relation of rows with their
// row ids, the columns, the settings and the review decisions) and what it leaves behind (scratch
// tables of scored pairs and clusters, dropped with the Query's other scratch tables).
import type {
  BlockingRule,
  ColumnRole,
  DedupeCounts,
  DedupeModel,
  DedupeSettings,
  HistogramBin,
  PairDecision,
} from '../../../shared/api/dedupe-types';
import type { FrameColumn } from '../clean/frame';
import type { Query } from '../clean/query';

export interface DecidedPair {
  /** rowIdL < rowIdR. */
  rowIdL: number;
  rowIdR: number;
  decision: PairDecision;
}

export interface DedupeInput {
  /** A quoted relation with `row_id BIGINT` and one column per `columns[i].id`. */
  relation: string;
  columns: FrameColumn[];
  rowCount: number;
  settings: DedupeSettings;
  /** Review decisions to honour (only when settings.useDecisions). */
  decisions: DecidedPair[];
}

export interface DedupePlanOutcome {
  roles: ColumnRole[];
  rules: BlockingRule[];
  candidatePairs: number;
  warnings: string[];
}

/** The level stored for a comparison whose value is missing on either side (neutral: weight 0). */
export const MISSING_LEVEL = 255;

export interface DedupeOutcome extends DedupePlanOutcome {
  model: DedupeModel;
  /**
   * Scratch table of every scored pair — candidate pairs and exact-duplicate pairs (each exact
   * duplicate paired with the first row of its group, probability 1):
   *   row_id_l BIGINT, row_id_r BIGINT (l < r), probability DOUBLE, weight DOUBLE (log2 odds incl. prior),
   *   levels UTINYINT[] (per model.comparisons[i]: the level index, MISSING_LEVEL when missing),
   *   weights FLOAT[] (per comparison: the weight added, term-frequency adjusted; 0 when missing),
   *   decision VARCHAR (NULL, 'match', 'non_match': a stored review decision that was honoured).
   */
  pairs: string;
  /** Scratch table of every row: row_id BIGINT, cluster_id BIGINT (the smallest row id of its cluster; a singleton's own). */
  clusters: string;
  /** Scratch table of clusters of two or more: cluster_id BIGINT, size BIGINT, min_probability DOUBLE, fully_linked BOOLEAN. */
  clusterInfo: string;
  counts: DedupeCounts;
  /** SHA-256 of the decisions honoured and of the model (canonical JSON): stored with whatever run used them. */
  digests: { decisions: string; model: string; decisionCount: number };
  clusterSizes: { size: number; clusters: number }[];
  probabilities: HistogramBin[];
}

/**
 * The finder's two entry points (src/main/engine/dedupe/find.ts), both on a Query (its connection,
 * job context for progress and cancel, scratch tables and worker pool):
 *   planDuplicates(q, input): Promise<DedupePlanOutcome>   — roles and rules with pair counts only
 *   findDuplicates(q, input): Promise<DedupeOutcome>       — the whole run
 */
export type PlanDuplicates = (q: Query, input: DedupeInput) => Promise<DedupePlanOutcome>;
export type FindDuplicates = (q: Query, input: DedupeInput) => Promise<DedupeOutcome>;
