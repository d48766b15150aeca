// The duplicate finder, end to end, in the spirit of Splink but configured from the data:
//   roles → normalised features → exact duplicates (a hash of the features; one representative
//   each) → blocking rules with pair counts → candidate pairs → comparison levels (SQL) → u from
//   random pairs and value frequencies, m and λ by EM on the distinct patterns → match weights with
//   term-frequency adjustment → probabilities → connected components → a chain check that scores
//   every pair inside small clusters.
// Everything row-sized stays in DuckDB; JavaScript sees patterns, edges and counts.
import { createHash } from 'node:crypto';
import type { ColumnRole, Comparison, DedupeModel, DedupeRole, HistogramBin } from '../../../shared/api/dedupe-types';
import { DEDUPE_DEFAULTS } from '../../../shared/api/dedupe-types';
import { AppError } from '../../../shared/api/result';
import { num, underMemoryLimit } from '../db/database';
import { ident } from '../db/sql';
import type { FrameColumn } from '../clean/frame';
import type { Query } from '../clean/query';
import { block, candidateRules, roleColumns, type BlockingOutcome, type RuleDef } from './blocking';
import { components } from './cluster';
import { comparisons, exactLevel, feat, featureSql, levelSql, localPart, WORD_ROLES, words, type ComparisonDef } from './compare';
import { estimate, estimateU, initialM, type EmResult, type Pattern } from './em';
import { IDENTITY_ROLES, resolveRoles } from './roles';
import { MISSING_LEVEL, type DecidedPair, type DedupeInput, type DedupeOutcome, type DedupePlanOutcome } from './types';

/** Records drawn (by a hash of the row id, so the same every run) for the random pairs that estimate u. */
export const U_SAMPLE = 300;
/** Clusters of up to this many distinct records have every inner pair scored (the chain check). */
export const CHAIN_CHECK_MAX = 20;

/** Values that mean "no value" and must never match each other. */
export const MISSING_TOKENS = ['n/a', 'na', 'n.a.', 'null', 'none', 'nil', '-', '--', '?', 'unknown', 'not known', 'tbd', 'missing', 'no email', 'noemail', 'no phone', '0'];

export interface Prepared {
  roles: ColumnRole[];
  comps: ComparisonDef[];
  /** row_id + features, every row. */
  all: string;
  /** row_id → rep (the smallest row id with the same features; rows with no feature are their own). */
  reps: string;
  /** Features of the representatives only (+ ph_family when a family name is compared). */
  features: string;
  repCount: number;
  blocking: BlockingOutcome;
}

/** The raw value of a column as the feature expression reads it: typed where the type serves the role, else trimmed text with "no value" tokens as NULL. */
function rawSql(q: Query, c: FrameColumn, role: ColumnRole['role']): string {
  const col = ident(c.id);
  if (role === 'date' && /^(DATE|TIMESTAMP)/.test(c.storageType)) return `CAST(${col} AS DATE)`;
  if (role === 'numeric' && /INT|DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC/.test(c.storageType)) return `CAST(${col} AS DOUBLE)`;
  const v = `nullif(trim(CAST(${col} AS VARCHAR)), '')`;
  if (role === 'numeric') return v;
  // list_contains on a constant list: a third of the cost of IN (…) here (measured on 100k × 11 columns).
  return `CASE WHEN list_contains([${MISSING_TOKENS.map((t) => q.bind(t)).join(', ')}], lower(${v})) THEN NULL ELSE ${v} END`;
}

/** The feature over the raw value (a column of the inner select, so its cleaning runs once, not once per use). */
function valueSql(q: Query, c: FrameColumn, role: ColumnRole['role'], raw: string): string {
  if (role === 'date' && /^(DATE|TIMESTAMP)/.test(c.storageType)) return raw;
  if (role === 'numeric' && /INT|DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC/.test(c.storageType)) return raw;
  return featureSql(q, role, raw);
}

export async function prepare(q: Query, input: DedupeInput): Promise<Prepared> {
  const { relation, columns, rowCount, settings } = input;
  const roles = await resolveRoles(q, relation, columns, rowCount, settings);
  const comps = comparisons(roles);
  if (comps.length === 0) {
    if (rowCount === 0) throw new AppError('INVALID_ARGUMENT', 'The table has no rows: there are no duplicates to find.', { rows: 0 });
    // Each column's reason (no values, a record key, excluded…): "every column is not compared" alone does not say what to change.
    const why = roles.slice(0, 10).map((r) => `${JSON.stringify(r.header)}: ${r.overridden ? 'excluded or set to not compared' : r.reason}`);
    throw new AppError('INVALID_ARGUMENT', `No column is compared (${why.join('; ')}${roles.length > 10 ? `; and ${roles.length - 10} more` : ''}). Give at least one column a role.`, { columns: roles.length });
  }
  q.job.throwIfCancelled();
  q.job.progress({ stage: 'normalising values', done: 0, total: rowCount, unit: 'rows' });
  const byId = new Map(columns.map((c) => [c.id, c]));
  const all = q.newTable('dd_all');
  const raw = (c: ComparisonDef) => ident(`v_${c.id}`);
  const raws = comps.map((c) => `${rawSql(q, byId.get(c.id)!, c.role)} AS ${raw(c)}`);
  const exprs = comps.map((c) => `${valueSql(q, byId.get(c.id)!, c.role, raw(c))} AS ${c.feature}`);
  const wordLists = [
    ...comps.filter((c) => WORD_ROLES.has(c.role)).map((c) => `list_distinct(string_split(${c.feature}, ' ')) AS ${words(c.id)}`),
    ...comps.filter((c) => c.role === 'email').map((c) => `split_part(${c.feature}, '@', 1) AS ${localPart(c.id)}`),
  ];
  // Three materialised stages: DuckDB inlines a subquery's expressions into every use, and a date's
  // value is used by a dozen shape tests — inlined, its cleaning ran a dozen times (measured 2× slower).
  const rawTable = q.newTable('dd_raw');
  await q.run(`CREATE TABLE ${rawTable} AS SELECT row_id, ${raws.join(', ')} FROM ${relation}`);
  const featTable = q.newTable('dd_feat');
  await q.run(`CREATE TABLE ${featTable} AS SELECT row_id, ${exprs.join(', ')} FROM ${rawTable}`);
  await q.drop(rawTable);
  await q.run(`CREATE TABLE ${all} AS SELECT *${wordLists.map((w) => `, ${w}`).join('')} FROM ${featTable}`);
  await q.drop(featTable);
  q.job.progress({ stage: 'finding exact duplicates' });
  const reps = await exactGroups(q, all, comps);
  const features = q.newTable('dd_features');
  const family = roleColumns(roles).first('family_name');
  // The representatives' features, with each value's share of the records holding one for the
  // comparisons adjusted by term frequency: groupings joined back in the same statement (a window over
  // the wide rows cost ~3 s a column on 1M; joining the groupings to every pair doubled comparing).
  const tfComps = comps.filter((x) => x.termFrequency);
  const groups = tfComps.map((c, i) => `LEFT JOIN (SELECT ${c.feature} AS v, count(*)::DOUBLE / sum(count(*)) OVER () AS p FROM f WHERE ${c.feature} IS NOT NULL GROUP BY 1) g${i} ON g${i}.v = f.${c.feature}`);
  await q.run(`CREATE TABLE ${features} AS WITH f AS MATERIALIZED (SELECT a.* FROM ${all} a JOIN ${reps} m ON m.row_id = a.row_id AND m.rep = a.row_id)
    SELECT f.*${tfComps.map((c, i) => `, g${i}.p AS ${tfColumn(c)}`).join('')} FROM f ${groups.join(' ')}`);
  if (family) await addPhonetic(q, features, feat(family.columnId));
  const repCount = num((await q.one(`SELECT count(*) AS n FROM ${features}`)).n);
  const blocking = await block(q, features, repCount, candidateRules(roles), settings.rules, DEDUPE_DEFAULTS.maxPairsPerRow);
  return { roles, comps, all, reps, features, repCount, blocking };
}

/**
 * row_id → rep: rows with the same features (NULLs equal) share the smallest row id; a row with no
 * identifying feature stands alone. Rows that agree only on a category or a city, everything else
 * missing, are not one record at probability 1: where the table has identity roles (names, contact
 * details, dates, identifiers…), a row needs one of them to join an exact group.
 */
async function exactGroups(q: Query, all: string, comps: ComparisonDef[]): Promise<string> {
  const fs = comps.map((c) => c.feature);
  const identity = comps.filter((c) => IDENTITY_ROLES.has(c.role));
  const anyValue = (identity.length > 0 ? identity : comps).map((c) => `${c.feature} IS NOT NULL`).join(' OR ');
  const reps = q.newTable('dd_reps');
  await q.run(`CREATE TABLE ${reps} AS SELECT row_id, CASE WHEN ${anyValue} THEN min(row_id) OVER (PARTITION BY hash(${fs.join(', ')})) ELSE row_id END AS rep FROM ${all}`);
  // A hash shared by different features would join different rows: check, and regroup on the values if so.
  const same = fs.map((f) => `a.${f} IS NOT DISTINCT FROM b.${f}`).join(' AND ');
  const bad = await q.one(`SELECT count(*) AS n FROM ${reps} m JOIN ${all} a ON a.row_id = m.row_id JOIN ${all} b ON b.row_id = m.rep WHERE m.rep <> m.row_id AND NOT (${same})`);
  if (num(bad.n) > 0) {
    await q.run(`CREATE OR REPLACE TABLE ${reps} AS SELECT row_id, CASE WHEN ${anyValue} THEN min(row_id) OVER (PARTITION BY ${fs.join(', ')}) ELSE row_id END AS rep FROM ${all}`);
  }
  return reps;
}

/** Adds ph_family: the Double Metaphone key of the family name (computed in workers on distinct values). */
async function addPhonetic(q: Query, features: string, family: string): Promise<void> {
  const values = (await q.all(`SELECT DISTINCT ${family} AS v FROM ${features} WHERE ${family} IS NOT NULL ORDER BY v`)).map((r) => String(r.v));
  q.job.progress({ stage: 'family-name sounds', done: 0, total: values.length, unit: 'steps' });
  const keys = (await q.workers.map('cluster.metaphoneKeys', values, { signal: q.job.signal, input: (batch) => ({ values: batch }), onProgress: (done) => q.job.progress({ done }) })).flat();
  const t = q.newTableNamed('dd_phonetic');
  await q.run(`CREATE TABLE ${t.sql} (v VARCHAR, ph VARCHAR)`);
  const app = await q.appender(t.name);
  for (let i = 0; i < values.length; i++) {
    app.appendVarchar(values[i]!);
    app.appendVarchar(keys[i] ?? '');
    app.endRow();
  }
  app.closeSync();
  await q.run(`ALTER TABLE ${features} ADD COLUMN ph_family VARCHAR`);
  await q.run(`UPDATE ${features} f SET ph_family = nullif(p.ph, '') FROM ${t.sql} p WHERE p.v = f.${family}`);
  await q.drop(t.sql);
}

export async function planDuplicates(q: Query, input: DedupeInput): Promise<DedupePlanOutcome> {
  const p = await prepare(q, input);
  return { roles: p.roles, rules: p.blocking.rules, candidatePairs: p.blocking.candidatePairs, warnings: p.blocking.warnings };
}

/** The feature-table column holding a record's term frequency for a comparison. */
const tfColumn = (c: ComparisonDef) => ident(`tf_${c.id}`);

/**
 * Pairs (l, r[, rules]) with their levels: row_id_l, row_id_r, rules, levels, and the left record's
 * term frequencies (what an exact match on its value is worth). `left` must be the feature table.
 */
export function levelRows(p: Prepared, pairs: string, left: string, right: string, hasRules: boolean): string {
  const tfs = p.comps.filter((c) => c.termFrequency).map((c) => `, l.${tfColumn(c)}`).join('');
  return `SELECT c.l AS row_id_l, c.r AS row_id_r, ${hasRules ? 'c.rules' : '0::BIGINT'} AS rules, ${levelsList(p.comps)} AS levels${tfs}
    FROM ${pairs} c JOIN ${left} l ON l.row_id = c.l JOIN ${right} r ON r.row_id = c.r`;
}

export const levelsList = (comps: ComparisonDef[]) => `list_value(${comps.map((c) => `coalesce(${levelSql(c)}, ${MISSING_LEVEL})`).join(', ')})::UTINYINT[]`;

/**
 * Decisions as a scratch table (l, r, decision) on representatives; pairs within one exact group are
 * dropped, and so are decisions naming a row the relation does not hold (a step's selection leaves it
 * out). `inRelation` counts the decisions whose two rows it holds.
 */
async function decisionTable(q: Query, reps: string, decisions: DecidedPair[]): Promise<{ table: string; inRelation: number }> {
  const raw = q.newTableNamed('dd_decided_raw');
  await q.run(`CREATE TABLE ${raw.sql} (l BIGINT, r BIGINT, decision VARCHAR)`);
  const app = await q.appender(raw.name);
  for (const d of decisions) {
    app.appendBigInt(BigInt(d.rowIdL));
    app.appendBigInt(BigInt(d.rowIdR));
    app.appendVarchar(d.decision);
    app.endRow();
  }
  app.closeSync();
  const t = q.newTable('dd_decided');
  const joined = `${raw.sql} d JOIN ${reps} a ON a.row_id = d.l JOIN ${reps} b ON b.row_id = d.r`;
  const inRelation = num((await q.one(`SELECT count(*) AS n FROM ${joined}`)).n);
  // Several decisions can land on one representative pair: a non-match wins (it is the safer reading;
  // min() would pick 'match', which sorts first).
  await q.run(`CREATE TABLE ${t} AS SELECT least(a.rep, b.rep) AS l, greatest(a.rep, b.rep) AS r,
      CASE WHEN bool_or(d.decision = 'non_match') THEN 'non_match' ELSE 'match' END AS decision
    FROM ${joined} WHERE a.rep <> b.rep GROUP BY ALL`);
  await q.drop(raw.sql);
  return { table: t, inRelation };
}

/** Distinct patterns of levels (with decisions as labels) among the scored pairs, optionally only those agreeing on a rule's key. */
async function patternsOf(q: Query, p: Prepared, levels: string, decided: string, rule?: RuleDef): Promise<Pattern[]> {
  const bit = rule ? 2 ** p.blocking.used.indexOf(rule) : 0;
  // Ordered, so EM adds in the same order every run (a different order changes the last bits, and the model digest).
  const rows = await q.all(`SELECT lv::VARCHAR AS lv, decision, n FROM (
    SELECT s.levels AS lv, d.decision, count(*) AS n FROM ${levels} s LEFT JOIN ${decided} d ON d.l = s.row_id_l AND d.r = s.row_id_r
    ${rule ? `WHERE s.rules & ${bit} <> 0` : ''} GROUP BY ALL) ORDER BY lv, decision NULLS FIRST`);
  return rows.map((r) => ({
    levels: (JSON.parse(String(r.lv)) as number[]).map((x, c) => (x === MISSING_LEVEL ? null : (p.comps[c]!.base?.[x] ?? x))),
    count: num(r.n),
    ...(r.decision === 'match' ? { label: 1 as const } : r.decision === 'non_match' ? { label: 0 as const } : {}),
  }));
}

/**
 * m and λ, the Splink way: one EM session per key rule in use, on the pairs that rule made, with the rule's own columns left out (its pairs agree on them by construction, so
 * they say nothing there); each comparison's m is the median over the sessions that trained it (an
 * average let one loose rule — same common name, where e-mails made from names agree by chance — pull
 * every weight its way). A comparison no session trained keeps the m of one EM over
 * all candidate pairs. Finally λ, the chance that two random records match, is estimated with m and u fixed.
 */
async function train(q: Query, p: Prepared, levels: string, decided: string, u: number[][]): Promise<EmResult & { decisionsUsed: number }> {
  const exact = p.comps.map(exactLevel);
  const m0 = initialM(u.map((x) => x.length), exact);
  const all = await patternsOf(q, p, levels, decided);
  const global = estimate(all, u, { m: m0 });
  const trained: number[][][] = p.comps.map(() => []);
  // Training rules: key rules making at most one pair per record (a loose rule — same common name —
  // is mostly non-matches that agree on correlated fields, and teaches the wrong m).
  const tight = p.blocking.used.filter((r) => r.kind === 'key' && (p.blocking.rules.find((x) => x.id === r.id)?.pairs ?? Infinity) <= p.repCount);
  const roleOf = new Map(p.roles.map((r) => [r.columnId, r.role]));
  for (const rule of tight) {
    q.job.throwIfCancelled();
    const near = new Set(rule.columnIds.flatMap((id) => CORRELATED[roleOf.get(id) ?? 'ignore'] ?? []));
    const ignore = p.comps.map((c) => c.columnIds.some((id) => rule.columnIds.includes(id)) || near.has(c.role));
    if (ignore.every(Boolean)) continue;
    const pats = await patternsOf(q, p, levels, decided, rule);
    const session = estimate(pats, u, { m: m0, ignore });
    const matches = session.lambda * pats.reduce((a, x) => a + x.count, 0);
    if (!(matches >= 1)) continue;
    for (const [c, skip] of ignore.entries()) if (!skip) trained[c]!.push(session.m[c]!);
  }
  // No level is impossible for a match: a floor keeps one odd field from vetoing a pair outright.
  const m = trained.map((sessions, c) => floorM(sessions.length > 0 ? medianOf(sessions) : global.m[c]!));
  // The prior is that of two random records (u is too), not of a candidate pair: the pairs no rule made count as non-matches.
  const totalPairs = (p.repCount * (p.repCount - 1)) / 2;
  const final = estimate(all, u, { m, lambda: Math.min(global.lambda, 1 / Math.max(2, p.repCount)), lambdaOnly: true, totalPairs });
  return { ...final, m, decisionsUsed: all.filter((x) => x.label !== undefined).reduce((a, x) => a + x.count, 0) };
}

/**
 * Roles whose agreement goes with a role's agreement among non-matches too (e-mail addresses are
 * made from names; a postcode fixes the city): a training session on a rule over the first leaves
 * the second out as well, or EM reads their chance agreement as evidence of matches.
 */
export const CORRELATED: Partial<Record<DedupeRole, DedupeRole[]>> = {
  email: ['given_name', 'family_name', 'full_name'],
  postcode: ['city', 'address'],
  address: ['postcode', 'city'],
  city: ['postcode'],
};

/** The least m of any level: log2(0.005) ≈ −7.6 is as far as one field's disagreement can pull a pair's weight. */
export const M_FLOOR = 0.005;

function floorM(m: number[]): number[] {
  const raised = m.map((x) => Math.max(M_FLOOR, x));
  const total = raised.reduce((a, b) => a + b, 0);
  return raised.map((x) => x / total);
}

/** Per level, the median over sessions, renormalised (one session fooled by correlated fields does not move it). */
export function medianOf(sessions: number[][]): number[] {
  const med = sessions[0]!.map((_, l) => {
    const xs = sessions.map((s) => s[l]!).sort((a, b) => a - b);
    const h = xs.length >> 1;
    return xs.length % 2 ? xs[h]! : (xs[h - 1]! + xs[h]!) / 2;
  });
  const total = med.reduce((a, b) => a + b, 0);
  return med.map((x) => Math.max(1e-6, x / total));
}

/** Counts of each level of each comparison among random pairs of distinct representatives. */
async function sampleLevels(q: Query, p: Prepared): Promise<number[][]> {
  const s = q.newTable('dd_usample');
  // The ids first (a top-N over narrow rows), then their features: sorting the wide rows cost seconds on 1M.
  await q.run(`CREATE TABLE ${s} AS SELECT f.*, i.rn FROM (SELECT row_id, row_number() OVER (ORDER BY hash(row_id), row_id) AS rn FROM
    (SELECT row_id FROM ${p.features} ORDER BY hash(row_id), row_id LIMIT ${2 * U_SAMPLE})) i JOIN ${p.features} f USING (row_id)`);
  const pairs = p.repCount <= 2 * U_SAMPLE
    ? `FROM ${s} l JOIN ${s} r ON l.row_id < r.row_id`
    : `FROM (SELECT * FROM ${s} WHERE rn <= ${U_SAMPLE}) l, (SELECT * FROM ${s} WHERE rn > ${U_SAMPLE}) r`;
  const rows = await q.all(`SELECT i, lv, count(*) AS n FROM (SELECT unnest(lvs) AS lv, generate_subscripts(lvs, 1) AS i FROM (SELECT ${levelsList(p.comps)} AS lvs ${pairs})) GROUP BY ALL`);
  await q.drop(s);
  const counts = p.comps.map((c) => new Array<number>(c.levels.length).fill(0));
  for (const r of rows) {
    const lv = num(r.lv);
    if (lv === MISSING_LEVEL) continue;
    const c = p.comps[num(r.i) - 1]!;
    counts[num(r.i) - 1]![c.base?.[lv] ?? lv]! += num(r.n);
  }
  return counts;
}

/** Sampled records whose partners sharing their name give the conditional u of a names-aware comparison. */
export const NAMES_SAMPLE = 3000;
/** At most this many same-name partners per sampled record (a very common name must not swamp the sample). */
export const NAMES_PARTNERS = 20;

/**
 * u of the names-aware levels (ComparisonDef.base): the share of each base level among pairs of
 * records that share their name — mostly different people, so what the level is worth once the
 * names have been counted. Never below the base level's own u; null where no such pairs exist.
 */
async function conditionalU(q: Query, p: Prepared, c: ComparisonDef, u: number[]): Promise<number[] | null> {
  if (!c.base || !c.namesAgree) return null;
  const baseLevels = c.levels.filter((_, i) => c.base![i] === i);
  const lv = levelSql({ ...c, levels: baseLevels });
  // The pairs first (ids only, partners capped), then their features: a common name has hundreds of partners.
  const ids = `(SELECT row_id FROM ${p.features} ORDER BY hash(row_id), row_id LIMIT ${NAMES_SAMPLE})`;
  const same = c.namesAgree.replaceAll('l.', 'a.').replaceAll('r.', 'b.');
  const pairs = `(SELECT a.row_id AS l, b.row_id AS r FROM (SELECT f.* FROM ${ids} i JOIN ${p.features} f USING (row_id)) a
      JOIN ${p.features} b ON ${same} AND a.row_id <> b.row_id
      QUALIFY row_number() OVER (PARTITION BY a.row_id ORDER BY hash(b.row_id), b.row_id) <= ${NAMES_PARTNERS})`;
  const rows = await q.all(`SELECT lv, count(*) AS n FROM (SELECT ${lv} AS lv FROM ${pairs} x JOIN ${p.features} l ON l.row_id = x.l JOIN ${p.features} r ON r.row_id = x.r)
    WHERE lv IS NOT NULL GROUP BY lv`);
  const counts = new Array<number>(baseLevels.length).fill(0);
  for (const r of rows) counts[num(r.lv)] = num(r.n);
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  return c.levels.map((_, k) => {
    const b = c.base![k]!;
    return Math.max(u[b]!, (counts[b]! + 0.5) / (n + 0.5 * baseLevels.length));
  });
}

/** The chance that two distinct representatives share a value, per comparison (from value frequencies). */
async function exactU(q: Query, p: Prepared): Promise<number[]> {
  const out: number[] = [];
  for (const c of p.comps) {
    const r = await q.one(`SELECT sum(n * (n - 1))::DOUBLE AS same, sum(n)::DOUBLE AS m FROM (SELECT count(*) AS n FROM ${p.features} WHERE ${c.feature} IS NOT NULL GROUP BY ${c.feature})`);
    const m = num(r.m);
    out.push(m < 2 ? 0 : num(r.same) / (m * (m - 1)));
  }
  return out;
}

const log2 = (x: number) => Math.log(x) / Math.LN2;
/** A number as a DOUBLE literal (a bare 0.9 is a DECIMAL(1,1) to DuckDB, and comparisons with it go wrong). */
const lit = (x: number) => `${Number.isFinite(x) ? x.toPrecision(15) : '0'}::DOUBLE`;

/** The SQL of the weights list and, per TF comparison, the value-frequency table it joins. */
function weightSql(p: Prepared, model: DedupeModel): string {
  const parts: string[] = [];
  for (const [i, c] of p.comps.entries()) {
    const levels = model.comparisons[i]!.levels;
    const lv = `s.levels[${i + 1}]`;
    let w = `CASE ${lv} ${levels.map((l, k) => `WHEN ${k} THEN ${lit(l.weight)}`).join(' ')} ELSE 0 END`;
    if (c.termFrequency) {
      const e = exactLevel(c);
      const tf = `s.${tfColumn(c)}`;
      // Splink's adjustment: an exact match on a value weighs log2(m / tf) instead of log2(m / u).
      w = `(${w} + CASE WHEN ${lv} = ${e} AND ${tf} IS NOT NULL THEN log2(${lit(levels[e]!.u)} / greatest(${tf}, ${lit(levels[e]!.u)} / 64)) ELSE 0 END)`;
    }
    parts.push(w);
  }
  return `list_value(${parts.join(', ')})::FLOAT[]`;
}

function sha256(x: unknown): string {
  return createHash('sha256').update(JSON.stringify(x)).digest('hex');
}

/**
 * DuckDB's memory limit while the finder runs: its scratch tables (features, candidate pairs with
 * their levels, scored pairs) would otherwise grow into the workspace's whole share of RAM; beyond
 * this, DuckDB spills to its temporary file. Measured on 1M rows: docs/BENCHMARKS.md, dedupe.
 */
export const FIND_MEMORY_LIMIT = '1GB';

export async function findDuplicates(q: Query, input: DedupeInput): Promise<DedupeOutcome> {
  return underMemoryLimit(q.conn, FIND_MEMORY_LIMIT, () => find(q, input));
}

async function find(q: Query, input: DedupeInput): Promise<DedupeOutcome> {
  const { settings } = input;
  const p = await prepare(q, input);
  const warnings = [...p.blocking.warnings];
  const decisions = settings.useDecisions ? input.decisions : [];
  const { table: decided, inRelation } = await decisionTable(q, p.reps, decisions);
  const inExact = inRelation - num((await q.one(`SELECT count(*) AS n FROM ${decided}`)).n);
  if (inExact > 0) {
    warnings.push(`${inExact} review decision(s) name two records that are exact duplicates here (equal on every compared column) or repeat another decision; they were not used. To keep exact duplicates apart, compare a column that tells them apart.`);
  }
  // A decided pair is scored even when no rule pairs it any more.
  await q.run(`INSERT INTO ${p.blocking.candidates} SELECT l, r, 0 FROM ${decided} ANTI JOIN ${p.blocking.candidates} USING (l, r)`);

  q.job.throwIfCancelled();
  const candidates = num((await q.one(`SELECT count(*) AS n FROM ${p.blocking.candidates}`)).n);
  q.job.progress({ stage: 'comparing candidate pairs', done: 0, total: candidates, unit: 'rows' });
  const levels = q.newTable('dd_levels');
  await q.run(`CREATE TABLE ${levels} AS ${levelRows(p, p.blocking.candidates, p.features, p.features, true)}`);

  q.job.progress({ stage: 'estimating match weights' });
  const sample = await sampleLevels(q, p);
  const u = estimateU(sample, p.comps.map(exactLevel), await exactU(q, p));
  const em = await train(q, p, levels, decided, u);
  const cond: (number[] | null)[] = [];
  for (const [i, c] of p.comps.entries()) cond.push(await conditionalU(q, p, c, u[i]!));
  const model: DedupeModel = {
    comparisons: p.comps.map((c, i): Comparison => ({
      id: c.id,
      label: c.label,
      columnIds: c.columnIds,
      role: c.role,
      levels: c.levels.map((l, k) => {
        const b = c.base?.[k] ?? k;
        const m = em.m[i]![b]!;
        const uu = b !== k ? (cond[i]?.[k] ?? u[i]![b]!) : u[i]![k]!;
        return { label: l.label, m, u: uu, weight: log2(m / uu), ...(c.termFrequency && k === exactLevel(c) ? { termFrequency: true } : {}) };
      }),
    })),
    lambda: em.lambda,
    iterations: em.iterations,
    converged: em.converged,
    decisionsUsed: em.decisionsUsed,
  };
  if (!em.converged) warnings.push(`The weight estimate did not settle within ${em.iterations} rounds; results may be less sharp than usual.`);

  q.job.progress({ stage: 'scoring pairs' });
  const prior = log2(em.lambda / (1 - em.lambda));
  const w = weightSql(p, model);
  const pairs = q.newTable('dd_pairs');
  const score = (from: string, probability: string) => `SELECT row_id_l, row_id_r, ${probability} AS probability, weight, levels, weights, decision FROM (
      SELECT *, ${lit(prior)} + list_sum(weights) AS weight FROM (
        SELECT s.row_id_l, s.row_id_r, s.levels, ${w} AS weights, d.decision
        FROM ${from} s LEFT JOIN ${decided} d ON d.l = s.row_id_l AND d.r = s.row_id_r))`;
  await q.run(`CREATE TABLE ${pairs} AS ${score(levels, '1 / (1 + pow(2, -weight))')}`);
  await q.drop(levels);
  // Exact duplicates: each row paired with its representative, probability 1.
  const exactPairs = q.newTable('dd_exact');
  await q.run(`CREATE TABLE ${exactPairs} AS ${levelRows(p, `(SELECT rep AS l, row_id AS r FROM ${p.reps} WHERE rep <> row_id)`, p.features, p.all, false)}`);
  await q.run(`INSERT INTO ${pairs} ${score(exactPairs, '1.0')}`);
  await q.drop(exactPairs);

  const thr = settings.threshold;
  const matches = `((probability >= ${lit(thr)} AND coalesce(decision, '') <> 'non_match') OR decision = 'match')`;
  q.job.progress({ stage: 'building clusters' });
  const clusters = await cluster(q, input.relation, pairs, matches);
  await chainCheck(q, p, pairs, clusters, score);
  const clusterInfo = q.newTable('dd_cluster_info');
  const effective = `CASE decision WHEN 'match' THEN 1.0 WHEN 'non_match' THEN 0.0 ELSE probability END`;
  await q.run(`CREATE TABLE ${clusterInfo} AS
    WITH members AS (SELECT c.row_id, c.cluster_id, m.rep FROM ${clusters} c JOIN ${p.reps} m USING (row_id)),
    sizes AS (SELECT cluster_id, count(*) AS size, count(DISTINCT rep) AS k FROM members GROUP BY cluster_id HAVING count(*) >= 2),
    inner_pairs AS (SELECT a.cluster_id, ${effective} AS pe, a.rep = a.row_id AND b.rep = b.row_id AS between_reps
      FROM ${pairs} s JOIN members a ON a.row_id = s.row_id_l JOIN members b ON b.row_id = s.row_id_r WHERE a.cluster_id = b.cluster_id)
    SELECT z.cluster_id, z.size, coalesce(min(i.pe), 1.0) AS min_probability,
      count(*) FILTER (WHERE i.between_reps AND i.pe >= ${lit(thr)}) = z.k * (z.k - 1) // 2 AS fully_linked
    FROM sizes z LEFT JOIN inner_pairs i USING (cluster_id) GROUP BY z.cluster_id, z.size, z.k`);

  q.job.progress({ stage: 'counting' });
  const c = await q.one(`SELECT
      (SELECT count(*) FROM ${p.reps} WHERE rep <> row_id) AS exact_rows,
      (SELECT count(*) FILTER (WHERE ${matches}) FROM ${pairs} s JOIN ${p.reps} m ON m.row_id = s.row_id_r AND m.rep = s.row_id_r) AS matched,
      (SELECT count(*) FROM ${pairs} WHERE decision IS NULL AND probability >= ${lit(settings.review.lower)} AND probability < ${lit(settings.review.upper)}) AS review,
      (SELECT count(*) FROM ${pairs} WHERE decision IS NOT NULL) AS decided,
      (SELECT count(*) FROM ${clusterInfo}) AS clusters,
      (SELECT coalesce(sum(size), 0) FROM ${clusterInfo}) AS rows_in,
      (SELECT coalesce(max(size), 0) FROM ${clusterInfo}) AS largest,
      (SELECT count(*) FROM ${clusterInfo} WHERE NOT fully_linked) AS chained`);
  const sizes = await q.all(`SELECT size, count(*) AS n FROM ${clusterInfo} GROUP BY size ORDER BY size`);
  const bins = await q.all(`SELECT least(floor(probability * 20), 19)::INTEGER AS b, count(*) AS n FROM ${pairs} s JOIN ${p.reps} m ON m.row_id = s.row_id_r AND m.rep = s.row_id_r GROUP BY 1`);
  const probabilities: HistogramBin[] = Array.from({ length: 20 }, (_, i) => ({ from: i / 20, to: (i + 1) / 20, count: 0 }));
  for (const b of bins) probabilities[num(b.b)]!.count = num(b.n);
  const clustersN = num(c.clusters);
  const rowsIn = num(c.rows_in);
  if (num(c.chained) > 0) warnings.push(`${num(c.chained)} cluster(s) hold records that do not all match each other (joined through a chain), or more than ${CHAIN_CHECK_MAX} records, too many to check pair by pair: look at them in the cluster browser.`);
  const usedDecisions = (await q.all(`SELECT l, r, decision FROM ${decided} ORDER BY l, r`)).map((r) => [num(r.l), num(r.r), String(r.decision)]);
  return {
    roles: p.roles,
    rules: p.blocking.rules,
    candidatePairs: candidates,
    warnings,
    model,
    pairs,
    clusters,
    clusterInfo,
    counts: {
      rows: input.rowCount,
      exactDuplicateRows: num(c.exact_rows),
      candidatePairs: candidates,
      matchedPairs: num(c.matched),
      reviewPairs: num(c.review),
      decidedPairs: num(c.decided),
      clusters: clustersN,
      rowsInClusters: rowsIn,
      duplicateRows: rowsIn - clustersN,
      largestCluster: num(c.largest),
      chainedClusters: num(c.chained),
    },
    digests: { decisions: sha256(usedDecisions), model: sha256(model), decisionCount: usedDecisions.length },
    clusterSizes: sizes.map((s) => ({ size: num(s.size), clusters: num(s.n) })),
    probabilities,
  };
}

/** Connected components of the matching pairs → (row_id, cluster_id) for every row of the relation. */
async function cluster(q: Query, relation: string, pairs: string, matches: string): Promise<string> {
  // One row of two lists: a plain result can stop at an empty first chunk when a filter drops every row of it.
  const edges = await q.conn.runAndReadAll(`SELECT coalesce(list(row_id_l::DOUBLE), []) AS l, coalesce(list(row_id_r::DOUBLE), []) AS r FROM ${pairs} WHERE ${matches}`);
  const [row] = edges.getRowsJS() as [number[], number[]][];
  const comp = components(row?.[0] ?? [], row?.[1] ?? []);
  const t = q.newTableNamed('dd_components');
  await q.run(`CREATE TABLE ${t.sql} (row_id BIGINT, cluster_id BIGINT)`);
  const app = await q.appender(t.name);
  for (const [row, c] of comp) {
    app.appendBigInt(BigInt(row));
    app.appendBigInt(BigInt(c));
    app.endRow();
  }
  app.closeSync();
  const out = q.newTable('dd_clusters');
  await q.run(`CREATE TABLE ${out} AS SELECT f.row_id, coalesce(c.cluster_id, f.row_id) AS cluster_id FROM ${relation} f LEFT JOIN ${t.sql} c USING (row_id)`);
  await q.drop(t.sql);
  return out;
}

/** Scores the unscored pairs of representatives inside clusters of 3 to CHAIN_CHECK_MAX of them, so chains show. */
async function chainCheck(q: Query, p: Prepared, pairs: string, clusters: string, score: (from: string, probability: string) => string): Promise<void> {
  const inner = q.newTable('dd_inner');
  await q.run(`CREATE TABLE ${inner} AS
    WITH m AS (SELECT c.row_id, c.cluster_id FROM ${clusters} c JOIN ${p.reps} r ON r.row_id = c.row_id AND r.rep = c.row_id),
    k AS (SELECT cluster_id FROM m GROUP BY cluster_id HAVING count(*) BETWEEN 3 AND ${CHAIN_CHECK_MAX})
    SELECT a.row_id AS l, b.row_id AS r FROM m a JOIN m b ON a.cluster_id = b.cluster_id AND a.row_id < b.row_id
    WHERE a.cluster_id IN (SELECT cluster_id FROM k)`);
  await q.run(`DELETE FROM ${inner} i WHERE EXISTS (SELECT 1 FROM ${pairs} s WHERE s.row_id_l = i.l AND s.row_id_r = i.r)`);
  const levels = q.newTable('dd_inner_levels');
  await q.run(`CREATE TABLE ${levels} AS ${levelRows(p, inner, p.features, p.features, false)}`);
  await q.run(`INSERT INTO ${pairs} ${score(levels, '1 / (1 + pow(2, -weight))')}`);
  await q.drop(levels);
  await q.drop(inner);
}
