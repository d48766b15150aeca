// Re-identification risk through the real engine and API: k-anonymity figures computed by hand for
// small tables (missing values, one column, several), the generalisation search (reaching k, least
// loss first, minimal, restricted ZIP areas), a later version with dropped and renamed columns,
// the suggested quasi-identifiers, bad requests and cancellation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RiskMeasure, RiskResult, RiskSuggestion } from '../../src/shared/api/pii-types';
import type { RunResult } from '../../src/shared/api/clean-types';
import { generaliseDate, zip3 } from '../../src/main/engine/pii/operators/generalise';
import { jobResult, policyDoc, writeCsv } from '../support/clean';
import { startTestEngine, type TestEngine } from '../support/engine';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(async () => {
  await t.settle();
  await t.close();
});

async function dataset(header: string[], rows: (string | null)[][]): Promise<{ datasetId: string; ids: Record<string, string> }> {
  const imp = await t.importFile(writeCsv(header, rows));
  const detail = await t.call('dataset.get', { datasetId: imp.datasetId, version: 1 });
  return { datasetId: imp.datasetId, ids: Object.fromEntries(detail.columns.map((c) => [c.header, c.id])) };
}

async function risk(datasetId: string, quasi: string[], k: number, afterVersion?: number): Promise<RiskResult> {
  return jobResult<RiskResult>(await t.runJob('risk.start', { datasetId, version: 1, quasi, k, ...(afterVersion ? { afterVersion } : {}) }));
}

const col = (v: string | null) => [v];

describe('k-anonymity, computed by hand', () => {
  type Expect = Omit<RiskMeasure, 'version'>;
  it.each<[string, string[], (string | null)[][], string[], number, Expect]>([
    [
      'one column; empty and blank cells are one missing value',
      ['a'], [col('x'), col('x'), col('y'), col(null), col(' '), col('z')], ['a'], 2,
      { rows: 6, classes: 4, k: 1, recordsBelowK: 2, classesBelowK: 2, uniqueRecords: 2, histogram: [{ size: 1, classes: 2, records: 2 }, { size: 2, classes: 2, records: 4 }] },
    ],
    [
      'two columns with a missing value',
      ['a', 'b'], [['x', '1'], ['x', '1'], ['x', '2'], ['y', '1'], ['y', '1'], ['y', '1'], [null, '1'], [null, '1']], ['a', 'b'], 3,
      { rows: 8, classes: 4, k: 1, recordsBelowK: 5, classesBelowK: 3, uniqueRecords: 1, histogram: [{ size: 1, classes: 1, records: 1 }, { size: 2, classes: 2, records: 4 }, { size: 3, classes: 1, records: 3 }] },
    ],
    [
      'the same table, one of its columns',
      ['a', 'b'], [['x', '1'], ['x', '1'], ['x', '2'], ['y', '1'], ['y', '1'], ['y', '1'], [null, '1'], [null, '1']], ['b'], 2,
      { rows: 8, classes: 2, k: 1, recordsBelowK: 1, classesBelowK: 1, uniqueRecords: 1, histogram: [{ size: 1, classes: 1, records: 1 }, { size: 7, classes: 1, records: 7 }] },
    ],
    [
      'values differing only in case or inner spaces are different values',
      ['a'], [col('x'), col('X'), col('x y'), col('x  y'), col('x'), col('X')], ['a'], 2,
      { rows: 6, classes: 4, k: 1, recordsBelowK: 2, classesBelowK: 2, uniqueRecords: 2, histogram: [{ size: 1, classes: 2, records: 2 }, { size: 2, classes: 2, records: 4 }] },
    ],
    [
      'three columns, every record alike',
      ['a', 'b', 'c'], Array.from({ length: 4 }, () => ['p', 'q', 'r']), ['c', 'a', 'b'], 4,
      { rows: 4, classes: 1, k: 4, recordsBelowK: 0, classesBelowK: 0, uniqueRecords: 0, histogram: [{ size: 4, classes: 1, records: 4 }] },
    ],
    [
      'classes above 50 are pooled in the histogram, not in k',
      ['a'], [...Array.from({ length: 60 }, () => col('big')), ...Array.from({ length: 51 }, () => col('also big')), col('alone')], ['a'], 55,
      { rows: 112, classes: 3, k: 1, recordsBelowK: 52, classesBelowK: 2, uniqueRecords: 1, histogram: [{ size: 1, classes: 1, records: 1 }, { size: 51, classes: 2, records: 111 }] },
    ],
  ])('%s', async (_name, header, rows, quasi, k, expected) => {
    const { datasetId, ids } = await dataset(header, rows);
    const r = await risk(datasetId, quasi.map((h) => ids[h]!), k);
    expect(r.before).toEqual({ version: 1, ...expected });
    expect(r.targetK).toBe(k);
    expect(r.quasi).toEqual(quasi.map((h) => ({ columnId: ids[h], header: h })));
    expect(r.after).toBeNull();
    expect(r.caveat).toContain(quasi.map((h) => JSON.stringify(h)).join(', '));
    expect(r.caveat).toContain('"not detected", never "not present"');
  });
});

// An independent check of the suggestions: the policy operators (JS) applied to every value, then grouped.
type Kind = 'raw' | 'date_month' | 'date_year' | 'zip3' | 'zip1' | 'suppress';
const ORDER: Record<string, Kind[]> = {
  date_of_birth: ['raw', 'date_month', 'date_year'],
  zip: ['raw', 'zip3', 'zip1', 'suppress'],
  sex: ['raw', 'suppress'],
};
function generalise(v: string | null, kind: Kind): string | null {
  if (kind === 'suppress') return '*';
  if (v === null || kind === 'raw') return v;
  if (kind === 'zip1') return v.slice(0, 1);
  const out = kind === 'zip3' ? zip3(v) : generaliseDate(v, kind === 'date_year' ? 'year' : 'month');
  return 'value' in out ? out.value : v;
}
function kOf(header: string[], rows: (string | null)[][], node: Record<string, Kind>): number {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = JSON.stringify(Object.entries(node).map(([h, kind]) => generalise(r[header.indexOf(h)]!, kind)));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Math.min(...counts.values());
}
const nodeOf = (s: RiskSuggestion, quasi: string[]): Record<string, Kind> =>
  Object.fromEntries(quasi.map((h) => [h, (s.generalisations.find((g) => g.header === h)?.kind ?? 'raw') as Kind]));

describe('suggested generalisations', () => {
  // 24 people: birth dates in 2 years and 4 months, ZIPs in two 3-digit areas, two sexes.
  const header = ['name', 'date_of_birth', 'zip', 'sex'];
  const rows = Array.from({ length: 24 }, (_, i) => [
    `p${i}`,
    `${1980 + (i % 2)}-0${1 + (i % 4)}-${String(1 + i).padStart(2, '0')}`,
    `${i % 3 === 0 ? '021' : '945'}${String(10 + i).padStart(2, '0')}`,
    i % 2 === 0 ? 'F' : 'M',
  ]);
  const quasi = ['date_of_birth', 'zip', 'sex'];

  it('reach k, each minimal (one level lower on any column misses k), least loss first, suppressing only when needed', async () => {
    const { datasetId, ids } = await dataset(header, rows);
    const r = await risk(datasetId, quasi.map((h) => ids[h]!), 3);
    expect(r.before.k).toBe(1);
    expect(r.suggestions.length).toBeGreaterThan(1);
    for (const s of r.suggestions) {
      const node = nodeOf(s, quasi);
      expect(s.recordsBelowK, JSON.stringify(node)).toBe(0);
      expect(s.k).toBe(kOf(header, rows, node));
      expect(s.k).toBeGreaterThanOrEqual(3);
      for (const h of quasi) {
        const at = ORDER[h]!.indexOf(node[h]!);
        if (at > 0) expect(kOf(header, rows, { ...node, [h]: ORDER[h]![at - 1]! }), `${h} one level lower`).toBeLessThan(3);
      }
    }
    const losses = r.suggestions.map((s) => s.loss);
    expect(losses).toEqual([...losses].sort((a, b) => a - b));
    // Both minimal nodes: months pin the sex but need the ZIP gone; years with 3-digit ZIPs keep the sex.
    // Losing ZIPs entirely costs less entropy here than losing the months, so that comes first.
    expect(r.suggestions.map((s) => s.generalisations.map((g) => `${g.header}:${g.kind}`))).toEqual([
      ['date_of_birth:date_month', 'zip:suppress'],
      ['date_of_birth:date_year', 'zip:zip3'],
    ]);
    // loss = mean over the 3 columns of the entropy share removed: (ln24 − ln4)/ln24, 1, 0 and (ln24 − ln2)/ln24, (ln24 − H(8,16))/ln24, 0
    const h = (...n: number[]) => { const N = n.reduce((a, b) => a + b, 0); return -n.reduce((s, x) => s + (x / N) * Math.log(x / N), 0); };
    const l24 = Math.log(24);
    expect(losses[0]).toBeCloseTo(((l24 - Math.log(4)) / l24 + 1) / 3, 3);
    expect(losses[1]).toBeCloseTo(((l24 - Math.log(2)) / l24 + (l24 - h(8, 16)) / l24) / 3, 3);
    expect(r.suggestions[1]!.generalisations[0]!.label).toBe('date_of_birth → year');
    expect(r.suggestions.some((s) => s.generalisations.some((g) => g.header === 'sex'))).toBe(false);
  });

  it('maps restricted 3-digit ZIP areas to 000, so they pool instead of forcing a coarser level', async () => {
    const zips = ['03601', '05901', '06301', '02139', '02139', '02141'];
    const { datasetId, ids } = await dataset(['zip'], zips.map(col));
    const r = await risk(datasetId, [ids.zip!], 3);
    expect(r.suggestions.map((s) => s.generalisations.map((g) => g.kind))).toEqual([['zip3']]);
    expect(r.suggestions[0]).toMatchObject({ k: 3, recordsBelowK: 0 });
  });

  it('suppresses a column only when nothing coarser works, and says nothing when k is already reached', async () => {
    const { datasetId, ids } = await dataset(['sex', 'zip'], [['F', '02139'], ['M', '02139'], ['F', '02139'], ['M', '02139'], ['X', '02139']]);
    const r = await risk(datasetId, [ids.sex!, ids.zip!], 2);
    expect(r.suggestions.map((s) => s.generalisations.map((g) => `${g.header}:${g.kind}`))).toEqual([['sex:suppress']]);
    const reached = await risk(datasetId, [ids.zip!], 5);
    expect(reached.before.k).toBe(5);
    expect(reached.suggestions).toEqual([]);
  });

  it('has nothing to suggest when the version has fewer rows than k', async () => {
    const { datasetId, ids } = await dataset(['sex'], [col('F'), col('M')]);
    const r = await risk(datasetId, [ids.sex!], 5);
    expect(r.suggestions).toEqual([]);
    expect(r.notes).toEqual(['Version 1 has 2 rows, fewer than k = 5: no generalisation can reach it.']);
  });

  it('notes dates not written as ISO, and still reads their years', async () => {
    const dobs = ['1980-01-05', '05/20/1980', '4 May 1980', '1981-03-01', '1981-07-09', '19810101'];
    const { datasetId, ids } = await dataset(['dob'], dobs.map(col));
    const r = await risk(datasetId, [ids.dob!], 3);
    expect(r.suggestions.map((s) => s.generalisations.map((g) => g.kind))).toEqual([['date_year']]);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatch(/^50 % of the values of "dob" are dates not written as ISO/);
  });
});

describe('other hierarchies and large searches', () => {
  it('bands ages (90+ grouped) and cuts UK postcodes to their outward code', async () => {
    const rows = [['34', 'SW1A 1AA'], ['31', 'SW1A 2BB'], ['38', 'SW1A 1AA'], ['92', 'G1 3HJ'], ['97', 'G1 1AB'], ['104', 'G1 3HJ']];
    const { datasetId, ids } = await dataset(['age', 'postcode'], rows);
    const r = await risk(datasetId, [ids.age!, ids.postcode!], 3);
    // 30-34 ×2 + 35-39 ×1 fails at 5-year bands; 30-39 and 90+ hold 3 each; outward codes SW1A and G1 hold 3 each.
    expect(r.suggestions[0]!.generalisations.map((g) => [g.kind, g.width ?? null, g.label])).toEqual([
      ['age_band', 10, 'age → 10-year band (90+ grouped)'],
      ['postcode_outward', null, 'postcode → outward code'],
    ]);
    expect(r.suggestions[0]).toMatchObject({ k: 3, recordsBelowK: 0 });
  });

  it('searches step by step when the lattice is too large to search whole, and says so', async () => {
    // 13 two-level columns (categories: kept or suppressed): 8,192 nodes.
    const header = Array.from({ length: 13 }, (_, i) => `c${i}`);
    const rows = Array.from({ length: 8 }, (_, r) => header.map((_, i) => (i === 0 ? `g${r >> 1}` : `v${(r * (i + 1)) % 8}`)));
    const { datasetId, ids } = await dataset(header, rows);
    const r = await risk(datasetId, header.map((h) => ids[h]!), 2);
    expect(r.notes).toEqual([expect.stringMatching(/^The search over 8,192 combinations of generalisation levels was too large to search whole;/)]);
    expect(r.suggestions).toHaveLength(1);
    const kept = header.filter((h) => !r.suggestions[0]!.generalisations.some((g) => g.header === h));
    const kKeeping = (cols: string[]) => {
      const counts = new Map<string, number>();
      for (const row of rows) counts.set(cols.map((c) => row[header.indexOf(c)]).join('|'), (counts.get(cols.map((c) => row[header.indexOf(c)]).join('|')) ?? 0) + 1);
      return Math.min(...counts.values());
    };
    expect(r.suggestions[0]).toMatchObject({ k: kKeeping(kept), recordsBelowK: 0 });
    expect(kKeeping(kept)).toBeGreaterThanOrEqual(2);
    // Minimal: bringing back any suppressed column breaks k (rows r and r + 4 agree on c1, c3, …, c11).
    for (const h of header.filter((x) => !kept.includes(x))) expect(kKeeping([...kept, h]), h).toBe(1);
    expect(kept.length).toBeGreaterThan(1);
  });
});

describe('a later version', () => {
  it('measures the chosen columns again by id, naming those dropped or renamed', async () => {
    const header = ['date_of_birth', 'zip', 'sex', 'name'];
    const rows = [
      ['1980-01-01', '02139', 'F', 'a'], ['1980-02-01', '02139', 'F', 'b'], ['1980-03-01', '02140', 'M', 'c'],
      ['1981-01-01', '02140', 'M', 'd'], ['1981-02-01', '94501', 'M', 'e'], ['1981-03-01', '94502', 'F', 'f'],
    ];
    const { datasetId, ids } = await dataset(header, rows);
    const steps = [
      { id: 'year', type: 'replace', columns: { names: ['date_of_birth'] }, params: { find: '^([0-9]{4})-[0-9]{2}-[0-9]{2}$', replacement: '\\1', regex: true } },
      { id: 'nozip', type: 'drop_columns', columns: { names: ['zip'] } },
      { id: 'gender', type: 'rename_column', columns: { names: ['sex'] }, params: { to: 'gender' } },
    ];
    const run = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId, version: 1, source: { policy: policyDoc(steps as never) } }));
    const later = run.outputVersion as number;
    const r = await risk(datasetId, [ids.date_of_birth!, ids.zip!, ids.sex!], 2, later);
    expect(r.before).toMatchObject({ rows: 6, classes: 6, k: 1, recordsBelowK: 6 });
    // (1980, F) ×2, (1980, M), (1981, M) ×2, (1981, F)
    expect(r.after).toEqual({
      version: later, rows: 6, classes: 4, k: 1, recordsBelowK: 2, classesBelowK: 2, uniqueRecords: 2,
      histogram: [{ size: 1, classes: 2, records: 2 }, { size: 2, classes: 2, records: 4 }],
    });
    expect(r.notes).toEqual([
      `Column "zip" (${ids.zip}) was dropped in version ${later}: the measure of version ${later} leaves it out.`,
      `Column "sex" (${ids.sex}) is headed "gender" in version ${later}; it is matched by its id.`,
    ]);
    const log = await t.call('log.list', { limit: 5 });
    expect(log.find((e) => e.action === 'dataset.risk_measured')).toMatchObject({ subject: { dataset: datasetId, version: '1' }, details: { targetK: 2, k: 1, afterVersion: later, afterK: 1 } });
  });

  it('puts every record in one class when no quasi-identifier is left', async () => {
    const { datasetId, ids } = await dataset(['zip', 'name'], [['02139', 'a'], ['02140', 'b'], ['02141', 'c']]);
    const steps = [{ id: 'nozip', type: 'drop_columns', columns: { names: ['zip'] } }];
    const run = await jobResult<RunResult>(await t.runJob('clean.run', { datasetId, version: 1, source: { policy: policyDoc(steps as never) } }));
    const later = run.outputVersion as number;
    const r = await risk(datasetId, [ids.zip!], 3, later);
    expect(r.after).toEqual({ version: later, rows: 3, classes: 1, k: 3, recordsBelowK: 0, classesBelowK: 0, uniqueRecords: 0, histogram: [{ size: 3, classes: 1, records: 3 }] });
    expect(r.notes.at(-1)).toBe(`None of the quasi-identifiers is left in version ${later}: every record is in one class.`);
  });

  it('is refused when it is not later, or missing', async () => {
    const { datasetId, ids } = await dataset(['a'], [col('x')]);
    expect(await t.fail('risk.start', { datasetId, version: 1, quasi: [ids.a!], afterVersion: 1 })).toMatchObject({ code: 'INVALID_ARGUMENT', message: 'afterVersion must be later than version 1; got 1.' });
    expect(await t.fail('risk.start', { datasetId, version: 1, quasi: [ids.a!], afterVersion: 7 })).toMatchObject({ code: 'NOT_FOUND', message: `Dataset ${datasetId} has no version 7.` });
  });
});

describe('requests and jobs', () => {
  it('refuses unknown and repeated columns by name, and k below 2', async () => {
    const { datasetId, ids } = await dataset(['zip', 'sex'], [['02139', 'F']]);
    expect(await t.fail('risk.start', { datasetId, version: 1, quasi: ['c9'] })).toMatchObject({
      code: 'INVALID_ARGUMENT', message: `Version 1 of ${datasetId} has no column c9. Its columns: ${ids.zip} "zip", ${ids.sex} "sex".`,
    });
    expect((await t.fail('risk.start', { datasetId, version: 1, quasi: [ids.sex!, ids.sex!] })).message).toBe(`The quasi-identifier ${ids.sex} ("sex") is named twice.`);
    expect((await t.fail('risk.start', { datasetId, version: 1, quasi: [ids.sex!], k: 1 })).message).toMatch(/^risk\.start: k: /);
    expect((await t.fail('risk.start', { datasetId, version: 1, quasi: [] })).message).toMatch(/^risk\.start: quasi: /);
  });

  it('suggests ZIP/postcode, birth date or year, sex and age columns, in dataset order', async () => {
    const header = ['customer_id', 'Gender', 'date_of_birth', 'city', 'zip', 'age', 'signup_date', 'postcode', 'yob'];
    const rows = Array.from({ length: 30 }, (_, i) => [`C${i}`, i % 2 ? 'F' : 'M', `19${50 + i}-01-0${1 + (i % 9)}`, 'Leeds', `0213${i % 10}`, String(20 + i), '2020-01-01', 'LS1 4AP', String(1950 + i)]);
    const { datasetId, ids } = await dataset(header, rows);
    expect(await t.call('risk.suggestQuasi', { datasetId, version: 1 })).toEqual([
      { columnId: ids.Gender, header: 'Gender', role: 'sex' },
      { columnId: ids.date_of_birth, header: 'date_of_birth', role: 'birth_date' },
      { columnId: ids.zip, header: 'zip', role: 'zip' },
      { columnId: ids.age, header: 'age', role: 'age' },
      { columnId: ids.postcode, header: 'postcode', role: 'uk_postcode' },
      { columnId: ids.yob, header: 'yob', role: 'birth_year' },
    ]);
  });

  it('is cancelled cleanly: the job ends cancelled and leaves no scratch tables', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => [`19${String(i % 100).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`, String(10000 + (i % 9000))]);
    const { datasetId, ids } = await dataset(['dob', 'zip'], rows);
    const { jobId } = await t.call('risk.start', { datasetId, version: 1, quasi: [ids.dob!, ids.zip!], k: 5 });
    await t.call('job.cancel', { jobId });
    const job = await t.engine.jobs.wait(jobId);
    expect(job.state).toBe('cancelled');
    const left = await t.engine.workspace.db.all(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'ds_scratch' AND table_name LIKE 'risk_%'`);
    expect(left).toEqual([]);
  });

  it('reports progress stages and finishes with every scratch table dropped', async () => {
    const { datasetId, ids } = await dataset(['dob', 'zip'], Array.from({ length: 40 }, (_, i) => [`198${i % 10}-01-01`, `0213${i % 3}`]));
    const stages: string[] = [];
    const off = t.api.on('job.updated', (j) => {
      if (j.kind === 'risk' && !stages.includes(j.stage)) stages.push(j.stage);
    });
    const r = await risk(datasetId, [ids.dob!, ids.zip!], 5);
    off();
    expect(r.suggestions.length).toBeGreaterThan(0);
    expect(stages).toEqual(expect.arrayContaining(['grouping rows by the quasi-identifiers', 'searching generalisations']));
    expect(await t.engine.workspace.db.all(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'ds_scratch' AND table_name LIKE 'risk_%'`)).toEqual([]);
  });
});
