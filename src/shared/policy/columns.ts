// A policy's column names against a dataset's headers: which are missing (for the column-mapping
// dialog when a recipe is applied to other data), and the policy with names mapped to new ones.
import type { Policy } from './policy';
import type { RowFilter, Step } from './steps';

function filterNames(f: RowFilter | undefined, out: string[]): void {
  if (!f) return;
  if ('all' in f) f.all.forEach((x) => filterNames(x, out));
  else if ('any' in f) f.any.forEach((x) => filterNames(x, out));
  else if ('not' in f) filterNames(f.not, out);
  else if (f.column !== undefined) out.push(f.column);
}

/** The headers a step names (selector names, row-filter columns, and a near-duplicate step's newest column and role corrections). */
export function namesOf(step: Step): string[] {
  const out = [...(step.columns?.names ?? [])];
  filterNames(step.where, out);
  if (step.type === 'dedupe_near') {
    if (step.params.newestColumn !== undefined) out.push(step.params.newestColumn);
    out.push(...Object.keys(step.params.roles));
  }
  return out;
}

/** A near-duplicate step's parameters with headers mapped (other steps' parameters name no columns). */
function mapParams(s: Step, map: (n: string) => string): Step {
  if (s.type !== 'dedupe_near') return s;
  const p = s.params;
  const roles = Object.fromEntries(Object.entries(p.roles).map(([h, r]) => [map(h), r]));
  return { ...s, params: { ...p, roles, ...(p.newestColumn !== undefined ? { newestColumn: map(p.newestColumn) } : {}) } };
}

/** Headers a step makes that later steps may name: a rename's new header, flag columns. */
function madeBy(step: Step): string[] {
  if (step.type === 'rename_column') return [step.params.to];
  const names = step.columns?.names ?? [];
  if (step.type === 'impute' && step.params.flagColumn) return names.map((n) => `${n}_imputed`);
  if (step.type === 'missing_tokens' && step.params.flagColumn) return names.map((n) => `${n}_missing`);
  if (step.type === 'outliers' && step.params.action === 'flag') return names.map((n) => `${n}_outlier`);
  return [];
}

/** The names the policy uses that neither the data nor an earlier step provides. */
export function missingColumns(policy: Policy, headers: string[]): { name: string; stepIds: string[] }[] {
  const have = new Set(headers);
  const missing = new Map<string, string[]>();
  for (const step of policy.steps) {
    for (const n of namesOf(step)) {
      if (have.has(n)) continue;
      missing.set(n, [...(missing.get(n) ?? []), step.id]);
    }
    for (const n of madeBy(step)) have.add(n);
  }
  return [...missing].map(([name, stepIds]) => ({ name, stepIds: [...new Set(stepIds)] }));
}

function mapFilter(f: RowFilter, map: (n: string) => string): RowFilter {
  if ('all' in f) return { all: f.all.map((x) => mapFilter(x, map)) };
  if ('any' in f) return { any: f.any.map((x) => mapFilter(x, map)) };
  if ('not' in f) return { not: mapFilter(f.not, map) };
  return f.column === undefined ? f : { ...f, column: map(f.column) };
}

/** The policy with column names replaced as `mapping` says (old header → new header). */
export function remapColumns(policy: Policy, mapping: Record<string, string>): Policy {
  const map = (n: string) => (Object.hasOwn(mapping, n) ? (mapping[n] as string) : n);
  const steps = policy.steps.map((s): Step => ({
    ...mapParams(s, map),
    ...(s.columns ? { columns: { ...s.columns, ...(s.columns.names ? { names: s.columns.names.map(map) } : {}) } } : {}),
    ...(s.where ? { where: mapFilter(s.where, map) } : {}),
  }));
  return { ...policy, steps };
}
