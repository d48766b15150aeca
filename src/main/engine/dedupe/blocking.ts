// Blocking: which records are compared at all. Each rule is a key over the feature table (records
// sharing a key value are paired) or a sorted neighbourhood (records within a window after sorting
// by a key). Rules are chosen from the roles present; each rule's pair count is computed before any
// pair is made, and a rule that would make too many pairs is left out, so nothing grows
// quadratically. Blocks larger than BLOCK_CAP records are skipped and reported.
import type { BlockingRule, ColumnRole, DedupeRole } from '../../../shared/api/dedupe-types';
import { num } from '../db/database';
import type { Query } from '../clean/query';
import { feat } from './compare';

/** A key value shared by more records than this pairs none of them (reported in the warnings). */
export const BLOCK_CAP = 50;
/** Candidate pairs per record that all automatically chosen rules may make together. */
export const TOTAL_PAIRS_PER_ROW = 2;
/** With this many key rules in use, a sorted neighbourhood is left out unless chosen. */
export const NEIGHBOURHOOD_UNLESS = 3;
/** Records each record is paired with on either side in a sorted neighbourhood. */
export const WINDOW = 2;

export interface RuleDef {
  id: string;
  label: string;
  columnIds: string[];
  kind: 'key' | 'neighbourhood';
  /** SQL over the feature table, its alias written §; NULL when the record has no key. */
  key: string;
}

/** A rule's key over the feature table aliased `alias`. */
export const keyOf = (rule: RuleDef, alias: string): string => rule.key.replaceAll('§', alias);

export interface RoleColumns {
  first(role: DedupeRole): ColumnRole | undefined;
  all(role: DedupeRole): ColumnRole[];
}

export function roleColumns(roles: ColumnRole[]): RoleColumns {
  const all = (role: DedupeRole) => roles.filter((r) => r.role === role);
  return {
    all,
    first(role) {
      const cols = all(role);
      // Of several dates, the one whose header speaks of birth.
      if (role === 'date') return cols.find((c) => /birth|dob|born/i.test(c.header)) ?? cols[0];
      return cols[0];
    },
  };
}

const str = (x: string) => `CAST(${x} AS VARCHAR)`;
const join = (...parts: string[]) => `(${parts.map(str).join(" || '|' || ")})`;

/** The rules the roles allow, in a fixed order (ids are stable; the phonetic feature is `ph_family`). */
export function candidateRules(roles: ColumnRole[]): RuleDef[] {
  const r = roleColumns(roles);
  const given = r.first('given_name');
  const family = r.first('family_name');
  const full = r.first('full_name');
  const date = r.first('date');
  const email = r.first('email');
  const phone = r.first('phone');
  const postcode = r.first('postcode');
  const address = r.first('address');
  const city = r.first('city');
  const f = (c: ColumnRole) => `§.${feat(c.columnId)}`;
  const rules: RuleDef[] = [];
  const add = (id: string, label: string, cols: (ColumnRole | undefined)[], key: string, kind: RuleDef['kind'] = 'key') =>
    rules.push({ id, label, columnIds: cols.filter((c): c is ColumnRole => c !== undefined).map((c) => c.columnId), kind, key });

  if (family && date) add('family+date', `Same ${family.header} and ${date.header}`, [family, date], join(f(family), f(date)));
  if (given && date) add('given+date', `Same ${given.header} and ${date.header}`, [given, date], join(f(given), f(date)));
  if (family && date) add('family_sound+year', `Same sound of ${family.header} and year of ${date.header}`, [family, date], join('§.ph_family', `year(${f(date)})`));
  if (given && family) add('names', `Same ${given.header} and ${family.header} (either order)`, [given, family], join(`least(${f(given)}, ${f(family)})`, `greatest(${f(given)}, ${f(family)})`));
  if (full) add('full_name', `Same words in ${full.header}`, [full], `array_to_string(list_sort(string_split(${f(full)}, ' ')), ' ')`);
  if (full && date) add('full_name_start+date', `Same first letters of ${full.header} and ${date.header}`, [full, date], join(`left(${f(full)}, 3)`, f(date)));
  if (email) add('email', `Same ${email.header}`, [email], f(email));
  if (phone) add('phone', `Same ${phone.header}`, [phone], f(phone));
  const initial = given ?? family ?? full;
  if (postcode && initial) add('postcode+initial', `Same ${postcode.header} and first letter of ${initial.header}`, [postcode, initial], join(f(postcode), `left(${f(initial)}, 1)`));
  if (address) add(city ? 'address+city' : 'address', city ? `Same ${address.header} and ${city.header}` : `Same ${address.header}`, [address, city], city ? join(f(address), f(city)) : f(address));
  // At most 20 identifier rules: each rule is a bit of a 64-bit mask on every candidate pair.
  for (const id of r.all('identifier').slice(0, 20)) add(`identifier:${id.columnId}`, `Same ${id.header}`, [id], f(id));
  const nameKey = family && given ? `(${f(family)} || ' ' || ${f(given)})` : full ? f(full) : family ? f(family) : given ? f(given) : null;
  const nameCols = family && given ? [family, given] : [full ?? family ?? given];
  if (nameKey) add('sorted_name', `Neighbours after sorting by ${nameCols.map((c) => c!.header).join(' and ')} (${WINDOW} after each)`, nameCols, nameKey, 'neighbourhood');
  if (!given && !family && !email && !phone && !address) {
    // Not a table of people or customers (products, books, places): pair on each text column's words
    // and on a sorted neighbourhood too, whatever identifier or author rules there are (an ISBN differs
    // between editions; a title rarely does).
    const texts = (r.all('text').length > 0 ? r.all('text') : r.all('identifier')).slice(0, 3);
    for (const t of texts) {
      add(`words:${t.columnId}`, `Same words in ${t.header}`, [t], `array_to_string(list_sort(list_distinct(string_split(${f(t)}, ' '))), ' ')`);
      add(`start:${t.columnId}`, `Same first ten characters of ${t.header}`, [t], `left(${f(t)}, 10)`);
      add(`sorted:${t.columnId}`, `Neighbours after sorting by ${t.header} (${WINDOW} after each)`, [t], f(t), 'neighbourhood');
    }
  }
  return rules;
}

/** Rows paired by a key table (row_id, k, n = the key's block size): blocks of 2 to BLOCK_CAP records; `bit` marks the rule. */
function keyPairs(keys: string, bit: number): string {
  return `(SELECT a.row_id AS l, b.row_id AS r, ${bit} AS m FROM (SELECT row_id, k FROM ${keys} WHERE n BETWEEN 2 AND ${BLOCK_CAP}) a
    JOIN (SELECT row_id, k FROM ${keys} WHERE n BETWEEN 2 AND ${BLOCK_CAP}) b ON a.k = b.k AND a.row_id < b.row_id)`;
}

/** Rows paired by a sorted neighbourhood over a key table: each row with the WINDOW rows after it (one sort, no join). */
function neighbourPairs(keys: string, bit: number): string {
  const next = Array.from({ length: WINDOW }, (_, i) => `lead(row_id, ${i + 1}) OVER w`).join(', ');
  return `(SELECT least(row_id, o) AS l, greatest(row_id, o) AS r, ${bit} AS m FROM (
      SELECT row_id, unnest([${next}]) AS o FROM ${keys} WINDOW w AS (ORDER BY k, row_id)) WHERE o IS NOT NULL)`;
}

export interface BlockingOutcome {
  rules: BlockingRule[];
  /** The definitions of the rules in use. */
  used: RuleDef[];
  /** Scratch table (l, r, rules): distinct candidate pairs, l < r; bit i of `rules` set when used[i] made the pair. */
  candidates: string;
  candidatePairs: number;
  warnings: string[];
}

/**
 * Counts each rule's pairs over the feature table (`features`: row_id plus the features), chooses
 * the rules (the user's list, or every rule within the budget), and makes the distinct candidate pairs.
 */
export async function block(q: Query, features: string, rows: number, defs: RuleDef[], chosen: string[] | undefined, maxPairsPerRow: number): Promise<BlockingOutcome> {
  const budget = Math.max(10_000, maxPairsPerRow * rows);
  // All rules together: past this, a further rule is left out (the rules come tightest first).
  const total = Math.max(20_000, TOTAL_PAIRS_PER_ROW * rows);
  let sum = 0;
  const rules: BlockingRule[] = [];
  const warnings: string[] = [];
  const parts: string[] = [];
  const usedDefs: RuleDef[] = [];
  const keyTables: string[] = [];
  const counted: { d: RuleDef; keys: string; pairs: number }[] = [];
  for (const [i, d] of defs.entries()) {
    q.job.throwIfCancelled();
    q.job.progress({ stage: `counting candidate pairs: ${d.label}`, done: i, total: defs.length, unit: 'steps' });
    const keys = q.newTable('block_keys');
    keyTables.push(keys);
    // Block sizes by a grouping joined back (a window over the keys cost 1–2 s a rule on 1M records).
    await q.run(`CREATE TABLE ${keys} AS WITH x AS (SELECT row_id, ${keyOf(d, 'f')} AS k FROM ${features} f WHERE k IS NOT NULL)
      SELECT x.row_id, x.k, b.n FROM x JOIN (SELECT k, count(*) AS n FROM x GROUP BY k) b USING (k)`);
    let pairs: number;
    if (d.kind === 'neighbourhood') {
      const n = num((await q.one(`SELECT count(*) AS n FROM ${keys}`)).n);
      pairs = n <= 1 ? 0 : Math.min(WINDOW, n - 1) * n - (Math.min(WINDOW, n - 1) * (Math.min(WINDOW, n - 1) + 1)) / 2;
    } else {
      const c = await q.one(`SELECT coalesce(sum(n * (n - 1) // 2) FILTER (WHERE n <= ${BLOCK_CAP}), 0) AS pairs,
          count(*) FILTER (WHERE n > ${BLOCK_CAP}) AS big, coalesce(sum(n) FILTER (WHERE n > ${BLOCK_CAP}), 0) AS big_rows
        FROM (SELECT k, count(*) AS n FROM ${keys} GROUP BY k)`);
      pairs = num(c.pairs);
      if (num(c.big) > 0) {
        warnings.push(`${d.label}: ${num(c.big)} value(s) shared by more than ${BLOCK_CAP} records (${num(c.big_rows)} records) pair nothing by this rule.`);
      }
    }
    counted.push({ d, keys, pairs });
  }
  // Rules are taken tightest first (fewest pairs), key rules before neighbourhoods, while the total
  // stays within budget: a loose rule listed early must not crowd out tight ones (a same-name rule
  // once used the whole budget at 10k and left e-mail and phone out).
  const order = [...counted].sort((x, y) => Number(x.d.kind === 'neighbourhood') - Number(y.d.kind === 'neighbourhood') || x.pairs - y.pairs);
  const decided = new Map<RuleDef, { used: boolean; reason?: string }>();
  for (const { d, keys, pairs } of order) {
    // A sorted neighbourhood mostly pairs strangers next to each other in name order: worth its pairs
    // only where few key rules apply (measured on 100k customers: 73 % of the pairs, no recall gained).
    const keyRulesUsed = usedDefs.filter((u) => u.kind === 'key').length;
    const needless = !chosen && d.kind === 'neighbourhood' && keyRulesUsed >= NEIGHBOURHOOD_UNLESS;
    let used = chosen ? chosen.includes(d.id) : !needless && pairs <= budget && sum + pairs <= total;
    let reason: string | undefined;
    if (chosen && !used) reason = 'not chosen';
    if (needless) reason = `${keyRulesUsed} key rules already pair the likely duplicates; choose it to add its pairs`;
    else if (!chosen && !used) {
      reason = pairs > budget
        ? `would make ${pairs.toLocaleString('en')} pairs, more than ${budget.toLocaleString('en')} (${maxPairsPerRow} per record)`
        : `the tighter rules make ${sum.toLocaleString('en')} pairs; with its ${pairs.toLocaleString('en')} they would pass ${total.toLocaleString('en')} (${TOTAL_PAIRS_PER_ROW} per record)`;
    }
    if (pairs === 0 && used) [used, reason] = [false, 'pairs no records'];
    decided.set(d, { used, ...(reason ? { reason } : {}) });
    if (used) {
      const bit = 2 ** usedDefs.length;
      parts.push(d.kind === 'key' ? keyPairs(keys, bit) : neighbourPairs(keys, bit));
      usedDefs.push(d);
      sum += pairs;
    }
  }
  for (const { d, pairs } of counted) {
    const x = decided.get(d)!;
    rules.push({ id: d.id, label: d.label, columnIds: d.columnIds, kind: d.kind, pairs, used: x.used, ...(x.reason ? { reason: x.reason } : {}) });
  }
  if (chosen) {
    const unknown = chosen.filter((id) => !defs.some((d) => d.id === id));
    if (unknown.length > 0) warnings.push(`No blocking rule is called ${unknown.join(', ')}; the rules here are ${defs.map((d) => d.id).join(', ')}.`);
  }
  const candidates = q.newTable('candidates');
  q.job.progress({ stage: 'making candidate pairs' });
  await q.run(
    parts.length === 0
      ? `CREATE TABLE ${candidates} (l BIGINT, r BIGINT, rules BIGINT)`
      : `CREATE TABLE ${candidates} AS SELECT l, r, bit_or(m)::BIGINT AS rules FROM (${parts.join(' UNION ALL ')}) GROUP BY l, r`,
  );
  for (const t of keyTables) await q.drop(t);
  const candidatePairs = num((await q.one(`SELECT count(*) AS n FROM ${candidates}`)).n);
  if (parts.length === 0 && rows > 1) warnings.push('No blocking rule is in use, so no records were compared; choose a rule or correct the column roles.');
  return { rules, used: usedDefs, candidates, candidatePairs, warnings };
}
