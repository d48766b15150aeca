// The scratch tables of one dataset scan (in-memory catalogue, dropped when the scan ends): each
// column's distinct values with their row counts (all rows and the sample's), and the findings
// per distinct value that the scan writes before joining them back to rows.
import type { DuckDBConnection } from '@duckdb/node-api';
import { SCRATCH, qualified } from '../../db/sql';

export interface ScanScratch {
  /** Distinct values of the column at `pos` (its position): (v, n, ns); a value's rowid is its id. */
  values(pos: number): string;
  valuesName(pos: number): string;
  /** Findings per distinct value: (col_pos, vid, idx, whole, entity, start, end, confidence, recogniser, explanation). */
  findings: string;
  findingsName: string;
  /** The column effects: (col_pos, entity, delta, text). */
  effects: string;
  /** Each distinct (col_pos, explanation) of the findings with its expl_id. */
  explanations: string;
  all(): string[];
}

export function scanScratch(jobId: string): ScanScratch {
  const base = `pii_${jobId}_${Date.now()}`;
  const made = new Set<string>();
  const q = (name: string): string => {
    const sql = qualified(SCRATCH, 'main', name);
    made.add(sql);
    return sql;
  };
  return {
    values: (pos) => q(`${base}_values_${pos}`),
    valuesName: (pos) => `${base}_values_${pos}`,
    findings: q(`${base}_findings`),
    findingsName: `${base}_findings`,
    effects: q(`${base}_effects`),
    explanations: q(`${base}_explanations`),
    all: () => [...made],
  };
}

export async function dropScanScratch(conn: DuckDBConnection, s: ScanScratch): Promise<void> {
  for (const t of s.all()) await conn.run(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
}
