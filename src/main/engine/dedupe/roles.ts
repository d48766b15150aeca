// Column roles for matching, inferred from the header, the type and a deterministic sample of the
// values, then corrected by the user's settings. The rules are deliberately plain: a header that
// names the role decides unless the values contradict it; otherwise the values decide.
import { DEDUPE_ROLE_LABEL, type ColumnRole, type DedupeRole, type DedupeSettings } from '../../../shared/api/dedupe-types';
import { num } from '../db/database';
import { ident } from '../db/sql';
import type { FrameColumn } from '../clean/frame';
import { EMAIL_RE } from '../clean/patterns';
import { dateSql } from '../clean/ops-types';
import type { Query } from '../clean/query';

/** Rows sampled per column to infer roles. */
export const ROLE_SAMPLE = 2000;

/** What the sample says about one column. */
export interface ColumnEvidence {
  nonNull: number;
  /** Shares of the non-empty sampled values. */
  email: number;
  phone: number;
  date: number;
  numeric: number;
  /** Mean words per value, mean characters per value. */
  words: number;
  chars: number;
  /** Distinct values / non-empty values, in the sample and (approximately) in the whole column. */
  sampleDistinct: number;
  distinctRatio: number;
  distinct: number;
}

/** Headers that name a kind of identifier (a bare "number" is one too, but says less: see namesRole). */
const NAMED_ID = /\bssn\b|\bnhs\b|passport|national ?(id|number)|tax ?(id|number)|\bnino\b|\bmrn\b|licen[cs]e|\biban\b|\bisbn\b|\bean\b|\bupc\b|\bsku\b|\bgtin\b|\bdoi\b|account ?(no|number)/;

const HEADER: [DedupeRole, RegExp][] = [
  ['email', /\be ?mail\b|^mail$/],
  ['phone', /phone|\btel\b|telephone|mobile|\bcell\b|\bfax\b|handy/],
  ['given_name', /first ?name|given ?name|forename|\bfname\b|vorname|pr[eé]nom|\bfirst\b|\bgiven\b/],
  ['family_name', /last ?name|surname|family ?name|\blname\b|nachname|\bnom\b|\blast\b|^family$/],
  ['postcode', /post ?code|postal|\bzip\b|zip ?code|\bplz\b|\bcep\b|\bpin ?code\b/],
  ['city', /\bcity\b|\btown\b|locality|municipality|\bort\b|\bville\b|\bsuburb\b/],
  ['address', /address|street|\baddr\b|\broad\b|line ?1|house/],
  ['date', /birth|\bdob\b|\bdate\b|\bborn\b/],
  ['full_name', /^(full ?)?name$|full ?name|(patient|customer|client|person|contact|member|employee|author|owner|holder) ?names?$|^authors?$/],
  ['identifier', new RegExp(`${NAMED_ID.source}|\\bnumber\\b`)],
];

/** A header naming a role by more than a bare "number" ("phone number", "passport no", "tax id"): never a record key. */
function namesRole(h: string): boolean {
  return HEADER.some(([role, re]) => (role === 'identifier' ? NAMED_ID : re).test(h));
}

/** A header that names the table's own record key (`id`, `customer_id`, `record no`): reported, never compared. */
const RECORD_KEY = /^(?:[a-z]+ )?(?:id|key|no|num|number|uuid|guid)$/;

/** The header as lower-case words ("DateOfBirth" → "date of birth", "last_name" → "last name"). */
export function headerWords(header: string): string {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The role the header alone suggests, if any. */
export function headerRole(header: string): DedupeRole | null {
  const h = headerWords(header);
  for (const [role, re] of HEADER) if (re.test(h)) return role;
  return null;
}

/** Infers a role from the header and the evidence (pure: table-tested). */
export function inferRole(col: Pick<FrameColumn, 'header' | 'logicalType'>, e: ColumnEvidence, rows: number): { role: DedupeRole; reason: string } {
  const h = headerWords(col.header);
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  if (e.nonNull === 0) return { role: 'ignore', reason: 'the sample holds no values' };
  if (RECORD_KEY.test(h) && !namesRole(h) && e.distinctRatio >= 0.5) {
    return { role: 'ignore', reason: `the header names a record key and ${pct(e.distinctRatio)} of values are different: it cannot show that two records are one` };
  }
  const byHeader = headerRole(col.header);
  const typed = col.logicalType === 'date' || col.logicalType === 'timestamp';
  const checks: Partial<Record<DedupeRole, [boolean, string]>> = {
    email: [e.email >= 0.5, `${pct(e.email)} of sampled values are e-mail addresses`],
    phone: [e.phone >= 0.5, `${pct(e.phone)} of sampled values look like phone numbers`],
    date: [typed || e.date >= 0.5, typed ? 'the column holds dates' : `${pct(e.date)} of sampled values are dates`],
  };
  if (byHeader) {
    const check = checks[byHeader];
    if (!check || check[0]) return { role: byHeader, reason: `the header says ${DEDUPE_ROLE_LABEL[byHeader].toLowerCase()}${check ? `; ${check[1]}` : ''}` };
  }
  for (const role of ['email', 'date', 'phone'] as const) {
    const [ok, why] = checks[role]!;
    if (ok && (role !== 'phone' || e.phone >= 0.9)) return { role, reason: why };
  }
  if (col.logicalType === 'integer' || col.logicalType === 'decimal' || e.numeric >= 0.9) {
    return { role: 'numeric', reason: col.logicalType === 'integer' || col.logicalType === 'decimal' ? 'the column holds numbers' : `${pct(e.numeric)} of sampled values are numbers` };
  }
  // Few different values, and few for the rows there are (in a 24-row table every title has under 50).
  if (col.logicalType === 'boolean' || (e.distinct <= Math.max(50, rows * 0.002) && e.distinctRatio <= 0.5)) {
    return { role: 'category', reason: `only ${e.distinct} different values` };
  }
  if (e.words >= 3 || e.chars >= 40) return { role: 'text', reason: `free text (${e.words.toFixed(1)} words per value on average)` };
  if (e.words < 1.3 && e.sampleDistinct >= 0.9 && e.chars <= 24) {
    return { role: 'identifier', reason: `short single-word values, ${pct(e.sampleDistinct)} of sampled ones different` };
  }
  return { role: 'text', reason: 'text with no more specific role' };
}

/** Evidence for every column from one deterministic sample (rows whose row id falls on a stride). */
export async function columnEvidence(q: Query, relation: string, columns: FrameColumn[], rowCount: number): Promise<Map<string, ColumnEvidence>> {
  const out = new Map<string, ColumnEvidence>();
  if (columns.length === 0) return out;
  const every = Math.max(1, Math.floor(rowCount / ROLE_SAMPLE));
  const sample = q.newTable('role_sample');
  await q.run(`CREATE TABLE ${sample} AS SELECT * FROM ${relation} WHERE row_id % ${every} = 0 ORDER BY row_id LIMIT ${ROLE_SAMPLE}`);
  // Distinct values over the whole column: one scan for every column (a scan per column cost ~30 ms each on 100k rows).
  const textOf = (c: FrameColumn) => `nullif(trim(CAST(${ident(c.id)} AS VARCHAR)), '')`;
  const wholeRow = await q.one(`SELECT ${columns.map((c, i) => `approx_count_distinct(${textOf(c)}) AS d${i}, count(${textOf(c)}) AS n${i}`).join(', ')} FROM ${relation}`);
  for (const [i, c] of columns.entries()) {
    const v = textOf(c);
    const r = await q.one(`SELECT count(v) AS n,
        count(*) FILTER (WHERE regexp_full_match(v, ${q.bind(EMAIL_RE)})) AS email,
        count(*) FILTER (WHERE regexp_full_match(v, '\\+?[0-9][0-9 ().\\-/]{5,}[0-9]') AND length(regexp_replace(v, '[^0-9]', '', 'g')) BETWEEN 7 AND 15) AS phone,
        count(*) FILTER (WHERE (${dateSql(q, 'v', 'either')}) IS NOT NULL) AS date,
        count(*) FILTER (WHERE TRY_CAST(replace(v, ',', '') AS DOUBLE) IS NOT NULL) AS numeric,
        coalesce(avg(length(v) - length(replace(v, ' ', '')) + 1), 0) AS words,
        coalesce(avg(length(v)), 0) AS chars,
        count(DISTINCT v) AS sd
      FROM (SELECT ${v} AS v FROM ${sample})`);
    const whole = { d: wholeRow[`d${i}`], n: wholeRow[`n${i}`] };
    const n = num(r.n);
    const share = (x: unknown) => (n === 0 ? 0 : num(x) / n);
    out.set(c.id, {
      nonNull: n,
      email: share(r.email),
      phone: share(r.phone),
      date: share(r.date),
      numeric: share(r.numeric),
      words: num(r.words),
      chars: num(r.chars),
      sampleDistinct: share(r.sd),
      distinct: num(whole.d),
      distinctRatio: num(whole.n) === 0 ? 0 : Math.min(1, num(whole.d) / num(whole.n)),
    });
  }
  await q.drop(sample);
  return out;
}

/** Roles that identify a person well (names, contact details, dates, addresses): with two of them, long free text is left out. A book's authors and ISBN are not among them, so its title is compared. */
export const IDENTITY_ROLES = new Set<DedupeRole>(['given_name', 'family_name', 'email', 'phone', 'address', 'postcode', 'date']);

/** Every column's role: inferred, then the settings' corrections (roles, idColumn, exclude) applied. */
export async function resolveRoles(q: Query, relation: string, columns: FrameColumn[], rowCount: number, settings: DedupeSettings): Promise<ColumnRole[]> {
  q.job.progress({ stage: 'inferring column roles' });
  const evidence = await columnEvidence(q, relation, columns, rowCount);
  const inferredAll = columns.map((c) => inferRole(c, evidence.get(c.id)!, rowCount));
  // Long free text (notes, comments) is left out where the table has better evidence of identity.
  const identity = inferredAll.filter((r) => IDENTITY_ROLES.has(r.role)).length;
  return columns.map((c, i) => {
    let inferred = inferredAll[i]!;
    const e = evidence.get(c.id)!;
    if (inferred.role === 'text' && identity >= 2 && (e.words >= 3 || e.chars >= 40)) {
      inferred = { role: 'ignore', reason: `${inferred.reason}: left out, since ${identity} other columns identify a person better; give it a role to compare it` };
    }
    let role = inferred.role;
    let overridden = false;
    const chosen = settings.roles[c.id];
    if (chosen) [role, overridden] = [chosen, true];
    if (settings.idColumn === c.id || settings.exclude.includes(c.id)) [role, overridden] = ['ignore', true];
    const reason = settings.idColumn === c.id ? 'the record id column: reported, never compared' : inferred.reason;
    return { columnId: c.id, header: c.header, role, inferred: inferred.role, reason, overridden };
  });
}
