// Reproducibility figures of a report: the SHA-256 of the run's output version as canonical CSV
// (the CSV export writer — UTF-8, comma, RFC 4180 quoting, header, row_id order — into a temp
// file that is removed), and the exact, shell-quoted CLI command that reproduces the run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getColumns, versionTable } from '../datasets/catalog';
import { csvWriter } from '../export/csv-writer';
import type { JobContext } from '../jobs/jobs';
import type { Workspace } from '../workspace/workspace';

export async function outputCsvSha256(ws: Workspace, job: JobContext, datasetId: string, version: number): Promise<string> {
  const { table, rowCount } = await versionTable(ws.db, datasetId, version);
  const columns = await getColumns(ws.db, datasetId, version);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanitizer-report-'));
  try {
    const temp = path.join(dir, 'output.csv');
    fs.writeFileSync(temp, '');
    const out = await ws.db.with((conn) =>
      csvWriter.write({ conn, job, table, rowCount, columns, datasetName: datasetId, formulaEscape: false, temp, scratchPrefix: path.join(dir, 'scratch'), progress: () => undefined }));
    if (!out.sha256) throw new Error('the CSV writer returned no digest');
    return out.sha256;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** POSIX shell quoting: bare when only safe characters, else single-quoted with ' as '\''. */
export function shellQuote(s: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

export interface CommandFacts {
  /** The dataset's source file, and the dataset id (for a derived input version). */
  sourcePath: string;
  datasetId: string;
  inputVersion: number;
  workspaceDir: string;
  /** A saved policy: its name and version; null for an inline policy (or presets). */
  saved: { name: string; version: number } | null;
  /** The identity whose signature the run's audit entry carries (a compliance run acts as one). */
  identity: string | null;
}

/**
 * `sanitizer clean …` as it reproduces the run: the workspace is named because keyed operators
 * (hashes, pseudonyms) need its key; an imported input version is the source file again, a derived
 * one is the dataset at that version; an inline policy is the bundle's policy.json.
 */
export function reproduceCommand(f: CommandFacts): string {
  const args = ['sanitizer', 'clean'];
  if (f.inputVersion === 1) args.push(f.sourcePath);
  else args.push(f.datasetId, '--version', String(f.inputVersion));
  args.push('--workspace', f.workspaceDir);
  if (f.saved) args.push('--policy', f.saved.name, '--policy-version', String(f.saved.version));
  else args.push('--policy-file', 'policy.json');
  if (f.identity) args.push('--as', f.identity);
  const stem = path.basename(f.sourcePath).replace(/\.[^.]*$/, '') || 'output';
  args.push('--out', `${stem}.cleaned.csv`);
  return args.map(shellQuote).join(' ');
}
