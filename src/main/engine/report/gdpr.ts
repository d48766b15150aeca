// A draft GDPR Art. 30(1) record of processing for a run: the fields the workspace knows are
// filled from what it recorded; every other field is null with source 'controller' — the
// controller must complete it. Nothing here is a legal judgement.
import type { ReportModel } from '../../../shared/api/report-types';

type GdprField = ReportModel['gdpr'][number];

export interface GdprFacts {
  /** Entity types the scan found, each with its columns. */
  found: { entity: string; columns: string[] }[];
  scanned: boolean;
  /** Operators applied, in words ("EMAIL: mask"), and the generalise steps. */
  measures: string[];
  keyGeneration: number | null;
  sourceFile: string;
  sourceSha256: string | null;
  policy: string;
  actor: string;
  stamp: string | null;
  startedAt: string;
}

const controller = (field: string): GdprField => ({ field, value: null, source: 'controller' });
const workspace = (field: string, value: string): GdprField => ({ field, value, source: 'workspace' });

export function gdprRecord(f: GdprFacts): GdprField[] {
  const categories = !f.scanned
    ? 'Not known: the input version was never scanned for personal data'
    : f.found.length === 0
      ? 'None detected by the scan (absence of findings is not proof of absence)'
      : f.found.map((x) => `${x.entity} (${x.columns.map((c) => JSON.stringify(c)).join(', ')})`).join('; ');
  const measures = [
    ...f.measures,
    ...(f.keyGeneration !== null ? [`keyed hashes and pseudonyms under the workspace key, generation ${f.keyGeneration} (HMAC-SHA-256; the key never leaves the workspace)`] : []),
    'processing on this machine only (the app has no network access)',
    'every change recorded in a provenance ledger without raw personal data',
    'a hash-chained audit log with signed checkpoints',
    ...(f.stamp === 'APPROVED' ? ['the policy was approved by a signed approval before the run'] : []),
  ];
  return [
    controller('Name and contact details of the controller, joint controller, representative and data protection officer'),
    controller('Purposes of the processing'),
    controller('Categories of data subjects'),
    workspace('Categories of personal data', categories),
    workspace('Processing performed', `${f.policy}, run by ${f.actor} on ${f.startedAt} over ${f.sourceFile}${f.sourceSha256 ? ` (sha256 ${f.sourceSha256})` : ''}`),
    workspace('Categories of recipients', 'None: the app disclosed the data to no one (files it exported are listed in the audit log; their recipients are the controller\'s to record)'),
    controller('Transfers to a third country or an international organisation, and safeguards'),
    controller('Time limits for erasure (retention): unknown to the workspace'),
    workspace('Technical and organisational security measures', measures.join('; ')),
  ];
}
