// `sanitizer dedupe` through the real binary: a file through a temporary workspace (the clusters
// file's exact shape, every row once, duplicates sharing a cluster, every scored pair), a dataset
// in a workspace (--json, --exclude, the event log), the --id column never compared, the input
// never modified, and refusals before any work.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DedupeRunResult } from '../../src/main/engine/dedupe/run';
import { importedWorkspace, runCli, tempWorkspaces, type CliEnv } from './cli-support';

const PEOPLE = [
  ['Ann', 'Smith', 'ann.smith@example.org', '1980-04-12', 'Leeds'],
  ['Bob', 'Jones', 'bob.jones@example.com', '1975-11-02', 'York'],
  ['Cara', 'Nolan', 'cara.nolan@example.net', '1990-01-30', 'Hull'],
  ['Dev', 'Patel', 'dev.patel@example.org', '1985-06-17', 'Bath'],
  ['Eve', 'Okafor', 'eve.okafor@example.com', '1969-09-09', 'Derby'],
  ['Finn', 'Walsh', 'finn.walsh@example.net', '2001-03-03', 'Truro'],
  ['Gus', 'Berg', 'gus.berg@example.org', '1958-12-24', 'Ely'],
  ['Hana', 'Ito', 'hana.ito@example.com', '1993-07-21', 'Wells'],
];
// Rows 9–12 repeat people 1, 2, 3 and 1 again, with other ids and in other case and spacing; the
// ids look like nothing else (and two hold a comma and a quote, which the CSV must quote).
const ROWS: string[][] = [
  ...PEOPLE.map((p, i) => [`K-${100 + i}`, ...p]),
  ['K,"9"', 'ANN', 'SMITH ', 'Ann.Smith@example.org', '1980-04-12', 'leeds'],
  ['K-200', ' Bob', 'Jones', 'bob.jones@example.com', '1975-11-02', 'York'],
  ['K,10', 'Cara', 'Nolan', 'cara.nolan@example.net', '1990-01-30', 'Hull'],
  ['K-300', 'Ann', 'Smith', 'ann.smith@example.org', '1980-04-12', 'Leeds'],
];
const HEADER = ['Customer ID', 'given', 'family', 'email', 'born', 'city'];
const field = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const CSV = [HEADER, ...ROWS].map((r) => r.map(field).join(',')).join('\n') + '\n';

/** RFC 4180 lines of a small file (no newlines inside fields here). */
function parseCsv(text: string): string[][] {
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n').map((line) => {
    const out: string[] = [];
    const re = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      out.push(m[1] !== undefined ? m[1].replaceAll('""', '"') : (m[2] ?? ''));
      if (m.index + m[0].length >= line.length) break;
    }
    return out;
  });
}

let env: CliEnv;
let ws: string;
let datasetId: string;
let remove: () => void;
const input = () => path.join(env.cwd, 'people.csv');
const sha = () => crypto.createHash('sha256').update(fs.readFileSync(input())).digest('hex');
let inputSha: string;
beforeAll(async () => {
  ({ env, ws, datasetId, remove } = await importedWorkspace('ds-cli-dedupe-', CSV));
  inputSha = sha();
});
afterAll(() => {
  expect(sha()).toBe(inputSha);
  remove();
});

describe('sanitizer dedupe', () => {
  it('writes exactly record_id,cluster_id for every row once, duplicates sharing a cluster, and every scored pair', async () => {
    const r = await runCli(['dedupe', 'people.csv', '--id', 'Customer ID', '--clusters', 'out.csv', '--pairs', 'pairs.csv'], env);
    expect(r.code, r.stderr).toBe(0);
    const rows = parseCsv(fs.readFileSync(path.join(env.cwd, 'out.csv'), 'utf8'));
    expect(rows[0]).toEqual(['record_id', 'cluster_id']);
    const body = rows.slice(1);
    expect(body.map((x) => x[0])).toEqual(ROWS.map((x) => x[0]));
    expect(body.every((x) => x.length === 2)).toBe(true);
    const cluster = new Map(body.map((x) => [x[0]!, x[1]!]));
    // A cluster is named by its first row's record id; singletons by their own.
    expect([cluster.get('K-100'), cluster.get('K,"9"'), cluster.get('K-300')]).toEqual(['K-100', 'K-100', 'K-100']);
    expect([cluster.get('K-101'), cluster.get('K-200')]).toEqual(['K-101', 'K-101']);
    expect([cluster.get('K-102'), cluster.get('K,10')]).toEqual(['K-102', 'K-102']);
    for (const id of ['K-103', 'K-104', 'K-105', 'K-106', 'K-107']) expect(cluster.get(id)).toBe(id);
    const pairs = parseCsv(fs.readFileSync(path.join(env.cwd, 'pairs.csv'), 'utf8'));
    expect(pairs[0]).toEqual(['record_id_l', 'record_id_r', 'probability']);
    const ids = new Set(ROWS.map((x) => x[0]));
    for (const [l, rr, p] of pairs.slice(1)) {
      expect(ids.has(l!) && ids.has(rr!)).toBe(true);
      expect(Number(p)).toBeGreaterThanOrEqual(0);
      expect(Number(p)).toBeLessThanOrEqual(1);
    }
    expect(pairs.slice(1).map((x) => `${x[0]}|${x[1]}`)).toEqual(expect.arrayContaining(['K-100|K,"9"', 'K-101|K-200', 'K-102|K,10']));
    expect(r.stdout).toMatch(/^Found duplicates in people\.csv: 12 rows in [0-9.]+ s\.$/m);
    expect(r.stdout).toMatch(/not compared: Customer ID \(--id\)/);
    expect(r.stdout).toMatch(/: 3 clusters of two or more \(largest 3, /);
    expect(r.stdout).toMatch(new RegExp(`^Wrote ${path.join(env.cwd, 'out.csv').replaceAll('.', '\\.')} \\(12 rows, sha256 [0-9a-f]{64}\\)$`, 'm'));
    expect(tempWorkspaces(env.tmp)).toEqual([]);
    expect(fs.readdirSync(env.cwd).sort()).toEqual(['out.csv', 'pairs.csv', 'people.csv']);
  });

  it('never compares the --id column: it has no comparison, and rows alike but for their ids still match', async () => {
    const r = await runCli(['dedupe', datasetId, '--workspace', ws, '--id', 'Customer ID', '--clusters', 'ids.csv', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as DedupeRunResult & { workspace: string };
    expect(s.settings.idColumn).toBe('c1');
    expect(s.roles.find((x) => x.columnId === 'c1')).toMatchObject({ role: 'ignore', overridden: true });
    expect(s.model.comparisons.flatMap((c) => c.columnIds)).not.toContain('c1');
    expect(s.rules.flatMap((x) => x.columnIds)).not.toContain('c1');
    expect(s.counts).toMatchObject({ rows: 12, clusters: 3, rowsInClusters: 7, duplicateRows: 4 });
    expect(s.files?.map((f) => [f.kind, path.basename(f.path), f.rows])).toEqual([['clusters', 'ids.csv', 12]]);
    expect(s.workspace).toBe(ws);
    const log = await runCli(['log', '--workspace', ws, '--json', '--limit', '3'], env);
    expect((JSON.parse(log.stdout) as { entries: { action: string }[] }).entries.map((e) => e.action)).toContain('dedupe.ran');
  });

  it('never compares an --id column the finder would otherwise use: a phone number unique to each row', async () => {
    // The people again with a phone column instead of ids, every row a number of its own: compared,
    // the phones keep the repeated people from being exact duplicates; as --id, they do not.
    const rows = ROWS.map((r, i) => [...r.slice(1), `+44 20 7946 0${100 + i * 7}`]);
    fs.writeFileSync(path.join(env.cwd, 'phones.csv'), [[...HEADER.slice(1), 'phone'], ...rows].map((r) => r.map(field).join(',')).join('\n') + '\n');
    const run = async (args: string[]) => {
      const r = await runCli(['dedupe', 'phones.csv', '--clusters', 'phones-out.csv', '--force', '--json', ...args], env);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as DedupeRunResult;
    };
    const compared = await run([]);
    expect(compared.roles.find((x) => x.header === 'phone')?.role).not.toBe('ignore');
    expect(compared.counts.exactDuplicateRows).toBe(0);
    const asId = await run(['--id', 'phone']);
    expect(asId.roles.find((x) => x.header === 'phone')).toMatchObject({ role: 'ignore', overridden: true });
    expect(asId.model.comparisons.flatMap((c) => c.columnIds)).not.toContain('c6');
    expect(asId.counts).toMatchObject({ exactDuplicateRows: 4, clusters: 3, rowsInClusters: 7 });
    const out = parseCsv(fs.readFileSync(path.join(env.cwd, 'phones-out.csv'), 'utf8'));
    expect(out.slice(1).map((x) => x[0])).toEqual(rows.map((x) => x[5]));
    expect(out[9]).toEqual([rows[8]![5], rows[0]![5]]);
    for (const f of ['phones.csv', 'phones-out.csv']) fs.rmSync(path.join(env.cwd, f));
  });

  it('uses row ids as record ids without --id, and leaves --exclude columns out', async () => {
    const r = await runCli(['dedupe', datasetId, '--workspace', ws, '--exclude', 'city', '--exclude', 'Customer ID', '--threshold', '0.95', '--clusters', 'rowids.csv', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as DedupeRunResult;
    expect(s.settings).toMatchObject({ exclude: ['c6', 'c1'], threshold: 0.95 });
    expect(s.roles.filter((x) => x.role === 'ignore').map((x) => x.columnId).sort()).toEqual(['c1', 'c6']);
    const compared = s.model.comparisons.flatMap((c) => c.columnIds);
    expect(compared.filter((c) => c === 'c1' || c === 'c6')).toEqual([]);
    const rows = parseCsv(fs.readFileSync(path.join(env.cwd, 'rowids.csv'), 'utf8'));
    expect(rows.slice(1).map((x) => x[0])).toEqual(ROWS.map((_, i) => String(i + 1)));
    expect(rows.slice(1).find((x) => x[0] === '12')).toEqual(['12', '1']);
  });

  it.each([
    ['no --clusters', ['dedupe', 'people.csv'], /--clusters OUT\.csv/],
    ['an --id header in the wrong case', ['dedupe', 'people.csv', '--id', 'customer id', '--clusters', 'x.csv'], /--id "customer id": no column has that header \(headers are case-sensitive\)\. Did you mean "Customer ID"\? The headers are: "Customer ID", "given", "family", "email", "born", "city"\./],
    ['an unknown --exclude header', ['dedupe', 'people.csv', '--exclude', 'phone', '--clusters', 'x.csv'], /--exclude "phone": no column has that header/],
    ['a threshold of 1.5', ['dedupe', 'people.csv', '--threshold', '1.5', '--clusters', 'x.csv'], /argument '1\.5' is invalid\. The threshold is a match probability between 0 and 1/],
    ['a threshold of 0', ['dedupe', 'people.csv', '--threshold', '0', '--clusters', 'x.csv'], /threshold is a match probability between 0 and 1/],
    ['a threshold that is no number', ['dedupe', 'people.csv', '--threshold', 'high', '--clusters', 'x.csv'], /threshold is a match probability between 0 and 1/],
    ['the same file twice', ['dedupe', 'people.csv', '--clusters', 'x.csv', '--pairs', './x.csv'], /--clusters and --pairs both name/],
    ['an unknown dataset', ['dedupe', 'd99', '--workspace', 'WS', '--clusters', 'x.csv'], /no dataset d99|has no dataset|There is no dataset d99/i],
  ])('refuses %s, writing nothing', async (_n, args, message) => {
    const before = fs.readdirSync(env.cwd).sort();
    const r = await runCli(args.map((a) => (a === 'WS' ? ws : a)), env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(fs.readdirSync(env.cwd).sort()).toEqual(before);
  });

  it('refuses a file with a header and no rows, saying so (not "No column is compared"), writing nothing', async () => {
    fs.writeFileSync(path.join(env.cwd, 'header-only.csv'), `${HEADER.join(',')}\n`);
    const r = await runCli(['dedupe', 'header-only.csv', '--clusters', 'none.csv'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/header-only\.csv \(version 1 of d\d+\) has no rows, only a header: there is nothing to compare\./);
    expect(r.stderr).not.toMatch(/No column is compared/);
    expect(fs.existsSync(path.join(env.cwd, 'none.csv'))).toBe(false);
    fs.rmSync(path.join(env.cwd, 'header-only.csv'));
  });

  it('a one-row file: its row is its own cluster, and the report counts in the singular', async () => {
    fs.writeFileSync(path.join(env.cwd, 'one.csv'), `${HEADER.join(',')}\n${ROWS[0]!.map(field).join(',')}\n`);
    const r = await runCli(['dedupe', 'one.csv', '--id', 'Customer ID', '--clusters', 'one-clusters.csv'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Found duplicates in one\.csv: 1 row in [0-9.]+ s\.$/m);
    expect(r.stdout).toMatch(/^Wrote .*one-clusters\.csv \(1 row, sha256 [0-9a-f]{64}\)$/m);
    expect(r.stdout).not.toMatch(/\b1 (rows|pairs|clusters)\b/);
    expect(fs.readFileSync(path.join(env.cwd, 'one-clusters.csv'), 'utf8')).toBe('record_id,cluster_id\nK-100,K-100\n');
    for (const f of ['one.csv', 'one-clusters.csv']) fs.rmSync(path.join(env.cwd, f));
  });

  it('refuses to overwrite an output without --force, and never writes over its input', async () => {
    fs.writeFileSync(path.join(env.cwd, 'taken.csv'), 'keep me');
    const r = await runCli(['dedupe', 'people.csv', '--clusters', 'taken.csv'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/taken\.csv already exists; nothing was written/);
    expect(fs.readFileSync(path.join(env.cwd, 'taken.csv'), 'utf8')).toBe('keep me');
    const self = await runCli(['dedupe', 'people.csv', '--clusters', 'people.csv', '--force'], env);
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/is the source file of this dataset; sources are never modified/);
    expect(sha()).toBe(inputSha);
    const forced = await runCli(['dedupe', 'people.csv', '--clusters', 'taken.csv', '--force'], env);
    expect(forced.code, forced.stderr).toBe(0);
    expect(fs.readFileSync(path.join(env.cwd, 'taken.csv'), 'utf8').split('\n')[0]).toBe('record_id,cluster_id');
    fs.rmSync(path.join(env.cwd, 'taken.csv'));
  });
});
