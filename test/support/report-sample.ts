// A realistic report model, written by hand, for the renderers' tests (HTML, PDF) before and
// besides models built from real runs: a compliance run over a hospital extract with every
// section filled, and hostile text (markup, quotes, RTL, CJK, emoji) where users' data lands.
import { RUN_KIND_TITLES, reportModelSchema, type ReportModel } from '../../src/shared/api/report-types';

const HEX = (c: string) => c.repeat(64).slice(0, 64);

const HIPAA: [string, string][] = [
  ['A', 'Names'],
  ['B', 'Geographic subdivisions smaller than a state'],
  ['C', 'Dates (except year) related to an individual'],
  ['D', 'Telephone numbers'],
  ['E', 'Fax numbers'],
  ['F', 'E-mail addresses'],
  ['G', 'Social security numbers'],
  ['H', 'Medical record numbers'],
  ['I', 'Health plan beneficiary numbers'],
  ['J', 'Account numbers'],
  ['K', 'Certificate/license numbers'],
  ['L', 'Vehicle identifiers and serial numbers'],
  ['M', 'Device identifiers and serial numbers'],
  ['N', 'Web URLs'],
  ['O', 'IP addresses'],
  ['P', 'Biometric identifiers'],
  ['Q', 'Full-face photographs and comparable images'],
  ['R', 'Any other unique identifying number, characteristic, or code'],
];

const bins = (counts: number[], width: number) => counts.map((count, i) => ({ from: +(i * width).toFixed(2), to: +((i + 1) * width).toFixed(2), count }));

/** `kind` picks the run kind (and stamp); everything else is fixed. */
export function sampleReportModel(kind: ReportModel['run']['kind'] = 'compliance'): ReportModel {
  const model: ReportModel = {
    reportFormat: 1,
    generatedAt: '2026-12-05T08:00:00.000Z',
    generatedBy: 'dana (steward)',
    workspaceId: 'ws-3f2a9c',
    run: {
      runId: 'r7',
      kind,
      title: RUN_KIND_TITLES[kind],
      stamp: kind === 'compliance' ? 'APPROVED' : kind === 'unapproved' ? 'UNAPPROVED' : null,
      startedAt: '2026-12-05T07:58:12.000Z',
      seconds: 3.42,
      actor: 'dana',
      actorFingerprint: HEX('a1'),
      datasetId: 'd1',
      datasetName: 'admissions <2026> "Q4".csv',
      inputVersion: 1,
      outputVersion: kind === 'preview' ? null : 2,
      rowsIn: 12_480,
      rowsOut: 12_311,
      cellsChanged: 40_118,
      rowsRemoved: 169,
    },
    inputs: [
      {
        fileName: 'admissions <2026> "Q4".csv',
        sizeBytes: 2_318_442,
        sha256: HEX('3c'),
        format: 'csv',
        rows: 12_480,
        columns: 9,
        settings: { delimiter: ',', quote: '"', header: true, encoding: 'utf-8', ragged: 'abort' },
        importedAt: '2026-12-05T07:50:00.000Z',
      },
    ],
    policy: {
      name: 'Admissions de-identification',
      policyId: 'p2',
      version: 3,
      sha256: HEX('5e'),
      state: kind === 'compliance' ? 'ACTIVE' : 'DRAFT',
      author: 'dana',
      document: {
        name: 'Admissions de-identification',
        version: 3,
        steps: [
          { id: 's1', type: 'trim', columns: { all: true } },
          { id: 's2', type: 'dates', columns: { names: ['admitted', 'born'] }, params: { order: 'auto' } },
          { id: 's3', type: 'deidentify', columns: { all: true }, params: { entities: { EMAIL: 'mask', PHONE: 'hash', PERSON: 'pseudonym' } } },
          { id: 's4', type: 'generalise', columns: { names: ['born'] }, params: { to: 'year' } },
          { id: 's5', type: 'dedupe_near', params: { keep: 'most_complete' } },
        ],
      },
      approvals:
        kind === 'compliance'
          ? [{ by: 'omar', role: 'approver', at: '2026-12-04T16:20:00.000Z', reason: 'Reviewed with the DPO; matches the data-sharing agreement.', keyFingerprint: HEX('b2') }]
          : [],
    },
    steps: [
      { stepId: 's1', type: 'trim', label: 'Trim whitespace', enabled: true, columns: ['name', 'email', 'ward'], cellsChanged: 1_204, rowsRemoved: 0, failures: 0, notes: [], perColumn: [{ column: 'name', cellsChanged: 800 }, { column: 'ward', cellsChanged: 404 }] },
      { stepId: 's2', type: 'dates', label: 'Dates to ISO-8601', enabled: true, columns: ['admitted', 'born'], cellsChanged: 24_960, rowsRemoved: 0, failures: 12, notes: ['admitted: day before month (31/12 seen)'], perColumn: [{ column: 'admitted', cellsChanged: 12_480 }, { column: 'born', cellsChanged: 12_480 }] },
      { stepId: 's3', type: 'deidentify', label: 'De-identify personal data', enabled: true, columns: ['name', 'email', 'phone', 'notes'], cellsChanged: 13_380, rowsRemoved: 0, failures: 0, notes: [], perColumn: [{ column: 'name', cellsChanged: 4_460 }, { column: 'email', cellsChanged: 4_460 }, { column: 'phone', cellsChanged: 4_400 }, { column: 'notes 备注 📝', cellsChanged: 60 }] },
      { stepId: 's4', type: 'generalise', label: 'Birth date → year', enabled: true, columns: ['born'], cellsChanged: 12_480, rowsRemoved: 0, failures: 0, notes: [], perColumn: [{ column: 'born', cellsChanged: 12_480 }] },
      { stepId: 's5', type: 'dedupe_near', label: 'Merge near duplicates', enabled: true, columns: [], cellsChanged: 94, rowsRemoved: 169, failures: 0, notes: ['keep: most complete'], perColumn: [{ column: 'phone', cellsChanged: 94 }] },
    ],
    columns: [
      { column: 'admitted', cellsChanged: 12_480 },
      { column: 'born', cellsChanged: 12_480 },
      { column: 'name', cellsChanged: 5_260 },
      { column: 'email', cellsChanged: 4_460 },
      { column: 'phone', cellsChanged: 4_494 },
      { column: 'ward', cellsChanged: 404 },
      { column: 'notes 备注 📝', cellsChanged: 60 },
    ],
    pii: {
      scanned: true,
      scannedAt: '2026-12-05T07:55:00.000Z',
      decisionsSha256: HEX('7d'),
      findings: 13_502,
      byEntity: [
        { entity: 'EMAIL', findings: 4_460, columns: [{ column: 'email', findings: 4_460, accepted: 1, rejected: 0 }], confidence: bins([0, 0, 0, 0, 0, 0, 0, 0, 60, 4_400], 0.1), operator: 'mask' },
        { entity: 'PHONE', findings: 4_400, columns: [{ column: 'phone', findings: 4_400, accepted: 0, rejected: 0 }], confidence: bins([0, 0, 0, 0, 0, 0, 0, 200, 1_200, 3_000], 0.1), operator: 'hash' },
        { entity: 'PERSON', findings: 4_520, columns: [{ column: 'name', findings: 4_460, accepted: 0, rejected: 0 }, { column: 'notes 备注 📝', findings: 60, accepted: 0, rejected: 3 }], confidence: bins([0, 0, 0, 0, 40, 120, 600, 1_200, 1_560, 1_000], 0.1), operator: 'pseudonym' },
        { entity: 'US_SSN', findings: 122, columns: [{ column: 'notes 备注 📝', findings: 122, accepted: 0, rejected: 0 }], confidence: bins([0, 0, 0, 0, 0, 0, 0, 0, 0, 122], 0.1), operator: null },
      ],
      caveat: 'Detection reports what it found: absence of findings means "not detected", never "not present".',
    },
    dedupe: {
      source: 'run-step',
      pairsScored: 31_207,
      clusters: 161,
      rowsInClusters: 330,
      rowsRemoved: 169,
      cellsFilled: 94,
      clusterSizes: [{ size: 2, clusters: 153 }, { size: 3, clusters: 8 }],
      probabilities: bins([29_000, 900, 300, 120, 80, 60, 40, 30, 20, 20, 20, 20, 20, 20, 20, 20, 30, 40, 140, 317], 0.05),
      decisionsSha256: HEX('9a'),
      modelSha256: HEX('4b'),
    },
    valuesImputed: 0,
    outliersHandled: 0,
    rowsDropped: 169,
    risk: {
      quasiIdentifiers: ['born', 'zip', 'sex'],
      targetK: 5,
      before: { version: 1, rows: 12_480, classes: 11_902, k: 1, recordsBelowK: 12_301, uniqueRecords: 11_400 },
      after: { version: 2, rows: 12_311, classes: 640, k: 3, recordsBelowK: 41, uniqueRecords: 0 },
      notes: [],
    },
    sampleDiffs: [
      { rowId: 1, column: 'name', kind: 'cell', before: 'J*** S***', after: 'Person-7f3a', step: 'De-identify personal data', confidence: 0.93, masked: true },
      { rowId: 1, column: 'admitted', kind: 'cell', before: '31/12/2025', after: '2025-12-31', step: 'Dates to ISO-8601', confidence: 1, masked: false },
      { rowId: 2, column: 'email', kind: 'cell', before: 'j***@***.org', after: 'j***@***.org', step: 'De-identify personal data', confidence: 0.99, masked: true },
      { rowId: 3, column: 'ward', kind: 'cell', before: ' <b>Ward 3</b> ', after: '<b>Ward 3</b>', step: 'Trim whitespace', confidence: 1, masked: false },
      { rowId: 4, column: 'notes 备注 📝', kind: 'cell', before: 'מטופל ***', after: '<PERSON>', step: 'De-identify personal data', confidence: 0.71, masked: true },
      { rowId: 9, column: null, kind: 'row', before: null, after: null, step: 'Merge near duplicates', confidence: 0.97, masked: false },
    ],
    hipaa: HIPAA.map(([code, category]) => ({
      code,
      category,
      status: ['A', 'C', 'D', 'F'].includes(code) ? 'handled' : code === 'G' ? 'not-handled' : 'not-detected',
      evidence:
        code === 'A' ? 'PERSON in name, notes 备注 📝: pseudonymised by step s3'
        : code === 'C' ? 'born: generalised to year by step s4; admitted: kept (dates of service) — see note'
        : code === 'D' ? 'PHONE in phone: keyed hash by step s3'
        : code === 'F' ? 'EMAIL in email: masked by step s3'
        : code === 'G' ? 'US_SSN found in notes 备注 📝 (122 cells) but no step handles it'
        : 'not detected by the scan of version 1 (absence of findings is not proof of absence)',
    })),
    gdpr: [
      { field: 'Name and contact details of the controller', value: null, source: 'controller' },
      { field: 'Purposes of the processing', value: null, source: 'controller' },
      { field: 'Categories of personal data', value: 'EMAIL, PHONE, PERSON, US_SSN (detected)', source: 'workspace' },
      { field: 'Technical and organisational security measures', value: 'Pseudonymisation with a keyed hash (workspace key generation 2); masking; audit log with signed checkpoints', source: 'workspace' },
      { field: 'Time limits for erasure', value: null, source: 'controller' },
    ],
    reproducibility: {
      engineVersion: '0.1.0',
      policySha256: HEX('5e'),
      keyFingerprint: HEX('c3'),
      keyGeneration: 2,
      piiDecisionsSha256: HEX('7d'),
      dedupeDecisionsSha256: HEX('9a'),
      inputSha256: [HEX('3c')],
      outputSha256: kind === 'preview' ? null : HEX('e4'),
      command: "sanitizer clean 'admissions <2026> \"Q4\".csv' --policy 'Admissions de-identification' --policy-version 3 --as dana --out cleaned.csv",
    },
  };
  return reportModelSchema.parse(model);
}
