// The values of PII scans, findings, review decisions and re-identification risk that cross the API.
// The engine's recognisers (src/main/engine/pii) produce these shapes; the screens and the CLI read them.

/** Every entity the engine knows by name. */
export const ENTITY_TYPES = [
  'EMAIL',
  'PHONE',
  'US_SSN',
  'CREDIT_CARD',
  'IBAN',
  'IP_ADDRESS',
  'MAC_ADDRESS',
  'URL',
  'POSTAL_CODE',
  'UK_NINO',
  'PERSON',
  'DATE_OF_BIRTH',
  'DATE',
  'STREET_ADDRESS',
  'PASSPORT',
  'DRIVER_LICENSE',
  'IDENTIFIER',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Why a span was reported — the decision trace a reviewer and an auditor read. */
export interface Explanation {
  /** The pattern (by name) that proposed the span. */
  pattern?: string;
  /** The validation that passed: 'Luhn', 'mod-97', 'libphonenumber valid (GB)', … */
  checksum?: string;
  /** Context words found near the span. */
  context?: string[];
  /** The column header's evidence, e.g. 'column "Phone No" mentions "phone"'. */
  header?: string;
  /** The column classification's effect, e.g. 'column "contact" is EMAIL (97 % of values): +0.10'. */
  column?: string;
  notes?: string[];
  /** How the confidence was reached: the recogniser's base and what the evidence added. */
  score?: { base: number; evidence: number; column?: number };
}

/** A review decision on a finding or on a whole column classification. */
export type PiiDecision = 'accepted' | 'rejected';

/** One entity seen in one column. */
export interface ColumnEntity {
  entity: EntityType;
  /** Cells with at least one finding of this entity. */
  cells: number;
  /** Of the column's non-missing values. */
  share: number;
  /** Mean confidence of those findings, in [0, 1]. */
  confidence: number;
}

/** What a column holds, from a deterministic sample: "column `contact` is EMAIL, 97 %, 0.99". */
export interface PiiColumnSummary {
  columnId: string;
  /** The original header. */
  header: string;
  /** The column's class: the entity most of its values are (null: none, or free text). */
  entity: EntityType | null;
  /** Share of non-missing sampled values that are wholly that entity. */
  share: number;
  confidence: number;
  /** Longer text with entities inside it (spans), rather than one value per cell. */
  freeText: boolean;
  nonMissing: number;
  /** Every entity found in the column, most cells first. */
  entities: ColumnEntity[];
  /** The reviewer's decision on the classification, if any. */
  decision: PiiDecision | null;
}

export interface PiiScanSummary {
  datasetId: string;
  version: number;
  scannedAt: string;
  seconds: number;
  rows: number;
  /** The columns scanned, in dataset order (all columns unless the scan named some). */
  columns: PiiColumnSummary[];
  findings: number;
  byEntity: { entity: EntityType; findings: number }[];
  /** SHA-256 of the review decisions in force (stored with every run that uses them). */
  decisionsSha256: string;
  /** The detection rules' version the scan ran (PII_RULES_VERSION); absent in scans made before it was stored. */
  rulesVersion?: number;
  /** Detection reports what it found: absence of findings means "not detected", never "not present". */
  caveat: string;
}

/** One finding in one cell, as the findings grid shows it. Offsets are code points, end-exclusive. */
export interface PiiFindingRow {
  findingId: number;
  rowId: number;
  columnId: string;
  entity: EntityType;
  start: number;
  end: number;
  confidence: number;
  recogniser: string;
  explanation: Explanation;
  /** The found text masked (`j***@***.org`): what exports carry. */
  preview: string;
  /** The found text itself, for the reviewer inside the workspace; never exported. */
  text: string;
  /** The whole cell the span was found in (optional), so the reviewer sees it in context; never exported. */
  cell?: string;
  decision: PiiDecision | null;
}

export interface PiiFindingsPage {
  total: number;
  offset: number;
  rows: PiiFindingRow[];
}

/** k-anonymity over chosen quasi-identifiers. */
export interface RiskClassSize {
  /** Equivalence-class size. */
  size: number;
  /** How many classes have that size. */
  classes: number;
  /** Records in classes of that size. */
  records: number;
}

export interface RiskMeasure {
  /** The dataset version measured. */
  version: number;
  rows: number;
  classes: number;
  /** The smallest class (the k the data achieves; 0 for a version without rows). */
  k: number;
  /** Records in classes smaller than the target k. */
  recordsBelowK: number;
  classesBelowK: number;
  /** Records unique on the quasi-identifiers (classes of size 1): re-identifiable with certainty by anyone who knows them. */
  uniqueRecords: number;
  /** Class-size histogram, smallest size first (sizes above 50 pooled into one bucket `size: 51`). */
  histogram: RiskClassSize[];
}

/** A generalisation of one quasi-identifier a policy step can apply. */
export interface RiskGeneralisation {
  columnId: string;
  header: string;
  /** e.g. 'date_year', 'date_month', 'age_band', 'zip3', 'suppress'. */
  kind: string;
  width?: number;
  /** In words: "birth_date → year". */
  label: string;
}

export interface RiskSuggestion {
  generalisations: RiskGeneralisation[];
  /** The measure after applying them. */
  k: number;
  recordsBelowK: number;
  /**
   * Information lost, in [0, 1]: per quasi-identifier the share of its Shannon entropy the
   * generalisation removes (suppressed = 1), averaged over the quasi-identifiers.
   */
  loss: number;
}

/** What a quasi-identifier column holds, as the risk search reads it (header and values). */
export type RiskColumnRole = 'birth_date' | 'date' | 'birth_year' | 'age' | 'zip' | 'uk_postcode' | 'postcode' | 'sex' | 'categorical';

/** A column the risk panel proposes as a quasi-identifier. */
export interface RiskQuasiColumn {
  columnId: string;
  header: string;
  role: RiskColumnRole;
}

export interface RiskResult {
  datasetId: string;
  quasi: { columnId: string; header: string }[];
  targetK: number;
  before: RiskMeasure;
  /** The same measure on a later version (after a policy run), when asked for. */
  after: RiskMeasure | null;
  /** Generalisations that reach the target k, least loss first (empty when `before` already does). */
  suggestions: RiskSuggestion[];
  /** Facts the reader needs: quasi columns dropped or renamed in the later version, a search cut short. */
  notes: string[];
  caveat: string;
}
